#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/Message.h"

namespace ticketing::db {
class Pool;
class Session;
} // namespace ticketing::db

namespace ticketing::http {

using PathParams = std::map<std::string, std::string, std::less<>>;
using InlineHandler = std::function<Response(const Request&, const PathParams&)>;
using DatabaseHandler = std::function<Response(const Request&, const PathParams&, db::Session&)>;

// Called with the finished answer, on any thread, exactly once.
using Responder = std::function<void(Response)>;

// What the transport asks of the application. The Beast server knows only this interface.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // The largest body the target accepts (413 above it), known from the headers alone.
    virtual std::size_t bodyLimit(std::string_view method, std::string_view path) const = 0;
    virtual void handle(Request request, Responder done) = 0;
};

// Method + path pattern ("/api/v1/events/{id}") to handler. Inline handlers run on the I/O
// thread and must not block (health, metrics). Database handlers run on a db::Pool worker with
// its session; a full pool answers 503 overloaded with Retry-After at once. A handler that
// throws answers 500 internal_error with the request id, and the log line has the same id.
class Router : public RequestHandler
{
public:
    static constexpr std::size_t kDefaultBodyLimit = 64 * 1024;

    explicit Router(db::Pool* pool);

    void add(std::string method, std::string pattern, InlineHandler handler,
             std::size_t bodyLimit = kDefaultBodyLimit);
    void add(std::string method, std::string pattern, DatabaseHandler handler,
             std::size_t bodyLimit = kDefaultBodyLimit);

    struct Match
    {
        enum class Kind
        {
            Found,
            NotFound,
            MethodNotAllowed
        } kind = Kind::NotFound;
        std::size_t routeIndex = 0;
        PathParams params;
        std::string allow; // for 405: "GET, POST"
    };
    Match match(std::string_view method, std::string_view path) const;

    struct RouteInfo
    {
        std::string method;
        std::string pattern;
    };
    std::vector<RouteInfo> routes() const;

    std::size_t bodyLimit(std::string_view method, std::string_view path) const override;
    void handle(Request request, Responder done) override;

private:
    struct Route
    {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        InlineHandler inlineHandler;
        DatabaseHandler databaseHandler;
        std::size_t bodyLimit;
    };
    void addRoute(Route route);

    db::Pool* m_pool;
    std::vector<Route> m_routes;
};

} // namespace ticketing::http
