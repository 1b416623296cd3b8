#include "apps/boxoffice/BoxOfficeWindow.h"

#include "domain/Codec.h"
#include "domain/Money.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QShortcut>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ticketing::boxoffice {

namespace {
// A labelled line edit whose label names it for screen readers too.
QLineEdit* field(QFormLayout* form, const QString& label, const QString& accessibleName)
{
    auto* edit = new QLineEdit;
    edit->setAccessibleName(accessibleName);
    form->addRow(label, edit);
    return edit;
}

QLabel* message()
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setAccessibleName(BoxOfficeWindow::tr("Message"));
    label->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    return label;
}

QWidget* centred(QLayout* inner)
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* box = new QWidget;
    box->setLayout(inner);
    box->setMaximumWidth(520);
    outer->addStretch();
    auto* row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(box);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch();
    return page;
}
} // namespace

BoxOfficeWindow::BoxOfficeWindow(const QUrl& server, const QString& email, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Box office"));
    setAccessibleName(tr("Box office"));
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildSignIn());
    m_pages->addWidget(buildShift());
    m_pages->addWidget(buildEvents());
    setCentralWidget(m_pages);

    m_statusServer = new QLabel;
    m_statusAgent = new QLabel;
    m_statusShift = new QLabel;
    m_statusConnection = new QLabel;
    m_statusServer->setAccessibleName(tr("Server"));
    m_statusAgent->setAccessibleName(tr("Agent"));
    m_statusShift->setAccessibleName(tr("Shift"));
    m_statusConnection->setAccessibleName(tr("Connection"));
    for (auto* l : {m_statusServer, m_statusAgent, m_statusShift})
        statusBar()->addWidget(l);
    statusBar()->addPermanentWidget(m_statusConnection);

    m_server->setText(server.isValid() && !server.isEmpty()
                          ? server.toString()
                          : (m_session.server().isEmpty() ? QStringLiteral("http://127.0.0.1:8080")
                                                          : m_session.server().toString()));
    m_email->setText(email.isEmpty() ? m_session.email() : email);
    showPage(Page::SignIn);
    updateStatus();
}

BoxOfficeWindow::~BoxOfficeWindow() = default;

