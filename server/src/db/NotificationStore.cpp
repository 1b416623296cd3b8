#include "db/NotificationStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

#include <functional>

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
const Statement kClaimDue{
    "notifications.claim_due",
    "UPDATE notifications n SET next_attempt_at = $2::timestamptz, attempts = n.attempts + 1 FROM "
    "(SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz "
    "ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due WHERE n.id = due.id RETURNING "
    "n.id, n.kind, n.user_id, n.email, n.locale, n.dedupe_key, n.payload::text, n.status, "
    "n.attempts, (extract(epoch from n.created_at) * 1000000)::bigint, (extract(epoch from "
    "n.next_attempt_at) * 1000000)::bigint, (extract(epoch from n.sent_at) * 1000000)::bigint, "
    "n.last_error"};
#undef STORED_COLUMNS
const Statement kList{"notifications.list", R"sql(
    SELECT id, kind, email, status, attempts, (extract(epoch from created_at) * 1000000)::bigint,
           (extract(epoch from sent_at) * 1000000)::bigint, last_error
    FROM notifications
    WHERE ($1::text IS NULL OR status = $1)
      AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
    ORDER BY created_at DESC, id DESC LIMIT $4)sql"};
const Statement kRetry{"notifications.retry", R"sql(
    UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = $2::timestamptz
    WHERE id = $1::uuid AND status = 'failed'
    RETURNING id, kind, email, status, attempts, (extract(epoch from created_at) * 1000000)::bigint,
              (extract(epoch from sent_at) * 1000000)::bigint, last_error)sql"};
const Statement kExists{"notifications.exists", "SELECT 1 FROM notifications WHERE id = $1::uuid"};
const Statement kReminders{"notifications.reminders", R"sql(
    INSERT INTO notifications (id, kind, user_id, email, locale, dedupe_key, payload, next_attempt_at, created_at)
    SELECT gen_random_uuid(), $1, CASE WHEN b.sold_by IS NULL THEN b.user_id END,
           CASE WHEN b.sold_by IS NULL THEN u.email ELSE b.customer_email END,
           CASE WHEN b.sold_by IS NULL THEN u.locale ELSE 'en' END,
           $1 || ':' || b.id, jsonb_build_object('booking_id', b.id, 'event_id', e.id),
           $2::timestamptz, $2::timestamptz
    FROM events e JOIN bookings b ON b.event_id = e.id JOIN users u ON u.id = b.user_id
    WHERE e.status = 'published' AND e.start_time > $2::timestamptz + $4::interval
      AND e.start_time <= $2::timestamptz + $3::interval
      AND b.status = 'confirmed' AND (b.sold_by IS NULL OR b.customer_email IS NOT NULL)
    ON CONFLICT (dedupe_key) DO NOTHING)sql"};
const Statement kSentSince{"notifications.sent_since", R"sql(
    SELECT count(*) FROM notifications
    WHERE user_id = $1::uuid AND kind = $2 AND status = 'sent' AND sent_at > $3::timestamptz)sql"};
// Sent: the one-time secrets it carried (a password link's token) are not kept once delivered.
const Statement kMarkSent{"notifications.mark_sent", R"sql(
    UPDATE notifications SET status = 'sent', sent_at = $2::timestamptz, last_error = NULL,
           payload = payload - 'token' - 'password_token'
    WHERE id = $1::uuid)sql"};
const Statement kRetryAt{"notifications.retry_at", R"sql(
    UPDATE notifications SET next_attempt_at = $2::timestamptz, last_error = $3 WHERE id = $1::uuid AND status = 'pending')sql"};
const Statement kDeferTo{"notifications.defer_to", R"sql(
    UPDATE notifications SET next_attempt_at = $2::timestamptz, attempts = greatest(attempts - 1, 0)
    WHERE id = $1::uuid AND status = 'pending')sql"};
const Statement kMarkFailed{"notifications.mark_failed", R"sql(
    UPDATE notifications SET status = 'failed', last_error = $2, next_attempt_at = $3::timestamptz WHERE id = $1::uuid)sql"};
const Statement kRefunded{
    "notifications.refunded",
    "SELECT coalesce(sum(refunded_minor), 0)::bigint FROM payments WHERE booking_id = $1::uuid"};

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

std::vector<Stored> claimDue(Session& s, domain::Clock::TimePoint now, std::chrono::seconds lease,
                             int limit)
{
    std::vector<Stored> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::work tx(c);
        for (const auto& r :
             tx.exec_prepared(kClaimDue.name, toSql(now), toSql(now + lease), limit))
            out.push_back(toStored(r));
        tx.commit();
    });
    return out;
}

