#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Waitlist.h"
#include "services/Caller.h"

#include <vector>

namespace ticketing::services {

// API.md "Waitlist": join a sold-out tier's queue, see one's entries, leave; the organizer sees
// the queue. Offers are made by the stores where units are freed (db::waitlist::offerFreed).
class WaitlistService
{
public:
    explicit WaitlistService(const domain::Clock& clock) : m_clock(clock) {}

    // 201 the entry with its position; 409 not_sold_out while the tier has free units; 409
    // already_waiting; 404 for an event not on sale; 400 for a tier not of the event.
    domain::Result<domain::WaitlistEntry, domain::Problem>
    join(const Caller& caller, const domain::EventId& event,
         const domain::WaitlistRequest& request);
    std::vector<domain::WaitlistEntry> mine(const Caller& caller);
    // The owner's and admin's (404 for anyone else).
    domain::Result<std::vector<domain::WaitlistEntry>, domain::Problem>
    forEvent(const Caller& caller, const domain::EventId& event);
    // The entrant's; an offered entry's hold is released and offered on. 404 otherwise.
    domain::Result<bool, domain::Problem> leave(const Caller& caller, const domain::Uuid& entry);

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
