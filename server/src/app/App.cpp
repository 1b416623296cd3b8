#include "app/App.h"

#include "app/Embedded.h"
#include "app/PoolExecutor.h"
#include "cache/Redis.h"
#include "db/Migrations.h"
#include "db/Pool.h"
#include "db/Settings.h"
#include "handlers/LiveSyncHandler.h"
#include "handlers/Routes.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "http/Server.h"
#include "log/Log.h"
#include "payments/Provider.h"
#include "services/AuthService.h"
#include "services/CheckoutService.h"
#include "services/EventService.h"
#include "services/HealthService.h"
#include "services/HoldService.h"
#include "services/PasswordHasher.h"
#include "services/Periodic.h"
#include "services/RateLimiter.h"
#include "services/SyncHub.h"
#include "services/TokenService.h"
#include "services/VenueService.h"

#include <condition_variable>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <sodium.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace ticketing::app {

namespace fs = std::filesystem;

namespace {

// A signal that arrives during start-up is remembered here; start-up stops at the next step
// and shuts down what it started. Once the server runs, Asio handles the signals.
volatile std::sig_atomic_t g_stopRequested = 0;
extern "C" void onEarlySignal(int)
{
    g_stopRequested = 1;
}

struct StartupInterrupted : std::runtime_error
{
    StartupInterrupted() : std::runtime_error("stopped by a signal during start-up") {}
};

void checkpoint()
{
    if (g_stopRequested)
        throw StartupInterrupted();
}

// One ticketd owns the embedded servers of a data directory at a time.
class DataDirLock
{
public:
    explicit DataDirLock(const fs::path& dir)
    {
        const auto file = dir / "ticketd.lock";
        m_fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0)
            throw std::runtime_error("cannot open " + file.string());
        if (flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            char buf[32] = {};
            const auto n = pread(m_fd, buf, sizeof buf - 1, 0);
            throw std::runtime_error("another ticketd (pid " +
                                     std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) +
                                     ") runs on the data directory " + dir.string());
        }
        const auto pid = std::to_string(getpid());
        if (ftruncate(m_fd, 0) != 0 || pwrite(m_fd, pid.data(), pid.size(), 0) < 0) {
            // the lock itself is what matters; the pid is for the message above
        }
    }
    ~DataDirLock() { close(m_fd); }

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
    bool attachToRunning(const config::Config& c)
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

    void start(const config::Config& c, bool needRedis)
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

    // Reverse order of start.
    void stop()
    {
        stopWatching();
        redis.reset();
        postgres.reset();
        lock.reset();
    }

    // An embedded server that dies while ticketd runs (killed by an operator or the OOM killer,
    // a crash) is started again, with a growing pause between failed attempts. Meanwhile the
    // service degrades as it does for external servers: Redis down is slower, PostgreSQL down
    // is 503 until it is back, and the pool and the Redis client reconnect by themselves.
    void watch()
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

private:
    template <class Server> static bool revive(std::optional<Server>& server, const char* name)
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

    void stopWatching()
    {
        {
            const std::lock_guard lock(m_watchMutex);
            m_watchStop = true;
        }
        m_watchCv.notify_all();
        if (m_watcher.joinable())
            m_watcher.join();
    }

    std::thread m_watcher;
    std::mutex m_watchMutex;
    std::condition_variable m_watchCv;
    bool m_watchStop = false;
};

// The key that signs access tokens: the configured file, or one made once and kept in the
// database, so that every instance on one database accepts the same tokens.
std::string tokenKey(const config::Config& c, const std::string& databaseUrl)
{
    if (c.tokenKeyFile) {
        std::ifstream in(*c.tokenKeyFile, std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot read the token key file " + *c.tokenKeyFile);
        std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (key.size() < services::TokenService::kMinKeyBytes)
            throw std::runtime_error(
                "the token key file " + *c.tokenKeyFile +
                " must hold at least 32 bytes (for example: head -c 64 /dev/urandom > FILE)");
        return key;
    }
    std::string candidate(64, '\0');
    randombytes_buf(candidate.data(), candidate.size());
    return db::sharedSetting(databaseUrl, "token_signing_key", candidate);
}

void applyLogLevel(const config::Config& c)
{
    log::Level level = log::Level::Info;
    log::parseLevel(c.logLevel, level);
    log::setLevel(level);
}

} // namespace

