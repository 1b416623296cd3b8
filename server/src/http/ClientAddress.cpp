#include "http/ClientAddress.h"

#include "http/Message.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstring>
#include <optional>

namespace ticketing::http {

namespace {
// inet_pton (POSIX) reads the address; the prefix match is a few lines, so no network library
// is pulled into this translation unit for it.
std::optional<std::array<std::uint8_t, 16>> readAddress(std::string_view text)
{
    std::string s(text);
    std::array<std::uint8_t, 16> out{};
    in_addr v4{};
    if (inet_pton(AF_INET, s.c_str(), &v4) == 1) {
        out[10] = 0xff;
        out[11] = 0xff;
        std::memcpy(out.data() + 12, &v4, 4);
        return out;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) {
        std::memcpy(out.data(), &v6, 16);
        return out;
    }
    return std::nullopt;
}

bool isV4(const std::array<std::uint8_t, 16>& a)
{
    for (int i = 0; i < 10; ++i)
        if (a[static_cast<std::size_t>(i)] != 0)
            return false;
    return a[10] == 0xff && a[11] == 0xff;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitOn(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(sep);
        out.push_back(trim(s.substr(0, at)));
        if (at == std::string_view::npos)
            return out;
        s.remove_prefix(at + 1);
    }
}

// One address as a header gives it: "203.0.113.7", "[2001:db8::1]:4711", "198.51.100.2:80",
// "\"[2001:db8::1]\"" (Forwarded quotes it). Ports are dropped.
std::optional<std::string> hostOf(std::string_view v)
{
    v = trim(v);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
        v = v.substr(1, v.size() - 2);
    if (!v.empty() && v.front() == '[') {
        const auto close = v.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        v = v.substr(1, close - 1);
    } else if (std::count(v.begin(), v.end(), ':') == 1) {
        v = v.substr(0, v.find(':')); // IPv4 with a port
    }
    if (!readAddress(v))
        return std::nullopt; // "unknown", an obfuscated name, garbage
    return std::string(v);
}

// The addresses a request names, nearest last: X-Forwarded-For, else Forwarded's for=.
std::vector<std::string_view> namedHops(const Request& request)
{
    if (auto xff = request.header("x-forwarded-for"))
        return splitOn(*xff, ',');
    std::vector<std::string_view> out;
    if (auto forwarded = request.header("forwarded"))
        for (auto element : splitOn(*forwarded, ','))
            for (auto pair : splitOn(element, ';'))
                if (pair.size() > 4 && (pair.substr(0, 4) == "for=" ||
                                        pair.substr(0, 4) == "For=" || pair.substr(0, 4) == "FOR="))
                    out.push_back(pair.substr(4));
    return out;
}
} // namespace

domain::Result<TrustedProxies, std::string> TrustedProxies::parse(std::string_view list)
{
    TrustedProxies out;
    if (trim(list).empty())
        return out;
    for (auto entry : splitOn(list, ',')) {
        if (entry.empty())
            continue;
        const auto slash = entry.find('/');
        const auto address = readAddress(entry.substr(0, slash));
        if (!address)
            return domain::fail("\"" + std::string(entry) + "\" is not an address or CIDR range");
        Range r{*address, 128};
        const int width = isV4(*address) ? 32 : 128;
        if (slash != std::string_view::npos) {
            const auto bits = entry.substr(slash + 1);
            int prefix = 0;
            if (bits.empty() || bits.size() > 3 ||
                !std::all_of(bits.begin(), bits.end(),
                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
                (prefix = std::stoi(std::string(bits))) > width)
                return domain::fail("\"" + std::string(entry) + "\" has a bad prefix length");
            r.prefix = prefix + (128 - width);
        }
        out.m_ranges.push_back(r);
    }
    return out;
}

bool TrustedProxies::contains(std::string_view address) const
{
    const auto a = readAddress(address);
    if (!a)
        return false;
    for (const auto& r : m_ranges) {
        int bits = r.prefix;
        bool match = true;
        for (std::size_t i = 0; i < 16 && bits > 0 && match; ++i, bits -= 8) {
            const auto mask = static_cast<std::uint8_t>(bits >= 8 ? 0xff : (0xff << (8 - bits)));
            match = ((*a)[i] & mask) == (r.address[i] & mask);
        }
        if (match)
            return true;
    }
    return false;
}

std::string TrustedProxies::clientOf(const std::string& peer, const Request& request) const
{
    if (m_ranges.empty() || !contains(peer))
        return peer;
    std::string client = peer;
    const auto hops = namedHops(request);
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        const auto host = hostOf(*it);
        if (!host)
            break; // what lies beyond a malformed entry cannot be trusted
        client = *host;
        if (!contains(client))
            break;
    }
    return client;
}

} // namespace ticketing::http
