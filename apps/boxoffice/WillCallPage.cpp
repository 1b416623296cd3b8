#include "apps/boxoffice/WillCallPage.h"

#include "client/Display.h"
#include "domain/Clock.h"
#include "domain/Money.h"
#include "widgets/Widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QShortcut>
#include <QVBoxLayout>

namespace ticketing::boxoffice {

using widgets::enterPresses;
using widgets::messageLabel;
using widgets::say;

WillCallPage::WillCallPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Will-call</h2>")));
    m_search = new QLineEdit;
    m_search->setAccessibleName(tr("Search bookings"));
    m_search->setPlaceholderText(tr("Name, e-mail, booking or ticket number (F2)"));
    m_search->setToolTip(tr("Search bookings (F2)"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    auto* row = new QHBoxLayout;
    m_table = new QTableView;
    m_table->setAccessibleName(tr("Bookings found"));
    m_table->setModel(&m_bookings);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    row->addWidget(m_table, 3);
    auto* side = new QVBoxLayout;
    m_details = new QLabel;
    m_details->setAccessibleName(tr("Booking details"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    side->addWidget(m_details, 1);
    m_reprint = new QPushButton(tr("Print again (F12)"));
    m_reprint->setAccessibleName(tr("Print the tickets again"));
    enterPresses(m_reprint);
    m_reprint->setToolTip(tr("Print the booking's tickets and a copy of the receipt (F12)"));
    side->addWidget(m_reprint);
    m_refund = new QPushButton(tr("Cancel and refund… (Del)"));
    m_refund->setAccessibleName(tr("Cancel and refund"));
    enterPresses(m_refund);
    m_refund->setToolTip(tr("Cancel the booking under its event's refund policy (Del)"));
    side->addWidget(m_refund);
    m_confirmRefund = new QPushButton;
    m_confirmRefund->setAccessibleName(tr("Confirm the refund"));
    enterPresses(m_confirmRefund);
    m_confirmRefund->setToolTip(tr("Confirm (Enter); Esc keeps the booking"));
    m_confirmRefund->hide();
    side->addWidget(m_confirmRefund);
    row->addLayout(side, 2);
    layout->addLayout(row, 1);
    m_message = messageLabel(tr("Message"));
    layout->addWidget(m_message);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &WillCallPage::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        runSearch();
        m_table->setFocus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WillCallPage::showCurrent);
    connect(&m_bookings, &QAbstractItemModel::modelReset, this, &WillCallPage::showCurrent);
    connect(m_reprint, &QPushButton::clicked, this, &WillCallPage::printAgain);
    connect(m_refund, &QPushButton::clicked, this, &WillCallPage::refund);
    connect(m_confirmRefund, &QPushButton::clicked, this, &WillCallPage::confirmRefund);
    auto* find = new QShortcut(QKeySequence(Qt::Key_F2), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto* del =
        new QShortcut(QKeySequence(Qt::Key_Delete), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &WillCallPage::refund);
    showCurrent();
}

void WillCallPage::setApi(client::ApiClient* api, const QString& agent)
{
    m_api = api;
    m_agent = agent;
}

void WillCallPage::say(const QString& text)
{
    boxoffice::say(m_message, text);
}

void WillCallPage::enter()
{
    m_search->setFocus();
    m_search->selectAll();
    if (m_bookings.rowCount() == 0)
        runSearch();
}

void WillCallPage::search(const QString& text)
{
    m_search->setText(text);
    m_debounce.stop();
    runSearch();
}

void WillCallPage::runSearch()
{
    if (!m_api)
        return;
    say(tr("Searching…"));
    const auto text = m_search->text().trimmed();
    m_api->searchBookings(
        std::nullopt, text, this,
        [this, text](const client::Outcome<domain::Page<domain::Booking>>& o) {
            if (text != m_search->text().trimmed())
                return; // an older search
            if (const auto* f = std::get_if<client::Failure>(&o))
                return say(f->message);
            const auto& page = std::get<domain::Page<domain::Booking>>(o);
            // A refund asked about stays asked when the results come again
            // (a search typed before it, answered after).
            const auto asked = m_asked;
            m_bookings.setBookings(page.items);
            for (int row = 0; asked && row < static_cast<int>(page.items.size()); ++row)
                if (page.items[static_cast<std::size_t>(row)].id == *asked) {
                    m_table->selectRow(row);
                    refund();
                    return;
                }
            say(page.items.empty()
                    ? tr("No booking matches.")
                    : tr("%n booking(s) found.", nullptr, static_cast<int>(page.items.size())));
            if (!page.items.empty())
                m_table->selectRow(0);
        });
}

const domain::Booking* WillCallPage::current() const
{
    const auto index = m_table->currentIndex();
    return index.isValid() ? m_bookings.bookingAt(index.row()) : nullptr;
}

std::int64_t WillCallPage::refundFor(const domain::Booking& booking, const domain::Event& event)
{
    const auto currency = domain::Currency::fromCode(booking.currency);
    if (!currency)
        return 0;
    return event.refundPolicy
        .refundFor(domain::Money(booking.totalMinor, *currency), event.start,
                   domain::SystemClock::instance().now())
        .minorUnits();
}

void WillCallPage::showCurrent()
{
    m_asked.reset();
    m_confirmRefund->hide();
    const auto* b = current();
    m_reprint->setEnabled(b && b->status == domain::BookingStatus::Confirmed);
    m_refund->setEnabled(b && b->status == domain::BookingStatus::Confirmed);
    if (!b) {
        m_details->setText(tr("Search, then choose a booking."));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(tr("Booking %1").arg(QString::fromStdString(b->id.toString())));
    if (b->customer)
        html += QStringLiteral("<p>%1</p>")
                    .arg(QString::fromStdString(
                             b->customer->name +
                             (b->customer->email ? " · " + *b->customer->email : std::string()))
                             .toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(m_bookings
                         .data(m_bookings.index(m_table->currentIndex().row(),
                                                client::BookingsModel::Status))
                         .toString());
    html += QStringLiteral("<ul>");
    for (const auto& item : b->items)
        html +=
            QStringLiteral("<li>%1 · %2 · %3</li>")
                .arg(QString::fromStdString(item.seatLabel.value_or(item.tierName)).toHtmlEscaped(),
                     QString::fromStdString(item.tierName).toHtmlEscaped(),
                     client::moneyText(item.priceMinor, b->currency));
    html += QStringLiteral("</ul><p><b>%1</b></p>")
                .arg(tr("Total %1").arg(client::moneyText(b->totalMinor, b->currency)));
    if (b->refundMinor)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Refunded %1").arg(client::moneyText(*b->refundMinor, b->currency)));
    m_details->setText(html);
    m_details->setAccessibleDescription(m_details->text());
}

void WillCallPage::withEvent(const domain::EventId& id,
                             std::function<void(const domain::Event&)> then)
{
    if (const auto it = m_events.find(id.toString()); it != m_events.end())
        return then(it->second);
    m_api->event(id, this, [this, then](const client::Outcome<domain::Event>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o))
            return say(f->message);
        const auto& event = std::get<domain::Event>(o);
        m_events[event.id.toString()] = event;
        then(event);
    });
}

void WillCallPage::refund()
{
    const auto* b = current();
    if (!b || b->status != domain::BookingStatus::Confirmed)
        return;
    const auto booking = *b;
    withEvent(booking.event, [this, booking](const domain::Event& event) {
        const auto amount = refundFor(booking, event);
        m_asked = booking.id;
        m_confirmRefund->setText(
            tr("Refund %1 and cancel (Enter)").arg(client::moneyText(amount, booking.currency)));
        m_confirmRefund->show();
        m_confirmRefund->setFocus();
        say(amount == 0
                ? tr("Under the event's refund policy nothing is given back now; the tickets "
                     "would be cancelled. Confirm with Enter, or Esc to keep the booking.")
                : tr("Under the event's refund policy %1 of %2 is given back. Confirm with "
                     "Enter, or Esc to keep the booking.")
                      .arg(client::moneyText(amount, booking.currency),
                           client::moneyText(booking.totalMinor, booking.currency)));
    });
}

bool WillCallPage::cancel()
{
    if (!m_asked)
        return false;
    m_asked.reset();
    m_confirmRefund->hide();
    m_table->setFocus();
    say(tr("Nothing was changed."));
    return true;
}

void WillCallPage::confirmRefund()
{
    if (!m_asked)
        return;
    const auto id = *m_asked;
    m_asked.reset();
    m_confirmRefund->hide();
    m_refund->setEnabled(false);
    say(tr("Refunding…"));
    m_api->release(id, this, [this](const client::Outcome<domain::Booking>& o) {
        if (const auto* f = std::get_if<client::Failure>(&o)) {
            showCurrent();
            return say(f->message);
        }
        const auto& b = std::get<domain::Booking>(o);
        m_bookings.update(b);
        showCurrent();
        say(tr("Cancelled. Give back %1; the tickets no longer admit.")
                .arg(client::moneyText(b.refundMinor.value_or(0), b.currency)));
        m_table->setFocus();
        Q_EMIT refunded();
    });
}

void WillCallPage::printAgain()
{
    const auto* b = current();
    if (!b || b->status != domain::BookingStatus::Confirmed || !m_printTarget)
        return;
    const auto booking = *b;
    withEvent(booking.event, [this, booking](const domain::Event& event) {
        m_api->venue(
            event.venue, this, [this, booking, event](const client::Outcome<domain::Venue>& o) {
                SaleRecord sale;
                sale.event = event;
                if (const auto* v = std::get_if<domain::Venue>(&o)) {
                    sale.venueName = QString::fromStdString(v->details.name);
                    const QTimeZone zone(QByteArray::fromStdString(v->details.timezone));
                    if (zone.isValid())
                        sale.venueZone = zone;
                }
                sale.bookings = {booking};
                sale.copy = true;
                sale.agent = m_agent;
                sale.at = QDateTime::currentDateTime();
                QString error;
                QString file;
                const bool ok = m_printTarget->print(
                    tr("Tickets %1").arg(QString::fromStdString(booking.id.toString()).right(8)),
                    [&sale](QPainter& painter, QPrinter& printer) {
                        Printout::sale(painter, printer, sale);
                    },
                    &error, &file);
                m_lastPrintFile = file;
                say(ok ? tr("Printed again (%1).").arg(m_printTarget->describe()) : error);
            });
    });
}

} // namespace ticketing::boxoffice
