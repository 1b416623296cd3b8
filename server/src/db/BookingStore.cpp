#include "db/BookingStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/PromoStore.h"
#include "db/Sql.h"
#include "domain/Promo.h"
#include "log/Log.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_to.hpp>
#include <map>
#include <set>

namespace ticketing::db::bookings {

namespace {
using domain::Clock;

const Statement kEventFacts{"bookings.event_facts", R"sql(
    SELECT organizer_id, status, (extract(epoch from start_time) * 1000000)::bigint,
           (extract(epoch from end_time) * 1000000)::bigint, (extract(epoch from sale_start) * 1000000)::bigint,
           (extract(epoch from sale_end) * 1000000)::bigint, (extract(epoch from published_at) * 1000000)::bigint, currency,
           sync_seq, group_discounts::text
    FROM events WHERE id = $1::uuid)sql"};
// A batch of holds is one transaction (services/HoldBatcher gathers the holds that arrive while
// earlier batches run): its fixed costs (round trips, commit, executor start-up, the outbox row)
// are paid once for all of them, each hold stays all or nothing, and the holds of a batch never
// compete with each other (the batcher keeps holds of one key, one user and event, or one seat
// out of the same batch).
//
// 1. The keys' locks (in-flight detection: a key's lock is held for its transaction) and the
// users' locks for the per-user limit ($2, taken in hash order, so that two batches never wait
// for each other in a cycle). With them, the batch's statements run their generic plans: their
// shape does not depend on statistics, and planning them anew each time was a sixth of
// PostgreSQL's CPU in the flash-sale benchmark.
const Statement kBatchLock{"bookings.batch_lock", R"sql(
    WITH users AS MATERIALIZED (
        SELECT count(*) AS n FROM (
            SELECT pg_advisory_xact_lock(h)
            FROM (SELECT DISTINCT hashtextextended(u, 11) AS h FROM unnest($2::text[]) AS u ORDER BY 1) o) l)
    SELECT x.i, pg_try_advisory_xact_lock(hashtextextended(x.k, 7)), (SELECT n FROM users),
           set_config('plan_cache_mode', 'force_generic_plan', true)
    FROM unnest($1::text[]) WITH ORDINALITY AS x(k, i) ORDER BY x.i)sql"};
// 2. Read after the locks (a statement's snapshot is older than the locks it takes): each key's
// record and whether each event is still published. No row lock on the event: every hold
// locking it would make it a hot row.
const Statement kBatchKeys{"bookings.batch_keys", R"sql(
    SELECT x.i, k.request_hash, k.status, k.response, (SELECT e.status = 'published' FROM events e WHERE e.id = x.ev)
    FROM unnest($1::uuid[], $2::text[], $3::uuid[]) WITH ORDINALITY AS x(u, key, ev, i)
    LEFT JOIN LATERAL (
        SELECT k.request_hash, k.status, k.response FROM idempotency_keys k
        WHERE k.user_id = x.u AND k.key = x.key AND k.created_at > $4::timestamptz - interval '24 hours'
        LIMIT 1) k ON true
    ORDER BY x.i)sql"};
// 3. The claim of every hold of the batch, with data-modifying CTEs (all see one snapshot and
// run to completion). One row of $1..$9 per hold (`req`, numbered n); its named seats in
// $10/$11 (hold number, seat). Named seats: every requested row is locked in id order (no
// deadlock between overlapping batches). Standing places: each tier's holds take consecutive
// slices of the first free places of the tier (migration 0011's indexes: the free ones, then
// those of holds whose time is up), skipping rows another batch is claiming, so thousands of
// buyers of one tier do not queue behind each other. A hold is `ok` when every one of its units
// is claimable and the user's live holds of the event (`mine`, counted under the user's lock)
// stay within the limit ($8, negative: exempt); only ok holds write anything: their units,
// booking, items and audit event, and one outbox row per event for the whole batch. `mine`
// compares the time as an expression on purpose: that keeps the planner on
// bookings_event_user; with statistics taken before a sale began it chose bookings_expiring
// and read every live hold of the venue for each new one.
// The rows returned: kind 0, the line items of ok holds (the answer is built from them); kind
// 1, the named seats of the other holds with whether each was claimable; kind 2, per hold,
// whether it is ok, the units the user held before, and how many of its units were claimable.
const Statement kBatchClaim{"bookings.batch_claim", R"sql(
    WITH req AS (
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[],
                             $7::int[], $8::int[], $9::uuid[], $13::text[], $14::text[], $15::text[], $16::uuid[],
                             $17::boolean[], $18::boolean[])
            WITH ORDINALITY AS r(booking, event, usr, expires, at, currency, wanted, lim, tier, cname, cemail, cphone,
                                 sold_by, split, ib, n)),
    target AS (
        SELECT u.id, u.seat_id, u.tier_id, u.status, w.n,
               (u.status = 'available' OR (u.status = 'blocked' AND r.ib)
                OR (u.status = 'held' AND u.hold_expires_at <= $12::timestamptz
                    AND (u.blocked_reason IS NULL OR r.ib))) AS free
        FROM unnest($10::int[], $11::uuid[]) AS w(n, seat)
        JOIN req r ON r.n = w.n
        JOIN inventory_units u ON u.event_id = r.event AND u.seat_id = w.seat
        ORDER BY u.id FOR UPDATE OF u),
    sreq AS (
        SELECT n, event, tier, wanted, sum(wanted) OVER (PARTITION BY tier ORDER BY n) - wanted AS off
        FROM req WHERE tier IS NOT NULL),
    stier AS (SELECT event, tier, sum(wanted)::int AS total FROM sreq GROUP BY event, tier),
    sfree AS (
        SELECT t.tier, f.id, f.status
        FROM stier t CROSS JOIN LATERAL (
            SELECT id, status FROM inventory_units
            WHERE tier_id = t.tier AND event_id = t.event AND seat_id IS NULL AND status = 'available'
            ORDER BY id LIMIT t.total FOR UPDATE SKIP LOCKED) f),
    sshort AS (
        SELECT t.event, t.tier, t.total - (SELECT count(*) FROM sfree f WHERE f.tier = t.tier) AS short FROM stier t),
    slapsed AS (
        SELECT t.tier, l.id, l.status
        FROM sshort t CROSS JOIN LATERAL (
            SELECT id, status FROM inventory_units
            WHERE tier_id = t.tier AND event_id = t.event AND seat_id IS NULL AND status = 'held'
              AND hold_expires_at <= $12::timestamptz
            ORDER BY hold_expires_at LIMIT t.short FOR UPDATE SKIP LOCKED) l
        WHERE t.short > 0),
    spicked AS (
        SELECT tier, id, status, row_number() OVER (PARTITION BY tier ORDER BY src, id) AS rn
        FROM (SELECT tier, id, status, 0 AS src FROM sfree UNION ALL SELECT tier, id, status, 1 FROM slapsed) x),
    cand AS (
        SELECT n, id, status AS was, free FROM target
        UNION ALL
        SELECT s.n, p.id, p.status, true
        FROM sreq s JOIN spicked p ON p.tier = s.tier AND p.rn > s.off AND p.rn <= s.off + s.wanted),
    mine AS (
        SELECT r.n, (SELECT coalesce(sum(b.units), 0) FROM bookings b
                     WHERE b.event_id = r.event AND b.user_id = r.usr AND b.status = 'held'
                       AND b.hold_expires_at + interval '0 seconds' > $12::timestamptz) AS held,
               (SELECT count(*) FROM cand c WHERE c.n = r.n AND c.free) AS got
        FROM req r),
    ok AS (
        SELECT r.n FROM req r JOIN mine m ON m.n = r.n
        WHERE m.got = r.wanted AND (r.lim < 0 OR m.held + r.wanted <= r.lim)),
    claimed AS (
        UPDATE inventory_units u SET status = 'held', booking_id = r.booking, hold_expires_at = r.expires
        FROM cand c JOIN ok ON ok.n = c.n JOIN req r ON r.n = c.n
        WHERE u.id = c.id AND (u.status = 'available' OR (u.status = 'blocked' AND r.ib)
                               OR (u.status = 'held' AND u.hold_expires_at <= $12::timestamptz
                                   AND (u.blocked_reason IS NULL OR r.ib)))
        RETURNING c.n, u.id, u.seat_id, u.tier_id, c.was),
    priced AS (
        SELECT c.n, c.id, c.seat_id, c.tier_id, c.was, t.price_minor, t.name AS tier_name, r.event
        FROM claimed c JOIN ticket_tiers t ON t.id = c.tier_id JOIN req r ON r.n = c.n),
    booking AS (
        INSERT INTO bookings (id, event_id, user_id, status, hold_expires_at, currency, subtotal_minor, discount_minor,
                              total_minor, created_at, updated_at, units, customer_name, customer_email,
                              customer_phone, sold_by, split)
        SELECT r.booking, r.event, r.usr, 'held', r.expires, r.currency, sum(p.price_minor), 0, sum(p.price_minor),
               r.at, r.at, count(*), r.cname, r.cemail, r.cphone, r.sold_by, r.split
        FROM priced p JOIN req r ON r.n = p.n
        GROUP BY r.n, r.booking, r.event, r.usr, r.expires, r.currency, r.at, r.wanted, r.cname, r.cemail, r.cphone,
                 r.sold_by, r.split
        HAVING count(*) = r.wanted),
    items AS (
        INSERT INTO booking_items (booking_id, unit_id, tier_id, seat_id, price_minor)
        SELECT r.booking, p.id, p.tier_id, p.seat_id, p.price_minor FROM priced p JOIN req r ON r.n = p.n),
    audit AS (
        INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at)
        SELECT r.booking, r.event, 'held', r.usr, jsonb_build_object('units', r.wanted), r.at
        FROM req r JOIN ok ON ok.n = r.n),
    news AS (
        INSERT INTO outbox (event_id, payload)
        SELECT e.event, jsonb_build_object(
            'changes', coalesce((SELECT jsonb_agg(jsonb_build_object('seat_id', p.seat_id, 'tier_id', p.tier_id,
                                                                     'status', 'held'))
                                 FROM priced p WHERE p.event = e.event AND p.seat_id IS NOT NULL), '[]'::jsonb),
            'tiers', (SELECT jsonb_agg(DISTINCT p.tier_id) FROM priced p WHERE p.event = e.event),
            'moves', (SELECT jsonb_agg(jsonb_build_object('tier_id', g.tier_id, 'from', g.was, 'to', 'held', 'n', g.n))
                      FROM (SELECT tier_id, was, count(*) AS n FROM priced p WHERE p.event = e.event GROUP BY 1, 2) g))
        FROM (SELECT DISTINCT event FROM priced) e)
    SELECT 0 AS kind, p.n, p.id, p.seat_id, s.label, p.tier_id, p.tier_name, p.price_minor, NULL::boolean, NULL::bigint,
           NULL::bigint
    FROM priced p LEFT JOIN venue_seats s ON s.id = p.seat_id
    UNION ALL
    SELECT 1, t.n, t.id, t.seat_id, NULL, t.tier_id, NULL, NULL, t.free, NULL, NULL
    FROM target t WHERE NOT EXISTS (SELECT 1 FROM ok WHERE ok.n = t.n)
    UNION ALL
    SELECT 2, m.n, NULL, NULL, NULL, NULL, NULL, NULL, EXISTS (SELECT 1 FROM ok WHERE ok.n = m.n), m.held, m.got
    FROM mine m
    ORDER BY 2, 1, 5 NULLS LAST, 3)sql"};
