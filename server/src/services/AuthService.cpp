#include "services/AuthService.h"

#include "db/Pool.h"
#include "domain/Accounts.h"
#include "domain/User.h"

#include <boost/json/serialize.hpp>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;
namespace accounts = db::accounts;

AuthService::AuthService(TokenService& tokens, const PasswordHasher& hasher,
                         const domain::Clock& clock, Policy policy)
    : m_tokens(tokens), m_hasher(hasher), m_clock(clock), m_policy(policy)
{
}

std::vector<domain::FieldError> AuthService::validate(const RegisterInput& in)
{
    std::vector<domain::FieldError> errors;
    domain::checkEmail(in.email, "email", errors);
    domain::checkPassword(in.password, "password", errors);
    domain::checkName(in.firstName, "first_name", errors);
    domain::checkName(in.lastName, "last_name", errors);
    if (in.phone && !in.phone->empty())
        domain::checkPhone(*in.phone, "phone", errors);
    if (in.locale && !domain::isSupportedLocale(*in.locale))
        errors.push_back({"locale", "must be \"en\" or \"de\""});
    return errors;
}

domain::Result<domain::User, Problem> AuthService::registerUser(const RegisterInput& in,
                                                                domain::Role role)
{
    db::Session& s = db::currentSession();
    auto errors = validate(in);
    if (!errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));

    db::UserRecord user;
    user.id = domain::UserId::generate();
    user.email = domain::trimmed(in.email); // as typed; the key is the normalised form
    user.passwordHash = m_hasher.hash(in.password);
    user.firstName = domain::trimmed(in.firstName);
    user.lastName = domain::trimmed(in.lastName);
    user.phone = in.phone && !in.phone->empty() ? in.phone : std::nullopt;
    user.role = role;
    user.locale = in.locale.value_or("en");
    user.createdAt = m_clock.now();
    if (!accounts::insertUser(s, user, domain::normalizeEmail(in.email)))
        return domain::fail(
            Problem(ProblemCode::EmailTaken, "an account with this email exists; sign in instead"));
    return toUser(*accounts::findById(s, user.id)); // with the database's created_at
}

Problem AuthService::locked(domain::Clock::TimePoint until) const
{
    const auto wait = std::chrono::ceil<std::chrono::seconds>(until - m_clock.now()).count();
    return Problem(ProblemCode::AccountLocked, "too many failed sign-ins; try again in " +
                                                   std::to_string((wait + 59) / 60) + " minutes")
        .retryAfter(static_cast<int>(std::max<long long>(wait, 1)));
}

domain::Result<TokenPair, Problem> AuthService::login(const std::string& email,
                                                      const std::string& password)
{
    db::Session& s = db::currentSession();
    const auto key = domain::normalizeEmail(email);
    const auto now = m_clock.now();
    // Locked: refused whatever the password, and without looking at it.
    if (const auto t = accounts::throttle(s, key); t.lockedUntil && *t.lockedUntil > now)
        return domain::fail(locked(*t.lockedUntil));

    const auto user = accounts::findByEmailKey(s, key);
    bool ok = false;
    if (user && !user->passwordHash.empty())
        ok = m_hasher.verify(user->passwordHash, password);
    else // an unknown email, or an account without a password yet, costs what a wrong one costs
        m_hasher.verifyDummy(password);
    if (!ok) {
        // The same answer for an unknown email and a wrong password, and the same bookkeeping:
        // the lockout cannot be used to tell which emails have accounts either.
        accounts::recordFailure(s, key, now, m_policy.failureWindow, m_policy.maxFailures,
                                m_policy.lockDuration);
        return domain::fail(
            Problem(ProblemCode::InvalidCredentials, "the email or password is wrong"));
    }
    if (m_hasher.needsRehash(user->passwordHash))
        accounts::updatePasswordHash(s, user->id, m_hasher.hash(password));
    return issue(s, *user, key);
}

