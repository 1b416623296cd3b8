#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// A background job of its own: a thread with its own database session that runs `round`
// every `interval` until destroyed (the destructor stops and joins). A round that finds
// PostgreSQL away is skipped quietly; any other failure is logged with `name`. Safe to run on
// every instance at once when the round is (row locks, SKIP LOCKED).
class Periodic
{
public:
    Periodic(std::string name, std::string databaseUrl, std::chrono::milliseconds interval,
             std::function<void(db::Session&)> round);
    ~Periodic();
    Periodic(const Periodic&) = delete;
    Periodic& operator=(const Periodic&) = delete;

private:
    void loop();
    std::string m_name;
    std::string m_url;
    std::chrono::milliseconds m_interval;
    std::function<void(db::Session&)> m_round;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ticketing::services
