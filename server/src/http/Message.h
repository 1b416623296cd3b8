#pragma once

#include "domain/Problem.h"
#include "domain/Result.h"

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ticketing::http {

// A request as handlers see it: already read in full by the transport, with no Beast types, so
// handlers and their tests compile without Beast.
struct Request
{
    std::string method; // "GET"
    std::string target; // "/api/v1/events?limit=5"
    std::string path;   // "/api/v1/events" (percent-decoding is left to the handler)
    std::string query;  // "limit=5"
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case
    std::string body;
    std::string requestId;
    std::string remoteAddress;

    std::optional<std::string_view> header(std::string_view lowerCaseName) const;
    std::optional<std::string> queryParam(std::string_view name) const; // percent-decoded
};

struct Response
{
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string route = "unmatched"; // the route pattern, for metrics (set by the router)

    static Response json(int status, const boost::json::value& value);
    // RFC 7807, with the request id (every 5xx must carry it; it helps support on any error).
    static Response problem(const domain::Problem& problem, std::string_view requestId);
    static Response text(int status, std::string body,
                         std::string contentType = "text/plain; charset=utf-8");
    static Response noContent();
};

// The JSON body of a request: 415 when it is declared as something else, 400 invalid_json with
// the position when it does not parse.
domain::Result<boost::json::value, domain::Problem> parseJsonBody(const Request& request);

} // namespace ticketing::http
