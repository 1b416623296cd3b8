#include "services/CheckInFeed.h"

#include "db/Pool.h"
#include "db/SyncStore.h"
#include "domain/Codec.h"
#include "domain/LiveSync.h"
#include "log/Log.h"
#include "services/CheckInService.h"
#include "services/SyncHub.h"

#include <vector>

namespace ticketing::services {

namespace {
using namespace std::chrono_literals;
constexpr auto kRecheck = 10s; // a subscriber's right to watch, asked again
constexpr auto kFullPass = 2s; // every subscribed event, for a lost notice
constexpr int kBatch = 1000;   // scans read per query

std::shared_ptr<const std::string> message(const domain::SyncServerMessage& m)
{
    return std::make_shared<const std::string>(domain::encodeText(m));
}

std::shared_ptr<const std::string> error(const std::string& code, const std::string& detail)
{
    return message(domain::SyncError{code, detail});
}
} // namespace

CheckInFeed::CheckInFeed(db::Pool& pool, std::string databaseUrl, CheckInService& checkin,
                         Authenticate authenticate)
    : m_pool(pool), m_url(std::move(databaseUrl)), m_checkin(checkin),
      m_authenticate(std::move(authenticate)), m_thread([this] { listenLoop(); })
{
}

CheckInFeed::~CheckInFeed()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::size_t CheckInFeed::subscriptions() const
{
    const std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto& [e, subs] : m_subs)
        n += subs.size();
    return n;
}

void CheckInFeed::unsubscribe(std::uint64_t subscriber, const domain::EventId& event)
{
    const std::lock_guard lock(m_mutex);
    if (auto it = m_subs.find(event); it != m_subs.end()) {
        it->second.erase(subscriber);
        if (it->second.empty())
            m_subs.erase(it);
    }
}

void CheckInFeed::forget(std::uint64_t subscriber)
{
    const std::lock_guard lock(m_mutex);
    for (auto it = m_subs.begin(); it != m_subs.end();) {
        it->second.erase(subscriber);
        it = it->second.empty() ? m_subs.erase(it) : std::next(it);
    }
}

void CheckInFeed::subscribe(const std::shared_ptr<SyncSubscriber>& subscriber,
                            const domain::EventId& event, std::optional<long long> since,
                            std::string token)
{
    if (token.empty())
        return subscriber->send(error("unauthorized",
                                      "the checkin channel needs a token: send "
                                      "{\"type\": \"auth\", \"token\": ...} first"));
    std::weak_ptr<SyncSubscriber> weak = subscriber;
    const bool queued =
        m_pool.trySubmit([this, weak, event, since, token = std::move(token)](db::Session&) {
            auto peer = weak.lock();
            if (!peer)
                return;
            try {
                auto caller = m_authenticate(token);
                if (!caller.ok())
                    return peer->send(error(caller.error().code(), caller.error().detail()));
                auto start = m_checkin.watch(*caller, event, since);
                if (!start.ok())
                    return peer->send(error(start.error().code(), start.error().detail()));
                const auto channel = domain::checkinChannel(event);
                if (start->stats)
                    peer->send(message(
                        domain::SyncCheckInSnapshot{channel, start->cursor, *start->stats}));
                for (const auto& n : start->entries)
                    peer->send(message(domain::SyncCheckIn{channel, n.seq, n.entry}));
                {
                    const std::lock_guard lock(m_mutex);
                    m_subs[event][peer->id()] =
                        Subscriber{peer, start->cursor, token, std::chrono::steady_clock::now()};
                }
                schedule(event); // anything recorded since the cursor
            } catch (const db::Unavailable&) {
                peer->send(error("database_unavailable",
                                 "the database cannot be reached; subscribe again shortly"));
            } catch (const std::exception& e) {
                log::error("checkin subscribe failed", {{"error", e.what()}});
                peer->send(error("internal_error", "the subscription failed"));
            }
        });
    if (!queued)
        subscriber->send(error("overloaded", "the server is busy; subscribe again shortly"));
}

