#include "loadgen/WsClients.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <optional>
#include <vector>

namespace ticketing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

struct WsClients::Impl
{
    std::string host;
    std::uint16_t port;
    std::string target;
    int count;
    WsClients::Hello hello;
    OnMessage onMessage;
    std::chrono::milliseconds reconnectPause{0};
    asio::io_context io;
    std::thread thread;
    std::atomic<int> open{0};
    std::atomic<long long> reconnects{0};

    struct Client : std::enable_shared_from_this<Client>
    {
        Client(Impl& impl, int index) : impl(impl), index(index), timer(impl.io) {}
        void start()
        {
            ws.emplace(impl.io);
            beast::get_lowest_layer(*ws).expires_after(std::chrono::seconds(30));
            beast::get_lowest_layer(*ws).async_connect(
                tcp::endpoint(asio::ip::make_address(impl.host), impl.port),
                [self = shared_from_this()](beast::error_code ec) {
                    if (ec)
                        return self->lost(false);
                    self->handshake();
                });
        }
        // The connection failed or closed: connect again after the pause (with some jitter, so
        // that a thousand clients cut at once do not come back at once).
        void lost(bool wasOpen)
        {
            if (wasOpen)
                --impl.open;
            if (impl.reconnectPause.count() == 0)
                return;
            const auto jitter = std::chrono::milliseconds(
                (index * 37) % std::max<long long>(1, impl.reconnectPause.count()));
            timer.expires_after(impl.reconnectPause + jitter);
            timer.async_wait([self = shared_from_this()](beast::error_code ec) {
                if (ec)
                    return;
                ++self->impl.reconnects;
                self->buffer.clear();
                self->start();
            });
        }
        void handshake()
        {
            beast::get_lowest_layer(*ws).expires_never();
            ws->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
            ws->read_message_max(64 * 1024 * 1024);
            ws->async_handshake(impl.host, impl.target,
                                [self = shared_from_this()](beast::error_code ec) {
                                    if (ec)
                                        return self->lost(false);
                                    ++self->impl.open;
                                    self->hello = self->impl.hello(self->index);
                                    self->ws->async_write(asio::buffer(self->hello),
                                                          [self](beast::error_code e, std::size_t) {
                                                              if (e)
                                                                  return self->lost(true);
                                                              self->read();
                                                          });
                                });
        }
        void read()
        {
            ws->async_read(buffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec)
                    return self->lost(true);
                const auto at = std::chrono::steady_clock::now();
                const auto data = self->buffer.cdata();
                self->impl.onMessage(
                    self->index,
                    std::string_view(static_cast<const char*>(data.data()), data.size()), at);
                self->buffer.consume(self->buffer.size());
                self->read();
            });
        }
        Impl& impl;
        int index;
        std::optional<websocket::stream<beast::tcp_stream>> ws; // a new one per connection
        asio::steady_timer timer;
        std::string hello;
        beast::flat_buffer buffer;
    };
    std::vector<std::shared_ptr<Client>> clients;
};

WsClients::WsClients(std::string host, std::uint16_t port, std::string target, int count,
                     std::string hello, OnMessage onMessage)
    : WsClients(std::move(host), port, std::move(target), count,
                Hello([hello = std::move(hello)](int) { return hello; }), std::move(onMessage))
{
}

WsClients::WsClients(std::string host, std::uint16_t port, std::string target, int count,
                     Hello hello, OnMessage onMessage)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->host = std::move(host);
    m_impl->port = port;
    m_impl->target = std::move(target);
    m_impl->count = count;
    m_impl->hello = std::move(hello);
    m_impl->onMessage = std::move(onMessage);
}

WsClients::~WsClients()
{
    stop();
}

void WsClients::start()
{
    for (int i = 0; i < m_impl->count; ++i) {
        m_impl->clients.push_back(std::make_shared<Impl::Client>(*m_impl, i));
        m_impl->clients.back()->start();
    }
    m_impl->thread = std::thread([this] { m_impl->io.run(); });
}

void WsClients::stop()
{
    if (!m_impl->thread.joinable())
        return;
    m_impl->io.stop();
    m_impl->thread.join();
    m_impl->clients.clear();
}

int WsClients::open() const
{
    return m_impl->open.load();
}

long long WsClients::reconnects() const
{
    return m_impl->reconnects.load();
}

void WsClients::reconnectAfter(std::chrono::milliseconds pause)
{
    m_impl->reconnectPause = pause;
}

} // namespace ticketing::bench
