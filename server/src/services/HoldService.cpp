#include "services/HoldService.h"

#include "cache/Redis.h"
#include "cache/SeatLocks.h"
#include "db/Pool.h"
#include "domain/Booking.h"
#include "domain/Event.h"
#include "log/Log.h"
#include "services/Answer.h"
#include "services/Cursor.h"

#include <boost/json/serialize.hpp>
#include <sodium.h>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

namespace {
boost::json::array ids(const std::vector<domain::SeatId>& seats)
{
    boost::json::array a;
    for (const auto& s : seats)
        a.emplace_back(s.toString());
    return a;
}

} // namespace

HoldService::HoldService(cache::Redis& redis, const domain::Clock& clock,
                         std::chrono::seconds holdTtl, HoldBatcher::Options batching)
    : m_redis(redis), m_locks(std::make_unique<cache::SeatLocks>(redis)), m_clock(clock),
      m_ttl(holdTtl), m_batcher(clock, batching)
{
}

HoldService::~HoldService() = default;

std::optional<db::bookings::EventFacts> HoldService::eventFacts(db::Session& s,
                                                                const domain::EventId& id)
{
    const auto now = std::chrono::steady_clock::now();
    {
        const std::lock_guard lock(m_factsMutex);
        if (auto it = m_facts.find(id.value);
            it != m_facts.end() && now - it->second.second < std::chrono::seconds(1))
            return it->second.first;
    }
    auto facts = db::bookings::eventFacts(s, id);
    const std::lock_guard lock(m_factsMutex);
    if (m_facts.size() > 10000)
        m_facts.clear();
    m_facts[id.value] = {facts, now};
    return facts;
}

HoldService::Answer HoldService::hold(const Caller& caller, const std::string& key,
                                      const std::string& rawBody, const boost::json::value& body,
                                      const std::string& requestId)
{
    db::Session& s = db::currentSession();
    auto request = domain::parseHoldRequest(body);
    if (!request.ok())
        return problemAnswer(Problem::validation(std::move(request).error()), requestId);
    if (request->promoCode && !request->promoCode->empty())
        return problemAnswer(Problem::validation({{"promo_code", "no such promo code"}}),
                             requestId);

    const auto now = m_clock.now();
    // The event must be on sale; a draft does not exist for a buyer.
    const auto event = eventFacts(s, request->event);
    if (!event || event->status == domain::EventStatus::Draft)
        return problemAnswer(Problem(ProblemCode::NotFound, "no such event"), requestId);
    const auto saleStart =
        event->saleStart ? *event->saleStart : event->publishedAt.value_or(event->start);
    const auto saleEnd = event->saleEnd ? *event->saleEnd : event->start;
    if (event->status != domain::EventStatus::Published || now < saleStart || now >= saleEnd)
        return problemAnswer(
            Problem(409, "not_on_sale", "The event is not on sale",
                    event->status != domain::EventStatus::Published
                        ? "the event is " + std::string(domain::toString(event->status))
                        : (now < saleStart
                               ? "the sale opens at " + domain::formatTimestamp(saleStart)
                               : "the sale has ended")),
            requestId);

    // The fast path: a seat someone else is on is refused here, without PostgreSQL. The owner
    // is the request's key, so a retry of this request finds its own locks.
    const std::string owner = caller.user.toString() + "/" + key;
    const std::string eventId = request->event.toString();
    std::vector<std::string> seatIds;
    for (const auto& seat : request->seats)
        seatIds.push_back(seat.toString());
    bool locked = false;
    if (!seatIds.empty()) {
        if (auto taken = m_locks->acquire(eventId, seatIds, owner, m_ttl)) {
            if (!taken->empty()) {
                std::vector<domain::SeatId> unavailable;
                for (auto i : *taken)
                    unavailable.push_back(request->seats[i]);
                // Not stored under the key: nothing happened, and a retry is asked afresh.
                return problemAnswer(
                    Problem(409, "seats_unavailable", "Some seats are not available",
                            std::to_string(unavailable.size()) + " of the seats are held or sold")
                        .with("unavailable_seat_ids", ids(unavailable)),
                    requestId);
            }
            locked = true;
        }
    }

    db::bookings::BatchedHold batched;
    auto& place = batched.hold;
    place.booking = domain::BookingId::generate();
    place.user = caller.user;
    place.limitExempt = caller.role == domain::Role::BoxOffice || caller.isAdmin();
    place.request = *request;
    place.currency = event->currency;
    place.now = now;
    place.expiresAt = now + m_ttl;
    place.idempotencyKey = key;
    place.requestHash = sha256Hex(rawBody);
    batched.render = [&](const db::bookings::HoldOutcome& o) -> db::bookings::StoredAnswer {
        using F = db::bookings::HoldFailure;
        switch (o.failure) {
        case F::None: {
            auto json = domain::bookingJson(*o.booking, now);
            return {201, boost::json::serialize(json)};
        }
        case F::UnknownSeats: {
            auto a = problemAnswer(
                Problem(400, "unknown_seat", "Unknown seats", "some seats are not in this event")
                    .with("unknown_seat_ids", ids(o.seats)),
                requestId);
            return {a.status, a.body};
        }
        case F::UnknownTier: {
            auto a = problemAnswer(
                Problem::validation({{"ticket_tier_id", "no such standing tier in this event"}}),
                requestId);
            return {a.status, a.body};
        }
        case F::SeatsUnavailable: {
            auto a = problemAnswer(
                Problem(409, "seats_unavailable", "Some seats are not available",
                        std::to_string(o.seats.size()) + " of the seats are held or sold")
                    .with("unavailable_seat_ids", ids(o.seats)),
                requestId);
            return {a.status, a.body};
        }
        case F::SoldOut: {
            auto a =
                problemAnswer(Problem(409, "sold_out", "Not enough places left",
                                      std::to_string(o.available) + " places of this tier are left")
                                  .with("available", o.available),
                              requestId);
            return {a.status, a.body};
        }
        case F::LimitReached: {
            auto a = problemAnswer(Problem(409, "hold_limit_reached", "Too many held units",
                                           "you hold " + std::to_string(o.available) +
                                               " units of this event; at most " +
                                               std::to_string(domain::HoldRules::maxUnitsPerUser) +
                                               " at once")
                                       .with("held", o.available),
                                   requestId);
            return {a.status, a.body};
        }
        case F::NotOnSale: {
            auto a = problemAnswer(Problem(409, "not_on_sale", "The event is not on sale",
                                           "the event is no longer on sale"),
                                   requestId);
            return {a.status, a.body};
        }
        case F::InFlight:
        case F::KeyReused:
            break;
        }
        return {500, "{}"};
    };

    try {
        m_batcher.place(s, batched);
    } catch (...) {
        if (locked)
            m_locks->release(eventId, seatIds, owner);
        throw;
    }
    const auto& outcome = batched.outcome;
    const bool held =
        outcome.booking.has_value() || (outcome.replay && outcome.replay->status == 201);
    if (locked && !held)
        m_locks->release(eventId, seatIds, owner); // the seats are not ours after all

    using F = db::bookings::HoldFailure;
    if (outcome.failure == F::InFlight)
        return keyInFlight(requestId);
    if (outcome.failure == F::KeyReused)
        return keyReused(requestId);
    if (outcome.replay)
        return {outcome.replay->status, outcome.replay->body, true};
    return {batched.answer.status, batched.answer.body, false};
}

