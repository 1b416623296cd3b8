#include "db/BookingStore.h"

#include <map>
#include <set>

#include <boost/json/serialize.hpp>

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
// In-flight detection: the key's lock is held for the length of its transaction.
const Statement kKeyLock{"bookings.key_lock", "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7))"};
const Statement kKeyFind{"bookings.key_find", R"sql(
    SELECT request_hash, status, response FROM idempotency_keys
    WHERE user_id = $1::uuid AND key = $2 AND created_at > $3::timestamptz - interval '24 hours')sql"};
const Statement kKeyStore{"bookings.key_store", R"sql(
    INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, response, created_at)
    VALUES ($1::uuid, $2, 'POST /bookings/hold', $3, $4, $5, $6::timestamptz)
    ON CONFLICT (user_id, key) DO UPDATE
      SET route = excluded.route, request_hash = excluded.request_hash, status = excluded.status,
          response = excluded.response, created_at = excluded.created_at)sql"};
const Statement kEventPublished{"bookings.event_published",
                                "SELECT status = 'published' FROM events WHERE id = $1::uuid"};
// One user's holds in one event are counted under this lock, so two at once cannot both pass.
const Statement kUserLock{"bookings.user_lock", "SELECT pg_advisory_xact_lock(hashtextextended($1, 11))"};
const Statement kUserHeld{"bookings.user_held", R"sql(
    SELECT count(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id
    WHERE b.event_id = $1::uuid AND b.user_id = $2::uuid AND b.status = 'held' AND b.hold_expires_at > $3::timestamptz)sql"};
const Statement kKnownSeats{"bookings.known_seats",
                            "SELECT seat_id FROM inventory_units WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[])"};
// All requested rows are locked in id order (no deadlock between overlapping holds), then the
// claimable ones taken. Fewer taken than asked: the caller rolls back.
const Statement kClaimSeats{"bookings.claim_seats", R"sql(
    WITH target AS (
        SELECT id FROM inventory_units WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[]) ORDER BY id FOR UPDATE)
    UPDATE inventory_units u SET status = 'held', booking_id = $3::uuid, hold_expires_at = $4::timestamptz
    FROM target
    WHERE u.id = target.id AND (u.status = 'available' OR (u.status = 'held' AND u.hold_expires_at <= $5::timestamptz))
    RETURNING u.id, u.seat_id)sql"};
const Statement kStandingTier{"bookings.standing_tier",
                              "SELECT kind FROM ticket_tiers WHERE id = $1::uuid AND event_id = $2::uuid"};
// Standing places: any N free units of the tier; rows another hold is claiming are skipped, so
// thousands of buyers of one tier do not queue behind each other.
const Statement kClaimStanding{"bookings.claim_standing", R"sql(
    WITH picked AS (
        SELECT id FROM inventory_units
        WHERE tier_id = $1::uuid AND (status = 'available' OR (status = 'held' AND hold_expires_at <= $4::timestamptz))
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
    UPDATE inventory_units u SET status = 'held', booking_id = $3::uuid, hold_expires_at = $5::timestamptz
    FROM picked WHERE u.id = picked.id
    RETURNING u.id, u.seat_id)sql"};
const Statement kStandingLeft{"bookings.standing_left", R"sql(
    SELECT count(*) FROM inventory_units
    WHERE tier_id = $1::uuid AND (status = 'available' OR (status = 'held' AND hold_expires_at <= $2::timestamptz)))sql"};
const Statement kInsertBooking{"bookings.insert", R"sql(
    INSERT INTO bookings (id, event_id, user_id, status, hold_expires_at, currency, subtotal_minor, discount_minor,
                          total_minor, created_at, updated_at)
    SELECT $1::uuid, $2::uuid, $3::uuid, 'held', $4::timestamptz, $5, sum(t.price_minor), 0, sum(t.price_minor),
           $6::timestamptz, $6::timestamptz
    FROM inventory_units u JOIN ticket_tiers t ON t.id = u.tier_id WHERE u.id = ANY ($7::bigint[]))sql"};
const Statement kInsertItems{"bookings.insert_items", R"sql(
    INSERT INTO booking_items (booking_id, unit_id, tier_id, seat_id, price_minor)
    SELECT $1::uuid, u.id, u.tier_id, u.seat_id, t.price_minor
    FROM inventory_units u JOIN ticket_tiers t ON t.id = u.tier_id WHERE u.id = ANY ($2::bigint[]))sql"};
const Statement kAudit{"bookings.audit", R"sql(
    INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at)
    VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::jsonb, $6::timestamptz))sql"};
