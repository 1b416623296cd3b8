#include "db/BookingStore.h"

#include <map>
#include <set>

#include <boost/json/serialize.hpp>

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::bookings {

namespace {
using domain::Clock;

const Statement kEventFacts{"bookings.event_facts", R"sql(
    SELECT organizer_id, status, (extract(epoch from start_time) * 1000000)::bigint,
           (extract(epoch from end_time) * 1000000)::bigint, (extract(epoch from sale_start) * 1000000)::bigint,
           (extract(epoch from sale_end) * 1000000)::bigint, (extract(epoch from published_at) * 1000000)::bigint, currency,
           sync_seq
    FROM events WHERE id = $1::uuid)sql"};
// In-flight detection: the key's lock is held for the length of its transaction. With it, the
// hold's statements run their generic plans: their shape no longer depends on statistics (see
// kUserHeld, kHoldStanding), and planning the hold anew each time was a sixth of PostgreSQL's
// CPU in the flash-sale benchmark.
const Statement kKeyLock{"bookings.key_lock", R"sql(
    SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7)), set_config('plan_cache_mode', 'force_generic_plan', true))sql"};
// No row lock on the event: every hold locking it would make it a hot row. The user's lock
// (not taken for the box office, $5) is a scalar subquery so that one statement does it all.
const Statement kKeyFind{"bookings.key_find", R"sql(
    SELECT (SELECT status = 'published' FROM events WHERE id = $4::uuid), k.request_hash, k.status, k.response,
           (SELECT pg_advisory_xact_lock(hashtextextended($6, 11)) WHERE NOT $5::boolean)
    FROM (SELECT 1) one LEFT JOIN idempotency_keys k
      ON k.user_id = $1::uuid AND k.key = $2 AND k.created_at > $3::timestamptz - interval '24 hours')sql"};
const Statement kKnownSeats{"bookings.known_seats",
                            "SELECT seat_id FROM inventory_units WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[])"};

// One round trip for the whole hold: claim, booking, items, audit event and outbox row, with
// data-modifying CTEs (all see one snapshot and run to completion). The booking is written only
// when every unit was claimed ($8) and the user's live holds of the event (`mine`, counted
// under the user's advisory lock, so two holds of one user cannot both pass) stay within the
// limit ($9, negative: exempt); otherwise the caller rolls back to its savepoint. The rows
// returned are the line items, to build the answer from, with whether the booking was written
// and what the user held before. `mine` compares the time as an expression on purpose: that
// keeps the planner on bookings_event_user; with statistics taken before a sale began it chose
// bookings_expiring and read every live hold of the venue for each new one.
#define HOLD_TAIL                                                                                                      \
    "mine AS (SELECT coalesce(sum(units), 0) AS held FROM bookings "                                                  \
    "         WHERE event_id = $1::uuid AND user_id = $6::uuid AND status = 'held' "                                  \
    "           AND hold_expires_at + interval '0 seconds' > $5::timestamptz), "                                      \
    "priced AS (SELECT c.id, c.seat_id, c.tier_id, c.was, t.price_minor, t.name AS tier_name "                        \
    "           FROM claimed c JOIN ticket_tiers t ON t.id = c.tier_id), "                                            \
    "booking AS (INSERT INTO bookings (id, event_id, user_id, status, hold_expires_at, currency, subtotal_minor, "     \
    "                                  discount_minor, total_minor, created_at, updated_at, units) "                  \
    "            SELECT $3::uuid, $1::uuid, $6::uuid, 'held', $4::timestamptz, $7, sum(price_minor), 0, "             \
    "                   sum(price_minor), $5::timestamptz, $5::timestamptz, count(*) FROM priced "                    \
    "            HAVING count(*) = $8 AND ($9::int < 0 OR (SELECT held FROM mine) + $8 <= $9::int) "             \
    "            RETURNING id), "                                                                                     \
    "items AS (INSERT INTO booking_items (booking_id, unit_id, tier_id, seat_id, price_minor) "                        \
    "          SELECT b.id, p.id, p.tier_id, p.seat_id, p.price_minor FROM priced p, booking b RETURNING unit_id), "   \
    "audit AS (INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at) "                         \
    "          SELECT b.id, $1::uuid, 'held', $6::uuid, jsonb_build_object('units', $8::int), $5::timestamptz "        \
    "          FROM booking b RETURNING id), "                                                                         \
    "news AS (INSERT INTO outbox (event_id, payload) "                                                                 \
    "         SELECT $1::uuid, jsonb_build_object('changes', coalesce(jsonb_agg(jsonb_build_object("                  \
    "                    'seat_id', p.seat_id, 'tier_id', p.tier_id, 'status', 'held')) "                             \
    "                    FILTER (WHERE p.seat_id IS NOT NULL), '[]'::jsonb), "                                         \
    "                    'tiers', coalesce(jsonb_agg(DISTINCT p.tier_id), '[]'::jsonb), "                             \
    "                    'moves', (SELECT jsonb_agg(jsonb_build_object('tier_id', g.tier_id, 'from', g.was, "           \
    "                                                                  'to', 'held', 'n', g.n)) "                         \
    "                              FROM (SELECT tier_id, was, count(*) AS n FROM priced GROUP BY 1, 2) g)) "            \
    "         FROM priced p HAVING EXISTS (SELECT 1 FROM booking) RETURNING id) "                                       \
    "SELECT p.id, p.seat_id, s.label, p.tier_id, p.tier_name, p.price_minor, "                                         \
    "       (SELECT count(*) FROM booking), (SELECT held FROM mine) "                                                 \
    "FROM priced p LEFT JOIN venue_seats s ON s.id = p.seat_id ORDER BY s.label NULLS LAST, p.id"

