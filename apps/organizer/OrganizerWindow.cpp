#include "apps/organizer/OrganizerWindow.h"

#include "apps/organizer/GenerateDialog.h"
#include "client/Display.h"
#include "client/Language.h"
#include "widgets/Widgets.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

namespace ticketing::organizer {

using widgets::enterPresses;
using widgets::messageLabel;

OrganizerWindow::OrganizerWindow(const QUrl& server, const QString& email, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Organizer"));
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildSignIn());
    m_pages->addWidget(buildVenues());
    m_designer = new DesignerPage;
    m_pages->addWidget(m_designer);
    m_pages->addWidget(buildEvents());
    m_eventEditor = new EventEditor;
    m_pages->addWidget(m_eventEditor);
    m_dashboard = new EventDashboard;
    m_pages->addWidget(m_dashboard);
    m_devices = new DevicesPage;
    m_pages->addWidget(m_devices);
    connect(m_devices, &DevicesPage::message, this, &OrganizerWindow::say);
    m_promoCodes = new PromoCodesPage;
    m_pages->addWidget(m_promoCodes);
    connect(m_promoCodes, &PromoCodesPage::message, this, &OrganizerWindow::say);
    setCentralWidget(m_pages);
    connect(m_eventEditor, &EventEditor::saveRequested, this, &OrganizerWindow::saveEvent);
    connect(m_eventEditor, &EventEditor::cancelled, this, &OrganizerWindow::showEvents);
    connect(m_dashboard, &EventDashboard::message, this, &OrganizerWindow::say);
    connect(m_designer, &DesignerPage::message, this, &OrganizerWindow::say);
    connect(m_designer->document().undoStack(), &QUndoStack::cleanChanged, this,
            &OrganizerWindow::updateStatus);

    m_statusServer = new QLabel;
    m_statusUser = new QLabel;
    m_statusMessage = messageLabel(tr("Message"));
    m_statusConnection = new QLabel;
    m_statusServer->setAccessibleName(tr("Server"));
    m_statusUser->setAccessibleName(tr("Organizer"));
    m_statusConnection->setAccessibleName(tr("Connection"));
    statusBar()->addWidget(m_statusServer);
    statusBar()->addWidget(m_statusUser);
    statusBar()->addWidget(m_statusMessage, 1);
    statusBar()->addPermanentWidget(m_statusConnection);
    buildMenus();

    m_signIn->setServer(server.isValid() && !server.isEmpty()
                            ? server.toString()
                            : (m_session.server().isEmpty()
                                   ? QStringLiteral("http://127.0.0.1:8080")
                                   : m_session.server().toString()));
    m_signIn->setEmail(email.isEmpty() ? m_session.email() : email);
    showPage(Page::SignIn);
}

OrganizerWindow::~OrganizerWindow() = default;

QWidget* OrganizerWindow::buildSignIn()
{
    m_signIn = new widgets::SignInForm(tr("Sign in to organize"), tr("Sign-in message"));
    connect(m_signIn, &widgets::SignInForm::submitted, this, &OrganizerWindow::signIn);
    return m_signIn;
}

QWidget* OrganizerWindow::buildVenues()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("<h2>Your venues</h2>")));
    m_venueList = new QListWidget;
    m_venueList->setAccessibleName(tr("Venues"));
    layout->addWidget(m_venueList);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open in the designer"));
    open->setAccessibleName(tr("Open in the designer"));
    open->setToolTip(tr("Open the chosen venue (Enter)"));
    enterPresses(open);
    auto* create = new QPushButton(tr("&New venue"));
    create->setAccessibleName(tr("New venue"));
    create->setToolTip(tr("Draw a new venue (Ctrl+N)"));
    enterPresses(create);
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_venuesMessage = messageLabel(tr("Venues message"));
    layout->addWidget(m_venuesMessage);
    connect(open, &QPushButton::clicked, this, [this] { openVenue(m_venueList->currentRow()); });
    connect(create, &QPushButton::clicked, this, &OrganizerWindow::newVenue);
    connect(m_venueList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openVenue(m_venueList->row(item)); });
    return page;
}

void OrganizerWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto add = [&](QMenu* menu, const QString& text, const QKeySequence& key, auto fn,
                   bool signedIn = true) {
        auto* a = menu->addAction(text);
        a->setShortcut(key);
        if (!key.isEmpty())
            a->setToolTip(widgets::withShortcut(text, key));
        connect(a, &QAction::triggered, this, fn);
        if (signedIn)
            m_signedInActions.push_back(a);
        return a;
    };
    add(file, tr("&New venue"), QKeySequence::New, [this] { newVenue(); });
    add(file, tr("&Venues…"), QKeySequence::Open, [this] { showVenues(); });
    add(file, tr("&Save the venue"), QKeySequence::Save, [this] { saveVenue(); });
    file->addSeparator();
    add(file, tr("&Import a seat map…"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] {
        askFile(tr("Import a seat map"), {}, tr("Seat maps (*.json)"), false,
                [this](const QString& path) { importSeatMap(path); });
    });
    add(file, tr("&Export the seat map…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] {
        askFile(tr("Export the seat map"), {}, tr("Seat maps (*.json)"), true,
                [this](const QString& path) { exportSeatMap(path); });
    });
    add(file, tr("&Generate a stadium…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), [this] {
        auto* dialog = new GenerateDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog] { generateVenue(dialog->spec()); });
        dialog->open();
    });
    file->addSeparator();
    auto* language = file->addMenu(tr("&Language"));
    for (const auto& [code, name] :
         {std::pair{QStringLiteral("en"), tr("English")}, {QStringLiteral("de"), tr("Deutsch")}}) {
        auto* a = language->addAction(name);
        connect(a, &QAction::triggered, this, [this, code = code] {
            client::chooseLanguage(code);
            say(tr("The language changes the next time the app starts."));
        });
    }
    add(file, tr("Sign &out"), QKeySequence(), [this] { signOut(); });
    add(
        file, tr("&Quit"), QKeySequence::Quit, [this] { close(); }, false);
    auto* eventMenu = menuBar()->addMenu(tr("E&vent"));
    add(eventMenu, tr("&Events…"), QKeySequence(Qt::Key_F4), [this] { showEvents(); });
    add(eventMenu, tr("&New event"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        [this] { newEvent(); });
    add(eventMenu, tr("&Edit the event"), QKeySequence(Qt::Key_F2),
        [this] { editEvent(currentEvent()); });
    add(eventMenu, tr("&Publish…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        [this] { publishEvent(currentEvent()); });
    add(eventMenu, tr("&Cancel the event…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
        [this] { cancelEvent(currentEvent()); });
    eventMenu->addSeparator();
    add(eventMenu, tr("&Dashboard"), QKeySequence(Qt::Key_F8),
        [this] { openDashboard(currentEvent()); });
    add(eventMenu, tr("Pro&mo codes…"), QKeySequence(Qt::Key_F6),
        [this] { openPromoCodes(currentEvent()); });
    add(eventMenu, tr("E&xport the report as CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        [this] {
            if (page() != Page::Dashboard)
                return say(tr("Open an event's dashboard first (F8)."));
            askFile(tr("Export the report"), reportFile(QStringLiteral("csv")),
                    tr("CSV files (*.csv)"), true,
                    [this](const QString& path) { m_dashboard->exportCsv(path); });
        });
    add(eventMenu, tr("P&rint the report…"), QKeySequence::Print, [this] {
        if (page() != Page::Dashboard)
            return say(tr("Open an event's dashboard first (F8)."));
        auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
        auto* dialog = new QPrintDialog(printer.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this, printer] { m_dashboard->print(*printer); });
        dialog->open();
    });
    add(eventMenu, tr("Save the report as P&DF…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        [this] {
            if (page() != Page::Dashboard)
                return say(tr("Open an event's dashboard first (F8)."));
            askFile(tr("Save the report"), reportFile(QStringLiteral("pdf")),
                    tr("PDF files (*.pdf)"), true,
                    [this](const QString& path) { m_dashboard->savePdf(path); });
        });
    auto* gates = menuBar()->addMenu(tr("&Gates"));
    add(gates, tr("&Scanners…"), QKeySequence(Qt::Key_F7), [this] { showDevices(); });
    for (auto* menu : m_designer->menus())
        menuBar()->addMenu(menu);
}

void OrganizerWindow::showDevices()
{
    afterDiscarding(true, [this] {
        showPage(Page::Devices);
        m_devices->reload();
    });
}

OrganizerWindow::Page OrganizerWindow::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void OrganizerWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
    const bool designing = page == Page::Designer;
    for (auto* menu : m_designer->menus())
        menu->menuAction()->setVisible(designing);
    for (auto* a : m_signedInActions)
        a->setEnabled(page != Page::SignIn);
    if (page != Page::Dashboard)
        m_dashboard->close(); // its live socket goes with it
    if (page == Page::SignIn)
        m_signIn->focusFirstEmpty();
    else if (page == Page::Venues)
        m_venueList->setFocus();
    else if (page == Page::Designer)
        m_designer->view()->setFocus();
    else if (page == Page::Events)
        m_eventList->setFocus();
    else if (page == Page::Devices)
        m_devices->nameField()->setFocus();
    else if (page == Page::PromoCodes)
        m_promoCodes->codeField()->setFocus();
    updateStatus();
    Q_EMIT pageChanged(page);
}

void OrganizerWindow::fillPassword(const QString& password)
{
    m_signIn->setPassword(password);
}

void OrganizerWindow::say(const QString& text)
{
    widgets::say(m_statusMessage, text);
}

void OrganizerWindow::updateStatus()
{
    m_statusServer->setText(m_api ? m_api->server().toString() : QString());
    m_statusUser->setText(m_api && m_api->user() ? QString::fromStdString(m_api->user()->email)
                                                 : tr("Not signed in"));
    QString connection = tr("Offline");
    if (m_api) {
        switch (m_api->connectivity()) {
        case client::ApiClient::Connectivity::Online:
            connection = tr("Online");
            break;
        case client::ApiClient::Connectivity::Reconnecting:
            connection = tr("Reconnecting…");
            break;
        case client::ApiClient::Connectivity::Offline:
            break;
        }
    }
    m_statusConnection->setText(connection);
    m_statusConnection->setAccessibleDescription(connection);
    QString title = tr("Organizer");
    if (page() == Page::Designer) {
        const auto name = m_designer->venue().name;
        title =
            tr("%1%2 — %3", "the window's title: the venue, * when unsaved, the app")
                .arg(name.empty() ? tr("New venue") : QString::fromStdString(name),
                     m_designer->document().isModified() ? QStringLiteral(" *") : QString(), title);
    }
    setWindowTitle(title);
}

void OrganizerWindow::signIn()
{
    m_signIn->setBusy(true);
    m_signIn->tell(tr("Signing in…"));
    m_api = std::make_unique<client::ApiClient>(m_signIn->server());
    m_devices->setApi(m_api.get());
    connect(m_api.get(), &client::ApiClient::connectivityChanged, this,
            &OrganizerWindow::updateStatus);
    connect(m_api.get(), &client::ApiClient::signedOut, this, [this] {
        m_signIn->tell(tr("The session has ended; sign in again."));
        showPage(Page::SignIn);
    });
    m_session.signIn(*m_api, m_signIn->email(), m_signIn->password(), domain::Role::Organizer,
                     tr("This account is not an organizer's account."), this,
                     [this](const client::Outcome<domain::Tokens>& o) {
                         m_signIn->setBusy(false);
                         if (const auto* f = std::get_if<client::Failure>(&o))
                             return m_signIn->tell(f->message);
                         m_signIn->clearPassword();
                         m_signIn->tell({});
                         showEvents();
                     });
}

void OrganizerWindow::signOut()
{
    afterDiscarding(false, [this] {
        if (m_api)
            m_api->signOut();
        m_session.forgetRefreshToken();
        showPage(Page::SignIn);
    });
}

void OrganizerWindow::afterDiscarding(bool leavingDesigner, std::function<void()> then)
{
    if ((leavingDesigner && page() != Page::Designer) || !m_designer->document().isModified())
        return then();
    // Asked in a window-modal box that is opened, not exec()'d: no nested event loop.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("The venue has changes that are not saved. Discard them?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, then = std::move(then)](int result) {
        if (result != QMessageBox::Discard)
            return;
        m_designer->document().setSaved(); // discarded: not asked again
        then();
    });
    box->open();
}

