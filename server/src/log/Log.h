#pragma once

#include <boost/json/object.hpp>
#include <string_view>

namespace ticketing::log {

enum class Level
{
    Debug,
    Info,
    Warn,
    Error
};

// Structured logs: one JSON object per line on stderr ({"ts","level","msg", ...fields}), so
// journald, Loki or jq read them without a parser of their own. Thread-safe. Never put a
// password, token or hash in a field.
void setLevel(Level level);
bool parseLevel(std::string_view text, Level& out);
bool enabled(Level level);
void write(Level level, std::string_view message, boost::json::object fields = {});

inline void debug(std::string_view m, boost::json::object f = {})
{
    write(Level::Debug, m, std::move(f));
}
inline void info(std::string_view m, boost::json::object f = {})
{
    write(Level::Info, m, std::move(f));
}
inline void warn(std::string_view m, boost::json::object f = {})
{
    write(Level::Warn, m, std::move(f));
}
inline void error(std::string_view m, boost::json::object f = {})
{
    write(Level::Error, m, std::move(f));
}

} // namespace ticketing::log
