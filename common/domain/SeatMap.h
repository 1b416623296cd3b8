#pragma once

#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// The seat map of a venue, as API.md ("Venues and seat maps") describes it. Plain values: the
// server stores and serves it, the organizer's designer edits it, the box office and the scanner
// draw it. Coordinates are in venue units; the designer decides what a unit is.
struct Point
{
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

struct Seat
{
    int number = 0;
    double x = 0;
    double y = 0;
    bool accessible = false;
    std::optional<SeatId> id; // given by the server when the venue is stored
    bool operator==(const Seat&) const = default;
};

struct Row
{
    std::string label;
    std::vector<Seat> seats;
    bool operator==(const Row&) const = default;
};

enum class SectionKind
{
    Seated,
    Standing
};

struct Section
{
    std::string key; // unique in the venue; the first part of every seat label
    std::string name;
    SectionKind kind = SectionKind::Seated;
    std::vector<Point> outline; // optional polygon; empty when absent
    std::vector<Row> rows;      // seated sections only
    int capacity = 0;           // standing sections only
    std::optional<SectionId> id;

    // Places this section sells: its seats, or its standing capacity.
    int placeCount() const;
    bool operator==(const Section&) const = default;
};

struct SeatMap
{
    std::vector<Section> sections;
    std::vector<Point> stageOutline; // optional; empty when absent

    int totalCapacity() const;
    const Section* findSection(std::string_view key) const;
    bool operator==(const SeatMap&) const = default;
};

// "VIP-A-1": section key, row label and seat number. Unique in a valid map, because keys and
// row labels may not contain '-' and each part is unique at its level.
std::string seatLabel(const Section& section, const Row& row, const Seat& seat);

// Limits a valid map keeps to: generous for a stadium, small enough to stop a mistake or abuse.
struct SeatMapLimits
{
    static constexpr int maxSections = 1000;
    static constexpr int maxSeatsPerRow = 1000;
    static constexpr int maxRowsPerSection = 1000;
    static constexpr int maxTotalCapacity = 250000;
    static constexpr int maxStandingCapacity = 200000;
    static constexpr std::size_t maxKeyLength = 32;
    static constexpr std::size_t maxRowLabelLength = 16;
    static constexpr std::size_t maxNameLength = 200;
    // Venue units either way from the origin: a stadium at one unit per seat is a few
    // thousand; beyond this the apps' drawing (and the text form's round trip) breaks down.
    static constexpr double maxCoordinate = 1'000'000;
};

// Whether a coordinate is one a map may have: finite, within SeatMapLimits::maxCoordinate.
bool validCoordinate(double v);

// Reads a seat map from its JSON form and checks every rule, naming each offending path under
// `path` ("seat_map.sections[0].rows[2].seats[7].number"). Section and seat ids are kept when
// present (a map read back from a Venue); labels are derived. A server that takes a map from a
// client clears the ids (clearIds) and gives its own.
Result<SeatMap, std::vector<FieldError>> parseSeatMap(const boost::json::value& json,
                                                      const std::string& path = "seat_map");

// The rules alone, for a map built in code (the organizer's designer validates as it edits).
std::vector<FieldError> validateSeatMap(const SeatMap& map, const std::string& path = "seat_map");

// Gives every section and seat that has none a fresh id.
void assignIds(SeatMap& map);
// Forgets every id (a client's map: ids are the server's to give).
void clearIds(SeatMap& map);

// The JSON form of API.md, with ids and labels where the map has ids.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatMap& map);
// Reads and validates, as parseSeatMap (WireError with every problem).
SeatMap tag_invoke(boost::json::value_to_tag<SeatMap>, const boost::json::value& v);

} // namespace ticketing::domain
