#include "config/Config.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

namespace ticketing::config {

namespace {

using Apply = std::function<std::string(Config&, const std::string&)>; // "" or an error

std::string parseInt(const std::string& text, int min, int max, int& out)
{
    int v = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end)
        return "\"" + text + "\" is not a whole number";
    if (v < min || v > max)
        return "must be between " + std::to_string(min) + " and " + std::to_string(max);
    out = v;
    return {};
}

std::string parseListen(const std::string& text, Config& c)
{
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') { // [::1]:8080
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return "\"" + text + "\" is not host:port";
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos)
            return "\"" + text + "\" is not host:port";
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (host.empty())
        return "\"" + text + "\" has no host (use 0.0.0.0 for every address)";
    int p = 0;
    if (auto err = parseInt(port, 0, 65535, p); !err.empty())
        return "port " + err;
    c.listenHost = host;
    c.listenPort = static_cast<std::uint16_t>(p);
    return {};
}

struct Entry
{
    ConfigKey key;
    Apply apply;
};

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> table = {
        {{"--listen", "TICKETING_LISTEN", "127.0.0.1:8080",
          "address and port to serve (port 0: any free port)"},
         [](Config& c, const std::string& v) { return parseListen(v, c); }},
        {{"--data-dir", "TICKETING_DATA_DIR", "./var",
          "data directory: embedded PostgreSQL and Redis, keys"},
         [](Config& c, const std::string& v) {
             if (v.empty())
                 return std::string("must not be empty");
             c.dataDir = v;
             return std::string();
         }},
        {{"--database-url", "TICKETING_DATABASE_URL", "",
          "a PostgreSQL server to use instead of the embedded one"},
         [](Config& c, const std::string& v) {
             c.databaseUrl = v.empty() ? std::nullopt : std::optional(v);
             return std::string();
         }},
        {{"--redis-url", "TICKETING_REDIS_URL", "",
          "a Redis server to use instead of the embedded one (redis://host:port/db or "
          "unix:///path)"},
         [](Config& c, const std::string& v) {
             c.redisUrl = v.empty() ? std::nullopt : std::optional(v);
             return std::string();
         }},
        {{"--hold-ttl-seconds", "TICKETING_HOLD_TTL_SECONDS", "300", "how long a hold lasts"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 86400, c.holdTtlSeconds); }},
        {{"--hold-batch", "TICKETING_HOLD_BATCH", "64",
          "holds that arriving together may share one transaction (1: each its own)"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 1000, c.holdBatch); }},
        {{"--hold-batches", "TICKETING_HOLD_BATCHES", "2", "hold transactions running at once"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 64, c.holdBatches); }},
        {{"--token-key-file", "TICKETING_TOKEN_KEY_FILE", "",
          "the key that signs access tokens (unset: made once and kept in the database)"},
         [](Config& c, const std::string& v) {
             c.tokenKeyFile = v.empty() ? std::nullopt : std::optional(v);
             return std::string();
         }},
        {{"--payments-url", "TICKETING_PAYMENTS_URL", "",
          "base URL of the Stripe-shaped card provider (unset: no card payments)"},
         [](Config& c, const std::string& v) {
             if (!v.empty() && v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
                 return std::string("must be an http:// or https:// URL");
             c.paymentsUrl = v.empty() ? std::nullopt : std::optional(v);
             return std::string();
         }},
        {{"--outbound-ca-file", "TICKETING_OUTBOUND_CA_FILE", "",
          "PEM certificates that calls out (the card provider) trust instead of the system's"},
         [](Config& c, const std::string& v) {
             if (!v.empty() && !std::ifstream(v).good())
                 return std::string("cannot be read");
             c.outboundCaFile = v;
             return std::string();
         }},
        {{"--payments-provider", "TICKETING_PAYMENTS_PROVIDER", "paysim",
          "the card provider's name (its webhooks come to /api/v1/webhooks/<name>)"},
         [](Config& c, const std::string& v) {
             if (v.empty() || v == "cash" ||
                 v.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
                 return std::string("must be a lowercase name other than cash");
             c.paymentsProvider = v;
             return std::string();
         }},
        {{"--payments-secret-key", "TICKETING_PAYMENTS_SECRET_KEY", "",
          "the card provider's secret API key"},
         [](Config& c, const std::string& v) {
             c.paymentsSecretKey = v;
             return std::string();
         }},
        {{"--payments-publishable-key", "TICKETING_PAYMENTS_PUBLISHABLE_KEY", "",
          "the card provider's publishable key, given to browsers with a card payment"},
         [](Config& c, const std::string& v) {
             c.paymentsPublishableKey = v;
             return std::string();
         }},
        {{"--payments-public-url", "TICKETING_PAYMENTS_PUBLIC_URL", "",
          "the card provider's base URL as browsers reach it (unset: TICKETING_PAYMENTS_URL)"},
         [](Config& c, const std::string& v) {
             c.paymentsPublicUrl = v.empty() ? std::nullopt : std::optional(v);
             return std::string();
         }},
        {{"--smtp-url", "TICKETING_SMTP_URL", "",
          "the SMTP server mail goes through (smtp://user:pass@host:587, STARTTLS when offered; "
          "smtps://); unset: .eml files under <data-dir>/mail"},
         [](Config& c, const std::string& v) {
             if (!v.empty() && v.rfind("smtp://", 0) != 0 && v.rfind("smtps://", 0) != 0)
                 return std::string("must start with smtp:// or smtps://");
             c.smtpUrl = v;
             return std::string();
         }},
        {{"--mail-from", "TICKETING_MAIL_FROM", "Ticketing <tickets@localhost>",
          "the From of ticketd's mail"},
         [](Config& c, const std::string& v) {
             if (v.find_first_of("\r\n") != std::string::npos || v.find('@') == std::string::npos)
                 return std::string("must be an address (Name <address@host>)");
             c.mailFrom = v;
             return std::string();
         }},
        {{"--public-url", "TICKETING_PUBLIC_URL", "",
          "where the links in mails start (https://tickets.example); unset: http://<listen>"},
         [](Config& c, const std::string& v) {
             if (!v.empty() && v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
                 return std::string("must start with http:// or https://");
             c.publicUrl = v;
             return std::string();
         }},
        {{"--mail-retry-seconds", "TICKETING_MAIL_RETRY_SECONDS", "60",
          "how long a message that could not be sent waits first (then 5 and 30 times as long)"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 86400, c.mailRetrySeconds); }},
        {{"--mail-lease-seconds", "TICKETING_MAIL_LEASE_SECONDS", "120",
          "how long a message taken to be sent is the sender's: one whose delivery was not "
          "recorded by then (the sender stopped) is sent again"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 3600, c.mailLeaseSeconds); }},
        {{"--waitlist-offer-seconds", "TICKETING_WAITLIST_OFFER_SECONDS", "900",
          "how long units offered to a waitlist entry are held for it"},
         [](Config& c, const std::string& v) {
             return parseInt(v, 1, 7 * 86400, c.waitlistOfferSeconds);
         }},
        {{"--payments-terminal", "TICKETING_PAYMENTS_TERMINAL", "tmr_counter",
          "the card provider's reader that takes card_present payments at the counter"},
         [](Config& c, const std::string& v) {
             if (v.empty())
                 return std::string("must name a reader");
             c.paymentsTerminal = v;
             return std::string();
         }},
        {{"--webhook-secret", "TICKETING_WEBHOOK_SECRET", "",
          "the secret the card provider signs its webhooks with"},
         [](Config& c, const std::string& v) {
             c.webhookSecret = v;
             return std::string();
         }},
        {{"--payments-timeout-seconds", "TICKETING_PAYMENTS_TIMEOUT_SECONDS", "10",
          "how long one call to the card provider may take before it counts as failed"},
         [](Config& c, const std::string& v) {
             return parseInt(v, 1, 120, c.paymentsTimeoutSeconds);
         }},
        {{"--payment-recheck-seconds", "TICKETING_PAYMENT_RECHECK_SECONDS", "30",
          "card payments pending this long are asked of the provider (a lost webhook)"},
         [](Config& c, const std::string& v) {
             return parseInt(v, 1, 86400, c.paymentRecheckSeconds);
         }},
        {{"--platform-fee-percent", "TICKETING_PLATFORM_FEE_PERCENT", "5",
          "the platform's fee in a settlement, percent of net sales (at most two decimals)"},
         [](Config& c, const std::string& v) {
             // "5", "2.5", "0.25": basis points (config stands on nothing, not even domain's
             // Money, so the two decimals are read here).
             const auto dot = v.find('.');
             const std::string whole = v.substr(0, dot);
             std::string cents = dot == std::string::npos ? "" : v.substr(dot + 1);
             const auto digits = [](const std::string& t) {
                 return t.find_first_not_of("0123456789") == std::string::npos;
             };
             if (whole.empty() || whole.size() > 3 || cents.size() > 2 || !digits(whole) ||
                 !digits(cents))
                 return std::string("must be a percentage from 0 to 100, e.g. 5 or 2.5");
             cents.resize(2, '0');
             const int bp = std::stoi(whole) * 100 + std::stoi(cents);
             if (bp > 10000)
                 return std::string("must be a percentage from 0 to 100, e.g. 5 or 2.5");
             c.platformFeeBasisPoints = bp;
             return std::string();
         }},
        {{"--io-threads", "TICKETING_IO_THREADS", "0",
          "threads serving HTTP and WebSocket I/O (0: one per core)"},
         [](Config& c, const std::string& v) { return parseInt(v, 0, 256, c.ioThreads); }},
        {{"--db-pool-size", "TICKETING_DB_POOL_SIZE", "32",
          "database workers, one connection each (holds waiting for their batch each keep one)"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 512, c.dbPoolSize); }},
        {{"--db-queue-limit", "TICKETING_DB_QUEUE_LIMIT", "512",
          "requests that may wait for a database worker; more get 503"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 1000000, c.dbQueueLimit); }},
        {{"--provider-workers", "TICKETING_PROVIDER_WORKERS", "64",
          "threads for requests that wait on the payment provider (they hold no database worker "
          "while they wait)"},
         [](Config& c, const std::string& v) { return parseInt(v, 1, 1024, c.providerWorkers); }},
        {{"--trusted-proxies", "TICKETING_TRUSTED_PROXIES", "",
          "proxies (addresses, CIDR ranges; comma-separated) whose X-Forwarded-For or Forwarded "
          "names the client, for rate limits and logs; no one else's is read"},
         [](Config& c, const std::string& v) {
             c.trustedProxies = v;
             return std::string();
         }},
        {{"--cors-origins", "TICKETING_CORS_ORIGINS", "",
          "browser origins allowed to call ticketd (https://shop.example.org; comma-separated), "
          "or * for any without credentials; empty: none"},
         [](Config& c, const std::string& v) {
             c.corsOrigins = v;
             return std::string();
         }},
        {{"--read-timeout-seconds", "TICKETING_READ_TIMEOUT_SECONDS", "30",
          "time a client has to send a whole request (and idle keep-alive time)"},
         [](Config& c, const std::string& v) {
             return parseInt(v, 1, 3600, c.readTimeoutSeconds);
         }},
        {{"--shutdown-grace-seconds", "TICKETING_SHUTDOWN_GRACE_SECONDS", "20",
          "on SIGTERM, time in-flight requests get to finish"},
         [](Config& c, const std::string& v) {
             return parseInt(v, 0, 3600, c.shutdownGraceSeconds);
         }},
        {{"--auth-rate-limit", "TICKETING_AUTH_RATE_LIMIT", "60",
          "requests per minute one client address may make to /api/v1/auth/* (0: no limit)"},
         [](Config& c, const std::string& v) { return parseInt(v, 0, 1000000, c.authRateLimit); }},
        {{"--hold-rate-limit", "TICKETING_HOLD_RATE_LIMIT", "120",
          "holds per minute one account may ask for (0: no limit); past it 429 with Retry-After"},
         [](Config& c, const std::string& v) { return parseInt(v, 0, 1000000, c.holdRateLimit); }},
        {{"--log-level", "TICKETING_LOG_LEVEL", "info", "debug, info, warn or error"},
         [](Config& c, const std::string& v) {
             if (v != "debug" && v != "info" && v != "warn" && v != "error")
                 return std::string("must be debug, info, warn or error");
             c.logLevel = v;
             return std::string();
         }},
    };
    return table;
}

} // namespace

