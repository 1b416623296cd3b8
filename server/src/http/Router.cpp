#include "http/Router.h"

#include "log/Log.h"

#include <memory>
#include <stdexcept>

namespace ticketing::http {

using domain::Problem;
using domain::ProblemCode;

namespace {
std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> parts;
    std::size_t start = 1; // skip the leading '/'
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

bool isParam(const std::string& segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

Response internalError(const Request& request, const std::string& what)
{
    log::error("request failed", {{"request_id", request.requestId},
                                  {"method", request.method},
                                  {"path", request.path},
                                  {"error", what}});
    return Response::problem(
        Problem(ProblemCode::InternalError,
                "something went wrong on our side; quote the request id when reporting it"),
        request.requestId);
}
} // namespace

int Access::statusFor(const std::optional<domain::Role>& caller) const
{
    switch (kind) {
    case Kind::Anyone:
    case Kind::Optional:
        return 0;
    case Kind::SignedIn:
        return caller ? 0 : 401;
    case Kind::Permitted:
        if (!caller)
            return 401;
        return domain::allows(*caller, permission) ? 0 : 403;
    }
    return 403;
}

Router::Router(Executor* executor, Executor* outbound)
    : m_executor(executor), m_outbound(outbound ? outbound : executor)
{
}

void Router::addRoute(Route route)
{
    if (route.pattern.empty() || route.pattern.front() != '/')
        throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
    for (auto part : splitPath(route.pattern))
        route.segments.emplace_back(part);
    for (const auto& r : m_routes)
        if (r.method == route.method && r.pattern == route.pattern)
            throw std::invalid_argument("route registered twice: " + route.method + " " +
                                        route.pattern);
    m_routes.push_back(std::move(route));
}

void Router::add(std::string method, std::string pattern, InlineHandler handler,
                 RouteOptions options)
{
    if (options.rateLimited)
        throw std::logic_error("rate limits apply to database routes (they run on a worker): " +
                               pattern);
    addRoute({std::move(method),
              std::move(pattern),
              {},
              Access::anyone(),
              std::move(handler),
              {},
              options});
}

void Router::add(std::string method, std::string pattern, Access access, WorkerHandler handler,
                 RouteOptions options)
{
    if (!m_executor)
        throw std::logic_error("a worker route needs a router with an executor: " + pattern);
    addRoute({std::move(method), std::move(pattern), {}, access, {}, std::move(handler), options});
}

Router::Match Router::match(std::string_view method, std::string_view path) const
{
    Match result;
    if (path.empty() || path.front() != '/')
        return result;
    const auto parts = splitPath(path);
    std::vector<std::string> allowed;
    for (std::size_t i = 0; i < m_routes.size(); ++i) {
        const auto& r = m_routes[i];
        if (r.segments.size() != parts.size())
            continue;
        PathParams params;
        bool ok = true;
        for (std::size_t k = 0; k < parts.size() && ok; ++k) {
            if (isParam(r.segments[k])) {
                ok = !parts[k].empty();
                if (ok)
                    params.emplace(r.segments[k].substr(1, r.segments[k].size() - 2),
                                   std::string(parts[k]));
            } else {
                ok = r.segments[k] == parts[k];
            }
        }
        if (!ok)
            continue;
        // HEAD is answered by the GET route (the transport drops the body).
        if (r.method == method || (method == "HEAD" && r.method == "GET")) {
            result.kind = Match::Kind::Found;
            result.routeIndex = i;
            result.params = std::move(params);
            return result;
        }
        allowed.push_back(r.method);
    }
    if (!allowed.empty()) {
        result.kind = Match::Kind::MethodNotAllowed;
        for (const auto& m : allowed)
            result.allow += (result.allow.empty() ? "" : ", ") + m;
    }
    return result;
}

std::vector<Router::RouteInfo> Router::routes() const
{
    std::vector<RouteInfo> out;
    for (const auto& r : m_routes)
        out.push_back({r.method, r.pattern, r.access, r.options});
    return out;
}

std::size_t Router::bodyLimit(std::string_view method, std::string_view path) const
{
    const auto m = match(method, path);
    return m.kind == Match::Kind::Found ? m_routes[m.routeIndex].options.bodyLimit
                                        : kDefaultBodyLimit;
}

void Router::handle(Request request, Responder done)
{
    auto m = match(request.method, request.path);
    if (m.kind == Match::Kind::NotFound) {
        done(Response::problem(Problem(ProblemCode::NotFound, "no resource at " + request.path),
                               request.requestId));
        return;
    }
    if (m.kind == Match::Kind::MethodNotAllowed) {
        auto r = Response::problem(
            Problem(ProblemCode::MethodNotAllowed, request.method + " is not allowed on " +
                                                       request.path + "; allowed: " + m.allow),
            request.requestId);
        r.headers.emplace_back("Allow", m.allow);
        done(std::move(r));
        return;
    }
    const Route& route = m_routes[m.routeIndex];
    if (route.inlineHandler) {
        Response r;
        try {
            r = route.inlineHandler(request, m.params);
        } catch (const std::exception& e) {
            r = internalError(request, e.what());
        }
        r.route = route.pattern;
        done(std::move(r));
        return;
    }

    // The task owns the request and a copy of the responder; `route` outlives it (routes are
    // fixed once the server runs).
    const std::string requestId = request.requestId;
    auto task = [this, &route, request = std::move(request), params = std::move(m.params), done]() {
        Response r;
        try {
            r = runWorkerRoute(route, request, params);
        } catch (const std::exception& e) {
            auto known = m_translate ? m_translate(e) : std::nullopt;
            if (known) {
                log::warn("request failed", {{"request_id", request.requestId},
                                             {"code", known->code()},
                                             {"error", e.what()}});
                r = Response::problem(*known, request.requestId);
            } else {
                r = internalError(request, e.what());
            }
        }
        r.route = route.pattern;
        done(std::move(r));
    };
    // trySubmit takes the task only on success; on refusal `done` is still ours to call.
    auto shared = std::make_shared<decltype(task)>(std::move(task));
    auto& executor = route.options.lane == Lane::Outbound ? *m_outbound : *m_executor;
    if (!executor.trySubmit([shared] { (*shared)(); })) {
        auto r = Response::problem(
            Problem(ProblemCode::Overloaded,
                    route.options.lane == Lane::Outbound
                        ? "too many requests are waiting for the payment provider; retry shortly"
                        : "too many requests are waiting for the database; retry shortly")
                .retryAfter(1),
            requestId);
        r.route = route.pattern;
        done(std::move(r));
    }
}

Response Router::runWorkerRoute(const Route& route, const Request& request,
                                const PathParams& params)
{
    // A limited route says how much is left (RateLimit-*), and refuses past it (429).
    std::optional<Quota> quota;
    auto limited = [&](Response r) {
        if (quota && quota->limit > 0) {
            r.headers.emplace_back("RateLimit-Limit", std::to_string(quota->limit));
            r.headers.emplace_back("RateLimit-Remaining", std::to_string(quota->remaining));
            r.headers.emplace_back("RateLimit-Reset", std::to_string(quota->reset.count()));
        }
        return r;
    };
    auto refused = [&](const char* what) {
        return limited(Response::problem(
            Problem(ProblemCode::RateLimited, what)
                .retryAfter(static_cast<int>(std::max<long long>(quota->reset.count(), 1))),
            request.requestId));
    };
    if (route.options.rateLimited && m_rateLimit) {
        quota = m_rateLimit(request.remoteAddress);
        if (!quota->allowed)
            return refused("too many requests from this address; slow down");
    }
    std::optional<Principal> principal;
    const bool tokenSent = request.header("authorization").has_value();
    if (route.access.kind == Access::Kind::SignedIn ||
        route.access.kind == Access::Kind::Permitted ||
        (route.access.kind == Access::Kind::Optional && tokenSent)) {
        auto header = request.header("authorization").value_or("");
        constexpr std::string_view scheme = "Bearer ";
        const bool bearer =
            header.size() > scheme.size() &&
            std::equal(scheme.begin(), scheme.end(), header.begin(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); });
        if (!bearer)
            return Response::problem(Problem(ProblemCode::InvalidToken,
                                             "sign in: send Authorization: Bearer <access token>"),
                                     request.requestId);
        if (!m_authenticate)
            throw std::logic_error("a signed-in route without an authenticator: " + route.pattern);
        auto who = m_authenticate(header.substr(scheme.size()));
        if (!who.ok())
            return Response::problem(who.error(), request.requestId);
        principal = *who;
    }
    if (principal && principal->deviceOrganizer && !route.options.devices)
        return Response::problem(
            Problem(ProblemCode::Forbidden, "a device token opens only the check-in calls"),
            request.requestId);
    if (const int status =
            route.access.statusFor(principal ? std::optional(principal->role) : std::nullopt);
        status != 0)
        return Response::problem(Problem(ProblemCode::Forbidden, "your role may not do this"),
                                 request.requestId);
    if (!route.options.userLimit.empty() && m_userRateLimit && principal) {
        quota = m_userRateLimit(route.options.userLimit, principal->user.toString());
        if (!quota->allowed)
            return refused("too many of these from this account; slow down");
    }
    Context context{request, params, principal};
    return limited(route.workerHandler(context));
}

} // namespace ticketing::http
