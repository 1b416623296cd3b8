#pragma once

#include "domain/Clock.h"
#include "domain/Uuid.h"
#include "domain/Waitlist.h"

#include <chrono>
#include <optional>
#include <vector>

namespace ticketing::db {

class Session;

// API.md "Waitlist" (migration 0026). Offers are made by offerFreed (db/Internal.h) in the
// transactions that free units.
namespace waitlist {

// How long an offer's hold lasts (TICKETING_WAITLIST_OFFER_SECONDS), set once at start-up.
void setOfferDuration(std::chrono::seconds duration);
std::chrono::seconds offerDuration();

struct Joined
{
    enum class Outcome
    {
        Joined,
        NotSoldOut,     // the tier has free units: buy them
        UnknownTier,    // not a tier of this event
        AlreadyWaiting, // the entrant has a live entry for this tier
    } outcome = Outcome::Joined;
    int available = 0; // NotSoldOut
    std::optional<domain::WaitlistEntry> entry;
};
Joined join(Session& s, const domain::EventId& event, const domain::WaitlistRequest& request,
            const domain::UserId& user, domain::Clock::TimePoint now);
// The entrant's entries, newest first (the live ones and those of the last 30 days).
std::vector<domain::WaitlistEntry> mine(Session& s, const domain::UserId& user);
// The event's entries in queue order (for its organizer).
std::vector<domain::WaitlistEntry> forEvent(Session& s, const domain::EventId& event);
// Leaves the queue: a waiting entry is left; an offered one too, its hold then released (and
// offered to the next). False when it is not the entrant's live entry.
struct Left
{
    bool done = false;
    std::optional<domain::BookingId> offeredBooking; // the hold to release
};
Left leave(Session& s, const domain::Uuid& entry, const domain::UserId& user,
           domain::Clock::TimePoint now);

} // namespace waitlist
} // namespace ticketing::db
