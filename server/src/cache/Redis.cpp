#include "cache/Redis.h"

#include "log/Log.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <csignal>
#include <hiredis/hiredis.h>
#include <stdexcept>

namespace ticketing::cache {

namespace {
// redis-sentinel://[:password@]host:port[,host:port...]/master-name[/db]. Not a URI a parser
// takes (several hosts), so read by hand.
std::optional<RedisEndpoint> parseSentinelUrl(std::string_view rest)
{
    RedisEndpoint ep;
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    auto authority = rest.substr(0, slash);
    auto path = rest.substr(slash + 1);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        auto user = authority.substr(0, at);
        if (const auto colon = user.find(':'); colon != std::string_view::npos)
            ep.password = std::string(user.substr(colon + 1));
        authority.remove_prefix(at + 1);
    }
    while (!authority.empty()) {
        const auto comma = authority.find(',');
        const auto hostPort = authority.substr(0, comma);
        const auto colon = hostPort.rfind(':');
        if (colon == std::string_view::npos || colon == 0)
            return std::nullopt;
        int port = 0;
        try {
            port = std::stoi(std::string(hostPort.substr(colon + 1)));
        } catch (...) {
            return std::nullopt;
        }
        if (port <= 0 || port > 65535)
            return std::nullopt;
        ep.sentinels.emplace_back(std::string(hostPort.substr(0, colon)), port);
        if (comma == std::string_view::npos)
            break;
        authority.remove_prefix(comma + 1);
    }
    const auto nameEnd = path.find('/');
    ep.masterName = std::string(path.substr(0, nameEnd));
    if (nameEnd != std::string_view::npos) {
        try {
            ep.database = std::stoi(std::string(path.substr(nameEnd + 1)));
        } catch (...) {
            return std::nullopt;
        }
    }
    if (ep.sentinels.empty() || ep.masterName.empty())
        return std::nullopt;
    return ep;
}
} // namespace

std::optional<RedisEndpoint> parseRedisUrl(const std::string& url)
{
    constexpr std::string_view kSentinel = "redis-sentinel://";
    if (url.rfind(kSentinel, 0) == 0)
        return parseSentinelUrl(std::string_view(url).substr(kSentinel.size()));
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return std::nullopt;
    const auto& u = *parsed;
    RedisEndpoint ep;
    if (u.scheme() == "unix") {
        ep.socketPath = std::string(u.path());
        if (ep.socketPath.empty())
            return std::nullopt;
        return ep;
    }
    if (u.scheme() != "redis")
        return std::nullopt;
    ep.host = std::string(u.host());
    if (ep.host.empty())
        return std::nullopt;
    if (u.has_port())
        ep.port = u.port_number();
    if (u.has_password())
        ep.password = std::string(u.password());
    auto path = std::string(u.path());
    if (path.size() > 1) {
        try {
            ep.database = std::stoi(path.substr(1));
        } catch (...) {
            return std::nullopt;
        }
    }
    return ep;
}

namespace {
struct ContextDeleter
{
    void operator()(redisContext* c) const { redisFree(c); }
};
using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;

struct ReplyDeleter
{
    void operator()(redisReply* r) const { freeReplyObject(r); }
};

RedisReply convert(const redisReply* r)
{
    RedisReply out;
    switch (r->type) {
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(r->elements);
        for (std::size_t i = 0; i < r->elements; ++i)
            out.elements.push_back(convert(r->element[i]));
        break;
    default:
        out.type = RedisReply::Type::Nil;
    }
    return out;
}

timeval toTimeval(std::chrono::milliseconds ms)
{
    return {static_cast<time_t>(ms.count() / 1000),
            static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}
} // namespace

struct Redis::Slot
{
    std::mutex mutex;
    ContextPtr ctx;
    std::uint64_t epoch = 0; // Redis::m_epoch when ctx was made
    std::chrono::steady_clock::time_point retryAfter{};
};

Redis::Redis(Options options) : m_options(std::move(options))
{
    // hiredis writes with plain write(): a Redis that went away would kill the whole process
    // with SIGPIPE. A server wants EPIPE instead, so ignore the signal process-wide.
    std::signal(SIGPIPE, SIG_IGN);
    auto ep = parseRedisUrl(m_options.url);
    if (!ep)
        throw std::invalid_argument("not a Redis URL (redis://host:port/db or unix:///path): " +
                                    m_options.url);
    m_endpoint = *ep;
    for (int i = 0; i < std::max(1, m_options.connections); ++i)
        m_slots.push_back(std::make_unique<Slot>());
    m_monitorSlot = std::make_unique<Slot>();
    m_monitor = std::thread([this] { monitorLoop(); });
}

Redis::~Redis()
{
    {
        const std::lock_guard lock(m_stopMutex);
        m_stopping = true;
    }
    m_stopCv.notify_all();
    if (m_monitor.joinable())
        m_monitor.join();
}

std::optional<std::chrono::steady_clock::time_point> Redis::lastTrouble() const
{
    const auto at = m_troubleAt.load();
    if (at == 0)
        return std::nullopt;
    return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(at));
}

