#pragma once

#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::domain {

// API.md "Waitlist". POST /events/{id}/waitlist {ticket_tier_id, quantity} (1 to 10).
struct WaitlistRequest
{
    TierId tier;
    int quantity = 1;
    bool operator==(const WaitlistRequest&) const = default;
};

enum class WaitlistStatus
{
    Waiting, // in the queue
    Offered, // units are held for the entrant until offer_expires_at (its booking)
    Claimed, // the offer was paid
    Lapsed,  // the offer ran out (or was let go): the units went to the next entry
    Left     // the entrant left the queue
};
std::string_view toString(WaitlistStatus s);
std::optional<WaitlistStatus> parseWaitlistStatus(std::string_view s);

struct WaitlistEntry
{
    Uuid id;
    EventId event;
    TierId tier;
    UserId user;
    int quantity = 1;
    WaitlistStatus status = WaitlistStatus::Waiting;
    int position = 0;                 // in the tier's queue, from 1, while waiting; 0 otherwise
    std::optional<BookingId> booking; // the offer's hold
    std::optional<Clock::TimePoint> offerExpiresAt;
    Clock::TimePoint createdAt;
    bool operator==(const WaitlistEntry&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WaitlistRequest& r);
WaitlistRequest tag_invoke(boost::json::value_to_tag<WaitlistRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WaitlistEntry& e);
WaitlistEntry tag_invoke(boost::json::value_to_tag<WaitlistEntry>, const boost::json::value& v);

} // namespace ticketing::domain
