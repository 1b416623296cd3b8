#pragma once

#include "domain/Problem.h"
#include "domain/Result.h"

#include <optional>
#include <string_view>

namespace ticketing::domain {

// The booking state machine (API.md "Bookings"):
//
//   held ──► confirmed ──► refunded     (cancelled under a refund policy that returns money)
//    │  │        └───────► cancelled    (cancelled when the policy refunds nothing)
//    │  └──► cancelled                  (released by its owner or staff)
//    └─────► expired ──► confirmed      (payment that arrived after the hold ended, while the
//                                        seats were still free: DESIGN.md "Payments" saga)
//
// cancelled, refunded are final. Anything else is refused.
enum class BookingStatus
{
    Held,
    Confirmed,
    Cancelled,
    Expired,
    Refunded
};

// A ticket exists from confirmation on:
//   active ──► used           (admitted at the gate)
//   active ──► cancelled      (its booking was cancelled or refunded; credential revoked)
//   active ──► transferred    (handed to someone else, who gets a new ticket)
// used, cancelled and transferred are final.
enum class TicketStatus
{
    Active,
    Used,
    Cancelled,
    Transferred
};

std::string_view toString(BookingStatus s);
std::string_view toString(TicketStatus s);
std::optional<BookingStatus> parseBookingStatus(std::string_view s);
std::optional<TicketStatus> parseTicketStatus(std::string_view s);

bool canTransition(BookingStatus from, BookingStatus to);
bool canTransition(TicketStatus from, TicketStatus to);
bool isFinal(BookingStatus s);
bool isFinal(TicketStatus s);

// The new state, or a 409 problem "invalid_state" that says which move was refused.
Result<BookingStatus, Problem> transition(BookingStatus from, BookingStatus to);
Result<TicketStatus, Problem> transition(TicketStatus from, TicketStatus to);

} // namespace ticketing::domain
