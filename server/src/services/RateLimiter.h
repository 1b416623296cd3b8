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

    // nullopt: allowed. Otherwise: refused, retry after this long.
    std::optional<std::chrono::seconds> take(std::string_view bucket, std::string_view key);
    int limit() const { return m_limit; }

private:
    std::optional<std::chrono::seconds> takeLocally(const std::string& key);

    cache::Redis& m_redis;
    int m_limit;
    std::chrono::seconds m_window;
    std::mutex m_mutex;
    std::map<std::string, std::pair<std::chrono::steady_clock::time_point, int>> m_local;
};

} // namespace ticketing::services
