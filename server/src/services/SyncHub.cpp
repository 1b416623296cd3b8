#include "services/SyncHub.h"

#include "db/BookingStore.h"
#include "db/Pool.h"
#include "db/SyncStore.h"
#include "domain/Codec.h"
#include "domain/LiveSync.h"
#include "log/Log.h"
#include "services/HoldService.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace ticketing::services {

namespace {
std::shared_ptr<const std::string> message(const domain::SyncServerMessage& m)
{
    return std::make_shared<const std::string>(domain::encodeText(m));
}

std::shared_ptr<const std::string> error(const std::string& code, const std::string& detail)
{
    return message(domain::SyncError{code, detail});
}

// A stored delta (the relay writes a domain::SeatsDelta) read back; a payload that does not
// read is a bug in the relay, and fails the delivery pass loudly.
domain::SeatsDelta payloadOf(const db::sync::Delta& d)
{
    auto delta = domain::decodeText<domain::SeatsDelta>(d.payload);
    if (!delta.ok())
        throw domain::WireError(std::move(delta).error());
    return std::move(delta).value();
}

std::shared_ptr<const std::string> deltaMessage(const std::string& channel,
                                                const db::sync::Delta& d,
                                                const domain::SeatsDelta& payload)
{
    return message(domain::SyncSeats{channel, d.seq, payload});
}

// API.md's `seats` message, compact (an addition, asked for with {"type": "subscribe", ...,
// "format": "compact"}): each seat named by its index in the snapshot's `seats` and its status
// by a letter ([[12, "h"], ...]), about a tenth of the bytes; and a subscriber still writing
// earlier messages gets the deltas since in one message, `from_seq` to `seq`, each seat and tier
// as the last of them left it. Deltas [first, end) of `payloads`, merged.
std::shared_ptr<const std::string> compactMessage(const std::string& channel,
                                                  const std::vector<db::sync::Delta>& deltas,
                                                  const std::vector<domain::SeatsDelta>& payloads,
                                                  std::size_t first,
                                                  const std::unordered_map<std::string, int>& index)
{
    std::map<int, domain::SeatStatus> seats;            // index -> status, the last one wins
    std::map<domain::TierId, domain::TierCounts> tiers; // the last counts win
    for (std::size_t i = first; i < deltas.size(); ++i) {
        for (const auto& c : payloads[i].changes) {
            if (!c.seat)
                continue;
            if (const auto it = index.find(c.seat->toString()); it != index.end())
                seats[it->second] = c.status;
        }
        for (const auto& t : payloads[i].tiers)
            tiers[t.tier] = t;
    }
    domain::SyncCompactSeats m{channel, deltas[first].seq, deltas.back().seq, {}, {}};
    m.changes.reserve(seats.size());
    for (const auto& [i, status] : seats)
        m.changes.push_back({i, status});
    for (auto& [id, counts] : tiers)
        m.tiers.push_back(counts);
    return message(m);
}

std::string channelOf(const domain::EventId& e)
{
    return domain::eventChannel(e);
}
} // namespace

SyncHub::SyncHub(db::Pool& pool, std::string databaseUrl, HoldService& holds)
    : m_pool(pool), m_url(std::move(databaseUrl)), m_holds(holds),
      m_thread([this] { deliveryLoop(); })
{
}

SyncHub::~SyncHub()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::size_t SyncHub::subscriptions() const
{
    const std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto& [e, subs] : m_subs)
        n += subs.size();
    return n;
}

void SyncHub::forget(std::uint64_t subscriber)
{
    const std::lock_guard lock(m_mutex);
    if (auto it = m_byPeer.find(subscriber); it != m_byPeer.end()) {
        for (const auto& e : it->second)
            if (auto subs = m_subs.find(e); subs != m_subs.end()) {
                subs->second.erase(subscriber);
                if (subs->second.empty())
                    m_subs.erase(subs);
            }
        m_byPeer.erase(it);
    }
}

void SyncHub::unsubscribe(std::uint64_t peer, const domain::EventId& event)
{
    const std::lock_guard lock(m_mutex);
    if (auto subs = m_subs.find(event); subs != m_subs.end()) {
        subs->second.erase(peer);
        if (subs->second.empty())
            m_subs.erase(subs);
    }
    if (auto it = m_byPeer.find(peer); it != m_byPeer.end())
        it->second.erase(event);
}

std::shared_ptr<const SyncHub::SeatIndex> SyncHub::seatIndex(db::Session& s,
                                                             const domain::EventId& event)
{
    {
        const std::lock_guard lock(m_mutex);
        if (auto it = m_seatIndexes.find(event); it != m_seatIndexes.end())
            return it->second;
    }
    const auto a = db::bookings::availability(s, event); // the snapshot's order
    auto index = std::make_shared<SeatIndex>();
    index->reserve(a.seats.size());
    for (std::size_t i = 0; i < a.seats.size(); ++i)
        (*index)[a.seats[i].seat.toString()] = static_cast<int>(i);
    const std::lock_guard lock(m_mutex);
    if (m_seatIndexes.size() > 100)
        m_seatIndexes.clear();
    return m_seatIndexes[event] = std::move(index);
}