// The outbox row of a change to units: their states now, and the tiers whose counts moved.
const Statement kOutboxUnits{"bookings.outbox_units", R"sql(
    INSERT INTO outbox (event_id, payload)
    SELECT $1::uuid, jsonb_build_object(
        'changes', coalesce(jsonb_agg(jsonb_build_object('seat_id', u.seat_id, 'tier_id', u.tier_id, 'status', u.status))
                            FILTER (WHERE u.seat_id IS NOT NULL), '[]'::jsonb),
        'tiers', coalesce(jsonb_agg(DISTINCT u.tier_id), '[]'::jsonb))
    FROM inventory_units u WHERE u.id = ANY ($2::bigint[]))sql"};
const Statement kFind{"bookings.find", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id
    FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.id = $1::uuid)sql"};
const Statement kItems{"bookings.items", R"sql(
    SELECT i.booking_id, i.seat_id, s.label, i.tier_id, t.name, i.price_minor
    FROM booking_items i JOIN ticket_tiers t ON t.id = i.tier_id LEFT JOIN venue_seats s ON s.id = i.seat_id
    WHERE i.booking_id = ANY ($1::uuid[]) ORDER BY i.booking_id, s.label NULLS LAST, i.unit_id)sql"};
const Statement kListUser{"bookings.list_user", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id
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
    SELECT t.id, t.name, t.price_minor, count(u.id),
           count(u.id) FILTER (WHERE u.status = 'available' OR (u.status = 'held' AND u.hold_expires_at <= $2::timestamptz)),
           count(u.id) FILTER (WHERE u.status = 'held' AND u.hold_expires_at > $2::timestamptz),
           count(u.id) FILTER (WHERE u.status = 'sold')
    FROM ticket_tiers t LEFT JOIN inventory_units u ON u.tier_id = t.id
    WHERE t.event_id = $1::uuid GROUP BY t.id, t.name, t.price_minor, t.position ORDER BY t.position)sql"};
const Statement kAvailabilitySeats{"bookings.availability_seats", R"sql(
    SELECT u.seat_id, s.label, u.tier_id,
           CASE WHEN u.status = 'held' AND u.hold_expires_at <= $2::timestamptz THEN 'available' ELSE u.status END
    FROM inventory_units u JOIN venue_seats s ON s.id = u.seat_id
    WHERE u.event_id = $1::uuid AND u.seat_id IS NOT NULL ORDER BY s.label)sql"};

template <class Id>
std::string idArray(const std::vector<Id>& ids)
{
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? "," : "") + ids[i].toString();
    return out + "}";
}

