#include "services/HoldService.h"

#include "cache/Redis.h"
#include "cache/SeatLocks.h"
#include "db/EventStore.h"
#include "db/Pool.h"
#include "db/VenueStore.h"
#include "domain/BestAvailable.h"
#include "domain/Booking.h"
#include "domain/Event.h"
#include "log/Log.h"
#include "services/Cursor.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <set>
#include <unordered_set>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

HoldService::HoldService(cache::Redis& redis, const domain::Clock& clock,
                         std::chrono::seconds holdTtl, HoldBatcher::Options batching)
    : m_redis(redis), m_locks(std::make_unique<cache::SeatLocks>(redis, holdTtl)), m_clock(clock),
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

namespace {
// The fast path's claim on a hold's named seats (Redis), as the owner `user/key`: a retry of
// the same request finds its own keys. Released unless the hold keeps the seats.
struct SeatLock
{
    std::string owner;
    std::string event;
    std::vector<std::string> seats;
    bool locked = false;
};

Keyed<domain::Booking> answerOf(const db::bookings::BatchedHold& hold)
{
    const auto& outcome = hold.outcome;
    if (outcome.replay)
        return Replayed{*outcome.replay};
    if (outcome.booking)
        return *outcome.booking;
    return domain::holdRefusal(outcome.failure, outcome.seats, outcome.available, outcome.promo,
                               hold.hold.request.promoCode.value_or(""));
}
} // namespace

Keyed<domain::Booking> HoldService::hold(const Caller& caller, const std::string& key,
                                         const std::string& requestHash,
                                         const domain::HoldRequest& request)
{
    db::Session& s = db::currentSession();
    const auto now = m_clock.now();
    // The event must be on sale; a draft does not exist for a buyer.
    const auto event = eventFacts(s, request.event);
    if (!event || event->status == domain::EventStatus::Draft)
        return Problem(ProblemCode::NotFound, "no such event");
    if (auto refused = domain::notOnSale(event->status, event->saleStart, event->saleEnd,
                                         event->publishedAt, event->start, now))
        return *refused;
    // Box office sales (API.md "Box office"): the agent is kept, and only the counter names a
    // buyer who may have no account.
    const bool counter = caller.role == domain::Role::BoxOffice || caller.isAdmin();
    if (request.customer && !counter)
        return Problem(ProblemCode::Forbidden, "only the box office names a customer");
    const auto soldBy = counter ? std::optional(caller.user) : std::nullopt;
    if (request.includeBlocked && !counter)
        return Problem(ProblemCode::Forbidden, "only the box office takes blocked seats");
    if (request.bestAvailable)
        return holdBestAvailable(s, caller, key, requestHash, request, *event, now, soldBy);
    return holdUnits(s, caller, key, requestHash, request, *event, now, soldBy, std::nullopt,
                     nullptr);
}

Keyed<domain::Booking>
HoldService::holdBestAvailable(db::Session& s, const Caller& caller, const std::string& key,
                               const std::string& requestHash, const domain::HoldRequest& request,
                               const db::bookings::EventFacts& event, domain::Clock::TimePoint now,
                               const std::optional<domain::UserId>& soldBy)
{
    const auto tier = db::bookings::tierSeating(s, request.event, *request.tier);
    if (!tier)
        return domain::holdRefusal(domain::HoldFailure::UnknownTier, {}, 0);
    if (!tier->seated)
        return Problem::validation(
            {{"best_available", "is for seated tiers; a standing tier is held by quantity alone"}});
    const auto map = seatMap(s, request.event, tier->venue);
    std::vector<const domain::Section*> sections;
    for (const auto& k : tier->sectionKeys)
        if (const auto* section = map->findSection(k))
            sections.push_back(section);
    // A seat that the fast path refuses between the choice and the hold (someone is on it) is
    // left out and the choice made again; a refusal there is not kept with the key.
    std::set<domain::SeatId> refused;
    for (int attempt = 0;; ++attempt) {
        std::unordered_set<domain::Uuid> free;
        for (const auto& seat : db::bookings::freeSeats(s, *request.tier, now))
            free.insert(seat.value);
        const auto choice =
            domain::bestAvailable(*map, sections,
                                  [&](const domain::SeatId& seat) {
                                      return free.count(seat.value) > 0 && refused.count(seat) == 0;
                                  },
                                  {request.quantity, request.accessible});
        if (choice.seats.empty())
            return domain::holdRefusal(domain::HoldFailure::SoldOut, {}, choice.eligible);
        auto named = request;
        named.seats = choice.seats;
        named.tier.reset();
        named.quantity = 0;
        named.bestAvailable = false;
        named.accessible = false;
        std::vector<domain::SeatId> fastRefused;
        auto result = holdUnits(s, caller, key, requestHash, named, event, now, soldBy,
                                choice.split, attempt < 4 ? &fastRefused : nullptr);
        if (fastRefused.empty())
            return result;
        refused.insert(fastRefused.begin(), fastRefused.end());
    }
}

