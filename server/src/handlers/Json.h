#pragma once

#include "domain/Codec.h"
#include "domain/JsonReader.h"
#include "domain/User.h"
#include "http/Router.h"
#include "services/Caller.h"
#include "services/Keyed.h"

#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace ticketing::handlers {

// The routes that may wait on a payment provider run on the outbound lane (http::Lane), where
// waiting holds no database worker.
inline http::RouteOptions callsProvider()
{
    http::RouteOptions options;
    options.lane = http::Lane::Outbound;
    return options;
}

// The JSON object of a request body, or the problem to answer (415, 400 invalid_json, or 400
// validation_failed when the body is not an object).
domain::Result<boost::json::object, domain::Problem> bodyObject(const http::Request& request);

// ?limit= (1..100, default 20) and ?cursor= of API.md's lists; a bad value is a 400.
struct Page
{
    int limit = 20;
    std::optional<std::string> cursor;
};
domain::Result<Page, domain::Problem> pageOf(const http::Request& request);
// Cursors are opaque to clients: base64url of the last item's key.
std::string encodeCursor(const std::string& key);
// The request's Idempotency-Key (API.md): 400 idempotency_key_required without one where it
// is required, 400 validation_failed when it is not 1 to 255 visible ASCII characters.
domain::Result<std::string, domain::Problem> idempotencyKey(const http::Request& request);
std::optional<std::string> decodeCursor(const std::string& cursor);

// The caller of a route that admits signed-in callers only, and of one where signing in is
// optional.
inline services::Caller callerOf(const http::Context& c)
{
    return {c.principal->user, c.principal->role, c.principal->deviceOrganizer};
}
inline std::optional<services::Caller> optionalCaller(const http::Context& c)
{
    return c.principal ? std::optional(callerOf(c)) : std::nullopt;
}

inline http::Response problem(const domain::Problem& p, const http::Request& r)
{
    return http::Response::problem(p, r.requestId);
}

// The answer to a request with an Idempotency-Key: its value (with `status`) or problem written
// through the codec, or the first answer replayed as it was stored, with Idempotent-Replayed.
template <class T>
http::Response keyedResponse(const services::Keyed<T>& result, int status, const http::Request& r)
{
    if (const auto* value = std::get_if<T>(&result))
        return http::Response::json(status, domain::encode(*value));
    if (const auto* p = std::get_if<domain::Problem>(&result))
        return problem(*p, r);
    const auto& stored = std::get<services::Replayed>(result).answer;
    auto response = http::Response::text(stored.status, stored.body,
                                         stored.status >= 400 ? "application/problem+json"
                                                              : "application/json");
    response.headers.emplace_back("Idempotent-Replayed", "true");
    return response;
}

// The request body read through the codec: the body's problem (415, 400 invalid_json, 400
// validation_failed naming every field) or the value.
template <class T> domain::Result<T, domain::Problem> readBody(const http::Request& request)
{
    auto body = http::parseJsonBody(request);
    if (!body.ok())
        return domain::fail(std::move(body).error());
    auto value = domain::decode<T>(*body);
    if (!value.ok())
        return domain::fail(domain::Problem::validation(std::move(value).error()));
    return std::move(value).value();
}

// A body that is not JSON at all (415, 400 invalid_json), answered by the handler itself; what is
// wrong inside a JSON body goes to a service that takes services::Decoded, which says it after
// deciding who may act on what.
template <class T> bool unreadable(const domain::Result<T, domain::Problem>& body)
{
    return !body.ok() && body.error().code() != domain::Problem::validation({}).code();
}

} // namespace ticketing::handlers
