#pragma once

#include "config/Config.h"

#include <string>
#include <utility>
#include <vector>

namespace ticketing::app {

// Wires ticketd together in start-up order (data directory, embedded servers, migrations,
// database pool, Redis, routes, listener) and takes it apart in reverse on SIGTERM/SIGINT.
// Returns the process exit code; start-up failures are logged with what to do about them.
int runServer(const config::Config& config);

// `ticketd migrate`: apply migrations to the configured (or embedded) database and exit.
int runMigrate(const config::Config& config);

// `ticketd user add --email E --password P --role R [--first-name F --last-name L]`: creates an
// account on the configured or embedded database (attaching to a running ticketd's embedded
// PostgreSQL when there is one) and prints its id. Exit 3: the email is taken.
int runUserAdd(const config::Config& config,
               const std::vector<std::pair<std::string, std::string>>& flags);

} // namespace ticketing::app
