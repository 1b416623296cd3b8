// What ticketd does with the bytes of a request before a handler runs: Beast's parser with the
// server's limits, the RFC 9112 framing check, the request id, the Request the handlers get,
// the router (path patterns, parameters, 404/405, access, the query), the client's address
// behind trusted proxies, CORS, and the caching and gzip of the answer (If-None-Match,
// Accept-Encoding).
#include "FuzzSupport.h"
#include "http/ClientAddress.h"
#include "http/Cors.h"
#include "http/RequestHead.h"
#include "http/Router.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>

namespace {

using namespace ticketing;

// Runs a worker route where it is submitted.
class AtOnce final : public http::Executor
{
public:
    bool trySubmit(std::function<void()> job) override
    {
        job();
        return true;
    }
};

struct Edge
{
    AtOnce executor;
    http::Router router{&executor};
    http::TrustedProxies proxies =
        http::TrustedProxies::parse("127.0.0.1, 10.0.0.0/8, fd00::/8").value();
    http::Cors cors = http::Cors::parse("https://shop.example, http://localhost:5173").value();

    Edge()
    {
        // The shapes of ticketd's routes: literals, parameters, literals after parameters.
        router.add("GET", "/healthz", [](const http::Request&, const http::PathParams&) {
            return http::Response::json(200, boost::json::object{{"status", "ok"}});
        });
        const auto echo = [](http::Context& c) {
            boost::json::object o;
            for (const auto& [k, v] : c.params)
                o[k] = v;
            o["query"] = c.request.query;
            // Large enough to be compressed when the client accepts gzip.
            o["padding"] = std::string(5000, 'x');
            return http::Response::json(200, o);
        };
        for (const char* p :
             {"/api/v1/events", "/api/v1/events/{id}", "/api/v1/events/{id}/availability",
              "/api/v1/bookings/hold", "/api/v1/bookings/{id}", "/api/v1/webhooks/{provider}",
              "/api/v1/events/{id}/checkin/bundle", "/api/v1/tickets/{id}/qr.png"})
            router.add("GET", p, http::Access::anyone(), echo);
        router.add("POST", "/api/v1/bookings/hold", http::Access::signedIn(), echo);
        router.add("DELETE", "/api/v1/bookings/{id}", http::Access::optional(), echo);
        router.setAuthenticate(
            [](std::string_view token) -> domain::Result<http::Principal, domain::Problem> {
                return domain::fail(
                    domain::Problem(domain::ProblemCode::InvalidToken,
                                    "not a token: " + std::string(token.substr(0, 16))));
            });
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace bhttp = boost::beast::http;
    static Edge edge;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024); // http::ServerOptions' default
    parser.body_limit(64 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    auto buffer = boost::asio::const_buffer(data, size);
    while (buffer.size() > 0 && !parser.is_done()) {
        const auto used = parser.put(buffer, ec);
        if (ec)
            break;
        if (used == 0)
            break; // wants more than there is
        buffer += used;
    }
    if (!parser.is_header_done())
        return 0;
    auto& message = parser.get();
    (void)http::makeRequestId(message["X-Request-Id"]);
    if (http::framingProblem(message) || (!parser.is_done() && !ec))
        return 0;
    if (ec)
        return 0;
    const auto origin = std::string(message[bhttp::field::origin]);
    if (!origin.empty() && !edge.cors.allows(origin))
        (void)edge.cors.preflight(origin);
    const auto facts = http::factsOf(message);
    auto request = http::toRequest(message);
    request.remoteAddress = edge.proxies.clientOf("10.0.0.1", request);
    (void)edge.router.bodyLimit(request.method, request.path);
    edge.router.handle(std::move(request), [&facts](http::Response response) {
        http::prepareForTheWire(response, facts);
    });
    return 0;
}
