#pragma once

#include "domain/CheckIn.h"
#include "domain/Clock.h"
#include "domain/Event.h"
#include "domain/Uuid.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

// Check-in's storage (migration 0021): what a gate needs to decide, the bundle scanners sync,
// and the scans recorded once each.
namespace checkin {

// The event as a gate sees it: whose it is, whether it is on, its trusted keys, and its
// revoked tickets (sorted).
struct GateFacts
{
    domain::UserId organizer;
    domain::EventStatus status = domain::EventStatus::Draft;
    std::vector<domain::TrustedKey> keys;
    std::vector<domain::BundleKey> publicKeys;
    std::vector<domain::TicketId> revoked;
};
std::optional<GateFacts> gateFacts(Session& s, const domain::EventId& event);

// Everything, or (`since`) what changed after that cursor, in one snapshot.
domain::Bundle bundle(Session& s, const domain::EventId& event, std::optional<std::int64_t> since,
                      domain::Clock::TimePoint now);

// Who scanned.
struct Actor
{
    std::optional<domain::DeviceId> device;
    std::optional<domain::UserId> user;
    std::string gate;
    std::string name; // the device's name, or the person's e-mail
};

// What to record of one scan: the decision made (by the caller's rule), with the ticket's
// passages so far available to it; `record` says what is kept.
struct Recorded
{
    domain::ScanOutcome result = domain::ScanOutcome::Invalid;
    std::optional<domain::TicketId> ticket;
    std::optional<domain::Passage> firstEntry;
};
using Passages = std::function<std::vector<domain::Passage>(const domain::TicketId&)>;
using Decider = std::function<Recorded(const domain::Scan&, const Passages&)>;

// The scans in one transaction, in order: a nonce seen before answers what was recorded then
// and records nothing; otherwise `decide` runs with the ticket's passages read under the
// ticket's lock (two gates scanning one ticket at once decide one after the other), and its
// answer is kept. The device's count and last sight are updated.
std::vector<domain::ScanResult> record(Session& s, const domain::EventId& event, const Actor& actor,
                                       const std::vector<domain::Scan>& scans,
                                       const Decider& decide, domain::Clock::TimePoint now);

// Every passage of the event's tickets (scans that opened the gate), by ticket, and the
// counts by gate and result.
struct ScanCounts
{
    std::string gate;
    std::string result;
    long long count = 0;
};
struct EventScans
{
    std::vector<std::pair<domain::TicketId, std::vector<domain::Passage>>> passages;
    std::vector<ScanCounts> counts;
};
EventScans eventScans(Session& s, const domain::EventId& event);

// The live channel's reads (`checkin:<event_id>`): scans by their number, the cursor the
// largest number whose scan has committed, with every smaller one.
struct NumberedEntry
{
    long long seq = 0;
    domain::CheckInEntry entry;
};
// A subscriber's start: with `since` (at most `limit` scans after it), those scans; otherwise,
// or when more came after it, the totals as of the cursor.
struct Watch
{
    long long cursor = 0;
    std::vector<NumberedEntry> entries;
    std::optional<EventScans> totals;
};
Watch watch(Session& s, const domain::EventId& event, std::optional<long long> since, int limit);
// Up to `limit` scans after `after`, each committed with every one numbered before it.
std::vector<NumberedEntry> entriesAfter(Session& s, const domain::EventId& event, long long after,
                                        int limit);

} // namespace checkin
} // namespace ticketing::db
