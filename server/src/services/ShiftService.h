#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Shift.h"
#include "services/Caller.h"

#include <boost/json/fwd.hpp>
#include <optional>
#include <vector>

namespace ticketing::services {

// Box office shifts (API.md "Box office"): an agent opens one before taking money, and closes
// it with the cash counted. An agent sees its own shifts, an admin everyone's; to anyone else a
// shift does not exist. The money side (a cash or card_present payment needs the open shift)
// is CheckoutService's.
class ShiftService
{
public:
    explicit ShiftService(const domain::Clock& clock) : m_clock(clock) {}

    // 201 the shift; 409 shift_already_open (with the open one's id).
    domain::Result<domain::Shift, domain::Problem> open(const Caller& caller,
                                                        const domain::ShiftOpening& opening);
    domain::Result<domain::Shift, domain::Problem> current(const Caller& caller);
    domain::Result<domain::Shift, domain::Problem> get(const Caller& caller,
                                                       const domain::ShiftId& id);
    // `body` is read in the shift's currency ({counted_cash}); 409 shift_closed.
    domain::Result<domain::Shift, domain::Problem>
    close(const Caller& caller, const domain::ShiftId& id, const boost::json::value& body);
    domain::Result<std::vector<domain::Shift>, domain::Problem>
    list(const Caller& caller, const std::optional<domain::UserId>& agent,
         const std::optional<domain::Clock::TimePoint>& from,
         const std::optional<domain::Clock::TimePoint>& to);

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
