#pragma once

#include "domain/Clock.h"
#include "domain/Lifecycle.h"
#include "domain/Problem.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// Who holds a ticket (API.md "Transfers"): the buyer, or whom it was given to. None for a
// walk-in at the box office who gave no e-mail.
struct Holder
{
    std::string email;
    std::optional<std::string> name;
    bool operator==(const Holder&) const = default;
};
boost::json::value holderJson(const std::optional<Holder>& holder);
// `holder` of an answer (null or {email, name?}); errors under `field`.
class WireReader;
std::optional<Holder> readHolder(WireReader& r, const char* field = "holder");

// POST /bookings/{id}/transfer {email, ticket_ids?}: the tickets (all active ones when none are
// named) to the account with that e-mail.
struct TransferRequest
{
    std::string email;
    std::vector<TicketId> tickets;
    bool operator==(const TransferRequest&) const = default;
};
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TransferRequest& t);
TransferRequest tag_invoke(boost::json::value_to_tag<TransferRequest>, const boost::json::value& v);

// Whether a ticket may go to someone else at `now`: active (not used, cancelled or given away
// before), the event allows transfers, and `now` is before its transfer_until (none: its start).
// Otherwise 409 transfer_not_allowed, saying why.
std::optional<Problem> transferRefusal(TicketStatus status, bool transfersAllowed,
                                       std::optional<Clock::TimePoint> transferUntil,
                                       Clock::TimePoint eventStart, Clock::TimePoint now);

// GET /tickets/{id}: one ticket with its booking and event.
struct Ticket
{
    TicketId id;
    BookingId booking;
    EventId event;
    std::optional<SeatId> seat;
    std::optional<std::string> seatLabel;
    std::string tierName;
    TicketStatus status = TicketStatus::Active;
    std::string credential; // the QR code's text
    std::optional<Holder> holder;
    bool operator==(const Ticket&) const = default;
};

// GET /events/{id}/signing-keys: the public halves a scanner verifies credentials with.
struct PublicSigningKey
{
    std::string keyId; // hex
    std::string algorithm = "Ed25519";
    std::string publicKey; // hex
    Clock::TimePoint createdAt;
    std::optional<Clock::TimePoint> retiredAt;
    bool operator==(const PublicSigningKey&) const = default;
};
struct SigningKeys
{
    EventId event;
    std::string format = "TK1";
    std::vector<PublicSigningKey> keys;
    bool operator==(const SigningKeys&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Ticket& t);
Ticket tag_invoke(boost::json::value_to_tag<Ticket>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PublicSigningKey& k);
PublicSigningKey tag_invoke(boost::json::value_to_tag<PublicSigningKey>,
                            const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SigningKeys& k);
SigningKeys tag_invoke(boost::json::value_to_tag<SigningKeys>, const boost::json::value& v);

} // namespace ticketing::domain
