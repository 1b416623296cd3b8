#pragma once

#include "domain/Roles.h"
#include "domain/Uuid.h"
#include "http/Executor.h"
#include "http/Message.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

// Who is calling: from a verified access token whose login session is live.
struct Principal
{
    domain::UserId user;
    domain::Role role = domain::Role::Attendee;
    domain::Uuid session;
    // A scanner's device token: `user` is then the device's own id (no account of anyone's),
    // role `gate`, acting for this organizer's events.
    std::optional<domain::UserId> deviceOrganizer{};
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
        Permitted, // a token whose role has the permission: 401 without a token, 403 without the
                   // permission
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

// Which workers run a route: the database's, or - for a route that waits on another service (a
// payment provider) - the outbound lane's, where waiting ties up no database worker.
enum class Lane
{
    Database,
    Outbound
};

struct RouteOptions
{
    std::size_t bodyLimit = kDefaultBodyLimit;
    // A per-client-address limit (the auth endpoints): 429 rate_limited with Retry-After.
    bool rateLimited = false;
    Lane lane = Lane::Database;
    // A check-in device's token opens only the routes that say so (API.md "Check-in"); on any
    // other it is 403.
    bool devices = false;
    // A per-user limit after signing in (the bucket's name, e.g. "holds"; empty: none).
    std::string userLimit{};
};

// What a worker handler gets: the request, its path parameters and the caller (always set on
// SignedIn and Permitted routes; on Optional ones when a token was sent).
struct Context
{
    const Request& request;
    const PathParams& params;
    const std::optional<Principal>& principal;
};

using InlineHandler = std::function<Response(const Request&, const PathParams&)>;
using WorkerHandler = std::function<Response(Context&)>;
using Responder = std::function<void(Response)>; // called once, on any thread

// Verifies a bearer token on a worker (the session check reads the database).
using Authenticate =
    std::function<domain::Result<Principal, domain::Problem>(std::string_view token)>;
// What a limited route's caller has left (API.md: RateLimit-Limit, -Remaining, -Reset).
struct Quota
{
    bool allowed = true;
    int limit = 0;                 // requests per window; 0: no limit
    int remaining = 0;             // after this one
    std::chrono::seconds reset{0}; // until the window starts again (the wait when refused)
};
// Takes one request from `client`'s allowance.
using RateLimit = std::function<Quota(std::string_view client)>;
// Takes one from a signed-in user's allowance of a route's bucket (RouteOptions::userLimit).
using UserRateLimit = std::function<Quota(std::string_view bucket, std::string_view user)>;

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
// thread and must not block (health, metrics); they are public. Worker handlers run on the
// Executor: there the router applies the rate limit, authenticates, checks the route's Access,
// and calls the handler. A full executor answers 503 overloaded with Retry-After at once. A
// handler that throws answers what the ErrorTranslator makes of it, else 500 internal_error with
// the request id (the log has the same id).
class Router : public RequestHandler
{
public:
    static constexpr std::size_t kDefaultBodyLimit = http::kDefaultBodyLimit;

    // Without an executor, only inline routes can be added. Outbound routes run on `outbound`
    // (on `executor` when there is none).
    explicit Router(Executor* executor, Executor* outbound = nullptr);

    void setAuthenticate(Authenticate authenticate) { m_authenticate = std::move(authenticate); }
    void setErrorTranslator(ErrorTranslator translate) { m_translate = std::move(translate); }
    void setRateLimit(RateLimit rateLimit) { m_rateLimit = std::move(rateLimit); }
    void setUserRateLimit(UserRateLimit limit) { m_userRateLimit = std::move(limit); }

    void add(std::string method, std::string pattern, InlineHandler handler,
             RouteOptions options = {});
    void add(std::string method, std::string pattern, Access access, WorkerHandler handler,
             RouteOptions options = {});

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
        WorkerHandler workerHandler;
        RouteOptions options;
    };
    void addRoute(Route route);
    Response runWorkerRoute(const Route& route, const Request& request, const PathParams& params);

    Executor* m_executor;
    Executor* m_outbound;
    std::vector<Route> m_routes;
    Authenticate m_authenticate;
    RateLimit m_rateLimit;
    UserRateLimit m_userRateLimit;
    ErrorTranslator m_translate;
};

} // namespace ticketing::http
