#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Roles.h"
#include "domain/Uuid.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::services {

struct AccessClaims
{
    domain::UserId user;
    domain::Role role = domain::Role::Attendee;
    domain::Uuid session;
    domain::Clock::TimePoint expiresAt;
};

// Access tokens are JWTs (libjwt) signed with HMAC-SHA256 under one key that every instance on
// the database shares; they carry the user id (sub), role, login session (sid), iat and exp.
// Refresh tokens are 256 random bits, given to the client once and stored only as a hash.
class TokenService
{
public:
    static constexpr std::chrono::seconds kAccessLifetime{15 * 60};
    static constexpr std::chrono::seconds kRefreshLifetime{7 * 24 * 3600};
    static constexpr std::size_t kMinKeyBytes = 32;

    // `key`: at least 32 bytes. `clock` must outlive the service.
    TokenService(std::string key, const domain::Clock& clock);

    std::string issueAccess(const domain::UserId& user, domain::Role role,
                            const domain::Uuid& session) const;
    // 401 invalid_token (bad signature, wrong algorithm, malformed, unknown role) or
    // 401 token_expired.
    domain::Result<AccessClaims, domain::Problem> verifyAccess(std::string_view token) const;

    static std::string newRefreshToken();                        // base64url, 43 characters
    static std::string hashRefreshToken(std::string_view token); // hex SHA-256

    const domain::Clock& clock() const { return m_clock; }

private:
    std::string m_key;
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