std::shared_ptr<const domain::SeatMap>
HoldService::seatMap(db::Session& s, const domain::EventId& event, const domain::VenueId& venue)
{
    {
        const std::lock_guard lock(m_mapsMutex);
        if (auto it = m_maps.find(event.value); it != m_maps.end())
            return it->second;
    }
    const auto stored = db::venues::find(s, venue);
    if (!stored)
        throw std::runtime_error("the venue of event " + event.toString() + " is missing");
    auto parsed = domain::parseSeatMap(boost::json::parse(stored->document).at("seat_map"));
    if (!parsed)
        throw std::runtime_error("the stored seat map of venue " + venue.toString() +
                                 " does not read back");
    auto map = std::make_shared<const domain::SeatMap>(std::move(*parsed));
    // A published event's seat map does not change (its venue cannot while it is in use).
    const std::lock_guard lock(m_mapsMutex);
    if (m_maps.size() > 64)
        m_maps.clear();
    m_maps[event.value] = map;
    return map;
}

Keyed<domain::Booking>
HoldService::holdUnits(db::Session& s, const Caller& caller, const std::string& key,
                       const std::string& requestHash, const domain::HoldRequest& request,
                       const db::bookings::EventFacts& event, domain::Clock::TimePoint now,
                       const std::optional<domain::UserId>& soldBy, std::optional<bool> chosenSplit,
                       std::vector<domain::SeatId>* fastRefused)
{
    // The fast path: a seat someone else is on is refused here, without PostgreSQL.
    SeatLock lock{caller.user.toString() + "/" + key, request.event.toString(), {}, false};
    for (const auto& seat : request.seats)
        lock.seats.push_back(seat.toString());
    if (!lock.seats.empty()) {
        auto taken = m_locks->acquire(lock.event, lock.seats, lock.owner, m_ttl);
        // Seats that only Redis refuses (a key whose hold never reached PostgreSQL: its process
        // died between the two) are freed and tried once more; availability and the fast path
        // must agree.
        if (taken && !taken->empty() && freeStaleKeys(s, request, *taken, now))
            taken = m_locks->acquire(lock.event, lock.seats, lock.owner, m_ttl);
        if (taken) {
            if (!taken->empty()) {
                std::vector<domain::SeatId> unavailable;
                for (const auto& t : *taken)
                    unavailable.push_back(request.seats[t.index]);
                if (fastRefused)
                    *fastRefused = unavailable;
                // Not stored under the key: nothing happened, and a retry is asked afresh.
                return domain::seatsUnavailable(unavailable);
            }
            lock.locked = true;
        }
    }

    db::bookings::BatchedHold batched;
    batched.hold = {.booking = domain::BookingId::generate(),
                    .user = caller.user,
                    .limitExempt = caller.role == domain::Role::BoxOffice || caller.isAdmin(),
                    .limitPerUser = domain::HoldRules::maxUnitsPerUser,
                    .request = request,
                    .currency = event.currency,
                    .now = now,
                    .expiresAt = now + m_ttl,
                    .idempotencyKey = key,
                    .requestHash = requestHash,
                    .soldBy = soldBy,
                    .split = chosenSplit.value_or(false),
                    .groups = event.groups};
    if (request.promoCode && !request.promoCode->empty()) {
        // The code is checked in the hold's transaction against the units asked for, at their
        // list prices. A seat or tier that is not the event's gets the hold's own refusal
        // (unknown_seat, or the tier's 400) from the claim, which the code does not change.
        auto units = db::events::pricedUnits(s, request);
        if (units.ok())
            batched.hold.promoUnits = std::move(units).value();
        else
            batched.hold.request.promoCode.reset();
        // per_user counts the buyer: the account online; at the counter the customer's
        // e-mail, and nobody for a walk-in without one.
        if (soldBy)
            batched.hold.promoBuyerEmail =
                request.customer ? request.customer->email : std::nullopt;
        else
            batched.hold.promoBuyer = caller.user;
    }
    try {
        m_batcher.place(s, batched);
    } catch (...) {
        if (lock.locked)
            m_locks->release(lock.event, lock.seats, lock.owner);
        throw;
    }
    const auto& outcome = batched.outcome;
    const bool held =
        outcome.booking.has_value() || (outcome.replay && outcome.replay->status == 201);
    if (lock.locked && !held)
        m_locks->release(lock.event, lock.seats, lock.owner); // the seats are not ours after all
    else if (lock.locked && outcome.booking)
        m_locks->committed(lock.event, lock.seats, lock.owner); // refusals need not ask again
    else if (lock.locked && chosenSplit)
        m_locks->release(lock.event, lock.seats, lock.owner); // a replay: its seats were others
    return answerOf(batched);
}

