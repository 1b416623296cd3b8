#include "app/App.h"

#include "app/Backends.h"
#include "app/OutboundLane.h"
#include "app/PoolExecutor.h"
#include "cache/Redis.h"
#include "db/Migrations.h"
#include "db/Pool.h"
#include "db/Settings.h"
#include "db/WaitlistStore.h"
#include "handlers/LiveSyncHandler.h"
#include "handlers/Routes.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "http/Server.h"
#include "log/Log.h"
#include "outbound/HttpClient.h"
#include "payments/Provider.h"
#include "services/AuthService.h"
#include "services/CheckInFeed.h"
#include "services/CheckInService.h"
#include "services/CheckoutService.h"
#include "services/DeviceService.h"
#include "services/EventService.h"
#include "services/HealthService.h"
#include "services/HoldService.h"
#include "services/NotificationSender.h"
#include "services/NotificationService.h"
#include "services/PasswordHasher.h"
#include "services/Periodic.h"
#include "services/RateLimiter.h"
#include "services/SyncHub.h"
#include "services/SyncRelay.h"
#include "services/TokenService.h"
#include "services/VenueService.h"
#include "services/WaitlistService.h"

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

namespace {

void migrateDatabase(const std::string& databaseUrl)
{
    log::info("migrating the database");
    const auto report =
        db::migrate(db::withConnectTimeout(databaseUrl, 5), db::builtinMigrations());
    log::info("database schema is current",
              {{"version", report.current},
               {"applied_now", static_cast<std::int64_t>(report.applied.size())}});
}

http::ServerOptions serverOptions(const config::Config& c)
{
    http::ServerOptions so;
    so.host = c.listenHost;
    so.port = c.listenPort;
    so.threads = c.ioThreads;
    so.readTimeout = std::chrono::seconds(c.readTimeoutSeconds);
    so.shutdownGrace = std::chrono::seconds(c.shutdownGraceSeconds);
    so.trustedProxies = http::TrustedProxies::parse(c.trustedProxies).value();
    so.cors = http::Cors::parse(c.corsOrigins).value();
    return so;
}

std::unique_ptr<payments::PaymentProvider> cardProvider(const config::Config& c)
{
    if (c.paymentsUrl && c.webhookSecret.empty())
        log::warn("TICKETING_WEBHOOK_SECRET is not set: every webhook of the card provider "
                  "will be refused");
    return c.paymentsUrl
               ? payments::makeCardProvider(
                     std::make_shared<outbound::HttpClient>(outbound::Options{c.outboundCaFile}),
                     c.paymentsProvider, *c.paymentsUrl, c.paymentsSecretKey,
                     std::chrono::seconds(c.paymentsTimeoutSeconds), c.paymentsTerminal)
               : nullptr;
}

std::optional<services::CheckoutService::CardCheckout> cardCheckout(const config::Config& c)
{
    if (!c.paymentsUrl)
        return std::nullopt;
    auto url = c.paymentsPublicUrl.value_or(*c.paymentsUrl);
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return services::CheckoutService::CardCheckout{c.paymentsPublishableKey, url};
}

// A URL for the log, its password left out: smtp://user:***@host:587.
std::string redactedUrl(const std::string& url)
{
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme)
        return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// The mail sender's settings: the SMTP server, or .eml files under the data directory.
services::NotificationSender::Options mailOptions(const config::Config& c)
{
    services::NotificationSender::Options o;
    o.smtpUrl = c.smtpUrl;
    o.caFile = c.outboundCaFile;
    o.from = c.mailFrom;
    o.publicUrl = c.publicUrl.empty()
                      ? "http://" + c.listenHost + ":" + std::to_string(c.listenPort)
                      : c.publicUrl;
    o.mailDir = std::filesystem::path(c.dataDir) / "mail";
    const auto first = std::chrono::seconds(c.mailRetrySeconds);
    o.backoff = {first, first * 5, first * 30};
    o.lease = std::chrono::seconds(c.mailLeaseSeconds);
    return o;
}

// Everything a running ticketd is made of, built in start-up order (the order of the members)
// and taken apart in reverse when it goes out of scope.
class Suite
{
public:
    Suite(const config::Config& c, const Backends& backends)
        : m_config(c), m_url(backends.databaseUrl),
          m_pool(db::Pool::Options{db::withConnectTimeout(m_url, 5), c.dbPoolSize,
                                   static_cast<std::size_t>(c.dbQueueLimit), true}),
          m_redis({backends.redisUrl, 4, std::chrono::milliseconds(500),
                   std::chrono::milliseconds(1000)}),
          m_health(m_pool, m_redis),
          m_tokens(tokenKey(c, db::withConnectTimeout(m_url, 5)), m_clock),
          m_auth(m_tokens, m_hasher, m_clock),
          m_authLimiter(m_redis, c.authRateLimit, std::chrono::seconds(60)),
          m_holdLimiter(m_redis, c.holdRateLimit, std::chrono::seconds(60)), m_executor(m_pool),
          m_outbound(m_pool, {c.providerWorkers, static_cast<std::size_t>(c.dbQueueLimit)}),
          m_router(&m_executor, &m_outbound), m_venues(m_clock),
          m_events(m_clock, c.platformFeeBasisPoints),
          m_holds(m_redis, m_clock, std::chrono::seconds(c.holdTtlSeconds),
                  services::HoldBatcher::Options{c.holdBatch, c.holdBatches}),
          m_sweeper(db::withConnectTimeout(m_url, 3), m_clock, std::chrono::seconds(1)),
          m_cash(payments::makeCashProvider()), m_card(cardProvider(c)),
          m_checkout(m_holds, m_events, *m_cash, m_card.get(), c.webhookSecret, m_clock,
                     cardCheckout(c)),
          m_reconciler("the payment reconciler", db::withConnectTimeout(m_url, 3),
                       std::chrono::seconds(c.paymentRecheckSeconds),
                       [this](db::Session& session) {
                           m_checkout.reconcile(
                               session, std::chrono::seconds(m_config.paymentRecheckSeconds));
                       }),
          m_relay(db::withConnectTimeout(m_url, 3)),
          m_hub(m_pool, db::withConnectTimeout(m_url, 3), m_holds),
          m_checkinFeed(m_pool, db::withConnectTimeout(m_url, 3), m_checkin,
                        [this](const std::string& token)
                            -> domain::Result<services::Caller, domain::Problem> {
                            auto p = authenticate(token);
                            if (!p.ok())
                                return domain::fail(std::move(p).error());
                            return services::Caller{p->user, p->role, p->deviceOrganizer};
                        }),
          m_mailer(mailOptions(c), m_clock),
          m_mailJob(m_mailer, db::withConnectTimeout(m_url, 3), std::chrono::seconds(1)),
          m_liveSync(m_hub, m_checkinFeed, m_tokens),
          m_server(serverOptions(c), m_router, m_metrics)
    {
        wireRouter();
        addMetrics();
        m_server.setWebSocketHandler("/api/v1/ws", m_liveSync);
    }

