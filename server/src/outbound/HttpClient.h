#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::outbound {

// Calls out of the suite over HTTP(S): ticketd to a card provider, the payment simulator to
// ticketd's webhook. libcurl does the protocol, TLS and proxies; this class adds what every
// call here wants:
// - TLS with the peer's certificate and name checked, against the system's CA store or the
//   operator's own bundle (`Options::caFile`);
// - connections kept and reused: an idle handle keeps its connections, and the next call takes
//   the handle that was used last (TLS sessions and DNS answers are shared by all);
// - a deadline for the whole exchange, and a cap on the answer's size;
// - proxies from the environment, as libcurl reads them (`https_proxy`, `http_proxy`,
//   `all_proxy`, `no_proxy`; the upper-case `HTTP_PROXY` is ignored, as curl does, because a
//   CGI-style request header could set it);
// - http and https only, and no redirects followed (a provider's answer is the answer).
// Safe to use from many threads at once.
struct Options
{
    std::string caFile; // PEM certificates to trust instead of the system's; empty: the system's
    std::chrono::milliseconds connectTimeout{5000};
    std::size_t maxResponseBytes = 4 * 1024 * 1024;
    std::size_t maxIdleHandles = 16; // each keeps its own open connections
    std::string userAgent = "ticketing-suite";
};

struct Response
{
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case
    bool reusedConnection = false;                            // no new connection was opened for it

    const std::string* header(const std::string& lowerName) const;
};

struct Error : std::runtime_error
{
    enum class Kind
    {
        Unreachable, // no connection (refused, no route, name not resolved, proxy failed)
        Timeout,     // no whole answer within the deadline
        Tls,         // the peer's certificate or name was not trusted, or the handshake failed
        TooLarge,    // the answer was larger than Options::maxResponseBytes
        Invalid,     // not an http(s) URL, or a header that would split the request
        Other,
    };
    Error(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
    Kind kind;
};

class HttpClient
{
public:
    explicit HttpClient(Options options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `url` is absolute ("https://pay.example/v1/payment_intents"). Any status is an answer;
    // Error when there is none within `timeout`.
    Response fetch(const std::string& method, const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& headers,
                   const std::string& body,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

    const Options& options() const { return m_options; }

private:
    struct Pool;
    Options m_options;
    std::unique_ptr<Pool> m_pool;
};

} // namespace ticketing::outbound