void OrganizerWindow::closeEvent(QCloseEvent* event)
{
    if (!m_designer->document().isModified()) {
        event->accept();
        return;
    }
    event->ignore();
    afterDiscarding(false, [this] { close(); });
}

void OrganizerWindow::showVenues()
{
    if (!m_api)
        return;
    afterDiscarding(true, [this] { loadVenuesPage(); });
}

void OrganizerWindow::loadVenuesPage()
{
    showPage(Page::Venues);
    widgets::say(m_venuesMessage, tr("Loading your venues…"));
    m_api->venues(this, [this](const client::Outcome<domain::Page<domain::Venue>>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return widgets::say(m_venuesMessage, f->message);
        m_venues = std::get<domain::Page<domain::Venue>>(o).items;
        m_venueList->clear();
        for (const auto& v : m_venues)
            m_venueList->addItem(
                tr("%1 · %2 · %n place(s)", nullptr, v.details.seatMap.totalCapacity())
                    .arg(QString::fromStdString(v.details.name),
                         QString::fromStdString(v.details.city)));
        if (!m_venues.empty())
            m_venueList->setCurrentRow(0);
        widgets::say(m_venuesMessage,
                     m_venues.empty() ? tr("No venues yet: draw one with New venue.") : QString());
        Q_EMIT venuesLoaded();
    });
}

