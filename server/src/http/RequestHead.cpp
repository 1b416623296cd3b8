#include "http/RequestHead.h"

#include <algorithm>
#include <array>
#include <boost/beast/core/string.hpp>
#include <cctype>
#include <sodium.h>

namespace ticketing::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

std::optional<std::string> framingProblem(const RequestMessage& req)
{
    const auto encodings = req.count(bhttp::field::transfer_encoding);
    if (encodings > 1)
        return "more than one Transfer-Encoding";
    if (encodings == 1) {
        std::string te(req[bhttp::field::transfer_encoding]);
        const auto first = te.find_first_not_of(" \t");
        const auto last = te.find_last_not_of(" \t");
        te = first == std::string::npos ? std::string() : te.substr(first, last - first + 1);
        if (!beast::iequals(te, "chunked"))
            return "Transfer-Encoding \"" + te + "\" is not accepted: only \"chunked\"";
        if (req.count(bhttp::field::content_length) > 0)
            return "both Transfer-Encoding and Content-Length";
    }
    if (req.version() >= 11 && req.count(bhttp::field::host) != 1)
        return req.count(bhttp::field::host) == 0 ? "no Host header" : "more than one Host";
    return std::nullopt;
}

std::string makeRequestId(std::string_view fromClient)
{
    if (!fromClient.empty() && fromClient.size() <= 64 &&
        std::all_of(fromClient.begin(), fromClient.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        }))
        return std::string(fromClient);
    std::array<unsigned char, 12> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 25> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), 24);
}

Request toRequest(RequestMessage& msg)
{
    Request r;
    r.method = std::string(msg.method_string());
    r.target = std::string(msg.target());
    const auto q = r.target.find('?');
    r.path = r.target.substr(0, q);
    if (q != std::string::npos)
        r.query = r.target.substr(q + 1);
    r.headers.reserve(static_cast<std::size_t>(std::distance(msg.begin(), msg.end())));
    for (const auto& field : msg) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        r.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    r.body = std::move(msg.body());
    return r;
}

RequestFacts factsOf(const RequestMessage& msg)
{
    return RequestFacts{std::string(msg.method_string()),
                        std::string(msg[bhttp::field::if_none_match]),
                        std::string(msg[bhttp::field::accept_encoding]),
                        msg.count(bhttp::field::authorization) > 0};
}

} // namespace ticketing::http
