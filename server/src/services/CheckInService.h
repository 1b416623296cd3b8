#pragma once

#include "domain/CheckIn.h"
#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "services/Caller.h"
#include "services/Decoded.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::services {

// The gate on the server (API.md "Check-in"): the bundle scanners sync, the scans they send
// (decided by domain::decide, the rule the scanners run offline, and recorded once per
// nonce), and the event's counts. A device sees only its organizer's events; a gate or box
// office account any published event; the organizer its own (the bundle and the counts).
class CheckInService
{
public:
    explicit CheckInService(const domain::Clock& clock) : m_clock(clock) {}

    domain::Result<domain::Bundle, domain::Problem>
    bundle(const Caller& caller, const domain::EventId& event, std::optional<std::int64_t> since);
    domain::Result<domain::ScanResults, domain::Problem> scan(const Caller& caller,
                                                              Decoded<domain::ScanBatch> batch);

    struct GateCounts
    {
        std::string gate;
        long long admitted = 0, exited = 0, refused = 0;
    };
    struct Stats
    {
        long long admitted = 0, inside = 0, refused = 0, conflicts = 0;
        std::vector<GateCounts> byGate;
    };
    domain::Result<Stats, domain::Problem> stats(const Caller& caller,
                                                 const domain::EventId& event);

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
