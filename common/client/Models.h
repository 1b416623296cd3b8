#pragma once

#include "domain/Booking.h"
#include "domain/Event.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QDateTime>
#include <vector>

namespace ticketing::client {

// The list models the apps show (Qt's model/view, so that views, filters and screen readers all
// see the same rows). They hold values of common/domain; who fills them is the app's business.

// Events to sell: those of today first (by start), then the later ones, filtered by a search in
// the title, city and genre.
class EventsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        StartRole, // QDateTime, UTC
        CityRole,
        TodayRole, // bool
    };

    explicit EventsModel(QObject* parent = nullptr);
    void setEvents(std::vector<domain::Event> events, const QDateTime& now);
    void setSearch(const QString& text);
    const domain::Event* eventAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rebuild();
    std::vector<domain::Event> m_all;
    std::vector<const domain::Event*> m_shown;
    QString m_search;
    QDate m_today;
};

// Bookings found at will-call: one row each, newest first as the server sent them.
class BookingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Reference, // the booking id's last eight characters (a UUIDv7 starts with its time)
        Customer,
        Status,
        Seats,
        Total,
        Created,
        ColumnCount
    };

    explicit BookingsModel(QObject* parent = nullptr);
    void setBookings(std::vector<domain::Booking> bookings);
    // Replaces one booking (after a refund or a reprint) where it is.
    void update(const domain::Booking& booking);
    const domain::Booking* bookingAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<domain::Booking> m_bookings;
};

// The sale in progress: every place held for it, one row per line item, with the total and the
// hold that ends first.
class CartModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Place, // seat label, or the tier for a standing place
        Tier,
        Price,    // the list price
        Discount, // its share of the hold's discount (promo code or group discount), if any
        ColumnCount
    };

    explicit CartModel(QObject* parent = nullptr);
    void add(const domain::Booking& hold);
    void remove(const domain::BookingId& hold);
    void clear();
    const std::vector<domain::Booking>& holds() const { return m_holds; }
    std::int64_t totalMinor() const;    // what is to be paid
    std::int64_t discountMinor() const; // off the list prices
    QString currency() const;
    // When the first of the holds ends (none: empty cart).
    std::optional<domain::Clock::TimePoint> endsAt() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void totalChanged();

private:
    // Row -> (hold, item).
    std::pair<std::size_t, std::size_t> locate(int row) const;
    std::vector<domain::Booking> m_holds;
};

} // namespace ticketing::client
