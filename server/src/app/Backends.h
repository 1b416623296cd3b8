#pragma once

// The embedded services of ticketd's data directory, and the start-up that may be interrupted:
// the data directory's lock, the embedded PostgreSQL and Redis (or the configured servers), and
// their watcher that restarts an embedded server that died.

#include "app/Embedded.h"
#include "config/Config.h"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace ticketing::app {

// A signal that arrives during start-up stops it at the next checkpoint(), which throws this;
// start-up then shuts down what it started. Once the server runs, Asio handles the signals.
struct StartupInterrupted : std::runtime_error
{
    StartupInterrupted() : std::runtime_error("stopped by a signal during start-up") {}
};
void installStartupSignals();
void checkpoint();

// One ticketd owns the embedded servers of a data directory at a time.
class DataDirLock
{
public:
    explicit DataDirLock(const std::filesystem::path& dir);
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

private:
    int m_fd = -1;
};

// The database and Redis this process uses: the configured ones, or embedded ones it runs.
struct Backends
{
    std::optional<DataDirLock> lock;
    std::optional<EmbeddedPostgres> postgres;
    std::optional<EmbeddedRedis> redis;
    std::string databaseUrl;
    std::string redisUrl;

    // For one-off commands (`user add`, `migrate`): when a running ticketd owns the data
    // directory, use its embedded PostgreSQL instead of starting another.
    bool attachToRunning(const config::Config& c);
    void start(const config::Config& c, bool needRedis);
    // Reverse order of start.
    void stop();
    // An embedded server that dies while ticketd runs (killed by an operator or the OOM killer,
    // a crash) is started again, with a growing pause between failed attempts. Meanwhile the
    // service degrades as it does for external servers: Redis down is slower, PostgreSQL down
    // is 503 until it is back, and the pool and the Redis client reconnect by themselves.
    void watch();

private:
    void stopWatching();

    std::thread m_watcher;
    std::mutex m_watchMutex;
    std::condition_variable m_watchCv;
    bool m_watchStop = false;
};

} // namespace ticketing::app
