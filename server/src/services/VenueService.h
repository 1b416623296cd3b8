#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Roles.h"
#include "domain/Uuid.h"
#include "domain/Venue.h"
#include "services/Caller.h"
#include "services/Decoded.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// Venues and seat maps (API.md): validated in common/domain, stored as rows and as the finished
// answer (a stadium's map is served as stored text). Results are Venue JSON documents.
class VenueService
{
public:
    explicit VenueService(const domain::Clock& clock,
                          std::string zoneinfoDir = "/usr/share/zoneinfo");

    domain::Result<std::string, domain::Problem> create(const Caller& caller,
                                                        Decoded<domain::VenueInput> input);
    // Public: attendees draw seat maps from it.
    domain::Result<std::string, domain::Problem> get(const domain::VenueId& id);
    // 409 venue_in_use while a published event takes place there; another organizer's: 404.
    domain::Result<std::string, domain::Problem>
    replace(const Caller& caller, const domain::VenueId& id, Decoded<domain::VenueInput> input);

    struct Page
    {
        std::vector<std::string> documents;
        std::optional<domain::VenueId> last;
        bool more = false;
    };
    Page list(const Caller& caller, const std::optional<domain::VenueId>& after, int limit);

private:
    std::optional<domain::Problem> checkTimezone(const std::string& tz) const;

    const domain::Clock& m_clock;
    std::string m_zoneinfo;
};

} // namespace ticketing::services