// Named seats: all requested rows are locked in id order (no deadlock between overlapping
// holds), then the claimable ones taken.
const Statement kHoldSeats{"bookings.hold_seats",
    "WITH target AS (SELECT id, status FROM inventory_units WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[]) "
    "                ORDER BY id FOR UPDATE), "
    "claimed AS (UPDATE inventory_units u SET status = 'held', booking_id = $3::uuid, hold_expires_at = $4::timestamptz "
    "            FROM target WHERE u.id = target.id "
    "              AND (u.status = 'available' OR (u.status = 'held' AND u.hold_expires_at <= $5::timestamptz)) "
    "            RETURNING u.id, u.seat_id, u.tier_id, target.status AS was), " HOLD_TAIL};
// Standing places: any N free units of the tier (migration 0011's indexes: the free ones first,
// then those of holds whose time is up, which are read only when the free ones run short);
// rows another hold is claiming are skipped, so thousands of buyers of one tier do not queue
// behind each other.
const Statement kHoldStanding{"bookings.hold_standing",
    "WITH free AS (SELECT id, status FROM inventory_units "
    "              WHERE tier_id = $2::uuid AND event_id = $1::uuid AND seat_id IS NULL AND status = 'available' "
    "              ORDER BY id LIMIT $8 FOR UPDATE SKIP LOCKED), "
    "lapsed AS (SELECT id, status FROM inventory_units "
    "           WHERE tier_id = $2::uuid AND event_id = $1::uuid AND seat_id IS NULL AND status = 'held' "
    "             AND hold_expires_at <= $5::timestamptz "
    "           ORDER BY hold_expires_at LIMIT $8 - (SELECT count(*) FROM free) FOR UPDATE SKIP LOCKED), "
    "picked AS (SELECT * FROM free UNION ALL SELECT * FROM lapsed), "
    "claimed AS (UPDATE inventory_units u SET status = 'held', booking_id = $3::uuid, hold_expires_at = $4::timestamptz "
    "            FROM picked WHERE u.id = picked.id RETURNING u.id, u.seat_id, u.tier_id, picked.status AS was), " HOLD_TAIL};
const Statement kStandingTier{"bookings.standing_tier",
                              "SELECT kind FROM ticket_tiers WHERE id = $1::uuid AND event_id = $2::uuid"};
// Standing places: any N free units of the tier; rows another hold is claiming are skipped, so
// thousands of buyers of one tier do not queue behind each other.

const Statement kStandingLeft{"bookings.standing_left", R"sql(
    SELECT count(*) FROM inventory_units
    WHERE tier_id = $1::uuid AND (status = 'available' OR (status = 'held' AND hold_expires_at <= $2::timestamptz)))sql"};


const Statement kAudit{"bookings.audit", R"sql(
    INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at)
    VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::jsonb, $6::timestamptz))sql"};