int runServer(const config::Config& c)
{
    applyLogLevel(c);
    std::signal(SIGINT, onEarlySignal);
    std::signal(SIGTERM, onEarlySignal);
    std::signal(SIGPIPE, SIG_IGN);

    Backends backends;
    try {
        http::Metrics metrics;
        http::ServerOptions so;
        so.host = c.listenHost;
        so.port = c.listenPort;
        so.threads = c.ioThreads;
        so.readTimeout = std::chrono::seconds(c.readTimeoutSeconds);
        so.shutdownGrace = std::chrono::seconds(c.shutdownGraceSeconds);

        std::optional<db::Pool> pool;
        std::optional<PoolExecutor> executor;
        std::unique_ptr<http::Router> routerPtr;
        backends.start(c, true);
        log::info("migrating the database");
        const auto report =
            db::migrate(db::withConnectTimeout(backends.databaseUrl, 5), db::builtinMigrations());
        log::info("database schema is current",
                  {{"version", report.current},
                   {"applied_now", static_cast<std::int64_t>(report.applied.size())}});
        checkpoint();

        pool.emplace(db::Pool::Options{db::withConnectTimeout(backends.databaseUrl, 3),
                                       c.dbPoolSize, static_cast<std::size_t>(c.dbQueueLimit)});
        cache::Redis redis({backends.redisUrl, 4, std::chrono::milliseconds(500),
                            std::chrono::milliseconds(1000)});
        services::HealthService health(*pool, redis);
        const auto& clock = domain::SystemClock::instance();
        services::TokenService tokens(tokenKey(c, db::withConnectTimeout(backends.databaseUrl, 5)),
                                      clock);
        const services::PasswordHasher hasher;
        services::AuthService auth(tokens, hasher, clock);
        services::RateLimiter authLimiter(redis, c.authRateLimit, std::chrono::seconds(60));

        executor.emplace(*pool);
        routerPtr = std::make_unique<http::Router>(&*executor);
        routerPtr->setErrorTranslator(translateInfrastructureError);
        routerPtr->setAuthenticate(
            [&auth](std::string_view token) -> domain::Result<http::Principal, domain::Problem> {
                auto claims = auth.authenticate(token);
                if (!claims.ok())
                    return domain::fail(std::move(claims).error());
                return http::Principal{claims->user, claims->role, claims->session};
            });
        routerPtr->setRateLimit(
            [&authLimiter](std::string_view client) { return authLimiter.take("auth", client); });
        services::VenueService venues(clock);
        services::EventService events(clock);
        services::HoldService holds(redis, clock, std::chrono::seconds(c.holdTtlSeconds),
                                    services::HoldBatcher::Options{c.holdBatch, c.holdBatches});
        services::HoldSweeper sweeper(db::withConnectTimeout(backends.databaseUrl, 3), clock,
                                      std::chrono::seconds(1));
        const auto cash = payments::makeCashProvider();
        const auto card = c.paymentsUrl
                              ? payments::makeCardProvider(c.paymentsProvider, *c.paymentsUrl,
                                                           c.paymentsSecretKey)
                              : nullptr;
        if (c.paymentsUrl && c.webhookSecret.empty())
            log::warn("TICKETING_WEBHOOK_SECRET is not set: every webhook of the card provider "
                      "will be refused");
        services::CheckoutService checkout(holds, events, *cash, card.get(), c.webhookSecret,
                                           clock);
        const auto recheck = std::chrono::seconds(c.paymentRecheckSeconds);
        services::Periodic reconciler(
            "the payment reconciler", db::withConnectTimeout(backends.databaseUrl, 3), recheck,
            [&checkout, recheck](db::Session& session) { checkout.reconcile(session, recheck); });
        handlers::Services services{health, auth, venues, events, holds, checkout, metrics};
        handlers::registerRoutes(*routerPtr, services);
        metrics.addCollector([&holds] {
            const auto b = holds.batcherStats();
            return std::vector<http::Metrics::Sample>{
                {"ticketd_hold_batches_total", "Hold transactions (each places a batch of holds).",
                 "counter", double(b.batches)},
                {"ticketd_hold_batched_total", "Holds placed in them.", "counter", double(b.holds)},
                {"ticketd_hold_batches_failed_total", "Hold transactions that ended in an error.",
                 "counter", double(b.failed)},
            };
        });
        metrics.addCollector([&pool, &redis] {
            const auto s = pool->stats();
            return std::vector<http::Metrics::Sample>{
                {"ticketd_db_pool_size", "Database workers (one connection each).", "gauge",
                 double(s.size)},
                {"ticketd_db_pool_busy", "Database workers running a task.", "gauge",
                 double(s.busy)},
                {"ticketd_db_pool_connections", "Database workers with an open connection.",
                 "gauge", double(s.connected)},
                {"ticketd_db_pool_queue_depth", "Tasks waiting for a database worker.", "gauge",
                 double(s.queued)},
                {"ticketd_db_pool_queue_limit", "Tasks that may wait before requests get 503.",
                 "gauge", double(s.queueLimit)},
                {"ticketd_db_pool_rejected_total", "Tasks refused because the queue was full.",
                 "counter", double(s.rejected)},
                {"ticketd_db_pool_completed_total", "Tasks run by the database workers.", "counter",
                 double(s.completed)},
                {"ticketd_redis_up",
                 "1 when Redis answers, 0 when ticketd runs on PostgreSQL alone.", "gauge",
                 redis.isUp() ? 1.0 : 0.0},
                {"ticketd_redis_transitions_total", "Times Redis went up or down.", "counter",
                 double(redis.transitions())},
            };
        });

        services::SyncRelay relay(db::withConnectTimeout(backends.databaseUrl, 3));
        services::SyncHub hub(*pool, db::withConnectTimeout(backends.databaseUrl, 3), holds);
        handlers::LiveSyncHandler liveSync(hub, tokens);
        metrics.addCollector([&hub, &relay] {
            return std::vector<http::Metrics::Sample>{
                {"ticketd_sync_subscriptions", "Live seat-map subscriptions on this instance.",
                 "gauge", double(hub.subscriptions())},
                {"ticketd_sync_relay_leader", "1 when this instance relays the live sync.", "gauge",
                 relay.leading() ? 1.0 : 0.0},
            };
        });
        http::Server server(so, *routerPtr, metrics);
        server.setWebSocketHandler("/api/v1/ws", liveSync);
        server.listen();
        checkpoint();
        backends.watch();
        log::info("ticketd is serving",
                  {{"url", "http://" + c.listenHost + ":" + std::to_string(server.port())},
                   {"embedded_postgres", backends.postgres.has_value()},
                   {"embedded_redis", backends.redis.has_value()},
                   {"pid", getpid()}});
        server.run(); // until SIGTERM / SIGINT, then graceful
        log::info("http server stopped; closing the database pool");
        pool->stop();
    } catch (const StartupInterrupted& e) {
        log::info(e.what());
        backends.stop();
        return 0;
    } catch (const std::exception& e) {
        log::error("ticketd cannot run", {{"error", e.what()}});
        backends.stop();
        return 1;
    }
    backends.stop();
    log::info("ticketd stopped");
    return 0;
}

