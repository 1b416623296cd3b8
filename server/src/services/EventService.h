#pragma once

#include "db/BlockStore.h"
#include "db/EventStore.h"
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/Clock.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/Problem.h"
#include "domain/Promo.h"
#include "domain/Report.h"
#include "domain/Result.h"
#include "services/VenueService.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {
class Session;
}

namespace ticketing::services {

// Events and tiers (API.md "Events and tiers"): drafts an organizer shapes at its own venues,
// publication (which makes the inventory), edits limited to descriptions once published,
// cancellation, and the public listing.
class EventService
{
public:
    // `feeBasisPoints`: the platform's fee on net sales in a settlement (5 % = 500).
    explicit EventService(const domain::Clock& clock, int feeBasisPoints = 500)
        : m_clock(clock), m_feeBasisPoints(feeBasisPoints)
    {
    }

    domain::Result<domain::Event, domain::Problem> create(const Caller& caller,
                                                          Decoded<domain::EventInput> input);
    // Drafts are the owner's (and admin's) alone: to anyone else they do not exist (404).
    domain::Result<domain::Event, domain::Problem> get(const std::optional<Caller>& caller,
                                                       const domain::EventId& id);
    domain::Result<domain::Event, domain::Problem>
    update(const Caller& caller, const domain::EventId& id, Decoded<domain::EventInput> input);
    domain::Result<domain::Event, domain::Problem> publish(const Caller& caller,
                                                           const domain::EventId& id);
    // Marks it cancelled; CheckoutService::cancelEvent refunds in the same transaction.
    domain::Result<db::EventRow, domain::Problem> cancelRow(const Caller& caller,
                                                            const domain::EventId& id);

    struct Query
    {
        bool mine = false; // the caller's own events, any status (organizer, admin)
        std::optional<std::string> text, genre, city;
        std::optional<domain::Clock::TimePoint> from, to;
        std::optional<std::string> cursor; // as given by the previous page
        int limit = 20;
    };
    // The next cursor is the service's own (the handler encodes it for the client).
    domain::Result<domain::Page<domain::Event>, domain::Problem>
    list(const std::optional<Caller>& caller, const Query& query);

    // API.md "Reports": the owner's (and admin's); to anyone else the event does not exist.
    domain::Result<domain::Report, domain::Problem>
    report(const Caller& caller, const domain::EventId& id, domain::ReportInterval interval);
    domain::Result<domain::Settlement, domain::Problem> settlement(const Caller& caller,
                                                                   const domain::EventId& id);

    // API.md "Seat blocks", on a published event (the owner's and admin's): each change all or
    // nothing, answered with the event's blocks as they are after it.
    domain::Result<domain::SeatBlocks, domain::Problem> blocks(const Caller& caller,
                                                               const domain::EventId& id);
    domain::Result<domain::SeatBlocks, domain::Problem>
    block(const Caller& caller, const domain::EventId& id, Decoded<domain::BlockRequest> input);
    domain::Result<domain::SeatBlocks, domain::Problem>
    unblock(const Caller& caller, const domain::EventId& id, Decoded<domain::UnblockRequest> input);

    // API.md "Promo codes and group discounts": an event's codes, the owner's and admin's (to
    // anyone else the event does not exist). A code is unique per event in any case (409
    // promo_code_taken); its tiers must be the event's; an amount is in the event's currency.
    domain::Result<domain::PromoCodeView, domain::Problem>
    createPromoCode(const Caller& caller, const domain::EventId& id,
                    Decoded<domain::PromoCodeInput> input);
    domain::Result<std::vector<domain::PromoCodeView>, domain::Problem>
    promoCodes(const Caller& caller, const domain::EventId& id);
    // nullopt: deleted (its uses so far stay with the bookings that made them).
    std::optional<domain::Problem> removePromoCode(const Caller& caller, const domain::EventId& id,
                                                   const std::string& code);

    // GET /events/{id}/quote: the price of what `request` would hold (its seats, or a quantity
    // of its tier, read by domain::parseHoldRequest as a hold's body is) with its promo code and
    // the event's group discounts, holding nothing (domain::price). The event as the caller may
    // see it; 409 promo_code_invalid with `reason` when the code cannot be used.
    domain::Result<domain::Quote, domain::Problem> quote(const std::optional<Caller>& caller,
                                                         const domain::HoldRequest& request);

    // API.md `Event` of a stored event.
    static domain::Event toEvent(const db::EventRow& row);

private:
    struct RowPage
    {
        std::vector<db::EventRow> events;
        std::optional<std::string> nextCursor;
    };
    domain::Result<db::EventRow, domain::Problem> createRow(const Caller& caller,
                                                            Decoded<domain::EventInput> input);
    domain::Result<db::EventRow, domain::Problem> getRow(const std::optional<Caller>& caller,
                                                         const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem>
    updateRow(const Caller& caller, const domain::EventId& id, Decoded<domain::EventInput> input);
    domain::Result<db::EventRow, domain::Problem> publishRow(const Caller& caller,
                                                             const domain::EventId& id);
    domain::Result<RowPage, domain::Problem> listRows(const std::optional<Caller>& caller,
                                                      const Query& query);
    // The caller's event and its report, read once.
    domain::Result<std::pair<db::EventRow, domain::Report>, domain::Problem>
    reportRow(const Caller& caller, const domain::EventId& id, domain::ReportInterval interval);
    // A change of the event's blocks: the event published and the caller's, the body good, the
    // change made all or nothing; the blocks after it.
    domain::Result<domain::SeatBlocks, domain::Problem>
    changeBlocks(const Caller& caller, const domain::EventId& id,
                 std::optional<domain::Problem> badInput,
                 const std::function<db::blocks::Outcome(db::Session&)>& change);
    // The caller's event, published (its inventory exists).
    domain::Result<db::EventRow, domain::Problem> onSale(db::Session& s, const Caller& caller,
                                                         const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem> owned(db::Session& s, const Caller& caller,
                                                        const domain::EventId& id);
    domain::Result<db::EventRow, domain::Problem> build(db::Session& s, const Caller& caller,
                                                        const domain::EventInput& input,
                                                        const domain::EventId& id,
                                                        const domain::UserId& organizer);

    const domain::Clock& m_clock;
    int m_feeBasisPoints = 500;
};

} // namespace ticketing::services