// The outbox row of a change to units that were all in status $3: their states now, the tiers
// whose counts moved, and the moves themselves (migration 0010).
const Statement kOutboxUnits{"bookings.outbox_units", R"sql(
    INSERT INTO outbox (event_id, payload)
    SELECT $1::uuid, jsonb_build_object(
        'changes', coalesce(jsonb_agg(jsonb_build_object('seat_id', u.seat_id, 'tier_id', u.tier_id, 'status', u.status))
                            FILTER (WHERE u.seat_id IS NOT NULL), '[]'::jsonb),
        'tiers', coalesce(jsonb_agg(DISTINCT u.tier_id), '[]'::jsonb),
        'moves', (SELECT jsonb_agg(jsonb_build_object('tier_id', m.tier_id, 'from', $3::text, 'to', m.status, 'n', m.n))
                  FROM (SELECT tier_id, status, count(*) AS n FROM inventory_units WHERE id = ANY ($2::bigint[])
                        GROUP BY 1, 2) m))
    FROM inventory_units u WHERE u.id = ANY ($2::bigint[]))sql"};
const Statement kFind{"bookings.find", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id, b.status_reason
    FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.id = $1::uuid)sql"};
const Statement kItems{"bookings.items", R"sql(
    SELECT i.booking_id, i.seat_id, s.label, i.tier_id, t.name, i.price_minor
    FROM booking_items i JOIN ticket_tiers t ON t.id = i.tier_id LEFT JOIN venue_seats s ON s.id = i.seat_id
    WHERE i.booking_id = ANY ($1::uuid[]) ORDER BY i.booking_id, s.label NULLS LAST, i.unit_id)sql"};
const Statement kTickets{"bookings.tickets", R"sql(
    SELECT t.booking_id, t.id, t.seat_id, s.label, tt.name, t.status, t.credential
    FROM tickets t JOIN ticket_tiers tt ON tt.id = t.tier_id LEFT JOIN venue_seats s ON s.id = t.seat_id
    WHERE t.booking_id = ANY ($1::uuid[]) ORDER BY t.booking_id, s.label NULLS LAST, t.unit_id)sql"};
const Statement kListUser{"bookings.list_user", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id, b.status_reason
    FROM bookings b JOIN events e ON e.id = b.event_id
    WHERE b.user_id = $1::uuid AND ($2::timestamptz IS NULL OR (b.created_at, b.id) < ($2::timestamptz, $3::uuid))
    ORDER BY b.created_at DESC, b.id DESC LIMIT $4)sql"};
const Statement kLockBooking{"bookings.lock", R"sql(
    SELECT status, event_id, (extract(epoch from hold_expires_at) * 1000000)::bigint
    FROM bookings WHERE id = $1::uuid FOR UPDATE)sql"};
const Statement kFreeUnits{"bookings.free_units", R"sql(
    UPDATE inventory_units SET status = 'available', booking_id = NULL, hold_expires_at = NULL
    WHERE booking_id = $1::uuid AND status = 'held' RETURNING id)sql"};
const Statement kSetStatus{"bookings.set_status",
                           "UPDATE bookings SET status = $2, updated_at = $3::timestamptz WHERE id = $1::uuid"};
