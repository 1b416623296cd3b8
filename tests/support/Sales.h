#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ticketing::test {

class HttpClient;
class TicketdUnderTest;

// A published event on a fresh venue, on sale now: section MAIN of `rows` x `perRow` seats
// ("MAIN-A-1" ...) sold as tier "Stalls" at 40.00, and standing section FLOOR of `standing`
// places of which tier "Floor" sells `standingQuantity` at 25.50.
struct Sale
{
    QString event;
    QString seatedTier;
    QString standingTier;
    QMap<QString, QString> seatByLabel; // "MAIN-A-1" -> seat id
};
// `start`: when the event starts (default 2031-01-01T20:00Z); it ends three hours later.
// `seatedPrice`: the Stalls' price (40.00). `more`: other members of the event's body
// (group_discounts, transfers_allowed, ...).
Sale openSale(HttpClient& http, const QString& organizerToken, int rows = 2, int perRow = 5,
              int standing = 20, int standingQuantity = 20, const QDateTime& start = {},
              const QString& seatedPrice = QStringLiteral("40.00"), const QJsonObject& more = {});

QJsonObject hallVenue(int rows, int perRow, int standing);

// API.md "Box office": the agent's shift, open in `currency` with `openingFloat` in the drawer
// (cash is taken only in an open shift). Its id, or empty when it could not be opened.
QString openShift(HttpClient& http, const QString& agentToken,
                  const QString& currency = QStringLiteral("GBP"),
                  const QString& openingFloat = QStringLiteral("100.00"));

// A held booking paid in cash at the box office by `agentToken` (in its open shift) and
// confirmed: the confirmed booking and the cash payment.
struct CashPaid
{
    QJsonObject booking;
    QJsonObject payment;
};
CashPaid payInCash(HttpClient& http, const QString& agentToken, const QString& booking);

// Seats of `sale` held at the box office by `agentToken` for a customer, Ada Lovelace with
// `email` (empty: a walk-in who gave none), paid in cash and confirmed: the booking.
QJsonObject sellToCustomer(HttpClient& http, const QString& agentToken, const Sale& sale,
                           const QStringList& labels,
                           const QString& email = QStringLiteral("ada@example.com"));

// Seats of a fresh openSale sold for cash at the box office by a new agent (`boxEmail`): the
// tickets' ids and credentials in the order of `labels`.
struct SoldTickets
{
    QString event;
    QStringList tickets; // ids
    QStringList codes;   // their credentials
    QString booking;
    QString box; // the agent's access token
};
SoldTickets sellForCash(TicketdUnderTest& t, const QString& organizerToken,
                        const QStringList& labels, const QString& boxEmail);

} // namespace ticketing::test
