#include "db/NotificationStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::notifications {

namespace {
const Statement kEnqueue{"notifications.enqueue", R"sql(
    INSERT INTO notifications (id, kind, user_id, email, locale, dedupe_key, payload, next_attempt_at, created_at)
    VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7::jsonb, $8::timestamptz, $8::timestamptz)
    ON CONFLICT (dedupe_key) DO NOTHING)sql"};
const Statement kEnqueueForBooking{"notifications.enqueue_for_booking", R"sql(
    INSERT INTO notifications (id, kind, user_id, email, locale, dedupe_key, payload, next_attempt_at, created_at)
    SELECT $1::uuid, $2, CASE WHEN b.sold_by IS NULL THEN b.user_id END,
           CASE WHEN b.sold_by IS NULL THEN u.email ELSE b.customer_email END,
           CASE WHEN b.sold_by IS NULL THEN u.locale ELSE 'en' END, $4, $5::jsonb, $6::timestamptz, $6::timestamptz
    FROM bookings b JOIN users u ON u.id = b.user_id
    WHERE b.id = $3::uuid AND (b.sold_by IS NULL OR b.customer_email IS NOT NULL)
    ON CONFLICT (dedupe_key) DO NOTHING)sql"};
#define STORED_COLUMNS                                                                             \
    "id, kind, user_id, email, locale, dedupe_key, payload::text, status, attempts, "              \
    "(extract(epoch from created_at) * 1000000)::bigint, "                                         \
    "(extract(epoch from next_attempt_at) * 1000000)::bigint, "                                    \
    "(extract(epoch from sent_at) * 1000000)::bigint, last_error"
const Statement kForEmail{"notifications.for_email", "SELECT " STORED_COLUMNS R"sql(
    FROM notifications WHERE lower(email) = lower($1) ORDER BY created_at DESC, id DESC LIMIT $2)sql"};
#undef STORED_COLUMNS

Stored toStored(const pqxx::row& r)
{
    Stored out;
    out.id = *domain::Uuid::parse(r[0].as<std::string>());
    out.message.kind = domain::parseNotificationKind(r[1].as<std::string>())
                           .value_or(domain::NotificationKind::BookingConfirmed);
    if (!r[2].is_null())
        out.message.user = idFrom<domain::UserId>(r[2]);
    out.message.email = r[3].as<std::string>();
    out.message.locale = r[4].as<std::string>();
    out.message.dedupeKey = r[5].as<std::string>();
    out.message.payloadJson = r[6].as<std::string>();
    out.status = r[7].as<std::string>();
    out.attempts = r[8].as<int>();
    out.createdAt = fromMicros(r[9].as<long long>());
    out.nextAttemptAt = fromMicros(r[10].as<long long>());
    out.sentAt = optionalTime(r[11]);
    out.lastError = optionalText(r[12]);
    return out;
}
} // namespace

bool enqueue(pqxx::transaction_base& tx, const Outgoing& m, domain::Clock::TimePoint now)
{
    const std::optional<std::string> user =
        m.user ? std::optional(m.user->toString()) : std::nullopt;
    return tx.exec_prepared(kEnqueue.name, domain::Uuid::generateV7().toString(),
                            std::string(domain::toString(m.kind)), user, m.email, m.locale,
                            m.dedupeKey, m.payloadJson, toSql(now))
               .affected_rows() == 1;
}

bool enqueueForBooking(pqxx::transaction_base& tx, const domain::BookingId& booking,
                       domain::NotificationKind kind, const std::string& dedupeKey,
                       const std::string& payloadJson, domain::Clock::TimePoint now)
{
    return tx.exec_prepared(kEnqueueForBooking.name, domain::Uuid::generateV7().toString(),
                            std::string(domain::toString(kind)), booking.toString(), dedupeKey,
                            payloadJson, toSql(now))
               .affected_rows() == 1;
}

std::vector<Stored> forEmail(Session& s, const std::string& email, int limit)
{
    std::vector<Stored> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        for (const auto& r : tx.exec_prepared(kForEmail.name, email, limit))
            out.push_back(toStored(r));
    });
    return out;
}

} // namespace ticketing::db::notifications
