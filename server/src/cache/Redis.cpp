#include "cache/Redis.h"

#include "log/Log.h"

#include <boost/url/parse.hpp>
#include <csignal>
#include <hiredis/hiredis.h>
#include <stdexcept>

namespace ticketing::cache {

std::optional<RedisEndpoint> parseRedisUrl(const std::string& url)
{
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

void Redis::setUp(bool up, const std::string& why)
{
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
// Connects and authenticates; null with `why` set on failure.
ContextPtr connectTo(const RedisEndpoint& ep, std::chrono::milliseconds timeout, std::string& why)
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
                                std::string& why, int* error = nullptr)
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
    if (!reply && (error == REDIS_ERR_EOF || error == REDIS_ERR_IO)) {
        // The server closed an idle pooled connection (it restarted): nothing was run there.
        // Every other pooled connection is as old; one new connection and one more try before
        // Redis counts as down.
        m_epoch.fetch_add(1);
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
                int error = 0;
                auto reply = runOn(slot.ctx.get(), {"PING"}, why, &error);
                if (!reply && (error == REDIS_ERR_EOF || error == REDIS_ERR_IO)) {
                    // Closed under us: a restarted server answers a new connection at once.
                    m_epoch.fetch_add(1); // the pooled connections are as dead as this one
                    slot.ctx = connectTo(m_endpoint, m_options.timeout, why);
                    if (slot.ctx)
                        reply = runOn(slot.ctx.get(), {"PING"}, why);
                }
                up = reply && !reply->isError();
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