int runMigrate(const config::Config& c)
{
    applyLogLevel(c);
    std::signal(SIGINT, onEarlySignal);
    std::signal(SIGTERM, onEarlySignal);
    Backends backends;
    try {
        if (!backends.attachToRunning(c))
            backends.start(c, false);
        const auto report =
            db::migrate(db::withConnectTimeout(backends.databaseUrl, 5), db::builtinMigrations());
        log::info("database schema is current",
                  {{"version", report.current},
                   {"applied_now", static_cast<std::int64_t>(report.applied.size())}});
    } catch (const std::exception& e) {
        log::error("migration failed", {{"error", e.what()}});
        backends.stop();
        return 1;
    }
    backends.stop();
    return 0;
}

int runUserAdd(const config::Config& c,
               const std::vector<std::pair<std::string, std::string>>& flags)
{
    applyLogLevel(c);
    if (c.logLevel == "info")
        log::setLevel(log::Level::Warn); // a command: say only what matters
    std::map<std::string, std::string> f(flags.begin(), flags.end());
    for (const auto& [name, value] : flags)
        if (name != "--email" && name != "--password" && name != "--role" &&
            name != "--first-name" && name != "--last-name") {
            std::cerr << "ticketd user add: unknown option " << name << "\n";
            return 2;
        }
    if (!f.count("--email") || !f.count("--password") || !f.count("--role")) {
        std::cerr << "ticketd user add: --email, --password and --role are required\n";
        return 2;
    }
    const auto role = domain::parseRole(f["--role"]);
    if (!role) {
        std::cerr
            << "ticketd user add: --role must be attendee, organizer, box_office, gate or admin\n";
        return 2;
    }
    std::string password = f["--password"];
    if (password == "-" && !std::getline(std::cin, password)) {
        std::cerr << "ticketd user add: no password on standard input\n";
        return 2;
    }
    std::signal(SIGINT, onEarlySignal);
    std::signal(SIGTERM, onEarlySignal);
    Backends backends;
    int code = 0;
    try {
        if (!backends.attachToRunning(c))
            backends.start(c, false);
        const auto url = db::withConnectTimeout(backends.databaseUrl, 5);
        db::migrate(url, db::builtinMigrations());
        db::Session session(url);
        const db::SessionScope scope(session);
        // registerUser does not sign tokens; the service needs a key all the same.
        std::string throwaway(32, '\0');
        randombytes_buf(throwaway.data(), throwaway.size());
        services::TokenService tokens(throwaway, domain::SystemClock::instance());
        const services::PasswordHasher hasher;
        services::AuthService auth(tokens, hasher, domain::SystemClock::instance());
        services::RegisterInput in{f["--email"],
                                   password,
                                   f.count("--first-name") ? f["--first-name"] : f["--role"],
                                   f.count("--last-name") ? f["--last-name"] : std::string("User"),
                                   std::nullopt,
                                   std::nullopt};
        auto user = auth.registerUser(in, *role);
        if (user.ok()) {
            std::cout << user->id.toString() << "\n";
        } else {
            std::cerr << "ticketd user add: " << user.error().detail() << "\n";
            for (const auto& e : user.error().errors())
                std::cerr << "  " << e.field << ": " << e.message << "\n";
            code = user.error().code() == "email_taken" ? 3 : 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "ticketd user add: " << e.what() << "\n";
        code = 1;
    }
    backends.stop();
    return code;
}

} // namespace ticketing::app
