#include "apps/boxoffice/SalePage.h"

#include "client/Display.h"
#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Promo.h"
#include "seatmap/SeatMapLegend.h"
#include "widgets/Widgets.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

namespace ticketing::boxoffice {

using widgets::enterPresses;
using widgets::messageLabel;
using widgets::say;

namespace {
enum Panel
{
    NoPanel,
    CashPanel,
    CardPanel,
    DonePanel
};

} // namespace

SalePage::SalePage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    m_title = new QLabel;
    m_title->setAccessibleName(tr("Event"));
    left->addWidget(m_title);
    m_mapView = new QGraphicsView;
    m_mapView->setAccessibleName(tr("Seat map"));
    m_mapView->setToolTip(tr("Click seats to hold them; arrows and Space with the keyboard"));
    m_mapView->setDragMode(QGraphicsView::NoDrag);
    m_mapView->setRenderHint(QPainter::Antialiasing, false);
    m_mapView->setFocusPolicy(Qt::StrongFocus);
    left->addWidget(m_mapView, 1);
    left->addWidget(new seatmap::SeatMapLegend);
    layout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    auto* buyer = new QGroupBox(tr("Customer (optional, before choosing)"));
    auto* buyerForm = new QFormLayout(buyer);
    m_customerName = new QLineEdit;
    m_customerName->setAccessibleName(tr("Customer name"));
    m_customerName->setToolTip(tr("The name the booking is found by at will-call"));
    buyerForm->addRow(tr("&Name:"), m_customerName);
    m_customerEmail = new QLineEdit;
    m_customerEmail->setAccessibleName(tr("Customer e-mail"));
    buyerForm->addRow(tr("E-&mail:"), m_customerEmail);
    m_promoCode = new QLineEdit;
    m_promoCode->setAccessibleName(tr("Promo code"));
    m_promoCode->setToolTip(
        tr("A code the customer has: each hold made while it is here is priced with it"));
    m_promoCode->setMaxLength(static_cast<int>(domain::kPromoCodeMaxLength));
    buyerForm->addRow(tr("P&romo code:"), m_promoCode);
    right->addWidget(buyer);

    auto* best = new QFormLayout;
    m_tier = new QComboBox;
    m_tier->setAccessibleName(tr("Tier"));
    best->addRow(tr("&Tier:"), m_tier);
    m_quantity = new QSpinBox;
    m_quantity->setRange(domain::HoldRules::minUnits, domain::HoldRules::maxUnitsPerHold);
    m_quantity->setValue(2);
    m_quantity->setAccessibleName(tr("Number of places"));
    best->addRow(tr("&Places:"), m_quantity);
    m_accessible = new QCheckBox(tr("&Accessible seats only"));
    m_accessible->setAccessibleName(tr("Accessible seats only"));
    best->addRow(m_accessible);
    right->addLayout(best);
    m_best = new QPushButton;
    m_best->setAccessibleName(tr("Best available"));
    enterPresses(m_best);
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

    auto* pay = new QHBoxLayout;
    m_cashButton = new QPushButton(tr("Cash (F9)"));
    m_cashButton->setAccessibleName(tr("Pay cash"));
    enterPresses(m_cashButton);
    m_cashButton->setToolTip(tr("Take cash for the cart (F9)"));
    m_cardButton = new QPushButton(tr("Card (F10)"));
    m_cardButton->setAccessibleName(tr("Pay by card"));
    enterPresses(m_cardButton);
    m_cardButton->setToolTip(tr("Take the card at the counter's terminal (F10)"));
    pay->addWidget(m_cashButton);
    pay->addWidget(m_cardButton);
    right->addLayout(pay);

