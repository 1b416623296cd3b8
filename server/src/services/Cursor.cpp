#include "services/Cursor.h"

#include <charconv>

namespace ticketing::services {

std::string keysetCursor(domain::Clock::TimePoint t, const domain::Uuid& id)
{
    return std::to_string(
               std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch())
                   .count()) +
           "_" + id.toString();
}

std::optional<std::pair<domain::Clock::TimePoint, domain::Uuid>>
parseKeysetCursor(const std::string& cursor)
{
    const auto sep = cursor.find('_');
    if (sep == std::string::npos)
        return std::nullopt;
    long long micros = 0;
    const auto* end = cursor.data() + sep;
    auto [ptr, ec] = std::from_chars(cursor.data(), end, micros);
    auto id = domain::Uuid::parse(std::string_view(cursor).substr(sep + 1));
    if (ec != std::errc() || ptr != end || !id)
        return std::nullopt;
    // A time the clock can hold: microseconds past ±292 years overflow its nanoseconds (found
    // by tests/fuzz/FuzzCursor.cpp: "9772323200000000_..." read back as another time).
    using std::chrono::microseconds;
    constexpr auto limit =
        std::chrono::duration_cast<microseconds>(domain::Clock::TimePoint::max().time_since_epoch())
            .count();
    if (micros < -limit || micros > limit)
        return std::nullopt;
    return std::pair{domain::Clock::TimePoint(std::chrono::microseconds(micros)), *id};
}

} // namespace ticketing::services