domain::Result<domain::Booking, Problem> HoldService::get(const Caller& caller,
                                                          const domain::BookingId& id)
{
    db::Session& s = db::currentSession();
    auto found = db::bookings::find(s, id);
    if (!found || !(found->booking.user == caller.user || caller.seesAllBookings() ||
                    found->organizer == caller.user))
        return domain::fail(Problem(ProblemCode::NotFound, "no such booking"));
    return std::move(found->booking);
}

domain::Result<domain::Booking, Problem> HoldService::cancel(const Caller& caller,
                                                             const domain::BookingId& id)
{
    db::Session& s = db::currentSession();
    auto found = db::bookings::find(s, id);
    const bool mayCancel =
        found && ((found->booking.user == caller.user &&
                   domain::allows(caller.role, domain::Permission::BookingsCancelOwn)) ||
                  domain::allows(caller.role, domain::Permission::BookingsCancelAny));
    if (!mayCancel)
        return domain::fail(Problem(ProblemCode::NotFound, "no such booking"));
    const auto now = m_clock.now();
    switch (db::bookings::release(s, id, caller.user, now)) {
    case db::bookings::ReleaseOutcome::Released:
        forgetSeats(found->booking);
        return db::bookings::find(s, id)->booking;
    case db::bookings::ReleaseOutcome::NotHeld: {
        // (A confirmed booking is cancelled by CheckoutService; one confirmed a moment ago is
        // reported here, and a second DELETE refunds it.)
        const auto status = found->booking.statusAt(now);
        return domain::fail(
            Problem(409, "not_cancellable", "The booking is no longer held",
                    "the booking is " + std::string(domain::toString(status)))
                .with("current_status", boost::json::string(domain::toString(status))));
    }
    case db::bookings::ReleaseOutcome::NotFound:
        break;
    }
    return domain::fail(Problem(ProblemCode::NotFound, "no such booking"));
}

void HoldService::forgetSeats(const domain::Booking& booking)
{
    std::vector<std::string> seats;
    for (const auto& item : booking.items)
        if (item.seat)
            seats.push_back(item.seat->toString());
    m_locks->clear(booking.event.toString(), seats);
}

std::vector<domain::Booking> HoldService::mine(const Caller& caller,
                                               const std::optional<std::string>& cursor, int limit,
                                               std::optional<std::string>& nextCursor)
{
    db::Session& s = db::currentSession();
    std::optional<std::pair<domain::Clock::TimePoint, domain::BookingId>> after;
    if (cursor)
        if (auto position = parseKeysetCursor(*cursor)) // an unreadable cursor starts at the top
            after = std::pair{position->first, domain::BookingId{position->second}};
    auto list = db::bookings::listForUser(s, caller.user, after, limit + 1);
    nextCursor.reset();
    if (static_cast<int>(list.size()) > limit) {
        list.pop_back();
        const auto& last = list.back();
        nextCursor = keysetCursor(last.createdAt, last.id.value);
    }
    return list;
}

domain::Result<domain::Availability, Problem>
HoldService::availability(const domain::EventId& event)
{
    db::Session& s = db::currentSession();
    const auto facts = db::bookings::eventFacts(s, event);
    if (!facts || facts->status == domain::EventStatus::Draft)
        return domain::fail(Problem(ProblemCode::NotFound, "no such event"));
    return db::bookings::availability(s, event);
}

HoldSweeper::HoldSweeper(std::string databaseUrl, const domain::Clock& clock,
                         std::chrono::milliseconds interval)
    : m_job("the hold sweeper", std::move(databaseUrl), interval,
            [this, &clock](db::Session& session) {
                constexpr int kBatch = 500;
                int n = 0;
                do {
                    n = db::bookings::expireHolds(session, clock.now(), kBatch);
                    m_expired += static_cast<std::uint64_t>(n);
                    if (n > 0)
                        log::info("holds expired", {{"count", n}});
                } while (n == kBatch);
            })
{
}

} // namespace ticketing::services