    // The payment panel: nothing, cash, the card's progress, or the sale done.
    m_panel = new QStackedWidget;
    m_panel->addWidget(new QWidget);
    auto* cash = new QWidget;
    auto* cashForm = new QFormLayout(cash);
    m_tenderedEdit = new QLineEdit;
    m_tenderedEdit->setAccessibleName(tr("Amount tendered"));
    m_tenderedEdit->setToolTip(tr("What the customer hands over; Enter takes it"));
    cashForm->addRow(tr("Ten&dered:"), m_tenderedEdit);
    m_change = new QLabel;
    m_change->setAccessibleName(tr("Change due"));
    cashForm->addRow(tr("Change due:"), m_change);
    m_takeCash = new QPushButton(tr("Take the cash (Enter)"));
    m_takeCash->setAccessibleName(tr("Take the cash"));
    enterPresses(m_takeCash);
    m_takeCash->setToolTip(tr("Record the cash payment and print (Enter)"));
    cashForm->addRow(m_takeCash);
    m_panel->addWidget(cash);
    auto* card = new QWidget;
    auto* cardLayout = new QVBoxLayout(card);
    m_cardProgress = messageLabel(tr("Card payment"));
    cardLayout->addWidget(m_cardProgress);
    m_cancelCard = new QPushButton(tr("Cancel the card payment (Esc)"));
    m_cancelCard->setAccessibleName(tr("Cancel the card payment"));
    enterPresses(m_cancelCard);
    m_cancelCard->setToolTip(tr("Cancel the payment at the terminal (Esc)"));
    cardLayout->addWidget(m_cancelCard);
    m_panel->addWidget(card);
    auto* done = new QWidget;
    auto* doneLayout = new QVBoxLayout(done);
    m_done = messageLabel(tr("Sale completed"));
    doneLayout->addWidget(m_done);
    auto* doneButtons = new QHBoxLayout;
    m_next = new QPushButton(tr("Next sale (Ctrl+N)"));
    m_next->setAccessibleName(tr("Next sale"));
    enterPresses(m_next);
    m_next->setToolTip(tr("Clear the cart for the next customer (Ctrl+N)"));
    m_reprint = new QPushButton(tr("Print again (F12)"));
    m_reprint->setAccessibleName(tr("Print again"));
    enterPresses(m_reprint);
    m_reprint->setToolTip(tr("Print the last sale's tickets and receipt again (F12)"));
    doneButtons->addWidget(m_next);
    doneButtons->addWidget(m_reprint);
    doneLayout->addLayout(doneButtons);
    m_panel->addWidget(done);
    m_panel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    right->addWidget(m_panel);
    m_message = messageLabel(tr("Message"));
    right->addWidget(m_message);
    layout->addLayout(right, 2);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &SalePage::tick);
    m_tick->start();

    connect(m_best, &QPushButton::clicked, this, &SalePage::holdBestAvailable);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &SalePage::tierChanged);
    connect(m_cashButton, &QPushButton::clicked, this, &SalePage::payCash);
    connect(m_cardButton, &QPushButton::clicked, this, &SalePage::payCard);
    connect(m_takeCash, &QPushButton::clicked, this, &SalePage::takeCash);
    connect(m_tenderedEdit, &QLineEdit::returnPressed, this, &SalePage::takeCash);
    connect(m_tenderedEdit, &QLineEdit::textChanged, this, &SalePage::updateChange);
    connect(m_cancelCard, &QPushButton::clicked, this, &SalePage::cancel);
    connect(m_next, &QPushButton::clicked, this, &SalePage::nextSale);
    connect(m_reprint, &QPushButton::clicked, this, &SalePage::printAgain);
    connect(&m_cart, &client::CartModel::totalChanged, this, [this] {
        const auto currency = m_cart.currency().toStdString();
        if (m_cart.rowCount() == 0)
            m_total->setText(tr("Nothing held yet"));
        else if (m_cart.discountMinor() == 0)
            m_total->setText(tr("Total: %1 for %n place(s)", nullptr, m_cart.rowCount())
                                 .arg(client::moneyText(m_cart.totalMinor(), currency)));
        else
            m_total->setText(tr("Total: %1 for %n place(s), %2 off", nullptr, m_cart.rowCount())
                                 .arg(client::moneyText(m_cart.totalMinor(), currency),
                                      client::moneyText(m_cart.discountMinor(), currency)));
        m_total->setAccessibleDescription(m_total->text());
        if (m_panel->currentIndex() == CashPanel && !paying() && m_cart.rowCount() > 0 &&
            m_checkout->state() != client::Checkout::State::Done)
            updateChange(); // a seat added or let go with the panel open: against the new total
        updateActions();
    });
    tierChanged();
    updateActions();
}

