#include "db/AccountStore.h"

#include "db/Internal.h"
#include "db/NotificationStore.h"
#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::accounts {

namespace {
using domain::Clock;

const Statement kInsertUser{"accounts.insert_user", R"sql(
    INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, phone, role, locale)
    VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9)
    ON CONFLICT (email_key) DO NOTHING)sql"};
const Statement kByEmailKey{"accounts.by_email_key", R"sql(
    SELECT id, email, password_hash, first_name, last_name, phone, role,
           (extract(epoch from created_at) * 1000000)::bigint, locale
    FROM users WHERE email_key = $1)sql"};
const Statement kById{"accounts.by_id", R"sql(
    SELECT id, email, password_hash, first_name, last_name, phone, role,
           (extract(epoch from created_at) * 1000000)::bigint, locale
    FROM users WHERE id = $1::uuid)sql"};
const Statement kSetHash{"accounts.set_hash",
                         "UPDATE users SET password_hash = $2 WHERE id = $1::uuid"};
const Statement kUpdateProfile{"accounts.update_profile", R"sql(
    UPDATE users SET first_name = coalesce($2, first_name),
                     last_name = coalesce($3, last_name),
                     phone = CASE WHEN $4 THEN $5 ELSE phone END,
                     locale = coalesce($7, locale),
                     updated_at = $6::timestamptz
    WHERE id = $1::uuid
    RETURNING id, email, password_hash, first_name, last_name, phone, role,
              (extract(epoch from created_at) * 1000000)::bigint, locale)sql"};
const Statement kList{"accounts.list", R"sql(
    SELECT id, email, password_hash, first_name, last_name, phone, role,
           (extract(epoch from created_at) * 1000000)::bigint, locale
    FROM users
    WHERE ($1::uuid IS NULL OR id > $1::uuid)
      AND ($2::text IS NULL OR email_key LIKE '%' || $2 || '%'
           OR lower(first_name || ' ' || last_name) LIKE '%' || $2 || '%')
    ORDER BY id LIMIT $3)sql"};
const Statement kLockUserRow{"accounts.lock_user",
                             "SELECT role FROM users WHERE id = $1::uuid FOR UPDATE"};
const Statement kCountAdmins{"accounts.count_admins",
                             "SELECT count(*) FROM users WHERE role = 'admin'"};
const Statement kSetRole{
    "accounts.set_role",
    "UPDATE users SET role = $2, updated_at = $3::timestamptz WHERE id = $1::uuid"};
const Statement kRevokeUserSessions{"accounts.revoke_user_sessions", R"sql(
    UPDATE login_sessions SET revoked_at = $2::timestamptz, revoked_why = $3
    WHERE user_id = $1::uuid AND revoked_at IS NULL)sql"};
const Statement kAddReset{"accounts.add_reset", R"sql(
    INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
    VALUES (decode($1, 'hex'), $2::uuid, $3::timestamptz, $4::timestamptz))sql"};
const Statement kSpendReset{"accounts.spend_reset", R"sql(
    UPDATE password_resets SET used_at = $2::timestamptz
    WHERE token_hash = decode($1, 'hex') AND used_at IS NULL AND expires_at > $2::timestamptz
    RETURNING user_id)sql"};
const Statement kUserForReset{
    "accounts.user_for_reset",
    "SELECT id, email, locale, first_name FROM users WHERE email_key = $1"};
const Statement kThrottle{"accounts.throttle", R"sql(
    SELECT failures, (extract(epoch from locked_until) * 1000000)::bigint
    FROM login_throttle WHERE email_key = $1)sql"};
// One statement, so concurrent failures count exactly. $2 now, $3 window, $4 max, $5 lock.
const Statement kRecordFailure{"accounts.record_failure", R"sql(
    INSERT INTO login_throttle AS t (email_key, failures, window_start)
    VALUES ($1, 1, $2::timestamptz)
    ON CONFLICT (email_key) DO UPDATE SET
      failures = CASE WHEN t.window_start <= $2::timestamptz - $3::interval THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start <= $2::timestamptz - $3::interval THEN $2::timestamptz ELSE t.window_start END
    RETURNING failures)sql"};
