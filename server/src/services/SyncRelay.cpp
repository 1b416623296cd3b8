#include "services/SyncRelay.h"

#include "db/Pool.h"
#include "db/SyncStore.h"
#include "log/Log.h"

namespace ticketing::services {

SyncRelay::SyncRelay(std::string databaseUrl)
    : m_url(std::move(databaseUrl)), m_thread([this] { loop(); })
{
}

SyncRelay::~SyncRelay()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void SyncRelay::loop()
{
    db::Session session(m_url);
    db::sync::RelayLease lease(m_url);
    auto lastPrune = std::chrono::steady_clock::now();
    auto lastReconcile = std::chrono::steady_clock::time_point{};
    auto lastLeaseCheck = std::chrono::steady_clock::time_point{};
    while (!m_stop) {
        const auto now = std::chrono::steady_clock::now();
        if (now - lastLeaseCheck > std::chrono::seconds(1)) {
            const bool was = m_leading;
            m_leading = lease.tryAcquire();
            lastLeaseCheck = now;
            if (m_leading && !was) {
                log::info("this instance relays the live sync");
                lastReconcile = {};
            }
        }
        if (!m_leading) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            continue;
        }
        try {
            while (!m_stop && !db::sync::stampPending(session, 1000).empty()) {
            }
            if (now - lastReconcile > std::chrono::minutes(1)) {
                int corrected = 0;
                db::sync::reconcileCounts(session, corrected);
                if (corrected > 0)
                    log::warn(
                        "the live sync's tier counts had drifted from the units and were corrected",
                        {{"tiers", corrected}});
                lastReconcile = now;
            }
            if (now - lastPrune > std::chrono::minutes(10)) {
                db::sync::prune(session, std::chrono::system_clock::now() - std::chrono::hours(1));
                lastPrune = now;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10)); // see migration 0008
        } catch (const db::Unavailable&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            lastLeaseCheck = {};
        } catch (const std::exception& e) {
            log::error("the sync relay failed a pass", {{"error", e.what()}});
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

} // namespace ticketing::services
