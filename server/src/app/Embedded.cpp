#include "app/Embedded.h"

#include "cache/Redis.h"
#include "db/Admin.h"
#include "log/Log.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace ticketing::app {

namespace fs = std::filesystem;

namespace {
constexpr const char* kPostgresUser = "postgres";
constexpr const char* kDatabase = "ticketing";
constexpr int kPort = 5432; // names the socket file only; nothing listens on TCP

bool runningAsRoot()
{
    return geteuid() == 0;
}

// Makes `dir` (and parents) and hands it to `user` with mode 0700 (user empty: ourselves).
void makePrivateDir(const fs::path& dir, const char* user)
{
    fs::create_directories(dir);
    if (user) {
        const passwd* pw = getpwnam(user);
        if (!pw)
            throw std::runtime_error(std::string("the system user \"") + user +
                                     "\" does not exist: install Debian's postgresql package");
        if (chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0)
            throw std::runtime_error("cannot give " + dir.string() + " to " + user);
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

std::string absolute(const std::string& dir)
{
    return fs::weakly_canonical(fs::absolute(dir)).string();
}
} // namespace

std::string socketDirectoryFor(const std::string& dataDir, const std::string& name)
{
    const auto preferred = (fs::path(dataDir) / "run" / name).string();
    if (preferred.size() + 24 < 107) // room for "/.s.PGSQL.5432.lock" or "/redis.sock"
        return preferred;
    const auto hash = std::hash<std::string>{}(dataDir);
    return "/tmp/ticketd-" + std::to_string(hash % 100000000) + "/" + name;
}

std::string EmbeddedPostgres::findBinDir()
{
    std::string best;
    int bestVersion = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const auto bin = entry.path() / "bin";
        if (!fs::exists(bin / "postgres") || !fs::exists(bin / "initdb"))
            continue;
        int v = 0;
        try {
            v = std::stoi(entry.path().filename().string());
        } catch (...) {
            continue;
        }
        if (v > bestVersion) {
            bestVersion = v;
            best = bin.string();
        }
    }
    if (best.empty())
        throw std::runtime_error(
            "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin. Install Debian's "
            "\"postgresql\" package (scripts/start does), or set TICKETING_DATABASE_URL to use "
            "a PostgreSQL server you run yourself");
    return best;
}

EmbeddedPostgres::EmbeddedPostgres(std::string dataDir) : m_dataDir(absolute(dataDir))
{
    m_pgData = (fs::path(m_dataDir) / "postgres").string();
    m_socketDir = socketDirectoryFor(m_dataDir, "postgres");
}

EmbeddedPostgres::~EmbeddedPostgres()
{
    stop();
}

std::string EmbeddedPostgres::url(const std::string& database) const
{
    return "host=" + db::quoteConnValue(m_socketDir) + " port=" + std::to_string(kPort) +
           " user=postgres dbname=" + db::quoteConnValue(database);
}

std::string EmbeddedPostgres::start()
{
    const auto bin = findBinDir();
    const char* owner = runningAsRoot() ? kPostgresUser : nullptr;
    const auto logDir = fs::path(m_dataDir) / "log";
    fs::create_directories(logDir);
    const auto logFile = (logDir / "postgres.log").string();
    m_logFile = logFile;
    makePrivateDir(m_pgData, owner);
    fs::create_directories(fs::path(m_socketDir).parent_path());
    makePrivateDir(m_socketDir, owner);

    SpawnOptions base;
    if (owner)
        base.runAsUser = owner;
    base.logFile = logFile;
    base.workingDirectory = m_pgData;

    if (owner) {
        // The postgres user must be able to reach its directory through every parent.
        SpawnOptions probe = base;
        probe.workingDirectory = "/";
        probe.argv = {"/bin/sh", "-c", "test -w \"$0\" && test -x \"$0\"", m_pgData};
        if (runToCompletion(probe) != 0)
            throw std::runtime_error("the postgres system user cannot reach " + m_pgData +
                                     ": choose a data directory (TICKETING_DATA_DIR) whose parents "
                                     "others may enter, such as /var/lib/ticketd");
    }

    if (!fs::exists(fs::path(m_pgData) / "PG_VERSION")) {
        log::info("creating the embedded PostgreSQL cluster", {{"dir", m_pgData}});
        SpawnOptions init = base;
        init.argv = {bin + "/initdb",
                     "-D",
                     m_pgData,
                     "-U",
                     "postgres",
                     "-E",
                     "UTF8",
                     "--locale=C.UTF-8",
                     "--auth-local=trust",
                     "--auth-host=reject"};
        if (runToCompletion(init) != 0)
            throw std::runtime_error("initdb failed; its output is in " + logFile + ":\n" +
                                     tailFile(logFile, 15));
    }

    // A server left over from a ticketd that was killed gets the death signal and shuts down
    // on its own; give it a moment instead of failing at once.
    const auto pidFile = fs::path(m_pgData) / "postmaster.pid";
    for (int i = 0; i < 300 && fs::exists(pidFile); ++i) {
        std::ifstream in(pidFile);
        pid_t old = 0;
        in >> old;
        if (old <= 0 || kill(old, 0) != 0)
            break; // stale file: PostgreSQL itself deals with it
        if (i == 299)
            throw std::runtime_error("a PostgreSQL server (pid " + std::to_string(old) +
                                     ") still runs on " + m_pgData +
                                     "; is another ticketd using this data directory?");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    SpawnOptions run = base;
    run.deathSignal = SIGINT; // fast shutdown if ticketd dies
    run.argv = {bin + "/postgres",
                "-D",
                m_pgData,
                "-c",
                "listen_addresses=",
                "-c",
                "unix_socket_directories=" + m_socketDir,
                "-c",
                "port=" + std::to_string(kPort),
                "-c",
                "max_connections=200",
                "-c",
                "logging_collector=off"};
    m_process = ChildProcess::spawn(run);
    log::info("embedded PostgreSQL starting",
              {{"pid", m_process.pid()}, {"socket_dir", m_socketDir}, {"log", logFile}});
    try {
        db::waitUntilReachable(url("postgres"), std::chrono::seconds(60),
                               [this] { return m_process.running(); });
        db::ensureDatabase(url("postgres"), kDatabase);
    } catch (const std::exception& e) {
        stop();
        throw std::runtime_error(std::string(e.what()) + "\nlast lines of " + logFile + ":\n" +
                                 tailFile(logFile, 15));
    }
    return url(kDatabase);
}

void EmbeddedPostgres::stop()
{
    if (!m_process.running())
        return;
    const auto pid = m_process.pid();
    m_process.stop(SIGINT, std::chrono::seconds(30));
    log::info("embedded PostgreSQL stopped", {{"pid", pid}});
}

EmbeddedRedis::EmbeddedRedis(std::string dataDir) : m_dataDir(absolute(dataDir))
{
    m_socket = socketDirectoryFor(m_dataDir, "redis") + "/redis.sock";
}

EmbeddedRedis::~EmbeddedRedis()
{
    stop();
}

std::string EmbeddedRedis::start()
{
    std::string binary;
    for (const char* candidate : {"/usr/bin/redis-server", "/usr/local/bin/redis-server"})
        if (access(candidate, X_OK) == 0) {
            binary = candidate;
            break;
        }
    if (binary.empty())
        throw std::runtime_error("redis-server is not installed. Install Debian's \"redis-server\" "
                                 "package (scripts/start does), or set TICKETING_REDIS_URL");
    const auto dir = fs::path(m_dataDir) / "redis";
    makePrivateDir(dir, nullptr);
    makePrivateDir(fs::path(m_socket).parent_path(), nullptr);
    const auto logFile = (fs::path(m_dataDir) / "log" / "redis.log").string();
    m_logFile = logFile;
    fs::create_directories(fs::path(logFile).parent_path());
    std::error_code ec;
    fs::remove(m_socket, ec); // a socket file left by a killed server

    SpawnOptions o;
    o.logFile = logFile;
    o.workingDirectory = dir.string();
    o.argv = {binary,
              "--port",
              "0",
              "--unixsocket",
              m_socket,
              "--unixsocketperm",
              "700",
              "--save",
              "",
              "--appendonly",
              "no",
              "--dir",
              dir.string(),
              "--daemonize",
              "no",
              "--pidfile",
              (dir / "redis.pid").string(),
              "--maxclients",
              "10000"};
    m_process = ChildProcess::spawn(o);
    log::info("embedded Redis starting",
              {{"pid", m_process.pid()}, {"socket", m_socket}, {"log", logFile}});
    const auto url = "unix://" + m_socket;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    for (;;) {
        if (cache::ping(url))
            return url;
        if (!m_process.running() || std::chrono::steady_clock::now() > deadline) {
            stop();
            throw std::runtime_error("the embedded Redis did not start; last lines of " + logFile +
                                     ":\n" + tailFile(logFile, 15));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void EmbeddedRedis::stop()
{
    if (!m_process.running())
        return;
    const auto pid = m_process.pid();
    m_process.stop(SIGTERM, std::chrono::seconds(10));
    log::info("embedded Redis stopped", {{"pid", pid}});
}

} // namespace ticketing::app
