#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace ticketing::http {

// Prometheus text exposition (format 0.0.4). Written here because Debian 12 packages no
// Prometheus client library for C++; the format is a few lines of text. Thread-safe.
class Metrics
{
public:
    // Seconds; the histogram's upper bounds.
    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

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

private:
    struct Histogram
    {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t>
        m_requests;                             // route, method, status
    std::map<std::string, Histogram> m_latency; // by route
    std::vector<Collector> m_collectors;
    std::atomic<long long> m_connections{0};
};

} // namespace ticketing::http