void Redis::trouble()
{
    m_troubleAt.store(
        std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count()));
}

void Redis::setUp(bool up, const std::string& why)
{
    if (!up)
        trouble();
    if (m_up.exchange(up) != up) {
        m_transitions.fetch_add(1);
        if (up)
            log::info(
                "redis is up",
                {{"url", m_endpoint.socketPath.empty() ? m_endpoint.host : m_endpoint.socketPath}});
        else
            log::warn("redis is down; serving from PostgreSQL alone", {{"error", why}});
    }
}

namespace {
ContextPtr connectDirect(const RedisEndpoint& ep, std::chrono::milliseconds timeout,
                         std::string& why);
std::optional<RedisReply> runOn(redisContext* ctx, const std::vector<std::string>& args,
                                std::string& why, int* error = nullptr);

// The master that the sentinels name (the first that answers), checked to be one (ROLE): after
// a fail-over they name the promoted replica.
ContextPtr connectThroughSentinels(const RedisEndpoint& ep, std::chrono::milliseconds timeout,
                                   std::string& why)
{
    why = "no sentinel answered for " + ep.masterName;
    for (const auto& [host, port] : ep.sentinels) {
        RedisEndpoint sentinel;
        sentinel.host = host;
        sentinel.port = port;
        std::string error;
        auto s = connectDirect(sentinel, timeout, error);
        if (!s)
            continue;
        const auto addr =
            runOn(s.get(), {"SENTINEL", "get-master-addr-by-name", ep.masterName}, error);
        if (!addr || addr->type != RedisReply::Type::Array || addr->elements.size() != 2)
            continue;
        RedisEndpoint master = ep;
        master.sentinels.clear();
        master.host = addr->elements[0].str;
        try {
            master.port = std::stoi(addr->elements[1].str);
        } catch (...) {
            continue;
        }
        auto ctx = connectDirect(master, timeout, why);
        if (!ctx)
            continue;
        const auto role = runOn(ctx.get(), {"ROLE"}, why);
        if (role && role->type == RedisReply::Type::Array && !role->elements.empty() &&
            role->elements[0].str == "master")
            return ctx;
        why = "the sentinels name " + master.host + ":" + std::to_string(master.port) +
              ", which is not a master (yet)";
    }
    return nullptr;
}

// Connects and authenticates; null with `why` set on failure.
ContextPtr connectTo(const RedisEndpoint& ep, std::chrono::milliseconds timeout, std::string& why)
{
    if (!ep.sentinels.empty())
        return connectThroughSentinels(ep, timeout, why);
    return connectDirect(ep, timeout, why);
}

ContextPtr connectDirect(const RedisEndpoint& ep, std::chrono::milliseconds timeout,
                         std::string& why)
{
    const auto tv = toTimeval(timeout);
    ContextPtr ctx(ep.socketPath.empty() ? redisConnectWithTimeout(ep.host.c_str(), ep.port, tv)
                                         : redisConnectUnixWithTimeout(ep.socketPath.c_str(), tv));
    if (!ctx || ctx->err) {
        why = ctx ? ctx->errstr : "cannot allocate a Redis context";
        return nullptr;
    }
    redisSetTimeout(ctx.get(), tv);
    auto simple = [&](std::vector<std::string> args) {
        std::vector<const char*> argv;
        std::vector<size_t> lens;
        for (const auto& a : args) {
            argv.push_back(a.data());
            lens.push_back(a.size());
        }
        std::unique_ptr<redisReply, ReplyDeleter> r(static_cast<redisReply*>(
            redisCommandArgv(ctx.get(), static_cast<int>(argv.size()), argv.data(), lens.data())));
        if (!r || r->type == REDIS_REPLY_ERROR) {
            why = r ? std::string(r->str, r->len) : std::string(ctx->errstr);
            return false;
        }
        return true;
    };
    if (!ep.password.empty() && !simple({"AUTH", ep.password}))
        return nullptr;
    if (ep.database != 0 && !simple({"SELECT", std::to_string(ep.database)}))
        return nullptr;
    return ctx;
}

// Runs one command on a slot (its mutex held by the caller); resets the slot's context when
// the connection fails.
std::optional<RedisReply> runOn(redisContext* ctx, const std::vector<std::string>& args,
                                std::string& why, int* error)
{
    std::vector<const char*> argv;
    std::vector<size_t> lens;
    argv.reserve(args.size());
    lens.reserve(args.size());
    for (const auto& a : args) {
        argv.push_back(a.data());
        lens.push_back(a.size());
    }
    std::unique_ptr<redisReply, ReplyDeleter> r(static_cast<redisReply*>(
        redisCommandArgv(ctx, static_cast<int>(argv.size()), argv.data(), lens.data())));
    if (!r) {
        why = ctx->errstr;
        if (error)
            *error = ctx->err;
        return std::nullopt;
    }
    return convert(r.get());
}
} // namespace

