#include "http/Client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cctype>

namespace ticketing::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

ClientResponse fetch(const std::string& method, const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& body, std::chrono::milliseconds timeout)
{
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->scheme() != "http")
        throw ClientError("not an http:// URL: " + url);
    const std::string host(parsed->host());
    const std::string port = parsed->has_port() ? std::string(parsed->port()) : "80";
    std::string target(parsed->encoded_path());
    if (target.empty())
        target = "/";
    if (parsed->has_query())
        target += "?" + std::string(parsed->encoded_query());

    try {
        // Asynchronous operations on a private io_context: beast::tcp_stream's timeout applies
        // to those only (a synchronous read of a server that accepts and never answers would
        // wait forever). `timeout` bounds the whole exchange.
        boost::asio::io_context io;
        tcp::resolver resolver(io);
        beast::tcp_stream stream(io);
        bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
        req.set(bhttp::field::host, host + ":" + port);
        req.set(bhttp::field::user_agent, "ticketing-suite");
        for (const auto& [name, value] : headers)
            req.set(name, value);
        req.body() = body;
        req.prepare_payload();
        beast::flat_buffer buffer;
        bhttp::response<bhttp::string_body> res;
        beast::error_code failure;
        const auto endpoints = resolver.resolve(host, port);
        stream.expires_after(timeout);
        stream.async_connect(endpoints, [&](beast::error_code connected, const tcp::endpoint&) {
            if (connected) {
                failure = connected;
                return;
            }
            bhttp::async_write(stream, req, [&](beast::error_code written, std::size_t) {
                if (written) {
                    failure = written;
                    return;
                }
                bhttp::async_read(stream, buffer, res,
                                  [&](beast::error_code read, std::size_t) { failure = read; });
            });
        });
        io.run();
        if (failure)
            throw beast::system_error(failure);
        beast::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        ClientResponse out;
        out.status = static_cast<int>(res.result_int());
        out.body = std::move(res.body());
        for (const auto& field : res) {
            std::string name(field.name_string());
            for (auto& ch : name)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        return out;
    } catch (const beast::system_error& e) {
        throw ClientError(method + " " + url + ": " + e.code().message());
    }
}

} // namespace ticketing::http