SalePage::~SalePage() = default;

void SalePage::setApi(client::ApiClient* api, const QString& agent)
{
    m_api = api;
    m_agent = agent;
    m_checkout = api ? std::make_unique<client::Checkout>(*api) : nullptr;
    if (!m_checkout)
        return;
    connect(m_checkout.get(), &client::Checkout::progress, this, [this](const QString& text) {
        boxoffice::say(m_cardProgress, text);
        say(text);
    });
    connect(m_checkout.get(), &client::Checkout::finished, this, &SalePage::paid);
    connect(m_checkout.get(), &client::Checkout::failed, this, &SalePage::paymentFailed);
    connect(m_checkout.get(), &client::Checkout::stateChanged, this, [this] {
        updateActions();
        Q_EMIT stateChanged();
    });
}

void SalePage::say(const QString& text)
{
    boxoffice::say(m_message, text);
}

void SalePage::showPanel(int which)
{
    m_panel->setCurrentIndex(which);
    updateActions();
}

void SalePage::updateActions()
{
    const bool busy = paying();
    const bool canSell = m_online && m_event && m_scene && !busy;
    m_best->setEnabled(canSell && m_tier->currentIndex() >= 0);
    m_cashButton->setEnabled(canSell && m_cart.rowCount() > 0);
    m_cardButton->setEnabled(canSell && m_cart.rowCount() > 0);
    m_takeCash->setEnabled(canSell && m_cart.rowCount() > 0);
    m_cancelCard->setEnabled(m_checkout &&
                             m_checkout->state() == client::Checkout::State::WaitingForTerminal);
    m_reprint->setEnabled(m_lastSale.has_value());
    m_accessible->setEnabled(m_tier->currentData(Qt::UserRole + 1).toBool());
}

void SalePage::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    if (!online && !paying())
        say(tr("Offline: nothing can be held or sold until the server answers again."));
    else if (online && !paying())
        say({});
    updateActions();
}

