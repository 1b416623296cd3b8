#include "seatmap/VenueLayout.h"

#include <algorithm>
#include <cmath>

namespace ticketing::seatmap {

namespace {
int statusIndex(domain::SeatStatus s)
{
    return static_cast<int>(s);
}
} // namespace

std::optional<double> seatPitch(const domain::SeatMap& map)
{
    // The median distance from a seat to the next one of its row, over the first 4,096.
    std::vector<double> gaps;
    for (const auto& section : map.sections)
        for (const auto& row : section.rows)
            for (std::size_t i = 1; i < row.seats.size() && gaps.size() < 4096; ++i)
                gaps.push_back(std::hypot(row.seats[i].x - row.seats[i - 1].x,
                                          row.seats[i].y - row.seats[i - 1].y));
    if (gaps.empty())
        return std::nullopt;
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    return gaps[gaps.size() / 2];
}

VenueLayout::VenueLayout(const domain::SeatMap& map)
{
    double all[4] = {1e300, 1e300, -1e300, -1e300}; // left, top, right, bottom
    for (const auto& section : map.sections) {
        Section out;
        out.key = section.key;
        out.name = section.name;
        const int sectionIndex = static_cast<int>(m_sections.size());
        // (QRectF::united ignores empty rectangles, and a point is one: kept by hand.)
        double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
        auto grow = [&](double x, double y) {
            left = std::min(left, x);
            top = std::min(top, y);
            right = std::max(right, x);
            bottom = std::max(bottom, y);
        };
        for (const auto& row : section.rows)
            for (const auto& seat : row.seats) {
                if (!seat.id)
                    continue;
                const int index = static_cast<int>(m_seats.size());
                m_seats.push_back({*seat.id, QPointF(seat.x, seat.y), sectionIndex, seat.accessible,
                                   domain::SeatStatus::Available,
                                   domain::seatLabel(section, row, seat), std::nullopt});
                m_byId[seat.id->value] = index;
                out.seats.push_back(index);
                grow(seat.x, seat.y);
            }
        for (const auto& p : section.outline)
            grow(p.x, p.y);
        if (right >= left) {
            out.bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
            all[0] = std::min(all[0], left);
            all[1] = std::min(all[1], top);
            all[2] = std::max(all[2], right);
            all[3] = std::max(all[3], bottom);
        }
        out.counts[statusIndex(domain::SeatStatus::Available)] = static_cast<int>(out.seats.size());
        m_sections.push_back(std::move(out));
    }
    m_bounds = all[2] >= all[0] ? QRectF(QPointF(all[0], all[1]), QPointF(all[2], all[3]))
                                : QRectF(0, 0, 1, 1);
    if (const auto pitch = seatPitch(map))
        m_pitch = std::max(1e-6, *pitch);
    // About four seats per cell side: a hit test looks at a handful of seats.
    m_cell = m_pitch * 4;
    m_bounds = m_bounds.adjusted(-m_pitch, -m_pitch, m_pitch, m_pitch);
    m_columns = std::max(1, static_cast<int>(std::ceil(m_bounds.width() / m_cell)));
    m_rows = std::max(1, static_cast<int>(std::ceil(m_bounds.height() / m_cell)));
    // Bounded: a pathological map (one seat far away) must not make a huge grid.
    while (static_cast<long long>(m_columns) * m_rows > 4LL * 1024 * 1024) {
        m_cell *= 2;
        m_columns = std::max(1, static_cast<int>(std::ceil(m_bounds.width() / m_cell)));
        m_rows = std::max(1, static_cast<int>(std::ceil(m_bounds.height() / m_cell)));
    }
    m_grid.assign(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows), {});
    for (int i = 0; i < static_cast<int>(m_seats.size()); ++i) {
        const auto& p = m_seats[static_cast<std::size_t>(i)].position;
        const int cx =
            std::clamp(static_cast<int>((p.x() - m_bounds.left()) / m_cell), 0, m_columns - 1);
        const int cy =
            std::clamp(static_cast<int>((p.y() - m_bounds.top()) / m_cell), 0, m_rows - 1);
        m_grid[static_cast<std::size_t>(cy) * static_cast<std::size_t>(m_columns) +
               static_cast<std::size_t>(cx)]
            .push_back(i);
    }
}

bool VenueLayout::setStatus(int seat, domain::SeatStatus status)
{
    auto& s = m_seats[static_cast<std::size_t>(seat)];
    if (s.status == status)
        return false;
    auto& counts = m_sections[static_cast<std::size_t>(s.section)].counts;
    --counts[statusIndex(s.status)];
    ++counts[statusIndex(status)];
    s.status = status;
    return true;
}

std::vector<int> VenueLayout::apply(const domain::Availability& availability)
{
    std::vector<int> changed;
    for (const auto& a : availability.seats)
        if (const auto i = indexOf(a.seat)) {
            m_seats[static_cast<std::size_t>(*i)].tier = a.tier;
            if (setStatus(*i, a.status))
                changed.push_back(*i);
        }
    return changed;
}

std::vector<int> VenueLayout::apply(const std::vector<domain::SeatChange>& changes)
{
    std::vector<int> changed;
    for (const auto& c : changes)
        if (c.seat)
            if (const auto i = indexOf(*c.seat); i && setStatus(*i, c.status))
                changed.push_back(*i);
    return changed;
}

std::optional<int> VenueLayout::indexOf(const domain::SeatId& id) const
{
    const auto it = m_byId.find(id.value);
    return it == m_byId.end() ? std::nullopt : std::optional(it->second);
}

void VenueLayout::cellRange(const QRectF& rect, int& x0, int& y0, int& x1, int& y1) const
{
    x0 = std::clamp(static_cast<int>(std::floor((rect.left() - m_bounds.left()) / m_cell)), 0,
                    m_columns - 1);
    x1 = std::clamp(static_cast<int>(std::floor((rect.right() - m_bounds.left()) / m_cell)), 0,
                    m_columns - 1);
    y0 = std::clamp(static_cast<int>(std::floor((rect.top() - m_bounds.top()) / m_cell)), 0,
                    m_rows - 1);
    y1 = std::clamp(static_cast<int>(std::floor((rect.bottom() - m_bounds.top()) / m_cell)), 0,
                    m_rows - 1);
}

std::optional<int> VenueLayout::seatAt(QPointF point, double radius) const
{
    int x0, y0, x1, y1;
    cellRange(QRectF(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius), x0, y0, x1,
              y1);
    std::optional<int> best;
    double bestDistance = radius * radius;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            for (const int i :
                 m_grid[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns) +
                        static_cast<std::size_t>(x)]) {
                const auto d = m_seats[static_cast<std::size_t>(i)].position - point;
                const double dd = d.x() * d.x() + d.y() * d.y();
                if (dd <= bestDistance) {
                    bestDistance = dd;
                    best = i;
                }
            }
    return best;
}

std::vector<int> VenueLayout::seatsIn(const QRectF& rect) const
{
    const auto r = rect.normalized();
    int x0, y0, x1, y1;
    cellRange(r, x0, y0, x1, y1);
    std::vector<int> out;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            for (const int i :
                 m_grid[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_columns) +
                        static_cast<std::size_t>(x)])
                if (r.contains(m_seats[static_cast<std::size_t>(i)].position))
                    out.push_back(i);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ticketing::seatmap