// 3d. The discounts of the batch's bookings ($1..$7, one row per booking) and of their items
// ($8..$10: booking, unit, discount).
const Statement kPriceBookings{"bookings.price", R"sql(
    WITH priced AS (
        UPDATE bookings b
        SET discount_minor = x.discount, total_minor = b.subtotal_minor - x.discount, promo_code_id = x.promo,
            applied_kind = x.kind, applied_code = x.code, applied_percent = x.percent,
            applied_min_quantity = x.min_quantity
        FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[])
            AS x(id, discount, promo, kind, code, percent, min_quantity)
        WHERE b.id = x.id)
    UPDATE booking_items i SET discount_minor = y.discount
    FROM unnest($8::uuid[], $9::bigint[], $10::bigint[]) AS y(booking, unit, discount)
    WHERE i.booking_id = y.booking AND i.unit_id = y.unit)sql"};
const Statement kSeatsTaken{"bookings.seats_taken", R"sql(
    SELECT seat_id FROM inventory_units
    WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[])
      AND (status = 'sold' OR (status = 'held' AND hold_expires_at > $3::timestamptz)))sql"};
// Why a standing hold failed: its tier (kind, event) and the places left in it.
const Statement kStandingLeft{"bookings.standing_left", R"sql(
    SELECT t.id, t.kind, t.event_id,
           (SELECT count(*) FROM inventory_units u
            WHERE u.tier_id = t.id AND (u.status = 'available' OR (u.status = 'held' AND u.hold_expires_at <= $2::timestamptz)))
    FROM ticket_tiers t WHERE t.id = ANY ($1::uuid[]))sql"};
