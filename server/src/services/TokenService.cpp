#include "services/TokenService.h"

#include <cerrno>
#include <cstdlib>
#include <jwt.h>
#include <memory>
#include <sodium.h>
#include <stdexcept>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

namespace {
struct JwtDeleter
{
    void operator()(jwt_t* j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

long long epochSeconds(domain::Clock::TimePoint t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Problem invalid(std::string detail)
{
    return Problem(ProblemCode::InvalidToken, std::move(detail));
}

constexpr const char* kIssuer = "ticketd";
} // namespace

TokenService::TokenService(std::string key, const domain::Clock& clock)
    : m_key(std::move(key)), m_clock(clock)
{
    if (m_key.size() < kMinKeyBytes)
        throw std::invalid_argument("the token signing key must be at least 32 bytes");
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot initialise");
}

std::string TokenService::issueAccess(const domain::UserId& user, domain::Role role,
                                      const domain::Uuid& session) const
{
    jwt_t* raw = nullptr;
    if (jwt_new(&raw) != 0)
        throw std::bad_alloc();
    JwtPtr jwt(raw);
    const auto now = epochSeconds(m_clock.now());
    const auto sub = user.toString();
    const auto sid = session.toString();
    const std::string roleName(domain::toString(role));
    if (jwt_add_grant(jwt.get(), "iss", kIssuer) != 0 ||
        jwt_add_grant(jwt.get(), "sub", sub.c_str()) != 0 ||
        jwt_add_grant(jwt.get(), "sid", sid.c_str()) != 0 ||
        jwt_add_grant(jwt.get(), "role", roleName.c_str()) != 0 ||
        jwt_add_grant_int(jwt.get(), "iat", now) != 0 ||
        jwt_add_grant_int(jwt.get(), "exp", now + kAccessLifetime.count()) != 0 ||
        jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(m_key.data()),
                    static_cast<int>(m_key.size())) != 0)
        throw std::runtime_error("cannot build an access token");
    char* encoded = jwt_encode_str(jwt.get());
    if (!encoded)
        throw std::runtime_error("cannot sign an access token");
    std::string out(encoded);
    std::free(encoded); // libjwt 1.10 allocates with malloc
    return out;
}

domain::Result<AccessClaims, Problem> TokenService::verifyAccess(std::string_view token) const
{
    if (token.empty() || token.size() > 4096)
        return domain::fail(invalid("the access token is missing or malformed"));
    const std::string text(token);
    jwt_t* raw = nullptr;
    // jwt_decode checks the signature with our key; the algorithm is pinned below, so a token
    // that names "none" or another algorithm never passes.
    if (jwt_decode(&raw, text.c_str(), reinterpret_cast<const unsigned char*>(m_key.data()),
                   static_cast<int>(m_key.size())) != 0 ||
        !raw)
        return domain::fail(invalid("the access token is not valid"));
    JwtPtr jwt(raw);
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return domain::fail(invalid("the access token is not valid"));
    const char* iss = jwt_get_grant(jwt.get(), "iss");
    const char* sub = jwt_get_grant(jwt.get(), "sub");
    const char* sid = jwt_get_grant(jwt.get(), "sid");
    const char* role = jwt_get_grant(jwt.get(), "role");
    errno = 0;
    const long exp = jwt_get_grant_int(jwt.get(), "exp");
    if (!iss || std::string_view(iss) != kIssuer || !sub || !sid || !role || errno != 0)
        return domain::fail(invalid("the access token is not valid"));
    AccessClaims claims;
    auto user = domain::UserId::parse(sub);
    auto session = domain::Uuid::parse(sid);
    auto parsedRole = domain::parseRole(role);
    if (!user || !session || !parsedRole)
        return domain::fail(invalid("the access token is not valid"));
    claims.user = *user;
    claims.session = *session;
    claims.role = *parsedRole;
    claims.expiresAt = domain::Clock::TimePoint(std::chrono::seconds(exp));
    if (m_clock.now() >= claims.expiresAt)
        return domain::fail(
            Problem(ProblemCode::TokenExpired, "the access token has expired; refresh it"));
    return claims;
}

std::string TokenService::newRefreshToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string TokenService::hashRefreshToken(std::string_view token)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

} // namespace ticketing::services
