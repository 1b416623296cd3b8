#include "log/Log.h"

#include <atomic>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace ticketing::log {

namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;

const char* name(Level l)
{
    switch (l) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warn:
        return "warn";
    case Level::Error:
        return "error";
    }
    return "info";
}

std::string timestamp()
{
    const auto now = std::chrono::system_clock::now();
    const auto secs = std::chrono::system_clock::to_time_t(now);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms));
    return buf;
}
} // namespace

void setLevel(Level level)
{
    g_level = level;
}

bool parseLevel(std::string_view text, Level& out)
{
    for (auto l : {Level::Debug, Level::Info, Level::Warn, Level::Error})
        if (text == name(l)) {
            out = l;
            return true;
        }
    return false;
}

bool enabled(Level level)
{
    return level >= g_level.load(std::memory_order_relaxed);
}

void write(Level level, std::string_view message, boost::json::object fields)
{
    if (!enabled(level))
        return;
    boost::json::object line;
    line.reserve(fields.size() + 3);
    line["ts"] = timestamp();
    line["level"] = name(level);
    line["msg"] = message;
    for (auto& [k, v] : fields)
        line[k] = std::move(v);
    std::string text = boost::json::serialize(line);
    text.push_back('\n');
    const std::lock_guard lock(g_mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace ticketing::log
