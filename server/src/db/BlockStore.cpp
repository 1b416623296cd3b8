#include "db/BlockStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

#include <set>

namespace ticketing::db::blocks {

namespace {
// The named seats' units, locked in id order (no deadlock with a hold, which locks so too).
const Statement kLock{"blocks.lock", R"sql(
    SELECT id, seat_id, status, hold_expires_at <= $3::timestamptz
    FROM inventory_units WHERE event_id = $1::uuid AND seat_id = ANY ($2::uuid[])
    ORDER BY id FOR UPDATE)sql"};
// The outbox row (migration 0010) is written by the same statement, from what each unit was.
const Statement kBlock{"blocks.block", R"sql(
    WITH before AS (SELECT id, status FROM inventory_units WHERE id = ANY ($1::bigint[])),
    changed AS (
        UPDATE inventory_units u
        SET status = 'blocked', blocked_reason = $2, booking_id = NULL, hold_expires_at = NULL
        FROM before b WHERE u.id = b.id
        RETURNING u.id, u.seat_id, u.tier_id, b.status AS was),
    moved AS (SELECT * FROM changed WHERE was <> 'blocked')
    INSERT INTO outbox (event_id, payload)
    SELECT $3::uuid, jsonb_build_object(
        'changes', jsonb_agg(jsonb_build_object('seat_id', m.seat_id, 'tier_id', m.tier_id, 'status', 'blocked')),
        'tiers', jsonb_agg(DISTINCT m.tier_id),
        'moves', (SELECT jsonb_agg(jsonb_build_object('tier_id', g.tier_id, 'from', g.was, 'to', 'blocked', 'n', g.n))
                  FROM (SELECT tier_id, was, count(*) AS n FROM moved GROUP BY 1, 2) g))
    FROM moved m HAVING count(*) > 0
    RETURNING (SELECT count(*) FROM moved))sql"};
const Statement kUnblock{"blocks.unblock", R"sql(
    WITH before AS (SELECT id, status FROM inventory_units WHERE id = ANY ($1::bigint[]) AND blocked_reason IS NOT NULL),
    changed AS (
        UPDATE inventory_units u
        SET blocked_reason = NULL, status = CASE WHEN u.status = 'blocked' THEN 'available' ELSE u.status END
        FROM before b WHERE u.id = b.id
        RETURNING u.id, u.seat_id, u.tier_id, b.status AS was),
    moved AS (SELECT * FROM changed WHERE was = 'blocked')
    INSERT INTO outbox (event_id, payload)
    SELECT $2::uuid, jsonb_build_object(
        'changes', jsonb_agg(jsonb_build_object('seat_id', m.seat_id, 'tier_id', m.tier_id, 'status', 'available')),
        'tiers', jsonb_agg(DISTINCT m.tier_id),
        'moves', (SELECT jsonb_agg(jsonb_build_object('tier_id', g.tier_id, 'from', 'blocked', 'to', 'available', 'n', g.n))
                  FROM (SELECT tier_id, count(*) AS n FROM moved GROUP BY 1) g))
    FROM moved m HAVING count(*) > 0
    RETURNING (SELECT count(*) FROM moved))sql"};
const Statement kList{"blocks.list", R"sql(
    SELECT u.seat_id, s.label, u.tier_id, u.blocked_reason, u.status
    FROM inventory_units u JOIN venue_seats s ON s.id = u.seat_id
    WHERE u.event_id = $1::uuid AND u.blocked_reason IS NOT NULL ORDER BY s.label)sql"};

struct Locked
{
    std::vector<long long> units;
    Outcome outcome;
};

// Locks the seats' units; names the seats that are not the event's, and (when `now` is given)
// those that a live hold or a sale has.
Locked lockUnits(pqxx::work& tx, const domain::EventId& event,
                 const std::vector<domain::SeatId>& seats, domain::Clock::TimePoint now,
                 bool refuseTaken)
{
    Locked out;
    std::set<domain::Uuid> found;
    for (const auto& r :
         tx.exec_prepared(kLock.name, event.toString(), idArray(seats), toSql(now))) {
        const auto seat = idFrom<domain::SeatId>(r[1]);
        found.insert(seat.value);
        const auto status = r[2].as<std::string>();
        const bool lapsed = !r[3].is_null() && r[3].as<bool>();
        if (refuseTaken && (status == "sold" || (status == "held" && !lapsed)))
            out.outcome.unavailable.push_back(seat);
        out.units.push_back(r[0].as<long long>());
    }
    for (const auto& seat : seats)
        if (!found.count(seat.value))
            out.outcome.unknown.push_back(seat);
    return out;
}

int changedBy(const pqxx::result& r)
{
    return r.empty() ? 0 : r[0][0].as<int>();
}
} // namespace

Outcome block(Session& s, const domain::EventId& event, const std::vector<domain::SeatId>& seats,
              const std::string& reason, domain::Clock::TimePoint now)
{
    Outcome out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            auto locked = lockUnits(tx, event, seats, now, true);
            out = locked.outcome;
            if (!out.unknown.empty() || !out.unavailable.empty())
                return; // all or nothing: the transaction rolls back
            out.changed = changedBy(
                tx.exec_prepared(kBlock.name, numberArray(locked.units), reason, event.toString()));
            tx.commit();
        },
        Rerun::Safe);
    return out;
}

Outcome unblock(Session& s, const domain::EventId& event, const std::vector<domain::SeatId>& seats,
                domain::Clock::TimePoint now)
{
    Outcome out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            auto locked = lockUnits(tx, event, seats, domain::Clock::TimePoint{}, false);
            out = locked.outcome;
            if (!out.unknown.empty())
                return;
            out.changed = changedBy(
                tx.exec_prepared(kUnblock.name, numberArray(locked.units), event.toString()));
            waitlist::offerFreed(tx, event.toString(), now);
            tx.commit();
        },
        Rerun::Safe);
    return out;
}

std::vector<domain::SeatBlock> list(Session& s, const domain::EventId& event)
{
    std::vector<domain::SeatBlock> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kList.name, event.toString()))
                out.push_back({idFrom<domain::SeatId>(r[0]), r[1].as<std::string>(),
                               idFrom<domain::TierId>(r[2]), r[3].as<std::string>(),
                               domain::parseSeatStatus(r[4].as<std::string>())
                                   .value_or(domain::SeatStatus::Blocked)});
        },
        Rerun::Safe);
    return out;
}

} // namespace ticketing::db::blocks
