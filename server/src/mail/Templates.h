#pragma once

#include "domain/Notification.h"

#include <boost/json/object.hpp>
#include <string>
#include <vector>

namespace ticketing::mail {

// What a message says, in English or German (the receiver's `locale`; anything else: English).
// The sender gathers the facts (the booking, its event and tickets) and the links start with
// TICKETING_PUBLIC_URL.
struct TicketLine
{
    std::string place; // "MAIN-A-1", or the tier for a standing place
    std::string tier;
    std::string contentId; // its QR code's inline image ("" when it has none)
    std::string ticketId;
};

struct Facts
{
    std::string eventTitle;
    std::string eventStart; // as people read it, in UTC
    std::string city;
    std::string bookingId;
    std::string total;    // "72.00 GBP"
    std::string refunded; // "72.00 GBP", empty when nothing was
    std::vector<TicketLine> tickets;
};

struct Rendered
{
    std::string subject;
    std::string text;
    std::string html;
};

Rendered render(domain::NotificationKind kind, const std::string& locale,
                const boost::json::object& payload, const Facts& facts,
                const std::string& publicUrl);

} // namespace ticketing::mail
