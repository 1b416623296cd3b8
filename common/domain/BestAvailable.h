#pragma once

#include "domain/SeatMap.h"
#include "domain/Uuid.h"

#include <functional>
#include <vector>

namespace ticketing::domain {

// Best available seats (API.md "Box office"): the seats the server holds for `POST
// /bookings/hold` with `best_available: true`, and that the box office can show before it holds.
//
// - All in one row, side by side, when any row has room. A row lists its seats in the order
//   they stand (the designer draws them so), which is what "side by side" follows.
// - Never leaving one free seat stranded between taken seats or at a row's end, when another
//   choice avoids it.
// - Nearest the stage (the row whose seats' centre is nearest the centre of the seat map's stage
//   outline; without one, the first row of a section), then nearest the row's middle. Ties go
//   to the earlier section, row and seat in the map.
// - `accessibleOnly`: accessible seats only.
// - When no row fits the group: over the fewest rows (the rows with the longest free runs,
//   nearest the stage among equals), each part placed as above; `split` says so.
struct BestAvailableRequest
{
    int quantity = 0;
    bool accessibleOnly = false;
};

struct BestAvailableChoice
{
    std::vector<SeatId> seats; // empty: too few seats (see `eligible`)
    bool split = false;
    int eligible = 0; // free seats that the request may take
};

// `sections`: the seated sections of the tier, in the map's order. `isFree`: whether a seat may
// be sold now. Seats without an id are never chosen.
BestAvailableChoice bestAvailable(const SeatMap& map, const std::vector<const Section*>& sections,
                                  const std::function<bool(const SeatId&)>& isFree,
                                  const BestAvailableRequest& request);

} // namespace ticketing::domain
