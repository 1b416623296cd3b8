#pragma once

#include "client/ApiClient.h"
#include "domain/Event.h"
#include "domain/Promo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QWidget>
#include <optional>
#include <vector>

namespace ticketing::organizer {

// An event's promo codes (API.md "Promo codes and group discounts"): listed with how often each
// has been used (holds count at once, and give their use back when they end), made with their
// limits (uses in all, per buyer, a validity window, tiers, a minimum number of tickets), and
// deleted after a question. The rule that prices a cart is domain::price; this page only asks
// the server. Owned by the OrganizerWindow, opened for the event chosen in the list.
class PromoCodesPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PromoCodesPage(QWidget* parent = nullptr);

    void open(client::ApiClient* api, const domain::Event& event);
    void reload();
    void addCode();
    // Asks first (the dialog is opened, not run), then deletes the chosen code.
    void removeChosen(bool confirm = true);

    QTableWidget* table() const { return m_table; }
    QLineEdit* codeField() const { return m_code; }
    const std::vector<domain::PromoCodeView>& codes() const { return m_codes; }
    const std::optional<domain::Event>& event() const { return m_event; }

Q_SIGNALS:
    void message(const QString& text); // for the window's status bar
    void loaded();
    void added(bool ok);
    void removed(bool ok);

private:
    void show(const std::vector<domain::PromoCodeView>& codes);
    void kindChanged();
    // The form as the request's body; empty with a message when something is missing.
    std::optional<domain::PromoCodeInput> input();

    client::ApiClient* m_api = nullptr;
    std::optional<domain::Event> m_event;
    std::vector<domain::PromoCodeView> m_codes;
    QLabel* m_title = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_remove = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_code = nullptr;
    QComboBox* m_kind = nullptr;
    QSpinBox* m_percent = nullptr;
    QLineEdit* m_amount = nullptr;
    QSpinBox* m_maxUses = nullptr;
    QSpinBox* m_perUser = nullptr;
    QCheckBox* m_hasFrom = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QCheckBox* m_hasUntil = nullptr;
    QDateTimeEdit* m_until = nullptr;
    QListWidget* m_tiers = nullptr;
    QSpinBox* m_minQuantity = nullptr;
    QPushButton* m_add = nullptr;
};

} // namespace ticketing::organizer
