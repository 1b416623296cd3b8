#include "db/SyncStore.h"

#include "db/Pool.h"
#include "db/Sql.h"
#include "domain/Codec.h"
#include "domain/LiveSync.h"
#include "log/Log.h"

#include <map>

namespace ticketing::db::sync {

namespace {
constexpr long long kRelayLockKey = 0x73796e6372656c61LL; // "syncrela"

const Statement kPending{"sync.pending", R"sql(
    SELECT id, event_id FROM outbox WHERE seq IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)sql"};
// The seats named by the pending rows of one event, by their stored status now: looked up one
// by one in the (event_id, seat_id) index, whatever the statistics say about the event's size.
const Statement kSeatStates{"sync.seat_states", R"sql(
    SELECT u.seat_id, u.tier_id, u.status FROM inventory_units u
    WHERE u.event_id = $1::uuid AND u.seat_id = ANY (ARRAY(
        SELECT DISTINCT (c ->> 'seat_id')::uuid FROM outbox o, jsonb_array_elements(o.payload -> 'changes') c
        WHERE o.id = ANY ($2::bigint[]) AND c ->> 'seat_id' IS NOT NULL)))sql"};
// Adds the moves of the pending rows to the tier counts (migration 0010) and answers the counts
// of every tier the rows name.
const Statement kTierCounts{"sync.tier_counts", R"sql(
    WITH moves AS (
        SELECT (m ->> 'tier_id')::uuid AS tier_id,
               sum(CASE WHEN m ->> 'to' = 'available' THEN 1 WHEN m ->> 'from' = 'available' THEN -1 ELSE 0 END
                   * (m ->> 'n')::int) AS available,
               sum(CASE WHEN m ->> 'to' = 'held' THEN 1 WHEN m ->> 'from' = 'held' THEN -1 ELSE 0 END * (m ->> 'n')::int) AS held,
               sum(CASE WHEN m ->> 'to' = 'sold' THEN 1 WHEN m ->> 'from' = 'sold' THEN -1 ELSE 0 END * (m ->> 'n')::int) AS sold,
               sum(CASE WHEN m ->> 'to' = 'blocked' THEN 1 WHEN m ->> 'from' = 'blocked' THEN -1 ELSE 0 END
                   * (m ->> 'n')::int) AS blocked
        FROM outbox o, jsonb_array_elements(coalesce(o.payload -> 'moves', '[]'::jsonb)) m
        WHERE o.id = ANY ($1::bigint[]) AND m ->> 'from' IS DISTINCT FROM m ->> 'to'
        GROUP BY 1),
    moved AS (
        UPDATE sync_tier_counts c
        SET available = c.available + moves.available, held = c.held + moves.held, sold = c.sold + moves.sold,
            blocked = c.blocked + moves.blocked
        FROM moves WHERE c.tier_id = moves.tier_id
        RETURNING c.tier_id, c.available, c.held, c.sold, c.blocked),
    named AS (
        SELECT DISTINCT (t #>> '{}')::uuid AS tier_id FROM outbox o, jsonb_array_elements(o.payload -> 'tiers') t
        WHERE o.id = ANY ($1::bigint[]))
    SELECT tier_id, available, held, sold, blocked FROM moved
    UNION ALL
    SELECT c.tier_id, c.available, c.held, c.sold, c.blocked FROM sync_tier_counts c JOIN named USING (tier_id)
    WHERE c.tier_id NOT IN (SELECT tier_id FROM moved))sql"};
// The counts as the units say, for the tiers of published events whose kept counts differ.
const Statement kRecount{"sync.recount", R"sql(
    WITH truth AS (
        SELECT u.tier_id, count(*) FILTER (WHERE u.status = 'available') AS available,
               count(*) FILTER (WHERE u.status = 'held') AS held, count(*) FILTER (WHERE u.status = 'sold') AS sold,
               count(*) FILTER (WHERE u.status = 'blocked') AS blocked
        FROM inventory_units u JOIN events e ON e.id = u.event_id
        WHERE e.status = 'published' GROUP BY u.tier_id)
    UPDATE sync_tier_counts c
    SET available = truth.available, held = truth.held, sold = truth.sold, blocked = truth.blocked
    FROM truth
    WHERE c.tier_id = truth.tier_id
      AND (c.available, c.held, c.sold, c.blocked) <> (truth.available, truth.held, truth.sold, truth.blocked)
    RETURNING c.event_id, c.tier_id, c.available, c.held, c.sold, c.blocked)sql"};
const Statement kAnyPending{"sync.any_pending",
                            "SELECT EXISTS (SELECT 1 FROM outbox WHERE seq IS NULL)"};
const Statement kBump{
    "sync.bump",
    "UPDATE events SET sync_seq = sync_seq + 1 WHERE id = $1::uuid RETURNING sync_seq"};
const Statement kInsertDelta{
    "sync.insert_delta",
    "INSERT INTO sync_deltas (event_id, seq, payload) VALUES ($1::uuid, $2, $3::jsonb)"};
const Statement kMarkStamped{"sync.mark",
                             "UPDATE outbox SET seq = $2 WHERE id = ANY ($1::bigint[])"};
const Statement kNewHistory{"sync.new_history", "SELECT sync_new_history()"};
const Statement kNotify{"sync.notify", "SELECT pg_notify('ticketing_sync', $1)"};
const Statement kAfter{"sync.after", R"sql(
    SELECT seq, payload::text FROM sync_deltas WHERE event_id = $1::uuid AND seq > $2 ORDER BY seq LIMIT $3)sql"};
const Statement kPruneDeltas{"sync.prune_deltas",
                             "DELETE FROM sync_deltas WHERE created_at < $1::timestamptz"};
const Statement kPruneOutbox{
    "sync.prune_outbox",
    "DELETE FROM outbox WHERE seq IS NOT NULL AND created_at < $1::timestamptz"};

} // namespace

namespace {
// Before any seq is stamped: a new database history (a promoted replica) moves every event's seq
// far ahead of the old one's (migration 0016).
void checkHistory(pqxx::transaction_base& tx)
{
    if (tx.exec_prepared1(kNewHistory.name)[0].as<bool>())
        log::warn("the database is on a new timeline (a fail-over or a restore): the live sync's "
                  "seqs jumped ahead, and its subscribers get a fresh snapshot");
}
} // namespace

std::vector<domain::EventId> stampPending(Session& s, int limit)
{
    std::vector<domain::EventId> stamped;
    s.run(
        [&](pqxx::connection_base& c) {
            stamped.clear();
            pqxx::work tx(c);
            // The relay's statements take id lists whose sizes vary from pass to pass; PostgreSQL
            // kept choosing custom plans for them, and planning was a third of the relay's time in
            // the flash-sale benchmark. Their generic plans are the same index lookups.
            tx.exec("SET LOCAL plan_cache_mode = force_generic_plan");
            std::map<std::string, std::vector<long long>> byEvent;
            for (const auto& r : tx.exec_prepared(kPending.name, limit))
                byEvent[r[1].as<std::string>()].push_back(r[0].as<long long>());
            if (!byEvent.empty())
                checkHistory(tx);
            for (const auto& [event, rows] : byEvent) {
                const auto ids = numberArray(rows);
                // What the live sync sends, in the wire contract's form (domain/LiveSync.h).
                domain::SeatsDelta delta;
                for (const auto& r : tx.exec_prepared(kSeatStates.name, event, ids))
                    delta.changes.push_back({idFrom<domain::SeatId>(r[0]),
                                             idFrom<domain::TierId>(r[1]),
                                             domain::parseSeatStatus(r[2].as<std::string>())
                                                 .value_or(domain::SeatStatus::Sold)});
                for (const auto& r : tx.exec_prepared(kTierCounts.name, ids))
                    delta.tiers.push_back({idFrom<domain::TierId>(r[0]), r[1].as<int>(),
                                           r[2].as<int>(), r[3].as<int>(), r[4].as<int>()});
                const auto payload = domain::encodeText(delta);
                const auto seq = tx.exec_prepared1(kBump.name, event)[0].as<long long>();
                tx.exec_prepared(kInsertDelta.name, event, seq, payload);
                tx.exec_prepared(kMarkStamped.name, ids, seq);
                tx.exec_prepared(kNotify.name, event);
                stamped.push_back(*domain::EventId::parse(event));
            }
            tx.commit();
        },
        Rerun::Safe);
    return stamped;
}

std::vector<domain::EventId> reconcileCounts(Session& s, int& corrected)
{
    std::vector<domain::EventId> stamped;
    s.run(
        [&](pqxx::connection_base& c) {
            stamped.clear();
            corrected = 0;
            // One snapshot: no unstamped row in it, so every change it shows is in the counts.
            pqxx::transaction<pqxx::repeatable_read> tx(c);
            if (tx.exec_prepared1(kAnyPending.name)[0].as<bool>())
                return;
            std::map<std::string, domain::SeatsDelta> byEvent; // counts only: no seat changed
            for (const auto& r : tx.exec_prepared(kRecount.name)) {
                byEvent[r[0].as<std::string>()].tiers.push_back({idFrom<domain::TierId>(r[1]),
                                                                 r[2].as<int>(), r[3].as<int>(),
                                                                 r[4].as<int>(), r[5].as<int>()});
                ++corrected;
            }
            if (!byEvent.empty())
                checkHistory(tx);
            for (const auto& [event, delta] : byEvent) {
                const auto seq = tx.exec_prepared1(kBump.name, event)[0].as<long long>();
                tx.exec_prepared(kInsertDelta.name, event, seq, domain::encodeText(delta));
                tx.exec_prepared(kNotify.name, event);
                stamped.push_back(*domain::EventId::parse(event));
            }
            tx.commit();
        },
        Rerun::Safe);
    return stamped;
}

std::vector<Delta> deltasAfter(Session& s, const domain::EventId& event, long long after, int limit)
{
    std::vector<Delta> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kAfter.name, event.toString(), after, limit))
                out.push_back({r[0].as<long long>(), r[1].as<std::string>()});
        },
        Rerun::Safe);
    return out;
}

