// One HTTP connection: reads a whole request under one deadline with the route's body limit,
// hands it to the RequestHandler, writes the answer, keeps the connection alive or closes it
// gracefully; a WebSocket upgrade on the server's path becomes a ws::WebSocketSession.
#include "http/Caching.h"
#include "http/RequestHead.h"
#include "http/ServerState.h"
#include "log/Log.h"

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <malloc.h>
#include <optional>
#include <string>

namespace ticketing::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using domain::Problem;
using domain::ProblemCode;

namespace {

bool isQuietDisconnect(const beast::error_code& ec)
{
    return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
           ec == beast::error::timeout || ec == asio::error::bad_descriptor;
}

} // namespace

class HttpSession final : public ws::Closable, public std::enable_shared_from_this<HttpSession>
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
            if (ec == bhttp::error::header_limit)
                return replyAndClose(Problem(ProblemCode::HeadersTooLarge,
                                             "the request's header fields are over " +
                                                 std::to_string(m_server->options.headerLimit) +
                                                 " bytes"));
            return replyAndClose(
                Problem(ProblemCode::BadRequest, "malformed HTTP request: " + ec.message()));
        }
        m_phase = Phase::Reading;
        m_started = std::chrono::steady_clock::now();
        const auto& req = m_parser->get();
        m_requestId = makeRequestId(req["X-Request-Id"]);
        if (auto problem = framingProblem(req))
            return replyAndClose(Problem(ProblemCode::BadRequest, *problem));
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
        m_origin = std::string(msg[bhttp::field::origin]);
        const auto& cors = m_server->options.cors;
        if (boost::beast::websocket::is_upgrade(msg) && m_server->webSocketHandler) {
            const std::string_view target(msg.target().data(), msg.target().size());
            if (target.substr(0, target.find('?')) == m_server->webSocketPath) {
                // A browser page's socket from an origin not allowed (the apps send none).
                if (!m_origin.empty() && !cors.allows(m_origin))
                    return replyAndClose(
                        Problem(ProblemCode::Forbidden,
                                "the origin " + m_origin + " may not open this socket"));
                return upgrade();
            }
        }
        m_keepAlive = msg.keep_alive();
        m_isHead = msg.method() == bhttp::verb::head;
        // A browser's preflight: answered here, before any route or token.
        if (msg.method() == bhttp::verb::options && !m_origin.empty() &&
            msg.count(bhttp::field::access_control_request_method) > 0) {
            m_method = "OPTIONS";
            m_path = std::string(msg.target().substr(0, msg.target().find('?')));
            if (auto headers = cors.preflight(m_origin)) {
                auto response = Response::noContent();
                response.route = "preflight";
                for (auto& h : *headers)
                    response.headers.push_back(std::move(h));
                return write(std::move(response));
            }
            auto refused = Response::problem(
                Problem(ProblemCode::Forbidden, "the origin " + m_origin + " is not allowed"),
                m_requestId);
            refused.route = "preflight";
            return write(std::move(refused));
        }

        m_bodySize = msg.body().size();
        // ETag, 304, Cache-Control and gzip (http/Caching.h) on the thread that answered.
        auto facts = factsOf(msg);
        Request r = toRequest(msg);
        r.requestId = m_requestId;
        // Behind a trusted proxy, the client it names; otherwise the peer.
        r.remoteAddress = m_server->options.trustedProxies.clientOf(m_remote, r);
        m_client = r.remoteAddress;
        m_method = r.method;
        m_path = r.path;

        // The handler may answer from another thread (a database worker): hop back onto the
        // strand before touching the stream.
        m_server->handler.handle(
            std::move(r), [self = shared_from_this(), facts = std::move(facts)](Response response) {
                prepareForTheWire(response, facts);
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
        // Inserted, not set: a field may come twice (Vary: Accept-Encoding, then Origin).
        for (const auto& [k, v] : response.headers)
            res->insert(k, v);
        if (!m_origin.empty() && !res->count(bhttp::field::access_control_allow_origin))
            for (const auto& [k, v] : m_server->options.cors.answerHeaders(m_origin))
                res->insert(k, v);
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
                                  {"remote", m_client.empty() ? m_remote : m_client}});

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
        m_origin.clear();
        // A large body (a stadium's seat map, refused or not) leaves megabytes free in the
        // arenas of the threads that read and parsed it; glibc keeps them unless asked. Asked
        // here, once the answer is out and the parser (with the body) is gone: a few
        // milliseconds, only after such a request.
        if (m_bodySize >= kTrimAfterBytes) {
            m_bodySize = 0;
            m_parser.reset();
            ::malloc_trim(0);
        }
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
    std::string m_remote; // the peer
    std::string m_client; // the last request's client (the peer, or whom a trusted proxy names)
    std::string m_requestId;
    std::string m_method;
    std::string m_origin; // the request's Origin (a browser page's), empty for the apps
    std::size_t m_bodySize = 0;
    static constexpr std::size_t kTrimAfterBytes = 1024 * 1024;
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

std::shared_ptr<ws::Closable>
startHttpSession(tcp::socket socket, std::shared_ptr<Server::Impl> server,
                 std::list<std::weak_ptr<ws::Closable>>::iterator registration)
{
    auto session = std::make_shared<HttpSession>(std::move(socket), std::move(server));
    session->start(registration);
    return session;
}

} // namespace ticketing::http
