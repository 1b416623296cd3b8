#include "app/OutboundLane.h"

#include "log/Log.h"

namespace ticketing::app {

OutboundLane::OutboundLane(db::Pool& pool, Options options) : m_pool(pool), m_options(options)
{
    for (int i = 0; i < m_options.threads; ++i)
        m_threads.emplace_back([this] { loop(); });
}

OutboundLane::~OutboundLane()
{
    stop();
}

bool OutboundLane::trySubmit(std::function<void()> job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_options.queueLimit) {
            m_rejected.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

OutboundLane::Stats OutboundLane::stats() const
{
    const std::lock_guard lock(m_mutex);
    return {m_options.threads, m_busy.load(), m_queue.size(), m_rejected.load()};
}

void OutboundLane::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping && m_threads.empty())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

void OutboundLane::loop()
{
    const db::BorrowScope borrow(m_pool); // the jobs' transactions run on the pool's workers
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping and drained
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_busy.fetch_add(1);
        try {
            job();
        } catch (const std::exception& e) {
            log::error("outbound job failed", {{"error", e.what()}});
        } catch (...) {
            log::error("outbound job failed", {{"error", "unknown exception"}});
        }
        m_busy.fetch_sub(1);
    }
}

} // namespace ticketing::app
