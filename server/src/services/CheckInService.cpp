#include "services/CheckInService.h"

#include "db/CheckInStore.h"
#include "db/DeviceStore.h"
#include "db/Pool.h"

#include <algorithm>
#include <map>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

namespace {
Problem noEvent()
{
    return Problem(ProblemCode::NotFound, "no such event");
}

// Whether the caller may work the gate of this event: a device for its organizer's events, a
// gate or box office account (and an admin) for any, the organizer for its own (`owner`).
bool mayUse(const Caller& caller, const db::checkin::GateFacts& facts, bool ownerToo)
{
    if (caller.deviceOrganizer)
        return *caller.deviceOrganizer == facts.organizer;
    if (caller.isAdmin() || caller.role == domain::Role::Gate ||
        caller.role == domain::Role::BoxOffice)
        return true;
    return ownerToo && caller.role == domain::Role::Organizer && caller.user == facts.organizer;
}
} // namespace

domain::Result<domain::Bundle, Problem> CheckInService::bundle(const Caller& caller,
                                                               const domain::EventId& event,
                                                               std::optional<std::int64_t> since)
{
    auto& s = db::currentSession();
    const auto facts = db::checkin::gateFacts(s, event);
    if (!facts || facts->status == domain::EventStatus::Draft || !mayUse(caller, *facts, true))
        return domain::fail(noEvent());
    return db::checkin::bundle(s, event, since, m_clock.now());
}

domain::Result<domain::ScanResults, Problem> CheckInService::scan(const Caller& caller,
                                                                  Decoded<domain::ScanBatch> batch)
{
    if (!batch.ok())
        return domain::fail(std::move(batch).error());
    auto& s = db::currentSession();
    const auto event = batch->event;
    const auto facts = db::checkin::gateFacts(s, event);
    if (!facts || facts->status == domain::EventStatus::Draft || !mayUse(caller, *facts, false))
        return domain::fail(noEvent());
    db::checkin::Actor actor;
    if (caller.deviceOrganizer) {
        const auto device = db::devices::find(s, domain::DeviceId{caller.user.value});
        if (!device)
            return domain::fail(Problem(ProblemCode::InvalidToken, "this device was removed"));
        actor.device = device->device.id;
        actor.gate = device->device.gate;
        actor.name = device->device.name;
    } else {
        actor.user = caller.user;
        actor.gate = std::string(domain::toString(caller.role));
        actor.name = caller.user.toString();
    }
    const auto now = m_clock.now();
    const auto decide = [&](const domain::Scan& scan, const db::checkin::Passages& passages) {
        // Offline scans are judged as of when they were made, against the passages before
        // them; what the device did at the gate (let someone in or out) is what happened.
        const auto at = scan.offlineResult ? scan.scannedAt : now;
        std::vector<domain::Passage> before;
        const auto d = domain::decide(
            scan.code, event, facts->keys, facts->revoked,
            [&](const domain::TicketId& ticket) {
                for (auto& p : passages(ticket))
                    if (!scan.offlineResult || p.at < at)
                        before.push_back(std::move(p));
                return domain::presenceOf(before);
            },
            scan.direction, at);
        db::checkin::Recorded rec{d.outcome, std::nullopt, d.firstEntry};
        if (d.claims)
            rec.ticket = d.claims->ticket;
        const bool genuine = d.outcome == domain::ScanOutcome::Admitted ||
                             d.outcome == domain::ScanOutcome::AlreadyInside ||
                             d.outcome == domain::ScanOutcome::Exited ||
                             d.outcome == domain::ScanOutcome::NotInside;
        if (scan.offlineResult && domain::opensGate(*scan.offlineResult) && genuine) {
            rec.result = *scan.offlineResult;
            rec.firstEntry.reset();
        }
        return rec;
    };
    return domain::ScanResults{db::checkin::record(s, event, actor, batch->scans, decide, now)};
}

namespace {
domain::CheckInStats statsOf(const db::checkin::EventScans& scans)
{
    domain::GateTally tally;
    for (const auto& [ticket, passages] : scans.passages)
        tally.add(passages);
    domain::CheckInStats out;
    out.inside = tally.inside;
    out.conflicts = tally.conflicts;
    std::map<std::string, domain::GateCounts> byGate;
    for (const auto& c : scans.counts) {
        auto& g = byGate[c.gate];
        g.gate = c.gate;
        const auto outcome = domain::parseScanOutcome(c.result);
        if (outcome == domain::ScanOutcome::Admitted) {
            g.admitted += c.count;
            out.admitted += c.count;
        } else if (outcome == domain::ScanOutcome::Exited) {
            g.exited += c.count;
        } else {
            g.refused += c.count;
            out.refused += c.count;
        }
    }
    for (auto& [gate, counts] : byGate)
        out.byGate.push_back(counts);
    return out;
}

std::vector<CheckInService::Numbered> numbered(std::vector<db::checkin::NumberedEntry> in)
{
    std::vector<CheckInService::Numbered> out;
    out.reserve(in.size());
    for (auto& n : in)
        out.push_back({n.seq, std::move(n.entry)});
    return out;
}
} // namespace

domain::Result<domain::CheckInStats, Problem> CheckInService::stats(const Caller& caller,
                                                                    const domain::EventId& event)
{
    if (auto refused = mayWatch(caller, event))
        return domain::fail(std::move(*refused));
    return statsOf(db::checkin::eventScans(db::currentSession(), event));
}

std::optional<Problem> CheckInService::mayWatch(const Caller& caller, const domain::EventId& event)
{
    auto& s = db::currentSession();
    const auto facts = db::checkin::gateFacts(s, event);
    if (!facts || !mayUse(caller, *facts, true))
        return noEvent();
    if (caller.deviceOrganizer && !db::devices::find(s, domain::DeviceId{caller.user.value}))
        return Problem(ProblemCode::InvalidToken, "this device was removed");
    return std::nullopt;
}

domain::Result<CheckInService::WatchStart, Problem>
CheckInService::watch(const Caller& caller, const domain::EventId& event,
                      std::optional<long long> since)
{
    if (auto refused = mayWatch(caller, event))
        return domain::fail(std::move(*refused));
    constexpr int kReplayLimit = 5000; // more missed than this: the totals instead
    auto w = db::checkin::watch(db::currentSession(), event, since, kReplayLimit);
    WatchStart out;
    out.cursor = w.cursor;
    out.entries = numbered(std::move(w.entries));
    if (w.totals)
        out.stats = statsOf(*w.totals);
    return out;
}

std::vector<CheckInService::Numbered> CheckInService::entriesAfter(const domain::EventId& event,
                                                                   long long after, int limit)
{
    return numbered(db::checkin::entriesAfter(db::currentSession(), event, after, limit));
}

} // namespace ticketing::services
