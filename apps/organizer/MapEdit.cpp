#include "apps/organizer/MapEdit.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <numeric>

namespace ticketing::organizer::edit {

using domain::Point;
using domain::SeatMap;
using domain::Section;

double rounded(double v)
{
    const double r = std::round(v * 100.0) / 100.0;
    return r == 0 ? 0.0 : r; // never -0, which JSON would keep
}

namespace {
Point roundedPoint(double x, double y)
{
    return {rounded(x), rounded(y)};
}

double meanY(const domain::Row& row)
{
    double sum = 0;
    for (const auto& s : row.seats)
        sum += s.y;
    return row.seats.empty() ? 0 : sum / static_cast<double>(row.seats.size());
}

double meanX(const domain::Row& row)
{
    double sum = 0;
    for (const auto& s : row.seats)
        sum += s.x;
    return row.seats.empty() ? 0 : sum / static_cast<double>(row.seats.size());
}

// The row's seats from left to right as drawn (by x, then y).
std::vector<std::size_t> leftToRight(const domain::Row& row)
{
    std::vector<std::size_t> order(row.seats.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& sa = row.seats[a];
        const auto& sb = row.seats[b];
        return sa.x != sb.x ? sa.x < sb.x : sa.y < sb.y;
    });
    return order;
}

// The average distance between neighbours from left to right.
double spacingOf(const domain::Row& row, const std::vector<std::size_t>& order)
{
    if (order.size() < 2)
        return 0;
    double sum = 0;
    for (std::size_t k = 1; k < order.size(); ++k)
        sum += std::hypot(row.seats[order[k]].x - row.seats[order[k - 1]].x,
                          row.seats[order[k]].y - row.seats[order[k - 1]].y);
    return sum / static_cast<double>(order.size() - 1);
}

double normalised(double angle) // into [0, 2 pi)
{
    constexpr double full = 2 * std::numbers::pi;
    angle = std::fmod(angle, full);
    return angle < 0 ? angle + full : angle;
}

std::set<SeatRef> seatSet(const SeatMap& map, const Selection& selection)
{
    std::set<SeatRef> out;
    for (const auto& ref : selection.seats)
        if (validRef(map, ref))
            out.insert(ref);
    for (const int s : selection.sections) {
        if (s < 0 || s >= static_cast<int>(map.sections.size()))
            continue;
        const auto& section = map.sections[static_cast<std::size_t>(s)];
        for (std::size_t r = 0; r < section.rows.size(); ++r)
            for (std::size_t i = 0; i < section.rows[r].seats.size(); ++i)
                out.insert({s, static_cast<int>(r), static_cast<int>(i)});
    }
    return out;
}

template <class Fn> void forEachPoint(SeatMap& map, const Selection& selection, Fn&& fn)
{
    for (const auto& ref : seatSet(map, selection)) {
        auto& seat = seatAt(map, ref);
        const auto p = fn(seat.x, seat.y);
        seat.x = p.x;
        seat.y = p.y;
    }
    for (const int s : selection.sections)
        if (s >= 0 && s < static_cast<int>(map.sections.size()))
            for (auto& p : map.sections[static_cast<std::size_t>(s)].outline)
                p = fn(p.x, p.y);
    if (selection.stage)
        for (auto& p : map.stageOutline)
            p = fn(p.x, p.y);
}

// Andrew's monotone chain: the convex hull, counter-clockwise in y-up terms.
std::vector<Point> convexHull(std::vector<Point> points)
{
    std::sort(points.begin(), points.end(),
              [](const Point& a, const Point& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3)
        return points;
    auto cross = [](const Point& o, const Point& a, const Point& b) {
        return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    };
    std::vector<Point> hull(2 * points.size());
    std::size_t k = 0;
    for (const auto& p : points) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0)
            --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], points[i - 1]) <= 0)
            --k;
        hull[k++] = points[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

} // namespace

