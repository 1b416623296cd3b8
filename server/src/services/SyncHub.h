#pragma once

#include "domain/Uuid.h"
#include "http/WebSocket.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>

namespace ticketing::db {
class Pool;
class Session;
} // namespace ticketing::db

namespace ticketing::services {

class HoldService;
class TokenService;

// The live seat map (API.md "Live sync"): WebSocket clients subscribe to `event:<id>` and get a
// snapshot (or, resuming with `since`, what they missed), then every delta in `seq` order.
// Deltas are read from PostgreSQL (written by the relay, whichever instance leads), so a change
// made through any instance reaches the clients of all. A LISTEN connection wakes delivery at
// once; a slow poll covers lost notices.
class SyncHub final : public http::WebSocketHandler
{
public:
    SyncHub(db::Pool& pool, std::string databaseUrl, HoldService& holds,
            const TokenService& tokens);
    ~SyncHub() override; // stops the delivery thread

    void onMessage(const std::shared_ptr<http::WebSocketPeer>& peer, std::string text) override;
    void onClose(const std::shared_ptr<http::WebSocketPeer>& peer) override;

    std::size_t subscriptions() const;

private:
    struct Subscriber
    {
        std::weak_ptr<http::WebSocketPeer> peer;
        long long last = 0;   // the last seq it was sent
        bool compact = false; // {"format": "compact"}: seats by their index in the snapshot
    };
    // Seat id -> its position in the snapshot's `seats` (ordered by label): what a compact
    // delta names a seat by. A published event's seats never change, so it is kept.
    using SeatIndex = std::unordered_map<std::string, int>;

    void subscribe(const std::shared_ptr<http::WebSocketPeer>& peer, const domain::EventId& event,
                   std::optional<long long> since, const std::string& channel, bool compact);
    std::shared_ptr<const SeatIndex> seatIndex(db::Session& s, const domain::EventId& event);
    void unsubscribe(std::uint64_t peer, const domain::EventId& event);
    void deliveryLoop();
    void wake(const domain::EventId& event);

    db::Pool& m_pool;
    std::string m_url;
    HoldService& m_holds;
    const TokenService& m_tokens;

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

// Turns committed outbox rows into ordered deltas (db::sync::stampPending). One instance leads
// (a session advisory lock); the others wait to take over. It polls every 10 ms: writers do
// not NOTIFY, because that serialises their commits (migration 0008).
class SyncRelay
{
public:
    explicit SyncRelay(std::string databaseUrl);
    ~SyncRelay();
    bool leading() const { return m_leading.load(); }

private:
    void loop();
    std::string m_url;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_leading{false};
    std::thread m_thread;
};

} // namespace ticketing::services
