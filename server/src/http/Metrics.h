#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace prometheus {
class Registry;
template <typename T> class Family;
class Counter;
class Histogram;
} // namespace prometheus

namespace ticketing::http {

// The Prometheus exposition of /metrics through prometheus-cpp (core only: the registry and
// its text serializer; the HTTP side is ours). A request's labels cannot grow the series: a
// method that is not HTTP's is "other", a path that matched no route is "unmatched", so that
// no client can add a series by sending a new name. Thread-safe.
class Metrics
{
public:
    // Seconds; the histogram's upper bounds.
    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

    Metrics();
    ~Metrics();

    // `route`: the route's pattern, empty for a request that matched none.
    void recordRequest(const std::string& route, const std::string& method, int status,
                       double seconds);
    void connectionOpened() { m_connections.fetch_add(1, std::memory_order_relaxed); }
    void connectionClosed() { m_connections.fetch_sub(1, std::memory_order_relaxed); }
    long long activeConnections() const { return m_connections.load(); }

    // Gauges and counters owned elsewhere (pool use, Redis state) are read at scrape time.
    struct Sample
    {
        std::string name;
        std::string help;
        std::string type; // "gauge" or "counter"
        double value;
    };
    using Collector = std::function<std::vector<Sample>()>;
    void addCollector(Collector collector);

    std::string render() const;

    // The label a request's method is counted under: itself when it is one of HTTP's, else
    // "other".
    static std::string_view methodLabel(std::string_view method);

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter>* m_requests = nullptr;
    prometheus::Family<prometheus::Histogram>* m_latency = nullptr;
    mutable std::mutex m_mutex; // the collectors
    std::vector<Collector> m_collectors;
    std::atomic<long long> m_connections{0};
};

} // namespace ticketing::http