domain::Section seatedSection(const SectionSpec& spec)
{
    Section s;
    s.key = spec.key;
    s.name = spec.name;
    s.kind = domain::SectionKind::Seated;
    for (int r = 0; r < spec.rows; ++r) {
        domain::Row row;
        row.label = rowLabel(RowLabels::Letters, r);
        for (int i = 0; i < spec.seatsPerRow; ++i) {
            domain::Seat seat;
            seat.number = i + 1;
            seat.x = rounded(spec.origin.x + i * spec.seatSpacing);
            seat.y = rounded(spec.origin.y + r * spec.rowSpacing);
            row.seats.push_back(seat);
        }
        s.rows.push_back(std::move(row));
    }
    return s;
}

domain::Section standingSection(const std::string& key, const std::string& name,
                                std::vector<Point> outline, int capacity)
{
    Section s;
    s.key = key;
    s.name = name;
    s.kind = domain::SectionKind::Standing;
    for (auto& p : outline)
        p = roundedPoint(p.x, p.y);
    s.outline = std::move(outline);
    s.capacity = capacity;
    return s;
}

std::string freeKey(const SeatMap& map, const std::string& base)
{
    const auto used = [&](const std::string& key) { return map.findSection(key) != nullptr; };
    auto stem = base.empty() ? std::string("S") : base;
    if (!used(stem))
        return stem;
    for (int n = 2;; ++n) {
        const auto suffix = "_" + std::to_string(n);
        auto key = stem.substr(0, domain::SeatMapLimits::maxKeyLength - suffix.size()) + suffix;
        if (!used(key))
            return key;
    }
}

void curveRows(Section& section, double radius)
{
    if (section.rows.empty() || section.rows.front().seats.empty() || radius == 0)
        return;
    const double sign = radius > 0 ? 1.0 : -1.0;
    const double r0 = std::abs(radius);
    const double y0 = meanY(section.rows.front());
    const Point centre{meanX(section.rows.front()), y0 - sign * r0};
    for (auto& row : section.rows) {
        const auto order = leftToRight(row);
        const double spacing = spacingOf(row, order);
        const double r = std::max(1.0, r0 + sign * (meanY(row) - y0));
        // Neighbours keep their distance: the chord between them is the spacing they had.
        const double step = 2 * std::asin(std::min(1.0, spacing / (2 * r)));
        const double middle = (static_cast<double>(order.size()) - 1) / 2;
        for (std::size_t k = 0; k < order.size(); ++k) {
            const double angle = (static_cast<double>(k) - middle) * step;
            auto& seat = row.seats[order[k]];
            seat.x = rounded(centre.x + r * std::sin(angle));
            seat.y = rounded(centre.y + sign * r * std::cos(angle));
        }
    }
}

