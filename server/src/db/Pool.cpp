#include "db/Pool.h"

#include "db/Sql.h"
#include "log/Log.h"

#include <future>
#include <pqxx/pqxx>
#include <sodium.h>
#include <thread>

namespace ticketing::db {

namespace {
constexpr auto kReconnectBackoff = std::chrono::milliseconds(500);

// Connects of this process in progress at once: enough to fill a pool quickly, few enough that
// a restarted PostgreSQL (which forks a backend per connection) answers each within its
// connect_timeout. The rest wait their turn instead of timing out.
constexpr int kConcurrentConnects = 4;
std::mutex g_connectMutex;
std::condition_variable g_connectFree;
int g_connecting = 0;

struct ConnectTurn
{
    ConnectTurn()
    {
        std::unique_lock lock(g_connectMutex);
        g_connectFree.wait(lock, [] { return g_connecting < kConcurrentConnects; });
        ++g_connecting;
    }
    ~ConnectTurn()
    {
        {
            const std::lock_guard lock(g_connectMutex);
            --g_connecting;
        }
        g_connectFree.notify_one();
    }
    ConnectTurn(const ConnectTurn&) = delete;
    ConnectTurn& operator=(const ConnectTurn&) = delete;
};
} // namespace

std::string withConnectTimeout(const std::string& url, int seconds)
{
    if (url.find("connect_timeout") != std::string::npos)
        return url;
    const bool isUri = url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
    if (isUri)
        return url + (url.find('?') == std::string::npos ? "?" : "&") +
               "connect_timeout=" + std::to_string(seconds);
    return url + " connect_timeout=" + std::to_string(seconds);
}

struct Session::Connection
{
    explicit Connection(const std::string& url) : conn(url) {}
    pqxx::connection conn;
};

Session::Session(std::string url) : m_url(std::move(url)) {}
Session::~Session() = default;

pqxx::connection_base& Session::connection()
{
    if (m_conn && m_conn->conn.is_open())
        return m_conn->conn;
    m_conn.reset();
    const auto now = std::chrono::steady_clock::now();
    if (now < m_retryAfter)
        throw Unavailable("the database is unreachable (retrying shortly)");
    try {
        const ConnectTurn turn;
        m_conn = std::make_unique<Connection>(m_url);
        prepareAll(m_conn->conn);
    } catch (const std::exception& e) {
        m_conn.reset();
        m_retryAfter = std::chrono::steady_clock::now() + kReconnectBackoff;
        {
            const std::lock_guard lock(m_errorMutex);
            m_lastError = e.what();
        }
        throw Unavailable(std::string("cannot connect to the database: ") + e.what());
    }
    {
        const std::lock_guard lock(m_errorMutex);
        m_lastError.clear();
    }
    return m_conn->conn;
}

std::string Session::lastError() const
{
    const std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

bool Session::isConnected() const
{
    return m_conn && m_conn->conn.is_open();
}

void Session::reset()
{
    m_conn.reset();
}

void Session::run(const std::function<void(pqxx::connection_base&)>& fn, Rerun rerun)
{
    constexpr int kMaxRollbacks = 5;
    int rollbacks = 0;
    bool reconnected = false;
    for (;;) {
        auto& c = connection();
        try {
            fn(c);
            return;
        } catch (const pqxx::in_doubt_error& e) {
            // Caught before broken_connection: the commit itself was cut off.
            reset();
            throw OutcomeUnknown(std::string("the commit's outcome is unknown: ") + e.what());
        } catch (const pqxx::broken_connection& e) {
            reset();
            if (rerun == Rerun::Never || reconnected)
                throw Unavailable(std::string("the database connection broke: ") + e.what());
            reconnected = true;
            m_retryAfter = {}; // reconnect at once for the retry
        } catch (const pqxx::transaction_rollback& e) {
            // Serialization failures and deadlocks: PostgreSQL ended the transaction, nothing of
            // it committed. (statement_completion_unknown is one too, and is not retried.)
            if (dynamic_cast<const pqxx::statement_completion_unknown*>(&e)) {
                reset();
                throw OutcomeUnknown(std::string("a statement's outcome is unknown: ") + e.what());
            }
            if (rerun == Rerun::Never || ++rollbacks > kMaxRollbacks)
                throw Unavailable(std::string("the database ended the transaction: ") + e.what());
            log::info("transaction rolled back by PostgreSQL; running it again",
                      {{"error", e.what()}, {"attempt", rollbacks}});
            std::this_thread::sleep_for(
                std::chrono::milliseconds(randombytes_uniform(10) + 5 * rollbacks));
        } catch (const pqxx::unique_violation& e) {
            throw Conflict(e.what());
        }
    }
}

std::chrono::microseconds Session::ping()
{
    const auto start = std::chrono::steady_clock::now();
    run(
        [](pqxx::connection_base& c) {
            pqxx::nontransaction tx(c);
            tx.exec1("SELECT 1");
        },
        Rerun::Safe);
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start);
}

Pool::Pool(Options options) : m_options(std::move(options))
{
    for (int i = 0; i < m_options.size; ++i)
        m_sessions.push_back(std::make_unique<Session>(m_options.url));
    for (int i = 0; i < m_options.size; ++i)
        m_workers.emplace_back([this, i] { workerLoop(i); });
}

Pool::~Pool()
{
    stop();
}

bool Pool::trySubmit(Task task)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_options.queueLimit) {
            m_rejected.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

Pool::Stats Pool::stats() const
{
    Stats s;
    s.size = m_options.size;
    s.busy = m_busy.load();
    s.queueLimit = m_options.queueLimit;
    s.rejected = m_rejected.load();
    s.completed = m_completed.load();
    const std::lock_guard lock(m_mutex);
    s.queued = m_queue.size();
    for (const auto& session : m_sessions)
        s.connected += session->isConnected() ? 1 : 0; // a racy read of a flag: fine for a gauge
    return s;
}

int Pool::waitConnected(std::chrono::milliseconds timeout) const
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const int connected = stats().connected;
        if (connected >= m_options.size || std::chrono::steady_clock::now() >= until)
            return connected;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string Pool::lastConnectError() const
{
    for (const auto& session : m_sessions)
        if (auto e = session->lastError(); !e.empty())
            return e;
    return {};
}

void Pool::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping && m_workers.empty())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& t : m_workers)
        if (t.joinable())
            t.join();
    m_workers.clear();
}

