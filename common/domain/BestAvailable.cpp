#include "domain/BestAvailable.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace ticketing::domain {

namespace {

Point centre(const std::vector<Point>& points)
{
    Point c;
    for (const auto& p : points) {
        c.x += p.x;
        c.y += p.y;
    }
    if (!points.empty()) {
        c.x /= static_cast<double>(points.size());
        c.y /= static_cast<double>(points.size());
    }
    return c;
}

// A row as the rule sees it: which seats are free and may be taken, and how near the stage it is.
struct RowView
{
    const Row* row = nullptr;
    std::size_t order = 0; // in the map: the tie-break
    double stageDistance = 0;
    std::vector<bool> free, eligible; // by position in the row
};

// A block of `size` seats from position `start` of a row.
struct Block
{
    const RowView* row = nullptr;
    std::size_t start = 0;
    std::size_t size = 0;
    bool strands = false;
    double middleDistance = 0;
};

// The best block of `size` eligible seats in `row`, or none.
std::optional<Block> bestBlockIn(const RowView& row, std::size_t size)
{
    const auto n = row.free.size();
    std::optional<Block> best;
    std::size_t runStart = 0;
    const double middle = (static_cast<double>(n) - 1) / 2;
    for (std::size_t i = 0; i <= n; ++i) {
        if (i < n && row.free[i])
            continue;
        // A run of free seats: [runStart, i).
        for (std::size_t s = runStart; s + size <= i; ++s) {
            bool allEligible = true;
            for (std::size_t k = s; k < s + size && allEligible; ++k)
                allEligible = row.eligible[k];
            if (!allEligible)
                continue;
            Block b{
                &row, s, size, (s - runStart) == 1 || (i - (s + size)) == 1,
                std::abs((static_cast<double>(s) + (static_cast<double>(size) - 1) / 2) - middle)};
            if (!best || std::tie(b.strands, b.middleDistance) <
                             std::tie(best->strands, best->middleDistance))
                best = b;
        }
        runStart = i + 1;
    }
    return best;
}

// The longest run of eligible free seats in a row.
std::size_t longestRun(const RowView& row)
{
    std::size_t best = 0, run = 0;
    for (std::size_t i = 0; i < row.free.size(); ++i) {
        run = row.free[i] && row.eligible[i] ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

std::size_t eligibleIn(const RowView& row)
{
    return static_cast<std::size_t>(std::count(row.eligible.begin(), row.eligible.end(), true));
}

} // namespace

BestAvailableChoice bestAvailable(const SeatMap& map, const std::vector<const Section*>& sections,
                                  const std::function<bool(const SeatId&)>& isFree,
                                  const BestAvailableRequest& request)
{
    BestAvailableChoice out;
    const bool hasStage = !map.stageOutline.empty();
    const auto stage = centre(map.stageOutline);
    std::vector<RowView> rows;
    for (const auto* section : sections) {
        if (!section || section->kind != SectionKind::Seated)
            continue;
        for (std::size_t r = 0; r < section->rows.size(); ++r) {
            const auto& row = section->rows[r];
            RowView v;
            v.row = &row;
            v.order = rows.size();
            std::vector<Point> places;
            for (const auto& seat : row.seats) {
                const bool free = seat.id && isFree(*seat.id);
                v.free.push_back(free);
                v.eligible.push_back(free && (!request.accessibleOnly || seat.accessible));
                out.eligible += v.eligible.back() ? 1 : 0;
                places.push_back({seat.x, seat.y});
            }
            if (hasStage) {
                const auto c = centre(places);
                v.stageDistance = std::hypot(c.x - stage.x, c.y - stage.y);
            } else {
                v.stageDistance = static_cast<double>(r); // the first row is nearest
            }
            rows.push_back(std::move(v));
        }
    }
    if (request.quantity <= 0 || out.eligible < request.quantity)
        return out;
    const auto quantity = static_cast<std::size_t>(request.quantity);
    auto take = [&](const Block& b) {
        for (std::size_t k = b.start; k < b.start + b.size; ++k)
            out.seats.push_back(*b.row->row->seats[k].id);
    };

    // One row: the best block of each row, then the best of those.
    std::optional<Block> best;
    for (const auto& row : rows) {
        auto b = bestBlockIn(row, quantity);
        if (!b)
            continue;
        auto key = [](const Block& x) {
            return std::make_tuple(x.strands, x.row->stageDistance, x.middleDistance, x.row->order,
                                   x.start);
        };
        if (!best || key(*b) < key(*best))
            best = b;
    }
    if (best) {
        take(*best);
        return out;
    }

    // Over the fewest rows: the rows with the most eligible seats first (nearest the stage among
    // equals); in each, its longest run first, each part placed as a group of its own.
    std::vector<RowView*> byRoom;
    for (auto& row : rows)
        if (eligibleIn(row) > 0)
            byRoom.push_back(&row);
    std::sort(byRoom.begin(), byRoom.end(), [](const RowView* a, const RowView* b) {
        return std::make_tuple(-static_cast<long long>(eligibleIn(*a)), a->stageDistance,
                               a->order) <
               std::make_tuple(-static_cast<long long>(eligibleIn(*b)), b->stageDistance, b->order);
    });
    std::size_t left = quantity;
    for (auto* row : byRoom) {
        while (left > 0) {
            const auto part = std::min(left, longestRun(*row));
            if (part == 0)
                break;
            const auto b = bestBlockIn(*row, part);
            if (!b)
                break;
            take(*b);
            for (std::size_t k = b->start; k < b->start + b->size; ++k)
                row->free[k] = row->eligible[k] = false;
            left -= part;
        }
        if (left == 0)
            break;
    }
    if (left > 0) { // cannot happen: the rows hold every eligible seat
        out.seats.clear();
        return out;
    }
    out.split = true;
    return out;
}

} // namespace ticketing::domain