bool curveRowsThrough(Section& section, Point a, Point b, Point c)
{
    const double d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
    const double span = std::max({std::hypot(a.x - c.x, a.y - c.y), 1e-9});
    if (section.rows.empty() || std::abs(d) < 1e-6 * span * span)
        return false; // on one line: no circle
    const double a2 = a.x * a.x + a.y * a.y, b2 = b.x * b.x + b.y * b.y, c2 = c.x * c.x + c.y * c.y;
    const Point centre{(a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d,
                       (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d};
    const double radius = std::hypot(a.x - centre.x, a.y - centre.y);
    const double fromA = std::atan2(a.y - centre.y, a.x - centre.x);
    const double toC = normalised(std::atan2(c.y - centre.y, c.x - centre.x) - fromA);
    const double toB = normalised(std::atan2(b.y - centre.y, b.x - centre.x) - fromA);
    // The arc from a to c that passes through b.
    const double sweep = toB < toC ? toC : toC - 2 * std::numbers::pi;
    const double y0 = meanY(section.rows.front());
    for (auto& row : section.rows) {
        const auto order = leftToRight(row);
        const double r = radius + std::abs(meanY(row) - y0);
        for (std::size_t k = 0; k < order.size(); ++k) {
            const double t = order.size() > 1
                                 ? static_cast<double>(k) / static_cast<double>(order.size() - 1)
                                 : toB / (sweep == 0 ? 1 : sweep);
            const double angle = fromA + sweep * t;
            auto& seat = row.seats[order[k]];
            seat.x = rounded(centre.x + r * std::cos(angle));
            seat.y = rounded(centre.y + r * std::sin(angle));
        }
    }
    return true;
}

std::string rowLabel(RowLabels style, int n)
{
    if (style == RowLabels::Numbers)
        return std::to_string(n + 1);
    std::string out;
    for (int v = n + 1; v > 0; v = (v - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (v - 1) % 26));
    return out;
}

void labelRows(Section& section, RowLabels style, bool fromBack)
{
    const int n = static_cast<int>(section.rows.size());
    for (int i = 0; i < n; ++i)
        section.rows[static_cast<std::size_t>(i)].label = rowLabel(style, fromBack ? n - 1 - i : i);
}

void numberSeats(Section& section, Numbering numbering)
{
    for (auto& row : section.rows) {
        const auto order = leftToRight(row);
        const int n = static_cast<int>(order.size());
        const int middle = n % 2 == 1 ? (n - 1) / 2 : n / 2;
        for (int k = 0; k < n; ++k) {
            int number = k + 1;
            if (numbering == Numbering::RightToLeft)
                number = n - k;
            else if (numbering == Numbering::OddEvenFromMiddle)
                number = k >= middle ? 1 + 2 * (k - middle) : 2 * (middle - k);
            row.seats[order[static_cast<std::size_t>(k)]].number = number;
        }
    }
}

void outlineSection(Section& section, double margin)
{
    std::vector<Point> corners;
    for (const auto& row : section.rows)
        for (const auto& s : row.seats)
            for (const double dx : {-margin, margin})
                for (const double dy : {-margin, margin})
                    corners.push_back({s.x + dx, s.y + dy});
    if (corners.empty())
        return;
    auto hull = convexHull(std::move(corners));
    for (auto& p : hull)
        p = roundedPoint(p.x, p.y);
    section.outline = std::move(hull);
}

bool validRef(const SeatMap& map, const SeatRef& ref)
{
    if (ref.section < 0 || ref.section >= static_cast<int>(map.sections.size()))
        return false;
    const auto& section = map.sections[static_cast<std::size_t>(ref.section)];
    if (ref.row < 0 || ref.row >= static_cast<int>(section.rows.size()))
        return false;
    const auto& row = section.rows[static_cast<std::size_t>(ref.row)];
    return ref.seat >= 0 && ref.seat < static_cast<int>(row.seats.size());
}

domain::Seat& seatAt(SeatMap& map, const SeatRef& ref)
{
    return map.sections[static_cast<std::size_t>(ref.section)]
        .rows[static_cast<std::size_t>(ref.row)]
        .seats[static_cast<std::size_t>(ref.seat)];
}

const domain::Seat& seatAt(const SeatMap& map, const SeatRef& ref)
{
    return map.sections[static_cast<std::size_t>(ref.section)]
        .rows[static_cast<std::size_t>(ref.row)]
        .seats[static_cast<std::size_t>(ref.seat)];
}

std::string labelOf(const SeatMap& map, const SeatRef& ref)
{
    const auto& section = map.sections[static_cast<std::size_t>(ref.section)];
    const auto& row = section.rows[static_cast<std::size_t>(ref.row)];
    return domain::seatLabel(section, row, row.seats[static_cast<std::size_t>(ref.seat)]);
}

std::vector<SeatRef> seatsOf(const SeatMap& map, const Selection& selection)
{
    const auto set = seatSet(map, selection);
    return {set.begin(), set.end()};
}

void setAccessible(SeatMap& map, const std::vector<SeatRef>& seats, bool accessible)
{
    for (const auto& ref : seats)
        if (validRef(map, ref))
            seatAt(map, ref).accessible = accessible;
}

void translate(SeatMap& map, const Selection& selection, double dx, double dy)
{
    forEachPoint(map, selection, [&](double x, double y) { return roundedPoint(x + dx, y + dy); });
}

void rotate(SeatMap& map, const Selection& selection, Point centre, double degrees)
{
    const double a = degrees * std::numbers::pi / 180;
    const double c = std::cos(a), s = std::sin(a);
    forEachPoint(map, selection, [&](double x, double y) {
        const double dx = x - centre.x, dy = y - centre.y;
        return roundedPoint(centre.x + dx * c - dy * s, centre.y + dx * s + dy * c);
    });
}

std::optional<Bounds> boundsOf(const SeatMap& map, const Selection& selection)
{
    std::optional<Bounds> b;
    auto grow = [&](double x, double y) {
        if (!b)
            b = Bounds{x, y, x, y};
        b->left = std::min(b->left, x);
        b->top = std::min(b->top, y);
        b->right = std::max(b->right, x);
        b->bottom = std::max(b->bottom, y);
    };
    for (const auto& ref : seatSet(map, selection)) {
        const auto& seat = seatAt(map, ref);
        grow(seat.x, seat.y);
    }
    for (const int s : selection.sections)
        if (s >= 0 && s < static_cast<int>(map.sections.size()))
            for (const auto& p : map.sections[static_cast<std::size_t>(s)].outline)
                grow(p.x, p.y);
    if (selection.stage)
        for (const auto& p : map.stageOutline)
            grow(p.x, p.y);
    return b;
}

std::optional<Point> centreOf(const SeatMap& map, const Selection& selection)
{
    const auto b = boundsOf(map, selection);
    if (!b)
        return std::nullopt;
    return Point{(b->left + b->right) / 2, (b->top + b->bottom) / 2};
}

void align(SeatMap& map, const std::vector<SeatRef>& seats, Align how)
{
    Selection selection;
    selection.seats.insert(seats.begin(), seats.end());
    const auto b = boundsOf(map, selection);
    if (!b)
        return;
    for (const auto& ref : seats) {
        if (!validRef(map, ref))
            continue;
        auto& seat = seatAt(map, ref);
        switch (how) {
        case Align::Left:
            seat.x = b->left;
            break;
        case Align::Right:
            seat.x = b->right;
            break;
        case Align::Top:
            seat.y = b->top;
            break;
        case Align::Bottom:
            seat.y = b->bottom;
            break;
        case Align::CentreHorizontally:
            seat.x = rounded((b->left + b->right) / 2);
            break;
        case Align::CentreVertically:
            seat.y = rounded((b->top + b->bottom) / 2);
            break;
        }
    }
}

void distribute(SeatMap& map, const std::vector<SeatRef>& seats, bool horizontally)
{
    std::vector<SeatRef> valid;
    for (const auto& ref : seats)
        if (validRef(map, ref))
            valid.push_back(ref);
    if (valid.size() < 3)
        return;
    auto coordinate = [&](const SeatRef& ref) {
        const auto& s = seatAt(map, ref);
        return horizontally ? s.x : s.y;
    };
    std::stable_sort(valid.begin(), valid.end(), [&](const SeatRef& a, const SeatRef& b) {
        return coordinate(a) < coordinate(b);
    });
    const double first = coordinate(valid.front());
    const double step = (coordinate(valid.back()) - first) / static_cast<double>(valid.size() - 1);
    for (std::size_t k = 1; k + 1 < valid.size(); ++k) {
        auto& seat = seatAt(map, valid[k]);
        (horizontally ? seat.x : seat.y) = rounded(first + step * static_cast<double>(k));
    }
}

Point snapped(Point p, double step)
{
    if (step <= 0)
        return p;
    return roundedPoint(std::round(p.x / step) * step, std::round(p.y / step) * step);
}

void remove(SeatMap& map, const Selection& selection)
{
    const auto seats = seatSet(map, selection);
    std::vector<Section> kept;
    for (std::size_t s = 0; s < map.sections.size(); ++s) {
        if (selection.sections.count(static_cast<int>(s)))
            continue;
        auto section = std::move(map.sections[s]);
        const bool hadRows = !section.rows.empty();
        std::vector<domain::Row> rows;
        for (std::size_t r = 0; r < section.rows.size(); ++r) {
            auto& row = section.rows[r];
            std::vector<domain::Seat> left;
            for (std::size_t i = 0; i < row.seats.size(); ++i)
                if (!seats.count({static_cast<int>(s), static_cast<int>(r), static_cast<int>(i)}))
                    left.push_back(row.seats[i]);
            if (!left.empty()) {
                row.seats = std::move(left);
                rows.push_back(std::move(row));
            }
        }
        section.rows = std::move(rows);
        if (section.kind == domain::SectionKind::Seated && hadRows && section.rows.empty())
            continue;
        kept.push_back(std::move(section));
    }
    map.sections = std::move(kept);
    if (selection.stage)
        map.stageOutline.clear();
}

std::vector<Section> copySections(const SeatMap& map, const Selection& selection)
{
    std::set<int> touched(selection.sections.begin(), selection.sections.end());
    for (const auto& ref : selection.seats)
        touched.insert(ref.section);
    std::vector<Section> out;
    for (const int s : touched)
        if (s >= 0 && s < static_cast<int>(map.sections.size()))
            out.push_back(map.sections[static_cast<std::size_t>(s)]);
    return out;
}

std::vector<int> paste(SeatMap& map, std::vector<Section> sections, double dx, double dy)
{
    std::vector<int> added;
    for (auto& section : sections) {
        section.key = freeKey(map, section.key);
        section.id.reset();
        for (auto& p : section.outline)
            p = roundedPoint(p.x + dx, p.y + dy);
        for (auto& row : section.rows)
            for (auto& seat : row.seats) {
                seat.id.reset();
                seat.x = rounded(seat.x + dx);
                seat.y = rounded(seat.y + dy);
            }
        added.push_back(static_cast<int>(map.sections.size()));
        map.sections.push_back(std::move(section));
    }
    return added;
}

std::optional<SeatRef> seatNear(const SeatMap& map, Point p, double radius)
{
    std::optional<SeatRef> best;
    double bestDistance = radius * radius;
    for (std::size_t s = 0; s < map.sections.size(); ++s)
        for (std::size_t r = 0; r < map.sections[s].rows.size(); ++r) {
            const auto& seats = map.sections[s].rows[r].seats;
            for (std::size_t i = 0; i < seats.size(); ++i) {
                const double dx = seats[i].x - p.x, dy = seats[i].y - p.y;
                const double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = SeatRef{static_cast<int>(s), static_cast<int>(r), static_cast<int>(i)};
                }
            }
        }
    return best;
}

bool insidePolygon(const std::vector<Point>& polygon, Point p)
{
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const auto& a = polygon[i];
        const auto& b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

std::optional<int> sectionAt(const SeatMap& map, Point p)
{
    for (int s = static_cast<int>(map.sections.size()) - 1; s >= 0; --s) {
        const auto& section = map.sections[static_cast<std::size_t>(s)];
        if (section.outline.size() >= 3) {
            if (insidePolygon(section.outline, p))
                return s;
            continue;
        }
        // No outline: the box around its seats, a little wider.
        Selection one;
        one.sections.insert(s);
        if (const auto b = boundsOf(map, one); b && p.x >= b->left - 4 && p.x <= b->right + 4 &&
                                               p.y >= b->top - 4 && p.y <= b->bottom + 4)
            return s;
    }
    return std::nullopt;
}

std::vector<SeatRef> seatsInRect(const SeatMap& map, Point a, Point b)
{
    const double left = std::min(a.x, b.x), right = std::max(a.x, b.x);
    const double top = std::min(a.y, b.y), bottom = std::max(a.y, b.y);
    std::vector<SeatRef> out;
    for (std::size_t s = 0; s < map.sections.size(); ++s)
        for (std::size_t r = 0; r < map.sections[s].rows.size(); ++r) {
            const auto& seats = map.sections[s].rows[r].seats;
            for (std::size_t i = 0; i < seats.size(); ++i)
                if (seats[i].x >= left && seats[i].x <= right && seats[i].y >= top &&
                    seats[i].y <= bottom)
                    out.push_back({static_cast<int>(s), static_cast<int>(r), static_cast<int>(i)});
        }
    return out;
}

domain::SeatMap ringVenue(const RingSpec& spec)
{
    domain::SeatMap map;
    const int n = std::clamp(spec.sections, 1, domain::SeatMapLimits::maxSections);
    const double pi = std::numbers::pi;
    const double share = 2 * pi / n;
    const double gap = std::clamp(spec.gapDegrees, 0.0, 90.0) * pi / 180;
    const double span = std::max(share - gap, share * 0.1);
    const int rows = std::clamp(spec.rows, 1, domain::SeatMapLimits::maxRowsPerSection);
    for (int s = 0; s < n; ++s) {
        // Clockwise on screen (y downwards) from the top.
        const double from = -pi / 2 + s * share + (share - span) / 2;
        Section section;
        char key[8];
        std::snprintf(key, sizeof key, "S%03d", s + 1);
        section.key = key;
        section.name = "Block " + std::to_string(s + 1);
        for (int r = 0; r < rows; ++r) {
            const double radius = spec.innerRadius + r * spec.rowSpacing;
            const int seats = std::clamp(static_cast<int>(radius * span / spec.seatSpacing), 1,
                                         domain::SeatMapLimits::maxSeatsPerRow);
            // The row's seats centred in the block's span, `seatSpacing` apart along the arc.
            const double step = spec.seatSpacing / radius;
            const double first = from + (span - step * (seats - 1)) / 2;
            domain::Row row;
            row.label = std::to_string(r + 1);
            row.seats.reserve(static_cast<std::size_t>(seats));
            for (int i = 0; i < seats; ++i) {
                const double a = first + i * step;
                domain::Seat seat;
                seat.number = i + 1;
                seat.x = rounded(radius * std::cos(a));
                seat.y = rounded(radius * std::sin(a));
                row.seats.push_back(seat);
            }
            section.rows.push_back(std::move(row));
        }
        // The block's outline: its inner and outer arcs, half a spacing out.
        const double inner = spec.innerRadius - spec.rowSpacing / 2;
        const double outer = spec.innerRadius + (rows - 0.5) * spec.rowSpacing;
        const int segments = 8;
        for (int k = 0; k <= segments; ++k) {
            const double a = from + span * k / segments;
            section.outline.push_back(roundedPoint(outer * std::cos(a), outer * std::sin(a)));
        }
        for (int k = segments; k >= 0; --k) {
            const double a = from + span * k / segments;
            section.outline.push_back(roundedPoint(inner * std::cos(a), inner * std::sin(a)));
        }
        map.sections.push_back(std::move(section));
    }
    // The pitch as the stage, well inside the ring.
    const double w = spec.innerRadius * 0.62, h = spec.innerRadius * 0.4;
    map.stageOutline = {roundedPoint(-w, -h), roundedPoint(w, -h), roundedPoint(w, h),
                        roundedPoint(-w, h)};
    if (spec.standingCapacity > 0) {
        const double f = spec.innerRadius * 0.55;
        map.sections.push_back(standingSection(
            "FLOOR", "Floor", {{-f, h + 20}, {f, h + 20}, {f, f}, {-f, f}},
            std::min(spec.standingCapacity, domain::SeatMapLimits::maxStandingCapacity)));
    }
    return map;
}

namespace {
// The number after `name[` in `path`, or -1.
int indexIn(const std::string& path, const std::string& name)
{
    const auto at = path.find(name + "[");
    if (at == std::string::npos)
        return -1;
    int n = 0;
    bool any = false;
    for (auto i = at + name.size() + 1;
         i < path.size() && std::isdigit(static_cast<unsigned char>(path[i])); ++i) {
        n = n * 10 + (path[i] - '0');
        any = true;
        if (n > 10000000)
            return -1;
    }
    return any ? n : -1;
}
} // namespace

Selection selectionOfPath(const SeatMap& map, const std::string& path)
{
    Selection out;
    if (path.find("stage") != std::string::npos) {
        out.stage = true;
        return out;
    }
    const int s = indexIn(path, "sections");
    if (s < 0 || s >= static_cast<int>(map.sections.size()))
        return out;
    const int r = indexIn(path, "rows");
    const int i = indexIn(path, "seats");
    const auto& section = map.sections[static_cast<std::size_t>(s)];
    if (r < 0 || r >= static_cast<int>(section.rows.size())) {
        out.sections.insert(s);
        return out;
    }
    const auto& row = section.rows[static_cast<std::size_t>(r)];
    if (i >= 0 && i < static_cast<int>(row.seats.size())) {
        out.seats.insert({s, r, i});
        return out;
    }
    for (int k = 0; k < static_cast<int>(row.seats.size()); ++k)
        out.seats.insert({s, r, k});
    return out;
}

} // namespace ticketing::organizer::edit
