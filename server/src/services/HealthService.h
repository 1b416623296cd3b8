#pragma once

#include "domain/Health.h"

namespace ticketing::db {
class Pool;
class Session;
} // namespace ticketing::db
namespace ticketing::cache {
class Redis;
}

namespace ticketing::services {

// Readiness as operators and load balancers need it (domain::Readiness says what it means).
class HealthService
{
public:
    HealthService(db::Pool& pool, cache::Redis& redis) : m_pool(pool), m_redis(redis) {}

    // Runs on a database worker with its session.
    domain::Readiness readiness() const;

private:
    db::Pool& m_pool;
    cache::Redis& m_redis;
};

} // namespace ticketing::services
