#include "loadgen/HttpLoad.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <mutex>
#include <thread>

namespace ticketing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

double LoadStats::percentile(double p) const
{
    if (latenciesMs.empty())
        return 0;
    auto sorted = latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    const auto idx =
        static_cast<std::size_t>(std::min<double>(sorted.size() - 1, p / 100.0 * sorted.size()));
    return sorted[idx];
}

std::uint64_t LoadStats::count(int status) const
{
    auto it = statuses.find(status);
    return it == statuses.end() ? 0 : it->second;
}

namespace {

http::request<http::string_body> toBeast(const LoadRequest& r, const std::string& host)
{
    http::request<http::string_body> req;
    req.method_string(r.method);
    req.target(r.target);
    req.version(11);
    req.set(http::field::host, host);
    req.keep_alive(true);
    for (const auto& [k, v] : r.headers)
        req.set(k, v);
    if (!r.body.empty()) {
        req.set(http::field::content_type, "application/json");
        req.body() = r.body;
    }
    req.prepare_payload();
    return req;
}

struct Shared
{
    HttpLoad::Next next;
    HttpLoad::Done done;
    std::string host;
    tcp::endpoint endpoint;
    std::mutex mutex; // guards stats
    LoadStats stats;
    std::atomic<bool> stop{false};
    std::atomic<int> open{0};             // connections not yet closed for good
    std::chrono::nanoseconds interval{0}; // open loop: between two requests of one connection
    std::chrono::steady_clock::time_point start;
    std::chrono::milliseconds reconnectPause{0}; // 0: a broken connection is given up
    std::function<void()> onAllClosed;           // runs once, when `open` reaches zero
};

class Connection : public std::enable_shared_from_this<Connection>
{
public:
    Connection(asio::io_context& io, std::shared_ptr<Shared> shared, int index)
        : m_stream(asio::make_strand(io)), m_timer(m_stream.get_executor()),
          m_shared(std::move(shared)), m_index(index)
    {
        if (m_shared->interval.count() >
            0) // spread the connections' first requests over one interval
            m_due =
                m_shared->start + m_shared->interval * index / std::max(1, m_shared->open.load());
    }

    void start()
    {
        m_stream.expires_after(std::chrono::seconds(30));
        m_stream.async_connect(m_shared->endpoint,
                               [self = shared_from_this()](beast::error_code ec) {
                                   if (ec)
                                       return self->fail();
                                   self->m_stream.socket().set_option(tcp::no_delay(true));
                                   self->send();
                               });
    }

private:
    void send()
    {
        if (m_shared->stop)
            return close();
        if (m_shared->interval.count() > 0) {
            const auto now = std::chrono::steady_clock::now();
            if (now < m_due) {
                m_timer.expires_at(m_due);
                m_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
                    if (!ec)
                        self->sendNow();
                });
                return;
            }
        }
        sendNow();
    }

    void sendNow()
    {
        if (m_shared->stop)
            return close();
        auto next = m_shared->next(m_index);
        if (!next)
            return close();
        m_request = std::move(*next);
        m_beastRequest = toBeast(m_request, m_shared->host);
        m_response = {};
        if (m_request.delay.count() > 0) {
            m_timer.expires_after(m_request.delay);
            m_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
                if (!ec)
                    self->write();
            });
            return;
        }
        write();
    }

    void write()
    {
        if (m_shared->stop)
            return close();
        m_inFlight = true;
        m_started = std::chrono::steady_clock::now();
        if (m_shared->interval.count() > 0) { // latency from the schedule, not from sending
            m_started = std::min(m_started, m_due);
            m_due += m_shared->interval;
        }
        m_stream.expires_after(std::chrono::seconds(30));
        http::async_write(m_stream, m_beastRequest,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec)
                                  return self->fail();
                              http::async_read(
                                  self->m_stream, self->m_buffer, self->m_response,
                                  [self](beast::error_code e, std::size_t) { self->onRead(e); });
                          });
    }

    void onRead(beast::error_code ec)
    {
        if (ec)
            return fail();
        m_inFlight = false;
        LoadResponse r;
        r.status = static_cast<int>(m_response.result_int());
        r.body = std::move(m_response.body());
        r.latencyMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started)
                .count();
        {
            const std::lock_guard lock(m_shared->mutex);
            m_shared->stats.latenciesMs.push_back(r.latencyMs);
            ++m_shared->stats.statuses[r.status];
        }
        m_shared->done(m_index, m_request, r);
        if (!m_response.keep_alive()) {
            // The server closed: reconnect and go on.
            beast::error_code ignored;
            m_stream.socket().close(ignored);
            return start();
        }
        send();
    }

    void fail()
    {
        {
            const std::lock_guard lock(m_shared->mutex);
            ++m_shared->stats.transportErrors;
        }
        if (m_shared->reconnectPause.count() == 0 || m_shared->stop)
            return close();
        if (m_inFlight) { // the client hears of it, as status 0
            m_inFlight = false;
            LoadResponse r;
            r.latencyMs = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - m_started)
                              .count();
            m_shared->done(m_index, m_request, r);
        }
        beast::error_code ignored;
        m_stream.socket().close(ignored);
        m_buffer.clear();
        m_timer.expires_after(m_shared->reconnectPause);
        m_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec)
                self->start();
        });
    }

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        if (--m_shared->open == 0)
            m_shared->onAllClosed();
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.close();
    }

    beast::tcp_stream m_stream;
    asio::steady_timer m_timer;
    std::chrono::steady_clock::time_point m_due{};
    beast::flat_buffer m_buffer;
    std::shared_ptr<Shared> m_shared;
    int m_index;
    LoadRequest m_request;
    http::request<http::string_body> m_beastRequest;
    http::response<http::string_body> m_response;
    std::chrono::steady_clock::time_point m_started;
    bool m_inFlight = false; // written, its answer not yet read
    bool m_closed = false;
};

} // namespace

