#pragma once

#include "cache/SeatLocks.h"
#include "db/BookingStore.h"
#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/SeatMap.h"
#include "services/HoldBatcher.h"
#include "services/Keyed.h"
#include "services/Periodic.h"
#include "services/VenueService.h"

#include <atomic>
#include <boost/json/value.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

namespace ticketing::cache {
class Redis;
class SeatLocks;
} // namespace ticketing::cache
namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// Holds, their release, reading bookings, and availability (API.md "Bookings" without
// payment). The rules are here; the mechanics of the all-or-nothing holds are in db/BookingStore
// (a batch of them per transaction, gathered by HoldBatcher); the Redis fast path refuses
// contended seats before PostgreSQL is asked.
class HoldService
{
public:
    HoldService(cache::Redis& redis, const domain::Clock& clock, std::chrono::seconds holdTtl,
                HoldBatcher::Options batching = {});
    ~HoldService();

    // POST /bookings/hold: the booking, or why not, stored with the key (`requestHash` is the
    // body's, domain::requestHash); a retry of the key gets the first answer replayed.
    Keyed<domain::Booking> hold(const Caller& caller, const std::string& idempotencyKey,
                                const std::string& requestHash, const domain::HoldRequest& request);

    // Owner, box office, admin, or the event's organizer; to anyone else it does not exist.
    domain::Result<domain::Booking, domain::Problem> get(const Caller& caller,
                                                         const domain::BookingId& id);
    domain::Result<domain::Booking, domain::Problem> cancel(const Caller& caller,
                                                            const domain::BookingId& id);
    std::vector<domain::Booking> mine(const Caller& caller,
                                      const std::optional<std::string>& cursor, int limit,
                                      std::optional<std::string>& nextCursor);
    // GET /bookings (API.md "Box office"): staff search every event, an organizer its own;
    // newest first, `limit` of them after the cursor.
    struct Search
    {
        std::optional<domain::EventId> event;
        std::optional<domain::BookingStatus> status;
        std::optional<std::string> text;
        std::optional<std::string> cursor;
        int limit = 50;
    };
    domain::Result<std::vector<domain::Booking>, domain::Problem>
    search(const Caller& caller, const Search& search, std::optional<std::string>& nextCursor);
    // Published events only.
    domain::Result<domain::Availability, domain::Problem>
    availability(const domain::EventId& event);

    // Lets go of the fast path's keys of a booking's seats once it no longer holds them.
    void forgetSeats(const domain::Booking& booking);

    std::chrono::seconds holdTtl() const { return m_ttl; }
    HoldBatcher::Stats batcherStats() const { return m_batcher.stats(); }
    const domain::Clock& clock() const { return m_clock; }

private:
    // The hold of named seats or of standing places, after the event's checks. `chosenSplit`: set
    // for seats that best available chose (whether they are in several rows); `fastRefused`, when
    // given, gets the seats the Redis fast path refused (such a refusal is not kept with the key).
    Keyed<domain::Booking>
    holdUnits(db::Session& s, const Caller& caller, const std::string& key,
              const std::string& requestHash, const domain::HoldRequest& request,
              const db::bookings::EventFacts& event, domain::Clock::TimePoint now,
              const std::optional<domain::UserId>& soldBy, std::optional<bool> chosenSplit,
              std::vector<domain::SeatId>* fastRefused);
    // Best available seats of a seated tier (domain::bestAvailable on its free seats), then held
    // as named seats.
    Keyed<domain::Booking> holdBestAvailable(db::Session& s, const Caller& caller,
                                             const std::string& key, const std::string& requestHash,
                                             const domain::HoldRequest& request,
                                             const db::bookings::EventFacts& event,
                                             domain::Clock::TimePoint now,
                                             const std::optional<domain::UserId>& soldBy);
    // The seat map of a published event's venue, read once.
    std::shared_ptr<const domain::SeatMap> seatMap(db::Session& s, const domain::EventId& event,
                                                   const domain::VenueId& venue);
    std::mutex m_mapsMutex;
    std::unordered_map<domain::Uuid, std::shared_ptr<const domain::SeatMap>> m_maps;

    // Event facts (status, sale window) remembered for 1 s: the fast path refuses a contended
    // seat without PostgreSQL. The hold transaction re-checks the status itself.
    std::optional<db::bookings::EventFacts> eventFacts(db::Session& s, const domain::EventId& id);
    std::mutex m_factsMutex;
    std::unordered_map<domain::Uuid, std::pair<std::optional<db::bookings::EventFacts>,
                                               std::chrono::steady_clock::time_point>>
        m_facts;

    // Of the seats Redis refused, those that no live booking has in PostgreSQL have their key
    // removed (true when any was). Seats PostgreSQL shows taken are remembered for a second.
    bool freeStaleKeys(db::Session& s, const domain::HoldRequest& request,
                       const std::vector<cache::SeatLocks::Taken>& taken,
                       domain::Clock::TimePoint now);

    cache::Redis& m_redis;
    std::unique_ptr<cache::SeatLocks> m_locks;
    std::mutex m_takenMutex;
    std::unordered_map<std::string, std::chrono::steady_clock::time_point> m_takenUntil;
    const domain::Clock& m_clock;
    std::chrono::seconds m_ttl;
    HoldBatcher m_batcher;
};

// Marks holds whose time has passed as expired, about once a second, and announces their
// seats (the outbox). Holds end by time whether or not it runs: a held unit past its time is
// claimable at once; this keeps bookings and counts tidy. Safe on many instances at once.
class HoldSweeper
{
public:
    HoldSweeper(std::string databaseUrl, const domain::Clock& clock,
                std::chrono::milliseconds interval);
    std::uint64_t expired() const { return m_expired.load(); }
    // One round: every hold whose time is up at `now` moves held -> expired (the booking state
    // machine's move, checked by domain::transition), a batch at a time, each with its audit
    // event and live-sync announcement. How many were expired.
    static int sweep(db::Session& session, domain::Clock::TimePoint now);

private:
    std::atomic<std::uint64_t> m_expired{0};
    Periodic m_job; // last: destroyed (stopped) first
};

} // namespace ticketing::services