namespace {
// How old a seat key must be before its hold is asked of PostgreSQL: longer than a hold takes to
// commit, even in a rush (its batch, a retry or two).
constexpr std::chrono::milliseconds kStaleAfter{5000};
} // namespace

bool HoldService::freeStaleKeys(db::Session& s, const domain::HoldRequest& request,
                                const std::vector<cache::SeatLocks::Taken>& taken,
                                domain::Clock::TimePoint now)
{
    const auto steady = std::chrono::steady_clock::now();
    // PostgreSQL is asked about a seat at most once a second per instance: in a rush the same
    // few seats are refused thousands of times, and those refusals stay on the fast path.
    std::vector<domain::SeatId> ask;
    const bool marksTrusted = m_locks->marksTrusted();
    {
        const std::lock_guard lock(m_takenMutex);
        if (m_takenUntil.size() > 100000)
            m_takenUntil.clear();
        for (const auto& t : taken) {
            // A key set moments ago belongs to a hold on its way to PostgreSQL, and a marked one
            // to a hold PostgreSQL has (its end removes the key): neither is stale. Unless Redis
            // gave trouble lately: then a mark may outlive its hold (SeatLocks::marksTrusted).
            if (m_ttl - t.left < kStaleAfter ||
                (cache::SeatLocks::isCommitted(t.owner) && marksTrusted))
                continue;
            const auto key = request.seats[t.index].toString();
            if (auto it = m_takenUntil.find(key); it == m_takenUntil.end() || it->second < steady)
                ask.push_back(request.seats[t.index]);
        }
    }
    if (ask.empty())
        return false;
    std::set<std::string> liveSet;
    for (const auto& seat : db::bookings::seatsTaken(s, request.event, ask, now))
        liveSet.insert(seat.toString());
    bool freed = false;
    const std::lock_guard lock(m_takenMutex);
    for (const auto& t : taken) {
        const auto seat = request.seats[t.index].toString();
        if (liveSet.count(seat)) {
            m_takenUntil[seat] = steady + std::chrono::seconds(1);
        } else if (std::find(ask.begin(), ask.end(), request.seats[t.index]) != ask.end()) {
            m_locks->removeStale(request.event.toString(), seat, t.owner);
            log::info("a seat's Redis key had no live booking in PostgreSQL; removed",
                      {{"event", request.event.toString()}, {"seat", seat}, {"owner", t.owner}});
            freed = true;
        }
    }
    return freed;
}

