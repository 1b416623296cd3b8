// API.md "Bookings" (holds, release, reading) and GET /events/{id}/availability. No rules here.
#include "domain/Booking.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/HoldService.h"

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

bool validKey(std::string_view key)
{
    if (key.empty() || key.size() > 255)
        return false;
    for (char ch : key)
        if (ch < 0x21 || ch > 0x7e)
            return false;
    return true;
}

Response bookingAnswer(const domain::Result<domain::Booking, Problem>& r, const Context& c, const domain::Clock& clock)
{
    return r.ok() ? Response::json(200, domain::bookingJson(*r, clock.now())) : problem(r.error(), c.request);
}

} // namespace

void registerBookingRoutes(http::Router& router, Services& services)
{
    auto& holds = services.holds;
    router.add("POST", "/api/v1/bookings/hold", Access::permitted(domain::Permission::BookingsCreate), [&holds](Context& c) {
        const auto key = c.request.header("idempotency-key");
        if (!key)
            return problem(Problem(400, "idempotency_key_required", "An Idempotency-Key is required",
                                   "send Idempotency-Key: <a new UUID> with every hold, and the same one when you retry it"),
                           c.request);
        if (!validKey(*key))
            return problem(Problem::validation({{"Idempotency-Key", "must be 1 to 255 visible ASCII characters"}}), c.request);
        auto body = http::parseJsonBody(c.request);
        if (!body.ok())
            return problem(body.error(), c.request);
        auto answer = holds.hold(c.db, callerOf(c), std::string(*key), c.request.body, *body, c.request.requestId);
        auto response = Response::text(answer.status, std::move(answer.body),
                                       answer.status >= 400 ? "application/problem+json" : "application/json");
        if (answer.replayed)
            response.headers.emplace_back("Idempotent-Replayed", "true");
        return response;
    });
    router.add("GET", "/api/v1/bookings/{id}", Access::permitted(domain::Permission::BookingsReadOwn), [&holds](Context& c) {
        auto id = domain::BookingId::parse(c.params.at("id"));
        if (!id)
            return problem(Problem(domain::ProblemCode::NotFound, "no such booking"), c.request);
        return bookingAnswer(holds.get(c.db, callerOf(c), *id), c, holds.clock());
    });
    router.add("DELETE", "/api/v1/bookings/{id}", Access::permitted(domain::Permission::BookingsCancelOwn), [&holds](Context& c) {
        auto id = domain::BookingId::parse(c.params.at("id"));
        if (!id)
            return problem(Problem(domain::ProblemCode::NotFound, "no such booking"), c.request);
        return bookingAnswer(holds.cancel(c.db, callerOf(c), *id), c, holds.clock());
    });
    router.add("GET", "/api/v1/users/me/bookings", Access::signedIn(), [&holds](Context& c) {
        auto page = pageOf(c.request);
        if (!page.ok())
            return problem(page.error(), c.request);
        std::optional<std::string> next;
        auto list = holds.mine(c.db, callerOf(c), page->cursor, page->limit, next);
        boost::json::array items;
        const auto now = holds.clock().now();
        for (const auto& b : list)
            items.push_back(domain::bookingJson(b, now));
        boost::json::object out{{"items", std::move(items)}};
        out["next_cursor"] = next ? boost::json::value(encodeCursor(*next)) : boost::json::value(nullptr);
        return Response::json(200, out);
    });
    router.add("GET", "/api/v1/events/{id}/availability", Access::anyone(), [&holds](Context& c) {
        auto id = domain::EventId::parse(c.params.at("id"));
        if (!id)
            return problem(Problem(domain::ProblemCode::NotFound, "no such event"), c.request);
        auto a = holds.availability(c.db, *id);
        return a.ok() ? Response::json(200, services::HoldService::availabilityJson(*id, *a)) : problem(a.error(), c.request);
    });
}

} // namespace ticketing::handlers
