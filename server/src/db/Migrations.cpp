#include "db/Migrations.h"

#include "log/Log.h"

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <sodium.h>
#include <stdexcept>

namespace ticketing::db {

namespace {
// An arbitrary constant: "ticketd migrations" as the advisory lock key of the runners.
constexpr long long kMigrationLockKey = 0x7469636b65746d67LL;

std::string checksum(const std::string& sql)
{
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(sql.data()),
                       sql.size(), nullptr, 0);
    char hex[crypto_generichash_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}
} // namespace

MigrationReport migrate(const std::string& url, const std::vector<Migration>& input)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot initialise");
    std::vector<Migration> migrations = input;
    std::sort(migrations.begin(), migrations.end(),
              [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < migrations.size(); ++i)
        if (migrations[i].version == migrations[i - 1].version)
            throw std::runtime_error("two migrations have version " +
                                     std::to_string(migrations[i].version));

    pqxx::connection conn(url);
    {
        pqxx::nontransaction tx(conn);
        tx.exec("SET client_min_messages = warning");
        tx.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
    }
    MigrationReport report;
    try {
        {
            pqxx::work tx(conn);
            tx.exec(R"sql(CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()))sql");
            tx.commit();
        }
        std::map<int, std::pair<std::string, std::string>> recorded; // version -> name, checksum
        {
            pqxx::read_transaction tx(conn);
            for (const auto& row : tx.exec("SELECT version, name, checksum FROM schema_migrations"))
                recorded[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
        }
        for (const auto& m : migrations) {
            const auto sum = checksum(m.sql);
            if (auto it = recorded.find(m.version); it != recorded.end()) {
                if (it->second.second != sum)
                    throw std::runtime_error("migration " + std::to_string(m.version) + "_" +
                                             m.name +
                                             " was changed after it was applied; add a new "
                                             "migration instead");
                continue;
            }
            try {
                pqxx::work tx(conn);
                tx.exec(m.sql);
                tx.exec_params(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    m.version, m.name, sum);
                tx.commit();
            } catch (const std::exception& e) {
                throw std::runtime_error("migration " + std::to_string(m.version) + "_" + m.name +
                                         " failed: " + e.what());
            }
            log::info("migration applied", {{"version", m.version}, {"name", m.name}});
            report.applied.push_back(m.version);
        }
        {
            pqxx::read_transaction tx(conn);
            report.current =
                tx.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<int>();
        }
    } catch (...) {
        try {
            pqxx::nontransaction tx(conn);
            tx.exec("SELECT pg_advisory_unlock_all()");
        } catch (...) {
        }
        throw;
    }
    pqxx::nontransaction tx(conn);
    tx.exec("SELECT pg_advisory_unlock_all()");
    return report;
}

} // namespace ticketing::db