void AuthService::forgotPassword(const std::string& email)
{
    db::Session& s = db::currentSession();
    const auto now = m_clock.now();
    const auto token = TokenService::newRefreshToken(); // 256 random bits, base64url
    const auto expires = now + kResetLifetime;
    // The mail's template builds the link from TICKETING_PUBLIC_URL and the token.
    const auto payload = boost::json::serialize(
        boost::json::object{{"token", token}, {"expires_at", domain::formatTimestamp(expires)}});
    accounts::requestPasswordReset(s, domain::normalizeEmail(email),
                                   TokenService::hashRefreshToken(token), payload, now, expires);
}

domain::Result<domain::UserId, Problem> AuthService::resetPassword(const std::string& token,
                                                                   const std::string& password)
{
    std::vector<domain::FieldError> errors;
    domain::checkPassword(password, "password", errors);
    if (!errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));
    db::Session& s = db::currentSession();
    const auto user = accounts::resetPassword(s, TokenService::hashRefreshToken(token),
                                              m_hasher.hash(password), m_clock.now());
    if (!user)
        return domain::fail(Problem(400, "invalid_reset_token", "The link is not valid",
                                    "the password link is unknown, used or expired; ask for "
                                    "a new one"));
    forgetSessions(); // every login of the account was revoked
    return *user;
}

TokenPair AuthService::issue(db::Session& s, const db::UserRecord& user,
                             const std::string& emailKey)
{
    const auto now = m_clock.now();
    const auto sessionId = domain::Uuid::generateV7();
    TokenPair pair;
    pair.refreshToken = TokenService::newRefreshToken();
    accounts::openSession(s, emailKey, sessionId, user.id,
                          TokenService::hashRefreshToken(pair.refreshToken), now,
                          now + TokenService::kRefreshLifetime);
    pair.accessToken = m_tokens.issueAccess(user.id, user.role, sessionId);
    pair.user = toUser(user);
    return pair;
}

domain::Result<TokenPair, Problem> AuthService::refresh(const std::string& refreshToken)
{
    db::Session& s = db::currentSession();
    if (refreshToken.empty() || refreshToken.size() > 256)
        return domain::fail(Problem(ProblemCode::InvalidToken, "the refresh token is not valid"));
    TokenPair pair;
    pair.refreshToken = TokenService::newRefreshToken();
    const auto now = m_clock.now();
    const auto rot = accounts::rotateRefresh(s, TokenService::hashRefreshToken(refreshToken),
                                             TokenService::hashRefreshToken(pair.refreshToken), now,
                                             now + TokenService::kRefreshLifetime);
    switch (rot.outcome) {
    case db::RefreshOutcome::Rotated:
        break;
    case db::RefreshOutcome::Reused:
        forgetSessions();
        return domain::fail(Problem(ProblemCode::RefreshTokenReused,
                                    "this refresh token was used before; every token of this login "
                                    "is now revoked, sign in again"));
    case db::RefreshOutcome::Expired:
        return domain::fail(
            Problem(ProblemCode::TokenExpired, "the refresh token has expired; sign in again"));
    case db::RefreshOutcome::Revoked:
        return domain::fail(
            Problem(ProblemCode::InvalidToken, "this login has ended; sign in again"));
    case db::RefreshOutcome::Unknown:
        return domain::fail(Problem(ProblemCode::InvalidToken, "the refresh token is not valid"));
    }
    if (!rot.user)
        return domain::fail(Problem(ProblemCode::InvalidToken, "the account no longer exists"));
    pair.user = toUser(*rot.user);
    pair.accessToken = m_tokens.issueAccess(rot.user->id, rot.user->role, rot.sessionId);
    return pair;
}

void AuthService::logout(const std::string& refreshToken)
{
    db::Session& s = db::currentSession();
    if (refreshToken.empty() || refreshToken.size() > 256)
        return;
    accounts::revokeByRefresh(s, TokenService::hashRefreshToken(refreshToken), m_clock.now(),
                              "logout");
    forgetSessions();
}

