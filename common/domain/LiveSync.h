#pragma once

#include "domain/Availability.h"
#include "domain/CheckIn.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ticketing::domain {

// The WebSocket messages of API.md "Live sync", both ways, in both formats of the `seats`
// message: the full one, and the compact one a client asks for with `"format": "compact"`
// (each seat named by its index in the snapshot's `seats`, its status by a letter; deltas of a
// subscriber that fell behind merged into one message from `from_seq` to `seq`).

enum class SyncFormat
{
    Full,
    Compact
};

// Client to server.
struct SyncAuth
{
    std::string token;
    bool operator==(const SyncAuth&) const = default;
};
struct SyncSubscribe
{
    std::string channel; // "event:<event id>"
    std::optional<std::int64_t> since;
    SyncFormat format = SyncFormat::Full;
    bool operator==(const SyncSubscribe&) const = default;
};
struct SyncUnsubscribe
{
    std::string channel;
    bool operator==(const SyncUnsubscribe&) const = default;
};
struct SyncPing
{
    bool operator==(const SyncPing&) const = default;
};
using SyncClientMessage = std::variant<SyncAuth, SyncSubscribe, SyncUnsubscribe, SyncPing>;

// "event:<id>" names an event's channel.
std::string eventChannel(const EventId& event);
std::optional<EventId> eventOfChannel(std::string_view channel);
// "checkin:<id>" names an event's gate channel: its scans, live, for the organizer and the
// other gates (signed in: the first message is {"type": "auth"}).
std::string checkinChannel(const EventId& event);
std::optional<EventId> eventOfCheckinChannel(std::string_view channel);

// Server to client.
struct SeatChange
{
    std::optional<SeatId> seat; // absent for a standing place
    TierId tier;
    SeatStatus status = SeatStatus::Available;
    bool operator==(const SeatChange&) const = default;
};
struct TierCounts
{
    TierId tier;
    int available = 0;
    int held = 0;
    int sold = 0;
    int blocked = 0;
    bool operator==(const TierCounts&) const = default;
};
// What one change of an event's inventory carries (the relay stores it, the `seats` message
// sends it with its channel and sequence).
struct SeatsDelta
{
    std::vector<SeatChange> changes;
    std::vector<TierCounts> tiers;
    bool operator==(const SeatsDelta&) const = default;
};
struct SyncSnapshot
{
    std::string channel;
    std::int64_t seq = 0;
    Availability availability;
    bool operator==(const SyncSnapshot&) const = default;
};
struct SyncSeats
{
    std::string channel;
    std::int64_t seq = 0;
    SeatsDelta delta;
    bool operator==(const SyncSeats&) const = default;
};
struct CompactChange
{
    int index = 0; // into the snapshot's `seats`
    SeatStatus status = SeatStatus::Available;
    bool operator==(const CompactChange&) const = default;
};
struct SyncCompactSeats
{
    std::string channel;
    std::int64_t fromSeq = 0;
    std::int64_t seq = 0;
    std::vector<CompactChange> changes;
    std::vector<TierCounts> tiers;
    bool operator==(const SyncCompactSeats&) const = default;
};
struct SyncError
{
    std::string code;
    std::string detail;
    bool operator==(const SyncError&) const = default;
};
struct SyncPong
{
    bool operator==(const SyncPong&) const = default;
};
// The gate channel: on subscribe (without `since`, or one too old to replay) the totals as of
// `seq` (an addition to API.md), then each scan recorded after it, in `seq` order.
struct SyncCheckInSnapshot
{
    std::string channel;
    std::int64_t seq = 0;
    CheckInStats stats;
    bool operator==(const SyncCheckInSnapshot&) const = default;
};
struct SyncCheckIn
{
    std::string channel;
    std::int64_t seq = 0;
    CheckInEntry entry;
    bool operator==(const SyncCheckIn&) const = default;
};
using SyncServerMessage = std::variant<SyncSnapshot, SyncSeats, SyncCompactSeats, SyncError,
                                       SyncPong, SyncCheckInSnapshot, SyncCheckIn>;

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SyncClientMessage& m);
SyncClientMessage tag_invoke(boost::json::value_to_tag<SyncClientMessage>,
                             const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatChange& c);
SeatChange tag_invoke(boost::json::value_to_tag<SeatChange>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TierCounts& t);
TierCounts tag_invoke(boost::json::value_to_tag<TierCounts>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatsDelta& d);
SeatsDelta tag_invoke(boost::json::value_to_tag<SeatsDelta>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CompactChange& c);
CompactChange tag_invoke(boost::json::value_to_tag<CompactChange>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SyncServerMessage& m);
SyncServerMessage tag_invoke(boost::json::value_to_tag<SyncServerMessage>,
                             const boost::json::value& v);

} // namespace ticketing::domain
