#include "services/VenueService.h"

#include "db/Pool.h"
#include "db/VenueStore.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/Venue.h"

#include <filesystem>
#include <map>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

VenueService::VenueService(const domain::Clock& clock, std::string zoneinfoDir)
    : m_clock(clock), m_zoneinfo(std::move(zoneinfoDir))
{
}

std::optional<Problem> VenueService::checkTimezone(const std::string& tz) const
{
    // The names are those of the system's tz database (Debian's tzdata); without it, any
    // well-formed name is taken.
    std::error_code ec;
    if (!std::filesystem::is_directory(m_zoneinfo, ec) || tz == "UTC")
        return std::nullopt;
    if (std::filesystem::is_regular_file(std::filesystem::path(m_zoneinfo) / tz, ec))
        return std::nullopt;
    return Problem::validation({{"timezone", "\"" + tz + "\" is not a known IANA time zone"}});
}

namespace {
domain::Result<domain::VenueInput, Problem> accept(Decoded<domain::VenueInput> venue)
{
    if (!venue.ok())
        return venue;
    // Ids are the server's to give: a client's map (one read back from a Venue) keeps none.
    domain::clearIds(venue->seatMap);
    return venue;
}

db::VenueRow row(const domain::VenueId& id, const domain::UserId& organizer,
                 const domain::VenueInput& v, std::string document)
{
    return {id,         organizer,          v.name, v.city, v.seatMap.totalCapacity(),
            &v.seatMap, std::move(document)};
}

Problem notFound()
{
    return Problem(ProblemCode::NotFound, "no such venue");
}
} // namespace

domain::Result<std::string, Problem> VenueService::create(const Caller& caller,
                                                          Decoded<domain::VenueInput> input)
{
    db::Session& s = db::currentSession();
    auto venue = accept(std::move(input));
    if (!venue.ok())
        return domain::fail(std::move(venue).error());
    if (auto p = checkTimezone(venue->timezone))
        return domain::fail(*p);
    domain::assignIds(venue->seatMap);
    const auto id = domain::VenueId::generate();
    const auto now = m_clock.now();
    auto document = domain::encodeText(domain::Venue{id, caller.user, *venue, now, now});
    db::venues::insert(s, row(id, caller.user, *venue, document), now);
    return document;
}

domain::Result<std::string, Problem> VenueService::get(const domain::VenueId& id)
{
    db::Session& s = db::currentSession();
    if (auto stored = db::venues::find(s, id))
        return std::move(stored->document);
    return domain::fail(notFound());
}

domain::Result<std::string, Problem> VenueService::replace(const Caller& caller,
                                                           const domain::VenueId& id,
                                                           Decoded<domain::VenueInput> input)
{
    db::Session& s = db::currentSession();
    auto stored = db::venues::find(s, id);
    if (!stored || (!caller.isAdmin() && !(stored->organizer == caller.user)))
        return domain::fail(notFound());
    auto venue = accept(std::move(input));
    if (!venue.ok())
        return domain::fail(std::move(venue).error());
    if (auto p = checkTimezone(venue->timezone))
        return domain::fail(*p);
    if (db::venues::inUse(s, id))
        return domain::fail(
            Problem(409, "venue_in_use", "The venue is in use",
                    "a published event takes place here; its seat map cannot change"));
    // Seats that stay (same section key, row and number) keep their ids, so a designer's
    // document and anything that refers to a seat stay valid across edits.
    const auto existing = db::venues::existingIds(s, id);
    const std::map<std::string, domain::SectionId> sections(existing.sections.begin(),
                                                            existing.sections.end());
    const std::map<std::string, domain::SeatId> seats(existing.seats.begin(), existing.seats.end());
    for (auto& section : venue->seatMap.sections) {
        if (auto it = sections.find(section.key); it != sections.end())
            section.id = it->second;
        for (auto& r : section.rows)
            for (auto& seat : r.seats)
                if (auto it =
                        seats.find(section.key + "/" + r.label + "/" + std::to_string(seat.number));
                    it != seats.end())
                    seat.id = it->second;
    }
    domain::assignIds(venue->seatMap);
    const auto now = m_clock.now();
    // The creation time is kept from the stored document: only that member is read (reading the
    // whole of a stadium's document would check 60,000 seats again).
    auto created = now;
    if (const auto old = domain::parseJsonText(stored->document); old.ok() && old->is_object())
        if (const auto* at = old->as_object().if_contains("created_at"); at && at->is_string())
            created = domain::parseTimestamp(at->as_string()).value_or(now);
    auto document = domain::encodeText(domain::Venue{id, stored->organizer, *venue, created, now});
    db::venues::replace(s, row(id, stored->organizer, *venue, document), now);
    return document;
}

VenueService::Page VenueService::list(const Caller& caller,
                                      const std::optional<domain::VenueId>& after, int limit)
{
    db::Session& s = db::currentSession();
    Page page;
    std::vector<domain::VenueId> ids;
    const std::optional<domain::UserId> owner =
        caller.isAdmin() ? std::nullopt : std::optional(caller.user);
    page.documents = db::venues::listDocuments(s, owner, after, limit + 1, &ids);
    page.more = static_cast<int>(page.documents.size()) > limit;
    if (page.more) {
        page.documents.pop_back();
        ids.pop_back();
    }
    if (!ids.empty())
        page.last = ids.back();
    return page;
}

} // namespace ticketing::services
