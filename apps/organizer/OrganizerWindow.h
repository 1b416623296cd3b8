#pragma once

#include "apps/organizer/DesignerPage.h"
#include "apps/organizer/DevicesPage.h"
#include "apps/organizer/EventDashboard.h"
#include "apps/organizer/EventEditor.h"
#include "apps/organizer/PromoCodesPage.h"
#include "client/ApiClient.h"
#include "client/Session.h"
#include "widgets/SignInForm.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <memory>

namespace ticketing::organizer {

// The organizer's app (issue 15): sign in, the organizer's venues, the venue designer. Every
// action is in a menu with its shortcut; every control has an accessible name; the status bar
// shows the server, the organizer and the connection.
class OrganizerWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit OrganizerWindow(const QUrl& server = {}, const QString& email = {},
                             QWidget* parent = nullptr);
    ~OrganizerWindow() override;

    enum class Page
    {
        SignIn,
        Venues,
        Designer,
        Events,
        EventEditor,
        Dashboard,
        Devices,
        PromoCodes
    };
    Page page() const;
    client::ApiClient* api() const { return m_api.get(); }
    DesignerPage* designer() const { return m_designer; }
    QListWidget* venueList() const { return m_venueList; }
    void fillPassword(const QString& password);

    // File menu: a new venue, the list, save to the server, import and export a seat map.
    void newVenue();
    void showVenues();
    void openVenue(int row);
    void saveVenue();
    bool importSeatMap(const QString& path);
    void generateVenue(const edit::RingSpec& spec);

    // Event menu: the organizer's events, one made or edited, published after a summary,
    // cancelled after saying how many bookings it refunds, and watched on the dashboard.
    void showEvents();
    void newEvent();
    void editEvent(int row);
    void saveEvent();
    // What publishing `row` puts on sale, as the confirmation says it.
    QString publishSummary(int row) const;
    void publishEvent(int row, bool confirm = true);
    void cancelEvent(int row, bool confirm = true);
    void openDashboard(int row);
    // The event's promo codes with their uses: made, deleted (API.md "Promo codes and group
    // discounts").
    void openPromoCodes(int row);
    PromoCodesPage* promoCodesPage() const { return m_promoCodes; }
    QListWidget* eventList() const { return m_eventList; }
    EventEditor* eventEditor() const { return m_eventEditor; }
    EventDashboard* dashboard() const { return m_dashboard; }
    // Gate scanners (issue 16): added with their enrollment QR code, listed, removed.
    void showDevices();
    DevicesPage* devicesPage() const { return m_devices; }
    const std::vector<domain::Event>& events() const { return m_events; }
    bool exportSeatMap(const QString& path);

Q_SIGNALS:
    void pageChanged(ticketing::organizer::OrganizerWindow::Page page);
    void saved(bool ok);
    void venuesLoaded();
    void eventsLoaded();
    void eventSaved(bool ok);
    void eventChanged(bool ok); // published or cancelled

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildSignIn();
    QWidget* buildVenues();
    QWidget* buildEvents();
    int currentEvent() const;
    QString reportFile(const QString& suffix) const;
    void askFile(const QString& title, const QString& suggested, const QString& filter, bool save,
                 std::function<void(const QString&)> then);
    void ask(QMessageBox::Icon icon, const QString& title, const QString& text,
             std::function<void()> then);
    void publishEvent(const domain::EventId& id);
    void cancelEvent(const domain::EventId& id);
    void loadVenuesThen(std::function<void()> then);
    void buildMenus();
    void signIn();
    void signOut();
    void showPage(Page page);
    void updateStatus();
    // `then`, once unsaved changes to the venue are discarded (asked first) or when there are
    // none; with `leavingDesigner`, only asked when the designer is the page being left.
    void afterDiscarding(bool leavingDesigner, std::function<void()> then);
    void loadVenuesPage();
    void loadEventsPage();
    void say(const QString& text);

    client::Session m_session{QStringLiteral("organizer")};
    std::unique_ptr<client::ApiClient> m_api;
    std::vector<domain::Venue> m_venues;
    std::vector<domain::Event> m_events;
    QStackedWidget* m_pages = nullptr;
    widgets::SignInForm* m_signIn = nullptr;
    QListWidget* m_venueList = nullptr;
    QLabel* m_venuesMessage = nullptr;
    DesignerPage* m_designer = nullptr;
    QListWidget* m_eventList = nullptr;
    QLabel* m_eventsMessage = nullptr;
    EventEditor* m_eventEditor = nullptr;
    EventDashboard* m_dashboard = nullptr;
    DevicesPage* m_devices = nullptr;
    PromoCodesPage* m_promoCodes = nullptr;
    std::vector<QAction*> m_signedInActions;
    QLabel* m_statusServer = nullptr;
    QLabel* m_statusUser = nullptr;
    QLabel* m_statusConnection = nullptr;
    QLabel* m_statusMessage = nullptr;
};

} // namespace ticketing::organizer
