#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::config {

// Everything ticketd can be told, twelve-factor style: each key is an environment variable and
// a flag of the same meaning; flags win. All keys live in one table (Config.cpp) with their
// defaults and help text, so `ticketd --help`, the README and the parser cannot drift apart.
struct Config
{
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 8080;
    std::string dataDir = "./var";
    std::optional<std::string> databaseUrl; // unset: embedded PostgreSQL under dataDir
    std::optional<std::string> redisUrl;    // unset: embedded Redis under dataDir
    int holdTtlSeconds = 300;
    int holdBatch = 64;  // holds per transaction at most
    int holdBatches = 2; // hold transactions at once
    std::optional<std::string> tokenKeyFile;
    std::optional<std::string> paymentsUrl; // the card provider; unset: card payments refused
    std::string outboundCaFile;             // CA bundle of the calls out; empty: the system's
    std::string paymentsProvider = "paysim";
    std::string paymentsSecretKey;
    std::string paymentsPublishableKey;           // given to browsers with a card payment
    std::optional<std::string> paymentsPublicUrl; // the provider as browsers reach it
    std::string paymentsTerminal = "tmr_counter"; // the card reader of card_present payments
    std::string webhookSecret;
    // API.md "Notifications": the SMTP server (empty: .eml files under <dataDir>/mail), the
    // sender's address, and where links in mails start (empty: http://<listen address>).
    std::string smtpUrl;
    std::string mailFrom = "Ticketing <tickets@localhost>";
    std::string publicUrl;
    int mailRetrySeconds = 60; // the first retry's wait; then 5 and 30 times it
    int mailLeaseSeconds = 120;
    int waitlistOfferSeconds = 900; // how long a waitlist offer's hold lasts // a message taken to
                                    // send is sent again after this if unrecorded
    int paymentRecheckSeconds = 30;
    int platformFeeBasisPoints = 500; // TICKETING_PLATFORM_FEE_PERCENT, 5 % = 500
    int paymentsTimeoutSeconds = 10;  // one call to the card provider
    int ioThreads = 0;                // 0: one per core
    int dbPoolSize = 32;
    int dbQueueLimit = 512;
    int providerWorkers = 64; // threads of the routes that wait on a payment provider
    int readTimeoutSeconds = 30;
    int shutdownGraceSeconds = 20;
    int authRateLimit = 60;  // requests per minute per client address on /auth/*; 0: off
    int holdRateLimit = 120; // holds per minute per account; 0: off
    // Addresses and CIDR ranges of proxies whose X-Forwarded-For / Forwarded names the client
    // (checked by app/ with http::TrustedProxies); empty: none, the peer is the client.
    std::string trustedProxies;
    // Browser origins allowed to call (CORS): "", "*", or a list (checked by app/, http::Cors).
    std::string corsOrigins;
    std::string logLevel = "info";
};

struct ConfigKey
{
    const char* flag;     // "--listen"
    const char* env;      // "TICKETING_LISTEN"
    const char* fallback; // default as text; "" = unset
    const char* help;
};

const std::vector<ConfigKey>& configKeys();

struct ParseOutcome
{
    Config config;
    std::vector<std::string> positional; // sub-command words ("migrate", "user", "add", ...)
    std::vector<std::pair<std::string, std::string>> extraFlags; // flags of a sub-command
    bool help = false;
    bool version = false;
    std::string error; // non-empty: a sentence for the operator, exit 2
};

// Reads `env` (a getenv-like function, injectable for tests) and then argv. Flags are
// "--name value" or "--name=value". Flags not in the table are kept in extraFlags only when
// `allowExtra` is set (sub-commands have their own); otherwise they are an error.
ParseOutcome parse(int argc, const char* const* argv, const char* (*getenvFn)(const char*),
                   bool allowExtra = true);

std::string helpText();

} // namespace ticketing::config
