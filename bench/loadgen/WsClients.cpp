#include "loadgen/WsClients.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
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
    std::string hello;
    OnMessage onMessage;
    asio::io_context io;
    std::thread thread;
    std::atomic<int> open{0};

    struct Client : std::enable_shared_from_this<Client>
    {
        Client(Impl& impl, int index) : impl(impl), index(index), ws(impl.io) {}
        void start()
        {
            beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(30));
            beast::get_lowest_layer(ws).async_connect(
                tcp::endpoint(asio::ip::make_address(impl.host), impl.port),
                [self = shared_from_this()](beast::error_code ec) {
                    if (!ec)
                        self->handshake();
                });
        }
        void handshake()
        {
            beast::get_lowest_layer(ws).expires_never();
            ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
            ws.read_message_max(64 * 1024 * 1024);
            ws.async_handshake(impl.host, impl.target,
                               [self = shared_from_this()](beast::error_code ec) {
                                   if (ec)
                                       return;
                                   ++self->impl.open;
                                   self->ws.async_write(asio::buffer(self->impl.hello),
                                                        [self](beast::error_code e, std::size_t) {
                                                            if (!e)
                                                                self->read();
                                                        });
                               });
        }
        void read()
        {
            ws.async_read(buffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec)
                    return;
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
        websocket::stream<beast::tcp_stream> ws;
        beast::flat_buffer buffer;
    };
    std::vector<std::shared_ptr<Client>> clients;
};

WsClients::WsClients(std::string host, std::uint16_t port, std::string target, int count,
                     std::string hello, OnMessage onMessage)
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

} // namespace ticketing::bench
