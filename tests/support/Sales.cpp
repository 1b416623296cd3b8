#include "support/Sales.h"

#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtDebug>

namespace ticketing::test {

namespace {
QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

// Rows A..(rows) of `perRow` seats in section "MAIN", plus a standing "FLOOR" of `standing`.
QJsonObject hallVenue(int rows, int perRow, int standing)
{
    QJsonArray rowList;
    for (int r = 0; r < rows; ++r) {
        QJsonArray seats;
        for (int n = 1; n <= perRow; ++n)
            seats.append(QJsonObject{
                {QStringLiteral("number"), n}, {QStringLiteral("x"), n}, {QStringLiteral("y"), r}});
        rowList.append(QJsonObject{{QStringLiteral("label"), QString(QChar(u'A' + r))},
                                   {QStringLiteral("seats"), seats}});
    }
    return {
        {QStringLiteral("name"), QStringLiteral("Hall")},
        {QStringLiteral("address"), QStringLiteral("1 Road")},
        {QStringLiteral("city"), QStringLiteral("Leeds")},
        {QStringLiteral("country"), QStringLiteral("GB")},
        {QStringLiteral("latitude"), 53.8},
        {QStringLiteral("longitude"), -1.5},
        {QStringLiteral("timezone"), QStringLiteral("Europe/London")},
        {QStringLiteral("seat_map"),
         QJsonObject{{QStringLiteral("sections"),
                      QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("MAIN")},
                                             {QStringLiteral("name"), QStringLiteral("Stalls")},
                                             {QStringLiteral("kind"), QStringLiteral("seated")},
                                             {QStringLiteral("rows"), rowList}},
                                 QJsonObject{{QStringLiteral("key"), QStringLiteral("FLOOR")},
                                             {QStringLiteral("name"), QStringLiteral("Floor")},
                                             {QStringLiteral("kind"), QStringLiteral("standing")},
                                             {QStringLiteral("capacity"), standing}}}}}}};
}

Sale openSale(HttpClient& http, const QString& organizerToken, int rows, int perRow, int standing,
              int standingQuantity, const QDateTime& start, const QString& seatedPrice,
              const QJsonObject& more)
{
    const auto begins =
        start.isValid() ? start.toUTC() : QDateTime(QDate(2031, 1, 1), QTime(20, 0), Qt::UTC);
    Sale sale;
    const auto venue = http.send("POST", QStringLiteral("/api/v1/venues"),
                                 json(hallVenue(rows, perRow, standing)), bearer(organizerToken))
                           .json();
    for (const auto& r : venue.value(QStringLiteral("seat_map"))
                             .toObject()
                             .value(QStringLiteral("sections"))
                             .toArray()[0]
                             .toObject()
                             .value(QStringLiteral("rows"))
                             .toArray())
        for (const auto& s : r.toObject().value(QStringLiteral("seats")).toArray())
            sale.seatByLabel[s.toObject().value(QStringLiteral("label")).toString()] =
                s.toObject().value(QStringLiteral("id")).toString();
    QJsonObject body{
        {QStringLiteral("venue_id"), venue.value(QStringLiteral("id"))},
        {QStringLiteral("title"), QStringLiteral("Gig")},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("genre"), QStringLiteral("music")},
        {QStringLiteral("start_time"), begins.toString(Qt::ISODate)},
        {QStringLiteral("end_time"), begins.addSecs(3 * 3600).toString(Qt::ISODate)},
        {QStringLiteral("currency"), QStringLiteral("GBP")},
        {QStringLiteral("tiers"),
         QJsonArray{
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Stalls")},
                         {QStringLiteral("price"), seatedPrice},
                         {QStringLiteral("section_keys"), QJsonArray{QStringLiteral("MAIN")}}},
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Floor")},
                         {QStringLiteral("price"), QStringLiteral("25.50")},
                         {QStringLiteral("section_key"), QStringLiteral("FLOOR")},
                         {QStringLiteral("quantity"), standingQuantity}}}}};
    for (auto it = more.begin(); it != more.end(); ++it)
        body[it.key()] = it.value();
    auto event =
        http.send("POST", QStringLiteral("/api/v1/events"), json(body), bearer(organizerToken))
            .json();
    sale.event = event.value(QStringLiteral("id")).toString();
    sale.seatedTier = event.value(QStringLiteral("tiers"))
                          .toArray()[0]
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toString();
    sale.standingTier = event.value(QStringLiteral("tiers"))
                            .toArray()[1]
                            .toObject()
                            .value(QStringLiteral("id"))
                            .toString();
    auto published = http.send(
        "POST", QStringLiteral("/api/v1/events/") + sale.event + QStringLiteral("/publish"), {},
        bearer(organizerToken));
    if (published.status != 200)
        qWarning() << published.body;
    return sale;
}

