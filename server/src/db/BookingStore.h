#pragma once

#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/Clock.h"
#include "domain/Event.h"
#include "domain/Idempotency.h"
#include "domain/Pricing.h"
#include "domain/Uuid.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::db {

class Session;

namespace bookings {

struct EventFacts
{
    domain::UserId organizer;
    domain::EventStatus status = domain::EventStatus::Draft;
    domain::Clock::TimePoint start;
    domain::Clock::TimePoint end;
    std::optional<domain::Clock::TimePoint> saleStart;
    std::optional<domain::Clock::TimePoint> saleEnd;
    std::optional<domain::Clock::TimePoint> publishedAt;
    std::string currency;
    long long syncSeq = 0;
    std::vector<domain::GroupDiscount> groups; // fixed once published
};
std::optional<EventFacts> eventFacts(Session& s, const domain::EventId& id);

// Which of these seats of the event a live booking has at `now` (held and not ended, or sold):
// what the Redis fast path's refusals are checked against.
std::vector<domain::SeatId> seatsTaken(Session& s, const domain::EventId& event,
                                       const std::vector<domain::SeatId>& seats,
                                       domain::Clock::TimePoint now);

// What best available chooses from (API.md "Box office"): a tier of the event, whether it is
// seated, its sections, and the event's venue (whose document has the seat map).
struct TierSeating
{
    bool seated = false;
    std::vector<std::string> sectionKeys;
    domain::VenueId venue;
};
std::optional<TierSeating> tierSeating(Session& s, const domain::EventId& event,
                                       const domain::TierId& tier);
// The seats of a tier that a hold may claim at `now` (free, or held past their time).
std::vector<domain::SeatId> freeSeats(Session& s, const domain::TierId& tier,
                                      domain::Clock::TimePoint now);

struct PlaceHold
{
    domain::BookingId booking;
    domain::UserId user;
    bool limitExempt = false; // the box office
    int limitPerUser = domain::HoldRules::maxUnitsPerUser;
    domain::HoldRequest request;
    std::string currency;
    domain::Clock::TimePoint now;
    domain::Clock::TimePoint expiresAt;
    std::string idempotencyKey;
    std::string requestHash;
    std::optional<domain::UserId> soldBy;      // the box office agent
    bool split = false;                        // best available seats over several rows
    std::vector<domain::GroupDiscount> groups; // the event's
    // With request.promoCode: the units the hold asks for at their list prices (what the code
    // is checked against before anything is claimed: a seat's tier does not change), and whose
    // uses of the code count (per_user): an online buyer's account, or the box office
    // customer's e-mail; neither for a walk-in.
    std::vector<domain::PricedUnit> promoUnits{};
    std::optional<domain::UserId> promoBuyer{};
    std::optional<std::string> promoBuyerEmail{};
};

using HoldFailure = domain::HoldFailure;

struct HoldOutcome
{
    std::optional<domain::StoredAnswer> replay; // the first answer to this key and body
    HoldFailure failure = HoldFailure::None;
    std::vector<domain::SeatId> seats; // unknown or unavailable ones
    int available = 0;                 // SoldOut: places left; LimitReached: units held already
    std::optional<domain::PromoRefusal> promo; // PromoInvalid: why
    std::optional<domain::Booking> booking;
};

// A hold waiting for its batch (services/HoldBatcher), and what became of it.
struct BatchedHold
{
    PlaceHold hold;
    HoldOutcome outcome;
    // As stored with its key (domain::holdRefusal or the booking; status 0: nothing was stored:
    // in flight, reused, replayed).
    domain::StoredAnswer answer;
    // Set by placeHolds: a standing hold that came short while enough places were left for it
    // (the holds before it in its batch took them and failed, or another transaction has them in
    // hand); nothing was stored, run it in a later batch.
    bool again = false;
    int retries = 0; // how often it was run again; after kMaxHoldRetries its shortage is the answer
    // The promo code as locked for this hold (its id and rule), once it was found usable.
    std::optional<std::pair<std::string, domain::PromoCode>> promo;
};
inline constexpr int kMaxHoldRetries = 4;

// Places a batch of holds in one transaction, each all or nothing: checks each idempotency key
// (and stores each answer with it), each promo code (locked, so its uses are exact), the users'
// limits, claims the units (named seats locked in id order; standing places with SKIP LOCKED; a
// hold whose time has passed is claimable), writes each booking, its items and a booking event,
// prices it (domain::price: the code or the event's group discount), and writes one outbox row
// per event. The holds of a batch must not share a key, a user and event, a seat, or a promo
// code (the batcher sees to it). `now` is the batch's time: what has lapsed by then is
// claimable.
void placeHolds(Session& s, const std::vector<BatchedHold*>& batch, domain::Clock::TimePoint now);

struct Found
{
    domain::Booking booking;
    domain::UserId organizer; // of the event, who may read it too
};
std::optional<Found> find(Session& s, const domain::BookingId& id);
std::vector<domain::Booking>
listForUser(Session& s, const domain::UserId& user,
            const std::optional<std::pair<domain::Clock::TimePoint, domain::BookingId>>& after,
            int limit);

// GET /bookings (API.md "Box office"): will-call and refunds start here.
struct BookingSearch
{
    std::optional<domain::EventId> event;
    std::optional<domain::UserId> organizer;     // only this organizer's events
    std::optional<domain::BookingStatus> status; // as shown at `now` (a lapsed hold is expired)
    std::optional<std::string> text; // in the id, a ticket id, the customer or the account email
    std::optional<std::pair<domain::Clock::TimePoint, domain::BookingId>> after;
    int limit = 50;
    domain::Clock::TimePoint now;
};
// Newest first, with their items and tickets.
std::vector<domain::Booking> search(Session& s, const BookingSearch& search);

enum class ReleaseOutcome
{
    Released,
    NotHeld, // no longer a live hold (confirmed, cancelled, expired)
    NotFound
};
// A held booking back to sale: its units available, the booking cancelled.
ReleaseOutcome release(Session& s, const domain::BookingId& id,
                       const std::optional<domain::UserId>& actor, domain::Clock::TimePoint now);

// The sweeper's step. Moves up to `batch` bookings in `from` whose hold ended by `now` to `to` (the
// sweeper's move, which the service checks with the booking state machine), with their audit events
// and the live-sync announcement of their units.
int expireHolds(Session& s, domain::BookingStatus from, domain::BookingStatus to,
                domain::Clock::TimePoint now, int batch);

// One consistent snapshot of an event's inventory, by the units' stored status: a hold whose
// time is up counts as held until the sweeper ends it (within about a second), exactly as the
// live sync announces it, so a snapshot and its deltas agree with this answer.
domain::Availability availability(Session& s, const domain::EventId& event);

} // namespace bookings
} // namespace ticketing::db
