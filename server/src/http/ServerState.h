#pragma once

// For http/ only: the state a listener shares with its sessions (Beast and Asio included).

#include "http/Metrics.h"
#include "http/Server.h"
#include "ws/WebSocketSession.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ticketing::http {

struct Server::Impl : std::enable_shared_from_this<Server::Impl>
{
    ServerOptions options;
    RequestHandler& handler;
    Metrics& metrics;
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor{boost::asio::make_strand(io)};
    boost::asio::signal_set signals{io};
    boost::asio::steady_timer graceTimer{io};
    boost::asio::steady_timer acceptRetry{io};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;

    std::mutex mutex; // guards sessions and stopping
    std::list<std::weak_ptr<ws::Closable>> sessions;
    std::string webSocketPath;
    WebSocketHandler* webSocketHandler = nullptr;
    bool stopping = false;
    bool finishing = false;

    Impl(ServerOptions o, RequestHandler& h, Metrics& m)
        : options(std::move(o)), handler(h), metrics(m)
    {
    }

    void accept();
    // A new connection: registered (so that shutdown reaches it) and served.
    void serve(boost::asio::ip::tcp::socket socket);
    void beginShutdown();
    void sessionEnded(std::list<std::weak_ptr<ws::Closable>>::iterator it);
    void finishIfIdle(); // with mutex held
};

// Serves HTTP on an accepted connection, registered at `registration` in server.sessions
// (http/HttpSession.cpp); upgrades to a WebSocket session when asked on the server's path.
std::shared_ptr<ws::Closable>
startHttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<Server::Impl> server,
                 std::list<std::weak_ptr<ws::Closable>>::iterator registration);

} // namespace ticketing::http
