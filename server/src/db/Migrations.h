#pragma once

#include <string>
#include <vector>

namespace ticketing::db {

struct Migration
{
    int version;
    std::string name;
    std::string sql;
};

// server/sql/migrations/NNNN_name.sql, compiled into the binary at build time (CMake writes
// the table), so an installed ticketd needs no source tree.
const std::vector<Migration>& builtinMigrations();

struct MigrationReport
{
    std::vector<int> applied; // applied by this call, in order
    int current = 0;          // the highest version now recorded
};

// Applies, in version order, every migration not yet recorded in schema_migrations, each in
// its own transaction together with its record. Safe to run twice (recorded ones are skipped)
// and from several instances at once (a session advisory lock serialises the runners). A
// recorded migration whose text changed since is refused: the database would no longer match
// the code. Throws std::runtime_error with the migration's name on failure.
MigrationReport migrate(const std::string& url, const std::vector<Migration>& migrations);

} // namespace ticketing::db
