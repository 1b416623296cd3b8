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

    domain::Result<domain::CheckInStats, domain::Problem> stats(const Caller& caller,
                                                                const domain::EventId& event);

    // The live channel (`checkin:<event_id>`), for whoever may see the counts: where a
    // subscriber starts (the scans after `since`, or the totals as of the cursor), then the
    // scans after a number. `mayWatch` is asked again now and then: a removed device stops.
    struct Numbered
    {
        long long seq = 0;
        domain::CheckInEntry entry;
    };
    struct WatchStart
    {
        long long cursor = 0;
        std::vector<Numbered> entries;
        std::optional<domain::CheckInStats> stats; // no replay: the totals as of the cursor
    };
    domain::Result<WatchStart, domain::Problem>
    watch(const Caller& caller, const domain::EventId& event, std::optional<long long> since);
    std::optional<domain::Problem> mayWatch(const Caller& caller, const domain::EventId& event);
    std::vector<Numbered> entriesAfter(const domain::EventId& event, long long after, int limit);

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
