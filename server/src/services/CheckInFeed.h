#pragma once

#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Uuid.h"
#include "services/Caller.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace ticketing::db {
class Pool;
} // namespace ticketing::db

namespace ticketing::services {

class CheckInService;
class SyncSubscriber;

// The gate's live channel (API.md "Check-in", `checkin:<event_id>`): each scan recorded, in
// order, to the organizer and the other gates, whichever instance recorded it. A subscriber
// starts with the scans after its `since`, or with the totals as of now (`checkin_snapshot`),
// then gets every later scan once. Scans are read from PostgreSQL under the event's change lock
// (db/CheckInStore), so one committed late is never skipped; a LISTEN connection
// ("ticketing_checkin") wakes delivery at once, a pass every two seconds covers lost notices.
// Database work runs on the pool's workers. A subscriber's right to watch is asked again every
// ten seconds: a removed device stops hearing.
class CheckInFeed final
{
public:
    // Who a token is (runs on a pool worker: it may read the database).
    using Authenticate =
        std::function<domain::Result<Caller, domain::Problem>(const std::string& token)>;

    CheckInFeed(db::Pool& pool, std::string databaseUrl, CheckInService& checkin,
                Authenticate authenticate);
    ~CheckInFeed(); // stops the listening thread

    // `token`: what the connection's {"type": "auth"} message carried (empty: none).
    void subscribe(const std::shared_ptr<SyncSubscriber>& subscriber, const domain::EventId& event,
                   std::optional<long long> since, std::string token);
    void unsubscribe(std::uint64_t subscriber, const domain::EventId& event);
    void forget(std::uint64_t subscriber);
    std::size_t subscriptions() const;

private:
    struct Subscriber
    {
        std::weak_ptr<SyncSubscriber> peer;
        long long last = 0; // the last seq it was sent
        std::string token;
        std::chrono::steady_clock::time_point checked;
    };

    void listenLoop();
    // Queues a delivery pass for `event` unless one is running (then it runs again after).
    void schedule(const domain::EventId& event);
    void deliver(const domain::EventId& event);
    void recheck(const domain::EventId& event);

    db::Pool& m_pool;
    std::string m_url;
    CheckInService& m_checkin;
    Authenticate m_authenticate;

    mutable std::mutex m_mutex;
    std::map<domain::EventId, std::map<std::uint64_t, Subscriber>> m_subs;
    std::set<domain::EventId> m_running; // a pass is queued or running
    std::set<domain::EventId> m_again;   // changed while it ran
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ticketing::services