void OrganizerWindow::newVenue()
{
    if (!m_api)
        return;
    afterDiscarding(true, [this] {
        m_designer->openVenue(std::nullopt, {});
        showPage(Page::Designer);
    });
}

void OrganizerWindow::openVenue(int row)
{
    if (row < 0 || row >= static_cast<int>(m_venues.size()))
        return widgets::say(m_venuesMessage, tr("Choose a venue first."));
    const auto& v = m_venues[static_cast<std::size_t>(row)];
    m_designer->openVenue(v.id, v.details);
    showPage(Page::Designer);
}

void OrganizerWindow::saveVenue()
{
    if (!m_api || page() != Page::Designer)
        return;
    if (const auto missing = m_designer->missingDetails(); !missing.isEmpty())
        return say(missing);
    if (const auto& problems = m_designer->document().problems(); !problems.empty())
        return say(tr("The seat map has %n problem(s); the Problems panel lists them.", nullptr,
                      static_cast<int>(problems.size())));
    const auto venue = m_designer->venue();
    say(tr("Saving…"));
    auto done = [this](const client::Outcome<domain::Venue>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            say(tr("Not saved: %1").arg(f->message));
            Q_EMIT saved(false);
            return;
        }
        const auto& stored = std::get<domain::Venue>(o);
        m_designer->setVenueId(stored.id);
        m_designer->document().setSaved();
        say(tr("Saved: %n place(s).", nullptr, stored.details.seatMap.totalCapacity()));
        updateStatus();
        Q_EMIT saved(true);
    };
    if (m_designer->venueId())
        m_api->updateVenue(*m_designer->venueId(), venue, this, done);
    else
        m_api->createVenue(venue, this, done);
}

void OrganizerWindow::generateVenue(const edit::RingSpec& spec)
{
    if (page() != Page::Designer)
        newVenue();
    if (page() != Page::Designer)
        return;
    m_designer->generate(spec);
    say(tr("Generated %n place(s).", nullptr, m_designer->document().map().totalCapacity()));
}

