#pragma once

#include "apps/boxoffice/Printing.h"
#include "client/ApiClient.h"
#include "client/Models.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

namespace ticketing::boxoffice {

// Will-call (issue 14): bookings found by name, e-mail, booking or ticket id; one opened shows
// its seats and tickets; printed again; cancelled under its event's refund policy, the amount
// shown before the agent confirms.
class WillCallPage : public QWidget
{
    Q_OBJECT

public:
    explicit WillCallPage(QWidget* parent = nullptr);
    void setApi(client::ApiClient* api, const QString& agent);
    void setPrintTarget(const PrintTarget* target) { m_printTarget = target; }
    // Shown: the search field takes the keyboard.
    void enter();
    void search(const QString& text);

    client::BookingsModel& bookings() { return m_bookings; }
    const domain::Booking* current() const;
    QString lastPrintFile() const { return m_lastPrintFile; }

    // How much cancelling `booking` of `event` now gives back, by the event's policy.
    static std::int64_t refundFor(const domain::Booking& booking, const domain::Event& event);

public Q_SLOTS:
    void printAgain(); // F12
    void refund();     // Del: shows the amount and asks; Enter then confirms
    void confirmRefund();
    // Esc: a refund asked about is not made; false when nothing was asked.
    bool cancel();

Q_SIGNALS:
    // A booking was refunded: the shift's totals changed.
    void refunded();

private:
    void runSearch();
    void showCurrent();
    // The event of a booking (fetched once), then `then`.
    void withEvent(const domain::EventId& id, std::function<void(const domain::Event&)> then);
    void say(const QString& text);

    client::ApiClient* m_api = nullptr;
    QString m_agent;
    const PrintTarget* m_printTarget = nullptr;
    client::BookingsModel m_bookings;
    std::map<std::string, domain::Event> m_events;
    QString m_lastPrintFile;

    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_reprint = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_confirmRefund = nullptr;
    std::optional<domain::BookingId> m_asked; // the refund awaiting confirmation
    QLabel* m_message = nullptr;
    QTimer m_debounce;
};

} // namespace ticketing::boxoffice
