#include "apps/gatescanner/OfflineStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <algorithm>
#include <cstdlib>

namespace ticketing::gate {

namespace {

using namespace std::chrono;

// The schema, one step per version: step i takes a store from version i to i + 1. A step is
// never changed once shipped; a change is a new step.
const std::vector<std::vector<const char*>> kMigrations{
    {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL)",
        "CREATE TABLE tickets (ticket_id TEXT PRIMARY KEY, seat TEXT, tier TEXT NOT NULL, "
        "status TEXT NOT NULL)",
        "CREATE TABLE revoked (ticket_id TEXT PRIMARY KEY)",
        // The server's passages, from the bundle.
        "CREATE TABLE passages (ticket_id TEXT NOT NULL, direction TEXT NOT NULL, "
        "at_us INTEGER NOT NULL, gate TEXT NOT NULL)",
        "CREATE INDEX passages_ticket ON passages (ticket_id)",
        // This device's, by the scan that made them; acked_epoch once the server has it.
        "CREATE TABLE local_passages (nonce TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
        "direction TEXT NOT NULL, at_us INTEGER NOT NULL, gate TEXT NOT NULL, "
        "device TEXT NOT NULL, acked_epoch INTEGER)",
        // Scans not yet acknowledged, oldest first; offline_result when decided here.
        "CREATE TABLE queue (seq INTEGER PRIMARY KEY AUTOINCREMENT, nonce TEXT NOT NULL UNIQUE, "
        "event_id TEXT NOT NULL, code TEXT NOT NULL, direction TEXT NOT NULL, "
        "scanned_at_us INTEGER NOT NULL, offline_result TEXT, run INTEGER NOT NULL)",
    },
};

qint64 micros(domain::Clock::TimePoint t)
{
    // Milliseconds, as the wire carries them: a local passage and the server's record of the
    // same scan then have the same time.
    return duration_cast<milliseconds>(t.time_since_epoch()).count() * 1000;
}

domain::Clock::TimePoint fromMicros(qint64 us)
{
    return domain::Clock::TimePoint(
        duration_cast<domain::Clock::TimePoint::duration>(microseconds(us)));
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::string str(const QVariant& v)
{
    return v.toString().toStdString();
}

domain::Direction directionOf(const QVariant& v)
{
    return domain::parseDirection(str(v)).value_or(domain::Direction::Entry);
}

// A query that says what failed.
class Query
{
public:
    Query(const QSqlDatabase& db, const QString& sql) : m_q(db) { m_ok = m_q.prepare(sql); }
    Query& bind(const QVariant& v)
    {
        m_q.addBindValue(v);
        return *this;
    }
    bool exec() { return m_ok && m_q.exec(); }
    QSqlQuery& q() { return m_q; }
    QString error() const { return m_q.lastError().text(); }

private:
    QSqlQuery m_q;
    bool m_ok = false;
};

// A passage this device made, by the scan (its nonce) that made it; `acked`: the epoch the
// server acknowledged it at. Empty, or what failed.
QString writeLocalPassage(const QSqlDatabase& db, const QString& nonce, const std::string& ticket,
                          domain::Direction direction, qint64 atUs, const QString& gate,
                          const QString& device, std::optional<std::int64_t> acked)
{
    Query p(db,
            QStringLiteral("INSERT OR IGNORE INTO local_passages VALUES (?, ?, ?, ?, ?, ?, ?)"));
    p.bind(nonce)
        .bind(text(ticket))
        .bind(text(domain::toString(direction)))
        .bind(atUs)
        .bind(gate)
        .bind(device)
        .bind(acked ? QVariant::fromValue(*acked) : QVariant(QMetaType(QMetaType::LongLong)));
    return p.exec() ? QString() : p.error();
}

QVariant nullableText(const std::optional<std::string>& s)
{
    return s ? QVariant(text(*s)) : QVariant(QMetaType(QMetaType::QString));
}

} // namespace

OfflineStore::OfflineStore(QString path, QString connection)
    : m_path(std::move(path)), m_connection(std::move(connection))
{
}

OfflineStore::~OfflineStore()
{
    {
        auto db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::unique_ptr<OfflineStore> OfflineStore::open(const QString& path, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto connection =
        QStringLiteral("offline-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<OfflineStore> store(new OfflineStore(path, connection));
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, db.lastError().text());
        return nullptr;
    }
    QSqlQuery pragma(db);
    // WAL: readers never wait for the writer; FULL: a commit is on disk before it returns.
    for (const auto* p :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 2000"})
        pragma.exec(QString::fromLatin1(p));
    QString why;
    if (!store->migrate(&why)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return nullptr;
    }
    store->load();
    return store;
}

int OfflineStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("PRAGMA user_version"));
    return q.next() ? q.value(0).toInt() : -1;
}

bool OfflineStore::migrate(QString* error)
{
    auto db = QSqlDatabase::database(m_connection);
    const int from = schemaVersion();
    if (from > kSchemaVersion) {
        *error = QStringLiteral("written by a newer scanner (schema %1, this one knows %2)")
                     .arg(from)
                     .arg(kSchemaVersion);
        return false;
    }
    for (int v = from; v < kSchemaVersion; ++v) {
        db.transaction();
        QSqlQuery q(db);
        for (const auto* sql : kMigrations[static_cast<std::size_t>(v)])
            if (!q.exec(QString::fromLatin1(sql))) {
                *error = q.lastError().text();
                db.rollback();
                return false;
            }
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

QString OfflineStore::value(const QString& key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
}

bool OfflineStore::fail(const QString& what)
{
    m_error = what;
    QSqlDatabase::database(m_connection).rollback();
    return false;
}

bool OfflineStore::setValues(const std::vector<std::pair<QString, QString>>& values)
{
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    for (const auto& [key, v] : values) {
        Query q(db, v.isNull() ? QStringLiteral("DELETE FROM meta WHERE key = ?")
                               : QStringLiteral("INSERT OR REPLACE INTO meta VALUES (?, ?)"));
        q.bind(key);
        if (!v.isNull())
            q.bind(v);
        if (!q.exec())
            return fail(q.error());
    }
    if (!db.commit())
        return fail(db.lastError().text());
    m_error.clear();
    return true;
}

void OfflineStore::load()
{
    auto db = QSqlDatabase::database(m_connection);
    m_run = value(QStringLiteral("run")).toLongLong() + 1;
    setValues({{QStringLiteral("run"), QString::number(m_run)}});
    m_epoch = value(QStringLiteral("epoch")).toLongLong();
    m_gate = value(QStringLiteral("gate"));
    m_event = domain::EventId::parse(value(QStringLiteral("event_id")).toStdString());
    const auto cursor = value(QStringLiteral("cursor"));
    m_cursor = cursor.isEmpty() ? std::nullopt : std::optional(cursor.toLongLong());
    m_keys.clear();
    m_revoked.clear();
    m_tickets.clear();
    m_serverPassages.clear();
    m_localPassages.clear();
    m_passages.clear();
    m_admittedHere = m_inside = 0;
    QSqlQuery q(db);
    if (m_event) {
        q.exec(QStringLiteral("SELECT public_key FROM keys"));
        while (q.next())
            if (auto key = domain::trustedKeyFromHex(*m_event, str(q.value(0))))
                m_keys.push_back(*key);
    }
    q.exec(QStringLiteral("SELECT ticket_id FROM revoked"));
    while (q.next())
        if (auto t = domain::TicketId::parse(str(q.value(0))))
            m_revoked.push_back(*t);
    std::sort(m_revoked.begin(), m_revoked.end());
    q.exec(QStringLiteral("SELECT ticket_id, seat, tier FROM tickets"));
    while (q.next())
        m_tickets[str(q.value(0))] = TicketInfo{
            q.value(1).isNull() ? std::nullopt : std::optional(str(q.value(1))), str(q.value(2))};
    q.exec(QStringLiteral("SELECT ticket_id, direction, at_us, gate FROM passages ORDER BY at_us"));
    while (q.next())
        m_serverPassages[str(q.value(0))].push_back(
            {directionOf(q.value(1)), fromMicros(q.value(2).toLongLong()), str(q.value(3)), {}});
    q.exec(QStringLiteral("SELECT nonce, ticket_id, direction, at_us, gate, device, acked_epoch "
                          "FROM local_passages ORDER BY at_us"));
    while (q.next())
        m_localPassages[str(q.value(1))].push_back(
            {str(q.value(0)),
             {directionOf(q.value(2)), fromMicros(q.value(3).toLongLong()), str(q.value(4)),
              str(q.value(5))},
             q.value(6).isNull() ? std::nullopt : std::optional(q.value(6).toLongLong())});
    std::vector<std::string> tickets;
    for (const auto& [t, _] : m_serverPassages)
        tickets.push_back(t);
    for (const auto& [t, _] : m_localPassages)
        tickets.push_back(t);
    for (const auto& t : tickets)
        merge(t);
    q.exec(QStringLiteral("SELECT count(*) FROM queue"));
    m_waiting = q.next() ? q.value(0).toInt() : 0;
}

void OfflineStore::countPassages(const std::vector<domain::Passage>& passages, int sign)
{
    for (const auto& p : passages)
        if (p.direction == domain::Direction::Entry && text(p.gate) == m_gate)
            m_admittedHere += sign;
    if (domain::presenceOf(passages).inside)
        m_inside += sign;
}

void OfflineStore::merge(const std::string& ticket)
{
    std::vector<domain::Passage> merged;
    const auto server = m_serverPassages.find(ticket);
    if (server != m_serverPassages.end())
        merged = server->second;
    if (const auto local = m_localPassages.find(ticket); local != m_localPassages.end())
        for (const auto& l : local->second) {
            const bool carried =
                l.ackedAt && server != m_serverPassages.end() &&
                std::any_of(server->second.begin(), server->second.end(), [&](const auto& s) {
                    return s.direction == l.passage.direction && s.gate == l.passage.gate &&
                           std::abs(duration_cast<milliseconds>(s.at - l.passage.at).count()) <
                               5000;
                });
            if (!carried)
                merged.push_back(l.passage);
        }
    std::sort(merged.begin(), merged.end(),
              [](const auto& a, const auto& b) { return a.at < b.at; });
    auto& slot = m_passages[ticket];
    countPassages(slot, -1);
    slot = std::move(merged);
    countPassages(slot, +1);
    if (slot.empty())
        m_passages.erase(ticket);
}

std::optional<OfflineStore::Device> OfflineStore::device() const
{
    const auto id = value(QStringLiteral("device_id"));
    if (id.isEmpty())
        return std::nullopt;
    return Device{id, value(QStringLiteral("device_name")), value(QStringLiteral("gate")),
                  value(QStringLiteral("server"))};
}

bool OfflineStore::setDevice(const Device& d)
{
    if (!setValues({{QStringLiteral("device_id"), d.id},
                    {QStringLiteral("device_name"), d.name},
                    {QStringLiteral("gate"), d.gate},
                    {QStringLiteral("server"), d.server}}))
        return false;
    m_gate = d.gate;
    load(); // the counters go by the gate
    return true;
}

bool OfflineStore::forgetDevice()
{
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    for (const auto* sql :
         {"DELETE FROM keys", "DELETE FROM tickets", "DELETE FROM revoked", "DELETE FROM passages",
          "DELETE FROM local_passages",
          "DELETE FROM meta WHERE key IN ('device_id', 'device_name', 'gate', 'server', "
          "'event_id', 'event_title', 'cursor')"})
        if (!q.exec(QString::fromLatin1(sql)))
            return fail(q.lastError().text());
    if (!db.commit())
        return fail(db.lastError().text());
    load();
    return true;
}

std::optional<domain::EventId> OfflineStore::event() const
{
    return m_event;
}

QString OfflineStore::eventTitle() const
{
    return value(QStringLiteral("event_title"));
}

bool OfflineStore::setEvent(const domain::EventId& event, const QString& title)
{
    if (m_event == event)
        return setValues({{QStringLiteral("event_title"), title}});
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    for (const auto* sql :
         {"DELETE FROM keys", "DELETE FROM tickets", "DELETE FROM revoked", "DELETE FROM passages",
          "DELETE FROM local_passages", "DELETE FROM meta WHERE key = 'cursor'"})
        if (!q.exec(QString::fromLatin1(sql)))
            return fail(q.lastError().text());
    for (const auto& [key, v] : {std::pair{QStringLiteral("event_id"), text(event.toString())},
                                 std::pair{QStringLiteral("event_title"), title}}) {
        Query set(db, QStringLiteral("INSERT OR REPLACE INTO meta VALUES (?, ?)"));
        if (!set.bind(key).bind(v).exec())
            return fail(set.error());
    }
    if (!db.commit())
        return fail(db.lastError().text());
    load();
    return true;
}

bool OfflineStore::applyBundle(const domain::Bundle& b, bool incremental, std::int64_t askedAt)
{
    if (!m_event || b.event != *m_event)
        return fail(QStringLiteral("the bundle is for another event"));
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery q(db);
    if (!incremental)
        for (const auto* sql : {"DELETE FROM keys", "DELETE FROM tickets", "DELETE FROM revoked",
                                "DELETE FROM passages"})
            if (!q.exec(QString::fromLatin1(sql)))
                return fail(q.lastError().text());
    Query key(db, QStringLiteral("INSERT OR REPLACE INTO keys VALUES (?, ?)"));
    for (const auto& k : b.keys)
        if (!key.bind(text(k.keyId)).bind(text(k.publicKey)).exec())
            return fail(key.error());
    Query ticket(db, QStringLiteral("INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?)"));
    for (const auto& t : b.tickets)
        if (!ticket.bind(text(t.ticket.toString()))
                 .bind(nullableText(t.seat))
                 .bind(text(t.tier))
                 .bind(text(t.status))
                 .exec())
            return fail(ticket.error());
    Query revoked(db, QStringLiteral("INSERT OR IGNORE INTO revoked VALUES (?)"));
    for (const auto& t : b.revoked)
        if (!revoked.bind(text(t.toString())).exec())
            return fail(revoked.error());
    Query passage(db, QStringLiteral("INSERT INTO passages VALUES (?, ?, ?, ?)"));
    for (const auto& e : b.entries)
        if (!passage.bind(text(e.ticket.toString()))
                 .bind(text(domain::toString(e.direction)))
                 .bind(micros(e.at))
                 .bind(text(e.gate))
                 .exec())
            return fail(passage.error());
    Query carried(db, QStringLiteral("DELETE FROM local_passages WHERE acked_epoch <= ?"));
    if (!carried.bind(QVariant::fromValue(askedAt)).exec())
        return fail(carried.error());
    Query cursor(db, QStringLiteral("INSERT OR REPLACE INTO meta VALUES ('cursor', ?)"));
    if (!cursor.bind(QString::number(b.cursor)).exec())
        return fail(cursor.error());
    if (!db.commit())
        return fail(db.lastError().text());
    m_error.clear();

    // Memory follows what was written.
    if (!incremental) {
        m_keys.clear();
        m_revoked.clear();
        m_tickets.clear();
        for (auto& [t, list] : m_serverPassages)
            list.clear();
    }
    for (const auto& k : b.keys)
        if (auto trusted = domain::trustedKeyFromHex(b.event, k.publicKey))
            if (std::none_of(m_keys.begin(), m_keys.end(),
                             [&](const auto& m) { return m.keyId == trusted->keyId; }))
                m_keys.push_back(*trusted);
    for (const auto& t : b.tickets)
        m_tickets[t.ticket.toString()] = TicketInfo{t.seat, t.tier};
    m_revoked.insert(m_revoked.end(), b.revoked.begin(), b.revoked.end());
    std::sort(m_revoked.begin(), m_revoked.end());
    m_revoked.erase(std::unique(m_revoked.begin(), m_revoked.end()), m_revoked.end());
    std::vector<std::string> touched;
    for (const auto& [t, list] : m_serverPassages)
        if (!incremental)
            touched.push_back(t);
    for (const auto& e : b.entries) {
        auto t = e.ticket.toString();
        m_serverPassages[t].push_back({e.direction, fromMicros(micros(e.at)), e.gate, {}});
        touched.push_back(std::move(t));
    }
    for (auto& [t, list] : m_localPassages) {
        const auto before = list.size();
        list.erase(
            std::remove_if(list.begin(), list.end(),
                           [&](const auto& l) { return l.ackedAt && *l.ackedAt <= askedAt; }),
            list.end());
        if (list.size() != before)
            touched.push_back(t);
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (const auto& t : touched)
        merge(t);
    m_cursor = b.cursor;
    return true;
}

domain::Decision OfflineStore::decide(std::string_view code, domain::Direction direction,
                                      domain::Clock::TimePoint now) const
{
    if (!m_event)
        return {};
    return domain::decide(
        code, *m_event, m_keys, m_revoked,
        [this](const domain::TicketId& t) {
            const auto it = m_passages.find(t.toString());
            return it == m_passages.end() ? domain::Presence{} : domain::presenceOf(it->second);
        },
        direction, now);
}

std::optional<OfflineStore::TicketInfo> OfflineStore::ticket(const domain::TicketId& t) const
{
    const auto it = m_tickets.find(t.toString());
    return it == m_tickets.end() ? std::nullopt : std::optional(it->second);
}

bool OfflineStore::record(const domain::Scan& scan, const std::optional<domain::Decision>& local)
{
    if (!m_event)
        return fail(QStringLiteral("no event is chosen"));
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    Query q(db, QStringLiteral("INSERT INTO queue (nonce, event_id, code, direction, "
                               "scanned_at_us, offline_result, run) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.bind(text(scan.nonce.toString()))
        .bind(text(m_event->toString()))
        .bind(text(scan.code))
        .bind(text(domain::toString(scan.direction)))
        .bind(micros(scan.scannedAt))
        .bind(local ? QVariant(text(domain::toString(local->outcome)))
                    : QVariant(QMetaType(QMetaType::QString)))
        .bind(QVariant::fromValue(m_run));
    if (!q.exec())
        return fail(q.error());
    const auto device = value(QStringLiteral("device_name"));
    const bool opens = local && domain::opensGate(local->outcome) && local->claims;
    if (opens) {
        if (auto e = writeLocalPassage(db, text(scan.nonce.toString()),
                                       local->claims->ticket.toString(), scan.direction,
                                       micros(scan.scannedAt), m_gate, device, std::nullopt);
            !e.isEmpty())
            return fail(e);
    }
    if (!db.commit())
        return fail(db.lastError().text());
    m_error.clear();
    ++m_waiting;
    if (opens) {
        const auto t = local->claims->ticket.toString();
        m_localPassages[t].push_back({scan.nonce.toString(),
                                      {scan.direction, fromMicros(micros(scan.scannedAt)),
                                       m_gate.toStdString(), device.toStdString()},
                                      std::nullopt});
        merge(t);
    }
    return true;
}

bool OfflineStore::decideLocally(const domain::Uuid& nonce, const domain::Decision& local)
{
    auto db = QSqlDatabase::database(m_connection);
    db.transaction();
    Query row(db, QStringLiteral("SELECT direction, scanned_at_us FROM queue WHERE nonce = ?"));
    if (!row.bind(text(nonce.toString())).exec())
        return fail(row.error());
    if (!row.q().next()) { // answered meanwhile: nothing left to decide
        db.rollback();
        return true;
    }
    const auto direction = directionOf(row.q().value(0));
    const auto at = row.q().value(1).toLongLong();
    Query set(db, QStringLiteral("UPDATE queue SET offline_result = ? WHERE nonce = ?"));
    if (!set.bind(text(domain::toString(local.outcome))).bind(text(nonce.toString())).exec())
        return fail(set.error());
    const auto device = value(QStringLiteral("device_name"));
    const bool opens = domain::opensGate(local.outcome) && local.claims;
    if (opens) {
        if (auto e = writeLocalPassage(db, text(nonce.toString()), local.claims->ticket.toString(),
                                       direction, at, m_gate, device, std::nullopt);
            !e.isEmpty())
            return fail(e);
    }
    if (!db.commit())
        return fail(db.lastError().text());
    m_error.clear();
    if (opens) {
        const auto t = local.claims->ticket.toString();
        m_localPassages[t].push_back(
            {nonce.toString(),
             {direction, fromMicros(at), m_gate.toStdString(), device.toStdString()},
             std::nullopt});
        merge(t);
    }
    return true;
}

bool OfflineStore::acknowledge(const std::vector<domain::ScanResult>& results,
                               domain::Clock::TimePoint now)
{
    if (results.empty())
        return true;
    auto db = QSqlDatabase::database(m_connection);
    const auto epoch = m_epoch + 1;
    const auto device = value(QStringLiteral("device_name"));
    db.transaction();
    int removed = 0;
    std::vector<std::pair<std::string, LocalPassage>> added;
    for (const auto& r : results) {
        const auto nonce = text(r.nonce.toString());
        Query row(db, QStringLiteral("SELECT direction FROM queue WHERE nonce = ?"));
        if (!row.bind(nonce).exec())
            return fail(row.error());
        const bool queued = row.q().next();
        const auto direction = queued ? directionOf(row.q().value(0)) : domain::Direction::Entry;
        Query del(db, QStringLiteral("DELETE FROM queue WHERE nonce = ?"));
        if (!del.bind(nonce).exec())
            return fail(del.error());
        removed += del.q().numRowsAffected() > 0 ? 1 : 0;
        Query ack(db, QStringLiteral("UPDATE local_passages SET acked_epoch = ? WHERE nonce = ?"));
        if (!ack.bind(QVariant::fromValue(epoch)).bind(nonce).exec())
            return fail(ack.error());
        if (ack.q().numRowsAffected() == 0 && queued && domain::opensGate(r.result) && r.ticket) {
            // The server opened the gate (a live answer): this device keeps the passage until
            // a bundle carries it.
            if (auto e = writeLocalPassage(db, nonce, r.ticket->toString(), direction, micros(now),
                                           m_gate, device, epoch);
                !e.isEmpty())
                return fail(e);
            added.push_back(
                {r.ticket->toString(),
                 {r.nonce.toString(),
                  {direction, fromMicros(micros(now)), m_gate.toStdString(), device.toStdString()},
                  epoch}});
        }
    }
    Query e(db, QStringLiteral("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)"));
    if (!e.bind(QString::number(epoch)).exec())
        return fail(e.error());
    if (!db.commit())
        return fail(db.lastError().text());
    m_error.clear();
    m_epoch = epoch;
    m_waiting -= removed;
    std::vector<std::string> touched;
    for (const auto& r : results)
        for (auto& [t, list] : m_localPassages)
            for (auto& l : list)
                if (l.nonce == r.nonce.toString() && !l.ackedAt) {
                    l.ackedAt = epoch;
                    touched.push_back(t);
                }
    for (auto& [t, l] : added) {
        m_localPassages[t].push_back(std::move(l));
        touched.push_back(t);
    }
    for (const auto& t : touched)
        merge(t);
    return true;
}

std::vector<OfflineStore::Queued>
OfflineStore::pending(std::size_t limit, domain::Clock::TimePoint settledBefore) const
{
    std::vector<Queued> out;
    auto db = QSqlDatabase::database(m_connection);
    Query q(db, QStringLiteral("SELECT event_id, nonce, code, direction, scanned_at_us, "
                               "offline_result FROM queue WHERE offline_result IS NOT NULL "
                               "OR scanned_at_us < ? OR run < ? ORDER BY seq LIMIT ?"));
    q.bind(micros(settledBefore)).bind(QVariant::fromValue(m_run)).bind(qint64(limit));
    if (!q.exec())
        return out;
    while (q.q().next()) {
        const auto event = domain::EventId::parse(str(q.q().value(0)));
        const auto nonce = domain::Uuid::parse(str(q.q().value(1)));
        if (!event || !nonce)
            continue;
        if (!out.empty() && out.front().event != *event)
            break; // one event per batch
        domain::Scan scan;
        scan.nonce = *nonce;
        scan.code = str(q.q().value(2));
        scan.direction = directionOf(q.q().value(3));
        scan.scannedAt = fromMicros(q.q().value(4).toLongLong());
        if (!q.q().value(5).isNull())
            scan.offlineResult = domain::parseScanOutcome(str(q.q().value(5)));
        out.push_back({*event, std::move(scan)});
    }
    return out;
}

int OfflineStore::waiting() const
{
    return m_waiting;
}

} // namespace ticketing::gate
