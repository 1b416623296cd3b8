#include "client/Failure.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ticketing::client {

namespace {
const char* const kContext = "ticketing::client::Failure";

QString tr(const char* text)
{
    return QCoreApplication::translate(kContext, text);
}
} // namespace

QString messageFor(const QString& code, const QJsonObject& problem)
{
    const auto detail = problem.value(QStringLiteral("detail")).toString();
    if (code == QLatin1String("seats_unavailable")) {
        const auto n = problem.value(QStringLiteral("unavailable_seat_ids")).toArray().size();
        return QCoreApplication::translate(kContext,
                                           "%n seat(s) were taken by someone else meanwhile.",
                                           nullptr, static_cast<int>(n));
    }
    if (code == QLatin1String("sold_out"))
        return QCoreApplication::translate(kContext, "Not enough places left: %n available.",
                                           nullptr,
                                           problem.value(QStringLiteral("available")).toInt());
    if (code == QLatin1String("hold_expired"))
        return tr("The hold has ended; the seats must be held again.");
    if (code == QLatin1String("hold_limit_reached"))
        return tr("This buyer holds as many places as allowed for this event.");
    if (code == QLatin1String("not_on_sale"))
        return tr("This event is not on sale.");
    if (code == QLatin1String("no_open_shift"))
        return tr("Open a shift before taking money.");
    if (code == QLatin1String("currency_mismatch"))
        return tr("The shift counts %1; this sale is in %2.")
            .arg(problem.value(QStringLiteral("shift_currency")).toString(),
                 problem.value(QStringLiteral("currency")).toString());
    if (code == QLatin1String("shift_already_open"))
        return tr("A shift is open already.");
    if (code == QLatin1String("shift_closed"))
        return tr("This shift is closed.");
    if (code == QLatin1String("already_paid"))
        return tr("This booking is paid already.");
    if (code == QLatin1String("card_declined"))
        return tr("The card was declined.");
    if (code == QLatin1String("payment_cancelled"))
        return tr("The card payment was cancelled; nothing was charged.");
    if (code == QLatin1String("payment_failed") || code == QLatin1String("processing_error"))
        return tr("The card payment did not go through.");
    if (code == QLatin1String("not_cancellable"))
        return tr("The payment can no longer be cancelled.");
    if (code == QLatin1String("invalid_credentials"))
        return tr("The e-mail or the password is wrong.");
    if (code == QLatin1String("invalid_token") || code == QLatin1String("token_expired"))
        return tr("The session has ended; sign in again.");
    if (code == QLatin1String("forbidden"))
        return tr("This account may not do that.");
    if (code == QLatin1String("not_found"))
        return tr("Not found (it may have been removed).");
    if (code == QLatin1String("rate_limited"))
        return tr("Too many attempts; wait a moment and try again.");
    if (code == QLatin1String("validation_failed")) {
        QStringList fields;
        for (const auto& e : problem.value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString() +
                          QStringLiteral(": ") +
                          e.toObject().value(QStringLiteral("message")).toString();
        return tr("Please correct: %1").arg(fields.join(QStringLiteral("; ")));
    }
    if (code == QLatin1String("overloaded") || code == QLatin1String("database_unavailable") ||
        code == QLatin1String("outcome_unknown"))
        return tr("The server is busy; trying again.");
    return detail.isEmpty() ? tr("The server refused: %1").arg(code) : detail;
}

Failure Failure::fromProblem(int status, const QByteArray& body)
{
    Failure f;
    f.status = status;
    const auto doc = QJsonDocument::fromJson(body);
    f.problem = doc.object();
    f.code = f.problem.value(QStringLiteral("code")).toString();
    if (f.code.isEmpty())
        f.code = QStringLiteral("http_%1").arg(status);
    f.message = messageFor(f.code, f.problem);
    f.transient = status == 502 || status == 503 || status == 504 ||
                  f.code == QLatin1String("idempotency_key_in_flight");
    return f;
}

Failure Failure::network(const QString& detail)
{
    Failure f;
    f.code = QStringLiteral("network");
    f.message = tr("The server cannot be reached (%1). Nothing is lost: try again.").arg(detail);
    f.transient = true;
    return f;
}

Failure Failure::unreadable(int status, const QString& detail)
{
    Failure f;
    f.status = status;
    f.code = QStringLiteral("unreadable");
    f.message = tr("The server's answer could not be read: %1").arg(detail);
    return f;
}

} // namespace ticketing::client