HttpLoad::HttpLoad(std::string host, std::uint16_t port, int connections, int threads)
    : m_host(std::move(host)), m_port(port), m_connections(connections),
      m_threads(std::max(1, threads))
{
}

LoadStats HttpLoad::run(Next next, Done done, std::chrono::milliseconds limit, double ratePerSecond)
{
    asio::io_context io;
    auto shared = std::make_shared<Shared>();
    shared->next = std::move(next);
    shared->done = std::move(done);
    shared->host = m_host;
    shared->endpoint = tcp::endpoint(asio::ip::make_address(m_host), m_port);
    shared->open = m_connections;
    shared->start = std::chrono::steady_clock::now();
    shared->reconnectPause = m_reconnectPause;
    if (ratePerSecond > 0)
        shared->interval =
            std::chrono::nanoseconds(static_cast<long long>(1e9 * m_connections / ratePerSecond));
    asio::steady_timer deadline(io, limit);
    // When every connection has closed, only the deadline keeps run() busy: cancel it.
    shared->onAllClosed = [&] { asio::post(io, [&] { deadline.cancel(); }); };
    deadline.async_wait([&](beast::error_code ec) {
        if (!ec) {
            shared->stop = true;
            io.stop(); // a hard stop: what is in flight is abandoned
        }
    });
    for (int i = 0; i < m_connections; ++i)
        std::make_shared<Connection>(io, shared, i)->start();
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int i = 1; i < m_threads; ++i)
        threads.emplace_back([&] { io.run(); });
    io.run();
    for (auto& t : threads)
        t.join();
    const std::lock_guard lock(shared->mutex);
    LoadStats stats = shared->stats;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stats;
}

LoadResponse fetch(const std::string& host, std::uint16_t port, const LoadRequest& request)
{
    asio::io_context io;
    beast::tcp_stream stream(io);
    LoadResponse r;
    beast::error_code ec;
    stream.connect(tcp::endpoint(asio::ip::make_address(host), port), ec);
    if (ec)
        return r;
    auto req = toBeast(request, host);
    const auto start = std::chrono::steady_clock::now();
    http::write(stream, req, ec);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    if (!ec)
        http::read(stream, buffer, res, ec);
    if (ec)
        return r;
    r.status = static_cast<int>(res.result_int());
    r.body = std::move(res.body());
    r.latencyMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return r;
}

} // namespace ticketing::bench
