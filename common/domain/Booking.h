#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/Clock.h"
#include "domain/Lifecycle.h"
#include "domain/Money.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

namespace ticketing::domain {

struct HoldRules
{
    static constexpr int minUnits = 1;
    static constexpr int maxUnitsPerHold = 10;
    // Units one user may hold in one event at once (box office exempt).
    static constexpr int maxUnitsPerUser = 10;
};

// POST /bookings/hold: named seats, or a quantity of a (standing) tier.
struct HoldRequest
{
    EventId event;
    std::vector<SeatId> seats;
    std::optional<TierId> tier;
    int quantity = 0;
    std::optional<std::string> promoCode;

    int units() const { return tier ? quantity : static_cast<int>(seats.size()); }
};

// Reads and checks the body: one form or the other, 1 to 10 units, no seat twice.
Result<HoldRequest, std::vector<FieldError>> parseHoldRequest(const boost::json::value& body);

struct LineItem
{
    std::optional<SeatId> seat;
    std::optional<std::string> seatLabel;
    TierId tier;
    std::string tierName;
    std::int64_t priceMinor = 0;
};

// A ticket as its booking shows it (API.md `Booking.tickets`).
struct TicketView
{
    TicketId id;
    std::optional<SeatId> seat;
    std::optional<std::string> seatLabel;
    std::string tierName;
    TicketStatus status = TicketStatus::Active;
    std::string credential; // the QR code's text (common/domain/Credential.h)
};

struct Booking
{
    BookingId id;
    EventId event;
    UserId user;
    BookingStatus status = BookingStatus::Held;
    Clock::TimePoint holdExpiresAt;
    std::vector<LineItem> items;
    std::int64_t subtotalMinor = 0;
    std::int64_t discountMinor = 0;
    std::int64_t totalMinor = 0;
    std::string currency;
    Clock::TimePoint createdAt;
    std::vector<TicketView> tickets;         // from confirmation on
    std::optional<std::string> statusReason; // e.g. why a paid booking did not go through
    std::optional<std::int64_t> refundMinor; // set on the answer to a cancellation

    // A hold whose time has passed is expired, whether or not the sweeper has marked it yet.
    BookingStatus statusAt(Clock::TimePoint now) const;
};

// API.md `Booking`, as seen at `now`.
boost::json::object bookingJson(const Booking& booking, Clock::TimePoint now);

} // namespace ticketing::domain
