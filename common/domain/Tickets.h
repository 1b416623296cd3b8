#pragma once

#include "domain/Clock.h"
#include "domain/Lifecycle.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

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