std::string numberArray(const std::vector<long long>& ids)
{
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? "," : "") + std::to_string(ids[i]);
    return out + "}";
}

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
    return b;
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
    for (const auto& r : tx.exec_prepared(kItems.name, idArray(ids))) {
        domain::LineItem item;
        if (!r[1].is_null()) {
            item.seat = idFrom<domain::SeatId>(r[1]);
            item.seatLabel = optionalText(r[2]);
        }
        item.tier = idFrom<domain::TierId>(r[3]);
        item.tierName = r[4].as<std::string>();
        item.priceMinor = r[5].as<long long>();
        byId[idFrom<domain::BookingId>(r[0])]->items.push_back(std::move(item));
    }
}

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
        if (const auto k = tx.exec_prepared(kKeyFind.name, user, h.idempotencyKey, toSql(h.now)); !k.empty()) {
            if (k[0][0].as<std::string>() != h.requestHash)
                out.failure = HoldFailure::KeyReused;
            else
                out.replay = StoredAnswer{k[0][1].as<int>(), k[0][2].as<std::string>()};
            return;
        }

        std::vector<long long> units;
        [&] {
            // The database decides whether it is on sale; the caller's view may be a second
            // old. (No row lock: every hold locking the event row would make it a hot row. A
            // cancellation that commits alongside voids what is held.)
            const auto published = tx.exec_prepared(kEventPublished.name, event);
            if (published.empty() || !published[0][0].as<bool>()) {
                out.failure = HoldFailure::NotOnSale;
                return;
            }
            if (!h.limitExempt) {
                tx.exec_prepared(kUserLock.name, user + "/" + event);
                const auto held = tx.exec_prepared1(kUserHeld.name, event, user, toSql(h.now))[0].as<int>();
                if (held + h.request.units() > h.limitPerUser) {
                    out.failure = HoldFailure::LimitReached;
                    out.available = held;
                    return;
                }
            }
            // The claim runs inside a savepoint: refused, it is rolled back to leave nothing
            // behind, and the refusal itself is still stored with the key below.
            tx.exec("SAVEPOINT claim");
            auto& claim = tx;
            const auto rollback = [&tx] { tx.exec("ROLLBACK TO SAVEPOINT claim"); };
            if (!h.request.tier) {
                const auto wanted = idArray(h.request.seats);
                std::set<std::string> known;
                for (const auto& r : claim.exec_prepared(kKnownSeats.name, event, wanted))
                    known.insert(r[0].as<std::string>());
                for (const auto& seat : h.request.seats)
                    if (!known.count(seat.toString()))
                        out.seats.push_back(seat);
                if (!out.seats.empty()) {
                    out.failure = HoldFailure::UnknownSeats;
                    rollback();
                    return;
                }
                std::set<std::string> taken;
                for (const auto& r : claim.exec_prepared(kClaimSeats.name, event, wanted, h.booking.toString(),
                                                         toSql(h.expiresAt), toSql(h.now))) {
                    units.push_back(r[0].as<long long>());
                    taken.insert(r[1].as<std::string>());
                }
                if (taken.size() < h.request.seats.size()) {
                    for (const auto& seat : h.request.seats)
                        if (!taken.count(seat.toString()))
                            out.seats.push_back(seat);
                    out.failure = HoldFailure::SeatsUnavailable;
                    units.clear();
                    rollback();
                    return;
                }
            } else {
                const auto tier = h.request.tier->toString();
                const auto kind = claim.exec_prepared(kStandingTier.name, tier, event);
                if (kind.empty() || kind[0][0].as<std::string>() != "standing") {
                    out.failure = HoldFailure::UnknownTier;
                    rollback();
                    return;
                }
                for (const auto& r : claim.exec_prepared(kClaimStanding.name, tier, h.request.quantity, h.booking.toString(),
                                                         toSql(h.now), toSql(h.expiresAt)))
                    units.push_back(r[0].as<long long>());
                if (static_cast<int>(units.size()) < h.request.quantity) {
                    rollback();
                    out.available = tx.exec_prepared1(kStandingLeft.name, tier, toSql(h.now))[0].as<int>();
                    out.failure = HoldFailure::SoldOut;
                    units.clear();
                    return;
                }
            }
            tx.exec("RELEASE SAVEPOINT claim");
        }();

        if (out.failure == HoldFailure::None) {
            const auto unitIds = numberArray(units);
            tx.exec_prepared(kInsertBooking.name, h.booking.toString(), event, user, toSql(h.expiresAt), h.currency,
                             toSql(h.now), unitIds);
            tx.exec_prepared(kInsertItems.name, h.booking.toString(), unitIds);
            audit(tx, h.booking, event, "held", h.user,
                  "{\"units\": " + std::to_string(units.size()) + "}", h.now);
            tx.exec_prepared(kOutboxUnits.name, event, unitIds);
            auto found = tx.exec_prepared(kFind.name, h.booking.toString());
            std::vector<domain::Booking> one{toBooking(found[0])};
            attachItems(tx, one);
            out.booking = std::move(one.front());
        }
        const auto answer = render(out);
        tx.exec_prepared(kKeyStore.name, user, h.idempotencyKey, h.requestHash, answer.status, answer.body, toSql(h.now));
        tx.commit();
    }, false);
    return out;
}

std::optional<Found> find(Session& s, const domain::BookingId& id)
{
    std::optional<Found> out;
    s.run([&](pqxx::connection_base& c) {
        out.reset();
        pqxx::read_transaction tx(c);
        const auto r = tx.exec_prepared(kFind.name, id.toString());
        if (r.empty())
            return;
        std::vector<domain::Booking> one{toBooking(r[0])};
        attachItems(tx, one);
        out = Found{std::move(one.front()), idFrom<domain::UserId>(r[0][10])};
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
        if (!units.empty())
            tx.exec_prepared(kOutboxUnits.name, event, numberArray(units));
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
            if (!units.empty())
                tx.exec_prepared(kOutboxUnits.name, event, numberArray(units));
        }
        tx.commit();
    }, false);
    return expired;
}

Availability availability(Session& s, const domain::EventId& event, Clock::TimePoint now)
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
        for (const auto& r : tx.exec_prepared(kAvailabilityTiers.name, event.toString(), toSql(now)))
            out.tiers.push_back({idFrom<domain::TierId>(r[0]), r[1].as<std::string>(), r[2].as<long long>(), r[3].as<int>(),
                                 r[4].as<int>(), r[5].as<int>(), r[6].as<int>()});
        out.seats.reserve(out.tiers.empty() ? 0 : 1024);
        for (const auto& r : tx.exec_prepared(kAvailabilitySeats.name, event.toString(), toSql(now)))
            out.seats.push_back({idFrom<domain::SeatId>(r[0]), r[1].as<std::string>(), idFrom<domain::TierId>(r[2]),
                                 r[3].as<std::string>()});
    }, true);
    return out;
}

} // namespace ticketing::db::bookings
