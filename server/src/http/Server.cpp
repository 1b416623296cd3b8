// The listener: accepts connections and hands each to an HTTP session (http/HttpSession.cpp),
// keeps the list of live sessions, and shuts down gracefully (no new connections, requests in
// flight finished, then the rest cut when the grace period ends).
#include "http/ServerState.h"
#include "log/Log.h"

#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>
#include <thread>

namespace ticketing::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

void Server::Impl::accept()
{
    acceptor.async_accept(asio::make_strand(io),
                          [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                              if (ec == asio::error::operation_aborted)
                                  return; // closed for shutdown
                              if (ec) {
                                  // Out of file descriptors, for instance: say so, and try again
                                  // shortly rather than spinning.
                                  log::warn("accept failed", {{"error", ec.message()}});
                                  self->acceptRetry.expires_after(std::chrono::milliseconds(100));
                                  self->acceptRetry.async_wait([self](beast::error_code e) {
                                      if (!e)
                                          self->accept();
                                  });
                                  return;
                              }
                              socket.set_option(tcp::no_delay(true), ec);
                              self->serve(std::move(socket));
                              self->accept();
                          });
}

void Server::Impl::serve(tcp::socket socket)
{
    // The session's last reference may be this one (a client that came and went at once, served
    // on another thread meanwhile): it must go after the lock is released, because the session's
    // destructor takes the lock (sessionEnded).
    std::shared_ptr<ws::Closable> session;
    const std::lock_guard lock(mutex);
    if (stopping)
        return;
    sessions.emplace_front();
    session = startHttpSession(std::move(socket), shared_from_this(), sessions.begin());
    sessions.front() = session;
}

void Server::Impl::sessionEnded(std::list<std::weak_ptr<ws::Closable>>::iterator it)
{
    const std::lock_guard lock(mutex);
    sessions.erase(it);
    finishIfIdle();
}

void Server::Impl::finishIfIdle()
{
    if (stopping && sessions.empty() && !finishing) {
        finishing = true;
        // The timers belong to the io_context's threads: cancel them there. With them and the
        // work guard gone, io_context::run() returns in every thread.
        asio::post(io, [self = shared_from_this()] {
            self->work.reset();
            self->graceTimer.cancel();
            self->signals.cancel();
            self->acceptRetry.cancel();
        });
    }
}

void Server::Impl::beginShutdown()
{
    std::vector<std::shared_ptr<ws::Closable>> live;
    {
        const std::lock_guard lock(mutex);
        if (stopping)
            return;
        stopping = true;
        for (auto& w : sessions)
            if (auto s = w.lock())
                live.push_back(std::move(s));
    }
    log::info("shutting down: no new connections; finishing requests in flight",
              {{"connections", static_cast<std::int64_t>(live.size())}});
    asio::post(acceptor.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor.close(ec);
    });
    for (auto& s : live)
        s->shutdown();
    graceTimer.expires_after(options.shutdownGrace);
    graceTimer.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (ec)
            return;
        std::vector<std::shared_ptr<ws::Closable>> left;
        {
            const std::lock_guard lock(self->mutex);
            for (auto& w : self->sessions)
                if (auto s = w.lock())
                    left.push_back(std::move(s));
        }
        log::warn("grace period over: closing connections still busy",
                  {{"connections", static_cast<std::int64_t>(left.size())}});
        for (auto& s : left)
            s->abort();
    });
    const std::lock_guard lock(mutex);
    finishIfIdle();
}

Server::Server(ServerOptions options, RequestHandler& handler, Metrics& metrics)
    : m_impl(std::make_shared<Impl>(std::move(options), handler, metrics))
{
}

Server::~Server()
{
    shutdown();
}

void Server::setWebSocketHandler(std::string path, WebSocketHandler& handler)
{
    m_impl->webSocketPath = std::move(path);
    m_impl->webSocketHandler = &handler;
}

void Server::listen()
{
    beast::error_code ec;
    const auto address = asio::ip::make_address(m_impl->options.host, ec);
    if (ec)
        throw std::runtime_error("cannot listen on \"" + m_impl->options.host +
                                 "\": not an IP address");
    const tcp::endpoint endpoint(address, m_impl->options.port);
    auto& a = m_impl->acceptor;
    const std::string where = m_impl->options.host + ":" + std::to_string(m_impl->options.port);
    a.open(endpoint.protocol(), ec);
    if (!ec)
        a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        a.bind(endpoint, ec);
    if (!ec)
        a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
}

std::uint16_t Server::port() const
{
    beast::error_code ec;
    auto ep = m_impl->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

void Server::run()
{
    auto impl = m_impl;
    impl->work.emplace(impl->io.get_executor());
    if (impl->options.handleSignals) {
        impl->signals.add(SIGINT);
        impl->signals.add(SIGTERM);
        impl->signals.async_wait([impl](beast::error_code ec, int signal) {
            if (ec)
                return;
            log::info("signal received", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
            impl->beginShutdown();
        });
    }
    impl->accept();
    int threads = impl->options.threads > 0
                      ? impl->options.threads
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back([impl] { impl->io.run(); });
    impl->io.run();
    for (auto& t : pool)
        t.join();
}

void Server::shutdown()
{
    auto impl = m_impl;
    asio::post(impl->io, [impl] { impl->beginShutdown(); });
}

} // namespace ticketing::http