const Statement kLock{"accounts.lock", R"sql(
    UPDATE login_throttle SET locked_until = $2::timestamptz + $3::interval, failures = 0, window_start = $2::timestamptz
    WHERE email_key = $1
    RETURNING (extract(epoch from locked_until) * 1000000)::bigint)sql"};
const Statement kClearThrottle{"accounts.clear_throttle",
                               "DELETE FROM login_throttle WHERE email_key = $1"};
const Statement kOpenSession{"accounts.open_session",
                             "INSERT INTO login_sessions (id, user_id, created_at) VALUES "
                             "($1::uuid, $2::uuid, $3::timestamptz)"};
const Statement kInsertRefresh{"accounts.insert_refresh", R"sql(
    INSERT INTO refresh_tokens (token_hash, session_id, expires_at, created_at)
    VALUES (decode($1, 'hex'), $2::uuid, $3::timestamptz, $4::timestamptz))sql"};
const Statement kFindRefresh{"accounts.find_refresh", R"sql(
    SELECT r.session_id, (extract(epoch from r.expires_at) * 1000000)::bigint, r.spent_at IS NOT NULL,
           s.revoked_at IS NOT NULL, s.user_id
    FROM refresh_tokens r JOIN login_sessions s ON s.id = r.session_id
    WHERE r.token_hash = decode($1, 'hex')
    FOR UPDATE OF r, s)sql"};
const Statement kSpendRefresh{
    "accounts.spend_refresh",
    "UPDATE refresh_tokens SET spent_at = $2::timestamptz WHERE token_hash = decode($1, 'hex')"};
const Statement kRevokeSession{"accounts.revoke_session", R"sql(
    UPDATE login_sessions SET revoked_at = coalesce(revoked_at, $2::timestamptz), revoked_why = coalesce(revoked_why, $3)
    WHERE id = $1::uuid)sql"};
const Statement kSessionOfRefresh{
    "accounts.session_of_refresh",
    "SELECT session_id FROM refresh_tokens WHERE token_hash = decode($1, 'hex')"};
const Statement kSessionActive{"accounts.session_active",
                               "SELECT revoked_at IS NULL FROM login_sessions WHERE id = $1::uuid"};

UserRecord toUser(const pqxx::row& r)
{
    UserRecord u;
    u.id = idFrom<domain::UserId>(r[0]);
    u.email = r[1].as<std::string>();
    u.passwordHash = r[2].is_null() ? std::string() : r[2].as<std::string>(); // none yet
    u.firstName = r[3].as<std::string>();
    u.lastName = r[4].as<std::string>();
    u.phone = optionalText(r[5]);
    u.role = domain::parseRole(r[6].as<std::string>()).value_or(domain::Role::Attendee);
    u.createdAt = fromMicros(r[7].as<long long>());
    u.locale = r[8].as<std::string>();
    return u;
}

std::string interval(std::chrono::seconds s)
{
    return std::to_string(s.count()) + " seconds";
}

} // namespace

bool insertUser(Session& s, const UserRecord& u, const std::string& emailKey)
{
    bool inserted = false;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(
                kInsertUser.name, u.id.toString(), u.email, emailKey, u.passwordHash, u.firstName,
                u.lastName, nullable(u.phone), std::string(domain::toString(u.role)), u.locale);
            inserted = r.affected_rows() == 1;
            tx.commit();
        },
        Rerun::Safe);
    return inserted;
}

std::optional<UserRecord> findByEmailKey(Session& s, const std::string& emailKey)
{
    std::optional<UserRecord> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kByEmailKey.name, emailKey);
            if (!r.empty())
                out = toUser(r[0]);
        },
        Rerun::Safe);
    return out;
}

std::optional<UserRecord> findById(Session& s, const domain::UserId& id)
{
    std::optional<UserRecord> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kById.name, id.toString());
            if (!r.empty())
                out = toUser(r[0]);
        },
        Rerun::Safe);
    return out;
}

