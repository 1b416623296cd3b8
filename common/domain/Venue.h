#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/SeatMap.h"

namespace ticketing::domain {

// A venue as an organizer describes it (API.md "Venues and seat maps"). Ids, labels and the
// total capacity are the server's.
struct VenueInput
{
    std::string name;
    std::string address;
    std::string city;
    std::string country;  // ISO 3166-1 alpha-2, upper case
    double latitude = 0;  // -90..90
    double longitude = 0; // -180..180
    std::string timezone; // IANA name, e.g. "Europe/London"
    SeatMap seatMap;
};

// API.md `Venue`: the input plus id, organizer, ids and labels in the map, total capacity and
// times (RFC 3339 strings).
boost::json::object venueJson(const VenueId& id, const UserId& organizer, const VenueInput& venue,
                              const std::string& createdAt, const std::string& updatedAt);

// Reads and checks a venue body; every offending field is named ("seat_map.sections[3].key").
// Whether the time zone exists on this system is the service's question (it needs the tz data).
Result<VenueInput, std::vector<FieldError>> parseVenue(const boost::json::value& body);

} // namespace ticketing::domain
