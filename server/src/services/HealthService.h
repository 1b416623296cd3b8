#pragma once

#include <boost/json/object.hpp>

namespace ticketing::db {
class Pool;
class Session;
} // namespace ticketing::db
namespace ticketing::cache {
class Redis;
}

namespace ticketing::services {

// Readiness as operators and load balancers need it: ready means the database answers (the
// source of truth); Redis is reported but never makes the service unready, because the
// inventory stays correct without it (DESIGN.md: degrade to database-only locking).
class HealthService
{
public:
    HealthService(db::Pool& pool, cache::Redis& redis) : m_pool(pool), m_redis(redis) {}

    struct Readiness
    {
        bool ready = false;
        boost::json::object body;
    };
    // Runs on a database worker with its session.
    Readiness readiness() const;

private:
    db::Pool& m_pool;
    cache::Redis& m_redis;
};

} // namespace ticketing::services