void updatePasswordHash(Session& s, const domain::UserId& id, const std::string& hash)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kSetHash.name, id.toString(), hash);
            tx.commit();
        },
        Rerun::Safe);
}

std::optional<UserRecord> updateProfile(Session& s, const domain::UserId& id,
                                        const ProfileChange& change, Clock::TimePoint now)
{
    std::optional<UserRecord> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const bool setPhone = change.phone.has_value();
            const std::optional<std::string> phone = setPhone ? *change.phone : std::nullopt;
            const auto r =
                tx.exec_prepared(kUpdateProfile.name, id.toString(), nullable(change.firstName),
                                 nullable(change.lastName), setPhone, nullable(phone), toSql(now),
                                 nullable(change.locale));
            if (!r.empty())
                out = toUser(r[0]);
            tx.commit();
        },
        Rerun::Safe);
    return out;
}

std::vector<UserRecord> list(Session& s, const std::optional<domain::UserId>& after, int limit,
                             const std::optional<std::string>& query)
{
    std::vector<UserRecord> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            const std::optional<std::string> afterText =
                after ? std::optional(after->toString()) : std::nullopt;
            for (const auto& row :
                 tx.exec_prepared(kList.name, nullable(afterText), nullable(query), limit))
                out.push_back(toUser(row));
        },
        Rerun::Safe);
    return out;
}

RoleChange setRole(Session& s, const domain::UserId& id, domain::Role role, Clock::TimePoint now)
{
    RoleChange outcome = RoleChange::NotFound;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto current = tx.exec_prepared(kLockUserRow.name, id.toString());
            if (current.empty()) {
                outcome = RoleChange::NotFound;
                return;
            }
            const bool wasAdmin = current[0][0].as<std::string>() == "admin";
            if (wasAdmin && role != domain::Role::Admin) {
                // Serialise admin removals so two cannot each see "another admin is left".
                tx.exec("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE");
                if (tx.exec_prepared1(kCountAdmins.name)[0].as<long long>() <= 1) {
                    outcome = RoleChange::LastAdmin;
                    return;
                }
            }
            tx.exec_prepared(kSetRole.name, id.toString(), std::string(domain::toString(role)),
                             toSql(now));
            tx.exec_prepared(kRevokeUserSessions.name, id.toString(), toSql(now), "role changed");
            tx.commit();
            outcome = RoleChange::Changed;
        },
        Rerun::Safe);
    return outcome;
}

ThrottleState throttle(Session& s, const std::string& emailKey)
{
    ThrottleState st;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kThrottle.name, emailKey);
            if (!r.empty()) {
                st.failures = r[0][0].as<int>();
                st.lockedUntil = optionalTime(r[0][1]);
            }
        },
        Rerun::Safe);
    return st;
}

ThrottleState recordFailure(Session& s, const std::string& emailKey, Clock::TimePoint now,
                            std::chrono::seconds window, int maxFailures,
                            std::chrono::seconds lockFor)
{
    ThrottleState st;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            st.failures =
                tx.exec_prepared1(kRecordFailure.name, emailKey, toSql(now), interval(window))[0]
                    .as<int>();
            if (st.failures >= maxFailures)
                st.lockedUntil = fromMicros(
                    tx.exec_prepared1(kLock.name, emailKey, toSql(now), interval(lockFor))[0]
                        .as<long long>());
            tx.commit();
        },
        Rerun::Safe);
    return st;
}

void openSession(Session& s, const std::string& emailKey, const domain::Uuid& sessionId,
                 const domain::UserId& user, const std::string& refreshHash, Clock::TimePoint now,
                 Clock::TimePoint refreshExpiry)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kClearThrottle.name, emailKey);
            tx.exec_prepared(kOpenSession.name, sessionId.toString(), user.toString(), toSql(now));
            tx.exec_prepared(kInsertRefresh.name, refreshHash, sessionId.toString(),
                             toSql(refreshExpiry), toSql(now));
            tx.commit();
        },
        Rerun::Safe);
}

