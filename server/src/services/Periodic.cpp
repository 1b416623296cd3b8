#include "services/Periodic.h"

#include "db/Pool.h"
#include "log/Log.h"

namespace ticketing::services {

Periodic::Periodic(std::string name, std::string databaseUrl, std::chrono::milliseconds interval,
                   std::function<void(db::Session&)> round)
    : m_name(std::move(name)), m_url(std::move(databaseUrl)), m_interval(interval),
      m_round(std::move(round)), m_thread([this] { loop(); })
{
}

Periodic::~Periodic()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Periodic::loop()
{
    db::Session session(m_url);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_cv.wait_for(lock, m_interval, [this] { return m_stop; }))
                return;
        }
        try {
            m_round(session);
        } catch (const db::Unavailable&) {
            // PostgreSQL is away; the next round catches up.
        } catch (const std::exception& e) {
            log::error(m_name + " failed a round", {{"error", e.what()}});
        }
    }
}

} // namespace ticketing::services