const Statement kExpire{"bookings.expire", R"sql(
    WITH due AS (
        SELECT id FROM bookings WHERE status = 'held' AND hold_expires_at <= $1::timestamptz
        ORDER BY hold_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
    UPDATE bookings b SET status = 'expired', updated_at = $1::timestamptz FROM due WHERE b.id = due.id
    RETURNING b.id, b.event_id)sql"};
const Statement kAvailabilitySeq{"bookings.availability_seq", "SELECT sync_seq, currency FROM events WHERE id = $1::uuid"};
const Statement kAvailabilityTiers{"bookings.availability_tiers", R"sql(
    SELECT t.id, t.name, t.price_minor, count(u.id), count(u.id) FILTER (WHERE u.status = 'available'),
           count(u.id) FILTER (WHERE u.status = 'held'), count(u.id) FILTER (WHERE u.status = 'sold')
    FROM ticket_tiers t LEFT JOIN inventory_units u ON u.tier_id = t.id
    WHERE t.event_id = $1::uuid GROUP BY t.id, t.name, t.price_minor, t.position ORDER BY t.position)sql"};
const Statement kAvailabilitySeats{"bookings.availability_seats", R"sql(
    SELECT u.seat_id, s.label, u.tier_id, u.status
    FROM inventory_units u JOIN venue_seats s ON s.id = u.seat_id
    WHERE u.event_id = $1::uuid AND u.seat_id IS NOT NULL ORDER BY s.label)sql"};



domain::Booking toBooking(const pqxx::row& r)
{
    domain::Booking b;
    b.id = idFrom<domain::BookingId>(r[0]);
    b.event = idFrom<domain::EventId>(r[1]);
    b.user = idFrom<domain::UserId>(r[2]);
    b.status = domain::parseBookingStatus(r[3].as<std::string>()).value_or(domain::BookingStatus::Held);
    b.holdExpiresAt = fromMicros(r[4].as<long long>());
    b.subtotalMinor = r[5].as<long long>();
    b.discountMinor = r[6].as<long long>();
    b.totalMinor = r[7].as<long long>();
    b.currency = r[8].as<std::string>();
    b.createdAt = fromMicros(r[9].as<long long>());
    b.statusReason = optionalText(r[11]);
    return b;
}

// A line item from columns 1-5 of a row: seat id, seat label, tier id, tier name, price (kItems
// and the hold statements answer in this shape).
domain::LineItem lineItem(const pqxx::row& r)
{
    domain::LineItem item;
    if (!r[1].is_null()) {
        item.seat = idFrom<domain::SeatId>(r[1]);
        item.seatLabel = optionalText(r[2]);
    }
    item.tier = idFrom<domain::TierId>(r[3]);
    item.tierName = r[4].as<std::string>();
    item.priceMinor = r[5].as<long long>();
    return item;
}

void attachItems(pqxx::transaction_base& tx, std::vector<domain::Booking>& bookings)
{
    if (bookings.empty())
        return;
    std::vector<domain::BookingId> ids;
    std::map<domain::BookingId, domain::Booking*> byId;
    for (auto& b : bookings) {
        ids.push_back(b.id);
        byId[b.id] = &b;
    }
    for (const auto& r : tx.exec_prepared(kItems.name, idArray(ids)))
        byId[idFrom<domain::BookingId>(r[0])]->items.push_back(lineItem(r));
    for (const auto& r : tx.exec_prepared(kTickets.name, idArray(ids))) {
        domain::TicketView t;
        t.id = idFrom<domain::TicketId>(r[1]);
        if (!r[2].is_null())
            t.seat = idFrom<domain::SeatId>(r[2]);
        t.seatLabel = optionalText(r[3]);
        t.tierName = r[4].as<std::string>();
        t.status = domain::parseTicketStatus(r[5].as<std::string>()).value_or(domain::TicketStatus::Active);
        t.credential = r[6].as<std::string>();
        byId[idFrom<domain::BookingId>(r[0])]->tickets.push_back(std::move(t));
    }
}

} // namespace

void outboxUnits(pqxx::transaction_base& tx, const std::string& event, const std::vector<long long>& units, const char* from)
{
    if (!units.empty())
        tx.exec_prepared(kOutboxUnits.name, event, numberArray(units), from);
}

namespace {
void audit(pqxx::transaction_base& tx, const domain::BookingId& booking, const std::string& event, const char* kind,
           const std::optional<domain::UserId>& actor, const std::string& detail, Clock::TimePoint now)
{
    const std::optional<std::string> who = actor ? std::optional(actor->toString()) : std::nullopt;
    tx.exec_prepared(kAudit.name, booking.toString(), event, kind, who ? who->c_str() : nullptr, detail, toSql(now));
}
} // namespace

std::optional<EventFacts> eventFacts(Session& s, const domain::EventId& id)
{
    std::optional<EventFacts> out;
    s.run([&](pqxx::connection_base& c) {
        out.reset();
        pqxx::read_transaction tx(c);
        const auto r = tx.exec_prepared(kEventFacts.name, id.toString());
        if (r.empty())
            return;
        EventFacts f;
        f.organizer = idFrom<domain::UserId>(r[0][0]);
        f.status = domain::parseEventStatus(r[0][1].as<std::string>()).value_or(domain::EventStatus::Draft);
        f.start = fromMicros(r[0][2].as<long long>());
        f.end = fromMicros(r[0][3].as<long long>());
        f.saleStart = optionalTime(r[0][4]);
        f.saleEnd = optionalTime(r[0][5]);
        f.publishedAt = optionalTime(r[0][6]);
        f.currency = r[0][7].as<std::string>();
        f.syncSeq = r[0][8].as<long long>();
        out = f;
    }, true);
    return out;
}

