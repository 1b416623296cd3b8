#pragma once

#include "domain/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ticketing::http {

// Who may call ticketd from a browser page on another origin (TICKETING_CORS_ORIGINS): a list of
// origins ("https://shop.example.org"), or "*" for any origin without credentials. A listed
// origin gets its own name back (with Vary: Origin) and may send credentials; "*" never does
// (the Fetch standard refuses a wildcard with credentials, and so do we). Requests without an
// Origin (the apps, curl, servers) are not a browser's and are not asked about. The WebSocket
// upgrade from an Origin not allowed is refused (403). Immutable once made: any thread.
class Cors
{
public:
    // "" (nobody), "*", or origins separated by commas or spaces; each "scheme://host[:port]"
    // without a path. An error names the entry that is not an origin.
    static domain::Result<Cors, std::string> parse(std::string_view list);
    Cors() = default;

    bool enabled() const { return m_any || !m_origins.empty(); }
    bool allows(std::string_view origin) const;

    using Headers = std::vector<std::pair<std::string, std::string>>;
    // The headers of an ordinary answer to a request from `origin` (none when not allowed).
    Headers answerHeaders(std::string_view origin) const;
    // The answer to a preflight (OPTIONS with Access-Control-Request-Method): the headers of a
    // 204 when the origin is allowed, none when it is not (the caller answers 403).
    std::optional<Headers> preflight(std::string_view origin) const;

    // What a page may send and read: every method and header the API uses.
    static constexpr std::string_view kMethods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static constexpr std::string_view kAllowHeaders =
        "Authorization, Content-Type, Accept, Idempotency-Key, If-None-Match, X-Request-Id";
    static constexpr std::string_view kExposeHeaders =
        "X-Request-Id, Idempotent-Replayed, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
        "RateLimit-Reset, ETag, Location";

private:
    bool m_any = false;
    std::vector<std::string> m_origins; // lower case
};

} // namespace ticketing::http
