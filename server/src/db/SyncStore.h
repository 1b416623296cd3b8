#pragma once

#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

namespace sync {

struct Delta
{
    long long seq = 0;
    std::string payload; // JSON: {"changes": [...], "tiers": [...]}
};

// The relay's pass: stamps up to `limit` unstamped outbox rows, one delta per event, with the
// seat states as they are now and the tier counts moved by the rows' moves; returns the events that
// got a delta. Sends NOTIFY ticketing_sync with each event id at commit.
std::vector<domain::EventId> stampPending(Session& s, int limit);

// Compares the live sync's tier counts (kept from the moves of stamped rows, migration 0010)
// with the units, when no row waits to be stamped, and corrects them with a delta for each
// event whose counts had drifted; returns those events, and in `corrected` how many tiers.
// The relay runs it when it takes over and now and then.
std::vector<domain::EventId> reconcileCounts(Session& s, int& corrected);

// Deltas of `event` with seq > `after`, in order (at most `limit`).
std::vector<Delta> deltasAfter(Session& s, const domain::EventId& event, long long after,
                               int limit);
// Deletes deltas (and stamped outbox rows) older than `keep`.
void prune(Session& s, domain::Clock::TimePoint olderThan);

// Holds the relay's leadership while `connection` lives: true when this process leads.
class RelayLease
{
public:
    explicit RelayLease(std::string url);
    ~RelayLease();
    bool tryAcquire();
    bool held() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A connection that LISTENs on `channel` ("ticketing_sync": payloads are event ids;
// other channels as needed); wait() returns the payloads notified within `timeout`
// (empty on timeout). Throws db::Unavailable when the connection breaks (the next wait
// reconnects).
class Listener
{
public:
    Listener(std::string url, std::string channel);
    ~Listener();
    std::vector<std::string> wait(std::chrono::milliseconds timeout);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sync
} // namespace ticketing::db