HoldOutcome placeHold(Session& s, const PlaceHold& h, const std::function<StoredAnswer(const HoldOutcome&)>& render)
{
    HoldOutcome out;
    s.run([&](pqxx::connection_base& c) {
        out = {};
        pqxx::work tx(c);
        const auto user = h.user.toString();
        const auto event = h.request.event.toString();
        if (!tx.exec_prepared1(kKeyLock.name, user + "/" + h.idempotencyKey)[0].as<bool>()) {
            out.failure = HoldFailure::InFlight;
            return;
        }
        // Read after the key's lock (a statement's snapshot is older than the locks it takes):
        // the key's record, whether the event is still published, and the user's lock for the
        // per-user limit, which the claim statement counts under.
        const auto k = tx.exec_prepared1(kKeyFind.name, user, h.idempotencyKey, toSql(h.now), event,
                                         h.limitExempt, user + "/" + event);
        if (!k[1].is_null()) {
            if (k[1].as<std::string>() != h.requestHash)
                out.failure = HoldFailure::KeyReused;
            else
                out.replay = StoredAnswer{k[2].as<int>(), k[3].as<std::string>()};
            return;
        }

        [&] {
            if (k[0].is_null() || !k[0].as<bool>()) {
                out.failure = HoldFailure::NotOnSale;
                return;
            }
            // The hold runs inside a savepoint: short of units (or over the user's limit), it is
            // rolled back and leaves nothing behind, and the refusal itself is still stored with
            // the key below.
            tx.exec("SAVEPOINT claim");
            const int wanted = h.request.units();
            const int limit = h.limitExempt ? -1 : h.limitPerUser;
            const auto rows = h.request.tier
                                  ? tx.exec_prepared(kHoldStanding.name, event, h.request.tier->toString(), h.booking.toString(),
                                                     toSql(h.expiresAt), toSql(h.now), user, h.currency, wanted, limit)
                                  : tx.exec_prepared(kHoldSeats.name, event, idArray(h.request.seats), h.booking.toString(),
                                                     toSql(h.expiresAt), toSql(h.now), user, h.currency, wanted, limit);
            if (static_cast<int>(rows.size()) == wanted && !rows.empty() && rows[0][6].as<long long>() == 1) {
                domain::Booking b;
                b.id = h.booking;
                b.event = h.request.event;
                b.user = h.user;
                b.status = domain::BookingStatus::Held;
                b.holdExpiresAt = h.expiresAt;
                b.currency = h.currency;
                b.createdAt = h.now;
                for (const auto& r : rows) {
                    b.items.push_back(lineItem(r));
                    b.subtotalMinor += b.items.back().priceMinor;
                }
                b.totalMinor = b.subtotalMinor;
                out.booking = std::move(b);
                return;
            }
            if (static_cast<int>(rows.size()) == wanted && !rows.empty()) { // every unit, but over the limit
                out.failure = HoldFailure::LimitReached;
                out.available = rows[0][7].as<int>();
                tx.exec("ROLLBACK TO SAVEPOINT claim");
                return;
            }
            std::set<std::string> taken;
            for (const auto& r : rows)
                if (!r[1].is_null())
                    taken.insert(r[1].as<std::string>());
            tx.exec("ROLLBACK TO SAVEPOINT claim");
            if (!h.request.tier) {
                std::set<std::string> known;
                for (const auto& r : tx.exec_prepared(kKnownSeats.name, event, idArray(h.request.seats)))
                    known.insert(r[0].as<std::string>());
                for (const auto& seat : h.request.seats)
                    if (!known.count(seat.toString()))
                        out.seats.push_back(seat);
                if (!out.seats.empty()) {
                    out.failure = HoldFailure::UnknownSeats;
                    return;
                }
                for (const auto& seat : h.request.seats)
                    if (!taken.count(seat.toString()))
                        out.seats.push_back(seat);
                out.failure = HoldFailure::SeatsUnavailable;
                return;
            }
            const auto tier = h.request.tier->toString();
            const auto kind = tx.exec_prepared(kStandingTier.name, tier, event);
            if (kind.empty() || kind[0][0].as<std::string>() != "standing") {
                out.failure = HoldFailure::UnknownTier;
                return;
            }
            out.available = tx.exec_prepared1(kStandingLeft.name, tier, toSql(h.now))[0].as<int>();
            out.failure = HoldFailure::SoldOut;
        }();

        const auto answer = render(out);
        checkout::storeIdempotentAnswer(tx, user, h.idempotencyKey, "POST /bookings/hold", h.requestHash, answer.status,
                                        answer.body, h.now);
        tx.commit();
    }, false);
    return out;
}

