#pragma once

#include "apps/boxoffice/Printing.h"
#include "apps/boxoffice/SalePage.h"
#include "apps/boxoffice/WillCallPage.h"
#include "client/ApiClient.h"
#include "client/Models.h"
#include "client/Session.h"
#include "widgets/SignInForm.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <memory>

namespace ticketing::boxoffice {

// The box office, the counter's app (issue 14): sign in, the shift, today's events, the sale,
// will-call and the shift's close. Every action is in a menu with its shortcut (and in its
// button's tooltip); every control has an accessible name and a keyboard path; the status bar
// shows the server, the agent, the shift and the connection.
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
        Sale,
        WillCall,
        CloseShift
    };
    Page page() const;
    client::ApiClient* api() const { return m_api.get(); }
    const std::optional<domain::Shift>& shift() const { return m_shift; }
    // The shift closed last (its report).
    const std::optional<domain::Shift>& closedShift() const { return m_closedShift; }
    client::EventsModel& events() { return m_events; }
    SalePage* sale() const { return m_sale; }
    WillCallPage* willCall() const { return m_willCall; }
    client::CartModel& cart() { return m_sale->cart(); }
    seatmap::SeatMapScene* seatMap() const { return m_sale->seatMap(); }
    PrintTarget& printTarget() { return m_printTarget; }
    QString lastPrintFile() const { return m_lastPrintFile; }
    // Fills the sign-in form's password (a demo's), to sign in with Enter.
    void fillPassword(const QString& password);
    // The sale screen for the event at `row` of the events list.
    void openEvent(int row);

Q_SIGNALS:
    void pageChanged(ticketing::boxoffice::BoxOfficeWindow::Page page);

private:
    QWidget* buildSignIn();
    QWidget* buildShift();
    QWidget* buildEvents();
    QWidget* buildCloseShift();
    void buildMenus();
    QAction* action(QMenu* menu, const QString& text, const QKeySequence& key,
                    const QString& accessibleName, void (BoxOfficeWindow::*slot)());
    void signIn();
    void signOut();
    void afterSignIn();
    void openShift();
    void loadEvents();
    void showPage(Page page);
    void updateStatus();
    void updateActions();
    void back();
    void goEvents();
    void goWillCall();
    void goCloseShift();
    void closeShift();
    void printAgain();
    void printShiftReport();
    void refreshShift();
    void showShiftReport(const domain::Shift& shift);
    void fillPrinters();
    void chooseLanguage(const QString& code);

    client::Session m_session{QStringLiteral("boxoffice")};
    std::unique_ptr<client::ApiClient> m_api;
    std::optional<domain::Shift> m_shift;
    std::optional<domain::Shift> m_closedShift;
    client::EventsModel m_events;
    PrintTarget m_printTarget;
    QString m_lastPrintFile;
    QTimer m_probe; // while offline: asks the server now and then whether it answers again

    QStackedWidget* m_pages = nullptr;
    widgets::SignInForm* m_signIn = nullptr;
    // Shift
    QLineEdit* m_float = nullptr;
    QComboBox* m_currency = nullptr;
    QPushButton* m_openShift = nullptr;
    QLabel* m_shiftMessage = nullptr;
    // Events
    QLineEdit* m_search = nullptr;
    QListView* m_eventList = nullptr;
    QLabel* m_eventsMessage = nullptr;
    // Sale, will-call
    SalePage* m_sale = nullptr;
    WillCallPage* m_willCall = nullptr;
    // Closing the shift
    QLabel* m_report = nullptr;
    QLineEdit* m_counted = nullptr;
    QPushButton* m_closeShift = nullptr;
    QPushButton* m_printReport = nullptr;
    QPushButton* m_newShift = nullptr;
    QLabel* m_closeMessage = nullptr;
    // Menus
    QAction* m_actBest = nullptr;
    QAction* m_actCash = nullptr;
    QAction* m_actCard = nullptr;
    QAction* m_actPrintAgain = nullptr;
    QAction* m_actNext = nullptr;
    QAction* m_actBack = nullptr;
    QAction* m_actEvents = nullptr;
    QAction* m_actWillCall = nullptr;
    QAction* m_actCloseShift = nullptr;
    QAction* m_actSignOut = nullptr;
    QMenu* m_printers = nullptr;
    // Status bar
    QLabel* m_statusServer = nullptr;
    QLabel* m_statusAgent = nullptr;
    QLabel* m_statusShift = nullptr;
    QLabel* m_statusConnection = nullptr;
};

} // namespace ticketing::boxoffice
