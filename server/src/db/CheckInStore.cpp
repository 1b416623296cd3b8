#include "db/CheckInStore.h"

#include "db/Pool.h"
#include "db/Sql.h"

#include <algorithm>
#include <map>

namespace ticketing::db::checkin {

namespace {
const Statement kEvent{"checkin.event",
                       "SELECT organizer_id, status FROM events WHERE id = $1::uuid"};
const Statement kKeys{"checkin.keys", R"sql(
    SELECT encode(key_id, 'hex'), encode(public_key, 'hex') FROM event_keys
    WHERE event_id = $1::uuid ORDER BY created_at)sql"};
const Statement kRevoked{"checkin.revoked", R"sql(
    SELECT id FROM tickets WHERE event_id = $1::uuid
      AND (status IN ('cancelled', 'transferred') OR revoked_at IS NOT NULL)
      AND ($2::bigint IS NULL OR checkin_seq > $2) AND ($3::bigint IS NULL OR checkin_seq <= $3)
    ORDER BY id)sql"};
const Statement kTickets{"checkin.tickets", R"sql(
    SELECT t.id, s.label, tt.name, t.status FROM tickets t
    JOIN ticket_tiers tt ON tt.id = t.tier_id LEFT JOIN venue_seats s ON s.id = t.seat_id
    WHERE t.event_id = $1::uuid
      AND ($2::bigint IS NULL OR t.checkin_seq > $2) AND t.checkin_seq <= $3
    ORDER BY t.id)sql"};
const Statement kEntries{"checkin.entries", R"sql(
    SELECT ticket_id, direction, (extract(epoch from scanned_at) * 1000000)::bigint, gate
    FROM checkin_scans
    WHERE event_id = $1::uuid AND result IN ('admitted', 'exited')
      AND ($2::bigint IS NULL OR seq > $2) AND seq <= $3
    ORDER BY scanned_at, seq)sql"};
const Statement kCursor{"checkin.cursor", R"sql(
    SELECT greatest((SELECT coalesce(max(checkin_seq), 0) FROM tickets WHERE event_id = $1::uuid),
                    (SELECT coalesce(max(seq), 0) FROM checkin_scans WHERE event_id = $1::uuid)))sql"};
// The event's change lock (migration 0022): its writers take it shared, the readers of its
// changes (the bundle, the live channel) exclusively.
const Statement kWriterLock{"checkin.writer_lock",
                            "SELECT pg_advisory_xact_lock_shared(1667787625, hashtext($1))"};
const Statement kReaderLock{"checkin.reader_lock",
                            "SELECT pg_advisory_xact_lock(1667787625, hashtext($1))"};
const Statement kScanCursor{
    "checkin.scan_cursor",
    "SELECT coalesce(max(seq), 0) FROM checkin_scans WHERE event_id = $1::uuid"};
const Statement kScansAfter{"checkin.scans_after", R"sql(
    SELECT c.seq, c.ticket_id, s.label, c.direction, c.result,
           (extract(epoch from c.scanned_at) * 1000000)::bigint, c.gate
    FROM checkin_scans c LEFT JOIN tickets t ON t.id = c.ticket_id
    LEFT JOIN venue_seats s ON s.id = t.seat_id
    WHERE c.event_id = $1::uuid AND c.seq > $2 AND c.seq <= $3
    ORDER BY c.seq LIMIT $4)sql"};
const Statement kNotify{"checkin.notify", "SELECT pg_notify('ticketing_checkin', $1)"};
const Statement kSeen{"checkin.seen", R"sql(
    SELECT result, ticket_id, (extract(epoch from first_at) * 1000000)::bigint, first_gate, first_device
    FROM checkin_scans WHERE nonce = $1::uuid)sql"};
const Statement kLockTicket{"checkin.lock_ticket",
                            "SELECT pg_advisory_xact_lock(hashtextextended($1, 16))"};
const Statement kPassages{"checkin.passages", R"sql(
    SELECT direction, (extract(epoch from scanned_at) * 1000000)::bigint, gate, device_name
    FROM checkin_scans WHERE ticket_id = $1::uuid AND result IN ('admitted', 'exited')
    ORDER BY scanned_at, seq)sql"};
const Statement kInsert{"checkin.insert", R"sql(
    INSERT INTO checkin_scans (nonce, event_id, ticket_id, device_id, actor_id, gate, device_name, direction,
                               result, scanned_at, recorded_at, offline, first_at, first_gate, first_device)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8, $9, $10::timestamptz,
            $11::timestamptz, $12, $13::timestamptz, $14, $15)
    ON CONFLICT (nonce) DO NOTHING)sql"};
const Statement kTicketLabels{"checkin.ticket_labels", R"sql(
    SELECT s.label, tt.name FROM tickets t JOIN ticket_tiers tt ON tt.id = t.tier_id
    LEFT JOIN venue_seats s ON s.id = t.seat_id WHERE t.id = $1::uuid)sql"};
const Statement kDeviceSeen{"checkin.device_seen", R"sql(
    UPDATE checkin_devices SET scans = scans + $2, last_seen_at = $3::timestamptz WHERE id = $1::uuid)sql"};
const Statement kAllPassages{"checkin.all_passages", R"sql(
    SELECT ticket_id, direction, (extract(epoch from scanned_at) * 1000000)::bigint, gate, device_name
    FROM checkin_scans WHERE event_id = $1::uuid AND result IN ('admitted', 'exited')
      AND ($2::bigint IS NULL OR seq <= $2)
    ORDER BY ticket_id, scanned_at, seq)sql"};
const Statement kCounts{"checkin.counts", R"sql(
    SELECT gate, result, count(*) FROM checkin_scans
    WHERE event_id = $1::uuid AND ($2::bigint IS NULL OR seq <= $2) GROUP BY 1, 2 ORDER BY 1, 2)sql"};

domain::Direction direction(const pqxx::field& f)
{
    return domain::parseDirection(f.as<std::string>()).value_or(domain::Direction::Entry);
}
} // namespace

