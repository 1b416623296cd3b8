#include "services/ShiftService.h"

#include "db/Pool.h"
#include "db/ShiftStore.h"

#include <boost/json/string.hpp>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

namespace {
Problem noSuchShift()
{
    return Problem(ProblemCode::NotFound, "no such shift");
}

Problem shiftClosed()
{
    return Problem(409, "shift_closed", "The shift is closed",
                   "it was closed before; open a new one to take money");
}

// The agent's own shift, or any shift for an admin.
bool mayRead(const Caller& caller, const domain::Shift& shift)
{
    return caller.isAdmin() || shift.agent == caller.user;
}
} // namespace

domain::Result<domain::Shift, Problem> ShiftService::open(const Caller& caller,
                                                          const domain::ShiftOpening& opening)
{
    domain::Shift shift;
    shift.id = domain::ShiftId::generate();
    shift.agent = caller.user;
    shift.currency = opening.currency;
    shift.openedAt = m_clock.now();
    shift.openingFloat = opening.openingFloat;
    auto& s = db::currentSession();
    if (auto opened = db::shifts::open(s, shift))
        return std::move(*opened);
    const auto other = db::shifts::current(s, caller.user);
    auto refused = Problem(409, "shift_already_open", "A shift is open already",
                           "close the open shift before opening another");
    if (other)
        refused.with("shift_id", boost::json::string(other->id.toString()));
    return domain::fail(std::move(refused));
}

domain::Result<domain::Shift, Problem> ShiftService::current(const Caller& caller)
{
    if (auto shift = db::shifts::current(db::currentSession(), caller.user))
        return std::move(*shift);
    return domain::fail(Problem(ProblemCode::NotFound, "no open shift"));
}

domain::Result<domain::Shift, Problem> ShiftService::get(const Caller& caller,
                                                         const domain::ShiftId& id)
{
    auto shift = db::shifts::find(db::currentSession(), id);
    if (!shift || !mayRead(caller, *shift))
        return domain::fail(noSuchShift());
    return std::move(*shift);
}

domain::Result<domain::Shift, Problem>
ShiftService::close(const Caller& caller, const domain::ShiftId& id, const boost::json::value& body)
{
    auto& s = db::currentSession();
    const auto shift = db::shifts::find(s, id);
    if (!shift || !mayRead(caller, *shift))
        return domain::fail(noSuchShift());
    if (!shift->open())
        return domain::fail(shiftClosed()); // whatever was counted this time
    const auto counted = domain::parseCountedCash(body, shift->currency);
    if (!counted)
        return domain::fail(Problem::validation(counted.error()));
    std::optional<domain::Shift> after;
    switch (db::shifts::close(s, id, *counted, m_clock.now(), after)) {
    case db::shifts::CloseOutcome::Closed:
        return std::move(*after);
    case db::shifts::CloseOutcome::AlreadyClosed: // by a request at the same moment
        return domain::fail(shiftClosed());
    case db::shifts::CloseOutcome::NotFound:
        break;
    }
    return domain::fail(noSuchShift());
}

domain::Result<std::vector<domain::Shift>, Problem>
ShiftService::list(const Caller& caller, const std::optional<domain::UserId>& agent,
                   const std::optional<domain::Clock::TimePoint>& from,
                   const std::optional<domain::Clock::TimePoint>& to)
{
    // An agent lists its own shifts; an admin anyone's.
    auto who = agent;
    if (!caller.isAdmin()) {
        if (agent && *agent != caller.user)
            return domain::fail(Problem(ProblemCode::Forbidden, "an agent sees its own shifts"));
        who = caller.user;
    }
    return db::shifts::list(db::currentSession(), who, from, to, 200);
}

} // namespace ticketing::services
