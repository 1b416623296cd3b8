#include "domain/Codec.h"
#include "handlers/Routes.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "services/HealthService.h"

namespace ticketing::handlers {

// Generated at build time from docs/openapi.json.
extern const char* const kOpenApiDocument;

// GET /healthz (the process answers), GET /readyz (the database answers; Redis reported),
// GET /metrics (Prometheus text), GET /api/v1/openapi.json (the contract).
void registerOpsRoutes(http::Router& router, Services& services)
{
    router.add("GET", "/healthz",
               http::InlineHandler([](const http::Request&, const http::PathParams&) {
                   return http::Response::json(200, {{"status", "ok"}});
               }));
    router.add("GET", "/readyz", http::Access::anyone(),
               [&health = services.health](http::Context&) {
                   const auto r = health.readiness();
                   auto response = http::Response::json(r.ready() ? 200 : 503, domain::encode(r));
                   if (!r.ready())
                       response.headers.emplace_back("Retry-After", "1");
                   return response;
               });
    router.add("GET", "/metrics",
               http::InlineHandler(
                   [&metrics = services.metrics](const http::Request&, const http::PathParams&) {
                       return http::Response::text(200, metrics.render(),
                                                   "text/plain; version=0.0.4; charset=utf-8");
                   }));
    router.add("GET", "/api/v1/openapi.json",
               http::InlineHandler([](const http::Request&, const http::PathParams&) {
                   return http::Response::text(200, kOpenApiDocument, "application/json");
               }));
}

void registerRoutes(http::Router& router, Services& services)
{
    registerOpsRoutes(router, services);
    registerAccountRoutes(router, services);
    registerVenueRoutes(router, services);
    registerEventRoutes(router, services);
    registerBookingRoutes(router, services);
    registerCheckoutRoutes(router, services);
    registerCheckInRoutes(router, services);
}

} // namespace ticketing::handlers
