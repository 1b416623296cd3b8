#pragma once

#include "apps/boxoffice/Printing.h"
#include "client/ApiClient.h"
#include "client/Checkout.h"
#include "client/Models.h"
#include "client/SyncClient.h"
#include "seatmap/SeatMapScene.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <map>
#include <memory>

namespace ticketing::boxoffice {

// The sale screen (issue 14): the event's live seat map beside the cart. Seats clicked (or chosen
// with the keyboard) and "N best available" of a tier, or standing places, are held at once, one
// hold per choice, with the hold's countdown and a warning in its last minute. Then cash (amount
// tendered, change due) or the card at the counter's terminal, the tickets and the receipt
// printed, and the next sale with one key.
class SalePage : public QWidget
{
    Q_OBJECT

public:
    explicit SalePage(QWidget* parent = nullptr);
    ~SalePage() override;

    // Who sells, and where it prints; set before open().
    void setApi(client::ApiClient* api, const QString& agent);
    void setPrintTarget(const PrintTarget* target) { m_printTarget = target; }
    // Opens the sale of `event`, with a fresh cart.
    void open(const domain::Event& event);
    // Leaves the sale: holds not paid are released (their seats go back on sale).
    void leave();
    // Nothing is sold while the server cannot be reached (a payment under way goes on).
    void setOnline(bool online);

    const std::optional<domain::Event>& event() const { return m_event; }
    client::CartModel& cart() { return m_cart; }
    seatmap::SeatMapScene* seatMap() const { return m_scene.get(); }
    client::Checkout* checkout() const { return m_checkout.get(); }
    // The last sale completed (printed, and printed again by F12).
    const std::optional<SaleRecord>& lastSale() const { return m_lastSale; }
    // The file the last printout went to when printing to PDF files.
    QString lastPrintFile() const { return m_lastPrintFile; }
    bool paying() const { return m_checkout && m_checkout->busy(); }
    // The live seat map's socket is lost and being reconnected (its statuses may be stale).
    bool liveMapLost() const { return m_liveLost; }

public Q_SLOTS:
    void holdBestAvailable(); // F5: N best seats of the tier, or N standing places
    void payCash();           // F9: the cash panel; pressed again (or Enter) takes the cash
    void payCard();           // F10: the card at the terminal
    void printAgain();        // F12
    void nextSale();          // Ctrl+N
    // Esc: cancels the card at the terminal or closes the payment panel; false when there was
    // nothing to cancel (the window then goes back).
    bool cancel();

Q_SIGNALS:
    // The sale was paid; the shift's totals changed.
    void sold();
    void stateChanged();

private:
    void holdSelected();
    void tick();
    void tierChanged();
    void takeCash();
    void updateChange();
    void paid();
    // This sale's paid bookings as a printout's record (they leave m_paid).
    SaleRecord paidSale();
    void paymentFailed(const client::Failure& failure);
    void print(const SaleRecord& sale);
    void setSelectionQuietly(const std::set<int>& seats);
    std::optional<domain::Customer> customer() const;
    std::optional<std::string> promoCode() const;
    void say(const QString& text);
    void showPanel(int which);
    void updateActions();

    client::ApiClient* m_api = nullptr;
    QString m_agent;
    const PrintTarget* m_printTarget = nullptr;
    bool m_online = true;
    std::optional<domain::Event> m_event;
    QString m_venueName;
    QTimeZone m_venueZone = QTimeZone::systemTimeZone();
    client::CartModel m_cart;
    std::unique_ptr<seatmap::SeatMapScene> m_scene;
    std::unique_ptr<client::SyncClient> m_sync;
    std::unique_ptr<client::Checkout> m_checkout;
    std::map<int, domain::BookingId> m_heldSeats; // seat index -> the hold it is in
    bool m_quiet = false;                         // selection changed by us, not the agent
    std::optional<std::int64_t> m_tendered;
    std::vector<domain::Booking> m_paid; // this sale's confirmed bookings
    std::optional<SaleRecord> m_lastSale;
    QString m_lastPrintFile;
    int m_warnedAt = 0; // the last warning before the hold lapses (seconds left), 0: none yet
    bool m_liveLost = false;
    // The server's clock less this PC's, from the last hold's creation time: a hold's end is
    // the server's, and a counter PC's clock may be off by minutes.
    std::chrono::milliseconds m_serverOffset{0};
    void learnServerTime(const domain::Booking& hold);

    QLabel* m_title = nullptr;
    QGraphicsView* m_mapView = nullptr;
    QLineEdit* m_customerName = nullptr;
    QLineEdit* m_customerEmail = nullptr;
    QLineEdit* m_promoCode = nullptr;
    QComboBox* m_tier = nullptr;
    QCheckBox* m_accessible = nullptr;
    QSpinBox* m_quantity = nullptr;
    QPushButton* m_best = nullptr;
    QTableView* m_cartView = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_countdown = nullptr;
    QTimer* m_tick = nullptr;
    QPushButton* m_cashButton = nullptr;
    QPushButton* m_cardButton = nullptr;
    QStackedWidget* m_panel = nullptr; // nothing / cash / card / done
    QLineEdit* m_tenderedEdit = nullptr;
    QLabel* m_change = nullptr;
    QPushButton* m_takeCash = nullptr;
    QLabel* m_cardProgress = nullptr;
    QPushButton* m_cancelCard = nullptr;
    QLabel* m_done = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_reprint = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace ticketing::boxoffice
