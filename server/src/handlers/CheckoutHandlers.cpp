// API.md "Bookings" (confirm), "Payments", the providers' webhooks, and tickets. No rules here.
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/CheckoutService.h"

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {
template <class IdType> std::optional<IdType> idParam(const Context& c)
{
    return IdType::parse(c.params.at("id"));
}

template <class T> Response valueAnswer(const domain::Result<T, Problem>& r, const Context& c)
{
    return r.ok() ? Response::json(200, domain::encode(*r)) : problem(r.error(), c.request);
}

// POST routes that take an Idempotency-Key and a body of type `Body`: the service's answer with
// `status`, or the first answer to the key replayed.
template <class Body, class Call> Response idempotentPost(Context& c, int status, Call call)
{
    const auto key = idempotencyKey(c.request);
    if (!key.ok())
        return problem(key.error(), c.request);
    auto body = readBody<Body>(c.request);
    if (!body.ok())
        return problem(body.error(), c.request);
    return keyedResponse(call(*key, domain::requestHash(c.request.body), *body), status, c.request);
}
} // namespace

void registerShiftRoutes(http::Router& router, Services& services);

void registerCheckoutRoutes(http::Router& router, Services& services)
{
    registerShiftRoutes(router, services);
    auto& checkout = services.checkout;
    router.add(
        "POST", "/api/v1/payments/intent", Access::permitted(domain::Permission::PaymentsCreate),
        [&checkout](Context& c) {
            return idempotentPost<domain::IntentRequest>(
                c, 201,
                [&](const std::string& key, const std::string& hash,
                    const domain::IntentRequest& request) {
                    return checkout.createIntent(callerOf(c), key, hash, request);
                });
        },
        callsProvider());
    router.add(
        "POST", "/api/v1/bookings/confirm", Access::permitted(domain::Permission::PaymentsCreate),
        [&checkout](Context& c) {
            return idempotentPost<domain::ConfirmRequest>(
                c, 200,
                [&](const std::string& key, const std::string& hash,
                    const domain::ConfirmRequest& request) {
                    return checkout.confirm(callerOf(c), key, hash, request);
                });
        },
        callsProvider());
    router.add("GET", "/api/v1/payments/{id}",
               Access::permitted(domain::Permission::BookingsReadOwn), [&checkout](Context& c) {
                   const auto id = idParam<domain::PaymentId>(c);
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such payment"),
                                      c.request);
                   return valueAnswer(checkout.payment(callerOf(c), *id), c);
               });
    router.add(
        "POST", "/api/v1/payments/{id}/refund",
        Access::permitted(domain::Permission::PaymentsRefund),
        [&checkout](Context& c) {
            const auto id = idParam<domain::PaymentId>(c);
            if (!id)
                return problem(Problem(domain::ProblemCode::NotFound, "no such payment"),
                               c.request);
            domain::RefundRequest request; // no body: all that is left
            if (!c.request.body.empty()) {
                auto read = readBody<domain::RefundRequest>(c.request);
                if (!read.ok())
                    return problem(read.error(), c.request);
                request = std::move(read).value();
            }
            return valueAnswer(checkout.refund(callerOf(c), *id, request), c);
        },
        callsProvider());
    router.add(
        "POST", "/api/v1/payments/{id}/cancel",
        Access::permitted(domain::Permission::PaymentsCreate),
        [&checkout](Context& c) {
            const auto id = idParam<domain::PaymentId>(c);
            if (!id)
                return problem(Problem(domain::ProblemCode::NotFound, "no such payment"),
                               c.request);
            return valueAnswer(checkout.cancelPayment(callerOf(c), *id), c);
        },
        callsProvider());
    // The provider calls this; the signature, not a token, says who it is.
    router.add(
        "POST", "/api/v1/webhooks/{provider}", Access::anyone(),
        [&checkout](Context& c) {
            return valueAnswer(checkout.webhook(c.params.at("provider"),
                                                c.request.header("ticketing-signature"),
                                                c.request.body),
                               c);
        },
        callsProvider());
    router.add(
        "GET", "/api/v1/events/{id}/signing-keys", Access::optional(), [&checkout](Context& c) {
            const auto id = idParam<domain::EventId>(c);
            if (!id)
                return problem(Problem(domain::ProblemCode::NotFound, "no such event"), c.request);
            return valueAnswer(checkout.signingKeys(optionalCaller(c), *id), c);
        });
    router.add("POST", "/api/v1/events/{id}/signing-keys/rotate",
               Access::permitted(domain::Permission::EventsManage), [&checkout](Context& c) {
                   const auto id = idParam<domain::EventId>(c);
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such event"),
                                      c.request);
                   return valueAnswer(checkout.rotateKey(callerOf(c), *id), c);
               });
    // API.md "Transfers": the owner, the box office, an admin (the service decides).
    router.add("POST", "/api/v1/bookings/{id}/transfer",
               Access::permitted(domain::Permission::BookingsReadOwn), [&checkout](Context& c) {
                   const auto id = idParam<domain::BookingId>(c);
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such booking"),
                                      c.request);
                   auto in = readBody<domain::TransferRequest>(c.request);
                   if (!in.ok())
                       return problem(in.error(), c.request);
                   return valueAnswer(checkout.transfer(callerOf(c), *id, *in), c);
               });
    router.add("GET", "/api/v1/tickets/{id}",
               Access::permitted(domain::Permission::BookingsReadOwn), [&checkout](Context& c) {
                   const auto id = idParam<domain::TicketId>(c);
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such ticket"),
                                      c.request);
                   return valueAnswer(checkout.ticket(callerOf(c), *id), c);
               });
    router.add("GET", "/api/v1/tickets/{id}/qr.png",
               Access::permitted(domain::Permission::BookingsReadOwn), [&checkout](Context& c) {
                   const auto id = idParam<domain::TicketId>(c);
                   if (!id)
                       return problem(Problem(domain::ProblemCode::NotFound, "no such ticket"),
                                      c.request);
                   auto png = checkout.ticketQr(callerOf(c), *id);
                   if (!png.ok())
                       return problem(png.error(), c.request);
                   auto response = Response::text(200, std::move(*png), "image/png");
                   response.headers.emplace_back("Cache-Control", "private, no-store");
                   return response;
               });
}