bool OrganizerWindow::importSeatMap(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        say(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    boost::system::error_code ec;
    const auto json = boost::json::parse(file.readAll().toStdString(), ec);
    if (ec) {
        say(tr("%1 is not JSON: %2").arg(path, QString::fromStdString(ec.message())));
        return false;
    }
    // A seat map, or a whole venue (its seat_map).
    const auto* object = json.if_object();
    const bool venue = object && object->contains("seat_map");
    auto map = domain::parseSeatMap(venue ? object->at("seat_map") : json);
    if (!map.ok()) {
        const auto& e = map.error().front();
        say(tr("%1 is not a seat map: %2 %3 (and %n more problem(s))", nullptr,
               static_cast<int>(map.error().size()) - 1)
                .arg(path, QString::fromStdString(e.field), QString::fromStdString(e.message)));
        return false;
    }
    auto details = m_designer->venue();
    details.seatMap = std::move(map).value();
    domain::clearIds(details.seatMap);
    const auto id = m_designer->venueId();
    m_designer->openVenue(id, details);
    m_designer->document().undoStack()->resetClean(); // not what the server has
    updateStatus();
    showPage(Page::Designer);
    say(tr("Imported %n place(s).", nullptr, details.seatMap.totalCapacity()));
    return true;
}

bool OrganizerWindow::exportSeatMap(const QString& path)
{
    auto map = m_designer->document().map();
    domain::clearIds(map);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(
            QByteArray::fromStdString(boost::json::serialize(boost::json::value_from(map)))) < 0) {
        say(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    say(tr("Exported the seat map to %1.").arg(path));
    return true;
}

QWidget* OrganizerWindow::buildEvents()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("<h2>Your events</h2>")));
    m_eventList = new QListWidget;
    m_eventList->setAccessibleName(tr("Events"));
    layout->addWidget(m_eventList);
    auto* buttons = new QHBoxLayout;
    auto button = [&](const QString& text, const QString& name, const QString& tip, auto fn) {
        auto* b = new QPushButton(text);
        b->setAccessibleName(name);
        b->setToolTip(tip);
        enterPresses(b);
        buttons->addWidget(b);
        connect(b, &QPushButton::clicked, this, fn);
        return b;
    };
    button(tr("&New event"), tr("New event"),
           tr("A new event on one of your venues (Ctrl+Shift+N)"), [this] { newEvent(); });
    button(tr("&Edit"), tr("Edit the event"), tr("Edit the chosen event (F2)"),
           [this] { editEvent(currentEvent()); });
    button(tr("&Publish…"), tr("Publish"), tr("Put the chosen event on sale (Ctrl+Shift+P)"),
           [this] { publishEvent(currentEvent()); });
    button(tr("&Cancel the event…"), tr("Cancel the event"),
           tr("Cancel the chosen event and refund its bookings (Ctrl+Shift+Del)"),
           [this] { cancelEvent(currentEvent()); });
    button(tr("&Dashboard"), tr("Dashboard"), tr("Watch the chosen event sell (F8)"),
           [this] { openDashboard(currentEvent()); });
    button(tr("Pro&mo codes"), tr("Promo codes"),
           tr("The chosen event's promo codes and their uses (F6)"),
           [this] { openPromoCodes(currentEvent()); });
    button(tr("&Venues"), tr("Venues"), tr("Your venues and the designer (Ctrl+O)"),
           [this] { showVenues(); });
    buttons->addStretch();
    layout->addLayout(buttons);
    m_eventsMessage = messageLabel(tr("Events message"));
    layout->addWidget(m_eventsMessage);
    connect(m_eventList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openDashboard(m_eventList->row(item)); });
    return page;
}

QString OrganizerWindow::reportFile(const QString& suffix) const
{
    // The documents folder, named after the event: Save accepts it as it is.
    const auto folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QDir().mkpath(folder);
    auto title =
        m_dashboard->event() ? QString::fromStdString(m_dashboard->event()->title) : tr("Event");
    title.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    return folder + QLatin1Char('/') + tr("%1 report").arg(title) + QLatin1Char('.') + suffix;
}

