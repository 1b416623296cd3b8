#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace ticketing::client {

// Why a call did not give what was asked, said so that a person at the counter can act on it.
// `transient`: the server was unreachable or overloaded and the same action may be sent again
// (with the same Idempotency-Key: UserAction); otherwise the server refused it for a reason.
struct Failure
{
    int status = 0;      // HTTP status; 0: no answer at all
    QString code;        // the problem's `code` (API.md), or "network" / "unreadable"
    QString message;     // for a person, in the interface's language
    QJsonObject problem; // the RFC 7807 body as received (its extension members too)
    bool transient = false;

    // From an RFC 7807 body (any status >= 400).
    static Failure fromProblem(int status, const QByteArray& body);
    // No answer (refused, reset, timed out) after the retries.
    static Failure network(const QString& detail);
    // An answer that is not what the contract says.
    static Failure unreadable(int status, const QString& detail);
};

// The message a person sees for a problem code (API.md's codes), with the details the problem
// carries; the server's `detail` when the code is not one the apps know.
QString messageFor(const QString& code, const QJsonObject& problem);

} // namespace ticketing::client
