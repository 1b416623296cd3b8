#include "client/Failure.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ticketing::client {

// Every string is written out with its literal context: lupdate finds them so.
QString messageFor(const QString& code, const QJsonObject& problem)
{
    const auto detail = problem.value(QStringLiteral("detail")).toString();
    if (code == QLatin1String("seats_unavailable")) {
        const int taken = static_cast<int>(
            problem.value(QStringLiteral("unavailable_seat_ids")).toArray().size());
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "%n seat(s) were taken by someone else meanwhile.",
                                           nullptr, taken);
    }
    if (code == QLatin1String("sold_out")) {
        // (Counted first: lupdate loops on a call in the count argument, or skips it.)
        const int available = problem.value(QStringLiteral("available")).toInt();
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "Not enough places left: %n available.", nullptr,
                                           available);
    }
    if (code == QLatin1String("hold_expired"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The hold has ended; the seats must be held again.");
    if (code == QLatin1String("hold_limit_reached"))
        return QCoreApplication::translate(
            "ticketing::client::Failure",
            "This buyer holds as many places as allowed for this event.");
    if (code == QLatin1String("promo_code_invalid")) {
        const auto reason = problem.value(QStringLiteral("reason")).toString();
        const char* why =
            QT_TRANSLATE_NOOP("ticketing::client::Failure", "The promo code cannot be used.");
        if (reason == QLatin1String("unknown"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure",
                                    "There is no such promo code for this event.");
        else if (reason == QLatin1String("not_yet_valid"))
            why =
                QT_TRANSLATE_NOOP("ticketing::client::Failure", "The promo code is not valid yet.");
        else if (reason == QLatin1String("expired"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure", "The promo code has expired.");
        else if (reason == QLatin1String("used_up"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure",
                                    "The promo code has been used as often as it may.");
        else if (reason == QLatin1String("per_user_limit"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure",
                                    "This customer has used the promo code as often as allowed.");
        else if (reason == QLatin1String("not_for_these_tiers"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure",
                                    "The promo code is not for these tickets.");
        else if (reason == QLatin1String("below_min_quantity"))
            why = QT_TRANSLATE_NOOP("ticketing::client::Failure",
                                    "The promo code needs more tickets in one hold.");
        return QCoreApplication::translate("ticketing::client::Failure", why) + QLatin1Char(' ') +
               QCoreApplication::translate("ticketing::client::Failure", "Nothing was held.");
    }
    if (code == QLatin1String("promo_code_taken"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The event has a promo code with that text already.");
    if (code == QLatin1String("not_on_sale"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "This event is not on sale.");
    if (code == QLatin1String("no_open_shift"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "Open a shift before taking money.");
    if (code == QLatin1String("currency_mismatch"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The shift counts %1; this sale is in %2.")
            .arg(problem.value(QStringLiteral("shift_currency")).toString(),
                 problem.value(QStringLiteral("currency")).toString());
    if (code == QLatin1String("shift_already_open"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "A shift is open already.");
    if (code == QLatin1String("shift_closed"))
        return QCoreApplication::translate("ticketing::client::Failure", "This shift is closed.");
    if (code == QLatin1String("already_paid"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "This booking is paid already.");
    if (code == QLatin1String("card_declined"))
        return QCoreApplication::translate("ticketing::client::Failure", "The card was declined.");
    if (code == QLatin1String("payment_cancelled"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The card payment was cancelled; nothing was charged.");
    if (code == QLatin1String("payment_failed") || code == QLatin1String("processing_error"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The card payment did not go through.");
    if (code == QLatin1String("not_cancellable"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The payment can no longer be cancelled.");
    if (code == QLatin1String("invalid_credentials"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The e-mail or the password is wrong.");
    if (code == QLatin1String("invalid_token") || code == QLatin1String("token_expired"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The session has ended; sign in again.");
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "This account may not do that.");
    if (code == QLatin1String("not_found"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "Not found (it may have been removed).");
    if (code == QLatin1String("rate_limited"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "Too many attempts; wait a moment and try again.");
    if (code == QLatin1String("validation_failed")) {
        QStringList fields;
        for (const auto& e : problem.value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString() +
                          QStringLiteral(": ") +
                          e.toObject().value(QStringLiteral("message")).toString();
        return QCoreApplication::translate("ticketing::client::Failure", "Please correct: %1")
            .arg(fields.join(QStringLiteral("; ")));
    }
    if (code == QLatin1String("overloaded") || code == QLatin1String("database_unavailable") ||
        code == QLatin1String("outcome_unknown"))
        return QCoreApplication::translate("ticketing::client::Failure",
                                           "The server is busy; trying again.");
    return detail.isEmpty()
               ? QCoreApplication::translate("ticketing::client::Failure", "The server refused: %1")
                     .arg(code)
               : detail;
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
    f.message = QCoreApplication::translate(
                    "ticketing::client::Failure",
                    "The server cannot be reached (%1). Nothing is lost: try again.")
                    .arg(detail);
    f.transient = true;
    return f;
}

Failure Failure::unreadable(int status, const QString& detail)
{
    Failure f;
    f.status = status;
    f.code = QStringLiteral("unreadable");
    f.message = QCoreApplication::translate("ticketing::client::Failure",
                                            "The server's answer could not be read: %1")
                    .arg(detail);
    return f;
}

} // namespace ticketing::client
