#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ticketing::cache {

struct RedisReply
{
    enum class Type
    {
        Nil,
        Status,
        Error,
        Integer,
        String,
        Array
    };
    Type type = Type::Nil;
    long long integer = 0;
    std::string str; // Status, Error and String
    std::vector<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
};

// Where a Redis server is: redis://[:password@]host[:port][/db], unix:///path/to/socket, or
// redis-sentinel://[:password@]host:port[,host:port...]/master-name[/db]: the sentinels are asked
// for the master's address at every connect, so a fail-over is followed (hiredis has no
// Sentinel support: the few commands are ours, Redis's documented client protocol for it).
struct RedisEndpoint
{
    std::string host;
    int port = 6379;
    std::string socketPath; // set for unix://
    std::string password;
    int database = 0;
    std::vector<std::pair<std::string, int>> sentinels; // set for redis-sentinel://
    std::string masterName;
};
std::optional<RedisEndpoint> parseRedisUrl(const std::string& url);

// One PING on a fresh connection: true when Redis answers (start-up checks).
bool ping(const std::string& url,
          std::chrono::milliseconds timeout = std::chrono::milliseconds(500));

// A small set of synchronous hiredis connections with timeouts. Redis is the fast path and a
// cache, never the source of truth: when it is down, command() answers nullopt at once (no
// waiting on every call) and callers fall back to PostgreSQL. A monitor thread pings it, so
// isUp() is known even when no one is calling, and the connections are re-made when it returns.
// Thread-safe.
class Redis
{
public:
    struct Options
    {
        std::string url;
        int connections = 4;
        std::chrono::milliseconds timeout{500};
        std::chrono::milliseconds monitorInterval{1000};
    };

    explicit Redis(Options options); // throws std::invalid_argument for a bad URL
    ~Redis();
    Redis(const Redis&) = delete;
    Redis& operator=(const Redis&) = delete;

    // One command as argv (binary safe). nullopt: Redis unreachable. A Redis error reply (e.g.
    // a script error) is a reply of Type::Error, not nullopt.
    std::optional<RedisReply> command(const std::vector<std::string>& args);
    bool isUp() const { return m_up.load(); }
    std::uint64_t transitions() const { return m_transitions.load(); }
    // When Redis last failed a command, was found down, restarted or was no longer the master
    // (nullopt: never, in this process). What was written to it around then may be lost.
    std::optional<std::chrono::steady_clock::time_point> lastTrouble() const;
    const RedisEndpoint& endpoint() const { return m_endpoint; }

private:
    struct Slot;
    void setUp(bool up, const std::string& why);
    void monitorLoop();

    Options m_options;
    RedisEndpoint m_endpoint;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::unique_ptr<Slot> m_monitorSlot;
    std::atomic<std::size_t> m_next{0};
    // Bumped whenever a connection is found dead: pooled connections made before are remade
    // before their next use instead of failing it (a Redis restart closes them all).
    std::atomic<std::uint64_t> m_epoch{0};
    std::atomic<bool> m_up{false};
    std::atomic<std::uint64_t> m_transitions{0};
    std::atomic<std::int64_t> m_troubleAt{0}; // steady clock, ns; 0: never
    void trouble();
    std::mutex m_stopMutex;
    std::condition_variable m_stopCv;
    bool m_stopping = false;
    std::thread m_monitor;
};

} // namespace ticketing::cache
