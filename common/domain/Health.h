#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace ticketing::domain {

// GET /readyz (API.md "Operations"): ready when the database answers (the source of truth) and
// every worker of the pool has its connection (a cold pool fails requests under load);
// Redis is reported but never makes the service unready, because the inventory stays correct
// without it (DESIGN.md: degrade to database-only locking). Status 200 when ready, else 503.
struct Readiness
{
    struct Pool
    {
        int size = 0;
        int connected = 0; // workers with a connection: ready needs every one
        int busy = 0;
        std::int64_t queued = 0;
        bool operator==(const Pool&) const = default;
    };
    bool databaseUp = false;
    std::optional<std::int64_t> databaseLatencyUs; // when up
    Pool pool;
    bool redisUp = false;

    bool ready() const { return databaseUp && pool.connected >= pool.size; }
    // "ready", "degraded" (Redis down), "unavailable" (the database down, or the pool not
    // connected yet).
    std::string status() const;
    bool operator==(const Readiness&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Readiness& r);
Readiness tag_invoke(boost::json::value_to_tag<Readiness>, const boost::json::value& v);

} // namespace ticketing::domain
