#pragma once

#include "domain/Clock.h"
#include "domain/Report.h"
#include "domain/Uuid.h"

#include <vector>

namespace ticketing::db {

class Session;

// What an event's report is made of (API.md "Reports"), read in one snapshot (repeatable read)
// so that its parts add up: the units by tier and status, each payment that took money with
// its booking's units and what was refunded of it, and the payments by method.
namespace reports {

struct Facts
{
    std::vector<domain::TierStock> stock; // in the tiers' order
    std::vector<domain::PaidBooking> paid;
    std::vector<domain::MethodTotal> byMethod;
};

// A hold whose time is up counts as available (as the availability shows it).
Facts read(Session& s, const domain::EventId& event, domain::Clock::TimePoint now);

} // namespace reports
} // namespace ticketing::db