void SalePage::open(const domain::Event& event)
{
    m_event = event;
    m_cart.clear();
    m_heldSeats.clear();
    m_paid.clear();
    m_scene.reset();
    m_sync.reset();
    m_mapView->setScene(nullptr);
    showPanel(NoPanel);
    m_title->setText(
        QStringLiteral("<h2>%1</h2>").arg(QString::fromStdString(event.title).toHtmlEscaped()));
    m_tier->clear();
    QHash<QString, QString> tierLabels;
    for (const auto& t : event.tiers) {
        const bool seated = t.kind == domain::SectionKind::Seated;
        const auto label =
            (seated ? tr("%1, %2") : tr("%1 (standing), %2"))
                .arg(QString::fromStdString(t.name), client::moneyText(t.priceMinor, t.currency));
        tierLabels[QString::fromStdString(t.id.toString())] = label;
        m_tier->addItem(label, QString::fromStdString(t.id.toString()));
        m_tier->setItemData(m_tier->count() - 1, seated, Qt::UserRole + 1);
    }
    tierChanged();
    say(tr("Loading the seat map…"));
    m_api->venue(event.venue, this, [this, tierLabels](const client::Outcome<domain::Venue>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        const auto& venue = std::get<domain::Venue>(o);
        m_venueName = QString::fromStdString(venue.details.name);
        const QTimeZone zone(QByteArray::fromStdString(venue.details.timezone));
        m_venueZone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
        m_scene = std::make_unique<seatmap::SeatMapScene>(venue.details.seatMap);
        m_scene->setTierLabels(tierLabels);
        // Free seats, and those this sale holds (their status turns held when its delta comes).
        m_scene->setSelectable([this](const seatmap::VenueLayout::Seat& seat) {
            if (seat.status == domain::SeatStatus::Available)
                return true;
            const auto i = m_scene->layout().indexOf(seat.id);
            return i && m_heldSeats.count(*i) > 0;
        });
        connect(m_scene.get(), &seatmap::SeatMapScene::selectionChanged, this,
                &SalePage::holdSelected);
        m_mapView->setScene(m_scene.get());
        m_mapView->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
        // Live statuses: the socket's snapshot, then every change.
        m_sync = std::make_unique<client::SyncClient>(m_api->server());
        connect(m_sync.get(), &client::SyncClient::snapshot, this,
                [this](const domain::EventId& e) {
                    if (const auto* a = m_sync->availability(e))
                        m_scene->setAvailability(*a);
                    say({});
                });
        connect(m_sync.get(), &client::SyncClient::seatsChanged, this,
                [this](const domain::EventId&, const std::vector<domain::SeatChange>& changes) {
                    m_scene->applyChanges(changes);
                });
        connect(m_sync.get(), &client::SyncClient::stateChanged, this,
                [this](client::SyncClient::State state) {
                    const bool lost = state == client::SyncClient::State::Reconnecting;
                    if (lost != m_liveLost) {
                        m_liveLost = lost;
                        Q_EMIT stateChanged();
                    }
                });
        m_sync->subscribe(m_event->id);
        m_mapView->setFocus();
        updateActions();
    });
    updateActions();
}

void SalePage::leave()
{
    if (paying())
        return; // the payment goes on; the window does not leave meanwhile
    // What was paid before a later payment failed is printed; the holds not paid are released.
    nextSale();
    m_sync.reset();
    m_liveLost = false;
    m_event.reset();
    showPanel(NoPanel);
    Q_EMIT stateChanged();
}

void SalePage::tierChanged()
{
    const bool seated =
        m_tier->currentIndex() < 0 || m_tier->currentData(Qt::UserRole + 1).toBool();
    m_best->setText(seated ? tr("&Best available (F5)") : tr("Add &standing places (F5)"));
    m_best->setToolTip(seated ? tr("Hold the best seats of the tier together (F5)")
                              : tr("Hold the number of standing places (F5)"));
    if (!seated)
        m_accessible->setChecked(false);
    updateActions();
}

std::optional<domain::Customer> SalePage::customer() const
{
    const auto name = m_customerName->text().trimmed();
    const auto email = m_customerEmail->text().trimmed();
    if (name.isEmpty() && email.isEmpty())
        return std::nullopt;
    domain::Customer c;
    c.name = name.toStdString();
    if (!email.isEmpty())
        c.email = email.toStdString();
    return c;
}

std::optional<std::string> SalePage::promoCode() const
{
    const auto code = m_promoCode->text().trimmed();
    return code.isEmpty() ? std::nullopt : std::optional(code.toStdString());
}

void SalePage::setSelectionQuietly(const std::set<int>& seats)
{
    if (!m_scene)
        return;
    m_quiet = true;
    m_scene->setSelection(seats);
    m_quiet = false;
}