void OrganizerWindow::askFile(const QString& title, const QString& suggested, const QString& filter,
                              bool save, std::function<void(const QString&)> then)
{
    // Window-modal and opened, not exec()'d: no nested event loop (a screen reader's action
    // that opened it gets its answer at once).
    auto* dialog = new QFileDialog(this, title, suggested, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
    dialog->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    if (!suggested.isEmpty())
        dialog->selectFile(suggested);
    connect(dialog, &QFileDialog::fileSelected, this, std::move(then));
    dialog->open();
}

void OrganizerWindow::ask(QMessageBox::Icon icon, const QString& title, const QString& text,
                          std::function<void()> then)
{
    widgets::ask(this, icon, title, text, std::move(then));
}

int OrganizerWindow::currentEvent() const
{
    return m_eventList->currentRow();
}

void OrganizerWindow::loadVenuesThen(std::function<void()> then)
{
    m_api->venues(this, [this, then](const client::Outcome<domain::Page<domain::Venue>>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        m_venues = std::get<domain::Page<domain::Venue>>(o).items;
        then();
    });
}

void OrganizerWindow::showEvents()
{
    if (!m_api)
        return;
    afterDiscarding(true, [this] { loadEventsPage(); });
}

void OrganizerWindow::loadEventsPage()
{
    showPage(Page::Events);
    widgets::say(m_eventsMessage, tr("Loading your events…"));
    m_api->myEvents(this, [this](const client::Outcome<domain::Page<domain::Event>>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return widgets::say(m_eventsMessage, f->message);
        const int keep = std::max(0, m_eventList->currentRow());
        m_events = std::get<domain::Page<domain::Event>>(o).items;
        m_eventList->clear();
        for (const auto& e : m_events) {
            const auto status = eventStatusText(e.status);
            m_eventList->addItem(tr("%1 · %2 · %3", "an event: title, start, status")
                                     .arg(QString::fromStdString(e.title),
                                          client::dateTimeOf(e.start).toLocalTime().toString(
                                              QStringLiteral("yyyy-MM-dd HH:mm")),
                                          status));
        }
        if (!m_events.empty())
            m_eventList->setCurrentRow(std::min(keep, static_cast<int>(m_events.size()) - 1));
        widgets::say(m_eventsMessage,
                     m_events.empty()
                         ? tr("No events yet: make one with New event (a venue first).")
                         : QString());
        Q_EMIT eventsLoaded();
    });
}

void OrganizerWindow::newEvent()
{
    if (!m_api)
        return;
    loadVenuesThen([this] {
        if (m_venues.empty())
            return say(tr("Draw and save a venue first (File > New venue)."));
        m_eventEditor->setVenues(m_venues);
        m_eventEditor->edit(std::nullopt);
        showPage(Page::EventEditor);
    });
}

void OrganizerWindow::editEvent(int row)
{
    if (!m_api || row < 0 || row >= static_cast<int>(m_events.size()))
        return say(tr("Choose an event first."));
    const auto event = m_events[static_cast<std::size_t>(row)];
    loadVenuesThen([this, event] {
        m_eventEditor->setVenues(m_venues);
        m_eventEditor->edit(event);
        showPage(Page::EventEditor);
    });
}

void OrganizerWindow::saveEvent()
{
    if (!m_api)
        return;
    const auto input = m_eventEditor->input();
    if (const auto* problems = std::get_if<QStringList>(&input)) {
        m_eventEditor->showProblems(*problems);
        Q_EMIT eventSaved(false);
        return;
    }
    m_eventEditor->showProblems({tr("Saving…")});
    auto done = [this](const client::Outcome<domain::Event>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            QStringList problems{f->message};
            for (const auto& e : f->problem.value(QStringLiteral("errors")).toArray())
                problems << tr("%1: %2", "a problem: its field, what is wrong")
                                .arg(e.toObject().value(QStringLiteral("field")).toString(),
                                     e.toObject().value(QStringLiteral("message")).toString());
            m_eventEditor->showProblems(problems);
            Q_EMIT eventSaved(false);
            return;
        }
        const auto& saved = std::get<domain::Event>(o);
        say(tr("Saved %1.").arg(QString::fromStdString(saved.title)));
        Q_EMIT eventSaved(true);
        showEvents();
    };
    const auto& event = m_eventEditor->event();
    if (event)
        m_api->updateEvent(event->id, std::get<domain::EventInput>(input), this, done);
    else
        m_api->createEvent(std::get<domain::EventInput>(input), this, done);
}