// 4. Every answer is kept with its key, failures included, in the batch's transaction
// (idempotency::store, the one key store).
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
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id, b.status_reason,
           b.customer_name, b.customer_email, b.customer_phone, b.sold_by, b.split,
           b.applied_kind, b.applied_code, b.applied_percent, b.applied_min_quantity
    FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.id = $1::uuid)sql"};
const Statement kItems{"bookings.items", R"sql(
    SELECT i.booking_id, i.seat_id, s.label, i.tier_id, t.name, i.price_minor, i.discount_minor
    FROM booking_items i JOIN ticket_tiers t ON t.id = i.tier_id LEFT JOIN venue_seats s ON s.id = i.seat_id
    WHERE i.booking_id = ANY ($1::uuid[]) ORDER BY i.booking_id, s.label NULLS LAST, i.unit_id)sql"};
// A ticket given to someone else shows its holder and not its credential: the receiver has that,
// not the giver (who keeps reading the booking for the money). The holder of the others is the
// buyer (checkout.find_ticket says the same). Ordered by place, and a place's tickets oldest
// first (the one given away before the one issued in its place).
const Statement kTickets{"bookings.tickets", R"sql(
    SELECT t.booking_id, t.id, t.seat_id, s.label, tt.name, t.status,
           CASE WHEN t.holder_user_id IS NULL THEN t.credential ELSE '' END,
           coalesce(t.holder_email, b.customer_email, CASE WHEN b.sold_by IS NULL THEN u.email END),
           coalesce(t.holder_name, b.customer_name,
                    CASE WHEN b.sold_by IS NULL THEN nullif(trim(u.first_name || ' ' || u.last_name), '') END)
    FROM tickets t JOIN bookings b ON b.id = t.booking_id JOIN users u ON u.id = b.user_id
    JOIN ticket_tiers tt ON tt.id = t.tier_id LEFT JOIN venue_seats s ON s.id = t.seat_id
    WHERE t.booking_id = ANY ($1::uuid[]) ORDER BY t.booking_id, s.label NULLS LAST, t.unit_id, t.created_at, t.id)sql"};
const Statement kListUser{"bookings.list_user", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id, b.status_reason,
           b.customer_name, b.customer_email, b.customer_phone, b.sold_by, b.split,
           b.applied_kind, b.applied_code, b.applied_percent, b.applied_min_quantity
    FROM bookings b JOIN events e ON e.id = b.event_id
    WHERE b.user_id = $1::uuid AND ($2::timestamptz IS NULL OR (b.created_at, b.id) < ($2::timestamptz, $3::uuid))
    ORDER BY b.created_at DESC, b.id DESC LIMIT $4)sql"};
// Contains, without regard to case (strpos: a '%' or '_' typed is itself).
const Statement kSearch{"bookings.search", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency,
           (extract(epoch from b.created_at) * 1000000)::bigint, e.organizer_id, b.status_reason,
           b.customer_name, b.customer_email, b.customer_phone, b.sold_by, b.split,
           b.applied_kind, b.applied_code, b.applied_percent, b.applied_min_quantity
    FROM bookings b JOIN events e ON e.id = b.event_id JOIN users u ON u.id = b.user_id
    WHERE ($1::uuid IS NULL OR b.event_id = $1::uuid)
      AND ($2::uuid IS NULL OR e.organizer_id = $2::uuid)
      AND ($3::text IS NULL
           OR ($3 = 'held' AND b.status = 'held' AND b.hold_expires_at > $7::timestamptz)
           OR ($3 = 'expired' AND (b.status = 'expired'
                                   OR (b.status = 'held' AND b.hold_expires_at <= $7::timestamptz)))
           OR ($3 NOT IN ('held', 'expired') AND b.status = $3))
      AND ($4::text IS NULL
           OR strpos(b.id::text, lower($4)) > 0
           OR strpos(lower(coalesce(b.customer_name, '')), lower($4)) > 0
           OR strpos(lower(coalesce(b.customer_email, '')), lower($4)) > 0
           OR strpos(lower(u.email), lower($4)) > 0
           OR EXISTS (SELECT 1 FROM tickets t WHERE t.booking_id = b.id AND strpos(t.id::text, lower($4)) > 0))
      AND ($5::timestamptz IS NULL OR (b.created_at, b.id) < ($5::timestamptz, $6::uuid))
    ORDER BY b.created_at DESC, b.id DESC LIMIT $8)sql"};
const Statement kLockBooking{"bookings.lock", R"sql(
    SELECT status, event_id, (extract(epoch from hold_expires_at) * 1000000)::bigint
    FROM bookings WHERE id = $1::uuid FOR UPDATE)sql"};
const Statement kFreeUnits{"bookings.free_units", R"sql(
    UPDATE inventory_units
    SET status = CASE WHEN blocked_reason IS NULL THEN 'available' ELSE 'blocked' END, booking_id = NULL,
        hold_expires_at = NULL
    WHERE booking_id = $1::uuid AND status = 'held' RETURNING id)sql"};
const Statement kSetStatus{
    "bookings.set_status",
    "UPDATE bookings SET status = $2, updated_at = $3::timestamptz WHERE id = $1::uuid"};