std::optional<GateFacts> gateFacts(Session& s, const domain::EventId& event)
{
    std::optional<GateFacts> out;
    s.run([&](pqxx::connection_base& c) {
        out.reset();
        pqxx::read_transaction tx(c);
        const auto e = tx.exec_prepared(kEvent.name, event.toString());
        if (e.empty())
            return;
        GateFacts f;
        f.organizer = idFrom<domain::UserId>(e[0][0]);
        f.status = domain::parseEventStatus(e[0][1].as<std::string>())
                       .value_or(domain::EventStatus::Draft);
        for (const auto& r : tx.exec_prepared(kKeys.name, event.toString())) {
            f.publicKeys.push_back({r[0].as<std::string>(), r[1].as<std::string>()});
            if (auto key = domain::trustedKeyFromHex(event, r[1].as<std::string>()))
                f.keys.push_back(*key);
        }
        for (const auto& r : tx.exec_prepared(kRevoked.name, event.toString(), nullptr, nullptr))
            f.revoked.push_back(idFrom<domain::TicketId>(r[0]));
        out = std::move(f);
    });
    return out;
}

domain::Bundle bundle(Session& s, const domain::EventId& event, std::optional<std::int64_t> since,
                      domain::Clock::TimePoint)
{
    domain::Bundle b;
    s.run([&](pqxx::connection_base& c) {
        b = {};
        b.event = event;
        // Read committed, under the exclusive lock: every change numbered up to the cursor has
        // committed, and each statement sees it; what is numbered later waits for the next.
        pqxx::work tx(c);
        tx.exec_prepared(kReaderLock.name, event.toString());
        b.cursor = tx.exec_prepared1(kCursor.name, event.toString())[0].as<long long>();
        const std::optional<std::string> sinceText =
            since ? std::optional(std::to_string(*since)) : std::nullopt;
        const auto upTo = std::to_string(b.cursor);
        for (const auto& r : tx.exec_prepared(kKeys.name, event.toString()))
            b.keys.push_back({r[0].as<std::string>(), r[1].as<std::string>()});
        for (const auto& r :
             tx.exec_prepared(kRevoked.name, event.toString(), nullable(sinceText), upTo))
            b.revoked.push_back(idFrom<domain::TicketId>(r[0]));
        for (const auto& r :
             tx.exec_prepared(kTickets.name, event.toString(), nullable(sinceText), upTo))
            b.tickets.push_back({idFrom<domain::TicketId>(r[0]), optionalText(r[1]),
                                 r[2].as<std::string>(), r[3].as<std::string>()});
        for (const auto& r :
             tx.exec_prepared(kEntries.name, event.toString(), nullable(sinceText), upTo))
            b.entries.push_back({idFrom<domain::TicketId>(r[0]), direction(r[1]),
                                 fromMicros(r[2].as<long long>()), r[3].as<std::string>()});
        tx.commit();
    });
    return b;
}

