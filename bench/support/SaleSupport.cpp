#include "support/SaleSupport.h"

#include "domain/Clock.h"
#include "domain/Uuid.h"
#include "services/TokenService.h"

#include <array>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <pqxx/pqxx>

namespace ticketing::bench {

namespace json = boost::json;

LoadResponse call(std::uint16_t port, const std::string& method, const std::string& target,
                  const json::value& body, const std::string& token)
{
    LoadRequest r{method, target, body.is_null() ? std::string() : json::serialize(body), {}};
    if (!token.empty())
        r.headers.emplace_back("Authorization", "Bearer " + token);
    return fetch("127.0.0.1", port, r);
}

std::string run(const std::string& command)
{
    std::array<char, 4096> buf{};
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe)
        return out;
    while (fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    return out;
}

double numberAt(const std::string& text, const std::string& marker, bool after)
{
    const auto at = text.rfind(marker);
    if (at == std::string::npos)
        return 0;
    if (after)
        return std::atof(text.c_str() + at + marker.size());
    auto start = at;
    while (start > 0 &&
           (std::isdigit(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.'))
        --start;
    return std::atof(text.substr(start, at - start).c_str());
}

json::object arenaVenue(int sections, int rows, int perRow, int standing)
{
    json::array stands;
    for (int s = 0; s < sections; ++s) {
        json::array rowList;
        for (int r = 0; r < rows; ++r) {
            json::array seats;
            for (int n = 1; n <= perRow; ++n)
                seats.push_back({{"number", n}, {"x", s * 60.0 + n}, {"y", r * 1.0}});
            rowList.push_back({{"label", "R" + std::to_string(r)}, {"seats", std::move(seats)}});
        }
        stands.push_back({{"key", "S" + std::to_string(s)},
                          {"name", "Stand " + std::to_string(s)},
                          {"kind", "seated"},
                          {"rows", std::move(rowList)}});
    }
    if (standing > 0)
        stands.push_back(
            {{"key", "FLOOR"}, {"name", "Floor"}, {"kind", "standing"}, {"capacity", standing}});
    return {{"name", "Arena"},
            {"address", "1 Arena Way"},
            {"city", "Manchester"},
            {"country", "GB"},
            {"latitude", 53.4},
            {"longitude", -2.2},
            {"timezone", "Europe/London"},
            {"seat_map", {{"sections", std::move(stands)}}}};
}

void makeBuyers(const std::string& databaseUrl, int count, Buyers& buyers,
                const std::string& prefix)
{
    pqxx::connection c(databaseUrl);
    pqxx::work tx(c);
    const pqxx::binarystring key(
        tx.exec1("SELECT value FROM server_settings WHERE key = 'token_signing_key'")[0]);
    services::TokenService tokens(key.str(), domain::SystemClock::instance());
    const auto first = buyers.tokens.size();
    for (int i = 0; i < count; ++i) {
        const auto user = domain::UserId::generate();
        const auto session = domain::Uuid::generateV7();
        const auto email =
            prefix + std::to_string(first + static_cast<std::size_t>(i)) + "@bench.test";
        tx.exec_params(
            "INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, role) "
            "VALUES ($1::uuid, $2, $2, 'x', 'Bench', 'Buyer', 'attendee')",
            user.toString(), email);
        tx.exec_params("INSERT INTO login_sessions (id, user_id) VALUES ($1::uuid, $2::uuid)",
                       session.toString(), user.toString());
        buyers.tokens.push_back(tokens.issueAccess(user, domain::Role::Attendee, session));
    }
    tx.commit();
}

void printLoad(const char* what, const LoadStats& s)
{
    std::printf("  %s: %llu requests in %.1f s = %.0f/s; latency p50 %.1f ms, p95 %.1f ms, p99 "
                "%.1f ms; statuses:",
                what, static_cast<unsigned long long>(s.total()), s.seconds, s.total() / s.seconds,
                s.percentile(50), s.percentile(95), s.percentile(99));
    for (const auto& [status, n] : s.statuses)
        std::printf(" %d x%llu", status, static_cast<unsigned long long>(n));
    std::printf("%s\n", s.transportErrors ? " (transport errors!)" : "");
}

} // namespace ticketing::bench
