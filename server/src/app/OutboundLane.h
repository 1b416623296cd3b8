#pragma once

#include "db/Pool.h"
#include "http/Executor.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ticketing::app {

// Where the routes that wait on another service (a payment provider) run: threads of their own,
// so that a provider that stalls ties up these and never the database pool's workers. A route
// here holds no database session while it waits; each of its transactions borrows a pool worker
// for as long as it runs (db::withSession). Bounded like the pool: a full queue is 503.
class OutboundLane final : public http::Executor
{
public:
    struct Options
    {
        int threads = 64;
        std::size_t queueLimit = 512;
    };
    struct Stats
    {
        int threads = 0;
        int busy = 0;
        std::size_t queued = 0;
        std::uint64_t rejected = 0;
    };
    OutboundLane(db::Pool& pool, Options options);
    ~OutboundLane() override; // stop()

    bool trySubmit(std::function<void()> job) override;
    Stats stats() const;
    // Refuses new jobs, finishes those queued, joins. Before the pool stops.
    void stop();

private:
    void loop();

    db::Pool& m_pool;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_busy{0};
    std::atomic<std::uint64_t> m_rejected{0};
};

} // namespace ticketing::app
