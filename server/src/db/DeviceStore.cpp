#include "db/DeviceStore.h"

#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::devices {

namespace {
const Statement kInsert{"devices.insert", R"sql(
    INSERT INTO checkin_devices (id, organizer_id, name, gate, enrollment_hash, enrollment_expires_at, created_at)
    VALUES ($1::uuid, $2::uuid, $3, $4, decode($5, 'hex'), $6::timestamptz, $7::timestamptz))sql"};
const Statement kEnroll{"devices.enroll", R"sql(
    UPDATE checkin_devices
    SET enrollment_hash = NULL, enrollment_expires_at = NULL, token_hash = decode($2, 'hex'),
        enrolled_at = $3::timestamptz
    WHERE enrollment_hash = decode($1, 'hex') AND enrollment_expires_at > $3::timestamptz
      AND deleted_at IS NULL AND token_hash IS NULL
    RETURNING id, name, gate, true, (extract(epoch from last_seen_at) * 1000000)::bigint, scans,
              (extract(epoch from created_at) * 1000000)::bigint, organizer_id)sql"};
const Statement kByToken{"devices.by_token", R"sql(
    SELECT id, name, gate, true, (extract(epoch from last_seen_at) * 1000000)::bigint, scans,
           (extract(epoch from created_at) * 1000000)::bigint, organizer_id
    FROM checkin_devices WHERE token_hash = decode($1, 'hex') AND deleted_at IS NULL)sql"};
const Statement kFind{"devices.find", R"sql(
    SELECT id, name, gate, token_hash IS NOT NULL, (extract(epoch from last_seen_at) * 1000000)::bigint,
           scans, (extract(epoch from created_at) * 1000000)::bigint, organizer_id
    FROM checkin_devices WHERE id = $1::uuid AND deleted_at IS NULL)sql"};
const Statement kList{"devices.list", R"sql(
    SELECT id, name, gate, token_hash IS NOT NULL, (extract(epoch from last_seen_at) * 1000000)::bigint,
           scans, (extract(epoch from created_at) * 1000000)::bigint, organizer_id
    FROM checkin_devices
    WHERE deleted_at IS NULL AND ($1::uuid IS NULL OR organizer_id = $1::uuid)
    ORDER BY created_at DESC, id LIMIT 1000)sql"};
const Statement kDelete{"devices.delete", R"sql(
    UPDATE checkin_devices SET deleted_at = $2::timestamptz, token_hash = NULL, enrolled_at = NULL,
                               enrollment_hash = NULL
    WHERE id = $1::uuid AND deleted_at IS NULL)sql"};

Row toRow(const pqxx::row& r)
{
    Row out;
    out.device.id = idFrom<domain::DeviceId>(r[0]);
    out.device.name = r[1].as<std::string>();
    out.device.gate = r[2].as<std::string>();
    out.device.enrolled = r[3].as<bool>();
    if (!r[4].is_null())
        out.device.lastSeenAt = fromMicros(r[4].as<long long>());
    out.device.scans = r[5].as<long long>();
    out.device.createdAt = fromMicros(r[6].as<long long>());
    out.organizer = idFrom<domain::UserId>(r[7]);
    return out;
}

std::optional<Row> one(const pqxx::result& r)
{
    return r.empty() ? std::nullopt : std::optional(toRow(r[0]));
}
} // namespace

void create(Session& s, const domain::DeviceId& id, const domain::UserId& organizer,
            const domain::DeviceInput& input, const std::string& enrollmentHash,
            domain::Clock::TimePoint expiresAt, domain::Clock::TimePoint now)
{
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        tx.exec_prepared(kInsert.name, id.toString(), organizer.toString(), input.name, input.gate,
                         enrollmentHash, toSql(expiresAt), toSql(now));
        tx.commit();
    });
}

std::optional<Row> enroll(Session& s, const std::string& enrollmentHash,
                          const std::string& tokenHash, domain::Clock::TimePoint now)
{
    std::optional<Row> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        out = one(tx.exec_prepared(kEnroll.name, enrollmentHash, tokenHash, toSql(now)));
        tx.commit();
    });
    return out;
}

std::optional<Row> byToken(Session& s, const std::string& tokenHash)
{
    std::optional<Row> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        out = one(tx.exec_prepared(kByToken.name, tokenHash));
    });
    return out;
}

std::optional<Row> find(Session& s, const domain::DeviceId& id)
{
    std::optional<Row> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        out = one(tx.exec_prepared(kFind.name, id.toString()));
    });
    return out;
}

std::vector<domain::Device> list(Session& s, const std::optional<domain::UserId>& organizer)
{
    std::vector<domain::Device> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        const std::optional<std::string> who =
            organizer ? std::optional(organizer->toString()) : std::nullopt;
        for (const auto& r : tx.exec_prepared(kList.name, nullable(who)))
            out.push_back(toRow(r).device);
    });
    return out;
}

bool remove(Session& s, const domain::DeviceId& id, domain::Clock::TimePoint now)
{
    bool removed = false;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        removed = tx.exec_prepared(kDelete.name, id.toString(), toSql(now)).affected_rows() == 1;
        tx.commit();
    });
    return removed;
}

} // namespace ticketing::db::devices
