#pragma once

#include "http/Caching.h"
#include "http/Message.h"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::http {

// What ticketd reads of a request before any route sees it: whether its framing can be
// trusted, its id, and the Request the handlers get. One place, so that the session and the
// fuzz target of the request head (tests/fuzz) run the same code.
using RequestMessage = boost::beast::http::request<boost::beast::http::string_body>;

// RFC 9112: how long a request's body is must be beyond doubt, or the connection is not safe
// to read on. A Transfer-Encoding other than exactly "chunked" (say "chunked, identity", which
// Beast reads as no body, so that the body's bytes would be read as the next request), more
// than one, or one beside a Content-Length; and an HTTP/1.1 request without exactly one Host.
// Each is answered 400 and the connection closed. nullopt: the framing is sound.
std::optional<std::string> framingProblem(const RequestMessage& request);

// The caller's X-Request-Id when it is sane (an upstream proxy's, so that one id follows the
// request end to end), else a new random one.
std::string makeRequestId(std::string_view fromClient);

// The Request handlers get (method, target split into path and query, headers in lower case,
// the body moved out of `message`); the caller sets requestId and remoteAddress.
Request toRequest(RequestMessage& message);

// What the answer's caching and compression depend on (http/Caching.h).
RequestFacts factsOf(const RequestMessage& message);

} // namespace ticketing::http
