#include "services/HealthService.h"

#include "cache/Redis.h"
#include "db/Pool.h"
#include "log/Log.h"

namespace ticketing::services {

domain::Readiness HealthService::readiness() const
{
    db::Session& session = db::currentSession();
    domain::Readiness r;
    try {
        r.databaseLatencyUs = static_cast<std::int64_t>(session.ping().count());
        r.databaseUp = true;
    } catch (const db::Unavailable& e) {
        // The database's own words go to the log, not to whoever asks.
        log::warn("readiness: the database does not answer", {{"error", e.what()}});
    }
    const auto stats = m_pool.stats();
    r.pool = {stats.size, stats.connected, stats.busy, static_cast<std::int64_t>(stats.queued)};
    r.redisUp = m_redis.isUp();
    return r;
}

} // namespace ticketing::services
