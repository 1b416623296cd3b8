#pragma once

// For code in db/ only: includes libpqxx.

#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <chrono>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace ticketing::db {

// A named query, written next to the code that runs it. Every Statement is prepared on every
// new connection of a Session (libpqxx 6 prepares lazily, on first use), so callers run
// `tx.exec_prepared(stmt.name, ...)` and never care whether the connection was just remade.
struct Statement
{
    Statement(const char* name, const char* sql);
    const char* name;
    const char* sql;
};

void prepareAll(pqxx::connection_base& connection);

// Times go to PostgreSQL as RFC 3339 text with microseconds (bound as $n::timestamptz, so the
// injectable clock, not the database's now(), decides) and come back as epoch microseconds
// (select `(extract(epoch from col) * 1000000)::bigint`).
std::string toSql(domain::Clock::TimePoint t);
domain::Clock::TimePoint fromMicros(long long micros);
std::optional<domain::Clock::TimePoint> optionalTime(const pqxx::field& f); // NULL: nullopt

template <class IdType> IdType idFrom(const pqxx::field& f)
{
    return IdType{*domain::Uuid::parse(f.as<std::string>())};
}

inline std::optional<std::string> optionalText(const pqxx::field& f)
{
    return f.is_null() ? std::nullopt : std::optional(f.as<std::string>());
}

// Parameters: libpqxx 6.4 binds a null `const char*` as NULL, and has no array parameters, so
// arrays go as PostgreSQL array literals (cast in the SQL: $n::uuid[], $n::text[], $n::bigint[]).
inline const char* nullable(const std::optional<std::string>& v)
{
    return v ? v->c_str() : nullptr;
}
std::string textArray(const std::vector<std::string>& items); // each quoted and escaped
std::string textArray(const std::vector<std::optional<std::string>>& items); // nullopt: NULL
std::string numberArray(const std::vector<long long>& items);
template <class IdType> std::string idArray(const std::vector<IdType>& ids)
{
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        out += ids[i].toString();
    }
    out += '}';
    return out;
}

} // namespace ticketing::db