std::vector<domain::ScanResult> record(Session& s, const domain::EventId& event, const Actor& actor,
                                       const std::vector<domain::Scan>& scans,
                                       const Decider& decide, domain::Clock::TimePoint now)
{
    std::vector<domain::ScanResult> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::work tx(c);
        tx.exec_prepared(kWriterLock.name, event.toString()); // before any number is taken
        std::map<std::string, std::pair<std::optional<std::string>, std::string>> labels;
        auto labelsOf = [&](const domain::TicketId& t) {
            const auto key = t.toString();
            if (auto it = labels.find(key); it != labels.end())
                return it->second;
            const auto r = tx.exec_prepared(kTicketLabels.name, key);
            auto value = r.empty() ? std::pair(std::optional<std::string>(), std::string())
                                   : std::pair(optionalText(r[0][0]), r[0][1].as<std::string>());
            labels[key] = value;
            return value;
        };
        auto answer = [&](const domain::Uuid& nonce, const Recorded& rec) {
            domain::ScanResult result;
            result.nonce = nonce;
            result.result = rec.result;
            result.ticket = rec.ticket;
            if (rec.ticket) {
                const auto [seat, tier] = labelsOf(*rec.ticket);
                result.seat = seat;
                if (!tier.empty())
                    result.tier = tier;
            }
            if (rec.firstEntry)
                result.firstEntry = domain::FirstEntry{rec.firstEntry->at, rec.firstEntry->gate,
                                                       rec.firstEntry->device};
            return result;
        };
        auto seen = [&](const domain::Scan& scan) -> std::optional<Recorded> {
            const auto r = tx.exec_prepared(kSeen.name, scan.nonce.toString());
            if (r.empty())
                return std::nullopt;
            Recorded rec;
            rec.result = domain::parseScanOutcome(r[0][0].as<std::string>())
                             .value_or(domain::ScanOutcome::Invalid);
            if (!r[0][1].is_null())
                rec.ticket = idFrom<domain::TicketId>(r[0][1]);
            if (!r[0][2].is_null())
                rec.firstEntry = domain::Passage{
                    domain::Direction::Entry, fromMicros(r[0][2].as<long long>()),
                    optionalText(r[0][3]).value_or(""), optionalText(r[0][4]).value_or("")};
            return rec;
        };
        const Passages passages = [&](const domain::TicketId& ticket) {
            tx.exec_prepared(kLockTicket.name, ticket.toString());
            std::vector<domain::Passage> list;
            for (const auto& r : tx.exec_prepared(kPassages.name, ticket.toString()))
                list.push_back({direction(r[0]), fromMicros(r[1].as<long long>()),
                                r[2].as<std::string>(), r[3].as<std::string>()});
            return list;
        };
        const std::optional<std::string> device =
            actor.device ? std::optional(actor.device->toString()) : std::nullopt;
        const std::optional<std::string> user =
            actor.user ? std::optional(actor.user->toString()) : std::nullopt;
        long long recorded = 0;
        for (const auto& scan : scans) {
            if (const auto before = seen(scan)) {
                out.push_back(answer(scan.nonce, *before));
                continue;
            }
            const auto rec = decide(scan, passages);
            const std::optional<std::string> ticket =
                rec.ticket ? std::optional(rec.ticket->toString()) : std::nullopt;
            const std::optional<std::string> firstAt =
                rec.firstEntry ? std::optional(toSql(rec.firstEntry->at)) : std::nullopt;
            const std::optional<std::string> firstGate =
                rec.firstEntry ? std::optional(rec.firstEntry->gate) : std::nullopt;
            const std::optional<std::string> firstDevice =
                rec.firstEntry ? std::optional(rec.firstEntry->device) : std::nullopt;
            const auto scannedAt = scan.offlineResult ? scan.scannedAt : now;
            const auto inserted =
                tx.exec_prepared(kInsert.name, scan.nonce.toString(), event.toString(),
                                 nullable(ticket), nullable(device), nullable(user), actor.gate,
                                 actor.name, std::string(domain::toString(scan.direction)),
                                 std::string(domain::toString(rec.result)), toSql(scannedAt),
                                 toSql(now), scan.offlineResult.has_value(), nullable(firstAt),
                                 nullable(firstGate), nullable(firstDevice));
            if (inserted.affected_rows() == 0) { // the same nonce, recorded meanwhile
                out.push_back(answer(scan.nonce, seen(scan).value_or(rec)));
                continue;
            }
            ++recorded;
            out.push_back(answer(scan.nonce, rec));
        }
        // Its scans count once each: a batch sent again (its answer lost) adds nothing.
        if (device)
            tx.exec_prepared(kDeviceSeen.name, *device, recorded, toSql(now));
        tx.exec_prepared(kNotify.name, event.toString()); // the live channel, at commit
        tx.commit();
    });
    return out;
}