    // Listens, then serves until SIGTERM or SIGINT, and finishes gracefully.
    void serve(Backends& backends)
    {
        waitForThePool();
        m_server.listen();
        checkpoint();
        backends.watch();
        if (m_config.smtpUrl.empty())
            log::info("mail is kept as .eml files (TICKETING_SMTP_URL is not set)",
                      {{"folder", (std::filesystem::path(m_config.dataDir) / "mail").string()}});
        else
            log::info("mail goes through the SMTP server",
                      {{"url", redactedUrl(m_config.smtpUrl)}});
        log::info("ticketd is serving",
                  {{"url", "http://" + m_config.listenHost + ":" + std::to_string(m_server.port())},
                   {"embedded_postgres", backends.postgres.has_value()},
                   {"embedded_redis", backends.redis.has_value()},
                   {"pid", getpid()}});
        m_server.run(); // until SIGTERM / SIGINT, then graceful
        log::info("http server stopped; closing the database pool");
        m_outbound.stop(); // its jobs borrow the pool's workers
        m_pool.stop();
    }

private:
    // Every worker connects before ticketd listens (and /readyz says ready only while they all
    // have a connection): a fresh instance under load answered 503 "timeout expired" while
    // its pool connected. A PostgreSQL without room for it is said plainly.
    void waitForThePool()
    {
        const int size = m_config.dbPoolSize;
        const int connected = m_pool.waitConnected(std::chrono::seconds(20));
        if (connected >= size) {
            log::info("the database pool is connected", {{"connections", connected}});
            return;
        }
        const auto error = m_pool.lastConnectError();
        if (error.find("too many clients") != std::string::npos ||
            error.find("remaining connection slots") != std::string::npos)
            log::error("PostgreSQL refuses more connections: its max_connections is too small "
                       "for this deployment. Each ticketd needs TICKETING_DB_POOL_SIZE + 6 "
                       "(relay, hub, gate channel, sweeper, reconciler, mail sender); "
                       "max_connections must be at least the "
                       "instances x (pool + 6) plus PostgreSQL's reserved ones "
                       "(docs/deployment.md)",
                       {{"connected", connected}, {"pool", size}, {"error", error}});
        else
            log::warn("the database pool is not fully connected yet; /readyz says so until it is",
                      {{"connected", connected}, {"pool", size}, {"error", error}});
    }

