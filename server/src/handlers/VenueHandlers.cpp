// API.md "Venues and seat maps": parse, call VenueService, answer. No rules here.
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/VenueService.h"

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {
constexpr std::size_t kSeatMapBodyLimit = 16 * 1024 * 1024; // a stadium's map

Response document(int status, std::string json)
{
    return Response::text(status, std::move(json), "application/json");
}

std::optional<domain::VenueId> venueId(const Context& c)
{
    return domain::VenueId::parse(c.params.at("id"));
}

Response notFound(const Context& c)
{
    return problem(Problem(domain::ProblemCode::NotFound, "no such venue"), c.request);
}
} // namespace

void registerVenueRoutes(http::Router& router, Services& services)
{
    auto& venues = services.venues;
    const http::RouteOptions large{kSeatMapBodyLimit, false};
    router.add(
        "POST", "/api/v1/venues", Access::permitted(domain::Permission::VenuesManage),
        [&venues](Context& c) {
            auto body = readBody<domain::VenueInput>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request); // not JSON at all
            auto created = venues.create(callerOf(c), std::move(body));
            return created.ok() ? document(201, std::move(created).value())
                                : problem(created.error(), c.request);
        },
        large);
    router.add("GET", "/api/v1/venues", Access::permitted(domain::Permission::VenuesManage),
               [&venues](Context& c) {
                   auto page = pageOf(c.request);
                   if (!page.ok())
                       return problem(page.error(), c.request);
                   std::optional<domain::VenueId> after;
                   if (page->cursor && !(after = domain::VenueId::parse(*page->cursor)))
                       return problem(
                           Problem::validation({{"cursor", "is not a cursor this list gave"}}),
                           c.request);
                   auto result = venues.list(callerOf(c), after, page->limit);
                   // The stored documents are JSON already: join them instead of parsing them
                   // again.
                   std::string out = "{\"items\":[";
                   for (std::size_t i = 0; i < result.documents.size(); ++i) {
                       if (i)
                           out += ',';
                       out += result.documents[i];
                   }
                   out += "],\"next_cursor\":";
                   if (result.more) {
                       out += '"';
                       out += encodeCursor(result.last->toString());
                       out += '"';
                   } else {
                       out += "null";
                   }
                   out += '}';
                   return document(200, std::move(out));
               });
    router.add("GET", "/api/v1/venues/{id}", Access::anyone(), [&venues](Context& c) {
        auto id = venueId(c);
        if (!id)
            return notFound(c);
        auto venue = venues.get(*id);
        return venue.ok() ? document(200, std::move(venue).value())
                          : problem(venue.error(), c.request);
    });
    router.add(
        "PUT", "/api/v1/venues/{id}", Access::permitted(domain::Permission::VenuesManage),
        [&venues](Context& c) {
            auto id = venueId(c);
            if (!id)
                return notFound(c);
            auto body = readBody<domain::VenueInput>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request); // not JSON at all
            auto replaced = venues.replace(callerOf(c), *id, std::move(body));
            return replaced.ok() ? document(200, std::move(replaced).value())
                                 : problem(replaced.error(), c.request);
        },
        large);
}

} // namespace ticketing::handlers