namespace {
// The scans of `event` numbered after `after` and up to `upTo`, at most `limit`.
std::vector<NumberedEntry> scansAfter(pqxx::transaction_base& tx, const domain::EventId& event,
                                      long long after, long long upTo, int limit)
{
    std::vector<NumberedEntry> out;
    for (const auto& r : tx.exec_prepared(kScansAfter.name, event.toString(), after, upTo, limit)) {
        NumberedEntry n;
        n.seq = r[0].as<long long>();
        if (!r[1].is_null())
            n.entry.ticket = idFrom<domain::TicketId>(r[1]);
        n.entry.seat = optionalText(r[2]);
        n.entry.direction = direction(r[3]);
        n.entry.result =
            domain::parseScanOutcome(r[4].as<std::string>()).value_or(domain::ScanOutcome::Invalid);
        n.entry.at = fromMicros(r[5].as<long long>());
        n.entry.gate = r[6].as<std::string>();
        out.push_back(std::move(n));
    }
    return out;
}

EventScans eventScansIn(pqxx::transaction_base& tx, const domain::EventId& event,
                        std::optional<long long> upTo)
{
    EventScans out;
    const std::optional<std::string> limit =
        upTo ? std::optional(std::to_string(*upTo)) : std::nullopt;
    for (const auto& r : tx.exec_prepared(kAllPassages.name, event.toString(), nullable(limit))) {
        const auto ticket = idFrom<domain::TicketId>(r[0]);
        if (out.passages.empty() || out.passages.back().first != ticket)
            out.passages.push_back({ticket, {}});
        out.passages.back().second.push_back({direction(r[1]), fromMicros(r[2].as<long long>()),
                                              r[3].as<std::string>(), r[4].as<std::string>()});
    }
    for (const auto& r : tx.exec_prepared(kCounts.name, event.toString(), nullable(limit)))
        out.counts.push_back(
            {r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<long long>()});
    return out;
}
} // namespace

Watch watch(Session& s, const domain::EventId& event, std::optional<long long> since, int limit)
{
    Watch out;
    s.run([&](pqxx::connection_base& c) {
        out = {};
        // Under the exclusive lock: every scan numbered up to the cursor has committed.
        pqxx::work tx(c);
        tx.exec_prepared(kReaderLock.name, event.toString());
        out.cursor = tx.exec_prepared1(kScanCursor.name, event.toString())[0].as<long long>();
        if (since && *since <= out.cursor) {
            auto entries = scansAfter(tx, event, *since, out.cursor, limit + 1);
            if (static_cast<int>(entries.size()) <= limit) {
                out.entries = std::move(entries);
                tx.commit();
                return;
            }
        }
        out.totals = eventScansIn(tx, event, out.cursor);
        tx.commit();
    });
    return out;
}

std::vector<NumberedEntry> entriesAfter(Session& s, const domain::EventId& event, long long after,
                                        int limit)
{
    std::vector<NumberedEntry> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        tx.exec_prepared(kReaderLock.name, event.toString());
        const auto cursor =
            tx.exec_prepared1(kScanCursor.name, event.toString())[0].as<long long>();
        out = scansAfter(tx, event, after, cursor, limit);
        tx.commit();
    });
    return out;
}

EventScans eventScans(Session& s, const domain::EventId& event)
{
    EventScans out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
        out = eventScansIn(tx, event, std::nullopt);
    });
    return out;
}

} // namespace ticketing::db::checkin