QString OrganizerWindow::publishSummary(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_events.size()))
        return {};
    const auto& e = m_events[static_cast<std::size_t>(row)];
    QStringList lines;
    lines << tr("%1 goes on sale:").arg(QString::fromStdString(e.title));
    int places = 0;
    for (const auto& t : e.tiers) {
        lines << tr("• %1: %n place(s) at %2", nullptr, t.quantityTotal)
                     .arg(QString::fromStdString(t.name),
                          client::moneyText(t.priceMinor, t.currency));
        places += t.quantityTotal;
    }
    lines << tr("%n place(s) in all.", nullptr, places);
    lines << (e.saleStart ? tr("Sale from %1")
                                .arg(client::dateTimeOf(*e.saleStart)
                                         .toLocalTime()
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                          : tr("Sale from now")) +
                 QStringLiteral(", ") +
                 (e.saleEnd ? tr("until %1")
                                  .arg(client::dateTimeOf(*e.saleEnd)
                                           .toLocalTime()
                                           .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                            : tr("until it starts"));
    lines << tr("Once published, only its title, description and genre can change.");
    return lines.join(QLatin1Char('\n'));
}

void OrganizerWindow::publishEvent(int row, bool confirm)
{
    if (!m_api || row < 0 || row >= static_cast<int>(m_events.size()))
        return say(tr("Choose an event first."));
    const auto& e = m_events[static_cast<std::size_t>(row)];
    if (e.status != domain::EventStatus::Draft)
        return say(tr("Only a draft can be published."));
    const auto id = e.id;
    if (confirm)
        return ask(QMessageBox::Question, tr("Publish"), publishSummary(row),
                   [this, id] { publishEvent(id); });
    publishEvent(id);
}

void OrganizerWindow::publishEvent(const domain::EventId& id)
{
    m_api->publishEvent(id, this, [this](const client::Outcome<domain::Event>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            say(tr("Not published: %1").arg(f->message));
            Q_EMIT eventChanged(false);
            return;
        }
        say(tr("%1 is on sale.").arg(QString::fromStdString(std::get<domain::Event>(o).title)));
        Q_EMIT eventChanged(true);
        showEvents();
    });
}

void OrganizerWindow::cancelEvent(int row, bool confirm)
{
    if (!m_api || row < 0 || row >= static_cast<int>(m_events.size()))
        return say(tr("Choose an event first."));
    const auto event = m_events[static_cast<std::size_t>(row)];
    m_api->countConfirmedBookings(
        event.id, this, [this, event, confirm](const client::Outcome<int>& o) {
            if (const auto* f = std::get_if<client::Failure>(&o))
                return say(f->message);
            const int bookings = std::get<int>(o);
            const auto question =
                tr("Cancel %1? %n booking(s) will be refunded in full.", nullptr, bookings)
                    .arg(QString::fromStdString(event.title));
            say(question);
            const auto id = event.id;
            if (confirm)
                return ask(QMessageBox::Warning, tr("Cancel the event"), question,
                           [this, id] { cancelEvent(id); });
            cancelEvent(id);
        });
}

void OrganizerWindow::cancelEvent(const domain::EventId& id)
{
    m_api->cancelEvent(id, this, [this](const client::Outcome<domain::Event>& c) {
        if (const auto* f = std::get_if<client::Failure>(&c)) {
            say(tr("Not cancelled: %1").arg(f->message));
            Q_EMIT eventChanged(false);
            return;
        }
        say(tr("%1 is cancelled.").arg(QString::fromStdString(std::get<domain::Event>(c).title)));
        Q_EMIT eventChanged(true);
        showEvents();
    });
}

void OrganizerWindow::openPromoCodes(int row)
{
    if (!m_api || row < 0 || row >= static_cast<int>(m_events.size()))
        return say(tr("Choose an event first."));
    const auto event = m_events[static_cast<std::size_t>(row)];
    afterDiscarding(true, [this, event] {
        showPage(Page::PromoCodes);
        m_promoCodes->open(m_api.get(), event);
    });
}

void OrganizerWindow::openDashboard(int row)
{
    if (!m_api || row < 0 || row >= static_cast<int>(m_events.size()))
        return say(tr("Choose an event first."));
    showPage(Page::Dashboard);
    m_dashboard->open(m_api.get(), m_events[static_cast<std::size_t>(row)]);
}

} // namespace ticketing::organizer
