#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Roles.h"
#include "domain/Uuid.h"
#include "http/Message.h"

namespace ticketing::db {
class Pool;
class Session;
} // namespace ticketing::db

namespace ticketing::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// Who is calling: from a verified access token whose login session is live.
struct Principal
{
    domain::UserId user;
    domain::Role role = domain::Role::Attendee;
    domain::Uuid session;
};

// Every route states who may call it; the router enforces it before the handler runs, so a
// handler never sees a caller its rule does not admit. Ownership (an organizer's own venues)
// is the services' business on top.
struct Access
{
    enum class Kind
    {
        Anyone,    // no token needed (any token is ignored)
        Optional,  // no token needed; a token, when sent, must be valid and names the caller
        SignedIn,  // any valid token: 401 otherwise
        Permitted, // a token whose role has the permission: 401 without a token, 403 without the permission
    };
    Kind kind = Kind::Anyone;
    domain::Permission permission{};

    static Access anyone() { return {Kind::Anyone, {}}; }
    static Access optional() { return {Kind::Optional, {}}; }
    static Access signedIn() { return {Kind::SignedIn, {}}; }
    static Access permitted(domain::Permission p) { return {Kind::Permitted, p}; }
    // The status a caller gets at this gate (0: admitted): the single place that reads the
    // permission table for requests, also used by the role-matrix test.
    int statusFor(const std::optional<domain::Role>& caller) const;
};

// API.md: request bodies up to 64 KiB unless a route says otherwise (venues: 16 MiB).
inline constexpr std::size_t kDefaultBodyLimit = 64 * 1024;

struct RouteOptions
{
    std::size_t bodyLimit = kDefaultBodyLimit;
    // A per-client-address limit (the auth endpoints): 429 rate_limited with Retry-After.
    bool rateLimited = false;
};

// What a database handler gets: the request, its path parameters, the worker's database
// session, and the caller (always set on SignedIn and Permitted routes; on Optional ones when a
// token was sent).
struct Context
{
    const Request& request;
    const PathParams& params;
    db::Session& db;
    const std::optional<Principal>& principal;
};

using InlineHandler = std::function<Response(const Request&, const PathParams&)>;
using DatabaseHandler = std::function<Response(Context&)>;
using Responder = std::function<void(Response)>; // called once, on any thread

// Verifies a bearer token on a worker (the session check reads the database).
using Authenticate = std::function<domain::Result<Principal, domain::Problem>(db::Session&, std::string_view token)>;
// Takes one request from `client`'s allowance; the wait when refused.
using RateLimit = std::function<std::optional<std::chrono::seconds>(std::string_view client)>;

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
// thread and must not block (health, metrics); they are public. Database handlers run on a
// db::Pool worker: there the router applies the rate limit, authenticates, checks the route's
// Access, and calls the handler. A full pool answers 503 overloaded with Retry-After at once.
// A handler that throws answers 500 internal_error with the request id (the log has the same id).
class Router : public RequestHandler
{
public:
    static constexpr std::size_t kDefaultBodyLimit = http::kDefaultBodyLimit;

    explicit Router(db::Pool* pool);

    void setAuthenticate(Authenticate authenticate) { m_authenticate = std::move(authenticate); }
    void setRateLimit(RateLimit rateLimit) { m_rateLimit = std::move(rateLimit); }

    void add(std::string method, std::string pattern, InlineHandler handler, RouteOptions options = {});
    void add(std::string method, std::string pattern, Access access, DatabaseHandler handler, RouteOptions options = {});

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
        Access access;
        RouteOptions options;
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
        Access access;
        InlineHandler inlineHandler;
        DatabaseHandler databaseHandler;
        RouteOptions options;
    };
    void addRoute(Route route);
    Response runDatabaseRoute(const Route& route, const Request& request, const PathParams& params, db::Session& session);

    db::Pool* m_pool;
    std::vector<Route> m_routes;
    Authenticate m_authenticate;
    RateLimit m_rateLimit;
};

} // namespace ticketing::http
