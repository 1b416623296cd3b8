#include "services/HoldBatcher.h"

#include <algorithm>
#include <set>
#include <string>

namespace ticketing::services {

HoldBatcher::HoldBatcher(const domain::Clock& clock, Options options)
    : m_clock(clock), m_options(options)
{
    m_options.maxBatch = std::max(1, m_options.maxBatch);
    m_options.concurrency = std::max(1, m_options.concurrency);
}

std::vector<HoldBatcher::Waiting*> HoldBatcher::take()
{
    std::vector<Waiting*> batch;
    std::set<std::string> keys, userEvents, seats;
    for (auto it = m_queue.begin();
         it != m_queue.end() && static_cast<int>(batch.size()) < m_options.maxBatch;) {
        const auto& h = (*it)->hold->hold;
        const auto user = h.user.toString();
        const auto event = h.request.event.toString();
        std::vector<std::string> its;
        for (const auto& seat : h.request.seats)
            its.push_back(event + "/" + seat.toString());
        // Holds with one promo code take turns on its row: one per batch (the store counts its
        // uses under the row's lock, one hold at a time).
        if (h.request.promoCode && !h.request.promoCode->empty())
            its.push_back(event + "/promo/" + domain::codeKey(*h.request.promoCode));
        const bool competes =
            keys.count(user + "/" + h.idempotencyKey) || userEvents.count(user + "/" + event) ||
            std::any_of(its.begin(), its.end(), [&](const auto& s) { return seats.count(s) > 0; });
        if (competes) {
            ++it;
            continue;
        }
        keys.insert(user + "/" + h.idempotencyKey);
        userEvents.insert(user + "/" + event);
        seats.insert(its.begin(), its.end());
        (*it)->queued = false;
        batch.push_back(*it);
        it = m_queue.erase(it);
    }
    return batch;
}

void HoldBatcher::place(db::Session& s, db::bookings::BatchedHold& hold)
{
    Waiting me;
    me.hold = &hold;
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&me);
    while (!me.done) {
        // Only a thread whose hold is still queued starts a batch: one whose hold is in a running
        // batch waits for it rather than be kept from answering by a batch of others.
        if (!me.queued || m_running >= m_options.concurrency) {
            me.wake.wait(lock);
            continue;
        }
        const auto batch = take();
        ++m_running;
        lock.unlock();
        std::vector<db::bookings::BatchedHold*> holds;
        for (auto* w : batch)
            holds.push_back(w->hold);
        std::exception_ptr error;
        try {
            db::bookings::placeHolds(s, holds, m_clock.now());
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        --m_running;
        ++m_stats.batches;
        m_stats.holds += holds.size();
        if (error)
            ++m_stats.failed;
        // Holds to run again go back to the front, ahead of newer arrivals.
        for (auto it = batch.rbegin(); it != batch.rend(); ++it) {
            auto* w = *it;
            if (!error && w->hold->again) {
                w->hold->again = false;
                ++w->hold->retries;
                w->queued = true;
                m_queue.push_front(w);
            } else {
                w->done = true;
                w->error = error;
                w->wake.notify_one();
            }
        }
        if (!m_queue.empty())
            m_queue.front()->wake.notify_one(); // a batch may start
    }
    lock.unlock();
    if (me.error)
        std::rethrow_exception(me.error);
}

HoldBatcher::Stats HoldBatcher::stats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace ticketing::services
