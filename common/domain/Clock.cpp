#include "domain/Clock.h"

#include <cstdio>
#include <ctime>
#include <string>

namespace ticketing::domain {

std::string formatTimestamp(Clock::TimePoint t)
{
    const auto secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

} // namespace ticketing::domain
