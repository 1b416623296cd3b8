#include "domain/SeatMap.h"

#include "domain/Codec.h"
#include "domain/JsonReader.h"

#include <boost/json/value.hpp>
#include <cmath>
#include <set>
#include <unordered_set>

namespace ticketing::domain {

int Section::placeCount() const
{
    if (kind == SectionKind::Standing)
        return capacity;
    int n = 0;
    for (const auto& r : rows)
        n += static_cast<int>(r.seats.size());
    return n;
}

int SeatMap::totalCapacity() const
{
    long long n = 0;
    for (const auto& s : sections)
        n += s.placeCount();
    return n > INT32_MAX ? INT32_MAX : static_cast<int>(n);
}

const Section* SeatMap::findSection(std::string_view key) const
{
    for (const auto& s : sections)
        if (s.key == key)
            return &s;
    return nullptr;
}

bool validCoordinate(double v)
{
    return std::isfinite(v) && std::abs(v) <= SeatMapLimits::maxCoordinate;
}

std::string seatLabel(const Section& section, const Row& row, const Seat& seat)
{
    return section.key + "-" + row.label + "-" + std::to_string(seat.number);
}

namespace {

using J = JsonReader;

bool isKeyChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

void checkIdentifier(JsonReader& r, const std::string& text, std::size_t maxLength,
                     const std::string& path, const char* what)
{
    if (text.empty()) {
        r.addError(path, std::string(what) + " must not be empty");
        return;
    }
    if (text.size() > maxLength) {
        r.addError(path, std::string(what) + " must be at most " + std::to_string(maxLength) +
                             " characters");
        return;
    }
    for (char c : text) {
        if (!isKeyChar(c)) {
            r.addError(path, std::string(what) +
                                 " may contain only letters A-Z, digits and '_' (seat labels "
                                 "join the parts with '-')");
            return;
        }
    }
}

const std::string kCoordinateRule =
    "coordinates must be finite numbers from -1000000 to 1000000 (SeatMapLimits::maxCoordinate)";

std::vector<Point> readOutline(JsonReader& r, const boost::json::array& arr,
                               const std::string& path)
{
    std::vector<Point> pts;
    pts.reserve(arr.size());
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const auto p = J::index(path, i);
        const auto* pair = arr[i].if_array();
        if (!pair || pair->size() != 2 || !(*pair)[0].is_number() || !(*pair)[1].is_number()) {
            r.addError(p, "must be a point [x, y]");
            continue;
        }
        const double x = (*pair)[0].to_number<double>();
        const double y = (*pair)[1].to_number<double>();
        pts.push_back({x, y});
    }
    return pts;
}

void checkOutline(JsonReader& r, const std::vector<Point>& pts, const std::string& path)
{
    if (pts.empty())
        return;
    if (pts.size() < 3)
        r.addError(path, "an outline needs at least 3 points");
    for (std::size_t i = 0; i < pts.size(); ++i)
        if (!validCoordinate(pts[i].x) || !validCoordinate(pts[i].y))
            r.addError(J::index(path, i), kCoordinateRule);
}

// An id the server gave, when the map carries one (a map read back from a Venue).
template <class IdType>
std::optional<IdType> readId(JsonReader& r, const boost::json::object& o, const std::string& path,
                             const char* what)
{
    auto text = r.string(o, "id", path, false);
    if (!text)
        return std::nullopt;
    auto id = IdType::parse(*text);
    if (!id)
        r.addError(J::join(path, "id"), std::string("must be ") + what);
    return id;
}

std::optional<SectionKind> parseKind(std::string_view s)
{
    if (s == "seated")
        return SectionKind::Seated;
    if (s == "standing")
        return SectionKind::Standing;
    return std::nullopt;
}

void validateInto(JsonReader& r, const SeatMap& map, const std::string& path)
{
    using L = SeatMapLimits;
    const auto sectionsPath = J::join(path, "sections");
    if (map.sections.empty())
        r.addError(sectionsPath, "a seat map needs at least one section");
    if (map.sections.size() > static_cast<std::size_t>(L::maxSections))
        r.addError(sectionsPath, "at most " + std::to_string(L::maxSections) + " sections");
    checkOutline(r, map.stageOutline, J::join(J::join(path, "stage"), "outline"));

    std::unordered_set<std::string> keys;
    long long total = 0;
    for (std::size_t si = 0; si < map.sections.size(); ++si) {
        const auto& s = map.sections[si];
        const auto sp = J::index(sectionsPath, si);
        checkIdentifier(r, s.key, L::maxKeyLength, J::join(sp, "key"), "a section key");
        if (!s.key.empty() && !keys.insert(s.key).second)
            r.addError(J::join(sp, "key"), "\"" + s.key + "\" is used by another section");
        if (s.name.empty())
            r.addError(J::join(sp, "name"), "must not be empty");
        else if (s.name.size() > L::maxNameLength)
            r.addError(J::join(sp, "name"),
                       "must be at most " + std::to_string(L::maxNameLength) + " characters");
        checkOutline(r, s.outline, J::join(sp, "outline"));

        if (s.kind == SectionKind::Standing) {
            if (s.capacity < 1 || s.capacity > L::maxStandingCapacity)
                r.addError(J::join(sp, "capacity"), "a standing section holds 1 to " +
                                                        std::to_string(L::maxStandingCapacity) +
                                                        " places");
            if (!s.rows.empty())
                r.addError(J::join(sp, "rows"), "a standing section has no rows");
            total += std::max(0, s.capacity);
            continue;
        }

        const auto rowsPath = J::join(sp, "rows");
        if (s.rows.empty())
            r.addError(rowsPath, "a seated section needs at least one row");
        if (s.rows.size() > static_cast<std::size_t>(L::maxRowsPerSection))
            r.addError(rowsPath, "at most " + std::to_string(L::maxRowsPerSection) + " rows");
        std::unordered_set<std::string> labels;
        for (std::size_t ri = 0; ri < s.rows.size(); ++ri) {
            const auto& row = s.rows[ri];
            const auto rp = J::index(rowsPath, ri);
            checkIdentifier(r, row.label, L::maxRowLabelLength, J::join(rp, "label"),
                            "a row label");
            if (!row.label.empty() && !labels.insert(row.label).second)
                r.addError(J::join(rp, "label"),
                           "row \"" + row.label + "\" appears twice in section \"" + s.key + "\"");
            const auto seatsPath = J::join(rp, "seats");
            if (row.seats.empty())
                r.addError(seatsPath, "a row needs at least one seat");
            if (row.seats.size() > static_cast<std::size_t>(L::maxSeatsPerRow))
                r.addError(seatsPath, "at most " + std::to_string(L::maxSeatsPerRow) + " seats");
            std::set<int> numbers;
            for (std::size_t k = 0; k < row.seats.size(); ++k) {
                const auto& seat = row.seats[k];
                const auto p = J::index(seatsPath, k);
                if (seat.number < 1)
                    r.addError(J::join(p, "number"), "seat numbers start at 1");
                else if (!numbers.insert(seat.number).second)
                    r.addError(J::join(p, "number"), "seat " + std::to_string(seat.number) +
                                                         " appears twice in row \"" + row.label +
                                                         "\"");
                if (!validCoordinate(seat.x))
                    r.addError(J::join(p, "x"), kCoordinateRule);
                if (!validCoordinate(seat.y))
                    r.addError(J::join(p, "y"), kCoordinateRule);
            }
            total += static_cast<long long>(row.seats.size());
        }
    }
    if (total > L::maxTotalCapacity)
        r.addError(sectionsPath, "the venue holds " + std::to_string(total) + " places; at most " +
                                     std::to_string(L::maxTotalCapacity) + " are allowed");
}

} // namespace

