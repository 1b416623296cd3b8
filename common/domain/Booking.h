#pragma once

#include "domain/Clock.h"
#include "domain/Idempotency.h"
#include "domain/Lifecycle.h"
#include "domain/Money.h"
#include "domain/Pricing.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Tickets.h"
#include "domain/Uuid.h"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

struct HoldRules
{
    static constexpr int minUnits = 1;
    static constexpr int maxUnitsPerHold = 10;
    // Units one user may hold in one event at once (box office exempt).
    static constexpr int maxUnitsPerUser = 10;
};

// A box office sale's buyer (API.md "Box office"): a walk-in needs neither an account nor an
// e-mail.
struct Customer
{
    std::string name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    bool operator==(const Customer&) const = default;
};

// POST /bookings/hold: named seats, or a quantity of a tier: standing places, or the best
// available seats of a seated tier (`bestAvailable`, the server chooses: domain/BestAvailable.h).
struct HoldRequest
{
    EventId event{};
    std::vector<SeatId> seats{};
    std::optional<TierId> tier{};
    int quantity = 0;
    bool bestAvailable = false;
    bool accessible = false;     // with bestAvailable: accessible seats only
    bool includeBlocked = false; // named seats: blocked ones too (box office, admin)
    std::optional<Customer> customer{};
    std::optional<std::string> promoCode{};
    bool operator==(const HoldRequest&) const = default;

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
    std::int64_t priceMinor = 0;    // the list price
    std::int64_t discountMinor = 0; // its share of the booking's discount
    bool operator==(const LineItem&) const = default;
};

// A ticket as its booking shows it (API.md `Booking.tickets`).
struct TicketView
{
    TicketId id;
    std::optional<SeatId> seat;
    std::optional<std::string> seatLabel;
    std::string tierName;
    TicketStatus status = TicketStatus::Active;
    // The QR code's text (common/domain/Credential.h); empty for a ticket held by someone
    // else than the buyer (a transfer's receiver has it, not the giver).
    std::string credential;
    std::optional<Holder> holder;
    bool operator==(const TicketView&) const = default;
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
    std::vector<Applied> applied; // what gave the discount: none or one (discounts do not stack)
    Clock::TimePoint createdAt;
    std::vector<TicketView> tickets;         // from confirmation on
    std::optional<std::string> statusReason; // e.g. why a paid booking did not go through
    std::optional<std::int64_t> refundMinor; // set on the answer to a cancellation
    std::optional<Customer> customer;        // named at the box office
    std::optional<UserId> soldBy;            // the box office agent; none for online sales
    bool split = false;                      // best available seats spread over several rows

    // A hold whose time has passed is expired, whether or not the sweeper has marked it yet.
    BookingStatus statusAt(Clock::TimePoint now) const;
    // A cancellation (DELETE /bookings/{id}) finds nothing left to do: the booking was released
    // or cancelled already (by this request's first try, which a proxy retried, or by anyone).
    // It answers the booking as it is, as a replay would; DELETE is safe to retry.
    bool cancelledAlready() const
    {
        return status == BookingStatus::Cancelled || status == BookingStatus::Refunded;
    }
    bool operator==(const Booking&) const = default;
};

// API.md `Booking`, as seen at `now` (a hold whose time has passed shows as expired).
boost::json::value bookingJson(const Booking& booking, Clock::TimePoint now);

// Why a hold was not placed (API.md "Bookings"), as the store finds it.
enum class HoldFailure
{
    None,
    InFlight,         // the same key is being processed right now
    KeyReused,        // the key was used with another body
    UnknownSeats,     // seats not in this event
    UnknownTier,      // no such standing tier in this event
    SeatsUnavailable, // some seats are held or sold
    SoldOut,          // too few standing places
    LimitReached,     // the user would hold too many units
    NotOnSale,        // the event stopped being published (the caller's view was older)
    PromoInvalid,     // the promo code cannot be used for this hold (its PromoRefusal)
};

// The problem a refused hold answers: `seats` the unknown or unavailable ones; `count` the places
// left (SoldOut) or the units the user holds already (LimitReached).
// PromoInvalid: 409 promo_code_invalid with `reason` and the code as asked.
Problem holdRefusal(HoldFailure failure, const std::vector<SeatId>& seats, int count,
                    std::optional<PromoRefusal> promo = std::nullopt, std::string_view code = {});
// The contract's refusal of seats someone else holds or bought (409 seats_unavailable).
Problem seatsUnavailable(const std::vector<SeatId>& seats);
// What POST /bookings/hold answers for a placed hold, kept with its key: 201 and the booking.
StoredAnswer holdAnswer(const Booking& placed);

// POST /bookings/confirm.
struct ConfirmRequest
{
    BookingId booking;
    PaymentId payment;
    bool operator==(const ConfirmRequest&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, BookingStatus s);
BookingStatus tag_invoke(boost::json::value_to_tag<BookingStatus>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, TicketStatus s);
TicketStatus tag_invoke(boost::json::value_to_tag<TicketStatus>, const boost::json::value& v);
// The body of POST /bookings/hold (reading checks as parseHoldRequest does).
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const HoldRequest& h);
HoldRequest tag_invoke(boost::json::value_to_tag<HoldRequest>, const boost::json::value& v);
// The booking as it is: its status is written as stored (see bookingJson for "as seen now").
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Booking& b);
Booking tag_invoke(boost::json::value_to_tag<Booking>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ConfirmRequest& c);
ConfirmRequest tag_invoke(boost::json::value_to_tag<ConfirmRequest>, const boost::json::value& v);

} // namespace ticketing::domain
