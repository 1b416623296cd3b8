#include "http/Caching.h"

#include <algorithm>
#include <cctype>
#include <sodium.h>
#include <zlib.h>

namespace ticketing::http {

namespace {
bool hasHeader(const Response& r, std::string_view name)
{
    return std::any_of(r.headers.begin(), r.headers.end(), [&](const auto& h) {
        return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                          [](char a, char b) { return std::tolower(a) == std::tolower(b); });
    });
}

std::string etagOf(std::string_view body)
{
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()),
                       body.size(), nullptr, 0);
    char hex[2 * sizeof hash + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return "W/\"" + std::string(hex) + "\"";
}

// RFC 9110 13.1.2: If-None-Match with weak comparison (W/ ignored), a list, or *.
bool matches(std::string_view ifNoneMatch, std::string_view etag)
{
    auto opaque = [](std::string_view t) {
        if (t.substr(0, 2) == "W/")
            t.remove_prefix(2);
        return t;
    };
    std::size_t i = 0;
    while (i < ifNoneMatch.size()) {
        auto end = ifNoneMatch.find(',', i);
        if (end == std::string_view::npos)
            end = ifNoneMatch.size();
        auto item = ifNoneMatch.substr(i, end - i);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
            item.remove_suffix(1);
        if (item == "*" || opaque(item) == opaque(etag))
            return true;
        i = end + 1;
    }
    return false;
}

bool compressible(std::string_view contentType)
{
    return contentType.find("json") != std::string_view::npos ||
           contentType.substr(0, 5) == "text/";
}
} // namespace

bool acceptsGzip(std::string_view value)
{
    std::string v(value);
    std::transform(v.begin(), v.end(), v.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::size_t i = 0;
    while (i < v.size()) {
        auto end = v.find(',', i);
        if (end == std::string::npos)
            end = v.size();
        std::string item = v.substr(i, end - i);
        item.erase(std::remove_if(item.begin(), item.end(),
                                  [](unsigned char c) { return std::isspace(c); }),
                   item.end());
        const auto semi = item.find(';');
        const auto coding = item.substr(0, semi);
        if (coding == "gzip" || coding == "*") {
            const bool refused =
                semi != std::string::npos &&
                (item.substr(semi) == ";q=0" || item.substr(semi) == ";q=0.0" ||
                 item.substr(semi) == ";q=0.00" || item.substr(semi) == ";q=0.000");
            return !refused;
        }
        i = end + 1;
    }
    return false;
}

std::string gzip(std::string_view data)
{
    z_stream z{};
    // 15 + 16: a gzip header and trailer; level 1: fast (this runs per answer).
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string out;
    out.resize(deflateBound(&z, static_cast<uLong>(data.size())));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

void prepareForTheWire(Response& r, const RequestFacts& request)
{
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (read && r.status == 200) {
        const auto etag = etagOf(r.body);
        r.headers.emplace_back("ETag", etag);
        if (!hasHeader(r, "Cache-Control"))
            r.headers.emplace_back("Cache-Control",
                                   request.withToken ? "private, no-cache" : "public, no-cache");
        if (!request.ifNoneMatch.empty() && matches(request.ifNoneMatch, etag)) {
            r.status = 304;
            r.body.clear();
            return;
        }
    }
    if (r.body.size() >= kGzipAtLeast && compressible(r.contentType) &&
        !hasHeader(r, "Content-Encoding")) {
        r.headers.emplace_back("Vary", "Accept-Encoding");
        if (acceptsGzip(request.acceptEncoding))
            if (auto zipped = gzip(r.body); !zipped.empty() && zipped.size() < r.body.size()) {
                r.body = std::move(zipped);
                r.headers.emplace_back("Content-Encoding", "gzip");
            }
    }
}

} // namespace ticketing::http
