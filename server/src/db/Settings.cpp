#include "db/Settings.h"

#include <pqxx/pqxx>

namespace ticketing::db {

std::string sharedSetting(const std::string& url, const std::string& key,
                          const std::string& candidate)
{
    pqxx::connection c(url);
    pqxx::work tx(c);
    const pqxx::binarystring value(candidate);
    tx.exec_params(
        "INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        key, value);
    const auto row = tx.exec_params1("SELECT value FROM server_settings WHERE key = $1", key);
    const pqxx::binarystring stored(row[0]);
    tx.commit();
    return stored.str();
}

} // namespace ticketing::db
