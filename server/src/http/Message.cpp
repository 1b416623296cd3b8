#include "http/Message.h"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse_query.hpp>

namespace ticketing::http {

std::optional<std::string_view> Request::header(std::string_view name) const
{
    for (const auto& [k, v] : headers)
        if (k == name)
            return std::string_view(v);
    return std::nullopt;
}

std::optional<std::string> Request::queryParam(std::string_view name) const
{
    auto params = boost::urls::parse_query(query);
    if (!params)
        return std::nullopt;
    // The view is of encoded params: decode key and value ("%20" and, as in HTML forms, '+').
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (auto p : *params)
        if (p.key.decode(opts) == name)
            return p.value.decode(opts);
    return std::nullopt;
}

Response Response::json(int status, const boost::json::value& value)
{
    Response r;
    r.status = status;
    r.body = boost::json::serialize(value);
    return r;
}

Response Response::problem(const domain::Problem& problem, std::string_view requestId)
{
    auto o = problem.toJson();
    if (!requestId.empty())
        o["request_id"] = requestId;
    Response r;
    r.status = problem.status();
    r.contentType = "application/problem+json";
    r.body = boost::json::serialize(o);
    if (auto after = problem.retryAfterSeconds())
        r.headers.emplace_back("Retry-After", std::to_string(*after));
    if (problem.status() == 401)
        r.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return r;
}

Response Response::text(int status, std::string body, std::string contentType)
{
    Response r;
    r.status = status;
    r.contentType = std::move(contentType);
    r.body = std::move(body);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

domain::Result<boost::json::value, domain::Problem> parseJsonBody(const Request& request)
{
    using domain::Problem;
    using domain::ProblemCode;
    if (auto ct = request.header("content-type")) {
        const auto semicolon = ct->find(';');
        auto mime = std::string(ct->substr(0, semicolon));
        for (auto& c : mime)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (!mime.empty() && mime.back() == ' ')
            mime.pop_back();
        const bool isJson = mime == "application/json" ||
                            (mime.size() > 5 && mime.compare(mime.size() - 5, 5, "+json") == 0);
        if (!isJson)
            return domain::fail(
                Problem(ProblemCode::UnsupportedMediaType,
                        "the body is declared as " + std::string(*ct) + "; send application/json"));
    }
    if (request.body.empty())
        return domain::fail(Problem(ProblemCode::InvalidJson,
                                    "the request has no body; a JSON object is expected"));
    boost::json::parser parser;
    boost::system::error_code ec;
    // write() wants one complete value: it refuses a truncated one ("incomplete") and data
    // after the value ("extra data").
    const auto consumed = parser.write(request.body.data(), request.body.size(), ec);
    if (ec)
        return domain::fail(
            Problem(ProblemCode::InvalidJson, "the body is not valid JSON near byte " +
                                                  std::to_string(consumed) + ": " + ec.message()));
    return parser.release();
}

} // namespace ticketing::http