namespace {

// One seat at `p`; nullopt (with its errors) when its number or position is missing.
std::optional<Seat> readSeat(JsonReader& r, const boost::json::value& v, const std::string& p)
{
    const auto* seatObj = r.object(v, p);
    if (!seatObj)
        return std::nullopt;
    Seat seat;
    seat.id = readId<SeatId>(r, *seatObj, p, "a seat id");
    const auto number = r.integer(*seatObj, "number", p);
    const auto x = r.number(*seatObj, "x", p);
    const auto y = r.number(*seatObj, "y", p);
    const auto accessible = r.boolean(*seatObj, "accessible", p, false);
    if (!number || !x || !y)
        return std::nullopt;
    seat.number = static_cast<int>(std::clamp<std::int64_t>(*number, -1, INT32_MAX));
    seat.x = *x;
    seat.y = *y;
    seat.accessible = accessible.value_or(false);
    return seat;
}

// One row at `rp`, with its seats.
std::optional<Row> readRow(JsonReader& r, const boost::json::value& v, const std::string& rp)
{
    const auto* ro = r.object(v, rp);
    if (!ro)
        return std::nullopt;
    Row row;
    row.label = r.string(*ro, "label", rp).value_or("");
    if (const auto* seats = r.arrayMember(*ro, "seats", rp)) {
        const auto seatsPath = J::join(rp, "seats");
        row.seats.reserve(seats->size());
        for (std::size_t k = 0; k < seats->size(); ++k)
            if (auto seat = readSeat(r, (*seats)[k], J::index(seatsPath, k)))
                row.seats.push_back(*seat);
    }
    return row;
}

// One section at `sp`: seated with its rows, or standing with its capacity.
std::optional<Section> readSection(JsonReader& r, const boost::json::value& v,
                                   const std::string& sp)
{
    const auto* so = r.object(v, sp);
    if (!so)
        return std::nullopt;
    Section s;
    s.id = readId<SectionId>(r, *so, sp, "a section id");
    s.key = r.string(*so, "key", sp).value_or("");
    s.name = r.string(*so, "name", sp).value_or("");
    if (auto kind = r.string(*so, "kind", sp)) {
        if (auto k = parseKind(*kind))
            s.kind = *k;
        else
            r.addError(J::join(sp, "kind"), "must be \"seated\" or \"standing\"");
    }
    if (const auto* outline = r.arrayMember(*so, "outline", sp, false))
        s.outline = readOutline(r, *outline, J::join(sp, "outline"));
    if (s.kind == SectionKind::Standing) {
        if (auto cap = r.integer(*so, "capacity", sp))
            s.capacity = static_cast<int>(std::clamp<std::int64_t>(*cap, -1, INT32_MAX));
        if (const auto* rows = r.arrayMember(*so, "rows", sp, false); rows && !rows->empty())
            r.addError(J::join(sp, "rows"), "a standing section has no rows");
        return s;
    }
    if (const auto* rows = r.arrayMember(*so, "rows", sp)) {
        const auto rowsPath = J::join(sp, "rows");
        s.rows.reserve(rows->size());
        for (std::size_t ri = 0; ri < rows->size(); ++ri)
            if (auto row = readRow(r, (*rows)[ri], J::index(rowsPath, ri)))
                s.rows.push_back(std::move(*row));
    }
    return s;
}

} // namespace

