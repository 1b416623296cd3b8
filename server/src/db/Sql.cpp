#include "db/Sql.h"

#include <cstdio>
#include <ctime>
#include <mutex>
#include <vector>

namespace ticketing::db {

namespace {
std::vector<const Statement*>& registry()
{
    static std::vector<const Statement*> statements;
    return statements;
}
} // namespace

Statement::Statement(const char* n, const char* s) : name(n), sql(s)
{
    registry().push_back(this); // static initialisation: single-threaded
}

void prepareAll(pqxx::connection_base& connection)
{
    for (const auto* s : registry())
        connection.prepare(s->name, s->sql);
}

std::string toSql(domain::Clock::TimePoint t)
{
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    const time_t secs = static_cast<time_t>(micros / 1000000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<long long>(micros % 1000000));
    return buf;
}

domain::Clock::TimePoint fromMicros(long long micros)
{
    return domain::Clock::TimePoint(std::chrono::microseconds(micros));
}

std::optional<domain::Clock::TimePoint> optionalTime(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return fromMicros(f.as<long long>());
}

namespace {
void appendQuoted(std::string& out, const std::string& item)
{
    out += '"';
    for (char c : item) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}
} // namespace

std::string textArray(const std::vector<std::string>& items)
{
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        appendQuoted(out, items[i]);
    }
    return out + "}";
}

std::string textArray(const std::vector<std::optional<std::string>>& items)
{
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        if (items[i])
            appendQuoted(out, *items[i]);
        else
            out += "NULL";
    }
    return out + "}";
}

std::string numberArray(const std::vector<long long>& items)
{
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(items[i]);
    }
    out += '}';
    return out;
}

} // namespace ticketing::db
