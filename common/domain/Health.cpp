#include "domain/Health.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

namespace {
constexpr const char* kRedisDownImpact = "serving from PostgreSQL alone (slower seat holds)";

// The parts of the answer, as they are on the wire.
struct DatabasePart
{
    bool up = false;
    std::optional<std::int64_t> latencyUs;
    Readiness::Pool pool;
};
struct RedisPart
{
    bool up = false;
};

bool readUp(WireReader& r)
{
    const auto status = r.required<std::string>("status");
    if (status && *status != "up" && *status != "down")
        r.error("status", "must be up or down");
    return status && *status == "up";
}
} // namespace

void tag_invoke(json::value_from_tag, json::value& out, const Readiness::Pool& p)
{
    out = {{"size", p.size}, {"connected", p.connected}, {"busy", p.busy}, {"queued", p.queued}};
}

Readiness::Pool tag_invoke(json::value_to_tag<Readiness::Pool>, const json::value& v)
{
    WireReader r(v);
    Readiness::Pool p;
    p.size = r.required<int>("size").value_or(0);
    p.connected = r.required<int>("connected").value_or(0);
    p.busy = r.required<int>("busy").value_or(0);
    p.queued = r.required<std::int64_t>("queued").value_or(0);
    r.finish();
    return p;
}

namespace {
DatabasePart tag_invoke(json::value_to_tag<DatabasePart>, const json::value& v)
{
    WireReader r(v);
    DatabasePart d;
    d.up = readUp(r);
    d.latencyUs = r.optional<std::int64_t>("latency_us");
    d.pool = r.required<Readiness::Pool>("pool").value_or(Readiness::Pool{});
    r.finish();
    return d;
}

RedisPart tag_invoke(json::value_to_tag<RedisPart>, const json::value& v)
{
    WireReader r(v);
    RedisPart p;
    p.up = readUp(r);
    r.optional<std::string>("impact"); // what it means, for people
    r.finish();
    return p;
}

} // namespace

std::string Readiness::status() const
{
    return !ready() ? "unavailable" : redisUp ? "ready" : "degraded";
}

void tag_invoke(json::value_from_tag, json::value& out, const Readiness& r)
{
    json::object database{{"status", r.databaseUp ? "up" : "down"}};
    if (r.databaseLatencyUs)
        database["latency_us"] = *r.databaseLatencyUs;
    database["pool"] = json::value_from(r.pool);
    json::object redis{{"status", r.redisUp ? "up" : "down"}};
    if (!r.redisUp)
        redis["impact"] = kRedisDownImpact;
    out = {{"status", r.status()}, {"database", std::move(database)}, {"redis", std::move(redis)}};
}

Readiness tag_invoke(json::value_to_tag<Readiness>, const json::value& v)
{
    WireReader r(v);
    Readiness out;
    const auto status = r.required<std::string>("status");
    const auto database = r.required<DatabasePart>("database");
    const auto redis = r.required<RedisPart>("redis");
    if (database) {
        out.databaseUp = database->up;
        out.databaseLatencyUs = database->latencyUs;
        out.pool = database->pool;
    }
    out.redisUp = redis && redis->up;
    if (status && database && redis && *status != out.status())
        r.error("status", "must be " + out.status() + " for these parts");
    r.finish();
    return out;
}

} // namespace ticketing::domain
