#include "services/RateLimiter.h"

#include "cache/Redis.h"

namespace ticketing::services {

namespace {
constexpr const char* kScript = R"lua(
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])})lua";
}

RateLimiter::RateLimiter(cache::Redis& redis, int limitPerWindow, std::chrono::seconds window)
    : m_redis(redis), m_limit(limitPerWindow), m_window(window)
{
}

std::optional<std::chrono::seconds> RateLimiter::take(std::string_view bucket, std::string_view key)
{
    if (m_limit <= 0)
        return std::nullopt;
    const std::string redisKey = "rl:" + std::string(bucket) + ":" + std::string(key);
    const auto windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_window).count();
    auto reply = m_redis.command({"EVAL", kScript, "1", redisKey, std::to_string(windowMs)});
    if (!reply || reply->isError() || reply->elements.size() != 2)
        return takeLocally(redisKey);
    const auto count = reply->elements[0].integer;
    if (count <= m_limit)
        return std::nullopt;
    const auto pttl = std::max<long long>(reply->elements[1].integer, 1);
    return std::chrono::seconds((pttl + 999) / 1000);
}

std::optional<std::chrono::seconds> RateLimiter::takeLocally(const std::string& key)
{
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_mutex);
    if (m_local.size() > 100000) // a flood of distinct keys: forget the expired ones
        std::erase_if(m_local, [&](const auto& e) { return e.second.first <= now; });
    auto& [resetAt, count] = m_local[key];
    if (resetAt <= now) {
        resetAt = now + m_window;
        count = 0;
    }
    if (++count <= m_limit)
        return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(resetAt - now);
}

} // namespace ticketing::services
