#pragma once

#include "db/AccountStore.h"
#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/User.h"
#include "services/PasswordHasher.h"
#include "services/TokenService.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

struct RegisterInput
{
    std::string email;
    std::string password;
    std::string firstName;
    std::string lastName;
    std::optional<std::string> phone;
    std::optional<std::string> locale; // "en" (the default) or "de"
};

struct TokenPair
{
    std::string accessToken;
    std::string refreshToken;
    domain::User user;
};

// The account rules of API.md "Accounts": sign-up, login with lockout, refresh-token rotation
// with reuse detection, logout, profiles and roles. Every call runs on a database worker with
// its session. Expected failures are Problems with the contract's codes.
class AuthService
{
public:
    struct Policy
    {
        int maxFailures = 5;                         // failed logins ...
        std::chrono::seconds failureWindow{15 * 60}; // ... within this window ...
        std::chrono::seconds lockDuration{15 * 60};  // ... lock the account this long
    };

    AuthService(TokenService& tokens, const PasswordHasher& hasher, const domain::Clock& clock,
                Policy policy);
    AuthService(TokenService& tokens, const PasswordHasher& hasher, const domain::Clock& clock)
        : AuthService(tokens, hasher, clock, Policy{})
    {
    }

    // The rules a registration must meet (field errors; empty when valid).
    static std::vector<domain::FieldError> validate(const RegisterInput& input);
    domain::Result<domain::User, domain::Problem>
    registerUser(const RegisterInput& input, domain::Role role = domain::Role::Attendee);
    domain::Result<TokenPair, domain::Problem> login(const std::string& email,
                                                     const std::string& password);
    domain::Result<TokenPair, domain::Problem> refresh(const std::string& refreshToken);
    void logout(const std::string& refreshToken);

    // API.md "Passwords": a one-time link (valid kResetLifetime) e-mailed to the account of
    // `email`, if there is one (the answer is the same either way); and the password set with
    // it, once, every login of the account revoked (400 invalid_reset_token otherwise).
    static constexpr std::chrono::hours kResetLifetime{1};
    void forgotPassword(const std::string& email);
    domain::Result<domain::UserId, domain::Problem> resetPassword(const std::string& token,
                                                                  const std::string& password);

    // A bearer token: valid signature, not expired, and its login session not revoked.
    domain::Result<AccessClaims, domain::Problem> authenticate(std::string_view accessToken);

    domain::Result<domain::User, domain::Problem> profile(const domain::UserId& user);
    domain::Result<domain::User, domain::Problem>
    updateProfile(const domain::UserId& user, const domain::ProfileChange& change);
    std::vector<domain::User> listUsers(const std::optional<domain::UserId>& after, int limit,
                                        const std::optional<std::string>& query);
    domain::Result<domain::User, domain::Problem> setRole(const domain::UserId& user,
                                                          domain::Role role);

    const TokenService& tokens() const { return m_tokens; }
    // API.md `User` of a stored account.
    static domain::User toUser(const db::UserRecord& record);

private:
    TokenPair issue(db::Session& s, const db::UserRecord& user, const std::string& emailKey);
    bool sessionActive(db::Session& s, const domain::Uuid& session);
    void forgetSessions(); // after a revocation: check the database again
    domain::Problem locked(domain::Clock::TimePoint until) const;

    TokenService& m_tokens;
    const PasswordHasher& m_hasher;
    const domain::Clock& m_clock;
    Policy m_policy;

    // Live login sessions, remembered for 2 s so that a busy sale does not read PostgreSQL
    // for every request. Revocations through this instance forget them at once; through
    // another instance they take effect here within 2 s.
    static constexpr std::chrono::seconds kSessionCacheTtl{2};
    std::mutex m_sessionsMutex;
    std::unordered_map<domain::Uuid, std::chrono::steady_clock::time_point> m_liveSessions;
};

} // namespace ticketing::services
