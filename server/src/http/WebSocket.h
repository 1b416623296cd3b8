#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace ticketing::http {

// One WebSocket connection as the application sees it (no Beast types).
class WebSocketPeer
{
public:
    virtual ~WebSocketPeer() = default;
    // Thread-safe; text messages leave in the order they were sent. A peer that falls too far
    // behind is closed (it resubscribes with `since` when it is back).
    virtual void send(std::shared_ptr<const std::string> text) = 0;
    // Messages sent but not yet written to the socket (any thread; a moment's view).
    virtual std::size_t backlog() const = 0;
    virtual void close() = 0;
    virtual std::uint64_t id() const = 0;
};

// What the application does with WebSocket messages. Called on the connection's I/O thread:
// must not block (database work goes to the pool).
class WebSocketHandler
{
public:
    virtual ~WebSocketHandler() = default;
    virtual void onMessage(const std::shared_ptr<WebSocketPeer>& peer, std::string text) = 0;
    virtual void onClose(const std::shared_ptr<WebSocketPeer>& peer) = 0;
};

} // namespace ticketing::http
