#pragma once

#include "domain/Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::http {

struct Request;

// The proxies whose word on the client's address is taken (TICKETING_TRUSTED_PROXIES):
// addresses and CIDR ranges, IPv4 and IPv6. Behind nginx every request comes from the proxy;
// the client is the address the proxy names in X-Forwarded-For (or Forwarded: for=), and only a
// trusted proxy may name it: anyone else could send the header to dodge a rate limit.
class TrustedProxies
{
public:
    // "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8"; an empty list trusts no one. Errors name the entry.
    static domain::Result<TrustedProxies, std::string> parse(std::string_view list);
    bool empty() const { return m_ranges.empty(); }
    bool contains(std::string_view address) const;

    // The client behind the connection from `peer`: `peer` itself unless it is trusted; then,
    // reading X-Forwarded-For (else Forwarded) from the right, the first address that is not
    // a trusted proxy (the leftmost one when all are). Malformed entries end the walk there.
    std::string clientOf(const std::string& peer, const Request& request) const;

private:
    struct Range
    {
        std::array<std::uint8_t, 16> address{}; // IPv4 as v4-mapped IPv6
        int prefix = 128;
    };
    std::vector<Range> m_ranges;
};

} // namespace ticketing::http
