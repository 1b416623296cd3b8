#include "services/HealthService.h"

#include "cache/Redis.h"
#include "db/Pool.h"

namespace ticketing::services {

HealthService::Readiness HealthService::readiness() const
{
    db::Session& session = db::currentSession();
    Readiness r;
    boost::json::object database;
    try {
        const auto rtt = session.ping();
        database["status"] = "up";
        database["latency_us"] = static_cast<std::int64_t>(rtt.count());
        r.ready = true;
    } catch (const db::Unavailable& e) {
        database["status"] = "down";
        database["error"] = e.what();
    }
    const auto stats = m_pool.stats();
    database["pool"] = {{"size", stats.size}, {"busy", stats.busy}, {"queued", stats.queued}};
    const bool redisUp = m_redis.isUp();
    boost::json::object redis{{"status", redisUp ? "up" : "down"}};
    if (!redisUp)
        redis["impact"] = "serving from PostgreSQL alone (slower seat holds)";
    r.body["status"] = r.ready ? (redisUp ? "ready" : "degraded") : "unavailable";
    r.body["database"] = std::move(database);
    r.body["redis"] = std::move(redis);
    return r;
}

} // namespace ticketing::services