    // Who a bearer token is, on a pool worker (or borrowing one): the router's and the
    // checkin channel's.
    domain::Result<http::Principal, domain::Problem> authenticate(std::string_view token)
    {
        // A scanner's device token acts as role `gate` for its organizer's events;
        // looked up on every request, so a deleted device is refused at once.
        if (services::DeviceService::isDeviceToken(token)) {
            const auto device =
                db::withSession([&](db::Session&) { return m_devices.authenticate(token); });
            if (!device)
                return domain::fail(domain::Problem(
                    domain::ProblemCode::InvalidToken,
                    "this device is not enrolled (or was removed): enroll it again"));
            return http::Principal{domain::UserId{device->device.value}, domain::Role::Gate,
                                   device->device.value, device->organizer};
        }
        // On a pool worker, or borrowing one from the outbound lane.
        auto claims = db::withSession([&](db::Session&) { return m_auth.authenticate(token); });
        if (!claims.ok())
            return domain::fail(std::move(claims).error());
        return http::Principal{claims->user, claims->role, claims->session};
    }

    // The router's workers are the pool's; tokens and rate limits are the services'.
    void wireRouter()
    {
        m_router.setErrorTranslator(translateInfrastructureError);
        m_router.setAuthenticate([this](std::string_view token) { return authenticate(token); });
        auto quota = [](const services::RateLimiter::Quota& q) {
            return http::Quota{q.allowed, q.limit, q.remaining, q.reset};
        };
        m_router.setRateLimit([this, quota](std::string_view client) {
            return quota(m_authLimiter.check("auth", client));
        });
        m_router.setUserRateLimit([this, quota](std::string_view bucket, std::string_view user) {
            return quota(m_holdLimiter.check(bucket, user));
        });
        handlers::Services services{m_health,        m_auth,     m_venues,  m_events,
                                    m_holds,         m_checkout, m_devices, m_checkin,
                                    m_notifications, m_waitlist, m_metrics};
        handlers::registerRoutes(m_router, services);
    }

