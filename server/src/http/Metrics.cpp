#include "http/Metrics.h"

#include <sstream>

namespace ticketing::http {

namespace {
std::string escapeLabel(const std::string& v)
{
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}
} // namespace

void Metrics::recordRequest(const std::string& route, const std::string& method, int status,
                            double seconds)
{
    const std::lock_guard lock(m_mutex);
    ++m_requests[{route, method, status}];
    auto& h = m_latency[route];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

void Metrics::addCollector(Collector collector)
{
    const std::lock_guard lock(m_mutex);
    m_collectors.push_back(std::move(collector));
}

std::string Metrics::render() const
{
    std::vector<Collector> collectors;
    std::ostringstream s;
    s.precision(9);
    {
        const std::lock_guard lock(m_mutex);
        collectors = m_collectors;
        s << "# HELP ticketd_http_requests_total HTTP requests answered, by route pattern, method "
             "and status.\n"
             "# TYPE ticketd_http_requests_total counter\n";
        for (const auto& [key, n] : m_requests) {
            const auto& [route, method, status] = key;
            s << "ticketd_http_requests_total{route=\"" << escapeLabel(route) << "\",method=\""
              << escapeLabel(method) << "\",status=\"" << status << "\"} " << n << "\n";
        }
        s << "# HELP ticketd_http_request_duration_seconds Time from a request's headers to its "
             "answer.\n"
             "# TYPE ticketd_http_request_duration_seconds histogram\n";
        for (const auto& [route, h] : m_latency) {
            const auto label = escapeLabel(route);
            for (std::size_t i = 0; i < kBuckets.size(); ++i)
                s << "ticketd_http_request_duration_seconds_bucket{route=\"" << label << "\",le=\""
                  << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
            s << "ticketd_http_request_duration_seconds_bucket{route=\"" << label
              << "\",le=\"+Inf\"} " << h.count << "\n";
            s << "ticketd_http_request_duration_seconds_sum{route=\"" << label << "\"} " << h.sum
              << "\n";
            s << "ticketd_http_request_duration_seconds_count{route=\"" << label << "\"} "
              << h.count << "\n";
        }
    }
    s << "# HELP ticketd_http_connections Open HTTP connections.\n"
         "# TYPE ticketd_http_connections gauge\n"
         "ticketd_http_connections "
      << m_connections.load() << "\n";
    for (const auto& collect : collectors) {
        for (const auto& sample : collect()) {
            s << "# HELP " << sample.name << " " << sample.help << "\n# TYPE " << sample.name << " "
              << sample.type << "\n"
              << sample.name << " " << sample.value << "\n";
        }
    }
    return s.str();
}

} // namespace ticketing::http