std::optional<Found> findIn(pqxx::transaction_base& tx, const domain::BookingId& id)
{
    const auto r = tx.exec_prepared(kFind.name, id.toString());
    if (r.empty())
        return std::nullopt;
    std::vector<domain::Booking> one{toBooking(r[0])};
    attachItems(tx, one);
    return Found{std::move(one.front()), idFrom<domain::UserId>(r[0][10])};
}

std::optional<Found> find(Session& s, const domain::BookingId& id)
{
    std::optional<Found> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        out = findIn(tx, id);
    }, true);
    return out;
}

std::vector<domain::Booking> listForUser(Session& s, const domain::UserId& user,
                                         const std::optional<std::pair<Clock::TimePoint, domain::BookingId>>& after, int limit)
{
    std::vector<domain::Booking> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        const std::optional<std::string> t = after ? std::optional(toSql(after->first)) : std::nullopt;
        const std::optional<std::string> id = after ? std::optional(after->second.toString()) : std::nullopt;
        for (const auto& r : tx.exec_prepared(kListUser.name, user.toString(), t ? t->c_str() : nullptr,
                                              id ? id->c_str() : nullptr, limit))
            out.push_back(toBooking(r));
        attachItems(tx, out);
    }, true);
    return out;
}

ReleaseOutcome release(Session& s, const domain::BookingId& id, const std::optional<domain::UserId>& actor,
                       Clock::TimePoint now)
{
    ReleaseOutcome outcome = ReleaseOutcome::NotFound;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const auto b = tx.exec_prepared(kLockBooking.name, id.toString());
        if (b.empty()) {
            outcome = ReleaseOutcome::NotFound;
            return;
        }
        const auto event = b[0][1].as<std::string>();
        if (b[0][0].as<std::string>() != "held" || fromMicros(b[0][2].as<long long>()) <= now) {
            outcome = ReleaseOutcome::NotHeld;
            return;
        }
        std::vector<long long> units;
        for (const auto& r : tx.exec_prepared(kFreeUnits.name, id.toString()))
            units.push_back(r[0].as<long long>());
        tx.exec_prepared(kSetStatus.name, id.toString(), std::string("cancelled"), toSql(now));
        audit(tx, id, event, "released", actor, "{}", now);
        outboxUnits(tx, event, units, "held");
        tx.commit();
        outcome = ReleaseOutcome::Released;
    }, false);
    return outcome;
}

int expireHolds(Session& s, Clock::TimePoint now, int batch)
{
    int expired = 0;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const auto due = tx.exec_prepared(kExpire.name, toSql(now), batch);
        expired = static_cast<int>(due.size());
        for (const auto& r : due) {
            const auto booking = idFrom<domain::BookingId>(r[0]);
            const auto event = r[1].as<std::string>();
            std::vector<long long> units;
            for (const auto& u : tx.exec_prepared(kFreeUnits.name, booking.toString()))
                units.push_back(u[0].as<long long>());
            audit(tx, booking, event, "expired", std::nullopt, "{}", now);
            outboxUnits(tx, event, units, "held");
        }
        tx.commit();
    }, false);
    return expired;
}

Availability availability(Session& s, const domain::EventId& event)
{
    Availability out;
    s.run([&](pqxx::connection_base& c) {
        out = {};
        // One snapshot for the counts, the seats and the sequence number.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
        const auto head = tx.exec_prepared(kAvailabilitySeq.name, event.toString());
        if (head.empty())
            return;
        out.seq = head[0][0].as<long long>();
        out.currency = head[0][1].as<std::string>();
        for (const auto& r : tx.exec_prepared(kAvailabilityTiers.name, event.toString()))
            out.tiers.push_back({idFrom<domain::TierId>(r[0]), r[1].as<std::string>(), r[2].as<long long>(), r[3].as<int>(),
                                 r[4].as<int>(), r[5].as<int>(), r[6].as<int>()});
        out.seats.reserve(out.tiers.empty() ? 0 : 1024);
        for (const auto& r : tx.exec_prepared(kAvailabilitySeats.name, event.toString()))
            out.seats.push_back({idFrom<domain::SeatId>(r[0]), r[1].as<std::string>(), idFrom<domain::TierId>(r[2]),
                                 r[3].as<std::string>()});
    }, true);
    return out;
}

} // namespace ticketing::db::bookings