const Statement kExpire{"bookings.expire", R"sql(
    WITH due AS (
        SELECT id FROM bookings WHERE status = $3 AND hold_expires_at <= $1::timestamptz
        ORDER BY hold_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
    UPDATE bookings b SET status = $4, updated_at = $1::timestamptz FROM due WHERE b.id = due.id
    RETURNING b.id, b.event_id)sql"};
const Statement kAvailabilitySeq{"bookings.availability_seq",
                                 "SELECT sync_seq, currency FROM events WHERE id = $1::uuid"};
const Statement kAvailabilityTiers{"bookings.availability_tiers", R"sql(
    SELECT t.id, t.name, t.price_minor, count(u.id), count(u.id) FILTER (WHERE u.status = 'available'),
           count(u.id) FILTER (WHERE u.status = 'held'), count(u.id) FILTER (WHERE u.status = 'sold'),
           count(u.id) FILTER (WHERE u.status = 'blocked')
    FROM ticket_tiers t LEFT JOIN inventory_units u ON u.tier_id = t.id
    WHERE t.event_id = $1::uuid GROUP BY t.id, t.name, t.price_minor, t.position ORDER BY t.position)sql"};
const Statement kAvailabilitySeats{"bookings.availability_seats", R"sql(
    SELECT u.seat_id, s.label, u.tier_id, u.status
    FROM inventory_units u JOIN venue_seats s ON s.id = u.seat_id
    WHERE u.event_id = $1::uuid AND u.seat_id IS NOT NULL ORDER BY s.label)sql"};

const Statement kTierSeating{"bookings.tier_seating", R"sql(
    SELECT t.kind, array_to_json(t.section_keys)::text, e.venue_id
    FROM ticket_tiers t JOIN events e ON e.id = t.event_id
    WHERE t.id = $2::uuid AND t.event_id = $1::uuid)sql"};
const Statement kFreeSeats{"bookings.free_seats", R"sql(
    SELECT seat_id FROM inventory_units
    WHERE tier_id = $1::uuid AND seat_id IS NOT NULL
      AND (status = 'available'
           OR (status = 'held' AND hold_expires_at <= $2::timestamptz AND blocked_reason IS NULL)))sql"};

domain::Booking toBooking(const pqxx::row& r)
{
    domain::Booking b;
    b.id = idFrom<domain::BookingId>(r[0]);
    b.event = idFrom<domain::EventId>(r[1]);
    b.user = idFrom<domain::UserId>(r[2]);
    b.status =
        domain::parseBookingStatus(r[3].as<std::string>()).value_or(domain::BookingStatus::Held);
    b.holdExpiresAt = fromMicros(r[4].as<long long>());
    b.subtotalMinor = r[5].as<long long>();
    b.discountMinor = r[6].as<long long>();
    b.totalMinor = r[7].as<long long>();
    b.currency = r[8].as<std::string>();
    b.createdAt = fromMicros(r[9].as<long long>());
    b.statusReason = optionalText(r[11]);
    if (!r[12].is_null()) // the box office's columns
        b.customer =
            domain::Customer{r[12].as<std::string>(), optionalText(r[13]), optionalText(r[14])};
    if (!r[15].is_null())
        b.soldBy = idFrom<domain::UserId>(r[15]);
    b.split = r[16].as<bool>();
    if (!r[17].is_null()) { // what gave the discount (migration 0024)
        domain::Applied a;
        a.kind = r[17].as<std::string>() == "group_discount" ? domain::Applied::Kind::GroupDiscount
                                                             : domain::Applied::Kind::PromoCode;
        a.code = optionalText(r[18]).value_or("");
        a.percent = r[19].is_null() ? 0 : r[19].as<int>();
        a.minQuantity = r[20].is_null() ? 0 : r[20].as<int>();
        a.discountMinor = b.discountMinor;
        b.applied.push_back(std::move(a));
    }
    return b;
}

// A line item from five columns of a row from `first` on: seat id, seat label, tier id, tier
// name, price (kItems and the hold claim answer in this shape).
domain::LineItem lineItem(const pqxx::row& r, int first = 1)
{
    domain::LineItem item;
    if (!r[first].is_null()) {
        item.seat = idFrom<domain::SeatId>(r[first]);
        item.seatLabel = optionalText(r[first + 1]);
    }
    item.tier = idFrom<domain::TierId>(r[first + 2]);
    item.tierName = r[first + 3].as<std::string>();
    item.priceMinor = r[first + 4].as<long long>();
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
    for (const auto& r : tx.exec_prepared(kItems.name, idArray(ids))) {
        auto item = lineItem(r);
        item.discountMinor = r[6].as<long long>();
        byId[idFrom<domain::BookingId>(r[0])]->items.push_back(std::move(item));
    }
    for (const auto& r : tx.exec_prepared(kTickets.name, idArray(ids))) {
        domain::TicketView t;
        t.id = idFrom<domain::TicketId>(r[1]);
        if (!r[2].is_null())
            t.seat = idFrom<domain::SeatId>(r[2]);
        t.seatLabel = optionalText(r[3]);
        t.tierName = r[4].as<std::string>();
        t.status = domain::parseTicketStatus(r[5].as<std::string>())
                       .value_or(domain::TicketStatus::Active);
        t.credential = r[6].as<std::string>();
        if (!r[7].is_null())
            t.holder = domain::Holder{r[7].as<std::string>(), optionalText(r[8])};
        byId[idFrom<domain::BookingId>(r[0])]->tickets.push_back(std::move(t));
    }
}

} // namespace

void outboxUnits(pqxx::transaction_base& tx, const std::string& event,
                 const std::vector<long long>& units, const char* from)
{
    if (!units.empty())
        tx.exec_prepared(kOutboxUnits.name, event, numberArray(units), from);
}

namespace {
void audit(pqxx::transaction_base& tx, const domain::BookingId& booking, const std::string& event,
           const char* kind, const std::optional<domain::UserId>& actor, const std::string& detail,
           Clock::TimePoint now)
{
    const std::optional<std::string> who = actor ? std::optional(actor->toString()) : std::nullopt;
    tx.exec_prepared(kAudit.name, booking.toString(), event, kind, who ? who->c_str() : nullptr,
                     detail, toSql(now));
}
} // namespace