QWidget* BoxOfficeWindow::buildSignIn()
{
    auto* form = new QFormLayout;
    auto* title = new QLabel(tr("<h2>Sign in to the box office</h2>"));
    form->addRow(title);
    m_server = field(form, tr("&Server:"), tr("Server address"));
    m_email = field(form, tr("&E-mail:"), tr("E-mail"));
    m_password = field(form, tr("&Password:"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn = new QPushButton(tr("Sign &in"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_signIn->setToolTip(tr("Sign in (Enter)"));
    form->addRow(m_signIn);
    m_signInMessage = message();
    form->addRow(m_signInMessage);
    connect(m_signIn, &QPushButton::clicked, this, &BoxOfficeWindow::signIn);
    for (auto* edit : {m_server, m_email, m_password})
        connect(edit, &QLineEdit::returnPressed, this, &BoxOfficeWindow::signIn);
    return centred(form);
}

QWidget* BoxOfficeWindow::buildShift()
{
    auto* form = new QFormLayout;
    form->addRow(new QLabel(tr("<h2>Open your shift</h2>")));
    form->addRow(new QLabel(tr("Count the cash in the drawer before the first sale.")));
    m_float = field(form, tr("Cash in the &drawer:"), tr("Opening float"));
    m_float->setPlaceholderText(tr("e.g. 100.00"));
    m_currency = new QComboBox;
    m_currency->setAccessibleName(tr("Currency"));
    m_currency->setEditable(false);
    m_currency->addItem(QStringLiteral("GBP")); // until the events on sale say which
    form->addRow(tr("&Currency:"), m_currency);
    m_openShift = new QPushButton(tr("&Open the shift"));
    m_openShift->setAccessibleName(tr("Open the shift"));
    m_openShift->setToolTip(tr("Open the shift (Enter)"));
    form->addRow(m_openShift);
    m_shiftMessage = message();
    form->addRow(m_shiftMessage);
    connect(m_openShift, &QPushButton::clicked, this, &BoxOfficeWindow::openShift);
    connect(m_float, &QLineEdit::returnPressed, this, &BoxOfficeWindow::openShift);
    return centred(form);
}

QWidget* BoxOfficeWindow::buildEvents()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("<h2>Events</h2>")));
    m_search = new QLineEdit;
    m_search->setAccessibleName(tr("Search events"));
    m_search->setPlaceholderText(tr("Search by title, city or genre (F2)"));
    m_search->setToolTip(tr("Search events (F2)"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_eventList = new QListView;
    m_eventList->setAccessibleName(tr("Events, today's first"));
    m_eventList->setModel(&m_events);
    layout->addWidget(m_eventList, 1);
    m_eventsMessage = message();
    layout->addWidget(m_eventsMessage);
    connect(m_search, &QLineEdit::textChanged, &m_events, &client::EventsModel::setSearch);
    auto* find = new QShortcut(QKeySequence(Qt::Key_F2), page);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    return page;
}

BoxOfficeWindow::Page BoxOfficeWindow::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void BoxOfficeWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
    switch (page) {
    case Page::SignIn:
        (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
        break;
    case Page::Shift:
        m_float->setFocus();
        break;
    case Page::Events:
        m_eventList->setFocus();
        break;
    }
    updateStatus();
    Q_EMIT pageChanged(page);
}

void BoxOfficeWindow::say(QLabel* where, const QString& text)
{
    where->setText(text);
    where->setAccessibleDescription(text);
}

void BoxOfficeWindow::signIn()
{
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (!server.isValid() || m_email->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return say(m_signInMessage, tr("Enter the server, your e-mail and your password."));
    m_signIn->setEnabled(false);
    say(m_signInMessage, tr("Signing in…"));
    m_api = std::make_unique<client::ApiClient>(server);
    connect(m_api.get(), &client::ApiClient::connectivityChanged, this,
            &BoxOfficeWindow::updateStatus);
    connect(m_api.get(), &client::ApiClient::signedOut, this, [this] {
        m_shift.reset();
        say(m_signInMessage, tr("The session has ended; sign in again."));
        showPage(Page::SignIn);
    });
    m_api->signIn(m_email->text().trimmed(), m_password->text(), this,
                  [this, server](const client::Outcome<domain::Tokens>& o) {
                      m_signIn->setEnabled(true);
                      if (const auto* f = std::get_if<client::Failure>(&o))
                          return say(m_signInMessage, f->message);
                      const auto& tokens = std::get<domain::Tokens>(o);
                      if (tokens.user.role != domain::Role::BoxOffice &&
                          tokens.user.role != domain::Role::Admin) {
                          m_api->signOut();
                          return say(m_signInMessage,
                                     tr("This account is not a box office account."));
                      }
                      m_password->clear();
                      m_session.remember(server, m_email->text().trimmed());
                      m_session.keepRefreshToken(QString::fromStdString(tokens.refreshToken));
                      say(m_signInMessage, {});
                      afterSignIn();
                  });
}

void BoxOfficeWindow::afterSignIn()
{
    // Continue the open shift, or open one.
    m_api->currentShift(this, [this](const client::Outcome<domain::Shift>& o) {
        if (const auto* s = std::get_if<domain::Shift>(&o)) {
            m_shift = *s;
            loadEvents();
            return showPage(Page::Events);
        }
        const auto& f = std::get<client::Failure>(o);
        if (f.status != 404)
            say(m_shiftMessage, f.message);
        // The currencies of the events on sale, the first one's first.
        m_api->events({}, this, [this](const client::Outcome<domain::Page<domain::Event>>& e) {
            if (const auto* page = std::get_if<domain::Page<domain::Event>>(&e)) {
                QStringList codes;
                for (const auto& event : page->items)
                    if (!codes.contains(QString::fromStdString(event.currency)))
                        codes << QString::fromStdString(event.currency);
                if (!codes.isEmpty()) {
                    m_currency->clear();
                    m_currency->addItems(codes);
                }
            }
        });
        showPage(Page::Shift);
    });
}

void BoxOfficeWindow::openShift()
{
    // The drawer counts in the currency of the events on sale (the first one's by default).
    const auto code = m_currency->currentText().toStdString();
    const auto currency = domain::Currency::fromCode(code);
    if (!currency)
        return say(m_shiftMessage, tr("Choose the drawer's currency."));
    const auto amount = domain::Money::parse(m_float->text().trimmed().toStdString(), *currency);
    if (!amount || amount->isNegative())
        return say(m_shiftMessage, amount ? tr("The float cannot be negative.")
                                          : QString::fromStdString(amount.error()));
    m_openShift->setEnabled(false);
    m_api->openShift({code, amount->minorUnits()}, this,
                     [this](const client::Outcome<domain::Shift>& o) {
                         m_openShift->setEnabled(true);
                         if (const auto* f = std::get_if<client::Failure>(&o)) {
                             if (f->code == QLatin1String("shift_already_open"))
                                 return afterSignIn(); // opened elsewhere: continue it
                             return say(m_shiftMessage, f->message);
                         }
                         m_shift = std::get<domain::Shift>(o);
                         say(m_shiftMessage, {});
                         loadEvents();
                         showPage(Page::Events);
                     });
}

void BoxOfficeWindow::loadEvents()
{
    say(m_eventsMessage, tr("Loading events…"));
    m_api->events({}, this, [this](const client::Outcome<domain::Page<domain::Event>>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(m_eventsMessage, f->message);
        m_events.setEvents(std::get<domain::Page<domain::Event>>(o).items,
                           QDateTime::currentDateTimeUtc());
        say(m_eventsMessage, m_events.rowCount() == 0 ? tr("No event is on sale.") : QString());
        if (m_events.rowCount() > 0)
            m_eventList->setCurrentIndex(m_events.index(0));
    });
}

void BoxOfficeWindow::updateStatus()
{
    m_statusServer->setText(m_api ? m_api->server().host() + QLatin1Char(':') +
                                        QString::number(m_api->server().port())
                                  : tr("Not signed in"));
    m_statusAgent->setText(m_api && m_api->user() ? QString::fromStdString(m_api->user()->email)
                                                  : QString());
    m_statusShift->setText(m_shift ? tr("Shift open, float %1 %2")
                                         .arg(QString::fromStdString(domain::formatMoney(
                                                  m_shift->openingFloat, m_shift->currency)),
                                              QString::fromStdString(m_shift->currency))
                                   : tr("No shift"));
    QString connection = tr("Offline");
    if (m_api)
        switch (m_api->connectivity()) {
        case client::ApiClient::Connectivity::Online:
            connection = tr("Online");
            break;
        case client::ApiClient::Connectivity::Reconnecting:
            connection = tr("Reconnecting…");
            break;
        case client::ApiClient::Connectivity::Offline:
            connection = tr("Offline");
            break;
        }
    m_statusConnection->setText(connection);
    for (auto* l : {m_statusServer, m_statusAgent, m_statusShift, m_statusConnection})
        l->setAccessibleDescription(l->text());
}

} // namespace ticketing::boxoffice