Rotation rotateRefresh(Session& s, const std::string& oldHash, const std::string& newHash,
                       Clock::TimePoint now, Clock::TimePoint newExpiry)
{
    Rotation rot;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(kFindRefresh.name, oldHash);
            if (r.empty()) {
                rot.outcome = RefreshOutcome::Unknown;
                return;
            }
            rot.sessionId = *domain::Uuid::parse(r[0][0].as<std::string>());
            const auto expires = fromMicros(r[0][1].as<long long>());
            const bool spent = r[0][2].as<bool>();
            const bool revoked = r[0][3].as<bool>();
            if (revoked) {
                rot.outcome = RefreshOutcome::Revoked;
                return;
            }
            if (spent) {
                // Someone has this token after its owner used it: stop the whole login.
                tx.exec_prepared(kRevokeSession.name, rot.sessionId.toString(), toSql(now),
                                 "refresh token reused");
                tx.commit();
                rot.outcome = RefreshOutcome::Reused;
                return;
            }
            if (expires <= now) {
                rot.outcome = RefreshOutcome::Expired;
                return;
            }
            tx.exec_prepared(kSpendRefresh.name, oldHash, toSql(now));
            tx.exec_prepared(kInsertRefresh.name, newHash, rot.sessionId.toString(),
                             toSql(newExpiry), toSql(now));
            const auto user = tx.exec_prepared(kById.name, r[0][4].as<std::string>());
            if (!user.empty())
                rot.user = toUser(user[0]);
            tx.commit();
            rot.outcome = RefreshOutcome::Rotated;
        },
        Rerun::Safe);
    return rot;
}

bool revokeByRefresh(Session& s, const std::string& refreshHash, Clock::TimePoint now,
                     const char* why)
{
    bool found = false;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(kSessionOfRefresh.name, refreshHash);
            found = !r.empty();
            if (found)
                tx.exec_prepared(kRevokeSession.name, r[0][0].as<std::string>(), toSql(now), why);
            tx.commit();
        },
        Rerun::Safe);
    return found;
}

void addPasswordReset(pqxx::transaction_base& tx, const domain::UserId& user,
                      const std::string& tokenHash, domain::Clock::TimePoint now,
                      domain::Clock::TimePoint expires)
{
    tx.exec_prepared(kAddReset.name, tokenHash, user.toString(), toSql(now), toSql(expires));
}

void requestPasswordReset(Session& s, const std::string& emailKey, const std::string& tokenHash,
                          const std::string& payloadJson, domain::Clock::TimePoint now,
                          domain::Clock::TimePoint expires)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(kUserForReset.name, emailKey);
            if (r.empty())
                return;
            const auto user = idFrom<domain::UserId>(r[0][0]);
            addPasswordReset(tx, user, tokenHash, now, expires);
            notifications::Outgoing mail;
            mail.kind = domain::NotificationKind::PasswordReset;
            mail.user = user;
            mail.email = r[0][1].as<std::string>();
            mail.locale = r[0][2].as<std::string>();
            mail.dedupeKey = "password_reset:" + tokenHash;
            mail.payloadJson = payloadJson;
            notifications::enqueue(tx, mail, now);
            tx.commit();
        },
        Rerun::Safe);
}

std::optional<domain::UserId> resetPassword(Session& s, const std::string& tokenHash,
                                            const std::string& passwordHash,
                                            domain::Clock::TimePoint now)
{
    std::optional<domain::UserId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(kSpendReset.name, tokenHash, toSql(now));
            if (r.empty())
                return;
            const auto user = idFrom<domain::UserId>(r[0][0]);
            tx.exec_prepared(kSetHash.name, user.toString(), passwordHash);
            tx.exec_prepared(kRevokeUserSessions.name, user.toString(), toSql(now),
                             "password reset");
            tx.commit();
            out = user;
        },
        Rerun::Safe);
    return out;
}

bool sessionActive(Session& s, const domain::Uuid& sessionId)
{
    bool active = false;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kSessionActive.name, sessionId.toString());
            active = !r.empty() && r[0][0].as<bool>();
        },
        Rerun::Safe);
    return active;
}

} // namespace ticketing::db::accounts