domain::Result<AccessClaims, Problem> AuthService::authenticate(std::string_view accessToken)
{
    db::Session& s = db::currentSession();
    auto claims = m_tokens.verifyAccess(accessToken);
    if (!claims.ok())
        return claims;
    if (!sessionActive(s, claims->session))
        return domain::fail(
            Problem(ProblemCode::InvalidToken, "this login has ended; sign in again"));
    return claims;
}

bool AuthService::sessionActive(db::Session& s, const domain::Uuid& session)
{
    const auto now = std::chrono::steady_clock::now();
    {
        const std::lock_guard lock(m_sessionsMutex);
        if (auto it = m_liveSessions.find(session);
            it != m_liveSessions.end() && now - it->second < kSessionCacheTtl)
            return true;
    }
    if (!accounts::sessionActive(s, session))
        return false;
    const std::lock_guard lock(m_sessionsMutex);
    if (m_liveSessions.size() > 200000)
        m_liveSessions.clear();
    m_liveSessions[session] = now;
    return true;
}

void AuthService::forgetSessions()
{
    const std::lock_guard lock(m_sessionsMutex);
    m_liveSessions.clear();
}

domain::Result<domain::User, Problem> AuthService::profile(const domain::UserId& user)
{
    db::Session& s = db::currentSession();
    if (auto u = accounts::findById(s, user))
        return toUser(*u);
    return domain::fail(Problem(ProblemCode::NotFound, "the account no longer exists"));
}

domain::Result<domain::User, Problem>
AuthService::updateProfile(const domain::UserId& user, const domain::ProfileChange& change)
{
    db::Session& s = db::currentSession();
    std::vector<domain::FieldError> errors;
    accounts::ProfileChange normalized{change.firstName, change.lastName, change.phone,
                                       change.locale};
    if (normalized.firstName) {
        domain::checkName(*normalized.firstName, "first_name", errors);
        normalized.firstName = domain::trimmed(*normalized.firstName);
    }
    if (normalized.lastName) {
        domain::checkName(*normalized.lastName, "last_name", errors);
        normalized.lastName = domain::trimmed(*normalized.lastName);
    }
    if (change.phone && *change.phone && !(*change.phone)->empty())
        domain::checkPhone(**change.phone, "phone", errors);
    if (change.locale && !domain::isSupportedLocale(*change.locale))
        errors.push_back({"locale", "must be \"en\" or \"de\""});
    if (!errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));
    if (normalized.phone && *normalized.phone && (*normalized.phone)->empty())
        normalized.phone = std::optional<std::string>{}; // "" clears the phone, like null
    if (auto u = accounts::updateProfile(s, user, normalized, m_clock.now()))
        return toUser(*u);
    return domain::fail(Problem(ProblemCode::NotFound, "the account no longer exists"));
}

std::vector<domain::User> AuthService::listUsers(const std::optional<domain::UserId>& after,
                                                 int limit, const std::optional<std::string>& query)
{
    db::Session& s = db::currentSession();
    std::optional<std::string> q;
    if (query && !query->empty())
        q = domain::normalizeEmail(*query); // lower case, trimmed: matched against email and names
    std::vector<domain::User> out;
    for (const auto& u : accounts::list(s, after, limit, q))
        out.push_back(toUser(u));
    return out;
}

domain::Result<domain::User, Problem> AuthService::setRole(const domain::UserId& user,
                                                           domain::Role role)
{
    db::Session& s = db::currentSession();
    switch (accounts::setRole(s, user, role, m_clock.now())) {
    case accounts::RoleChange::Changed:
        forgetSessions();
        return toUser(*accounts::findById(s, user));
    case accounts::RoleChange::NotFound:
        return domain::fail(Problem(ProblemCode::NotFound, "no such user"));
    case accounts::RoleChange::LastAdmin:
        return domain::fail(Problem(409, "last_admin", "The last admin cannot lose the role",
                                    "make another user admin first"));
    }
    return domain::fail(Problem(ProblemCode::InternalError, "unknown outcome"));
}

domain::User AuthService::toUser(const db::UserRecord& u)
{
    return {u.id, u.email, u.firstName, u.lastName, u.phone, u.role, u.locale, u.createdAt};
}

} // namespace ticketing::services
