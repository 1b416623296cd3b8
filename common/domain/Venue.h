#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/SeatMap.h"

#include <boost/json/object.hpp>
#include <boost/json/value_to.hpp>
#include <string>
#include <vector>

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
// times.
struct Venue
{
    VenueId id;
    UserId organizer;
    VenueInput details; // its seat map carries the ids
    Clock::TimePoint createdAt;
    Clock::TimePoint updatedAt;
    int totalCapacity() const { return details.seatMap.totalCapacity(); }
};

// Reads and checks a venue body; every offending field is named ("seat_map.sections[3].key").
// Whether the time zone exists on this system is the service's question (it needs the tz data).
Result<VenueInput, std::vector<FieldError>> parseVenue(const boost::json::value& body);

// The body of POST/PUT /venues (reading checks as parseVenue does).
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const VenueInput& venue);
VenueInput tag_invoke(boost::json::value_to_tag<VenueInput>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Venue& venue);
Venue tag_invoke(boost::json::value_to_tag<Venue>, const boost::json::value& v);

} // namespace ticketing::domain
