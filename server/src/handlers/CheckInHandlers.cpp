// API.md "Check-in": parse, call the services, serialize. No rules here.
#include "domain/CheckIn.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/CheckInService.h"
#include "services/DeviceService.h"

#include <boost/json/value_from.hpp>

namespace ticketing::handlers {

using http::Access;
using http::Context;
using http::Response;

void registerCheckInRoutes(http::Router& router, Services& services)
{
    auto& devices = services.devices;
    // Devices are the organizer's to add, list and remove; enrolling is the device's, with
    // its one-time code (rate limited per client like signing in: codes are not guessed).
    const auto manage = Access::permitted(domain::Permission::EventsManage);
    router.add("POST", "/api/v1/checkin/devices", manage, [&devices](Context& c) {
        auto body = readBody<domain::DeviceInput>(c.request);
        if (unreadable(body))
            return problem(body.error(), c.request);
        auto created = devices.create(callerOf(c), std::move(body));
        return created.ok() ? Response::json(201, boost::json::value_from(*created))
                            : problem(created.error(), c.request);
    });
    router.add("GET", "/api/v1/checkin/devices", manage, [&devices](Context& c) {
        boost::json::array items;
        for (const auto& d : devices.list(callerOf(c)))
            items.push_back(boost::json::value_from(d));
        // Every list is a page (`next_cursor` null: an organizer's scanners fit in one).
        return Response::json(
            200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
    });
    router.add("DELETE", "/api/v1/checkin/devices/{id}", manage, [&devices](Context& c) {
        const auto id = domain::DeviceId::parse(c.params.at("id"));
        if (!id)
            return problem(domain::Problem(domain::ProblemCode::NotFound, "no such device"),
                           c.request);
        if (auto refused = devices.remove(callerOf(c), *id))
            return problem(*refused, c.request);
        return Response::noContent();
    });
    const http::RouteOptions limited{http::Router::kDefaultBodyLimit, true};
    router.add(
        "POST", "/api/v1/checkin/devices/enroll", Access::anyone(),
        [&devices](Context& c) {
            auto body = readBody<domain::EnrollRequest>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request);
            auto enrolled = devices.enroll(std::move(body));
            return enrolled.ok() ? Response::json(200, boost::json::value_from(*enrolled))
                                 : problem(enrolled.error(), c.request);
        },
        limited);

    // The gate: the bundle, the scans, the counts (services::CheckInService says who may).
    auto& checkin = services.checkin;
    const http::RouteOptions forDevices{http::Router::kDefaultBodyLimit, false,
                                        http::Lane::Database, true};
    // A batch of 500 scans, each with its credential (about 250 bytes), is over the default.
    const http::RouteOptions batches{1024 * 1024, false, http::Lane::Database, true};
    router.add(
        "GET", "/api/v1/events/{id}/checkin/bundle", Access::signedIn(),
        [&checkin](Context& c) {
            const auto id = domain::EventId::parse(c.params.at("id"));
            if (!id)
                return problem(domain::Problem(domain::ProblemCode::NotFound, "no such event"),
                               c.request);
            std::optional<std::int64_t> since;
            if (const auto v = c.request.queryParam("since"); v && !v->empty()) {
                try {
                    std::size_t used = 0;
                    since = std::stoll(std::string(*v), &used);
                    if (used != v->size() || *since < 0)
                        throw std::invalid_argument("since");
                } catch (const std::exception&) {
                    return problem(
                        domain::Problem::validation({{"since", "is a cursor a bundle gave"}}),
                        c.request);
                }
            }
            auto b = checkin.bundle(callerOf(c), *id, since);
            return b.ok() ? Response::json(200, boost::json::value_from(*b))
                          : problem(b.error(), c.request);
        },
        forDevices);
    router.add(
        "POST", "/api/v1/checkin/scans", Access::permitted(domain::Permission::TicketsScan),
        [&checkin](Context& c) {
            auto body = readBody<domain::ScanBatch>(c.request);
            if (unreadable(body))
                return problem(body.error(), c.request);
            auto results = checkin.scan(callerOf(c), std::move(body));
            return results.ok() ? Response::json(200, boost::json::value_from(*results))
                                : problem(results.error(), c.request);
        },
        batches);
    router.add(
        "GET", "/api/v1/events/{id}/checkin/stats", Access::signedIn(),
        [&checkin](Context& c) {
            const auto id = domain::EventId::parse(c.params.at("id"));
            if (!id)
                return problem(domain::Problem(domain::ProblemCode::NotFound, "no such event"),
                               c.request);
            auto stats = checkin.stats(callerOf(c), *id);
            if (!stats.ok())
                return problem(stats.error(), c.request);
            return Response::json(200, boost::json::value_from(*stats));
        },
        forDevices);
}

} // namespace ticketing::handlers
