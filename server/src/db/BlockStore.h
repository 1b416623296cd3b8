#pragma once

#include "domain/Availability.h"
#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <string>
#include <vector>

namespace ticketing::db {

class Session;

// Seat blocks (API.md "Seat blocks", migration 0019): an event's seats held back from sale with
// a reason. Each change is all or nothing, under the units' row locks (taken in id order, as a
// hold takes them), and reaches the live sync through the outbox like any other.
namespace blocks {

struct Outcome
{
    std::vector<domain::SeatId> unknown;     // not seats of the event: nothing changed
    std::vector<domain::SeatId> unavailable; // held or sold (blocking only): nothing changed
    int changed = 0;                         // units whose status moved
};

// Blocks the seats with `reason`: available ones, ones whose hold's time is up, and blocked ones
// (their reason is replaced).
Outcome block(Session& s, const domain::EventId& event, const std::vector<domain::SeatId>& seats,
              const std::string& reason, domain::Clock::TimePoint now);
// Puts the seats back on sale: a blocked one is available at once; one that a box office hold or
// sale has keeps it, and is on sale when that ends. A seat not blocked is left as it is.
// The freed seats go to the event's waitlist first, at `now` (db::waitlist::offerFreed).
Outcome unblock(Session& s, const domain::EventId& event, const std::vector<domain::SeatId>& seats,
                domain::Clock::TimePoint now);
// The event's blocked seats (those a box office hold or sale took too), by label.
std::vector<domain::SeatBlock> list(Session& s, const domain::EventId& event);

} // namespace blocks
} // namespace ticketing::db
