#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace ticketing::client {

// What the organizer's enrollment QR code says (API.md "Check-in": the one-time code "that the
// organizer shows as a QR code"): the server to enroll with and the code, as one link,
//   ticketing-gate:enroll?server=https%3A%2F%2Fbox.example.org&code=ABCDEFGHJKMN
// so that a scanner needs nothing typed. The organizer's app writes it, the gate scanner reads
// it (a bare code, as typed, is read too: the server is then the scanner's own).
struct EnrollmentLink
{
    QUrl server; // empty: not said
    QString code;
};

QString enrollmentLink(const QUrl& server, const QString& code);
// None when the text is neither such a link nor a code of the enrollment alphabet's length.
std::optional<EnrollmentLink> parseEnrollmentLink(const QString& text);

} // namespace ticketing::client