// A seat clicked (or chosen with Space) is held at once, one hold per choice; one unselected
// again is released.
void SalePage::holdSelected()
{
    if (!m_scene || !m_event || m_quiet)
        return;
    if (m_panel->currentIndex() == DonePanel) {
        // The first seat of the next customer: the sale before is cleared, the seat kept.
        const auto chosen = m_scene->selection();
        nextSale();
        setSelectionQuietly(chosen);
    }
    const auto selected = m_scene->selection();
    if (!m_online || paying()) {
        // Nothing changes hands meanwhile: the choice is undone.
        std::set<int> held;
        for (const auto& [seat, b] : m_heldSeats)
            held.insert(seat);
        setSelectionQuietly(held);
        return say(paying() ? tr("A payment is under way; wait for it to finish.")
                            : tr("Offline: nothing can be held until the server answers."));
    }
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
        request.customer = customer();
        request.promoCode = promoCode();
        m_heldSeats[seat] = domain::BookingId{}; // on its way
        m_api->hold(request, client::UserAction(), this,
                    [this, seat](const client::Outcome<domain::Booking>& o) {
                        if (const auto* f = std::get_if<client::Failure>(&o)) {
                            m_heldSeats.erase(seat);
                            say(f->message);
                            auto selection = m_scene->selection();
                            selection.erase(seat);
                            setSelectionQuietly(selection);
                            return;
                        }
                        const auto& booking = std::get<domain::Booking>(o);
                        learnServerTime(booking);
                        m_heldSeats[seat] = booking.id;
                        m_cart.add(booking);
                        say({});
                    });
    }
}

void SalePage::holdBestAvailable()
{
    if (!m_event || !m_scene || m_tier->currentIndex() < 0 || !m_best->isEnabled())
        return;
    if (m_panel->currentIndex() == DonePanel)
        nextSale();
    const bool seated = m_tier->currentData(Qt::UserRole + 1).toBool();
    domain::HoldRequest request;
    request.event = m_event->id;
    request.tier = domain::TierId::parse(m_tier->currentData().toString().toStdString());
    request.quantity = m_quantity->value();
    request.bestAvailable = seated;
    request.accessible = seated && m_accessible->isChecked();
    request.customer = customer();
    request.promoCode = promoCode();
    m_best->setEnabled(false);
    say(seated ? tr("Finding the best seats…") : tr("Holding the places…"));
    m_api->hold(request, client::UserAction(), this,
                [this](const client::Outcome<domain::Booking>& o) {
                    updateActions();
                    if (const auto* f = std::get_if<client::Failure>(&o))
                        return say(f->message);
                    const auto& booking = std::get<domain::Booking>(o);
                    learnServerTime(booking);
                    m_cart.add(booking);
                    // The chosen seats show as this sale's.
                    auto selection = m_scene->selection();
                    for (const auto& item : booking.items)
                        if (item.seat)
                            if (const auto i = m_scene->layout().indexOf(*item.seat)) {
                                selection.insert(*i);
                                m_heldSeats[*i] = booking.id;
                            }
                    setSelectionQuietly(selection);
                    say(booking.split ? tr("The seats are in more than one row.") : QString());
                });
}

void SalePage::learnServerTime(const domain::Booking& hold)
{
    // The hold was made a moment ago (the request's round trip, well under a second): its
    // creation time is the server's now.
    m_serverOffset = std::chrono::duration_cast<std::chrono::milliseconds>(
        hold.createdAt - domain::SystemClock::instance().now());
}

void SalePage::tick()
{
    const auto ends = m_cart.endsAt();
    if (!ends) {
        m_countdown->clear();
        m_warnedAt = 0;
        return;
    }
    const auto now = domain::SystemClock::instance().now() + m_serverOffset; // the server's
    // Lapsed holds leave the cart (the server has let their seats go), and the agent is told;
    // not while they are being paid (the payment's confirmation says what became of them).
    std::vector<domain::BookingId> lapsed;
    if (!paying())
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
        setSelectionQuietly(selection);
        say(tr("The hold has ended: its seats left the cart. Hold them again to sell them."));
        if (m_cart.rowCount() == 0 && m_panel->currentIndex() == CashPanel)
            showPanel(NoPanel);
        if (!m_cart.endsAt()) {
            m_countdown->clear();
            return;
        }
    }
    const auto left = std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::seconds>(*m_cart.endsAt() - now).count());
    m_countdown->setText(
        tr("Held for %1:%2 more").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    // The last two minutes are warned of, and again at one minute, 30 and 10 seconds: in red
    // for the last minute, and each time said to the agent (and a screen reader).
    const bool lastMinute = left <= 60;
    m_countdown->setStyleSheet(lastMinute ? QStringLiteral("color: #b00020; font-weight: bold;")
                                          : QString());
    int due = 0;
    for (const int at : {120, 60, 30, 10})
        if (left <= at)
            due = at;
    if (due != 0 && due != m_warnedAt && !paying()) {
        m_warnedAt = due;
        say(tr("The hold ends in %1:%2: take the payment now, or the seats go back on sale.")
                .arg(left / 60)
                .arg(left % 60, 2, 10, QLatin1Char('0')));
    }
    if (left > 120)
        m_warnedAt = 0;
    m_countdown->setAccessibleDescription(m_countdown->text());
}