std::vector<domain::SeatId> seatsTaken(Session& s, const domain::EventId& event,
                                       const std::vector<domain::SeatId>& seats,
                                       Clock::TimePoint now)
{
    std::vector<domain::SeatId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r :
                 tx.exec_prepared(kSeatsTaken.name, event.toString(), idArray(seats), toSql(now)))
                out.push_back(idFrom<domain::SeatId>(r[0]));
        },
        Rerun::Safe);
    return out;
}

std::optional<EventFacts> eventFacts(Session& s, const domain::EventId& id)
{
    std::optional<EventFacts> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kEventFacts.name, id.toString());
            if (r.empty())
                return;
            EventFacts f;
            f.organizer = idFrom<domain::UserId>(r[0][0]);
            f.status = domain::parseEventStatus(r[0][1].as<std::string>())
                           .value_or(domain::EventStatus::Draft);
            f.start = fromMicros(r[0][2].as<long long>());
            f.end = fromMicros(r[0][3].as<long long>());
            f.saleStart = optionalTime(r[0][4]);
            f.saleEnd = optionalTime(r[0][5]);
            f.publishedAt = optionalTime(r[0][6]);
            f.currency = r[0][7].as<std::string>();
            f.syncSeq = r[0][8].as<long long>();
            f.groups = boost::json::value_to<std::vector<domain::GroupDiscount>>(
                boost::json::parse(r[0][9].as<std::string>()));
            out = f;
        },
        Rerun::Safe);
    return out;
}

