// API.md "Bookings" (holds, release, reading) and GET /events/{id}/availability. No rules here.
#include "domain/Booking.h"
#include "domain/Codec.h"
#include "domain/Waitlist.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/CheckoutService.h"
#include "services/HoldService.h"
#include "services/WaitlistService.h"

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

Response bookingAnswer(const domain::Result<domain::Booking, Problem>& r, const Context& c,
                       const domain::Clock& clock)
{
    return r.ok() ? Response::json(200, domain::bookingJson(*r, clock.now()))
                  : problem(r.error(), c.request);
}

} // namespace

void registerBookingRoutes(http::Router& router, Services& services)
{
    auto& holds = services.holds;
    // API.md "Waitlist".
    auto& waitlist = services.waitlist;
    auto entries = [](const std::vector<domain::WaitlistEntry>& list) {
        domain::Page<domain::WaitlistEntry> page;
        page.items = list;
        return Response::json(200, domain::encode(page));
    };
    router.add("POST", "/api/v1/events/{id}/waitlist",
               Access::permitted(domain::Permission::BookingsCreate), [&waitlist](Context& c) {
                   const auto id = domain::EventId::parse(c.params.at("id"));
                   if (!id)
                       return problem(
                           domain::Problem(domain::ProblemCode::NotFound, "no such event"),
                           c.request);
                   auto in = readBody<domain::WaitlistRequest>(c.request);
                   if (!in.ok())
                       return problem(in.error(), c.request);
                   auto joined = waitlist.join(callerOf(c), *id, *in);
                   if (!joined.ok())
                       return problem(joined.error(), c.request);
                   return Response::json(201, domain::encode(*joined));
               });
    router.add("GET", "/api/v1/users/me/waitlist",
               Access::permitted(domain::Permission::BookingsReadOwn),
               [&waitlist, entries](Context& c) { return entries(waitlist.mine(callerOf(c))); });
    router.add("DELETE", "/api/v1/waitlist/{id}",
               Access::permitted(domain::Permission::BookingsReadOwn), [&waitlist](Context& c) {
                   const auto id = domain::Uuid::parse(c.params.at("id"));
                   if (!id)
                       return problem(
                           domain::Problem(domain::ProblemCode::NotFound, "no such waitlist entry"),
                           c.request);
                   auto left = waitlist.leave(callerOf(c), *id);
                   if (!left.ok())
                       return problem(left.error(), c.request);
                   return Response::noContent();
               });
    router.add(
        "GET", "/api/v1/events/{id}/waitlist", Access::permitted(domain::Permission::EventsManage),
        [&waitlist, entries](Context& c) {
            const auto id = domain::EventId::parse(c.params.at("id"));
            if (!id)
                return problem(domain::Problem(domain::ProblemCode::NotFound, "no such event"),
                               c.request);
            auto list = waitlist.forEvent(callerOf(c), *id);
            if (!list.ok())
                return problem(list.error(), c.request);
            return entries(*list);
        });
    router.add(
        "POST", "/api/v1/bookings/hold", Access::permitted(domain::Permission::BookingsCreate),
        [&holds](Context& c) {
            const auto key = idempotencyKey(c.request);
            if (!key.ok())
                return problem(key.error(), c.request);
            auto request = readBody<domain::HoldRequest>(c.request);
            if (!request.ok())
                return problem(request.error(), c.request);
            return keyedResponse(
                holds.hold(callerOf(c), *key, domain::requestHash(c.request.body), *request), 201,
                c.request);
        },
        // Per account (TICKETING_HOLD_RATE_LIMIT): a bot holding seats to keep them from
        // sale is slowed down; the answers say how much is left.
        http::RouteOptions{http::Router::kDefaultBodyLimit, false, http::Lane::Database, false,
                           "holds"});
    router.add("GET", "/api/v1/bookings/{id}",
               Access::permitted(domain::Permission::BookingsReadOwn), [&holds](Context& c) {
                   auto id = domain::BookingId::parse(c.params.at("id"));
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such booking"),
                                      c.request);
                   return bookingAnswer(holds.get(callerOf(c), *id), c, holds.clock());
               });
    auto& checkout = services.checkout;
    // A hold is released; a confirmed booking is cancelled under its refund policy.
    router.add(
        "DELETE", "/api/v1/bookings/{id}", Access::permitted(domain::Permission::BookingsCancelOwn),
        [&holds, &checkout](Context& c) {
            auto id = domain::BookingId::parse(c.params.at("id"));
            if (!id)
                return problem(Problem(domain::ProblemCode::NotFound, "no such booking"),
                               c.request);
            return bookingAnswer(checkout.cancel(callerOf(c), *id), c, holds.clock());
        },
        callsProvider());
    router.add("GET", "/api/v1/users/me/bookings", Access::signedIn(), [&holds](Context& c) {
        auto page = pageOf(c.request);
        if (!page.ok())
            return problem(page.error(), c.request);
        std::optional<std::string> next;
        auto list = holds.mine(callerOf(c), page->cursor, page->limit, next);
        boost::json::array items;
        const auto now = holds.clock().now();
        for (const auto& b : list)
            items.push_back(domain::bookingJson(b, now));
        // Bookings are shown as of now (a hold whose time passed is expired), so the page is
        // put together here rather than through domain::Page<Booking>.
        return Response::json(
            200, boost::json::object{
                     {"items", std::move(items)},
                     {"next_cursor",
                      domain::nullable(next ? std::optional(encodeCursor(*next)) : std::nullopt)}});
    });
    // Will-call and refunds (API.md "Box office"); an organizer's search is kept to its own
    // events by the service.
    router.add(
        "GET", "/api/v1/bookings", Access::permitted(domain::Permission::BookingsSearch),
        [&holds](Context& c) {
            auto page = pageOf(c.request);
            if (!page.ok())
                return problem(page.error(), c.request);
            services::HoldService::Search q;
            q.limit = page->limit;
            q.cursor = page->cursor;
            std::vector<domain::FieldError> errors;
            if (auto v = c.request.queryParam("event_id"); v && !v->empty()) {
                if (!(q.event = domain::EventId::parse(*v)))
                    errors.push_back({"event_id", "must be an event id"});
            }
            if (auto v = c.request.queryParam("status"); v && !v->empty()) {
                if (!(q.status = domain::parseBookingStatus(*v)))
                    errors.push_back(
                        {"status", "must be one of held, confirmed, cancelled, expired, refunded"});
            }
            if (auto v = c.request.queryParam("q"); v && !v->empty())
                q.text = *v;
            if (!errors.empty())
                return problem(domain::Problem::validation(std::move(errors)), c.request);
            std::optional<std::string> next;
            auto list = holds.search(callerOf(c), q, next);
            if (!list.ok())
                return problem(list.error(), c.request);
            boost::json::array items;
            const auto now = holds.clock().now();
            for (const auto& b : list.value())
                items.push_back(domain::bookingJson(b, now));
            return Response::json(
                200, boost::json::object{
                         {"items", std::move(items)},
                         {"next_cursor", domain::nullable(next ? std::optional(encodeCursor(*next))
                                                               : std::nullopt)}});
        });
    router.add("GET", "/api/v1/events/{id}/availability", Access::anyone(), [&holds](Context& c) {
        auto id = domain::EventId::parse(c.params.at("id"));
        if (!id)
            return problem(Problem(domain::ProblemCode::NotFound, "no such event"), c.request);
        auto a = holds.availability(*id);
        return a.ok() ? Response::json(200, domain::encode(*a)) : problem(a.error(), c.request);
    });
}

} // namespace ticketing::handlers
