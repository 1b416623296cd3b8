#include "apps/boxoffice/BoxOfficeWindow.h"

#include "domain/Clock.h"
#include "domain/Codec.h"
#include "domain/Money.h"
#include "seatmap/SeatMapLegend.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
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
    m_pages->addWidget(buildSale());
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
    connect(m_eventList, &QListView::activated, this,
            [this](const QModelIndex& index) { openEvent(index.row()); });
    auto* find = new QShortcut(QKeySequence(Qt::Key_F2), page);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    return page;
}

QWidget* BoxOfficeWindow::buildSale()
{
    auto* page = new QWidget;
    auto* layout = new QHBoxLayout(page);
    auto* left = new QVBoxLayout;
    m_saleTitle = new QLabel;
    m_saleTitle->setAccessibleName(tr("Event"));
    left->addWidget(m_saleTitle);
    m_mapView = new QGraphicsView;
    m_mapView->setAccessibleName(tr("Seat map"));
    m_mapView->setToolTip(tr("Click seats to hold them; arrows and Space with the keyboard"));
    m_mapView->setDragMode(QGraphicsView::NoDrag);
    m_mapView->setRenderHint(QPainter::Antialiasing, false);
    left->addWidget(m_mapView, 1);
    left->addWidget(new seatmap::SeatMapLegend);
    layout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    auto* best = new QFormLayout;
    m_tier = new QComboBox;
    m_tier->setAccessibleName(tr("Tier"));
    best->addRow(tr("&Tier:"), m_tier);
    m_quantity = new QSpinBox;
    m_quantity->setRange(1, 10);
    m_quantity->setValue(2);
    m_quantity->setAccessibleName(tr("Number of seats"));
    best->addRow(tr("&Seats:"), m_quantity);
    right->addLayout(best);
    m_best = new QPushButton(tr("&Best available (F5)"));
    m_best->setAccessibleName(tr("Best available"));
    m_best->setToolTip(tr("Hold the best seats of the tier together (F5)"));
    m_best->setShortcut(QKeySequence(Qt::Key_F5));
    right->addWidget(m_best);
    m_cartView = new QTableView;
    m_cartView->setAccessibleName(tr("Cart"));
    m_cartView->setModel(&m_cart);
    m_cartView->horizontalHeader()->setStretchLastSection(true);
    m_cartView->verticalHeader()->hide();
    m_cartView->setSelectionBehavior(QAbstractItemView::SelectRows);
    right->addWidget(m_cartView, 1);
    m_total = new QLabel;
    m_total->setAccessibleName(tr("Total"));
    right->addWidget(m_total);
    m_countdown = new QLabel;
    m_countdown->setAccessibleName(tr("Hold time left"));
    right->addWidget(m_countdown);
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &BoxOfficeWindow::tick);
    m_tick->start();
    m_saleMessage = message();
    right->addWidget(m_saleMessage);
    layout->addLayout(right, 2);

    connect(m_best, &QPushButton::clicked, this, &BoxOfficeWindow::holdBestAvailable);
    connect(&m_cart, &client::CartModel::totalChanged, this, [this] {
        m_total->setText(m_cart.rowCount() == 0
                             ? tr("Nothing held yet")
                             : tr("Total: %1 %2 for %n place(s)", nullptr, m_cart.rowCount())
                                   .arg(QString::fromStdString(domain::formatMoney(
                                            m_cart.totalMinor(), m_cart.currency().toStdString())),
                                        m_cart.currency()));
        m_total->setAccessibleDescription(m_total->text());
    });
    auto* back = new QShortcut(QKeySequence(Qt::Key_Escape), page);
    connect(back, &QShortcut::activated, this, [this] { showPage(Page::Events); });
    return page;
}

void BoxOfficeWindow::openEvent(int row)
{
    const auto* event = m_events.eventAt(row);
    if (!event)
        return;
    m_event = *event;
    m_cart.clear();
    m_heldSeats.clear();
    m_saleTitle->setText(
        QStringLiteral("<h2>%1</h2>").arg(QString::fromStdString(event->title).toHtmlEscaped()));
    m_tier->clear();
    QHash<QString, QString> tierLabels;
    for (const auto& t : event->tiers) {
        const auto label =
            tr("%1, %2 %3")
                .arg(QString::fromStdString(t.name),
                     QString::fromStdString(domain::formatMoney(t.priceMinor, t.currency)),
                     QString::fromStdString(t.currency));
        tierLabels[QString::fromStdString(t.id.toString())] = label;
        if (t.kind == domain::SectionKind::Seated)
            m_tier->addItem(label, QString::fromStdString(t.id.toString()));
    }
    say(m_saleMessage, tr("Loading the seat map…"));
    showPage(Page::Sale);
    m_api->venue(event->venue, this, [this, tierLabels](const client::Outcome<domain::Venue>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(m_saleMessage, f->message);
        m_scene =
            std::make_unique<seatmap::SeatMapScene>(std::get<domain::Venue>(o).details.seatMap);
        m_scene->setTierLabels(tierLabels);
        // Free seats, and those this sale holds (their status turns held when its delta comes).
        m_scene->setSelectable([this](const seatmap::VenueLayout::Seat& seat) {
            if (seat.status == domain::SeatStatus::Available)
                return true;
            const auto i = m_scene->layout().indexOf(seat.id);
            return i && m_heldSeats.count(*i) > 0;
        });
        connect(m_scene.get(), &seatmap::SeatMapScene::selectionChanged, this,
                &BoxOfficeWindow::holdSelected);
        m_mapView->setScene(m_scene.get());
        m_mapView->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
        // Live statuses: the socket's snapshot, then every change.
        m_sync = std::make_unique<client::SyncClient>(m_api->server());
        connect(m_sync.get(), &client::SyncClient::snapshot, this,
                [this](const domain::EventId& e) {
                    if (const auto* a = m_sync->availability(e))
                        m_scene->setAvailability(*a);
                    say(m_saleMessage, {});
                });
        connect(m_sync.get(), &client::SyncClient::seatsChanged, this,
                [this](const domain::EventId&, const std::vector<domain::SeatChange>& changes) {
                    m_scene->applyChanges(changes);
                });
        m_sync->subscribe(m_event->id);
        m_mapView->setFocus();
    });
}