void CheckInFeed::schedule(const domain::EventId& event)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_subs.count(event))
            return;
        if (m_running.count(event)) {
            m_again.insert(event);
            return;
        }
        m_running.insert(event);
    }
    if (!m_pool.trySubmit([this, event](db::Session&) { deliver(event); })) {
        const std::lock_guard lock(m_mutex); // the next pass tries again
        m_running.erase(event);
    }
}

void CheckInFeed::deliver(const domain::EventId& event)
{
    for (;;) {
        try {
            for (;;) {
                long long from = -1;
                {
                    const std::lock_guard lock(m_mutex);
                    if (auto it = m_subs.find(event); it != m_subs.end())
                        for (const auto& [id, sub] : it->second)
                            from = from < 0 ? sub.last : std::min(from, sub.last);
                }
                if (from < 0)
                    break;
                const auto entries = m_checkin.entriesAfter(event, from, kBatch);
                if (entries.empty())
                    break;
                const auto channel = domain::checkinChannel(event);
                std::vector<std::shared_ptr<const std::string>> messages;
                messages.reserve(entries.size());
                for (const auto& n : entries)
                    messages.push_back(message(domain::SyncCheckIn{channel, n.seq, n.entry}));
                {
                    const std::lock_guard lock(m_mutex);
                    if (auto it = m_subs.find(event); it != m_subs.end())
                        for (auto& [id, sub] : it->second) {
                            auto peer = sub.peer.lock();
                            if (!peer)
                                continue;
                            for (std::size_t i = 0; i < entries.size(); ++i)
                                if (entries[i].seq > sub.last) {
                                    peer->send(messages[i]);
                                    sub.last = entries[i].seq;
                                }
                        }
                }
                if (static_cast<int>(entries.size()) < kBatch)
                    break;
            }
            recheck(event);
        } catch (const db::Unavailable&) {
            // the next notice or pass tries again
        } catch (const std::exception& e) {
            log::error("checkin delivery failed", {{"error", e.what()}});
        }
        const std::lock_guard lock(m_mutex);
        if (m_again.erase(event) == 0) {
            m_running.erase(event);
            return;
        }
    }
}

void CheckInFeed::recheck(const domain::EventId& event)
{
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::pair<std::uint64_t, std::string>> due;
    {
        const std::lock_guard lock(m_mutex);
        auto it = m_subs.find(event);
        if (it == m_subs.end())
            return;
        for (auto& [id, sub] : it->second)
            if (now - sub.checked >= kRecheck) {
                sub.checked = now;
                due.emplace_back(id, sub.token);
            }
    }
    for (const auto& [id, token] : due) {
        auto caller = m_authenticate(token);
        std::optional<domain::Problem> refused =
            caller.ok() ? m_checkin.mayWatch(*caller, event) : std::optional(caller.error());
        if (!refused)
            continue;
        const std::lock_guard lock(m_mutex);
        auto it = m_subs.find(event);
        if (it == m_subs.end())
            continue;
        if (auto sub = it->second.find(id); sub != it->second.end()) {
            if (auto peer = sub->second.peer.lock())
                peer->send(error(refused->code(), refused->detail()));
            it->second.erase(sub);
            if (it->second.empty())
                m_subs.erase(it);
        }
    }
}

void CheckInFeed::listenLoop()
{
    db::sync::Listener listener(m_url, "ticketing_checkin");
    auto lastFullPass = std::chrono::steady_clock::now();
    for (;;) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        std::vector<domain::EventId> due;
        try {
            for (const auto& id : listener.wait(250ms))
                if (auto e = domain::EventId::parse(id))
                    due.push_back(*e);
        } catch (const db::Unavailable&) {
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, 500ms, [this] { return m_stop; });
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - lastFullPass >= kFullPass) {
            lastFullPass = now;
            const std::lock_guard lock(m_mutex);
            for (const auto& [e, subs] : m_subs)
                due.push_back(e);
        }
        for (const auto& e : due)
            schedule(e);
    }
}

} // namespace ticketing::services
