#pragma once

#include "domain/Clock.h"

#include <atomic>

namespace ticketing::test {

// A clock the test moves by hand (KeePassXC's MockClock): expiry without sleeping.
class ManualClock final : public domain::Clock
{
public:
    explicit ManualClock(TimePoint start = std::chrono::system_clock::now()) : m_now(start) {}
    TimePoint now() const override { return m_now.load(); }
    void advance(std::chrono::system_clock::duration d) { m_now = m_now.load() + d; }
    void set(TimePoint t) { m_now = t; }

private:
    std::atomic<TimePoint> m_now;
};

} // namespace ticketing::test
