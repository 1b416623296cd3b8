// paysim: the payment simulator (server/paysim/README.md). Thin entry point.
#include "http/Server.h"
#include "log/Log.h"
#include "paysim/PaySim.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
std::string setting(int argc, char** argv, const std::string& flag, const char* env,
                    const std::string& fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == flag)
            return argv[i + 1];
    if (const char* v = std::getenv(env))
        return v;
    return fallback;
}

const char* kHelp = R"(paysim: a Stripe-shaped card payment simulator for the ticketing suite

  --listen HOST:PORT        PAYSIM_LISTEN          default 127.0.0.1:8099 (port 0: any free one)
  --secret-key KEY          PAYSIM_SECRET_KEY      what callers send as a bearer token (required)
  --webhook-url URL         PAYSIM_WEBHOOK_URL     where signed events go (none when unset)
  --webhook-secret SECRET   PAYSIM_WEBHOOK_SECRET  signs them (Ticketing-Signature)
  --late-ms N               PAYSIM_LATE_MS         delay of the "succeeds late" card, default 3000
  --terminal-ms N           PAYSIM_TERMINAL_MS     the terminal's card read, default 1000

Test cards: 4242424242424242 succeeds, 4000000000000002 is declined, 4000000000009995 is
declined for insufficient funds, 4000000000000077 succeeds after the delay.
)";
} // namespace

int main(int argc, char** argv)
{
    using namespace ticketing;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--help") {
            std::fputs(kHelp, stdout);
            return 0;
        }
    paysim::Options o;
    o.secretKey = setting(argc, argv, "--secret-key", "PAYSIM_SECRET_KEY", "");
    o.webhookUrl = setting(argc, argv, "--webhook-url", "PAYSIM_WEBHOOK_URL", "");
    o.webhookSecret = setting(argc, argv, "--webhook-secret", "PAYSIM_WEBHOOK_SECRET", "");
    o.lateDelay = std::chrono::milliseconds(
        std::stoll(setting(argc, argv, "--late-ms", "PAYSIM_LATE_MS", "3000")));
    o.terminalDelay = std::chrono::milliseconds(
        std::stoll(setting(argc, argv, "--terminal-ms", "PAYSIM_TERMINAL_MS", "1000")));
    const auto listen = setting(argc, argv, "--listen", "PAYSIM_LISTEN", "127.0.0.1:8099");
    if (o.secretKey.empty() || (!o.webhookUrl.empty() && o.webhookSecret.empty())) {
        std::fputs("paysim: --secret-key is required, and --webhook-secret with --webhook-url (see "
                   "--help)\n",
                   stderr);
        return 2;
    }
    const auto colon = listen.rfind(':');
    http::ServerOptions options;
    options.host = listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
    options.threads = 2;
    paysim::Simulator simulator(o);
    http::Metrics metrics;
    http::Server server(options, simulator, metrics);
    try {
        server.listen();
    } catch (const std::exception& e) {
        log::error("paysim cannot listen", {{"error", e.what()}});
        return 1;
    }
    log::info("paysim is serving",
              {{"url", "http://" + options.host + ":" + std::to_string(server.port())}});
    server.run();
    log::info("paysim stopped");
    return 0;
}