namespace {

// Step 3 for the holds that got this far: claims, and the outcome of each.
// What the claim statement reported of each hold of the batch.
struct Seen
{
    bool ok = false;
    int held = 0, got = 0;
    std::vector<domain::LineItem> items;
    std::vector<long long> units;      // the inventory unit of each item
    std::map<std::string, bool> seats; // named seats found, and whether each was claimable
};

// 3a. The claim statement: every hold's units at once (named seats locked in id order, standing
// places with SKIP LOCKED), each hold all or nothing; what each hold got.
std::vector<Seen> claimUnits(pqxx::work& tx, const std::vector<BatchedHold*>& claim,
                             Clock::TimePoint now)
{
    std::vector<domain::BookingId> bookingIds;
    std::vector<domain::EventId> events;
    std::vector<domain::UserId> users;
    std::vector<std::string> expires, ats, currencies;
    std::vector<std::optional<std::string>> tiers, names, emails, phones, soldBy;
    std::vector<long long> wanted, limits, seatHold;
    std::vector<std::string> split, includeBlocked;
    std::vector<domain::SeatId> seats;
    for (std::size_t i = 0; i < claim.size(); ++i) {
        const auto& h = claim[i]->hold;
        const auto& who = h.request.customer;
        names.push_back(who ? std::optional(who->name) : std::nullopt);
        emails.push_back(who ? who->email : std::nullopt);
        phones.push_back(who ? who->phone : std::nullopt);
        soldBy.push_back(h.soldBy ? std::optional(h.soldBy->toString()) : std::nullopt);
        split.push_back(h.split ? "true" : "false");
        includeBlocked.push_back(h.request.includeBlocked ? "true" : "false");
        bookingIds.push_back(h.booking);
        events.push_back(h.request.event);
        users.push_back(h.user);
        expires.push_back(toSql(h.expiresAt));
        ats.push_back(toSql(h.now));
        currencies.push_back(h.currency);
        wanted.push_back(h.request.units());
        limits.push_back(h.limitExempt ? -1 : h.limitPerUser);
        tiers.push_back(h.request.tier ? std::optional(h.request.tier->toString()) : std::nullopt);
        for (const auto& seat : h.request.seats) {
            seatHold.push_back(static_cast<long long>(i + 1));
            seats.push_back(seat);
        }
    }
    const auto rows = tx.exec_prepared(
        kBatchClaim.name, idArray(bookingIds), idArray(events), idArray(users), textArray(expires),
        textArray(ats), textArray(currencies), numberArray(wanted), numberArray(limits),
        textArray(tiers), numberArray(seatHold), idArray(seats), toSql(now), textArray(names),
        textArray(emails), textArray(phones), textArray(soldBy), textArray(split),
        textArray(includeBlocked));

    std::vector<Seen> seen(claim.size());
    for (const auto& r : rows) {
        auto& x = seen.at(r[1].as<std::size_t>() - 1);
        switch (r[0].as<int>()) {
        case 0:
            x.items.push_back(lineItem(r, 3));
            x.units.push_back(r[2].as<long long>());
            break;
        case 1:
            x.seats[r[3].as<std::string>()] = r[8].as<bool>();
            break;
        default:
            x.ok = r[8].as<bool>();
            x.held = r[9].as<int>();
            x.got = r[10].as<int>();
        }
    }

    return seen;
}

// A unit changed hands while the batch's statement ran (a release committing between the
// statement's snapshot and its locks, seen with Redis away): what the statement judged and what
// it wrote disagree. The batch's transaction is rolled back and the batch runs again, on a new
// snapshot in which that change is visible (placeHolds).
struct BatchRace : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// 3b. Each hold's outcome from what it got: its booking, or why not. Standing holds that came
// short are returned: whether that is a sold-out tier is for 3c.
std::vector<BatchedHold*> judgeClaims(const std::vector<BatchedHold*>& claim,
                                      const std::vector<Seen>& seen)
{
    std::vector<BatchedHold*> standingShort;
    for (std::size_t i = 0; i < claim.size(); ++i) {
        const auto& h = claim[i]->hold;
        auto& out = claim[i]->outcome;
        const auto& x = seen[i];
        const int units = h.request.units();
        if (x.ok) {
            // The statement writes a booking only with all of its units; a hold that claimed
            // fewer would leave units pointing at no booking: the batch runs again.
            if (static_cast<int>(x.items.size()) != units)
                throw BatchRace("a hold of the batch claimed " + std::to_string(x.items.size()) +
                                " of its " + std::to_string(units) + " units");
            domain::Booking b;
            b.id = h.booking;
            b.event = h.request.event;
            b.user = h.user;
            b.status = domain::BookingStatus::Held;
            b.holdExpiresAt = h.expiresAt;
            b.currency = h.currency;
            b.createdAt = h.now;
            b.customer = h.request.customer;
            b.soldBy = h.soldBy;
            b.split = h.split;
            b.items = x.items;
            for (const auto& item : b.items)
                b.subtotalMinor += item.priceMinor;
            b.totalMinor = b.subtotalMinor;
            out.booking = std::move(b);
        } else if (x.got == units) { // every unit, but over the limit
            out.failure = HoldFailure::LimitReached;
            out.available = x.held;
        } else if (!h.request.tier) {
            for (const auto& seat : h.request.seats)
                if (!x.seats.count(seat.toString()))
                    out.seats.push_back(seat);
            if (!out.seats.empty()) {
                out.failure = HoldFailure::UnknownSeats;
                continue;
            }
            for (const auto& seat : h.request.seats)
                if (!x.seats.at(seat.toString()))
                    out.seats.push_back(seat);
            out.failure = HoldFailure::SeatsUnavailable;
        } else {
            standingShort.push_back(claim[i]);
        }
    }
    return standingShort;
}

// 3c. Standing holds without enough places: is the tier one, and how many are left? The holds of
// one tier take consecutive slices of its free places, so one that asked for too many can
// leave a later, smaller one of its batch short while enough were left for it; and places
// another transaction has locked are skipped, though that one may yet fail and free them.
// Either way the hold is tried again in a later batch (a few times: each sees the outcome of
// the transactions before it) instead of being told the tier is sold out.
void judgeStandingShort(pqxx::work& tx, const std::vector<BatchedHold*>& standingShort,
                        Clock::TimePoint now)
{
    std::vector<domain::TierId> asked;
    for (auto* b : standingShort)
        asked.push_back(*b->hold.request.tier);
    struct TierLeft
    {
        std::string kind, event;
        int left = 0;
    };
    std::map<std::string, TierLeft> left;
    for (const auto& r : tx.exec_prepared(kStandingLeft.name, idArray(asked), toSql(now)))
        left[r[0].as<std::string>()] = {r[1].as<std::string>(), r[2].as<std::string>(),
                                        r[3].as<int>()};
    for (auto* b : standingShort) {
        const auto& h = b->hold;
        const auto it = left.find(h.request.tier->toString());
        if (it == left.end() || it->second.kind != "standing" ||
            it->second.event != h.request.event.toString()) {
            b->outcome.failure = HoldFailure::UnknownTier;
        } else if (it->second.left >= h.request.units() && b->retries < kMaxHoldRetries) {
            b->again = true;
        } else {
            b->outcome.failure = HoldFailure::SoldOut;
            b->outcome.available = it->second.left;
        }
    }
}

// 3d. The price of each booking placed (domain::price): the promo code found usable for it, or
// the event's best group discount, whichever is larger. The discount goes to the booking and its
// items, and naming the code counts its use (migration 0024's trigger). Bookings without a
// discount are left as the claim wrote them: the list prices.
void priceBookings(pqxx::work& tx, const std::vector<BatchedHold*>& claim,
                   const std::vector<Seen>& seen)
{
    std::vector<domain::BookingId> bookingIds, itemBookings;
    std::vector<long long> discounts, itemUnits, itemDiscounts;
    std::vector<std::optional<std::string>> promoIds, kinds, codes, percents, minQuantities;
    for (std::size_t i = 0; i < claim.size(); ++i) {
        auto* b = claim[i];
        if (!b->outcome.booking || (!b->promo && b->hold.groups.empty()))
            continue;
        auto& booking = *b->outcome.booking;
        std::vector<domain::PricedUnit> units;
        for (const auto& item : booking.items)
            units.push_back({item.tier, item.priceMinor});
        const auto price =
            domain::price(units, b->promo ? &b->promo->second : nullptr, b->hold.groups);
        if (!price.applied)
            continue;
        const auto& a = *price.applied;
        booking.discountMinor = price.discountMinor;
        booking.totalMinor = price.totalMinor;
        booking.applied = {a};
        for (std::size_t k = 0; k < booking.items.size(); ++k) {
            booking.items[k].discountMinor = price.unitDiscounts[k];
            if (price.unitDiscounts[k] > 0) {
                itemBookings.push_back(booking.id);
                itemUnits.push_back(seen[i].units.at(k));
                itemDiscounts.push_back(price.unitDiscounts[k]);
            }
        }
        const bool code = a.kind == domain::Applied::Kind::PromoCode;
        bookingIds.push_back(booking.id);
        discounts.push_back(price.discountMinor);
        promoIds.push_back(price.usesCode() ? std::optional(b->promo->first) : std::nullopt);
        kinds.push_back(code ? "promo_code" : "group_discount");
        codes.push_back(code ? std::optional(a.code) : std::nullopt);
        percents.push_back(a.percent > 0 ? std::optional(std::to_string(a.percent)) : std::nullopt);
        minQuantities.push_back(code ? std::nullopt : std::optional(std::to_string(a.minQuantity)));
    }
    if (!bookingIds.empty())
        tx.exec_prepared(kPriceBookings.name, idArray(bookingIds), numberArray(discounts),
                         textArray(promoIds), textArray(kinds), textArray(codes),
                         textArray(percents), textArray(minQuantities), idArray(itemBookings),
                         numberArray(itemUnits), numberArray(itemDiscounts));
}

void claimBatch(pqxx::work& tx, const std::vector<BatchedHold*>& claim, Clock::TimePoint now)
{
    const auto seen = claimUnits(tx, claim, now);
    const auto standingShort = judgeClaims(claim, seen);
    if (!standingShort.empty())
        judgeStandingShort(tx, standingShort, now);
    priceBookings(tx, claim, seen);
}

// 2b. The promo codes of the holds about to claim: each locked (in the order of their events
// and texts, so batches do not wait for each other in a cycle; and before any unit, as a
// release gives a use back before it frees its units), then checked against the units its hold
// asks for and the buyer's uses (domain::checkPromo). A code that cannot be used refuses its
// hold before anything is claimed; the others claim with their code kept for 3d.
std::vector<BatchedHold*> checkPromos(pqxx::work& tx, const std::vector<BatchedHold*>& claim,
                                      std::vector<BatchedHold*>& answered)
{
    std::vector<BatchedHold*> withCode;
    for (auto* b : claim)
        if (b->hold.request.promoCode && !b->hold.request.promoCode->empty())
            withCode.push_back(b);
    if (withCode.empty())
        return claim;
    const auto order = [](const BatchedHold* b) {
        return std::pair{b->hold.request.event.toString(),
                         domain::codeKey(*b->hold.request.promoCode)};
    };
    std::sort(withCode.begin(), withCode.end(),
              [&](const BatchedHold* x, const BatchedHold* y) { return order(x) < order(y); });
    for (auto* b : withCode) {
        const auto& h = b->hold;
        const auto found = promos::lockForHold(tx, h.request.event, *h.request.promoCode,
                                               h.promoBuyer, h.promoBuyerEmail);
        const auto refused =
            found ? domain::checkPromo(found->code, h.promoUnits, h.now, found->buyerUses)
                  : std::optional(domain::PromoRefusal::Unknown);
        if (refused) {
            b->outcome.failure = HoldFailure::PromoInvalid;
            b->outcome.promo = refused;
            answered.push_back(b);
        } else {
            b->promo = std::pair{found->id, found->code};
        }
    }
    std::vector<BatchedHold*> out;
    for (auto* b : claim)
        if (b->outcome.failure != HoldFailure::PromoInvalid)
            out.push_back(b);
    return out;
}

void runBatch(pqxx::connection_base& c, const std::vector<BatchedHold*>& batch,
              Clock::TimePoint now)
{
    for (auto* b : batch) {
        b->outcome = {};
        b->answer = {};
        b->again = false;
        b->promo.reset();
    }
    pqxx::work tx(c);

    // 1. Locks.
    std::vector<std::string> keys, userEvents;
    for (auto* b : batch) {
        const auto user = b->hold.user.toString();
        keys.push_back(user + "/" + b->hold.idempotencyKey);
        if (!b->hold.limitExempt)
            userEvents.push_back(user + "/" + b->hold.request.event.toString());
    }
    std::vector<BatchedHold*> locked;
    for (const auto& r :
         tx.exec_prepared(kBatchLock.name, textArray(keys), textArray(userEvents))) {
        auto* b = batch.at(r[0].as<std::size_t>() - 1);
        if (r[1].as<bool>())
            locked.push_back(b);
        else
            b->outcome.failure = HoldFailure::InFlight;
    }

    // 2. Keys seen before (replayed, or refused as reused; nothing stored) and events no longer
    // on sale (the refusal is stored).
    std::vector<BatchedHold*> claim, answered;
    if (!locked.empty()) {
        std::vector<domain::UserId> users;
        std::vector<std::string> lockedKeys;
        std::vector<domain::EventId> events;
        for (auto* b : locked) {
            users.push_back(b->hold.user);
            lockedKeys.push_back(b->hold.idempotencyKey);
            events.push_back(b->hold.request.event);
        }
        for (const auto& r : tx.exec_prepared(kBatchKeys.name, idArray(users),
                                              textArray(lockedKeys), idArray(events), toSql(now))) {
            auto* b = locked.at(r[0].as<std::size_t>() - 1);
            if (!r[1].is_null()) {
                if (r[1].as<std::string>() != b->hold.requestHash)
                    b->outcome.failure = HoldFailure::KeyReused;
                else
                    b->outcome.replay =
                        domain::StoredAnswer{r[2].as<int>(), r[3].as<std::string>()};
            } else if (r[4].is_null() || !r[4].as<bool>()) {
                b->outcome.failure = HoldFailure::NotOnSale;
                answered.push_back(b);
            } else {
                claim.push_back(b);
            }
        }
    }

    if (!claim.empty())
        claim = checkPromos(tx, claim, answered);

    // 3. The claims.
    if (!claim.empty())
        claimBatch(tx, claim, now);
    for (auto* b : claim)
        if (!b->again)
            answered.push_back(b);

    // 4. Every answer with its key: the booking, or the refusal (API.md "Bookings").
    if (!answered.empty()) {
        std::vector<idempotency::KeyedAnswer> keep;
        for (auto* b : answered) {
            const auto& o = b->outcome;
            b->answer = o.booking ? domain::holdAnswer(*o.booking)
                                  : domain::storedAnswer(domain::holdRefusal(
                                        o.failure, o.seats, o.available, o.promo,
                                        b->hold.request.promoCode.value_or("")));
            keep.push_back({b->hold.user.toString(), b->hold.idempotencyKey, b->hold.requestHash,
                            b->answer.status, b->answer.body});
        }
        idempotency::store(tx, "POST /bookings/hold", keep, now);
    }
    tx.commit();
}

} // namespace

