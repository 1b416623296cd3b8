#include "http/Server.h"

#include "log/Log.h"
#include "ws/WebSocketSession.h"

#include <algorithm>
#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <list>
#include <mutex>
#include <sodium.h>
#include <thread>

namespace ticketing::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using domain::Problem;
using domain::ProblemCode;

class HttpSession;

struct Server::Impl : std::enable_shared_from_this<Server::Impl>
{
    ServerOptions options;
    RequestHandler& handler;
    Metrics& metrics;
    asio::io_context io;
    tcp::acceptor acceptor{asio::make_strand(io)};
    asio::signal_set signals{io};
    asio::steady_timer graceTimer{io};
    asio::steady_timer acceptRetry{io};
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;

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
    void beginShutdown();
    void sessionEnded(std::list<std::weak_ptr<ws::Closable>>::iterator it);
    void finishIfIdle(); // with mutex held
};

namespace {

std::string makeRequestId(std::string_view fromClient)
{
    // Keep an upstream proxy's id when it is sane, so one id follows the request end to end.
    if (!fromClient.empty() && fromClient.size() <= 64 &&
        std::all_of(fromClient.begin(), fromClient.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        }))
        return std::string(fromClient);
    std::array<unsigned char, 12> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 25> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), 24);
}

bool isQuietDisconnect(const beast::error_code& ec)
{
    return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
           ec == beast::error::timeout || ec == asio::error::bad_descriptor;
}

} // namespace

class HttpSession : public ws::Closable, public std::enable_shared_from_this<HttpSession>
{
public:
    HttpSession(tcp::socket socket, std::shared_ptr<Server::Impl> server)
        : m_stream(std::move(socket)), m_server(std::move(server))
    {
        beast::error_code ec;
        auto ep = m_stream.socket().remote_endpoint(ec);
        if (!ec)
            m_remote = ep.address().to_string();
        m_server->metrics.connectionOpened();
    }

    ~HttpSession() override
    {
        m_server->metrics.connectionClosed();
        m_server->sessionEnded(m_registration);
    }

    void start(std::list<std::weak_ptr<ws::Closable>>::iterator registration)
    {
        m_registration = registration;
        asio::dispatch(m_stream.get_executor(),
                       [self = shared_from_this()] { self->readHeader(); });
    }

    // On the session's strand: close at once when idle between requests; otherwise the current
    // request is answered with "Connection: close".
    void shutdown() override
    {
        asio::dispatch(m_stream.get_executor(), [self = shared_from_this()] {
            self->m_closeAfterResponse = true;
            if (self->m_phase == Phase::Idle && self->m_buffer.size() == 0) {
                beast::error_code ec;
                self->m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
                self->m_stream.close();
            }
        });
    }

    // Cut when the grace period ends.
    void abort() override
    {
        asio::dispatch(m_stream.get_executor(),
                       [self = shared_from_this()] { self->m_stream.close(); });
    }

private:
    enum class Phase
    {
        Idle,     // waiting for the first byte of a request
        Reading,  // headers in, reading the body
        Handling, // the application has it
        Writing,
        Closing
    };

