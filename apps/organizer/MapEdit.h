#pragma once

#include "domain/SeatMap.h"

#include <compare>
#include <optional>
#include <set>
#include <string>
#include <vector>

// The venue designer's edits as plain functions on a domain::SeatMap (issue 15): what a tool or
// an action does to the map, apart from the mouse that asked for it and from the undo stack
// that records it (Document). Pure and deterministic, so that the golden-file tests and the
// benchmarks call them as the tools do. Coordinates are venue units, y downwards (the stage is
// drawn at the top); computed positions are rounded to a hundredth of a unit, so that a saved map
// reads the same on every machine.
namespace ticketing::organizer {

// A seat by its place in the map: sections[section].rows[row].seats[seat].
struct SeatRef
{
    int section = 0;
    int row = 0;
    int seat = 0;
    auto operator<=>(const SeatRef&) const = default;
};

// What is selected: single seats, whole sections (their seats and outline), the stage.
struct Selection
{
    std::set<SeatRef> seats;
    std::set<int> sections;
    bool stage = false;

    bool empty() const { return seats.empty() && sections.empty() && !stage; }
    bool operator==(const Selection&) const = default;
};

namespace edit {

// Rounds to a hundredth of a unit.
double rounded(double v);

// A block of `rows` x `seatsPerRow` seats, its first seat at `origin`, rows labelled A, B, ...
// from the front (the top) and seats numbered from the left.
struct SectionSpec
{
    std::string key;
    std::string name;
    domain::Point origin;
    int rows = 10;
    int seatsPerRow = 20;
    double seatSpacing = 10;
    double rowSpacing = 12;
};
domain::Section seatedSection(const SectionSpec& spec);

// A standing area: the polygon and the places it holds.
domain::Section standingSection(const std::string& key, const std::string& name,
                                std::vector<domain::Point> outline, int capacity);

// A key not used by the map: `base`, or base_2, base_3, ...
std::string freeKey(const domain::SeatMap& map, const std::string& base);

// Curves the section's rows into concentric arcs around a point `radius` units in front of the
// first row (towards the stage; a negative radius curves them the other way). Each row keeps
// its seats, their order from left to right and their spacing, spread evenly along its arc;
// the middle of each row stays where it was.
void curveRows(domain::Section& section, double radius);
// Curves the rows so that the first row runs along the arc from `a` through `b` to `c`, its
// seats evenly spaced from a to c; the other rows follow on concentric arcs at their distance
// from the first. False (and nothing changed) when the three points are on one line.
bool curveRowsThrough(domain::Section& section, domain::Point a, domain::Point b, domain::Point c);

enum class RowLabels
{
    Letters, // A, B, ... Z, AA, AB, ...
    Numbers  // 1, 2, 3, ...
};
// Labels the rows in their order from the front, or from the back (`fromBack`).
void labelRows(domain::Section& section, RowLabels style, bool fromBack);
// The n-th label (0: "A" or "1").
std::string rowLabel(RowLabels style, int n);

enum class Numbering
{
    LeftToRight,
    RightToLeft,
    OddEvenFromMiddle // 1 in the middle, odd numbers to the right, even ones to the left
};
// Numbers every row's seats by their position from left to right as drawn.
void numberSeats(domain::Section& section, Numbering numbering);

// A padded outline around the section's seats (their convex hull, `margin` units out).
void outlineSection(domain::Section& section, double margin);

// Every seat the selection covers: its seats and the seats of its whole sections.
std::vector<SeatRef> seatsOf(const domain::SeatMap& map, const Selection& selection);
bool validRef(const domain::SeatMap& map, const SeatRef& ref);
domain::Seat& seatAt(domain::SeatMap& map, const SeatRef& ref);
const domain::Seat& seatAt(const domain::SeatMap& map, const SeatRef& ref);
// The label of the seat, the section's key and the row's label ("VIP-A-1").
std::string labelOf(const domain::SeatMap& map, const SeatRef& ref);

void setAccessible(domain::SeatMap& map, const std::vector<SeatRef>& seats, bool accessible);

// Moves what is selected by (dx, dy): seats, whole sections with their outline, the stage.
void translate(domain::SeatMap& map, const Selection& selection, double dx, double dy);
// Turns what is selected by `degrees` (clockwise on screen) around `centre`.
void rotate(domain::SeatMap& map, const Selection& selection, domain::Point centre, double degrees);
// The centre of what is selected (of its bounding box); nullopt for nothing.
std::optional<domain::Point> centreOf(const domain::SeatMap& map, const Selection& selection);
struct Bounds
{
    double left = 0, top = 0, right = 0, bottom = 0;
};
std::optional<Bounds> boundsOf(const domain::SeatMap& map, const Selection& selection);

enum class Align
{
    Left,
    Right,
    Top,
    Bottom,
    CentreHorizontally, // on one vertical line through the middle
    CentreVertically    // on one horizontal line through the middle
};
void align(domain::SeatMap& map, const std::vector<SeatRef>& seats, Align how);
// Spreads the seats evenly between the outermost two, across (horizontally) or down.
void distribute(domain::SeatMap& map, const std::vector<SeatRef>& seats, bool horizontally);

// Snaps (x, y) to a grid of `step` units.
domain::Point snapped(domain::Point p, double step);

// Removes what is selected. A row left without seats goes, and so does a seated section left
// without rows; a whole selected section goes with its seats; a selected stage is cleared.
void remove(domain::SeatMap& map, const Selection& selection);

// The sections the selection touches, as copies for the clipboard (a seat's whole section).
std::vector<domain::Section> copySections(const domain::SeatMap& map, const Selection& selection);
// Adds the sections moved by (dx, dy), each under a key free in the map, without ids; the
// indexes they got.
std::vector<int> paste(domain::SeatMap& map, std::vector<domain::Section> sections, double dx,
                       double dy);

// The seat nearest `p` within `radius`; nullopt when none is.
std::optional<SeatRef> seatNear(const domain::SeatMap& map, domain::Point p, double radius);
// The section whose outline contains `p` (the last drawn wins), or nullopt.
std::optional<int> sectionAt(const domain::SeatMap& map, domain::Point p);
bool insidePolygon(const std::vector<domain::Point>& polygon, domain::Point p);
// The seats inside the rectangle from `a` to `b`.
std::vector<SeatRef> seatsInRect(const domain::SeatMap& map, domain::Point a, domain::Point b);

// A bowl of `sections` blocks in a ring around the pitch (an arena or a stadium), for large
// venues: each block spans its share of the ring less a gap, its rows on concentric arcs from
// `innerRadius` outwards, each row as many seats as fit along its arc at `seatSpacing`. Blocks
// are keyed S001, S002, ... clockwise from the top, rows numbered from the pitch outwards, seats
// numbered clockwise; each block has its outline; the pitch is the stage. A floor standing area
// inside the ring when `standingCapacity` is not 0.
struct RingSpec
{
    int sections = 40;
    int rows = 30;
    double innerRadius = 3450;
    double seatSpacing = 10;
    double rowSpacing = 12;
    double gapDegrees = 1;
    int standingCapacity = 0;
};
domain::SeatMap ringVenue(const RingSpec& spec);

// What a validation problem's path ("seat_map.sections[2].rows[0].seats[7].number") points at:
// a seat, a row's seats, a section, or the stage.
Selection selectionOfPath(const domain::SeatMap& map, const std::string& path);

} // namespace edit
} // namespace ticketing::organizer
