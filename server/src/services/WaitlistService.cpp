#include "services/WaitlistService.h"

#include "db/BookingStore.h"
#include "db/Pool.h"
#include "db/WaitlistStore.h"

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

domain::Result<domain::WaitlistEntry, Problem>
WaitlistService::join(const Caller& caller, const domain::EventId& event,
                      const domain::WaitlistRequest& request)
{
    auto& s = db::currentSession();
    const auto facts = db::bookings::eventFacts(s, event);
    if (!facts || facts->status != domain::EventStatus::Published)
        return domain::fail(Problem(ProblemCode::NotFound, "no such event on sale"));
    const auto joined = db::waitlist::join(s, event, request, caller.user, m_clock.now());
    using O = db::waitlist::Joined::Outcome;
    switch (joined.outcome) {
    case O::Joined:
        return *joined.entry;
    case O::NotSoldOut:
        return domain::fail(
            Problem(409, "not_sold_out", "The tier is not sold out",
                    std::to_string(joined.available) + " places of this tier are free: hold them")
                .with("available", joined.available));
    case O::AlreadyWaiting:
        return domain::fail(Problem(409, "already_waiting", "Already on the waitlist",
                                    "you are on this tier's waitlist already"));
    case O::UnknownTier:
        break;
    }
    return domain::fail(Problem::validation({{"ticket_tier_id", "is not a tier of this event"}}));
}

std::vector<domain::WaitlistEntry> WaitlistService::mine(const Caller& caller)
{
    return db::waitlist::mine(db::currentSession(), caller.user);
}

domain::Result<std::vector<domain::WaitlistEntry>, Problem>
WaitlistService::forEvent(const Caller& caller, const domain::EventId& event)
{
    auto& s = db::currentSession();
    const auto facts = db::bookings::eventFacts(s, event);
    if (!facts || (!caller.isAdmin() && !(facts->organizer == caller.user)))
        return domain::fail(Problem(ProblemCode::NotFound, "no such event"));
    return db::waitlist::forEvent(s, event);
}

domain::Result<bool, Problem> WaitlistService::leave(const Caller& caller,
                                                     const domain::Uuid& entry)
{
    auto& s = db::currentSession();
    const auto now = m_clock.now();
    const auto left = db::waitlist::leave(s, entry, caller.user, now);
    if (!left.done)
        return domain::fail(Problem(ProblemCode::NotFound, "no such waitlist entry"));
    // An offer let go: its units go to the next entry (release offers them on).
    if (left.offeredBooking)
        db::bookings::release(s, *left.offeredBooking, caller.user, now);
    return true;
}

} // namespace ticketing::services
