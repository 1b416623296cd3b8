#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::http {

// A small blocking HTTP/1.1 client for calls out of the suite: ticketd to a payment
// provider, the payment simulator to ticketd's webhook. One connection per call (these calls
// are rare next to the traffic ticketd serves); plain HTTP on the loopback or a private
// network (TLS to a real provider would go through a proxy of the operator's).
struct ClientResponse
{
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case
};

struct ClientError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// `url` is absolute ("http://127.0.0.1:8099/v1/payment_intents"). Throws ClientError when the
// server cannot be reached or does not answer within `timeout`.
ClientResponse fetch(const std::string& method, const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& body,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));

} // namespace ticketing::http