QString openShift(HttpClient& http, const QString& agentToken, const QString& currency,
                  const QString& openingFloat)
{
    const auto r =
        http.send("POST", QStringLiteral("/api/v1/boxoffice/shifts"),
                  QJsonDocument(QJsonObject{{QStringLiteral("currency"), currency},
                                            {QStringLiteral("opening_float"), openingFloat}})
                      .toJson(QJsonDocument::Compact),
                  {{"Authorization", "Bearer " + agentToken.toUtf8()}});
    if (r.status != 201)
        return {};
    return r.json().value(QStringLiteral("shift_id")).toString();
}

SoldTickets sellForCash(TicketdUnderTest& t, const QString& organizerToken,
                        const QStringList& labels, const QString& boxEmail)
{
    SoldTickets out;
    const auto sale = openSale(*t.http, organizerToken);
    out.event = sale.event;
    out.box = t.signUp(QStringLiteral("box_office"), boxEmail);
    openShift(*t.http, out.box);
    QJsonArray seats;
    for (const auto& l : labels)
        seats.append(sale.seatByLabel.value(l));
    auto keyed = [&](const char* key) {
        auto h = bearer(out.box);
        h.append({"Idempotency-Key", QByteArray(key) + boxEmail.toUtf8()});
        return h;
    };
    const auto held = t.http->send(
        "POST", QStringLiteral("/api/v1/bookings/hold"),
        json({{QStringLiteral("event_id"), sale.event}, {QStringLiteral("seat_ids"), seats}}),
        keyed("hold"));
    out.booking = held.json().value(QStringLiteral("booking_id")).toString();
    const auto cash = t.http->send("POST", QStringLiteral("/api/v1/payments/intent"),
                                   json({{QStringLiteral("booking_id"), out.booking},
                                         {QStringLiteral("method"), QStringLiteral("cash")}}),
                                   keyed("intent"));
    const auto confirmed = t.http->send(
        "POST", QStringLiteral("/api/v1/bookings/confirm"),
        json({{QStringLiteral("booking_id"), out.booking},
              {QStringLiteral("payment_id"), cash.json().value(QStringLiteral("payment_id"))}}),
        keyed("confirm"));
    for (const auto& ticket : confirmed.json().value(QStringLiteral("tickets")).toArray()) {
        out.tickets << ticket.toObject().value(QStringLiteral("ticket_id")).toString();
        out.codes << ticket.toObject().value(QStringLiteral("qr_code")).toString();
    }
    return out;
}

namespace {
QList<QPair<QByteArray, QByteArray>> freshKey(const QString& token)
{
    auto h = bearer(token);
    h.append({"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return h;
}
} // namespace

CashPaid payInCash(HttpClient& http, const QString& agentToken, const QString& booking)
{
    CashPaid out;
    out.payment = http.send("POST", QStringLiteral("/api/v1/payments/intent"),
                            json({{QStringLiteral("booking_id"), booking},
                                  {QStringLiteral("method"), QStringLiteral("cash")}}),
                            freshKey(agentToken))
                      .json();
    out.booking = http.send("POST", QStringLiteral("/api/v1/bookings/confirm"),
                            json({{QStringLiteral("booking_id"), booking},
                                  {QStringLiteral("payment_id"),
                                   out.payment.value(QStringLiteral("payment_id"))}}),
                            freshKey(agentToken))
                      .json();
    return out;
}

QJsonObject sellToCustomer(HttpClient& http, const QString& agentToken, const Sale& sale,
                           const QStringList& labels, const QString& email)
{
    QJsonArray seats;
    for (const auto& l : labels)
        seats.append(sale.seatByLabel.value(l));
    QJsonObject customer{{QStringLiteral("name"), QStringLiteral("Ada Lovelace")}};
    if (!email.isEmpty())
        customer[QStringLiteral("email")] = email;
    const auto held = http.send("POST", QStringLiteral("/api/v1/bookings/hold"),
                                json({{QStringLiteral("event_id"), sale.event},
                                      {QStringLiteral("seat_ids"), seats},
                                      {QStringLiteral("customer"), customer}}),
                                freshKey(agentToken));
    return payInCash(http, agentToken, held.json().value(QStringLiteral("booking_id")).toString())
        .booking;
}

} // namespace ticketing::test