// API.md "Box office": shifts, the agent's cash drawer.
void registerShiftRoutes(http::Router& router, Services& services)
{
    auto& shifts = services.checkout.shifts();
    const auto counter = Access::permitted(domain::Permission::PaymentsTakeCash);
    auto withShift = [](Context& c, auto&& fn) {
        const auto id = idParam<domain::ShiftId>(c);
        return id ? fn(*id)
                  : problem(Problem(domain::ProblemCode::NotFound, "no such shift"), c.request);
    };
    router.add("POST", "/api/v1/boxoffice/shifts", counter, [&shifts](Context& c) {
        auto body = readBody<domain::ShiftOpening>(c.request);
        if (!body.ok())
            return problem(body.error(), c.request);
        auto opened = shifts.open(callerOf(c), *body);
        return opened.ok() ? Response::json(201, domain::encode(*opened))
                           : problem(opened.error(), c.request);
    });
    router.add("GET", "/api/v1/boxoffice/shifts/current", counter,
               [&shifts](Context& c) { return valueAnswer(shifts.current(callerOf(c)), c); });
    router.add("GET", "/api/v1/boxoffice/shifts/{id}", counter, [&shifts, withShift](Context& c) {
        return withShift(c, [&](const domain::ShiftId& id) {
            return valueAnswer(shifts.get(callerOf(c), id), c);
        });
    });
    router.add("POST", "/api/v1/boxoffice/shifts/{id}/close", counter,
               [&shifts, withShift](Context& c) {
                   return withShift(c, [&](const domain::ShiftId& id) {
                       auto body = http::parseJsonBody(c.request);
                       if (!body.ok())
                           return problem(body.error(), c.request);
                       return valueAnswer(shifts.close(callerOf(c), id, *body), c);
                   });
               });
    router.add("GET", "/api/v1/boxoffice/shifts", counter, [&shifts](Context& c) {
        std::vector<domain::FieldError> errors;
        std::optional<domain::UserId> agent;
        if (auto v = c.request.queryParam("agent_id"); v && !v->empty())
            if (!(agent = domain::UserId::parse(*v)))
                errors.push_back({"agent_id", "must be a user id"});
        std::optional<domain::Clock::TimePoint> from, to;
        for (auto& [name, field] : {std::pair{"from", &from}, {"to", &to}})
            if (auto v = c.request.queryParam(name); v && !v->empty())
                if (!(*field = domain::parseTimestamp(v->size() == 10 ? *v + "T00:00:00Z" : *v)))
                    errors.push_back({name, "must be a date (2026-03-01) or an RFC 3339 time"});
        if (!errors.empty())
            return problem(Problem::validation(std::move(errors)), c.request);
        auto list = shifts.list(callerOf(c), agent, from, to);
        if (!list.ok())
            return problem(list.error(), c.request);
        boost::json::array items;
        for (const auto& shift : *list)
            items.push_back(domain::encode(shift));
        return Response::json(
            200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
    });
}

} // namespace ticketing::handlers
