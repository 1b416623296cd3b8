#pragma once

#include "domain/Availability.h"
#include "domain/LiveSync.h"
#include "domain/SeatMap.h"

#include <QPointF>
#include <QRectF>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ticketing::seatmap {

// The usual distance between neighbouring seats of a row (the median, sampled), what a seat's
// drawn size follows; nullopt for a map without two seats in a row.
std::optional<double> seatPitch(const domain::SeatMap& map);

// A venue as the seat map draws it (DESIGN.md "The apps"): every seat in flat arrays (a
// 60,000-seat stadium is 60,000 small records, not 60,000 objects), its live status, and a
// uniform grid over the seats' positions so that finding the seat under the pointer or the seats
// in a dragged rectangle looks at a few cells, not at every seat. Plain data: the scene draws
// it, the tests and the benchmark measure it.
class VenueLayout
{
public:
    struct Seat
    {
        domain::SeatId id;
        QPointF position; // venue units
        int section = 0;  // index into sections()
        bool accessible = false;
        domain::SeatStatus status = domain::SeatStatus::Available;
        std::string label; // "VIP-A-1"
        std::optional<domain::TierId> tier;
    };
    struct Section
    {
        std::string key;
        std::string name;
        QRectF bounds;                // of its seats (or its outline)
        std::vector<int> seats;       // indexes into seats()
        int counts[4] = {0, 0, 0, 0}; // by domain::SeatStatus
    };

    // The map's seats (those with ids) and sections; every seat available until statuses come.
    explicit VenueLayout(const domain::SeatMap& map);

    const std::vector<Seat>& seats() const { return m_seats; }
    const std::vector<Section>& sections() const { return m_sections; }
    QRectF bounds() const { return m_bounds; }
    // The usual distance between neighbouring seats: what a seat's drawn size follows.
    double pitch() const { return m_pitch; }

    // The statuses of an availability (a snapshot), and those of a delta's changes; the indexes
    // of the seats whose status changed.
    std::vector<int> apply(const domain::Availability& availability);
    std::vector<int> apply(const std::vector<domain::SeatChange>& changes);

    std::optional<int> indexOf(const domain::SeatId& id) const;
    // The seat within `radius` of `point`, the nearest one; none when there is none.
    std::optional<int> seatAt(QPointF point, double radius) const;
    // The seats whose position is in `rect`.
    std::vector<int> seatsIn(const QRectF& rect) const;

private:
    bool setStatus(int seat, domain::SeatStatus status);
    // Grid cells covering `rect`, clamped.
    void cellRange(const QRectF& rect, int& x0, int& y0, int& x1, int& y1) const;

    std::vector<Seat> m_seats;
    std::vector<Section> m_sections;
    std::unordered_map<domain::Uuid, int> m_byId;
    QRectF m_bounds;
    double m_pitch = 1;
    // The grid: cells of m_cell x m_cell venue units, each listing its seats.
    double m_cell = 1;
    int m_columns = 1;
    int m_rows = 1;
    std::vector<std::vector<int>> m_grid;
};

} // namespace ticketing::seatmap
