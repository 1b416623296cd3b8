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
    int blocked = 0; // held back by the organizer (API.md "Seat blocks")
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

// API.md "Seat blocks": the body of POST /events/{id}/blocks.
struct BlockRequest
{
    std::vector<SeatId> seats;
    std::string reason; // "house seats", "camera position", ...
    bool operator==(const BlockRequest&) const = default;

    static constexpr std::size_t maxSeats = 10000; // a whole section of a stadium at once
    static constexpr std::size_t maxReasonLength = 200;
};
// The body of DELETE /events/{id}/blocks.
struct UnblockRequest
{
    std::vector<SeatId> seats;
    bool operator==(const UnblockRequest&) const = default;
};

// A blocked seat as GET /events/{id}/blocks lists it: its reason, and whether a box office
// hold or sale has it now (`held`, `sold`) or it is out of sale (`blocked`).
struct SeatBlock
{
    SeatId seat;
    std::string label;
    TierId tier;
    std::string reason;
    SeatStatus status = SeatStatus::Blocked;
    bool operator==(const SeatBlock&) const = default;
};

struct SeatBlocks
{
    EventId event;
    std::vector<SeatBlock> blocks; // by label
    bool operator==(const SeatBlocks&) const = default;
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
// Reading checks: 1 to BlockRequest::maxSeats seat ids, none twice; a reason of 1 to
// maxReasonLength characters once trimmed.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const BlockRequest& b);
BlockRequest tag_invoke(boost::json::value_to_tag<BlockRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const UnblockRequest& b);
UnblockRequest tag_invoke(boost::json::value_to_tag<UnblockRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatBlock& b);
SeatBlock tag_invoke(boost::json::value_to_tag<SeatBlock>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatBlocks& b);
SeatBlocks tag_invoke(boost::json::value_to_tag<SeatBlocks>, const boost::json::value& v);

} // namespace ticketing::domain