void prune(Session& s, domain::Clock::TimePoint olderThan)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kPruneDeltas.name, toSql(olderThan));
            tx.exec_prepared(kPruneOutbox.name, toSql(olderThan));
            tx.commit();
        },
        Rerun::Safe);
}

struct RelayLease::Impl
{
    std::string url;
    std::unique_ptr<pqxx::connection> conn;
    bool held = false;
};

RelayLease::RelayLease(std::string url) : m_impl(std::make_unique<Impl>())
{
    m_impl->url = std::move(url);
}

RelayLease::~RelayLease() = default;

bool RelayLease::tryAcquire()
{
    try {
        if (m_impl->conn && m_impl->held && m_impl->conn->is_open()) {
            pqxx::nontransaction tx(*m_impl->conn);
            tx.exec("SELECT 1"); // still connected, still the leader
            return true;
        }
        m_impl->held = false;
        if (!m_impl->conn || !m_impl->conn->is_open())
            m_impl->conn = std::make_unique<pqxx::connection>(m_impl->url);
        pqxx::nontransaction tx(*m_impl->conn);
        m_impl->held =
            tx.exec1("SELECT pg_try_advisory_lock(" + std::to_string(kRelayLockKey) + ")")[0]
                .as<bool>();
    } catch (const std::exception&) {
        m_impl->conn.reset();
        m_impl->held = false;
    }
    return m_impl->held;
}