bool ping(const std::string& url, std::chrono::milliseconds timeout)
{
    std::signal(SIGPIPE, SIG_IGN); // see Redis::Redis
    auto ep = parseRedisUrl(url);
    if (!ep)
        return false;
    std::string why;
    auto ctx = connectTo(*ep, timeout, why);
    if (!ctx)
        return false;
    auto reply = runOn(ctx.get(), {"PING"}, why);
    return reply && !reply->isError();
}

std::optional<RedisReply> Redis::command(const std::vector<std::string>& args)
{
    // A free connection if there is one; otherwise wait for the next in turn. (Waiting on a busy
    // connection while another sat idle cost a thread switch per command under load.)
    const auto start = m_next.fetch_add(1, std::memory_order_relaxed);
    Slot* picked = nullptr;
    std::unique_lock<std::mutex> lock;
    for (std::size_t i = 0; i < m_slots.size() && !picked; ++i) {
        auto& candidate = *m_slots[(start + i) % m_slots.size()];
        lock = std::unique_lock(candidate.mutex, std::try_to_lock);
        if (lock.owns_lock())
            picked = &candidate;
    }
    if (!picked) {
        picked = m_slots[start % m_slots.size()].get();
        lock = std::unique_lock(picked->mutex);
    }
    auto& slot = *picked;
    const auto now = std::chrono::steady_clock::now();
    std::string why;
    // A connection made before Redis went away (or before another slot found the server gone)
    // is dead: make a new one now rather than fail a request on it.
    if (slot.ctx && slot.epoch != m_epoch.load())
        slot.ctx.reset();
    if (!slot.ctx) {
        // While Redis is known down, do not make every request wait for a connect timeout: the
        // monitor finds out when it is back.
        if (!m_up.load() && now < slot.retryAfter)
            return std::nullopt;
        slot.epoch = m_epoch.load();
        slot.ctx = connectTo(m_endpoint, m_options.timeout, why);
        if (!slot.ctx) {
            slot.retryAfter = now + m_options.monitorInterval;
            setUp(false, why);
            return std::nullopt;
        }
    }
    int error = 0;
    auto reply = runOn(slot.ctx.get(), args, why, &error);
    // A master demoted in a Sentinel fail-over refuses writes: the new one is asked for.
    const bool demoted =
        reply && reply->isError() && reply->str.find("READONLY") != std::string::npos;
    if ((!reply && (error == REDIS_ERR_EOF || error == REDIS_ERR_IO)) || demoted) {
        // The server closed an idle pooled connection (it restarted): nothing was run there.
        // Every other pooled connection is as old; one new connection and one more try before
        // Redis counts as down.
        m_epoch.fetch_add(1);
        trouble();
        slot.epoch = m_epoch.load();
        slot.ctx = connectTo(m_endpoint, m_options.timeout, why);
        if (slot.ctx)
            reply = runOn(slot.ctx.get(), args, why);
    }
    if (!reply) {
        slot.ctx.reset();
        slot.retryAfter = now + m_options.monitorInterval;
        setUp(false, why);
    } else if (!m_up.load(std::memory_order_relaxed)) {
        setUp(true, {});
    }
    return reply;
}

void Redis::monitorLoop()
{
    for (;;) {
        std::string why;
        bool up = false;
        {
            auto& slot = *m_monitorSlot;
            if (!slot.ctx)
                slot.ctx = connectTo(m_endpoint, m_options.timeout, why);
            if (slot.ctx) {
                // Behind Sentinel the question is whether it is still the master (ROLE): after
                // a fail-over the old one may answer as a replica.
                const bool sentinel = !m_endpoint.sentinels.empty();
                const std::vector<std::string> probe{sentinel ? "ROLE" : "PING"};
                auto healthy = [&](const std::optional<RedisReply>& r) {
                    if (!r || r->isError())
                        return false;
                    return !sentinel || (r->type == RedisReply::Type::Array &&
                                         !r->elements.empty() && r->elements[0].str == "master");
                };
                int error = 0;
                auto reply = runOn(slot.ctx.get(), probe, why, &error);
                if ((!reply && (error == REDIS_ERR_EOF || error == REDIS_ERR_IO)) ||
                    (reply && !healthy(reply))) {
                    // Closed under us (a restarted server answers a new connection at once), or
                    // no longer the master (the sentinels name the new one).
                    m_epoch.fetch_add(1); // the pooled connections are as stale as this one
                    trouble();
                    slot.ctx = connectTo(m_endpoint, m_options.timeout, why);
                    reply = slot.ctx ? runOn(slot.ctx.get(), probe, why) : std::nullopt;
                }
                up = healthy(reply);
                if (!reply) {
                    slot.ctx.reset();
                } else if (reply->isError()) {
                    why = reply->str;
                }
            }
        }
        setUp(up, why);
        std::unique_lock lock(m_stopMutex);
        if (m_stopCv.wait_for(lock, m_options.monitorInterval, [this] { return m_stopping; }))
            return;
    }
}

} // namespace ticketing::cache
