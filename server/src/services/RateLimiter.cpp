#include "services/RateLimiter.h"

#include "cache/Redis.h"

#include <algorithm>

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

RateLimiter::Quota RateLimiter::quota(long long count, std::chrono::milliseconds left) const
{
    Quota q;
    q.limit = m_limit;
    q.allowed = count <= m_limit;
    q.remaining = static_cast<int>(std::max<long long>(m_limit - count, 0));
    q.reset = std::chrono::ceil<std::chrono::seconds>(std::max(left, std::chrono::milliseconds(1)));
    return q;
}

RateLimiter::Quota RateLimiter::check(std::string_view bucket, std::string_view key)
{
    if (m_limit <= 0)
        return {};
    const std::string redisKey = "rl:" + std::string(bucket) + ":" + std::string(key);
    const auto windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_window).count();
    auto reply = m_redis.command({"EVAL", kScript, "1", redisKey, std::to_string(windowMs)});
    if (!reply || reply->isError() || reply->elements.size() != 2)
        return checkLocally(redisKey);
    return quota(reply->elements[0].integer,
                 std::chrono::milliseconds(std::max<long long>(reply->elements[1].integer, 1)));
}

std::optional<std::chrono::seconds> RateLimiter::take(std::string_view bucket, std::string_view key)
{
    const auto q = check(bucket, key);
    return q.allowed ? std::nullopt : std::optional(q.reset);
}

RateLimiter::Quota RateLimiter::checkLocally(const std::string& key)
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
    ++count;
    return quota(count, std::chrono::duration_cast<std::chrono::milliseconds>(resetAt - now));
}

} // namespace ticketing::services
