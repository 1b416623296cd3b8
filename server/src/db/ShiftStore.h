#pragma once

#include "domain/Clock.h"
#include "domain/Shift.h"
#include "domain/Uuid.h"

#include <optional>
#include <vector>

namespace ticketing::db {

class Session;
namespace checkout {
struct Tx;
}

// Box office shifts (API.md "Box office"): the rows, and their totals read from the payments and
// refunds that belong to them (migration 0018).
namespace shifts {

// Opens `shift` for its agent; nullopt when the agent has an open one already (the unique index
// decides, so two openings at once make one shift).
std::optional<domain::Shift> open(Session& s, const domain::Shift& shift);
// The agent's open shift, with its totals.
std::optional<domain::Shift> current(Session& s, const domain::UserId& agent);
std::optional<domain::Shift> find(Session& s, const domain::ShiftId& id);
// Newest first; `agent` none: every agent's.
std::vector<domain::Shift> list(Session& s, const std::optional<domain::UserId>& agent,
                                const std::optional<domain::Clock::TimePoint>& from,
                                const std::optional<domain::Clock::TimePoint>& to, int limit);

enum class CloseOutcome
{
    Closed,
    AlreadyClosed,
    NotFound
};
// Closes the shift with the cash counted, under its lock (a payment taking the shift holds it
// too); `after` is the shift as it is then.
CloseOutcome close(Session& s, const domain::ShiftId& id, std::int64_t countedCash,
                   domain::Clock::TimePoint now, std::optional<domain::Shift>& after);

// In a payment's transaction: the agent's open shift, locked against its close until the
// transaction ends (its id and currency).
struct OpenShift
{
    domain::ShiftId id;
    std::string currency;
};
std::optional<OpenShift> lockOpen(checkout::Tx& tx, const domain::UserId& agent);

} // namespace shifts
} // namespace ticketing::db