domain::Result<domain::Booking, Problem> HoldService::get(const Caller& caller,
                                                          const domain::BookingId& id)
{
    db::Session& s = db::currentSession();
    auto found = db::bookings::find(s, id);
    if (!found || !caller.may(domain::BookingAccess::Read, found->booking.user, found->organizer))
        return domain::fail(Problem(ProblemCode::NotFound, "no such booking"));
    return std::move(found->booking);
}

domain::Result<domain::Booking, Problem> HoldService::cancel(const Caller& caller,
                                                             const domain::BookingId& id)
{
    db::Session& s = db::currentSession();
    auto found = db::bookings::find(s, id);
    const bool mayCancel =
        found && caller.may(domain::BookingAccess::Cancel, found->booking.user, found->organizer);
    if (!mayCancel)
        return domain::fail(Problem(ProblemCode::NotFound, "no such booking"));
    if (found->booking.cancelledAlready())
        return std::move(found->booking);
    const auto now = m_clock.now();
    auto notCancellable = [&] {
        // (A confirmed booking is cancelled by CheckoutService; one confirmed a moment ago is
        // reported here, and a second DELETE refunds it.)
        const auto status = found->booking.statusAt(now);
        return Problem(409, "not_cancellable", "The booking is no longer held",
                       "the booking is " + std::string(domain::toString(status)))
            .with("current_status", boost::json::string(domain::toString(status)));
    };
    // A release is the move held -> cancelled of the booking state machine; the store makes it
    // under the booking's lock, where the status may have moved on meanwhile (NotHeld).
    if (found->booking.statusAt(now) != domain::BookingStatus::Held ||
        !domain::transition(domain::BookingStatus::Held, domain::BookingStatus::Cancelled))
        return domain::fail(notCancellable());
    switch (db::bookings::release(s, id, caller.user, now)) {
    case db::bookings::ReleaseOutcome::Released:
        forgetSeats(found->booking);
        return db::bookings::find(s, id)->booking;
    case db::bookings::ReleaseOutcome::NotHeld:
        // Moved on meanwhile: released by a request that ran at the same moment, or confirmed.
        if (auto moved = db::bookings::find(s, id); moved && moved->booking.cancelledAlready())
            return std::move(moved->booking);
        return domain::fail(notCancellable());
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

domain::Result<std::vector<domain::Booking>, Problem>
HoldService::search(const Caller& caller, const Search& search,
                    std::optional<std::string>& nextCursor)
{
    db::bookings::BookingSearch q;
    if (!domain::allows(caller.role, domain::Permission::BookingsSearch))
        return domain::fail(Problem(ProblemCode::Forbidden,
                                    "only the box office, admins and organizers search bookings"));
    if (!domain::allows(caller.role, domain::Permission::BookingsReadAny))
        q.organizer = caller.user; // an organizer: its own events' bookings
    if (search.text && search.text->size() > 200)
        return domain::fail(Problem::validation({{"q", "at most 200 characters"}}));
    q.event = search.event;
    q.status = search.status;
    q.text = search.text;
    q.limit = search.limit + 1;
    q.now = m_clock.now();
    if (search.cursor)
        if (auto position = parseKeysetCursor(*search.cursor))
            q.after = std::pair{position->first, domain::BookingId{position->second}};
    auto list = db::bookings::search(db::currentSession(), q);
    nextCursor.reset();
    if (static_cast<int>(list.size()) > search.limit) {
        list.pop_back();
        nextCursor = keysetCursor(list.back().createdAt, list.back().id.value);
    }
    return list;
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
                const int n = sweep(session, clock.now());
                m_expired += static_cast<std::uint64_t>(n);
                if (n > 0)
                    log::info("holds expired", {{"count", n}});
            })
{
}

int HoldSweeper::sweep(db::Session& session, domain::Clock::TimePoint now)
{
    const auto move =
        domain::transition(domain::BookingStatus::Held, domain::BookingStatus::Expired);
    if (!move)
        throw std::logic_error("the sweeper's move is not the state machine's: " +
                               move.error().detail());
    constexpr int kBatch = 500;
    int total = 0;
    int n = 0;
    do {
        n = db::bookings::expireHolds(session, domain::BookingStatus::Held, *move, now, kBatch);
        total += n;
    } while (n == kBatch);
    return total;
}

} // namespace ticketing::services
