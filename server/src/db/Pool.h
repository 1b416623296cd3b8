#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace pqxx {
class connection_base; // libpqxx 6.4: pqxx::connection is an alias of a template over this
}

namespace ticketing::db {

// The database cannot be reached (connect failed, or the connection broke mid-call). Handlers
// answer 503 database_unavailable; the next call on the session reconnects.
class Unavailable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The commit's outcome is unknown: the connection broke while PostgreSQL was committing
// (pqxx::in_doubt_error). Never retried here; the client's retry with the same Idempotency-Key
// tells what happened (503 outcome_unknown).
class OutcomeUnknown : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A uniqueness conflict that the code in db/ did not expect (a unique violation): a change made
// at the same moment (409 conflict). The constraint is in what(), for the log only.
class Conflict : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Too many tasks wait for a database worker already (503 overloaded with Retry-After).
class Busy : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Whether a unit of work may run again from its start after PostgreSQL ended its transaction (a
// serialization failure, a deadlock) or the connection broke before its commit.
enum class Rerun
{
    // Its only effects are in its transaction (which did not commit): run it again. Reads, and
    // every write of db/ on its own.
    Safe,
    // It has effects outside the database (a payment provider's call): never run it again; the
    // failure is Unavailable.
    Never,
};

// Adds libpq's connect_timeout to a URL or key=value string that has none, so that a dead
// server costs seconds, not minutes.
std::string withConnectTimeout(const std::string& url, int seconds);

// One worker's database connection. Made on first use and again after it breaks; after a
// failed attempt, calls fail fast for a short back-off instead of each waiting for a timeout.
// Owned and used by exactly one worker thread.
class Session
{
public:
    explicit Session(std::string url);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The open connection, connecting if needed; throws Unavailable. For code in db/ only.
    // At most a few sessions of the process connect at once (kConcurrentConnects): after a
    // database restart the whole pool reconnects, and a storm of connects made each of them
    // run into connect_timeout ("timeout expired") on a busy server.
    pqxx::connection_base& connection();
    // Why the last connect failed (empty after a success).
    std::string lastError() const;
    bool isConnected() const;
    // Drops the connection after it broke, so the next call makes a new one.
    void reset();

    // Runs `fn` (one transaction on the connection) as pqxx::perform would, for every caller in
    // db/: a transaction that PostgreSQL ended (serialization failure, deadlock) runs again from
    // its start, up to 5 times with a short random pause; a connection that broke before the
    // commit is remade and `fn` runs once more (the usual case after a PostgreSQL restart, when
    // the pooled connection is found dead on first use) - both only when `rerun` is Safe; then
    // Unavailable. A commit whose outcome is unknown throws OutcomeUnknown; a unique violation
    // that escapes `fn`, Conflict. Other errors propagate.
    void run(const std::function<void(pqxx::connection_base&)>& fn, Rerun rerun = Rerun::Safe);

    // SELECT 1, idempotent; the round trip time.
    std::chrono::microseconds ping();

private:
    struct Connection; // holds the pqxx::connection; defined where pqxx is included
    std::string m_url;
    std::unique_ptr<Connection> m_conn;
    std::chrono::steady_clock::time_point m_retryAfter{};
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
};

// The session of the thread this runs on: a pool worker's own, or one a SessionScope set (tests,
// background jobs). Services reach the database through it, so that the code that calls them
// (handlers) never sees a database type. Throws std::logic_error when there is none: database
// work on an I/O thread is a bug.
Session& currentSession();

// Makes `session` the current session of this thread while it lives.
class SessionScope
{
public:
    explicit SessionScope(Session& session);
    ~SessionScope();
    SessionScope(const SessionScope&) = delete;
    SessionScope& operator=(const SessionScope&) = delete;

private:
    Session* m_previous;
};

class Pool;

// Runs `fn` with a database session and returns what it returns: on this thread with its
// current session (a pool worker, a SessionScope), or - on a thread that a BorrowScope lends to
// a pool - on one of that pool's workers while this thread waits. This is how work that also
// waits on something slow outside (a payment provider) reaches the database without holding a
// worker, or a transaction, while it waits. Exceptions of `fn` reach the caller; a full pool
// queue throws Busy.
template <class F> auto withSession(F&& fn) -> std::invoke_result_t<F&, Session&>;
void runWithSession(const std::function<void(Session&)>& fn);

// While it lives, withSession on this thread borrows a worker of `pool`.
class BorrowScope
{
public:
    explicit BorrowScope(Pool& pool);
    ~BorrowScope();
    BorrowScope(const BorrowScope&) = delete;
    BorrowScope& operator=(const BorrowScope&) = delete;

private:
    Pool* m_previous;
};

template <class F> auto withSession(F&& fn) -> std::invoke_result_t<F&, Session&>
{
    using R = std::invoke_result_t<F&, Session&>;
    if constexpr (std::is_void_v<R>) {
        runWithSession([&](Session& s) { fn(s); });
    } else {
        std::optional<R> out;
        runWithSession([&](Session& s) { out.emplace(fn(s)); });
        return std::move(*out);
    }
}

// A bounded pool of worker threads, each with its own Session. Blocking database work never
// runs on the I/O threads: they submit a task here and get the answer posted back. The queue
// is bounded so that an overloaded database turns into quick 503s with Retry-After instead of
// an ever-growing backlog.
class Pool
{
public:
    struct Options
    {
        std::string url;
        int size = 8;
        std::size_t queueLimit = 512;
        // Each worker connects as it starts instead of on its first task (a server: its pool
        // is connected before it says it is ready; see waitConnected).
        bool connectEarly = false;
    };
    struct Stats
    {
        int size = 0;
        int busy = 0;
        int connected = 0;
        std::size_t queued = 0;
        std::size_t queueLimit = 0;
        std::uint64_t rejected = 0;
        std::uint64_t completed = 0;
    };
    // A task runs on a worker thread with that worker's session. It must not throw; an escaping
    // exception is logged and swallowed so that the worker survives.
    using Task = std::function<void(Session&)>;

    explicit Pool(Options options);
    ~Pool(); // stop()
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // False, at once, when the queue is full or the pool is stopping.
    bool trySubmit(Task task);
    Stats stats() const;
    // Waits until every worker has its connection or `timeout` passes; how many have one.
    int waitConnected(std::chrono::milliseconds timeout) const;
    // The last error of a worker's connect, if any (for the start-up log).
    std::string lastConnectError() const;
    // Refuses new tasks, runs those already queued (each belongs to a request in flight), joins.
    void stop();

private:
    void workerLoop(int index);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;
    std::vector<std::unique_ptr<Session>> m_sessions;
    std::vector<std::thread> m_workers;
    std::atomic<int> m_busy{0};
    std::atomic<std::uint64_t> m_rejected{0};
    std::atomic<std::uint64_t> m_completed{0};
};

} // namespace ticketing::db
