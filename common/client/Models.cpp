#include "client/Models.h"

#include "client/Display.h"
#include "domain/Codec.h"

#include <algorithm>

namespace ticketing::client {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

// EventsModel

EventsModel::EventsModel(QObject* parent) : QAbstractListModel(parent) {}

void EventsModel::setEvents(std::vector<domain::Event> events, const QDateTime& now)
{
    beginResetModel();
    m_all = std::move(events);
    m_today = now.toUTC().date();
    rebuild();
    endResetModel();
}

void EventsModel::setSearch(const QString& text)
{
    if (text == m_search)
        return;
    beginResetModel();
    m_search = text;
    rebuild();
    endResetModel();
}

void EventsModel::rebuild()
{
    m_shown.clear();
    for (const auto& e : m_all) {
        if (!m_search.isEmpty() && !qs(e.title).contains(m_search, Qt::CaseInsensitive) &&
            !qs(e.city).contains(m_search, Qt::CaseInsensitive) &&
            !qs(e.genre).contains(m_search, Qt::CaseInsensitive))
            continue;
        m_shown.push_back(&e);
    }
    std::stable_sort(m_shown.begin(), m_shown.end(), [this](const auto* a, const auto* b) {
        const bool ta = dateTimeOf(a->start).date() == m_today;
        const bool tb = dateTimeOf(b->start).date() == m_today;
        if (ta != tb)
            return ta;
        return a->start < b->start;
    });
}

const domain::Event* EventsModel::eventAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_shown.size())
               ? m_shown[static_cast<std::size_t>(row)]
               : nullptr;
}

int EventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant EventsModel::data(const QModelIndex& index, int role) const
{
    const auto* e = index.isValid() ? eventAt(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2, %3")
            .arg(qs(e->title),
                 QLocale().toString(dateTimeOf(e->start).toLocalTime(), QLocale::ShortFormat),
                 qs(e->city));
    case Qt::AccessibleTextRole:
    case TitleRole:
        return qs(e->title);
    case IdRole:
        return qs(e->id.toString());
    case StartRole:
        return dateTimeOf(e->start);
    case CityRole:
        return qs(e->city);
    case TodayRole:
        return dateTimeOf(e->start).date() == m_today;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names[IdRole] = "eventId";
    names[TitleRole] = "title";
    names[StartRole] = "start";
    names[CityRole] = "city";
    names[TodayRole] = "today";
    return names;
}

// BookingsModel

BookingsModel::BookingsModel(QObject* parent) : QAbstractTableModel(parent) {}

void BookingsModel::setBookings(std::vector<domain::Booking> bookings)
{
    beginResetModel();
    m_bookings = std::move(bookings);
    endResetModel();
}

void BookingsModel::update(const domain::Booking& booking)
{
    for (std::size_t i = 0; i < m_bookings.size(); ++i)
        if (m_bookings[i].id == booking.id) {
            m_bookings[i] = booking;
            Q_EMIT dataChanged(index(static_cast<int>(i), 0),
                               index(static_cast<int>(i), ColumnCount - 1));
            return;
        }
}

const domain::Booking* BookingsModel::bookingAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_bookings.size())
               ? &m_bookings[static_cast<std::size_t>(row)]
               : nullptr;
}

int BookingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_bookings.size());
}

int BookingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BookingsModel::data(const QModelIndex& index, int role) const
{
    const auto* b = index.isValid() ? bookingAt(index.row()) : nullptr;
    if (!b || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case Reference:
        return role == Qt::ToolTipRole ? qs(b->id.toString()) : qs(b->id.toString()).right(8);
    case Customer:
        return b->customer ? qs(b->customer->name) : tr("(walk-in)");
    case Status:
        switch (b->status) {
        case domain::BookingStatus::Held:
            return tr("Held");
        case domain::BookingStatus::Confirmed:
            return tr("Confirmed");
        case domain::BookingStatus::Cancelled:
            return tr("Cancelled");
        case domain::BookingStatus::Expired:
            return tr("Expired");
        case domain::BookingStatus::Refunded:
            return tr("Refunded");
        }
        return {};
    case Seats: {
        QStringList places;
        for (const auto& item : b->items)
            places << (item.seatLabel ? qs(*item.seatLabel) : qs(item.tierName));
        return places.join(QStringLiteral(", "));
    }
    case Total:
        return moneyText(b->totalMinor, b->currency);
    case Created:
        return QLocale().toString(dateTimeOf(b->createdAt).toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant BookingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference:
        return tr("Booking");
    case Customer:
        return tr("Customer");
    case Status:
        return tr("Status");
    case Seats:
        return tr("Places");
    case Total:
        return tr("Total");
    case Created:
        return tr("Booked");
    default:
        return {};
    }
}

// CartModel

CartModel::CartModel(QObject* parent) : QAbstractTableModel(parent) {}

std::pair<std::size_t, std::size_t> CartModel::locate(int row) const
{
    auto left = static_cast<std::size_t>(row);
    for (std::size_t h = 0; h < m_holds.size(); ++h) {
        if (left < m_holds[h].items.size())
            return {h, left};
        left -= m_holds[h].items.size();
    }
    return {m_holds.size(), 0};
}

void CartModel::add(const domain::Booking& hold)
{
    if (hold.items.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(hold.items.size()) - 1);
    m_holds.push_back(hold);
    endInsertRows();
    Q_EMIT totalChanged();
}

void CartModel::remove(const domain::BookingId& id)
{
    int first = 0;
    for (std::size_t h = 0; h < m_holds.size(); ++h) {
        const int n = static_cast<int>(m_holds[h].items.size());
        if (m_holds[h].id == id) {
            beginRemoveRows({}, first, first + n - 1);
            m_holds.erase(m_holds.begin() + static_cast<std::ptrdiff_t>(h));
            endRemoveRows();
            Q_EMIT totalChanged();
            return;
        }
        first += n;
    }
}

void CartModel::clear()
{
    if (m_holds.empty())
        return;
    beginResetModel();
    m_holds.clear();
    endResetModel();
    Q_EMIT totalChanged();
}

std::int64_t CartModel::totalMinor() const
{
    std::int64_t total = 0;
    for (const auto& h : m_holds)
        total += h.totalMinor;
    return total;
}

std::int64_t CartModel::discountMinor() const
{
    std::int64_t discount = 0;
    for (const auto& h : m_holds)
        discount += h.discountMinor;
    return discount;
}

QString CartModel::currency() const
{
    return m_holds.empty() ? QString() : qs(m_holds.front().currency);
}

std::optional<domain::Clock::TimePoint> CartModel::endsAt() const
{
    std::optional<domain::Clock::TimePoint> first;
    for (const auto& h : m_holds)
        if (!first || h.holdExpiresAt < *first)
            first = h.holdExpiresAt;
    return first;
}

int CartModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    int n = 0;
    for (const auto& h : m_holds)
        n += static_cast<int>(h.items.size());
    return n;
}

int CartModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() ||
        (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    const auto [h, i] = locate(index.row());
    const auto& hold = m_holds[h];
    const auto& item = hold.items[i];
    switch (index.column()) {
    case Place:
        return item.seatLabel ? qs(*item.seatLabel) : tr("Standing (%1)").arg(qs(item.tierName));
    case Tier:
        return qs(item.tierName);
    case Price:
        return moneyText(item.priceMinor, hold.currency);
    case Discount:
        if (item.discountMinor == 0)
            return {};
        if (role == Qt::AccessibleTextRole && !hold.applied.empty())
            return tr("%1 off: %2")
                .arg(moneyText(item.discountMinor, hold.currency),
                     appliedText(hold.applied.front()));
        return moneyText(-item.discountMinor, hold.currency);
    default:
        return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Place:
        return tr("Place");
    case Tier:
        return tr("Tier");
    case Price:
        return tr("Price");
    case Discount:
        return tr("Discount");
    default:
        return {};
    }
}

} // namespace ticketing::client