namespace {
thread_local Session* t_current = nullptr;
} // namespace

Session& currentSession()
{
    if (!t_current)
        throw std::logic_error("database work off a pool worker: no current session");
    return *t_current;
}

namespace {
thread_local Pool* t_borrow = nullptr;
}

BorrowScope::BorrowScope(Pool& pool) : m_previous(t_borrow)
{
    t_borrow = &pool;
}

BorrowScope::~BorrowScope()
{
    t_borrow = m_previous;
}

void runWithSession(const std::function<void(Session&)>& fn)
{
    if (t_current) {
        fn(*t_current);
        return;
    }
    if (!t_borrow)
        throw std::logic_error("database work on a thread with neither a session nor a pool");
    std::promise<void> done;
    auto finished = done.get_future();
    if (!t_borrow->trySubmit([&](Session& s) {
            try {
                fn(s);
                done.set_value();
            } catch (...) {
                done.set_exception(std::current_exception());
            }
        }))
        throw Busy("too many requests are waiting for the database");
    finished.get(); // rethrows what `fn` threw
}

SessionScope::SessionScope(Session& session) : m_previous(t_current)
{
    t_current = &session;
}

SessionScope::~SessionScope()
{
    t_current = m_previous;
}

void Pool::workerLoop(int index)
{
    Session& session = *m_sessions[static_cast<std::size_t>(index)];
    const SessionScope scope(session); // the services' session on this worker
    if (m_options.connectEarly) {
        try {
            session.connection();
        } catch (const Unavailable&) {
            // Said by the server's start-up (lastConnectError); the first task tries again.
        }
    }
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait_for(lock, std::chrono::seconds(1),
                                 [&] { return m_stopping || !m_queue.empty(); })) {
                // Idle: a worker whose connection broke (a database restart) makes a new one now
                // rather than on the next request, so the pool is whole again by itself.
                if (m_options.connectEarly && !session.isConnected()) {
                    lock.unlock();
                    try {
                        session.connection();
                    } catch (const Unavailable&) {
                        // tried again in a second (the session's back-off holds it shorter)
                    }
                }
                continue;
            }
            if (m_queue.empty())
                return; // stopping and drained
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_busy.fetch_add(1);
        try {
            task(session);
        } catch (const std::exception& e) {
            log::error("database task failed", {{"error", e.what()}});
        } catch (...) {
            log::error("database task failed", {{"error", "unknown exception"}});
        }
        m_busy.fetch_sub(1);
        m_completed.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace ticketing::db
