#pragma once

#include "db/BookingStore.h"
#include "domain/Clock.h"
#include "domain/Pricing.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <vector>

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// Gathers the holds that arrive together into batches, each placed in one transaction
// (db::bookings::placeHolds): in a flash sale, holds in transactions of their own spend much of
// their time on what every transaction pays (round trips, the commit's flush, executor start-up,
// an outbox row and its relay) and on waiting for each other's locks; paying that once per batch
// doubled the sale's rate in bench/run-flashsale (docs/benchmarks.md).
//
// No timer and no waiting for company: a hold that finds fewer than `concurrency` batches running
// starts one at once with whatever holds are queued (its own among them); holds that arrive while
// batches run queue for the next. A quiet box office makes batches of one, a sale's opening
// second batches of dozens. A batch runs on the database session of the thread that starts it;
// the other threads of the batch wait for their outcome.
//
// Holds that would compete with each other never share a batch (each batch must be correct as if
// its holds ran one after another): same user and idempotency key, same user and event (the
// per-user limit), or a seat in common. The later one waits for the next batch, ahead of newer
// arrivals.
class HoldBatcher
{
public:
    struct Options
    {
        int maxBatch = 64;   // holds per transaction
        int concurrency = 2; // batches running at once (their transactions overlap)
    };
    struct Stats
    {
        std::uint64_t batches = 0;
        std::uint64_t holds = 0;  // placed in them (a hold run twice counts twice)
        std::uint64_t failed = 0; // batches that ended in an error (each of their holds got it)
    };

    HoldBatcher(const domain::Clock& clock, Options options);

    // Blocks until `hold` is placed, in this thread's batch or another's; its outcome, answer and
    // flags are then set. Rethrows the error of a batch that failed (database unavailable, ...).
    void place(db::Session& s, db::bookings::BatchedHold& hold);

    Stats stats() const;

private:
    struct Waiting
    {
        db::bookings::BatchedHold* hold = nullptr;
        bool queued = true; // not yet taken into a batch
        bool done = false;
        std::exception_ptr error;
        // Its thread's wake-up: when its hold is done, or when it is first in the queue and a
        // batch ended (it may start the next). One each, so that the end of a batch wakes the
        // threads it concerns, not every waiting thread.
        std::condition_variable wake;
    };
    std::vector<Waiting*> take(); // under m_mutex

    const domain::Clock& m_clock;
    Options m_options;
    mutable std::mutex m_mutex;
    std::deque<Waiting*> m_queue;
    int m_running = 0;
    Stats m_stats;
};

} // namespace ticketing::services