void SalePage::payCash()
{
    if (!m_cashButton->isEnabled())
        return;
    if (m_panel->currentIndex() == CashPanel)
        return takeCash(); // F9 twice: the exact amount
    showPanel(CashPanel);
    m_tenderedEdit->setText(QString::fromStdString(
        domain::formatMoney(m_cart.totalMinor(), m_cart.currency().toStdString())));
    updateChange();
    m_tenderedEdit->setFocus();
    m_tenderedEdit->selectAll();
}

void SalePage::updateChange()
{
    const auto currency = domain::Currency::fromCode(m_cart.currency().toStdString());
    m_tendered.reset();
    if (!currency) {
        m_change->clear();
        return;
    }
    const auto tendered =
        domain::Money::parse(m_tenderedEdit->text().trimmed().toStdString(), *currency);
    if (!tendered) {
        m_change->setText(tr("Type the amount handed over"));
    } else if (tendered->minorUnits() < m_cart.totalMinor()) {
        m_change->setText(tr("%1 short")
                              .arg(client::moneyText(m_cart.totalMinor() - tendered->minorUnits(),
                                                     m_cart.currency().toStdString())));
    } else {
        m_tendered = tendered->minorUnits();
        m_change->setText(
            client::moneyText(*m_tendered - m_cart.totalMinor(), m_cart.currency().toStdString()));
    }
    m_change->setAccessibleDescription(m_change->text());
}

void SalePage::takeCash()
{
    if (!m_takeCash->isEnabled() || paying())
        return;
    updateChange();
    if (!m_tendered)
        return say(
            tr("The amount tendered does not cover the total of %1.")
                .arg(client::moneyText(m_cart.totalMinor(), m_cart.currency().toStdString())));
    m_checkout->start(m_cart.holds(), client::Checkout::Method::Cash);
}

void SalePage::payCard()
{
    if (!m_cardButton->isEnabled() || paying())
        return;
    m_tendered.reset();
    showPanel(CardPanel);
    m_cardProgress->clear();
    m_checkout->start(m_cart.holds(), client::Checkout::Method::CardPresent);
}

bool SalePage::cancel()
{
    if (m_checkout && m_checkout->cancel())
        return true;
    if (paying())
        return true; // it cannot be cancelled now; stay until it is done
    if (m_panel->currentIndex() == CashPanel || m_panel->currentIndex() == CardPanel) {
        showPanel(NoPanel);
        m_mapView->setFocus();
        return true;
    }
    return false;
}

SaleRecord SalePage::paidSale()
{
    SaleRecord sale;
    sale.event = *m_event;
    sale.venueName = m_venueName;
    sale.venueZone = m_venueZone;
    sale.bookings = std::move(m_paid);
    m_paid.clear();
    sale.agent = m_agent;
    sale.at = QDateTime::currentDateTime();
    return sale;
}