void SyncHub::subscribe(const std::shared_ptr<SyncSubscriber>& peer, const domain::EventId& event,
                        std::optional<long long> since, bool compact)
{
    std::weak_ptr<SyncSubscriber> weak = peer;
    const auto channel = channelOf(event);
    // Reading the snapshot or the missed deltas is database work: a worker does it.
    const bool queued =
        m_pool.trySubmit([this, weak, event, since, channel, compact](db::Session& s) {
            auto p = weak.lock();
            if (!p)
                return;
            try {
                const auto facts = db::bookings::eventFacts(s, event);
                if (!facts || facts->status == domain::EventStatus::Draft)
                    return p->send(error("not_found", "no such event"));
                const auto index = compact ? seatIndex(s, event) : nullptr;
                long long last = 0;
                bool replayed = false;
                if (since && *since <= facts->syncSeq) {
                    const auto deltas = db::sync::deltasAfter(s, event, *since, 100000);
                    const bool complete = *since == facts->syncSeq ||
                                          (!deltas.empty() && deltas.front().seq == *since + 1);
                    if (complete) {
                        last = *since;
                        std::vector<domain::SeatsDelta> payloads;
                        payloads.reserve(deltas.size());
                        for (const auto& d : deltas)
                            payloads.push_back(payloadOf(d));
                        if (compact && !deltas.empty()) {
                            p->send(compactMessage(channel, deltas, payloads, 0,
                                                   *index)); // all of it, merged
                            last = deltas.back().seq;
                        } else {
                            for (std::size_t i = 0; i < deltas.size(); ++i) {
                                const auto& d = deltas[i];
                                p->send(deltaMessage(channel, d, payloads[i]));
                                last = d.seq;
                            }
                        }
                        replayed = true;
                    }
                }
                if (!replayed) { // no `since`, or too far behind to replay: a snapshot
                    std::shared_ptr<const std::string> snapshot;
                    {
                        const std::lock_guard lock(m_mutex);
                        if (auto it = m_snapshots.find(event);
                            it != m_snapshots.end() && it->second.first == facts->syncSeq) {
                            snapshot = it->second.second;
                            last = it->second.first;
                        }
                    }
                    if (!snapshot) {
                        // By stored status, so it depends on the seq alone: shared while the seq
                        // stays the same.
                        const auto a = db::bookings::availability(s, event);
                        snapshot = message(domain::SyncSnapshot{channel, a.seq, a});
                        last = a.seq;
                        const std::lock_guard lock(m_mutex);
                        if (m_snapshots.size() > 100)
                            m_snapshots.clear();
                        m_snapshots[event] = {a.seq, snapshot};
                    }
                    p->send(snapshot);
                }
                {
                    const std::lock_guard lock(m_mutex);
                    m_subs[event][p->id()] = Subscriber{p, last, compact};
                    m_byPeer[p->id()].insert(event);
                }
                wake(event); // anything stamped since we read
            } catch (const db::Unavailable&) {
                p->send(error("database_unavailable",
                              "the database cannot be reached; subscribe again shortly"));
            } catch (const std::exception& e) {
                log::error("subscribe failed", {{"error", e.what()}});
                p->send(error("internal_error", "the subscription failed"));
            }
        });
    if (!queued)
        peer->send(error("overloaded", "the server is busy; subscribe again shortly"));
}

void SyncHub::wake(const domain::EventId& event)
{
    {
        const std::lock_guard lock(m_mutex);
        m_dirty.insert(event);
    }
    m_cv.notify_all();
}

void SyncHub::deliveryLoop()
{
    db::Session session(m_url);
    db::sync::Listener listener(m_url, "ticketing_sync");
    auto lastFullPass = std::chrono::steady_clock::now();
    std::set<domain::EventId> retry; // events with compact subscribers still writing
    for (;;) {
        std::set<domain::EventId> due;
        {
            std::unique_lock lock(m_mutex);
            if (m_stop)
                return;
            due.swap(m_dirty);
        }
        waitForChanges(listener, due);
        due.insert(retry.begin(), retry.end()); // after the short wait: no spinning on them
        retry.clear();
        for (const auto& event : eventsToCheck(due, lastFullPass)) {
            try {
                if (deliver(session, event))
                    retry.insert(event);
            } catch (const db::Unavailable&) {
                // retried on the next pass
            } catch (const std::exception& e) {
                log::error("live sync delivery failed", {{"error", e.what()}});
            }
        }
    }
}

void SyncHub::waitForChanges(db::sync::Listener& listener, std::set<domain::EventId>& due)
{
    try {
        // Short waits so that new subscribers (m_dirty) are served promptly too.
        for (const auto& id : listener.wait(due.empty() ? std::chrono::milliseconds(50)
                                                        : std::chrono::milliseconds(0)))
            if (auto e = domain::EventId::parse(id))
                due.insert(*e);
    } catch (const db::Unavailable&) {
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stop; });
    }
}