bool RelayLease::held() const
{
    return m_impl->held;
}

namespace {
class Receiver : public pqxx::notification_receiver
{
public:
    Receiver(pqxx::connection_base& c, const std::string& channel, std::vector<std::string>& sink)
        : pqxx::notification_receiver(c, channel), m_sink(sink)
    {
    }
    void operator()(const std::string& payload, int) override { m_sink.push_back(payload); }

private:
    std::vector<std::string>& m_sink;
};
} // namespace

struct Listener::Impl
{
    std::string url;
    std::string channel;
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<Receiver> receiver;
    std::vector<std::string> received;
};

Listener::Listener(std::string url, std::string channel) : m_impl(std::make_unique<Impl>())
{
    m_impl->url = std::move(url);
    m_impl->channel = std::move(channel);
}

Listener::~Listener()
{
    m_impl->receiver.reset();
}

std::vector<std::string> Listener::wait(std::chrono::milliseconds timeout)
{
    try {
        if (!m_impl->conn || !m_impl->conn->is_open()) {
            m_impl->receiver.reset();
            m_impl->conn = std::make_unique<pqxx::connection>(m_impl->url);
            m_impl->receiver =
                std::make_unique<Receiver>(*m_impl->conn, m_impl->channel, m_impl->received);
        }
        m_impl->received.clear();
        const auto secs = static_cast<long>(timeout.count() / 1000);
        const auto usecs = static_cast<long>((timeout.count() % 1000) * 1000);
        m_impl->conn->await_notification(secs, usecs);
        m_impl->conn->get_notifs();
        return std::move(m_impl->received);
    } catch (const std::exception& e) {
        m_impl->receiver.reset();
        m_impl->conn.reset();
        throw Unavailable(std::string("the sync listener lost its connection: ") + e.what());
    }
}

} // namespace ticketing::db::sync
