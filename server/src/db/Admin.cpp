#include "db/Admin.h"

#include <pqxx/pqxx>
#include <stdexcept>
#include <thread>

namespace ticketing::db {

void waitUntilReachable(const std::string& url, std::chrono::milliseconds timeout,
                        const std::function<bool()>& stillStarting)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string last;
    for (;;) {
        try {
            pqxx::connection c(url);
            return;
        } catch (const std::exception& e) {
            last = e.what();
        }
        if (stillStarting && !stillStarting())
            throw std::runtime_error("PostgreSQL exited while starting: " + last);
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("PostgreSQL did not accept connections in time: " + last);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void ensureDatabase(const std::string& adminUrl, const std::string& name)
{
    pqxx::connection c(adminUrl);
    pqxx::nontransaction tx(c);
    if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty())
        tx.exec("CREATE DATABASE " + tx.quote_name(name) + " ENCODING 'UTF8' TEMPLATE template0");
}

std::string quoteConnValue(const std::string& value)
{
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

} // namespace ticketing::db
