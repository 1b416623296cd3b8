#include "app/Backends.h"

#include "log/Log.h"

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace ticketing::app {

namespace fs = std::filesystem;

namespace {
volatile std::sig_atomic_t g_stopRequested = 0;
extern "C" void onEarlySignal(int)
{
    g_stopRequested = 1;
}

template <class Server> bool revive(std::optional<Server>& server, const char* name)
{
    if (!server || server->running())
        return true;
    log::error(std::string("the embedded ") + name + " stopped unexpectedly; starting it again",
               {{"status", describeStatus(server->exitStatus())}, {"log", server->logFile()}});
    try {
        server->start();
        log::info(std::string("the embedded ") + name + " is back", {{"pid", server->pid()}});
        return true;
    } catch (const std::exception& e) {
        log::error(std::string("cannot restart the embedded ") + name, {{"error", e.what()}});
        return false;
    }
}
} // namespace

void installStartupSignals()
{
    std::signal(SIGINT, onEarlySignal);
    std::signal(SIGTERM, onEarlySignal);
}

void checkpoint()
{
    if (g_stopRequested)
        throw StartupInterrupted();
}

DataDirLock::DataDirLock(const fs::path& dir)
{
    const auto file = dir / "ticketd.lock";
    m_fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw std::runtime_error("cannot open " + file.string());
    if (flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {};
        const auto n = pread(m_fd, buf, sizeof buf - 1, 0);
        close(m_fd);
        throw std::runtime_error("another ticketd (pid " +
                                 std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) +
                                 ") runs on the data directory " + dir.string());
    }
    const auto pid = std::to_string(getpid());
    if (ftruncate(m_fd, 0) != 0 || pwrite(m_fd, pid.data(), pid.size(), 0) < 0) {
        // the lock itself is what matters; the pid is for the message above
    }
}

DataDirLock::~DataDirLock()
{
    close(m_fd);
}

bool Backends::attachToRunning(const config::Config& c)
{
    if (c.databaseUrl)
        return false;
    fs::create_directories(c.dataDir);
    try {
        lock.emplace(c.dataDir);
        return false; // nobody runs here: start our own
    } catch (const std::runtime_error&) {
        databaseUrl = EmbeddedPostgres(c.dataDir).url("ticketing");
        return true;
    }
}

void Backends::start(const config::Config& c, bool needRedis)
{
    const bool embedded = !c.databaseUrl || (needRedis && !c.redisUrl);
    if (embedded && !lock) {
        fs::create_directories(c.dataDir);
        lock.emplace(c.dataDir);
    }
    if (c.databaseUrl) {
        databaseUrl = *c.databaseUrl;
    } else {
        postgres.emplace(c.dataDir);
        databaseUrl = postgres->start();
    }
    checkpoint();
    if (!needRedis)
        return;
    if (c.redisUrl) {
        redisUrl = *c.redisUrl;
    } else {
        redis.emplace(c.dataDir);
        redisUrl = redis->start();
    }
    checkpoint();
}

void Backends::stop()
{
    stopWatching();
    redis.reset();
    postgres.reset();
    lock.reset();
}

void Backends::watch()
{
    if (!postgres && !redis)
        return;
    m_watcher = std::thread([this] {
        auto nextTry = std::chrono::steady_clock::now();
        auto backoff = std::chrono::seconds(1);
        std::unique_lock lock(m_watchMutex);
        while (!m_watchStop) {
            m_watchCv.wait_for(lock, std::chrono::milliseconds(250));
            if (m_watchStop || std::chrono::steady_clock::now() < nextTry)
                continue;
            const bool ok = revive(postgres, "PostgreSQL") && revive(redis, "Redis");
            if (ok) {
                backoff = std::chrono::seconds(1);
            } else {
                nextTry = std::chrono::steady_clock::now() + backoff;
                backoff = std::min<std::chrono::seconds>(backoff * 2, std::chrono::seconds(30));
            }
        }
    });
}

void Backends::stopWatching()
{
    {
        const std::lock_guard lock(m_watchMutex);
        m_watchStop = true;
    }
    m_watchCv.notify_all();
    if (m_watcher.joinable())
        m_watcher.join();
}

} // namespace ticketing::app
