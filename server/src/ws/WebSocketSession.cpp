#include "ws/WebSocketSession.h"

#include "log/Log.h"

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

namespace ticketing::ws {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

namespace {
std::atomic<std::uint64_t> g_nextId{1};

// Messages a client may fall behind by before it is dropped: a stalled reader must not make
// the server buffer a sale's worth of deltas. It resubscribes with `since` when it is back.
constexpr std::size_t kMaxBacklog = 4096;

class Session final : public Closable,
                      public http::WebSocketPeer,
                      public std::enable_shared_from_this<Session>
{
public:
    Session(beast::tcp_stream&& stream, http::WebSocketHandler& handler,
            std::function<void()> onEnd)
        : m_ws(std::move(stream)), m_handler(handler), m_onEnd(std::move(onEnd)), m_id(g_nextId++)
    {
    }

    ~Session() override
    {
        if (m_onEnd)
            m_onEnd();
    }

    void start(beast::http::request<beast::http::string_body>&& upgrade)
    {
        m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        m_ws.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& res) { res.set(beast::http::field::server, "ticketd"); }));
        m_ws.read_message_max(64 * 1024);
        m_ws.async_accept(upgrade, [self = shared_from_this()](beast::error_code ec) {
            if (ec)
                return;
            self->read();
        });
    }

    // WebSocketPeer
    void send(std::shared_ptr<const std::string> text) override
    {
        ++m_backlog;
        asio::dispatch(
            m_ws.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
                if (self->m_closing) {
                    --self->m_backlog;
                    return;
                }
                if (self->m_queue.size() >= kMaxBacklog) {
                    --self->m_backlog;
                    log::warn("websocket client too slow; closing it", {{"peer", self->m_id}});
                    self->closeWith(websocket::close_code::policy_error);
                    return;
                }
                self->m_queue.push_back(std::move(text));
                if (self->m_queue.size() == 1)
                    self->writeNext();
            });
    }
    void close() override
    {
        asio::dispatch(m_ws.get_executor(), [self = shared_from_this()] {
            self->closeWith(websocket::close_code::normal);
        });
    }
    std::uint64_t id() const override { return m_id; }
    std::size_t backlog() const override { return m_backlog.load(); }

    // Closable
    void shutdown() override
    {
        asio::dispatch(m_ws.get_executor(), [self = shared_from_this()] {
            self->closeWith(websocket::close_code::going_away);
        });
    }
    void abort() override
    {
        asio::dispatch(m_ws.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            beast::get_lowest_layer(self->m_ws).socket().close(ec);
        });
    }

private:
    void read()
    {
        m_ws.async_read(m_buffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->m_handler.onClose(self);
                return;
            }
            std::string text = beast::buffers_to_string(self->m_buffer.data());
            self->m_buffer.consume(self->m_buffer.size());
            self->m_handler.onMessage(self, std::move(text));
            self->read();
        });
    }

    void writeNext()
    {
        m_ws.text(true);
        m_ws.async_write(asio::buffer(*m_queue.front()),
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec)
                                 return; // the read side notices and ends the session
                             self->m_queue.pop_front();
                             --self->m_backlog;
                             if (!self->m_queue.empty())
                                 self->writeNext();
                             else if (self->m_closing)
                                 self->finishClose();
                         });
    }

    void closeWith(websocket::close_code code)
    {
        if (m_closing)
            return;
        m_closing = true;
        m_closeCode = code;
        if (m_queue.empty())
            finishClose(); // else after the last write
    }

    void finishClose()
    {
        m_ws.async_close(m_closeCode, [self = shared_from_this()](beast::error_code) {});
    }

    websocket::stream<beast::tcp_stream> m_ws;
    beast::flat_buffer m_buffer;
    http::WebSocketHandler& m_handler;
    std::function<void()> m_onEnd;
    std::uint64_t m_id;
    std::deque<std::shared_ptr<const std::string>> m_queue;
    std::atomic<std::size_t> m_backlog{
        0}; // sent, not yet written (m_queue, plus what is on its way to it)
    bool m_closing = false;
    websocket::close_code m_closeCode = websocket::close_code::normal;
};
} // namespace

std::shared_ptr<Closable> startWebSocket(beast::tcp_stream&& stream,
                                         beast::http::request<beast::http::string_body>&& upgrade,
                                         http::WebSocketHandler& handler,
                                         std::function<void()> onEnd)
{
    beast::get_lowest_layer(stream).expires_never(); // the websocket's own timeouts apply
    auto session = std::make_shared<Session>(std::move(stream), handler, std::move(onEnd));
    session->start(std::move(upgrade));
    return session;
}

} // namespace ticketing::ws
