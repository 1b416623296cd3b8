#include "apps/boxoffice/BoxOfficeWindow.h"

#include "client/Display.h"
#include "client/Language.h"
#include "domain/Clock.h"
#include "domain/Codec.h"
#include "domain/Money.h"
#include "widgets/Widgets.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QPrinterInfo>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ticketing::boxoffice {

using widgets::centred;
using widgets::enterPresses;
using widgets::field;
using widgets::messageLabel;
using widgets::say;

namespace {
QLabel* message()
{
    return messageLabel(BoxOfficeWindow::tr("Message"));
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
    m_sale = new SalePage;
    m_sale->setPrintTarget(&m_printTarget);
    m_pages->addWidget(m_sale);
    m_willCall = new WillCallPage;
    m_willCall->setPrintTarget(&m_printTarget);
    m_pages->addWidget(m_willCall);
    m_pages->addWidget(buildCloseShift());
    setCentralWidget(m_pages);
    connect(m_sale, &SalePage::sold, this, &BoxOfficeWindow::refreshShift);
    connect(m_sale, &SalePage::stateChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(&m_sale->cart(), &client::CartModel::totalChanged, this,
            &BoxOfficeWindow::updateActions);
    connect(m_willCall, &WillCallPage::refunded, this, &BoxOfficeWindow::refreshShift);
    m_probe.setInterval(3000);
    connect(&m_probe, &QTimer::timeout, this, [this] {
        if (m_api)
            m_api->currentShift(this, [](const client::Outcome<domain::Shift>&) {});
    });
    buildMenus();

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

    m_signIn->setServer(server.isValid() && !server.isEmpty()
                            ? server.toString()
                            : (m_session.server().isEmpty()
                                   ? QStringLiteral("http://127.0.0.1:8080")
                                   : m_session.server().toString()));
    m_signIn->setEmail(email.isEmpty() ? m_session.email() : email);
    showPage(Page::SignIn);
    updateStatus();
}

BoxOfficeWindow::~BoxOfficeWindow() = default;

QWidget* BoxOfficeWindow::buildSignIn()
{
    m_signIn = new widgets::SignInForm(tr("Sign in to the box office"), tr("Message"));
    connect(m_signIn, &widgets::SignInForm::submitted, this, &BoxOfficeWindow::signIn);
    return m_signIn;
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
    enterPresses(m_openShift);
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
    auto* sell = new QPushButton(tr("Se&ll tickets for this event (Enter)"));
    sell->setAccessibleName(tr("Sell tickets for this event"));
    sell->setToolTip(tr("Open the sale of the chosen event (Enter in the list)"));
    enterPresses(sell);
    layout->addWidget(sell);
    connect(sell, &QPushButton::clicked, this, [this] {
        const auto current = m_eventList->currentIndex();
        openEvent(current.isValid() ? current.row() : 0);
    });
    m_eventsMessage = message();
    layout->addWidget(m_eventsMessage);
    connect(m_search, &QLineEdit::textChanged, &m_events, &client::EventsModel::setSearch);
    connect(m_eventList, &QListView::activated, this,
            [this](const QModelIndex& index) { openEvent(index.row()); });
    auto* find = new QShortcut(QKeySequence(Qt::Key_F2), page, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
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
        m_signIn->focusFirstEmpty();
        break;
    case Page::Shift:
        m_float->setFocus();
        break;
    case Page::Events:
        m_eventList->setFocus();
        break;
    case Page::Sale:
        break; // the sale page puts the focus on its map once loaded
    case Page::WillCall:
        m_willCall->enter();
        break;
    case Page::CloseShift:
        m_counted->setFocus();
        break;
    }
    updateStatus();
    updateActions();
    Q_EMIT pageChanged(page);
}

void BoxOfficeWindow::signIn()
{
    m_signIn->setBusy(true);
    m_signIn->tell(tr("Signing in…"));
    m_api = std::make_unique<client::ApiClient>(m_signIn->server());
    connect(m_api.get(), &client::ApiClient::connectivityChanged, this,
            [this](client::ApiClient::Connectivity c) {
                // Offline nothing is sold; the server is asked now and then until it answers.
                const bool offline = c == client::ApiClient::Connectivity::Offline;
                m_sale->setOnline(!offline);
                if (offline)
                    m_probe.start();
                else
                    m_probe.stop();
                updateStatus();
            });
    connect(m_api.get(), &client::ApiClient::signedOut, this, [this] {
        m_shift.reset();
        m_signIn->tell(tr("The session has ended; sign in again."));
        showPage(Page::SignIn);
    });
    m_session.signIn(*m_api, m_signIn->email(), m_signIn->password(), domain::Role::BoxOffice,
                     tr("This account is not a box office account."), this,
                     [this](const client::Outcome<domain::Tokens>& o) {
                         m_signIn->setBusy(false);
                         if (const auto* f = std::get_if<client::Failure>(&o))
                             return m_signIn->tell(f->message);
                         m_signIn->clearPassword();
                         const auto agent =
                             QString::fromStdString(std::get<domain::Tokens>(o).user.email);
                         m_sale->setApi(m_api.get(), agent);
                         m_willCall->setApi(m_api.get(), agent);
                         m_signIn->tell({});
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
    m_statusShift->setText(
        m_shift ? tr("Shift open, float %1")
                      .arg(client::moneyText(m_shift->openingFloat, m_shift->currency))
                : tr("No shift"));
    QString connection; // not signed in: nothing to say yet
    if (m_api)
        switch (m_api->connectivity()) {
        case client::ApiClient::Connectivity::Online:
            // The server answers calls; the live map's socket may still be finding it again.
            connection = m_sale->liveMapLost() ? tr("Reconnecting…") : tr("Online");
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

void BoxOfficeWindow::fillPassword(const QString& password)
{
    m_signIn->setPassword(password);
    m_signIn->button()->setFocus();
}

void BoxOfficeWindow::openEvent(int row)
{
    const auto* event = m_events.eventAt(row);
    if (!event || !m_api)
        return;
    showPage(Page::Sale);
    m_sale->open(*event);
}

QWidget* BoxOfficeWindow::buildCloseShift()
{
    auto* form = new QFormLayout;
    form->addRow(new QLabel(tr("<h2>Close the shift</h2>")));
    m_report = new QLabel;
    m_report->setAccessibleName(tr("Shift report"));
    m_report->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    form->addRow(m_report);
    m_counted = field(form, tr("Cash &counted:"), tr("Counted cash"));
    m_counted->setToolTip(tr("Count the drawer and type what is in it; Enter closes the shift"));
    m_closeShift = new QPushButton(tr("C&lose the shift"));
    m_closeShift->setAccessibleName(tr("Close the shift"));
    enterPresses(m_closeShift);
    m_closeShift->setToolTip(tr("Close the shift with the cash counted (Enter)"));
    form->addRow(m_closeShift);
    m_printReport = new QPushButton(tr("&Print the report (F12)"));
    m_printReport->setAccessibleName(tr("Print the report"));
    enterPresses(m_printReport);
    m_printReport->setToolTip(tr("Print the shift's report (F12)"));
    form->addRow(m_printReport);
    m_newShift = new QPushButton(tr("Open a &new shift"));
    m_newShift->setAccessibleName(tr("Open a new shift"));
    enterPresses(m_newShift);
    form->addRow(m_newShift);
    m_closeMessage = message();
    form->addRow(m_closeMessage);
    connect(m_closeShift, &QPushButton::clicked, this, &BoxOfficeWindow::closeShift);
    connect(m_counted, &QLineEdit::returnPressed, this, &BoxOfficeWindow::closeShift);
    connect(m_printReport, &QPushButton::clicked, this, &BoxOfficeWindow::printShiftReport);
    connect(m_newShift, &QPushButton::clicked, this, [this] {
        m_closedShift.reset();
        afterSignIn();
    });
    return centred(form);
}

QAction* BoxOfficeWindow::action(QMenu* menu, const QString& text, const QKeySequence& key,
                                 const QString& accessibleName, void (BoxOfficeWindow::*slot)())
{
    auto* a = menu->addAction(text);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    // The shortcut is said in the tooltip as in the menu.
    a->setToolTip(widgets::withShortcut(accessibleName, key));
    if (slot)
        connect(a, &QAction::triggered, this, slot);
    return a;
}

void BoxOfficeWindow::buildMenus()
{
    auto* sale = menuBar()->addMenu(tr("&Sale"));
    m_actBest = action(sale, tr("&Best available"), QKeySequence(Qt::Key_F5), tr("Best available"),
                       nullptr);
    connect(m_actBest, &QAction::triggered, m_sale, &SalePage::holdBestAvailable);
    m_actCash = action(sale, tr("Pay &cash"), QKeySequence(Qt::Key_F9), tr("Pay cash"), nullptr);
    connect(m_actCash, &QAction::triggered, m_sale, &SalePage::payCash);
    m_actCard = action(sale, tr("Pay by c&ard at the terminal"), QKeySequence(Qt::Key_F10),
                       tr("Pay by card"), nullptr);
    connect(m_actCard, &QAction::triggered, m_sale, &SalePage::payCard);
    m_actPrintAgain = action(sale, tr("&Print again"), QKeySequence(Qt::Key_F12), tr("Print again"),
                             &BoxOfficeWindow::printAgain);
    m_actNext = action(sale, tr("&Next sale"), QKeySequence(Qt::CTRL | Qt::Key_N), tr("Next sale"),
                       nullptr);
    connect(m_actNext, &QAction::triggered, m_sale, &SalePage::nextSale);
    sale->addSeparator();
    m_actBack =
        action(sale, tr("&Back"), QKeySequence(Qt::Key_Escape), tr("Back"), &BoxOfficeWindow::back);

    auto* go = menuBar()->addMenu(tr("&Go"));
    m_actEvents = action(go, tr("&Events"), QKeySequence(Qt::Key_F3), tr("Events"),
                         &BoxOfficeWindow::goEvents);
    m_actWillCall = action(go, tr("&Will-call"), QKeySequence(Qt::Key_F6), tr("Will-call"),
                           &BoxOfficeWindow::goWillCall);
    m_actCloseShift = action(go, tr("&Close the shift…"), QKeySequence(Qt::Key_F7),
                             tr("Close the shift"), &BoxOfficeWindow::goCloseShift);
    go->addSeparator();
    m_actSignOut = action(go, tr("Sign &out"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q),
                          tr("Sign out"), &BoxOfficeWindow::signOut);

    auto* settings = menuBar()->addMenu(tr("Se&ttings"));
    m_printers = settings->addMenu(tr("&Printer"));
    connect(m_printers, &QMenu::aboutToShow, this, &BoxOfficeWindow::fillPrinters);
    fillPrinters();
    auto* language = settings->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const std::pair<QString, QString> choices[] = {{QString(), tr("The system's language")},
                                                   {QStringLiteral("en"), tr("English")},
                                                   {QStringLiteral("de"), tr("Deutsch")}};
    for (const auto& [code, name] : choices) {
        auto* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }
    for (auto* menu : {sale, go, settings})
        menu->setToolTipsVisible(true);
}

void BoxOfficeWindow::fillPrinters()
{
    m_printers->clear();
    auto* group = new QActionGroup(m_printers);
    for (const auto& name : QPrinterInfo::availablePrinterNames()) {
        auto* a = m_printers->addAction(name);
        a->setCheckable(true);
        a->setChecked(name == m_printTarget.printerName());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] {
            m_printTarget.setPrinterName(name);
            updateStatus();
        });
    }
    auto* pdf = m_printers->addAction(tr("PDF files in a folder…"));
    pdf->setCheckable(true);
    pdf->setChecked(m_printTarget.printerName().isEmpty());
    group->addAction(pdf);
    connect(pdf, &QAction::triggered, this, [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Folder for the PDF files"),
                                                              m_printTarget.pdfFolder());
        if (!folder.isEmpty())
            m_printTarget.setPdfFolder(folder);
        m_printTarget.setPrinterName({});
        updateStatus();
    });
}

void BoxOfficeWindow::chooseLanguage(const QString& code)
{
    client::chooseLanguage(code);
    statusBar()->showMessage(tr("The new language applies from the next start of the box "
                                "office."),
                             10000);
}

void BoxOfficeWindow::updateActions()
{
    const auto p = page();
    const bool onSale = p == Page::Sale;
    const bool signedIn = m_api && m_api->signedIn();
    const bool paying = m_sale->paying();
    m_actBest->setEnabled(onSale && !paying);
    m_actCash->setEnabled(onSale && !paying && m_sale->cart().rowCount() > 0);
    m_actCard->setEnabled(onSale && !paying && m_sale->cart().rowCount() > 0);
    m_actNext->setEnabled(onSale && !paying);
    m_actPrintAgain->setEnabled(onSale || p == Page::WillCall || p == Page::CloseShift);
    m_actBack->setEnabled(p != Page::SignIn);
    const bool working = signedIn && m_shift && !paying;
    m_actEvents->setEnabled(working);
    m_actWillCall->setEnabled(working);
    m_actCloseShift->setEnabled(working);
    m_actSignOut->setEnabled(signedIn && !paying);
}

void BoxOfficeWindow::back()
{
    switch (page()) {
    case Page::Sale:
        if (m_sale->cancel())
            return;
        m_sale->leave();
        return showPage(Page::Events);
    case Page::WillCall:
        if (m_willCall->cancel())
            return;
        return showPage(m_sale->event() ? Page::Sale : Page::Events);
    case Page::CloseShift:
        if (m_shift)
            return showPage(Page::Events);
        return;
    case Page::Events:
    case Page::Shift:
    case Page::SignIn:
        return;
    }
}

void BoxOfficeWindow::goEvents()
{
    if (page() == Page::Sale)
        m_sale->leave();
    showPage(Page::Events);
}

void BoxOfficeWindow::goWillCall()
{
    showPage(Page::WillCall);
}

void BoxOfficeWindow::goCloseShift()
{
    if (!m_shift)
        return;
    if (page() == Page::Sale)
        m_sale->leave();
    m_counted->clear();
    m_counted->setEnabled(true);
    m_closeShift->setEnabled(true);
    m_printReport->setEnabled(false);
    m_newShift->hide();
    say(m_closeMessage, tr("Count the cash in the drawer."));
    showShiftReport(*m_shift);
    showPage(Page::CloseShift);
    refreshShift();
}

void BoxOfficeWindow::refreshShift()
{
    if (!m_shift || !m_api)
        return;
    m_api->shift(m_shift->id, this, [this](const client::Outcome<domain::Shift>& o) {
        if (const auto* s = std::get_if<domain::Shift>(&o); s && m_shift && s->id == m_shift->id) {
            m_shift = *s;
            if (page() == Page::CloseShift && !m_closedShift)
                showShiftReport(*s);
            updateStatus();
        }
    });
}

void BoxOfficeWindow::showShiftReport(const domain::Shift& shift)
{
    const auto money = [&shift](std::int64_t minor) {
        return client::moneyText(minor, shift.currency);
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    const auto row = [&html](const QString& label, const QString& value, bool bold = false,
                             bool indent = false) {
        QString cell = label.toHtmlEscaped();
        QString amount = value.toHtmlEscaped();
        if (bold) {
            cell = QStringLiteral("<b>%1</b>").arg(cell);
            amount = QStringLiteral("<b>%1</b>").arg(amount);
        }
        html += QStringLiteral("<tr><td style=\"padding-left: %1px\">%2</td>"
                               "<td align=\"right\">%3</td></tr>")
                    .arg(indent ? 18 : 0)
                    .arg(cell, amount);
    };
    row(tr("Sales (%n)", nullptr, shift.sales.count), QString());
    row(tr("cash"), money(shift.sales.cash), false, true);
    row(tr("card at the counter"), money(shift.sales.cardPresent), false, true);
    row(tr("card online"), money(shift.sales.card), false, true);
    row(tr("Refunds (%n)", nullptr, shift.refunds.count), QString());
    row(tr("cash"), money(shift.refunds.cash), false, true);
    row(tr("card at the counter"), money(shift.refunds.cardPresent), false, true);
    row(tr("card online"), money(shift.refunds.card), false, true);
    row(tr("Opening float"), money(shift.openingFloat));
    row(tr("Expected in the drawer"), money(shift.expectedCash()), true);
    if (shift.countedCash) {
        row(tr("Counted"), money(*shift.countedCash), true);
        const auto diff = *shift.difference();
        row(diff < 0 ? tr("Missing") : diff > 0 ? tr("Over") : tr("Difference"), money(diff), true);
    }
    html += QStringLiteral("</table>");
    m_report->setText(html);
    m_report->setMinimumHeight(m_report->sizeHint().height());
    // A screen reader hears the figures as plain text.
    QString plain = tr("Expected in the drawer: %1.").arg(money(shift.expectedCash()));
    if (shift.countedCash)
        plain += QLatin1Char(' ') + tr("Counted: %1. Difference: %2.")
                                        .arg(money(*shift.countedCash), money(*shift.difference()));
    m_report->setAccessibleDescription(plain);
}

void BoxOfficeWindow::closeShift()
{
    if (!m_shift || !m_api || !m_closeShift->isEnabled())
        return;
    const auto currency = domain::Currency::fromCode(m_shift->currency);
    if (!currency)
        return say(m_closeMessage, tr("The shift's currency is unknown to this app."));
    const auto counted = domain::Money::parse(m_counted->text().trimmed().toStdString(), *currency);
    if (!counted || counted->isNegative())
        return say(m_closeMessage, counted ? tr("The counted cash cannot be negative.")
                                           : tr("Type the cash counted, e.g. 250.00."));
    m_closeShift->setEnabled(false);
    say(m_closeMessage, tr("Closing the shift…"));
    m_api->closeShift(m_shift->id, m_counted->text().trimmed(), this,
                      [this](const client::Outcome<domain::Shift>& o) {
                          if (const auto* f = std::get_if<client::Failure>(&o)) {
                              m_closeShift->setEnabled(true);
                              return say(m_closeMessage, f->message);
                          }
                          m_closedShift = std::get<domain::Shift>(o);
                          m_shift.reset();
                          showShiftReport(*m_closedShift);
                          m_counted->setEnabled(false);
                          m_printReport->setEnabled(true);
                          m_newShift->show();
                          const auto diff = *m_closedShift->difference();
                          say(m_closeMessage,
                              diff == 0 ? tr("The shift is closed; the drawer is right.")
                                        : tr("The shift is closed; the drawer is %1 %2.")
                                              .arg(diff < 0 ? tr("short by") : tr("over by"),
                                                   client::moneyText(diff < 0 ? -diff : diff,
                                                                     m_closedShift->currency)));
                          updateStatus();
                          updateActions();
                          printShiftReport();
                          m_printReport->setFocus();
                      });
}

void BoxOfficeWindow::printShiftReport()
{
    const auto& shift = m_closedShift ? m_closedShift : m_shift;
    if (!shift)
        return;
    QString error;
    QString file;
    const auto agent =
        m_api && m_api->user() ? QString::fromStdString(m_api->user()->email) : QString();
    const auto report = *shift;
    const bool ok = m_printTarget.print(
        tr("Shift report %1").arg(QString::fromStdString(report.id.toString()).right(8)),
        [&report, &agent](QPainter& painter, QPrinter& printer) {
            Printout::shiftReport(painter, printer, report, agent);
        },
        &error, &file);
    m_lastPrintFile = file;
    if (!ok)
        say(m_closeMessage, error);
    else
        say(m_closeMessage, m_closeMessage->text() + QLatin1Char(' ') +
                                tr("Printed (%1).").arg(m_printTarget.describe()));
}

void BoxOfficeWindow::printAgain()
{
    switch (page()) {
    case Page::Sale:
        m_sale->printAgain();
        m_lastPrintFile = m_sale->lastPrintFile();
        return;
    case Page::WillCall:
        m_willCall->printAgain();
        return;
    case Page::CloseShift:
        return printShiftReport();
    default:
        return;
    }
}

void BoxOfficeWindow::signOut()
{
    if (!m_api || m_sale->paying())
        return;
    if (page() == Page::Sale)
        m_sale->leave();
    m_api->signOut();
    m_session.forgetRefreshToken();
    m_shift.reset();
    m_closedShift.reset();
    showPage(Page::SignIn);
}

} // namespace ticketing::boxoffice
