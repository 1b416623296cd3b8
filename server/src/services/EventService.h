#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "db/EventStore.h"
#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "services/VenueService.h"

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// Events and tiers (API.md "Events and tiers"): drafts an organizer shapes at its own venues,
// publication (which makes the inventory), edits limited to descriptions once published,
// cancellation, and the public listing.
class EventService
{
public:
    explicit EventService(const domain::Clock& clock) : m_clock(clock) {}

    domain::Result<db::EventRow, domain::Problem> create(db::Session& s, const Caller& caller, const boost::json::value& body);
    // Drafts are the owner's (and admin's) alone: to anyone else they do not exist (404).
    domain::Result<db::EventRow, domain::Problem> get(db::Session& s, const std::optional<Caller>& caller,
                                                      const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem> update(db::Session& s, const Caller& caller, const domain::EventId& id,
                                                         const boost::json::value& body);
    domain::Result<db::EventRow, domain::Problem> publish(db::Session& s, const Caller& caller, const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem> cancel(db::Session& s, const Caller& caller, const domain::EventId& id);

    struct Query
    {
        bool mine = false; // the caller's own events, any status (organizer, admin)
        std::optional<std::string> text, genre, city;
        std::optional<domain::Clock::TimePoint> from, to;
        std::optional<std::string> cursor; // as given by the previous page
        int limit = 20;
    };
    struct Page
    {
        std::vector<db::EventRow> events;
        std::optional<std::string> nextCursor;
    };
    domain::Result<Page, domain::Problem> list(db::Session& s, const std::optional<Caller>& caller, const Query& query);

private:
    domain::Result<db::EventRow, domain::Problem> owned(db::Session& s, const Caller& caller, const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem> build(db::Session& s, const Caller& caller, const domain::EventInput& input,
                                                        const domain::EventId& id, const domain::UserId& organizer);

    const domain::Clock& m_clock;
};

} // namespace ticketing::services