    void addMetrics()
    {
        m_metrics.addCollector([this] {
            const auto b = m_holds.batcherStats();
            return std::vector<http::Metrics::Sample>{
                {"ticketd_hold_batches_total", "Hold transactions (each places a batch of holds).",
                 "counter", double(b.batches)},
                {"ticketd_hold_batched_total", "Holds placed in them.", "counter", double(b.holds)},
                {"ticketd_hold_batches_failed_total", "Hold transactions that ended in an error.",
                 "counter", double(b.failed)},
            };
        });
        m_metrics.addCollector([this] {
            const auto s = m_outbound.stats();
            return std::vector<http::Metrics::Sample>{
                {"ticketd_provider_workers_busy",
                 "Requests waiting on the payment provider (on threads of their own).", "gauge",
                 double(s.busy)},
                {"ticketd_provider_queue_depth", "Such requests waiting for a thread.", "gauge",
                 double(s.queued)},
                {"ticketd_provider_rejected_total", "Such requests refused with 503.", "counter",
                 double(s.rejected)},
            };
        });
        m_metrics.addCollector([this] {
            const auto s = m_pool.stats();
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
                 m_redis.isUp() ? 1.0 : 0.0},
                {"ticketd_redis_transitions_total", "Times Redis went up or down.", "counter",
                 double(m_redis.transitions())},
            };
        });
        m_metrics.addCollector([this] {
            return std::vector<http::Metrics::Sample>{
                {"ticketd_sync_subscriptions", "Live seat-map subscriptions on this instance.",
                 "gauge", double(m_hub.subscriptions())},
                {"ticketd_checkin_subscriptions", "Live gate subscriptions on this instance.",
                 "gauge", double(m_checkinFeed.subscriptions())},
                {"ticketd_sync_relay_leader", "1 when this instance relays the live sync.", "gauge",
                 m_relay.leading() ? 1.0 : 0.0},
            };
        });
    }

    const config::Config& m_config;
    std::string m_url;
    http::Metrics m_metrics;
    db::Pool m_pool;
    cache::Redis m_redis;
    services::HealthService m_health;
    const domain::Clock& m_clock = domain::SystemClock::instance();
    services::TokenService m_tokens;
    const services::PasswordHasher m_hasher;
    services::AuthService m_auth;
    services::RateLimiter m_authLimiter;
    services::RateLimiter m_holdLimiter; // holds per user per minute (TICKETING_HOLD_RATE_LIMIT)
    PoolExecutor m_executor;
    OutboundLane m_outbound;
    http::Router m_router;
    services::VenueService m_venues;
    services::EventService m_events;
    services::HoldService m_holds;
    services::HoldSweeper m_sweeper;
    std::unique_ptr<payments::PaymentProvider> m_cash;
    std::unique_ptr<payments::PaymentProvider> m_card;
    services::CheckoutService m_checkout;
    services::DeviceService m_devices{m_clock};
    services::CheckInService m_checkin{m_clock};
    services::NotificationService m_notifications{m_clock};
    services::WaitlistService m_waitlist{m_clock};
    services::Periodic m_reconciler;
    services::SyncRelay m_relay;
    services::SyncHub m_hub;
    services::CheckInFeed m_checkinFeed;
    services::NotificationSender m_mailer;
    services::NotificationJob m_mailJob; // after the sender: stopped before it goes
    handlers::LiveSyncHandler m_liveSync;
    http::Server m_server;
};

} // namespace

int runServer(const config::Config& c)
{
    db::waitlist::setOfferDuration(std::chrono::seconds(c.waitlistOfferSeconds));
    applyLogLevel(c);
    if (auto cors = http::Cors::parse(c.corsOrigins); !cors) {
        log::error("ticketd cannot run", {{"error", "TICKETING_CORS_ORIGINS: " + cors.error()}});
        return 1;
    }
    if (auto proxies = http::TrustedProxies::parse(c.trustedProxies); !proxies) {
        log::error("ticketd cannot run",
                   {{"error", "TICKETING_TRUSTED_PROXIES: " + proxies.error()}});
        return 1;
    }
    installStartupSignals();
    std::signal(SIGPIPE, SIG_IGN);
    Backends backends;
    try {
        backends.start(c, true);
        migrateDatabase(backends.databaseUrl);
        checkpoint();
        Suite suite(c, backends);
        suite.serve(backends);
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
    installStartupSignals();
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
    installStartupSignals();
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
