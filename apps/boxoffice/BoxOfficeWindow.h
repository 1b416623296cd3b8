#pragma once

#include "client/ApiClient.h"
#include "client/Models.h"
#include "client/Session.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QPushButton>
#include <QStackedWidget>
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
        Events
    };
    Page page() const;
    client::ApiClient* api() const { return m_api.get(); }
    const std::optional<domain::Shift>& shift() const { return m_shift; }
    client::EventsModel& events() { return m_events; }

Q_SIGNALS:
    void pageChanged(ticketing::boxoffice::BoxOfficeWindow::Page page);

private:
    QWidget* buildSignIn();
    QWidget* buildShift();
    QWidget* buildEvents();
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
    // Status bar
    QLabel* m_statusServer = nullptr;
    QLabel* m_statusAgent = nullptr;
    QLabel* m_statusShift = nullptr;
    QLabel* m_statusConnection = nullptr;
};

} // namespace ticketing::boxoffice