// A seat clicked (or chosen with Space) is held at once, one hold per choice; one unselected
// again is released.
void BoxOfficeWindow::holdSelected()
{
    if (!m_scene || !m_event || m_holding)
        return;
    const auto& selected = m_scene->selection();
    // Released: held seats no longer selected.
    for (auto it = m_heldSeats.begin(); it != m_heldSeats.end();) {
        if (selected.count(it->first)) {
            ++it;
            continue;
        }
        const auto booking = it->second;
        it = m_heldSeats.erase(it);
        bool stillUsed = false;
        for (const auto& [seat, b] : m_heldSeats)
            stillUsed = stillUsed || b == booking;
        if (!stillUsed) {
            m_cart.remove(booking);
            m_api->release(booking, this, [](const client::Outcome<domain::Booking>&) {});
        }
    }
    // Newly chosen: held.
    for (const int seat : selected) {
        if (m_heldSeats.count(seat))
            continue;
        domain::HoldRequest request;
        request.event = m_event->id;
        request.seats = {m_scene->layout().seats()[static_cast<std::size_t>(seat)].id};
        m_heldSeats[seat] = domain::BookingId{}; // on its way
        m_api->hold(request, client::UserAction(), this,
                    [this, seat](const client::Outcome<domain::Booking>& o) {
                        if (const auto* f = std::get_if<client::Failure>(&o)) {
                            m_heldSeats.erase(seat);
                            say(m_saleMessage, f->message);
                            auto selection = m_scene->selection();
                            selection.erase(seat);
                            m_holding = true;
                            m_scene->setSelection(selection);
                            m_holding = false;
                            return;
                        }
                        const auto& booking = std::get<domain::Booking>(o);
                        m_heldSeats[seat] = booking.id;
                        m_cart.add(booking);
                        say(m_saleMessage, {});
                    });
    }
}

void BoxOfficeWindow::holdBestAvailable()
{
    if (!m_event || !m_scene || m_tier->currentIndex() < 0)
        return;
    domain::HoldRequest request;
    request.event = m_event->id;
    request.tier = domain::TierId::parse(m_tier->currentData().toString().toStdString());
    request.quantity = m_quantity->value();
    request.bestAvailable = true;
    m_best->setEnabled(false);
    say(m_saleMessage, tr("Finding the best seats…"));
    m_api->hold(request, client::UserAction(), this,
                [this](const client::Outcome<domain::Booking>& o) {
                    m_best->setEnabled(true);
                    if (const auto* f = std::get_if<client::Failure>(&o))
                        return say(m_saleMessage, f->message);
                    const auto& booking = std::get<domain::Booking>(o);
                    m_cart.add(booking);
                    // The chosen seats show as this sale's.
                    auto selection = m_scene->selection();
                    for (const auto& item : booking.items)
                        if (item.seat)
                            if (const auto i = m_scene->layout().indexOf(*item.seat)) {
                                selection.insert(*i);
                                m_heldSeats[*i] = booking.id;
                            }
                    m_holding = true;
                    m_scene->setSelection(selection);
                    m_holding = false;
                    say(m_saleMessage,
                        booking.split ? tr("The seats are in more than one row.") : QString());
                });
}

void BoxOfficeWindow::tick()
{
    const auto ends = m_cart.endsAt();
    if (!ends) {
        m_countdown->clear();
        return;
    }
    const auto now = domain::SystemClock::instance().now();
    // Lapsed holds leave the cart (the server has let their seats go), and the agent is told.
    std::vector<domain::BookingId> lapsed;
    for (const auto& hold : m_cart.holds())
        if (hold.holdExpiresAt <= now)
            lapsed.push_back(hold.id);
    if (!lapsed.empty()) {
        auto selection = m_scene ? m_scene->selection() : std::set<int>{};
        for (const auto& id : lapsed) {
            m_cart.remove(id);
            for (auto it = m_heldSeats.begin(); it != m_heldSeats.end();)
                if (it->second == id) {
                    selection.erase(it->first);
                    it = m_heldSeats.erase(it);
                } else {
                    ++it;
                }
        }
        if (m_scene) {
            m_holding = true;
            m_scene->setSelection(selection);
            m_holding = false;
        }
        say(m_saleMessage,
            tr("The hold has ended: its seats left the cart. Hold them again to sell them."));
        if (!m_cart.endsAt()) {
            m_countdown->clear();
            return;
        }
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::seconds>(*m_cart.endsAt() - now).count();
    m_countdown->setText(
        tr("Held for %1:%2 more").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    // The last minute is warned of.
    m_countdown->setStyleSheet(left <= 60 ? QStringLiteral("color: #b00020; font-weight: bold;")
                                          : QString());
    m_countdown->setAccessibleDescription(m_countdown->text());
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
    case Page::Sale:
        m_mapView->setFocus();
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
