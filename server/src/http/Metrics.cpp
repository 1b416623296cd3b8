#include "http/Metrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <sstream>

namespace ticketing::http {

Metrics::Metrics() : m_registry(std::make_shared<prometheus::Registry>())
{
    m_requests = &prometheus::BuildCounter()
                      .Name("ticketd_http_requests_total")
                      .Help("HTTP requests answered, by route pattern, method and status.")
                      .Register(*m_registry);
    m_latency = &prometheus::BuildHistogram()
                     .Name("ticketd_http_request_duration_seconds")
                     .Help("Time from a request's headers to its answer.")
                     .Register(*m_registry);
}

Metrics::~Metrics() = default;

std::string_view Metrics::methodLabel(std::string_view method)
{
    static constexpr std::array<std::string_view, 9> kMethods{
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"};
    for (const auto m : kMethods)
        if (m == method)
            return m;
    return method == "-" ? "-" : "other";
}

void Metrics::recordRequest(const std::string& route, const std::string& method, int status,
                            double seconds)
{
    const std::string label = route.empty() ? "unmatched" : route;
    // Family::Add finds the series of these labels, or makes it (under the family's lock).
    m_requests
        ->Add({{"route", label},
               {"method", std::string(methodLabel(method))},
               {"status", std::to_string(status)}})
        .Increment();
    m_latency
        ->Add({{"route", label}},
              prometheus::Histogram::BucketBoundaries(kBuckets.begin(), kBuckets.end()))
        .Observe(seconds);
}

void Metrics::addCollector(Collector collector)
{
    const std::lock_guard lock(m_mutex);
    m_collectors.push_back(std::move(collector));
}

std::string Metrics::render() const
{
    auto families = m_registry->Collect();
    auto gauge = [](std::string name, std::string help, double value) {
        prometheus::MetricFamily f{
            std::move(name), std::move(help), prometheus::MetricType::Gauge, {}};
        prometheus::ClientMetric m;
        m.gauge.value = value;
        f.metric.push_back(std::move(m));
        return f;
    };
    families.push_back(gauge("ticketd_http_connections", "Open HTTP connections.",
                             static_cast<double>(m_connections.load())));
    std::vector<Collector> collectors;
    {
        const std::lock_guard lock(m_mutex);
        collectors = m_collectors;
    }
    for (const auto& collect : collectors)
        for (const auto& sample : collect()) {
            if (sample.type == "counter") {
                prometheus::MetricFamily f{
                    sample.name, sample.help, prometheus::MetricType::Counter, {}};
                prometheus::ClientMetric m;
                m.counter.value = sample.value;
                f.metric.push_back(std::move(m));
                families.push_back(std::move(f));
            } else {
                families.push_back(gauge(sample.name, sample.help, sample.value));
            }
        }
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    return out.str();
}

} // namespace ticketing::http