    void readHeader()
    {
        if (m_closeAfterResponse)
            return closeGracefully();
        m_phase = Phase::Idle;
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_server->options.headerLimit));
        m_parser->body_limit(boost::none); // set per route once the target is known
        // One deadline for the whole request: a client that sends half a request and stalls
        // (or sits idle on keep-alive) is closed when it passes.
        m_stream.expires_after(m_server->options.readTimeout);
        bhttp::async_read_header(
            m_stream, m_buffer, *m_parser,
            beast::bind_front_handler(&HttpSession::onHeader, shared_from_this()));
    }

    void onHeader(beast::error_code ec, std::size_t)
    {
        if (ec) {
            if (isQuietDisconnect(ec))
                return close();
            return replyAndClose(
                Problem(ProblemCode::BadRequest, "malformed HTTP request: " + ec.message()));
        }
        m_phase = Phase::Reading;
        m_started = std::chrono::steady_clock::now();
        const auto& req = m_parser->get();
        m_requestId = makeRequestId(req["X-Request-Id"]);
        const std::string_view target(req.target().data(), req.target().size());
        const auto limit = m_server->handler.bodyLimit(
            std::string_view(req.method_string().data(), req.method_string().size()),
            target.substr(0, target.find('?')));
        m_bodyLimit = limit;
        if (auto length = m_parser->content_length(); length && *length > limit)
            return replyTooLarge();
        m_parser->body_limit(limit);
        if (m_parser->is_done())
            return onBody({}, 0);
        bhttp::async_read(m_stream, m_buffer, *m_parser,
                          beast::bind_front_handler(&HttpSession::onBody, shared_from_this()));
    }

    void onBody(beast::error_code ec, std::size_t)
    {
        if (ec == bhttp::error::body_limit)
            return replyTooLarge(); // a chunked body that grew past the limit
        if (ec) {
            if (isQuietDisconnect(ec))
                return close();
            return replyAndClose(
                Problem(ProblemCode::BadRequest, "malformed HTTP request: " + ec.message()));
        }
        m_stream.expires_never();
        m_phase = Phase::Handling;
        auto& msg = m_parser->get();
        if (boost::beast::websocket::is_upgrade(msg) && m_server->webSocketHandler) {
            const std::string_view target(msg.target().data(), msg.target().size());
            if (target.substr(0, target.find('?')) == m_server->webSocketPath)
                return upgrade();
        }
        m_keepAlive = msg.keep_alive();
        m_isHead = msg.method() == bhttp::verb::head;

        Request r;
        r.method = std::string(msg.method_string());
        r.target = std::string(msg.target());
        const auto q = r.target.find('?');
        r.path = r.target.substr(0, q);
        if (q != std::string::npos)
            r.query = r.target.substr(q + 1);
        r.headers.reserve(std::distance(msg.begin(), msg.end()));
        for (const auto& field : msg) {
            std::string name(field.name_string());
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            r.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        r.body = std::move(msg.body());
        r.requestId = m_requestId;
        r.remoteAddress = m_remote;
        m_method = r.method;
        m_path = r.path;

        // The handler may answer from another thread (a database worker): hop back onto the
        // strand before touching the stream.
        m_server->handler.handle(std::move(r), [self = shared_from_this()](Response response) {
            asio::post(self->m_stream.get_executor(),
                       [self, response = std::move(response)]() mutable {
                           self->write(std::move(response));
                       });
        });
    }

    // The connection becomes a WebSocket session with its own registration; this HTTP session
    // ends here (its stream moved on).
    void upgrade()
    {
        auto server = m_server;
        std::list<std::weak_ptr<ws::Closable>>::iterator it;
        {
            const std::lock_guard lock(server->mutex);
            if (server->stopping)
                return close();
            server->sessions.emplace_front();
            it = server->sessions.begin();
        }
        auto session =
            ws::startWebSocket(std::move(m_stream), m_parser->release(), *server->webSocketHandler,
                               [server, it] { server->sessionEnded(it); });
        const std::lock_guard lock(server->mutex);
        *it = session;
    }

    void replyTooLarge()
    {
        m_drainAfterWrite = true;
        replyAndClose(Problem(ProblemCode::PayloadTooLarge,
                              "the body is larger than this endpoint accepts (" +
                                  std::to_string(m_bodyLimit) + " bytes)")
                          .with("limit", m_bodyLimit));
    }

    void replyAndClose(const Problem& problem)
    {
        if (m_started == std::chrono::steady_clock::time_point{})
            m_started = std::chrono::steady_clock::now();
        if (m_requestId.empty())
            m_requestId = makeRequestId({});
        if (m_parser && m_parser->is_header_done()) {
            const auto& req = m_parser->get();
            m_method = std::string(req.method_string());
            std::string_view target(req.target().data(), req.target().size());
            m_path = std::string(target.substr(0, target.find('?')));
        }
        m_keepAlive = false;
        write(Response::problem(problem, m_requestId));
    }

    void write(Response response)
    {
        m_phase = Phase::Writing;
        auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
        res->version(11);
        res->result(static_cast<unsigned>(response.status));
        res->set(bhttp::field::server, "ticketd");
        if (!response.contentType.empty())
            res->set(bhttp::field::content_type, response.contentType);
        res->set("X-Request-Id", m_requestId);
        for (const auto& [k, v] : response.headers)
            res->set(k, v);
        const bool keepAlive = m_keepAlive && !m_closeAfterResponse;
        res->keep_alive(keepAlive);
        const auto bodySize = response.body.size();
        if (!m_isHead)
            res->body() = std::move(response.body);
        res->prepare_payload();
        if (m_isHead)
            res->content_length(bodySize);

        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        m_server->metrics.recordRequest(response.route, m_method.empty() ? "-" : m_method,
                                        response.status, seconds);
        if (log::enabled(log::Level::Info))
            log::info("request", {{"request_id", m_requestId},
                                  {"method", m_method},
                                  {"path", m_path},
                                  {"status", response.status},
                                  {"duration_us", static_cast<std::int64_t>(seconds * 1e6)},
                                  {"remote", m_remote}});

        m_stream.expires_after(m_server->options.writeTimeout);
        bhttp::async_write(
            m_stream, *res,
            [self = shared_from_this(), res, keepAlive](beast::error_code ec, std::size_t) {
                self->onWrite(ec, keepAlive);
            });
    }

    void onWrite(beast::error_code ec, bool keepAlive)
    {
        m_started = {};
        m_method.clear();
        m_path.clear();
        m_requestId.clear();
        if (ec)
            return close();
        if (!keepAlive)
            return closeGracefully();
        readHeader();
    }

    // Half-close, then read and discard what the client still sends (briefly, up to a cap), so
    // that a client which is still uploading a refused body sees our answer instead of a reset.
    void closeGracefully()
    {
        m_phase = Phase::Closing;
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (!m_drainAfterWrite)
            return close();
        m_stream.expires_after(std::chrono::seconds(2));
        drain();
    }

    void drain()
    {
        m_stream.async_read_some(asio::buffer(m_scratch),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained > kDrainCap)
                                         return self->close();
                                     self->drain();
                                 });
    }

    void close()
    {
        m_phase = Phase::Closing;
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.close();
    }

    static constexpr std::size_t kDrainCap = 32 * 1024 * 1024;

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    std::shared_ptr<Server::Impl> m_server;
    std::list<std::weak_ptr<ws::Closable>>::iterator m_registration;
    std::string m_remote;
    std::string m_requestId;
    std::string m_method;
    std::string m_path;
    std::chrono::steady_clock::time_point m_started{};
    Phase m_phase = Phase::Idle;
    bool m_keepAlive = false;
    bool m_isHead = false;
    bool m_closeAfterResponse = false;
    bool m_drainAfterWrite = false;
    std::size_t m_drained = 0;
    std::size_t m_bodyLimit = 0;
    std::array<char, 16384> m_scratch{};
};

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
                              std::shared_ptr<HttpSession> session;
                              {
                                  const std::lock_guard lock(self->mutex);
                                  if (self->stopping)
                                      return;
                                  self->sessions.emplace_front();
                                  session = std::make_shared<HttpSession>(std::move(socket), self);
                                  self->sessions.front() = session;
                                  session->start(self->sessions.begin());
                              }
                              self->accept();
                          });
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