void placeHolds(Session& s, const std::vector<BatchedHold*>& batch, Clock::TimePoint now)
{
    if (batch.empty())
        return;
    s.run(
        [&](pqxx::connection_base& c) {
            // Overlapping batches lock seats in id order and users in hash order, so they do not
            // deadlock each other; the sweeper or a cancellation freeing units of one booking
            // still could, rarely. PostgreSQL then ends one transaction, which is safe to run
            // again.
            // A unit that changed hands under the statement (BatchRace, or the same seen by
            // PostgreSQL as items of a booking that was not written) also rolls the batch back
            // and runs it again: on the new snapshot the holds that lost are plain refusals.
            constexpr int kAttempts = 5;
            for (int attempt = 1;; ++attempt) {
                try {
                    runBatch(c, batch, now);
                    return;
                } catch (const pqxx::deadlock_detected& e) {
                    if (attempt == kAttempts)
                        throw;
                    log::warn("hold batch", {{"deadlock", e.what()}, {"attempt", attempt}});
                } catch (const BatchRace& e) {
                    if (attempt == kAttempts)
                        throw;
                    log::info("hold batch ran again", {{"race", e.what()}, {"attempt", attempt}});
                } catch (const pqxx::foreign_key_violation& e) {
                    if (attempt == kAttempts)
                        throw;
                    log::info("hold batch ran again", {{"race", e.what()}, {"attempt", attempt}});
                }
            }
        },
        Rerun::Safe);
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
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = findIn(tx, id);
        },
        Rerun::Safe);
    return out;
}

