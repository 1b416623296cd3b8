#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace ticketing::outbound {

// Mail out of the suite through an SMTP server, by libcurl (no SMTP of our own): STARTTLS when
// the server offers it (smtp://), TLS from the start (smtps://), AUTH with the URL's user and
// password, the peer's certificate and name checked when TLS is used (against the system's store
// or `caFile`).
struct SmtpOptions
{
    std::string url; // smtp://user:password@host:587 or smtps://host:465
    std::string caFile;
    std::chrono::milliseconds timeout{30000};
};

struct SmtpFailure
{
    std::string message;
    // The server refused it for good (a 5xx answer: no such mailbox, refused sender): trying
    // again will not help. Otherwise (no connection, a timeout, 4xx) it may later.
    bool permanent = false;
};

// Sends one message (RFC 5322 text with CRLF line ends, as mail::compose writes it) from `from`
// to `to`. Nothing when the server took it.
std::optional<SmtpFailure> sendMail(const SmtpOptions& options, const std::string& from,
                                    const std::string& to, const std::string& message);

} // namespace ticketing::outbound
