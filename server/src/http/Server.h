#pragma once

#include "http/ClientAddress.h"
#include "http/Cors.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "http/WebSocket.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace ticketing::http {

struct ServerOptions
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;                    // 0: any free port; see Server::port()
    int threads = 0;                              // 0: one per core
    std::chrono::milliseconds readTimeout{30000}; // a whole request, and idle keep-alive time
    std::chrono::milliseconds writeTimeout{30000};
    std::chrono::milliseconds shutdownGrace{20000};
    std::size_t headerLimit = 16 * 1024;
    bool handleSignals = true; // SIGTERM / SIGINT start a graceful shutdown
    // Whose X-Forwarded-For / Forwarded names the client (Request::remoteAddress).
    TrustedProxies trustedProxies;
    // Browser pages of other origins (TICKETING_CORS_ORIGINS).
    Cors cors;
};

// The HTTP/1.1 server (Boost.Beast), the only place besides the WebSocket sessions that
// includes Beast. Each connection is a session on its own strand; requests are read with a
// deadline and a per-route body limit (413 above it), answered through the RequestHandler, and
// kept alive. Shutdown is graceful: stop accepting, close idle connections, let requests in
// flight finish (answered with "Connection: close"), then return from run(); connections still
// busy after the grace period are cut.
class Server
{
public:
    Server(ServerOptions options, RequestHandler& handler, Metrics& metrics);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Upgrade requests to `path` become WebSocket sessions served by `handler` (set before run()).
    void setWebSocketHandler(std::string path, WebSocketHandler& handler);

    // Binds and listens; throws std::runtime_error with the address when it cannot.
    void listen();
    std::uint16_t port() const;
    // Serves on `threads` threads (the caller's among them) until shut down.
    void run();
    // Thread-safe, idempotent; run() returns once the connections are done.
    void shutdown();

    struct Impl; // opaque (http/ServerState.h); public so that the sessions can name it

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace ticketing::http
