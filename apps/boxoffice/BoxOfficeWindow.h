#pragma once

#include "client/ApiClient.h"
#include "client/Models.h"
#include "client/Session.h"
#include "client/SyncClient.h"
#include "seatmap/SeatMapScene.h"

#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <map>
#include <memory>

namespace ticketing::boxoffice {

// The box office, the counter's app (issue 14): sign in, the shift, today's events, and from
// there the sale (the sale screen comes next). Every control has an accessible name and a
// keyboard path; the status bar shows the server, the agent, the shift and the connection.
class BoxOfficeWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `server` and `email` fill the sign-in form (from the command line); otherwise what was
    // remembered.
    explicit BoxOfficeWindow(const QUrl& server = {}, const QString& email = {},
                             QWidget* parent = nullptr);
    ~BoxOfficeWindow() override;

    enum class Page
    {
        SignIn,
        Shift,
        Events,
        Sale
    };
    Page page() const;
    client::ApiClient* api() const { return m_api.get(); }
    const std::optional<domain::Shift>& shift() const { return m_shift; }
    client::EventsModel& events() { return m_events; }
    client::CartModel& cart() { return m_cart; }
    seatmap::SeatMapScene* seatMap() const { return m_scene.get(); }
    // The sale screen for the event at `row` of the events list.
    void openEvent(int row);

Q_SIGNALS:
    void pageChanged(ticketing::boxoffice::BoxOfficeWindow::Page page);

private:
    QWidget* buildSignIn();
    QWidget* buildShift();
    QWidget* buildEvents();
    QWidget* buildSale();
    void holdBestAvailable();
    void holdSelected();
    // Every second: how long the holds have left; a lapsed hold leaves the cart, said so.
    void tick();
    void signIn();
    void afterSignIn();
    void openShift();
    void loadEvents();
    void showPage(Page page);
    void updateStatus();
    void say(QLabel* where, const QString& message);

    client::Session m_session{QStringLiteral("boxoffice")};
    std::unique_ptr<client::ApiClient> m_api;
    std::optional<domain::Shift> m_shift;
    client::EventsModel m_events;
    client::CartModel m_cart;
    std::optional<domain::Event> m_event;
    std::unique_ptr<seatmap::SeatMapScene> m_scene;
    std::unique_ptr<client::SyncClient> m_sync;
    std::map<int, domain::BookingId> m_heldSeats; // seat index -> the hold it is in
    bool m_holding = false;

    QStackedWidget* m_pages = nullptr;
    // Sign in
    QLineEdit* m_server = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_signIn = nullptr;
    QLabel* m_signInMessage = nullptr;
    // Shift
    QLineEdit* m_float = nullptr;
    QComboBox* m_currency = nullptr;
    QPushButton* m_openShift = nullptr;
    QLabel* m_shiftMessage = nullptr;
    // Events
    QLineEdit* m_search = nullptr;
    QListView* m_eventList = nullptr;
    QLabel* m_eventsMessage = nullptr;
    // Sale
    QLabel* m_saleTitle = nullptr;
    QGraphicsView* m_mapView = nullptr;
    QComboBox* m_tier = nullptr;
    QSpinBox* m_quantity = nullptr;
    QPushButton* m_best = nullptr;
    QTableView* m_cartView = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_countdown = nullptr;
    QTimer* m_tick = nullptr;
    QLabel* m_saleMessage = nullptr;
    // Status bar
    QLabel* m_statusServer = nullptr;
    QLabel* m_statusAgent = nullptr;
    QLabel* m_statusShift = nullptr;
    QLabel* m_statusConnection = nullptr;
};

} // namespace ticketing::boxoffice
