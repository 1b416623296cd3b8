#pragma once

#include "domain/Clock.h"

#include <string>
#include <string_view>
#include <vector>

namespace ticketing::mail {

// A message as ticketd sends it (RFC 5322 and MIME, RFC 2045-2049, 2387): a text and an HTML
// alternative, images the HTML shows inline (by their Content-ID), and attachments.
struct Part
{
    std::string contentType; // "image/png", "application/pdf"
    std::string data;        // the bytes
    std::string contentId;   // inline parts: what the HTML's "cid:" names
    std::string filename;    // attachments
};

struct Message
{
    std::string from; // "Ticketing <tickets@example.com>" or an address
    std::string to;
    std::string subject;   // UTF-8
    std::string messageId; // "<id@host>": the same on every copy of one message
    domain::Clock::TimePoint date;
    std::string text; // UTF-8
    std::string html; // UTF-8
    std::vector<Part> inlines;
    std::vector<Part> attachments;
};

// The message as it goes on the wire: CRLF line ends, headers encoded for 7-bit transport
// (RFC 2047), every body part in base64 wrapped at 76 characters, boundaries that no base64 text
// can contain.
std::string compose(const Message& message);

// A header value safe for mail: ASCII as it is, anything else as =?UTF-8?B?...?= words; CR
// and LF never pass.
std::string encodeHeader(std::string_view utf8);
// Base64 in lines of 76 characters, each ended by CRLF.
std::string base64Lines(std::string_view data);
// "Mon, 07 Dec 2026 11:30:00 +0000".
std::string rfc5322Date(domain::Clock::TimePoint t);
// Text for HTML: & < > " ' escaped.
std::string escapeHtml(std::string_view text);

} // namespace ticketing::mail
