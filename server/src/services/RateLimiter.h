#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::cache {
class Redis;
}

namespace ticketing::services {

// Fixed-window request limits per key (a client address), shared by every instance through
// Redis (one Lua call: INCR and expiry at once). While Redis is down each instance counts on
// its own, so the limit holds per instance rather than not at all.
class RateLimiter
{
public:
    RateLimiter(cache::Redis& redis, int limitPerWindow, std::chrono::seconds window);

    // One request taken from `key`'s allowance in `bucket`: whether it is allowed, and what is
    // left (for the RateLimit-* headers). A limit of 0 allows everything and says nothing.
    struct Quota
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        std::chrono::seconds reset{0}; // until the window starts again
    };
    Quota check(std::string_view bucket, std::string_view key);
    // nullopt: allowed. Otherwise: refused, retry after this long.
    std::optional<std::chrono::seconds> take(std::string_view bucket, std::string_view key);
    int limit() const { return m_limit; }

private:
    Quota checkLocally(const std::string& key);
    Quota quota(long long count, std::chrono::milliseconds left) const;

    cache::Redis& m_redis;
    int m_limit;
    std::chrono::seconds m_window;
    std::mutex m_mutex;
    std::map<std::string, std::pair<std::chrono::steady_clock::time_point, int>> m_local;
};

} // namespace ticketing::services
