#pragma once

#include "domain/Clock.h"
#include "domain/SeatMap.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

struct VenueRow
{
    domain::VenueId id;
    domain::UserId organizer;
    std::string name;
    std::string city;
    int totalCapacity = 0;
    const domain::SeatMap* seatMap = nullptr; // with ids; written as rows
    std::string document;                     // the API's Venue JSON
};

namespace venues {

// Stores a new venue: its row, its sections and its seats (COPY, fast for a stadium).
void insert(Session& s, const VenueRow& venue, domain::Clock::TimePoint now);

// Replaces a venue's map and document. Seats that keep their section key, row and number keep
// their ids (set them in the map before calling: see seatIds()).
void replace(Session& s, const VenueRow& venue, domain::Clock::TimePoint now);

// "<section key>/<row label>/<number>" -> seat id, and section key -> section id, of a venue.
struct ExistingIds
{
    std::vector<std::pair<std::string, domain::SectionId>> sections;
    std::vector<std::pair<std::string, domain::SeatId>> seats;
};
ExistingIds existingIds(Session& s, const domain::VenueId& id);

struct Stored
{
    domain::UserId organizer;
    std::string document;
};
std::optional<Stored> find(Session& s, const domain::VenueId& id);

// Venues in id order after `after`; all of them when `organizer` is empty (admin).
std::vector<std::string> listDocuments(Session& s, const std::optional<domain::UserId>& organizer,
                                       const std::optional<domain::VenueId>& after, int limit,
                                       std::vector<domain::VenueId>* ids);

// Whether a published event takes place here (then the map may not change).
bool inUse(Session& s, const domain::VenueId& id);

} // namespace venues
} // namespace ticketing::db
