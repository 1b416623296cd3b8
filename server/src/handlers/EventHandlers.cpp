// API.md "Events and tiers": parse, call EventService, serialize. No rules here.
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/Promo.h"
#include "domain/RefundPolicy.h"
#include "domain/Report.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/CheckoutService.h"
#include "services/EventService.h"

#include <boost/json/parse.hpp>
#include <charconv>

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

Response answer(const domain::Result<domain::Event, Problem>& r, const Context& c, int status = 200)
{
    return r.ok() ? Response::json(status, domain::encode(*r)) : problem(r.error(), c.request);
}

std::optional<domain::EventId> eventId(const Context& c)
{
    return domain::EventId::parse(c.params.at("id"));
}

Response notFound(const Context& c)
{
    return problem(Problem(domain::ProblemCode::NotFound, "no such event"), c.request);
}

// date_from / date_to: a date (midnight UTC) or an RFC 3339 time.
std::optional<domain::Clock::TimePoint> dateParam(const std::string& v)
{
    if (v.size() == 10)
        return domain::parseTimestamp(v + "T00:00:00Z");
    return domain::parseTimestamp(v);
}

template <class Fn> Response withEvent(Context& c, Fn&& fn)
{
    auto id = eventId(c);
    return id ? fn(*id) : notFound(c);
}
} // namespace

