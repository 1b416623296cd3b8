#pragma once

#include "domain/JsonReader.h"
#include "domain/User.h"
#include "http/Router.h"
#include "services/Answer.h"
#include "services/Caller.h"

#include <boost/json/object.hpp>
#include <optional>
#include <string>

namespace ticketing::handlers {

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
    return {c.principal->user, c.principal->role};
}
inline std::optional<services::Caller> optionalCaller(const http::Context& c)
{
    return c.principal ? std::optional(callerOf(c)) : std::nullopt;
}

// An answer rendered by a service (stored with an idempotency key): JSON or problem+json,
// with Idempotent-Replayed on a replay.
inline http::Response answerResponse(services::Answer answer)
{
    auto response = http::Response::text(answer.status, std::move(answer.body),
                                         answer.status >= 400 ? "application/problem+json"
                                                              : "application/json");
    if (answer.replayed)
        response.headers.emplace_back("Idempotent-Replayed", "true");
    return response;
}

inline http::Response problem(const domain::Problem& p, const http::Request& r)
{
    return http::Response::problem(p, r.requestId);
}

} // namespace ticketing::handlers
