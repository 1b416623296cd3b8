#pragma once

namespace ticketing::http {
class Router;
class Metrics;
} // namespace ticketing::http
namespace ticketing::services {
class HealthService;
}

namespace ticketing::handlers {

// GET /healthz (the process answers), GET /readyz (the database answers; Redis reported),
// GET /metrics (Prometheus text), GET /api/v1/openapi.json (the contract).
void registerOpsRoutes(http::Router& router, services::HealthService& health, http::Metrics& metrics);

} // namespace ticketing::handlers