std::vector<domain::EventId>
SyncHub::eventsToCheck(const std::set<domain::EventId>& due,
                       std::chrono::steady_clock::time_point& lastFullPass)
{
    // Every subscribed event once a second (a lost notice), the announced ones at once.
    const auto now = std::chrono::steady_clock::now();
    std::vector<domain::EventId> events;
    const std::lock_guard lock(m_mutex);
    const bool full = now - lastFullPass > std::chrono::seconds(1);
    for (const auto& [e, subs] : m_subs)
        if (full || due.count(e))
            events.push_back(e);
    if (full)
        lastFullPass = now;
    return events;
}

bool SyncHub::deliver(db::Session& session, const domain::EventId& event)
{
    std::set<std::uint64_t> writing; // compact subscribers still writing: the next pass
    for (;;) {
        long long from = -1;
        bool anyCompact = false;
        {
            const std::lock_guard lock(m_mutex);
            auto it = m_subs.find(event);
            if (it == m_subs.end())
                break;
            for (const auto& [id, sub] : it->second) {
                if (writing.count(id))
                    continue;
                from = from < 0 ? sub.last : std::min(from, sub.last);
                anyCompact = anyCompact || sub.compact;
            }
        }
        if (from < 0)
            break;
        constexpr int kBatch = 1000;
        const auto deltas = db::sync::deltasAfter(session, event, from, kBatch);
        if (deltas.empty())
            break;
        std::shared_ptr<const SeatIndex> index;
        if (anyCompact)
            index = seatIndex(session, event); // kept since the subscription
        std::set<std::uint64_t> behind;
        send(event, deltas, index, writing, behind);
        if (!behind.empty()) {
            resnapshot(session, event, behind);
            continue; // the deltas after the snapshot
        }
        if (static_cast<int>(deltas.size()) < kBatch)
            break;
    }
    return !writing.empty();
}

void SyncHub::resnapshot(db::Session& session, const domain::EventId& event,
                         const std::set<std::uint64_t>& subscribers)
{
    const auto a = db::bookings::availability(session, event);
    const auto snapshot = message(domain::SyncSnapshot{channelOf(event), a.seq, a});
    log::info("live subscribers whose next delta no longer exists get a new snapshot",
              {{"event", event.toString()}, {"subscribers", subscribers.size()}});
    const std::lock_guard lock(m_mutex);
    auto it = m_subs.find(event);
    if (it == m_subs.end())
        return;
    for (const auto id : subscribers)
        if (auto sub = it->second.find(id); sub != it->second.end())
            if (auto peer = sub->second.peer.lock()) {
                peer->send(snapshot);
                sub->second.last = a.seq;
            }
}

void SyncHub::send(const domain::EventId& event, const std::vector<db::sync::Delta>& deltas,
                   const std::shared_ptr<const SeatIndex>& index, std::set<std::uint64_t>& writing,
                   std::set<std::uint64_t>& behind)
{
    const auto channel = channelOf(event);
    // One buffer per delta (full) or per starting point (compact), shared by every subscriber
    // that needs it.
    std::vector<domain::SeatsDelta> payloads;
    payloads.reserve(deltas.size());
    for (const auto& d : deltas)
        payloads.push_back(payloadOf(d));
    std::vector<std::shared_ptr<const std::string>> messages;
    for (std::size_t i = 0; i < deltas.size(); ++i)
        messages.push_back(deltaMessage(channel, deltas[i], payloads[i]));
    std::map<std::size_t, std::shared_ptr<const std::string>> merged;
    const std::lock_guard lock(m_mutex);
    auto it = m_subs.find(event);
    if (it == m_subs.end())
        return;
    for (auto& [id, sub] : it->second) {
        auto peer = sub.peer.lock();
        if (!peer || writing.count(id))
            continue;
        std::size_t first = 0;
        while (first < deltas.size() && deltas[first].seq != sub.last + 1)
            ++first;
        if (first == deltas.size()) {
            // Deltas beyond its last, none that follows on: what it missed is gone (a new
            // database history after a fail-over, migration 0016, or pruned while it lagged).
            if (deltas.front().seq > sub.last + 1)
                behind.insert(id);
            continue;
        }
        if (sub.compact) {
            if (peer->backlog() > 0) { // still writing: what comes is merged for it
                writing.insert(id);
                continue;
            }
            auto& m = merged[first];
            if (!m)
                m = compactMessage(channel, deltas, payloads, first, *index);
            peer->send(m);
            sub.last = deltas.back().seq;
            continue;
        }
        for (std::size_t i = first; i < deltas.size(); ++i) {
            peer->send(messages[i]);
            sub.last = deltas[i].seq;
        }
    }
}

} // namespace ticketing::services