Result<SeatMap, std::vector<FieldError>> parseSeatMap(const boost::json::value& json,
                                                      const std::string& path)
{
    JsonReader r;
    SeatMap map;
    const auto* root = r.object(json, path);
    if (!root)
        return fail(std::move(r.errors()));

    if (const auto* stage = r.objectMember(*root, "stage", path, false)) {
        const auto sp = J::join(path, "stage");
        if (const auto* outline = r.arrayMember(*stage, "outline", sp, false))
            map.stageOutline = readOutline(r, *outline, J::join(sp, "outline"));
    }
    if (const auto* sections = r.arrayMember(*root, "sections", path)) {
        const auto sectionsPath = J::join(path, "sections");
        map.sections.reserve(sections->size());
        for (std::size_t si = 0; si < sections->size(); ++si)
            if (auto section = readSection(r, (*sections)[si], J::index(sectionsPath, si)))
                map.sections.push_back(std::move(*section));
    }

    // Rules are checked only on a map whose shape is right, so one mistake gives one error.
    if (r.ok())
        validateInto(r, map, path);
    if (!r.ok())
        return fail(std::move(r.errors()));
    return map;
}

std::vector<FieldError> validateSeatMap(const SeatMap& map, const std::string& path)
{
    JsonReader r;
    validateInto(r, map, path);
    return std::move(r.errors());
}

void assignIds(SeatMap& map)
{
    for (auto& s : map.sections) {
        if (!s.id)
            s.id = SectionId::generate();
        for (auto& row : s.rows)
            for (auto& seat : row.seats)
                if (!seat.id)
                    seat.id = SeatId::generate();
    }
}

void clearIds(SeatMap& map)
{
    for (auto& s : map.sections) {
        s.id.reset();
        for (auto& row : s.rows)
            for (auto& seat : row.seats)
                seat.id.reset();
    }
}

SeatMap tag_invoke(boost::json::value_to_tag<SeatMap>, const boost::json::value& v)
{
    return valueOrThrow(parseSeatMap(v, ""));
}

namespace {
boost::json::array outlineJson(const std::vector<Point>& pts)
{
    boost::json::array a;
    a.reserve(pts.size());
    for (const auto& p : pts)
        a.push_back(boost::json::array{p.x, p.y});
    return a;
}
} // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SeatMap& map)
{
    boost::json::array sections;
    sections.reserve(map.sections.size());
    for (const auto& s : map.sections) {
        boost::json::object so;
        if (s.id)
            so["id"] = s.id->toString();
        so["key"] = s.key;
        so["name"] = s.name;
        so["kind"] = s.kind == SectionKind::Seated ? "seated" : "standing";
        if (!s.outline.empty())
            so["outline"] = outlineJson(s.outline);
        if (s.kind == SectionKind::Standing) {
            so["capacity"] = s.capacity;
        } else {
            boost::json::array rows;
            rows.reserve(s.rows.size());
            for (const auto& row : s.rows) {
                boost::json::array seats;
                seats.reserve(row.seats.size());
                for (const auto& seat : row.seats) {
                    boost::json::object o;
                    if (seat.id) {
                        o["id"] = seat.id->toString();
                        o["label"] = seatLabel(s, row, seat);
                    }
                    o["number"] = seat.number;
                    o["x"] = seat.x;
                    o["y"] = seat.y;
                    o["accessible"] = seat.accessible;
                    seats.push_back(std::move(o));
                }
                rows.push_back(
                    boost::json::object{{"label", row.label}, {"seats", std::move(seats)}});
            }
            so["rows"] = std::move(rows);
        }
        sections.push_back(std::move(so));
    }
    boost::json::object o{{"sections", std::move(sections)}};
    if (!map.stageOutline.empty())
        o["stage"] = boost::json::object{{"outline", outlineJson(map.stageOutline)}};
    out = std::move(o);
}

} // namespace ticketing::domain
