#pragma once

#include "domain/Clock.h"
#include "domain/Roles.h"
#include "domain/Uuid.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

struct UserRecord
{
    domain::UserId id;
    std::string email;
    std::string passwordHash;
    std::string firstName;
    std::string lastName;
    std::optional<std::string> phone;
    domain::Role role = domain::Role::Attendee;
    domain::Clock::TimePoint createdAt;
    std::string locale = "en";
};

struct ThrottleState
{
    int failures = 0;
    std::optional<domain::Clock::TimePoint> lockedUntil;
};

enum class RefreshOutcome
{
    Rotated, // the old token is spent, the new one stored
    Unknown, // no such token
    Expired,
    Revoked, // its session was revoked (logout, reuse, role change)
    Reused,  // already spent: the session is now revoked
};

// Users, login sessions, refresh tokens and the login throttle in PostgreSQL. Each call is
// one transaction on the session's connection. Throws db::Unavailable (and pqxx errors for
// bugs); expected outcomes are return values.
namespace accounts {

// False when the email key is taken (unique violation).
bool insertUser(Session& s, const UserRecord& user, const std::string& emailKey);
std::optional<UserRecord> findByEmailKey(Session& s, const std::string& emailKey);
std::optional<UserRecord> findById(Session& s, const domain::UserId& id);
void updatePasswordHash(Session& s, const domain::UserId& id, const std::string& hash);

struct ProfileChange
{
    std::optional<std::string> firstName;
    std::optional<std::string> lastName;
    std::optional<std::optional<std::string>> phone; // set to null with an empty inner value
    std::optional<std::string> locale;
};
std::optional<UserRecord> updateProfile(Session& s, const domain::UserId& id,
                                        const ProfileChange& change, domain::Clock::TimePoint now);

// Users in id order (ids are time-ordered), after `after`; `query` matches email or names.
std::vector<UserRecord> list(Session& s, const std::optional<domain::UserId>& after, int limit,
                             const std::optional<std::string>& query);

enum class RoleChange
{
    Changed,
    NotFound,
    LastAdmin // refused: it would leave no admin
};
// Sets the role and revokes the user's sessions, so that the new role applies at once.
RoleChange setRole(Session& s, const domain::UserId& id, domain::Role role,
                   domain::Clock::TimePoint now);

// Login throttle, keyed by email key whether or not the account exists.
ThrottleState throttle(Session& s, const std::string& emailKey);
// Counts a failure in a sliding window; `maxFailures` within `window` lock for `lockFor`.
ThrottleState recordFailure(Session& s, const std::string& emailKey, domain::Clock::TimePoint now,
                            std::chrono::seconds window, int maxFailures,
                            std::chrono::seconds lockFor);

// A successful login: clears the throttle, opens a session and stores its first refresh token.
void openSession(Session& s, const std::string& emailKey, const domain::Uuid& sessionId,
                 const domain::UserId& user, const std::string& refreshHash,
                 domain::Clock::TimePoint now, domain::Clock::TimePoint refreshExpiry);

struct Rotation
{
    RefreshOutcome outcome = RefreshOutcome::Unknown;
    domain::Uuid sessionId;
    std::optional<UserRecord> user;
};
// Spends the refresh token `oldHash` and stores `newHash` in its session, atomically: of two
// concurrent uses of one token, one rotates and the other is a reuse.
Rotation rotateRefresh(Session& s, const std::string& oldHash, const std::string& newHash,
                       domain::Clock::TimePoint now, domain::Clock::TimePoint newExpiry);

// Revokes the session of a refresh token (logout). False when the token is unknown.
bool revokeByRefresh(Session& s, const std::string& refreshHash, domain::Clock::TimePoint now,
                     const char* why);
// Whether a session may still be used (for access tokens).
bool sessionActive(Session& s, const domain::Uuid& sessionId);

// API.md "Passwords". A one-time link for the account of `emailKey`, if there is one: the
// token's hash kept until `expires`, and the e-mail carrying the token written to the outbox
// in the same transaction (`payloadJson` gets the token's place in it). Nothing for an unknown
// e-mail (the caller answers the same).
void requestPasswordReset(Session& s, const std::string& emailKey, const std::string& tokenHash,
                          const std::string& payloadJson, domain::Clock::TimePoint now,
                          domain::Clock::TimePoint expires);
// Spends the link (once, before it expires), sets the password and revokes every login of the
// account, in one transaction; the account, or nothing when the link is not good.
std::optional<domain::UserId> resetPassword(Session& s, const std::string& tokenHash,
                                            const std::string& passwordHash,
                                            domain::Clock::TimePoint now);

} // namespace accounts
} // namespace ticketing::db
