#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::bench {

struct LoadRequest
{
    std::string method = "GET";
    std::string target;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // Wait this long before sending (a client's back-off before a retry); latency counts from
    // the sending.
    std::chrono::milliseconds delay{0};
};

struct LoadResponse
{
    int status = 0; // 0: transport error
    std::string body;
    double latencyMs = 0;
};

// Latency samples and status counts of a run, with percentiles.
struct LoadStats
{
    std::vector<double> latenciesMs;
    std::map<int, std::uint64_t> statuses;
    double seconds = 0;
    std::uint64_t transportErrors = 0;

    double percentile(double p) const; // p in [0, 100]
    std::uint64_t count(int status) const;
    std::uint64_t total() const { return latenciesMs.size(); }
};

// A closed-loop HTTP/1.1 load generator over keep-alive connections (Boost.Beast): each
// connection sends a request, waits for the answer, asks for the next. `next(connection)`
// gives the next request or nullopt to close that connection; `done` sees every answer (on
// the connection's strand: calls for one connection never overlap, for different ones may).
// Stops when every connection has closed or `limit` has passed.
class HttpLoad
{
public:
    using Next = std::function<std::optional<LoadRequest>(int connection)>;
    using Done = std::function<void(int connection, const LoadRequest&, const LoadResponse&)>;

    HttpLoad(std::string host, std::uint16_t port, int connections, int threads);
    // A connection that breaks (refused, reset, timed out) is given up by default. With a pause,
    // it reconnects after it and goes on: the request that was in flight reaches `done` with
    // status 0 (a client that then retries it decides), and is counted as a transport error.
    void reconnectAfterErrors(std::chrono::milliseconds pause) { m_reconnectPause = pause; }
    // ratePerSecond > 0: open loop. Requests start on a fixed schedule spread over the
    // connections; a connection still busy when its next request is due sends it as soon as it
    // is free, and latency counts from the scheduled time, so an overloaded server shows as
    // latency instead of hiding behind fewer requests (coordinated omission).
    LoadStats run(Next next, Done done, std::chrono::milliseconds limit, double ratePerSecond = 0);

private:
    std::string m_host;
    std::uint16_t m_port;
    int m_connections;
    int m_threads;
    std::chrono::milliseconds m_reconnectPause{0};
};

// One blocking request on a fresh connection (set-up steps of a benchmark).
LoadResponse fetch(const std::string& host, std::uint16_t port, const LoadRequest& request);

} // namespace ticketing::bench
