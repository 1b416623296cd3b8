#pragma once

#include "config/Config.h"

namespace ticketing::app {

// Wires ticketd together in start-up order (data directory, embedded servers, migrations,
// database pool, Redis, routes, listener) and takes it apart in reverse on SIGTERM/SIGINT.
// Returns the process exit code; start-up failures are logged with what to do about them.
int runServer(const config::Config& config);

// `ticketd migrate`: apply migrations to the configured (or embedded) database and exit.
int runMigrate(const config::Config& config);

} // namespace ticketing::app
