#pragma once

#include "http/Message.h"

#include <string>
#include <string_view>

namespace ticketing::http {

// What an answer may be cached as, and its size on the wire (issue 17), applied to every answer
// on the thread that made it (a database worker, not the connection's I/O thread):
// - a GET or HEAD answered 200 carries a weak ETag (BLAKE2b of the body) and, unless its handler
//   said otherwise, `Cache-Control: public, no-cache` when no token was sent (shared caches may
//   keep it, and must ask again each time: a seat map changes by the second) or
//   `private, no-cache` when one was; an If-None-Match that names the ETag (or *) gets 304 with
//   no body. Availability's ETag changes with its `seq`, as its body does.
// - a body of at least kGzipAtLeast bytes of JSON, text or CSV is gzip-compressed (zlib, level 1:
//   a 6 MB bundle in tens of milliseconds) when the client accepts gzip, with
//   `Vary: Accept-Encoding`.
struct RequestFacts
{
    std::string method;
    std::string ifNoneMatch;    // the header as sent
    std::string acceptEncoding; // the header as sent
    bool withToken = false;     // Authorization was sent
};

inline constexpr std::size_t kGzipAtLeast = 4096;

void prepareForTheWire(Response& response, const RequestFacts& request);

// gzip of `data` (RFC 1952); empty when zlib fails.
std::string gzip(std::string_view data);
// Whether an Accept-Encoding value accepts gzip (not "gzip;q=0").
bool acceptsGzip(std::string_view acceptEncoding);

} // namespace ticketing::http