void registerEventRoutes(http::Router& router, Services& services)
{
    auto& events = services.events;
    const auto manage = Access::permitted(domain::Permission::EventsManage);
    router.add("POST", "/api/v1/events", manage, [&events](Context& c) {
        auto body = readBody<domain::EventInput>(c.request);
        if (unreadable(body))
            return problem(body.error(), c.request); // not JSON at all
        return answer(events.create(callerOf(c), std::move(body)), c, 201);
    });
    router.add(
        "GET", "/api/v1/events", Access::optional(),
        [&events](Context& c) {
            auto page = pageOf(c.request);
            if (!page.ok())
                return problem(page.error(), c.request);
            services::EventService::Query q;
            q.limit = page->limit;
            q.cursor = page->cursor;
            q.mine = c.request.queryParam("mine").value_or("") == "true";
            for (auto& [name, field] :
                 {std::pair{"q", &q.text}, {"genre", &q.genre}, {"city", &q.city}})
                if (auto v = c.request.queryParam(name); v && !v->empty())
                    *field = *v;
            std::vector<domain::FieldError> errors;
            for (auto& [name, field] : {std::pair{"date_from", &q.from}, {"date_to", &q.to}})
                if (auto v = c.request.queryParam(name); v && !v->empty())
                    if (!(*field = dateParam(*v)))
                        errors.push_back({name, "must be a date (2026-03-01) or an RFC 3339 time"});
            if (!errors.empty())
                return problem(Problem::validation(std::move(errors)), c.request);
            auto result = events.list(optionalCaller(c), q);
            if (!result.ok())
                return problem(result.error(), c.request);
            auto out = std::move(result).value();
            if (out.nextCursor)
                out.nextCursor = encodeCursor(*out.nextCursor);
            return Response::json(200, domain::encode(out));
        },
        http::RouteOptions{http::Router::kDefaultBodyLimit, false, http::Lane::Database, true});
    router.add("GET", "/api/v1/events/{id}", Access::optional(), [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            return answer(events.get(optionalCaller(c), id), c);
        });
    });
    router.add("PUT", "/api/v1/events/{id}", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto body = readBody<domain::EventInput>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request); // not JSON at all
            return answer(events.update(callerOf(c), id, std::move(body)), c);
        });
    });
    router.add("POST", "/api/v1/events/{id}/publish", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            return answer(events.publish(callerOf(c), id), c);
        });
    });
    // API.md "Reports": JSON, or CSV when the client asks for text/csv.
    const auto wantsCsv = [](const Context& c) {
        return c.request.header("accept").value_or("").find("text/csv") != std::string_view::npos;
    };
    router.add("GET", "/api/v1/events/{id}/report", manage, [&events, wantsCsv](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            const auto interval = c.request.queryParam("interval").value_or("day");
            if (interval != "hour" && interval != "day")
                return problem(Problem::validation({{"interval", "must be hour or day"}}),
                               c.request);
            auto report = events.report(callerOf(c), id,
                                        interval == "hour" ? domain::ReportInterval::Hour
                                                           : domain::ReportInterval::Day);
            if (!report.ok())
                return problem(report.error(), c.request);
            if (wantsCsv(c))
                return Response::text(200, domain::reportCsv(*report), "text/csv; charset=utf-8");
            return Response::json(200, domain::reportJson(*report));
        });
    });
    router.add("GET", "/api/v1/events/{id}/settlement", manage, [&events, wantsCsv](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto settlement = events.settlement(callerOf(c), id);
            if (!settlement.ok())
                return problem(settlement.error(), c.request);
            if (wantsCsv(c))
                return Response::text(200, domain::settlementCsv(*settlement),
                                      "text/csv; charset=utf-8");
            return Response::json(200, domain::settlementJson(*settlement));
        });
    });
    // API.md "Seat blocks": each answered with the event's blocks after the change.
    const auto blocksAnswer = [](const domain::Result<domain::SeatBlocks, Problem>& r,
                                 const Context& c) {
        return r.ok() ? Response::json(200, boost::json::value_from(*r))
                      : problem(r.error(), c.request);
    };
    router.add("GET", "/api/v1/events/{id}/blocks", manage, [&events, blocksAnswer](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            return blocksAnswer(events.blocks(callerOf(c), id), c);
        });
    });
    router.add("POST", "/api/v1/events/{id}/blocks", manage, [&events, blocksAnswer](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto body = readBody<domain::BlockRequest>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request);
            return blocksAnswer(events.block(callerOf(c), id, std::move(body)), c);
        });
    });
    router.add("DELETE", "/api/v1/events/{id}/blocks", manage, [&events, blocksAnswer](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto body = readBody<domain::UnblockRequest>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request);
            return blocksAnswer(events.unblock(callerOf(c), id, std::move(body)), c);
        });
    });
    // GET /events/{id}/quote?promo_code=&seat_ids=a,b or &ticket_tier_id=&quantity=: a price,
    // holding nothing (anyone who may see the event). The query is read as the hold's body it
    // stands for, by the hold's own rules (domain::parseHoldRequest).
    router.add("GET", "/api/v1/events/{id}/quote", Access::optional(), [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            boost::json::object body{{"event_id", id.toString()}};
            if (auto seats = c.request.queryParam("seat_ids")) {
                boost::json::array list;
                for (std::size_t at = 0; at <= seats->size() && list.size() <= 100;) {
                    const auto comma = std::min(seats->find(',', at), seats->size());
                    list.push_back(boost::json::value(seats->substr(at, comma - at)));
                    at = comma + 1;
                }
                body["seat_ids"] = std::move(list);
            }
            if (auto tier = c.request.queryParam("ticket_tier_id"))
                body["ticket_tier_id"] = *tier;
            if (auto quantity = c.request.queryParam("quantity")) {
                long long n = 0;
                const auto* end = quantity->data() + quantity->size();
                auto [ptr, ec] = std::from_chars(quantity->data(), end, n);
                body["quantity"] = ec == std::errc() && ptr == end ? boost::json::value(n)
                                                                   : boost::json::value(*quantity);
            }
            if (auto code = c.request.queryParam("promo_code"))
                body["promo_code"] = *code;
            auto request = domain::parseHoldRequest(body);
            if (!request.ok())
                return problem(Problem::validation(std::move(request).error()), c.request);
            auto quote = events.quote(optionalCaller(c), *request);
            return quote.ok() ? Response::json(200, boost::json::value_from(*quote))
                              : problem(quote.error(), c.request);
        });
    });
    // API.md "Promo codes and group discounts": the event's codes (owner, admin).
    router.add("POST", "/api/v1/events/{id}/promo-codes", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto body = readBody<domain::PromoCodeInput>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request);
            auto made = events.createPromoCode(callerOf(c), id, std::move(body));
            return made.ok() ? Response::json(201, boost::json::value_from(*made))
                             : problem(made.error(), c.request);
        });
    });
    router.add("GET", "/api/v1/events/{id}/promo-codes", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto codes = events.promoCodes(callerOf(c), id);
            if (!codes.ok())
                return problem(codes.error(), c.request);
            boost::json::array items;
            for (const auto& code : *codes)
                items.push_back(boost::json::value_from(code));
            // One page: an event has few codes (at most 1,000 are listed).
            return Response::json(
                200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
        });
    });
    router.add("DELETE", "/api/v1/events/{id}/promo-codes/{code}", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            if (auto refused = events.removePromoCode(callerOf(c), id, c.params.at("code")))
                return problem(*refused, c.request);
            return Response::noContent();
        });
    });
    // Cancelling refunds everyone who paid (CheckoutService).
    auto& checkout = services.checkout;
    router.add(
        "DELETE", "/api/v1/events/{id}", manage,
        [&checkout](Context& c) {
            return withEvent(c, [&](const domain::EventId& id) {
                return answer(checkout.cancelEvent(callerOf(c), id), c);
            });
        },
        callsProvider());
}

} // namespace ticketing::handlers
