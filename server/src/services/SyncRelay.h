#pragma once

#include <atomic>
#include <string>
#include <thread>

namespace ticketing::services {

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