const std::vector<ConfigKey>& configKeys()
{
    static const std::vector<ConfigKey> keys = [] {
        std::vector<ConfigKey> k;
        for (const auto& e : entries())
            k.push_back(e.key);
        return k;
    }();
    return keys;
}

ParseOutcome parse(int argc, const char* const* argv, const char* (*getenvFn)(const char*),
                   bool allowExtra)
{
    ParseOutcome out;
    for (const auto& e : entries()) {
        const char* v = getenvFn ? getenvFn(e.key.env) : nullptr;
        if (!v)
            continue;
        if (auto err = e.apply(out.config, v); !err.empty()) {
            out.error = std::string(e.key.env) + ": " + err;
            return out;
        }
    }
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            out.help = true;
            continue;
        }
        if (arg == "--version") {
            out.version = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0) {
            out.positional.push_back(arg);
            continue;
        }
        std::string name = arg;
        std::optional<std::string> value;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
        }
        const Entry* entry = nullptr;
        for (const auto& e : entries())
            if (name == e.key.flag)
                entry = &e;
        if (!value) {
            if (i + 1 >= argc) {
                out.error = name + " needs a value";
                return out;
            }
            value = argv[++i];
        }
        if (!entry) {
            if (!allowExtra) {
                out.error = "unknown option " + name + " (see --help)";
                return out;
            }
            out.extraFlags.emplace_back(name, *value);
            continue;
        }
        if (auto err = entry->apply(out.config, *value); !err.empty()) {
            out.error = name + ": " + err;
            return out;
        }
    }
    return out;
}

std::string helpText()
{
    std::ostringstream s;
    s << "ticketd: the ticketing suite's server (REST API, live seat sync, inventory)\n\n"
         "Usage:\n"
         "  ticketd [options]            serve (the default)\n"
         "  ticketd migrate [options]    apply database migrations and exit\n"
         "  ticketd user add --email E --password P --role R [--first-name F --last-name L]\n"
         "                               create an account (password \"-\": read from stdin);\n"
         "                               works whether or not ticketd runs on the data "
         "directory\n\n"
         "Every option is also an environment variable; flags win over the environment.\n\n";
    for (const auto& k : configKeys()) {
        s << "  " << k.flag << " VALUE\n      " << k.env << "\n      " << k.help;
        if (*k.fallback)
            s << " (default: " << k.fallback << ")";
        else
            s << " (default: unset)";
        s << "\n";
    }
    s << "\nWith no database or Redis URL, ticketd runs its own PostgreSQL and Redis under the "
         "data\n"
         "directory (Debian's postgresql and redis-server packages) and stops them when it "
         "stops.\n";
    return s.str();
}

} // namespace ticketing::config