void SalePage::paid()
{
    const auto tendered = m_tendered; // (the cart emptying below must not touch it)
    // The paid holds leave the cart; their seats turn sold on the map by the live deltas.
    for (const auto& b : m_checkout->confirmed()) {
        m_cart.remove(b.id);
        m_paid.push_back(b);
    }
    m_heldSeats.clear();
    setSelectionQuietly({});
    SaleRecord sale = paidSale();
    sale.method = m_checkout->method() == client::Checkout::Method::Cash
                      ? QStringLiteral("cash")
                      : QStringLiteral("card_present");
    if (m_checkout->method() == client::Checkout::Method::Cash)
        sale.tenderedMinor = tendered;
    m_lastSale = sale;
    int tickets = 0;
    for (const auto& b : sale.bookings)
        tickets += static_cast<int>(b.tickets.size());
    QString text = tr("Sold: %n ticket(s), %1.", nullptr, tickets)
                       .arg(client::moneyText(sale.totalMinor(), sale.event.currency));
    if (sale.tenderedMinor)
        text +=
            QLatin1Char(' ') + tr("Change due: %1.")
                                   .arg(client::moneyText(*sale.tenderedMinor - sale.totalMinor(),
                                                          sale.event.currency));
    boxoffice::say(m_done, text);
    showPanel(DonePanel);
    print(sale);
    m_next->setFocus();
    Q_EMIT sold();
}

void SalePage::paymentFailed(const client::Failure& failure)
{
    // What was confirmed stays sold (printed with the rest once all is paid); what was not stays
    // in the cart to be paid again, or released.
    for (const auto& b : m_checkout->confirmed()) {
        m_cart.remove(b.id);
        m_paid.push_back(b);
        for (auto it = m_heldSeats.begin(); it != m_heldSeats.end();)
            it = it->second == b.id ? m_heldSeats.erase(it) : std::next(it);
    }
    if (failure.code == QLatin1String("hold_expired")) {
        // The server gave any money taken back; the seats are free again.
        for (const auto& b : m_checkout->unpaid()) {
            m_cart.remove(b.id);
            for (auto it = m_heldSeats.begin(); it != m_heldSeats.end();)
                it = it->second == b.id ? m_heldSeats.erase(it) : std::next(it);
        }
        std::set<int> held;
        for (const auto& [seat, b] : m_heldSeats)
            held.insert(seat);
        setSelectionQuietly(held);
    }
    showPanel(m_checkout->method() == client::Checkout::Method::Cash ? CashPanel : NoPanel);
    say(failure.message);
    if (m_cart.rowCount() == 0 && !m_paid.empty())
        nextSale();
}

void SalePage::print(const SaleRecord& sale)
{
    if (!m_printTarget)
        return;
    QString error;
    QString file;
    const bool ok = m_printTarget->print(
        tr("Tickets %1").arg(QString::fromStdString(sale.bookings.front().id.toString()).right(8)),
        [&sale](QPainter& painter, QPrinter& printer) { Printout::sale(painter, printer, sale); },
        &error, &file);
    m_lastPrintFile = file;
    if (!ok)
        say(tr("The sale is complete, but printing failed: %1 Print again with F12.").arg(error));
    else
        say(tr("Printed (%1).").arg(m_printTarget->describe()));
}

void SalePage::printAgain()
{
    if (m_lastSale)
        print(*m_lastSale);
}

void SalePage::nextSale()
{
    if (paying())
        return;
    if (!m_paid.empty()) {
        // Bookings paid before a later payment failed: theirs is a sale of its own, printed.
        const SaleRecord sale = paidSale();
        m_lastSale = sale;
        print(sale);
    }
    for (const auto& hold : m_cart.holds())
        m_api->release(hold.id, this, [](const client::Outcome<domain::Booking>&) {});
    m_cart.clear();
    m_heldSeats.clear();
    setSelectionQuietly({});
    m_customerName->clear();
    m_customerEmail->clear();
    m_promoCode->clear();
    m_accessible->setChecked(false);
    m_tendered.reset();
    showPanel(NoPanel);
    m_mapView->setFocus();
}

} // namespace ticketing::boxoffice