int sentSince(Session& s, const domain::UserId& user, domain::NotificationKind kind,
              domain::Clock::TimePoint since)
{
    int n = 0;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        n = tx.exec_prepared1(kSentSince.name, user.toString(), std::string(domain::toString(kind)),
                              toSql(since))[0]
                .as<int>();
    });
    return n;
}

namespace {
// One write in a transaction of its own.
void one(Session& s, const std::function<void(pqxx::work&)>& run)
{
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        run(tx);
        tx.commit();
    });
}
} // namespace

void markSent(Session& s, const domain::Uuid& id, domain::Clock::TimePoint now)
{
    one(s, [&](pqxx::work& tx) { tx.exec_prepared(kMarkSent.name, id.toString(), toSql(now)); });
}

void retryAt(Session& s, const domain::Uuid& id, domain::Clock::TimePoint at,
             const std::string& error)
{
    one(s, [&](pqxx::work& tx) {
        tx.exec_prepared(kRetryAt.name, id.toString(), toSql(at), error.substr(0, 1000));
    });
}

void deferTo(Session& s, const domain::Uuid& id, domain::Clock::TimePoint at)
{
    one(s, [&](pqxx::work& tx) { tx.exec_prepared(kDeferTo.name, id.toString(), toSql(at)); });
}

void markFailed(Session& s, const domain::Uuid& id, const std::string& error,
                domain::Clock::TimePoint now)
{
    one(s, [&](pqxx::work& tx) {
        tx.exec_prepared(kMarkFailed.name, id.toString(), error.substr(0, 1000), toSql(now));
    });
}

namespace {
domain::NotificationView toView(const pqxx::row& r)
{
    domain::NotificationView v;
    v.id = *domain::Uuid::parse(r[0].as<std::string>());
    v.kind = domain::parseNotificationKind(r[1].as<std::string>())
                 .value_or(domain::NotificationKind::BookingConfirmed);
    v.email = r[2].as<std::string>();
    v.status = r[3].as<std::string>();
    v.attempts = r[4].as<int>();
    v.createdAt = fromMicros(r[5].as<long long>());
    v.sentAt = optionalTime(r[6]);
    v.lastError = optionalText(r[7]);
    return v;
}
} // namespace

std::vector<domain::NotificationView>
list(Session& s, const std::optional<std::string>& status,
     const std::optional<std::pair<domain::Clock::TimePoint, domain::Uuid>>& after, int limit)
{
    std::vector<domain::NotificationView> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        const std::optional<std::string> t =
            after ? std::optional(toSql(after->first)) : std::nullopt;
        const std::optional<std::string> id =
            after ? std::optional(after->second.toString()) : std::nullopt;
        for (const auto& r : tx.exec_prepared(kList.name, status, t, id, limit))
            out.push_back(toView(r));
    });
    return out;
}

RetryOutcome retry(Session& s, const domain::Uuid& id, domain::Clock::TimePoint now,
                   std::optional<domain::NotificationView>& after)
{
    RetryOutcome outcome = RetryOutcome::NotFound;
    s.run([&](pqxx::connection_base& c) {
        after.reset();
        pqxx::work tx(c);
        const auto r = tx.exec_prepared(kRetry.name, id.toString(), toSql(now));
        if (!r.empty()) {
            after = toView(r[0]);
            outcome = RetryOutcome::Queued;
        } else {
            outcome = tx.exec_prepared(kExists.name, id.toString()).empty()
                          ? RetryOutcome::NotFound
                          : RetryOutcome::NotFailed;
        }
        tx.commit();
    });
    return outcome;
}

int writeReminders(Session& s, domain::NotificationKind kind, domain::Clock::TimePoint now,
                   std::chrono::seconds within, std::chrono::seconds after)
{
    int n = 0;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        n = static_cast<int>(tx.exec_prepared(kReminders.name, std::string(domain::toString(kind)),
                                              toSql(now),
                                              std::to_string(within.count()) + " seconds",
                                              std::to_string(after.count()) + " seconds")
                                 .affected_rows());
        tx.commit();
    });
    return n;
}

long long refundedFor(Session& s, const domain::BookingId& booking)
{
    long long n = 0;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        n = tx.exec_prepared1(kRefunded.name, booking.toString())[0].as<long long>();
    });
    return n;
}

} // namespace ticketing::db::notifications
