#pragma once

#include <string>
#include <vector>

namespace ticketing::mail {

// A booking as a PDF (cairo's PDF surface; ticketd links it without Qt): a page per ticket,
// as the box office prints one (the event, when and where, the place, the tier, the QR code of
// the credential, the ids), for a buyer to print or show on a phone.
struct PdfTicket
{
    std::string place; // "MAIN-A-1", or "Standing"
    std::string tier;
    std::string ticketId;
    std::string qrPng; // the QR code of its credential, as a PNG
};

struct PdfBooking
{
    std::string eventTitle;
    std::string when; // "2031-01-01 20:00 UTC, Leeds"
    std::string bookingId;
    std::string total; // "80.00 GBP"
    bool german = false;
    std::vector<PdfTicket> tickets;
};

// The PDF's bytes.
std::string bookingPdf(const PdfBooking& booking);

} // namespace ticketing::mail
