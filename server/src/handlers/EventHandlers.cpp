// API.md "Events and tiers": parse, call EventService, serialize. No rules here.
#include <boost/json/parse.hpp>

#include "domain/Event.h"
#include "domain/RefundPolicy.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/CheckoutService.h"
#include "services/EventService.h"

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

boost::json::value optionalTime(const std::optional<domain::Clock::TimePoint>& t)
{
    return t ? boost::json::value(domain::formatTimestamp(*t)) : boost::json::value(nullptr);
}

boost::json::object eventJson(const db::EventRow& e)
{
    const auto currency = *domain::Currency::fromCode(e.currency);
    boost::json::array tiers;
    for (const auto& t : e.tiers) {
        boost::json::object o{{"id", t.id.toString()},
                              {"name", t.name},
                              {"price", domain::Money(t.priceMinor, currency).toDecimalString()},
                              {"currency", e.currency}};
        if (t.kind == domain::SectionKind::Standing) {
            o["section_key"] = t.sectionKeys.empty() ? std::string() : t.sectionKeys.front();
            o["quantity"] = t.quantity;
        } else {
            boost::json::array keys;
            for (const auto& k : t.sectionKeys)
                keys.emplace_back(k);
            o["section_keys"] = std::move(keys);
        }
        o["quantity_total"] = t.quantityTotal;
        tiers.push_back(std::move(o));
    }
    boost::json::object o;
    o["id"] = e.id.toString();
    o["organizer_id"] = e.organizer.toString();
    o["venue_id"] = e.venue.toString();
    o["title"] = e.title;
    o["description"] = e.description;
    o["genre"] = e.genre;
    o["city"] = e.city;
    o["start_time"] = domain::formatTimestamp(e.start);
    o["end_time"] = domain::formatTimestamp(e.end);
    o["sale_start"] = optionalTime(e.saleStart);
    o["sale_end"] = optionalTime(e.saleEnd);
    o["currency"] = e.currency;
    o["status"] = domain::toString(e.status);
    // The policy in force: the organizer's, or the standard one (seed 10.3).
    o["refund_policy"] = domain::refundPolicyOr(e.refundPolicy ? std::optional(boost::json::parse(*e.refundPolicy).as_object())
                                                               : std::nullopt)
                             .toJson();
    o["tiers"] = std::move(tiers);
    o["created_at"] = domain::formatTimestamp(e.createdAt);
    o["updated_at"] = domain::formatTimestamp(e.updatedAt);
    o["published_at"] = optionalTime(e.publishedAt);
    return o;
}


Response answer(const domain::Result<db::EventRow, Problem>& r, const Context& c, int status = 200)
{
    return r.ok() ? Response::json(status, eventJson(*r)) : problem(r.error(), c.request);
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

template <class Fn>
Response withEvent(Context& c, Fn&& fn)
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
        auto body = http::parseJsonBody(c.request);
        if (!body.ok())
            return problem(body.error(), c.request);
        return answer(events.create(c.db, callerOf(c), *body), c, 201);
    });
    router.add("GET", "/api/v1/events", Access::optional(), [&events](Context& c) {
        auto page = pageOf(c.request);
        if (!page.ok())
            return problem(page.error(), c.request);
        services::EventService::Query q;
        q.limit = page->limit;
        q.cursor = page->cursor;
        q.mine = c.request.queryParam("mine").value_or("") == "true";
        for (auto& [name, field] : {std::pair{"q", &q.text}, {"genre", &q.genre}, {"city", &q.city}})
            if (auto v = c.request.queryParam(name); v && !v->empty())
                *field = *v;
        std::vector<domain::FieldError> errors;
        for (auto& [name, field] : {std::pair{"date_from", &q.from}, {"date_to", &q.to}})
            if (auto v = c.request.queryParam(name); v && !v->empty())
                if (!(*field = dateParam(*v)))
                    errors.push_back({name, "must be a date (2026-03-01) or an RFC 3339 time"});
        if (!errors.empty())
            return problem(Problem::validation(std::move(errors)), c.request);
        auto result = events.list(c.db, optionalCaller(c), q);
        if (!result.ok())
            return problem(result.error(), c.request);
        boost::json::array items;
        for (const auto& e : result->events)
            items.push_back(eventJson(e));
        boost::json::object out{{"items", std::move(items)}};
        out["next_cursor"] = result->nextCursor ? boost::json::value(encodeCursor(*result->nextCursor)) : boost::json::value(nullptr);
        return Response::json(200, out);
    });
    router.add("GET", "/api/v1/events/{id}", Access::optional(), [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) { return answer(events.get(c.db, optionalCaller(c), id), c); });
    });
    router.add("PUT", "/api/v1/events/{id}", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) {
            auto body = http::parseJsonBody(c.request);
            if (!body.ok())
                return problem(body.error(), c.request);
            return answer(events.update(c.db, callerOf(c), id, *body), c);
        });
    });
    router.add("POST", "/api/v1/events/{id}/publish", manage, [&events](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) { return answer(events.publish(c.db, callerOf(c), id), c); });
    });
    // Cancelling refunds everyone who paid (CheckoutService).
    auto& checkout = services.checkout;
    router.add("DELETE", "/api/v1/events/{id}", manage, [&checkout](Context& c) {
        return withEvent(c, [&](const domain::EventId& id) { return answer(checkout.cancelEvent(c.db, callerOf(c), id), c); });
    });
}

} // namespace ticketing::handlers
