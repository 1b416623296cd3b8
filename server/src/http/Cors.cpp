#include "http/Cors.h"

#include <algorithm>
#include <cctype>

namespace ticketing::http {

namespace {
std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "scheme://host[:port]", nothing after.
bool isOrigin(std::string_view o)
{
    const auto scheme = o.find("://");
    if (scheme == std::string_view::npos || scheme == 0)
        return false;
    const auto host = o.substr(scheme + 3);
    return !host.empty() && host.find_first_of("/?#@ ") == std::string_view::npos;
}
} // namespace

domain::Result<Cors, std::string> Cors::parse(std::string_view list)
{
    Cors c;
    std::size_t i = 0;
    while (i < list.size()) {
        const auto start = list.find_first_not_of(", \t", i);
        if (start == std::string_view::npos)
            break;
        const auto end = list.find_first_of(", \t", start);
        const auto item = list.substr(start, end == std::string_view::npos ? end : end - start);
        i = end == std::string_view::npos ? list.size() : end;
        if (item == "*") {
            c.m_any = true;
            continue;
        }
        if (!isOrigin(item))
            return domain::fail("\"" + std::string(item) +
                                "\" is not an origin (scheme://host[:port], no path)");
        c.m_origins.push_back(lower(item));
    }
    return c;
}

bool Cors::allows(std::string_view origin) const
{
    if (m_any)
        return true;
    const auto o = lower(origin);
    return std::find(m_origins.begin(), m_origins.end(), o) != m_origins.end();
}

Cors::Headers Cors::answerHeaders(std::string_view origin) const
{
    if (origin.empty() || !allows(origin))
        return {};
    Headers h;
    if (m_any && !std::count(m_origins.begin(), m_origins.end(), lower(origin))) {
        h.emplace_back("Access-Control-Allow-Origin", "*");
    } else {
        h.emplace_back("Access-Control-Allow-Origin", std::string(origin));
        h.emplace_back("Access-Control-Allow-Credentials", "true");
        h.emplace_back("Vary", "Origin");
    }
    h.emplace_back("Access-Control-Expose-Headers", std::string(kExposeHeaders));
    return h;
}

std::optional<Cors::Headers> Cors::preflight(std::string_view origin) const
{
    if (origin.empty() || !allows(origin))
        return std::nullopt;
    auto h = answerHeaders(origin);
    h.emplace_back("Access-Control-Allow-Methods", std::string(kMethods));
    h.emplace_back("Access-Control-Allow-Headers", std::string(kAllowHeaders));
    h.emplace_back("Access-Control-Max-Age", "600");
    return h;
}

} // namespace ticketing::http