std::vector<domain::Booking>
listForUser(Session& s, const domain::UserId& user,
            const std::optional<std::pair<Clock::TimePoint, domain::BookingId>>& after, int limit)
{
    std::vector<domain::Booking> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            const std::optional<std::string> t =
                after ? std::optional(toSql(after->first)) : std::nullopt;
            const std::optional<std::string> id =
                after ? std::optional(after->second.toString()) : std::nullopt;
            for (const auto& r :
                 tx.exec_prepared(kListUser.name, user.toString(), t ? t->c_str() : nullptr,
                                  id ? id->c_str() : nullptr, limit))
                out.push_back(toBooking(r));
            attachItems(tx, out);
        },
        Rerun::Safe);
    return out;
}

std::vector<domain::Booking> search(Session& s, const BookingSearch& q)
{
    std::vector<domain::Booking> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            auto opt = [](const auto& v) -> std::optional<std::string> {
                return v ? std::optional(v->toString()) : std::nullopt;
            };
            const std::optional<std::string> status =
                q.status ? std::optional(std::string(domain::toString(*q.status))) : std::nullopt;
            const std::optional<std::string> afterTime =
                q.after ? std::optional(toSql(q.after->first)) : std::nullopt;
            const std::optional<std::string> afterId =
                q.after ? std::optional(q.after->second.toString()) : std::nullopt;
            for (const auto& r :
                 tx.exec_prepared(kSearch.name, opt(q.event), opt(q.organizer), status, q.text,
                                  afterTime, afterId, toSql(q.now), q.limit))
                out.push_back(toBooking(r));
            attachItems(tx, out);
        },
        Rerun::Safe);
    return out;
}

ReleaseOutcome release(Session& s, const domain::BookingId& id,
                       const std::optional<domain::UserId>& actor, Clock::TimePoint now)
{
    ReleaseOutcome outcome = ReleaseOutcome::NotFound;
    s.run(
        [&](pqxx::connection_base& c) {
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
            // The status first: a promo code's use is given back with it (migration 0024's
            // trigger locks the code's row), and holds lock a code before the units they claim.
            tx.exec_prepared(kSetStatus.name, id.toString(), std::string("cancelled"), toSql(now));
            std::vector<long long> units;
            for (const auto& r : tx.exec_prepared(kFreeUnits.name, id.toString()))
                units.push_back(r[0].as<long long>());
            audit(tx, id, event, "released", actor, "{}", now);
            outboxUnits(tx, event, units, "held");
            waitlist::offerFreed(tx, event, now); // the units, to whoever waits for them
            tx.commit();
            outcome = ReleaseOutcome::Released;
        },
        Rerun::Safe);
    return outcome;
}

int expireHolds(Session& s, domain::BookingStatus from, domain::BookingStatus to,
                Clock::TimePoint now, int batch)
{
    int expired = 0;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto due = tx.exec_prepared(kExpire.name, toSql(now), batch,
                                              std::string(domain::toString(from)),
                                              std::string(domain::toString(to)));
            expired = static_cast<int>(due.size());
            std::set<std::string> events;
            for (const auto& r : due) {
                const auto booking = idFrom<domain::BookingId>(r[0]);
                const auto event = r[1].as<std::string>();
                std::vector<long long> units;
                for (const auto& u : tx.exec_prepared(kFreeUnits.name, booking.toString()))
                    units.push_back(u[0].as<long long>());
                audit(tx, booking, event, "expired", std::nullopt, "{}", now);
                outboxUnits(tx, event, units, "held");
                events.insert(event);
            }
            // The units, to whoever waits for them; an offer that ran out lapses and passes on.
            for (const auto& event : events)
                waitlist::offerFreed(tx, event, now);
            tx.commit();
        },
        Rerun::Safe);
    return expired;
}

domain::Availability availability(Session& s, const domain::EventId& event)
{
    domain::Availability out;
    s.run(
        [&](pqxx::connection_base& c) {
            out = {};
            out.event = event;
            // One snapshot for the counts, the seats and the sequence number.
            pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
            const auto head = tx.exec_prepared(kAvailabilitySeq.name, event.toString());
            if (head.empty())
                return;
            out.seq = head[0][0].as<long long>();
            const auto currency = head[0][1].as<std::string>();
            for (const auto& r : tx.exec_prepared(kAvailabilityTiers.name, event.toString()))
                out.tiers.push_back({idFrom<domain::TierId>(r[0]), r[1].as<std::string>(),
                                     r[2].as<long long>(), currency, r[3].as<int>(), r[4].as<int>(),
                                     r[5].as<int>(), r[6].as<int>(), r[7].as<int>()});
            out.seats.reserve(out.tiers.empty() ? 0 : 1024);
            for (const auto& r : tx.exec_prepared(kAvailabilitySeats.name, event.toString()))
                out.seats.push_back({idFrom<domain::SeatId>(r[0]), r[1].as<std::string>(),
                                     idFrom<domain::TierId>(r[2]),
                                     domain::parseSeatStatus(r[3].as<std::string>())
                                         .value_or(domain::SeatStatus::Sold)});
        },
        Rerun::Safe);
    return out;
}

std::optional<TierSeating> tierSeating(Session& s, const domain::EventId& event,
                                       const domain::TierId& tier)
{
    std::optional<TierSeating> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kTierSeating.name, event.toString(), tier.toString());
            if (r.empty())
                return;
            TierSeating t;
            t.seated = r[0][0].as<std::string>() == "seated";
            const auto keys = boost::json::parse(r[0][1].as<std::string>()); // alive for the loop
            for (const auto& k : keys.as_array())
                t.sectionKeys.emplace_back(k.as_string());
            t.venue = idFrom<domain::VenueId>(r[0][2]);
            out = std::move(t);
        },
        Rerun::Safe);
    return out;
}

std::vector<domain::SeatId> freeSeats(Session& s, const domain::TierId& tier,
                                      domain::Clock::TimePoint now)
{
    std::vector<domain::SeatId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kFreeSeats.name, tier.toString(), toSql(now)))
                out.push_back(idFrom<domain::SeatId>(r[0]));
        },
        Rerun::Safe);
    return out;
}

} // namespace ticketing::db::bookings
