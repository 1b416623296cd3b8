#pragma once

#include "domain/Uuid.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace ticketing::db {
class Pool;
class Session;
namespace sync {
class Listener;
struct Delta;
} // namespace sync
} // namespace ticketing::db

namespace ticketing::services {

class HoldService;

// Who receives a subscription's messages (a WebSocket connection, to the transport). Any thread.
class SyncSubscriber
{
public:
    virtual ~SyncSubscriber() = default;
    // Messages leave in the order they were sent; the text is shared by every subscriber.
    virtual void send(std::shared_ptr<const std::string> text) = 0;
    // Messages sent but not yet delivered: a compact subscriber that is behind gets the next
    // deltas merged.
    virtual std::size_t backlog() const = 0;
    virtual std::uint64_t id() const = 0;
};

// The live seat map (API.md "Live sync"): subscribers of an event get a snapshot (or, resuming
// with `since`, what they missed), then every delta in `seq` order, as the wire contract's
// messages (domain/LiveSync.h), each written once and shared by every subscriber. Deltas are read
// from PostgreSQL (written by the relay, whichever instance leads), so a change made through any
// instance reaches the subscribers of all. A LISTEN connection wakes delivery at once; a slow
// poll covers lost notices. The socket protocol is the handlers' (handlers/LiveSyncHandler).
class SyncHub final
{
public:
    SyncHub(db::Pool& pool, std::string databaseUrl, HoldService& holds);
    ~SyncHub(); // stops the delivery thread

    // The snapshot or the missed deltas are read on a pool worker; errors reach the subscriber as
    // error messages (not_found, overloaded, database_unavailable). The hub keeps a weak
    // reference: a subscriber that goes away is dropped.
    void subscribe(const std::shared_ptr<SyncSubscriber>& subscriber, const domain::EventId& event,
                   std::optional<long long> since, bool compact);
    void unsubscribe(std::uint64_t subscriber, const domain::EventId& event);
    // Every subscription of a subscriber that is gone.
    void forget(std::uint64_t subscriber);

    std::size_t subscriptions() const;

private:
    struct Subscriber
    {
        std::weak_ptr<SyncSubscriber> peer;
        long long last = 0;   // the last seq it was sent
        bool compact = false; // {"format": "compact"}: seats by their index in the snapshot
    };
    // Seat id -> its position in the snapshot's `seats` (ordered by label): what a compact
    // delta names a seat by. A published event's seats never change, so it is kept.
    using SeatIndex = std::unordered_map<std::string, int>;

    std::shared_ptr<const SeatIndex> seatIndex(db::Session& s, const domain::EventId& event);
    // The delivery thread: waits for changes (a LISTEN notice, a new subscriber, or a second
    // gone by), then delivers each event's new deltas to its subscribers.
    void deliveryLoop();
    void waitForChanges(db::sync::Listener& listener, std::set<domain::EventId>& due);
    std::vector<domain::EventId> eventsToCheck(const std::set<domain::EventId>& due,
                                               std::chrono::steady_clock::time_point& lastFullPass);
    // True when compact subscribers were still writing (they get the rest merged next pass).
    bool deliver(db::Session& session, const domain::EventId& event);
    // `behind`: the subscribers for whom no delta follows on from their last seq.
    void send(const domain::EventId& event, const std::vector<db::sync::Delta>& deltas,
              const std::shared_ptr<const SeatIndex>& index, std::set<std::uint64_t>& writing,
              std::set<std::uint64_t>& behind);
    // A fresh snapshot to each of `subscribers`, who go on from its seq.
    void resnapshot(db::Session& session, const domain::EventId& event,
                    const std::set<std::uint64_t>& subscribers);
    void wake(const domain::EventId& event);

    db::Pool& m_pool;
    std::string m_url;
    HoldService& m_holds;

    mutable std::mutex m_mutex;
    std::map<domain::EventId, std::map<std::uint64_t, Subscriber>> m_subs;
    std::map<std::uint64_t, std::set<domain::EventId>> m_byPeer;
    std::set<domain::EventId> m_dirty; // to check at once (new subscribers)
    // The last snapshot message per event and its seq: thousands of clients joining a big
    // event at once share one (a stadium's is over a megabyte) while nothing changes.
    std::map<domain::EventId, std::pair<long long, std::shared_ptr<const std::string>>> m_snapshots;
    std::map<domain::EventId, std::shared_ptr<const SeatIndex>> m_seatIndexes;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ticketing::services
