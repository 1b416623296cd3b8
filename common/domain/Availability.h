#pragma once

#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// A unit's status as availability and the live sync show it (API.md `Availability`).
enum class SeatStatus
{
    Available,
    Held,
    Sold,
    Blocked
};
std::string_view toString(SeatStatus s);
std::optional<SeatStatus> parseSeatStatus(std::string_view s);
// The compact live-sync format names a status by its first letter ('a', 'h', 's', 'b').
char statusLetter(SeatStatus s);
std::optional<SeatStatus> statusFromLetter(char c);

struct TierAvailability
{
    TierId tier;
    std::string name;
    std::int64_t priceMinor = 0;
    std::string currency;
    int total = 0;
    int available = 0;
    int held = 0;
    int sold = 0;
    bool operator==(const TierAvailability&) const = default;
};

struct SeatAvailability
{
    SeatId seat;
    std::string label;
    TierId tier;
    SeatStatus status = SeatStatus::Available;
    bool operator==(const SeatAvailability&) const = default;
};

// API.md `Availability`: one consistent picture of an event's inventory at sync sequence `seq`.
struct Availability
{
    EventId event;
    std::int64_t seq = 0;
    std::vector<TierAvailability> tiers;
    std::vector<SeatAvailability> seats;
    bool operator==(const Availability&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, SeatStatus s);
SeatStatus tag_invoke(boost::json::value_to_tag<SeatStatus>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TierAvailability& t);
TierAvailability tag_invoke(boost::json::value_to_tag<TierAvailability>,
                            const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatAvailability& s);
SeatAvailability tag_invoke(boost::json::value_to_tag<SeatAvailability>,
                            const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Availability& a);
Availability tag_invoke(boost::json::value_to_tag<Availability>, const boost::json::value& v);

} // namespace ticketing::domain
