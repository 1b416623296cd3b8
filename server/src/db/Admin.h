#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace ticketing::db {

// Waits until a PostgreSQL server accepts connections at `url`. Gives up (std::runtime_error
// with the last connection error) after `timeout`, or at once when `stillStarting` says the
// server process has gone.
void waitUntilReachable(const std::string& url, std::chrono::milliseconds timeout,
                        const std::function<bool()>& stillStarting);

// Creates database `name` on the server at `adminUrl` unless it exists.
void ensureDatabase(const std::string& adminUrl, const std::string& name);

// Quotes a value for a libpq key=value connection string.
std::string quoteConnValue(const std::string& value);

} // namespace ticketing::db
