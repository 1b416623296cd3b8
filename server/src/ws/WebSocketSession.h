#pragma once

// Internal to the transport (includes Beast): http/Server.cpp hands upgraded connections here.

#include "http/WebSocket.h"

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <memory>

namespace ticketing::ws {

// A connection the server can end: gracefully (close idle, finish in flight) or at once.
class Closable
{
public:
    virtual ~Closable() = default;
    virtual void shutdown() = 0;
    virtual void abort() = 0;
};

// Accepts the upgrade and runs the session until it closes; `onEnd` runs when it is gone.
std::shared_ptr<Closable>
startWebSocket(boost::beast::tcp_stream&& stream,
               boost::beast::http::request<boost::beast::http::string_body>&& upgrade,
               http::WebSocketHandler& handler, std::function<void()> onEnd);

} // namespace ticketing::ws
