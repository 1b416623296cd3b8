#pragma once

#include "client/ApiClient.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QWidget>
#include <vector>

namespace ticketing::organizer {

// The organizer's gate scanners (issue 16): add one for a gate and show its one-time enrollment
// QR code (the server's address and the code, client::enrollmentLink) with the code written out
// for typing; list them with when each was last seen and how many scans it sent; remove one
// (its token stops working at once). Owned by the OrganizerWindow, which gives it the ApiClient
// once signed in.
class DevicesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DevicesPage(QWidget* parent = nullptr);

    void setApi(client::ApiClient* api);
    void reload();
    void addDevice();
    // Asks first (the dialog is opened, not run), then removes the chosen scanner.
    void removeChosen(bool confirm = true);

    QTableWidget* table() const { return m_table; }
    QLineEdit* nameField() const { return m_name; }
    QLineEdit* gateField() const { return m_gate; }
    QLabel* qrCode() const { return m_qr; }
    QLabel* codeText() const { return m_code; }
    const std::vector<domain::Device>& devices() const { return m_devices; }
    // The enrollment link the QR code shows (empty until a scanner is added).
    QString enrollmentLink() const { return m_link; }

Q_SIGNALS:
    void message(const QString& text); // for the window's status bar
    void loaded();
    void added(bool ok);
    void removed(bool ok);

private:
    void show(const std::vector<domain::Device>& devices);

    client::ApiClient* m_api = nullptr;
    std::vector<domain::Device> m_devices;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_gate = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_qr = nullptr;
    QLabel* m_code = nullptr;
    QString m_link;
};

} // namespace ticketing::organizer
