#pragma once

#include "app/Process.h"

#include <string>

namespace ticketing::app {

// ticketd's own PostgreSQL cluster under <data-dir>/postgres, from Debian's binaries, reached
// over a unix socket only (no TCP port to collide with or to expose). When ticketd runs as root
// the server runs as the `postgres` system user (PostgreSQL refuses root). The cluster is made
// on first start and kept, so a second start finds the first one's data.
class EmbeddedPostgres
{
public:
    explicit EmbeddedPostgres(std::string dataDir);
    ~EmbeddedPostgres(); // stop()

    // Starts the server (initdb first if needed), creates the `ticketing` database, and returns
    // its connection string. Throws std::runtime_error saying what is missing or what failed.
    std::string start();
    // Fast shutdown (SIGINT): disconnects clients, checkpoints, exits.
    void stop();
    // False once the server has exited (reaps it). Not thread-safe: one caller at a time.
    bool running() { return m_process.running(); }
    int exitStatus() const { return m_process.exitStatus(); }
    const std::string& logFile() const { return m_logFile; }

    pid_t pid() const { return m_process.pid(); }
    const std::string& socketDirectory() const { return m_socketDir; }
    // The connection string for a database on this server.
    std::string url(const std::string& database) const;

    // Where Debian put the server binaries (the newest /usr/lib/postgresql/N/bin); throws with
    // the package to install when there are none.
    static std::string findBinDir();

private:
    std::string m_dataDir;
    std::string m_pgData;
    std::string m_socketDir;
    std::string m_logFile;
    ChildProcess m_process;
};

// ticketd's own Redis on a unix socket under <data-dir>/run. Redis here is a cache and fast
// path only, so it keeps nothing on disk.
class EmbeddedRedis
{
public:
    explicit EmbeddedRedis(std::string dataDir);
    ~EmbeddedRedis(); // stop()

    std::string start(); // returns the unix:// URL; throws std::runtime_error
    void stop();
    bool running() { return m_process.running(); }
    int exitStatus() const { return m_process.exitStatus(); }
    const std::string& logFile() const { return m_logFile; }
    pid_t pid() const { return m_process.pid(); }

private:
    std::string m_dataDir;
    std::string m_socket;
    std::string m_logFile;
    ChildProcess m_process;
};

// A short directory for unix sockets: <dataDir>/run when its socket paths fit the 107-byte
// limit of sun_path, else a private directory under /tmp named after the data directory.
std::string socketDirectoryFor(const std::string& dataDir, const std::string& name);

} // namespace ticketing::app
