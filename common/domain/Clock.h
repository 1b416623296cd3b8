#pragma once

#include <chrono>
#include <string>

namespace ticketing::domain {

// Time as the rules see it. Injected wherever expiry matters (tokens, holds, lockouts) so tests
// move time instead of sleeping.
class Clock
{
public:
    using TimePoint = std::chrono::system_clock::time_point;
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock
{
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
    static const SystemClock& instance()
    {
        static const SystemClock clock;
        return clock;
    }
};

// RFC 3339 in UTC with whole seconds ("2026-03-01T19:30:00Z"), the wire form of API.md.
std::string formatTimestamp(Clock::TimePoint t);

} // namespace ticketing::domain
