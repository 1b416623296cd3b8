#include "support/Accounts.h"
#include "support/AtOnce.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing::test;

// API.md "Promo codes and group discounts", as a buyer meets them: a hold with a promo code is
// priced by domain::price in the hold's transaction, refused whole (409 promo_code_invalid with
// its reason) when the code cannot be used, counts one use from the hold on (exact under
// concurrency) and gives it back when the hold or the booking ends; refunds return what was
// paid. Against a real ticketd, PostgreSQL and Redis.
class TestPromoHolds : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    int m_keys = 0;

    static QByteArray json(const QJsonObject& o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QList<QPair<QByteArray, QByteArray>> keyed(const QString& token)
    {
        auto h = bearer(token);
        h.append({"Idempotency-Key", "promo-" + QByteArray::number(++m_keys)});
        return h;
    }

    HttpResult addCode(const Sale& sale, QJsonObject code)
    {
        if (!code.contains(QStringLiteral("kind")))
            code[QStringLiteral("kind")] = QStringLiteral("percent");
        return m_t.http->send("POST",
                              QStringLiteral("/api/v1/events/%1/promo-codes").arg(sale.event),
                              json(code), bearer(m_org));
    }

    // The event's codes by their text, as the organizer lists them.
    QMap<QString, QJsonObject> codes(const Sale& sale)
    {
        QMap<QString, QJsonObject> out;
        const auto list =
            m_t.http->send("GET", QStringLiteral("/api/v1/events/%1/promo-codes").arg(sale.event),
                           {}, bearer(m_org));
        for (const auto& c : list.json().value(QStringLiteral("items")).toArray())
            out[c.toObject().value(QStringLiteral("code")).toString()] = c.toObject();
        return out;
    }
    int uses(const Sale& sale, const QString& code)
    {
        return codes(sale).value(code).value(QStringLiteral("uses")).toInt(-1);
    }

    HttpResult hold(const QString& token, const Sale& sale, const QStringList& labels,
                    const QString& promo = {}, const QJsonObject& customer = {})
    {
        QJsonArray seats;
        for (const auto& l : labels)
            seats.append(sale.seatByLabel.value(l));
        QJsonObject body{{QStringLiteral("event_id"), sale.event},
                         {QStringLiteral("seat_ids"), seats}};
        if (!promo.isEmpty())
            body[QStringLiteral("promo_code")] = promo;
        if (!customer.isEmpty())
            body[QStringLiteral("customer")] = customer;
        return m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"), json(body),
                              keyed(token));
    }
    HttpResult holdStanding(const QString& token, const Sale& sale, int quantity,
                            const QString& promo = {})
    {
        QJsonObject body{{QStringLiteral("event_id"), sale.event},
                         {QStringLiteral("ticket_tier_id"), sale.standingTier},
                         {QStringLiteral("quantity"), quantity}};
        if (!promo.isEmpty())
            body[QStringLiteral("promo_code")] = promo;
        return m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"), json(body),
                              keyed(token));
    }

    static QString reasonOf(const HttpResult& r)
    {
        if (r.status != 409 || r.json().value(QStringLiteral("code")).toString() !=
                                   QStringLiteral("promo_code_invalid"))
            return QStringLiteral("(%1 %2)").arg(r.status).arg(QString::fromUtf8(r.body));
        return r.json().value(QStringLiteral("reason")).toString();
    }

    static QString money(const QJsonObject& o, const char* field)
    {
        return o.value(QLatin1String(field)).toString();
    }

    // The line items' discounts, in the booking's order.
    static QStringList itemDiscounts(const QJsonObject& booking)
    {
        QStringList out;
        for (const auto& i : booking.value(QStringLiteral("line_items")).toArray())
            out << i.toObject().value(QStringLiteral("discount")).toString();
        return out;
    }

    QString seatStatus(const Sale& sale, const QString& label)
    {
        const auto a =
            m_t.http->get(QStringLiteral("/api/v1/events/%1/availability").arg(sale.event)).json();
        for (const auto& s : a.value(QStringLiteral("seats")).toArray())
            if (s.toObject().value(QStringLiteral("label")).toString() == label)
                return s.toObject().value(QStringLiteral("status")).toString();
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start());
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
    }
    void cleanup() { m_t.finish(); }

    // A percent code on two seats: each item keeps its list price and carries its share; the
    // booking reads back the same; the quote said the same beforehand; a release gives the use
    // back.
    void aHoldPaysWhatTheCodeTakes()
    {
        const auto sale = openSale(*m_t.http, m_org);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("Ten")},
                                {QStringLiteral("value"), 10},
                                {QStringLiteral("max_uses"), 5}})
                     .status,
                 201);
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const QStringList seats{QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")};

        const auto quote =
            m_t.http->get(QStringLiteral("/api/v1/events/%1/quote?promo_code=TEN&seat_ids=%2,%3")
                              .arg(sale.event, sale.seatByLabel.value(seats[0]),
                                   sale.seatByLabel.value(seats[1])));
        QCOMPARE(quote.status, 200);

        const auto held = hold(ann, sale, seats, QStringLiteral("ten"));
        QCOMPARE(held.status, 201);
        const auto b = held.json();
        QCOMPARE(money(b, "subtotal"), QStringLiteral("80.00"));
        QCOMPARE(money(b, "discount"), QStringLiteral("8.00"));
        QCOMPARE(money(b, "total"), QStringLiteral("72.00"));
        QCOMPARE(money(b, "total"), money(quote.json(), "total"));
        QCOMPARE(itemDiscounts(b), (QStringList{QStringLiteral("4.00"), QStringLiteral("4.00")}));
        for (const auto& i : b.value(QStringLiteral("line_items")).toArray())
            QCOMPARE(money(i.toObject(), "price"), QStringLiteral("40.00"));
        const auto applied = b.value(QStringLiteral("applied")).toArray();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied[0].toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("promo_code"));
        QCOMPARE(applied[0].toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("Ten")); // as the event spells it
        QCOMPARE(applied[0].toObject().value(QStringLiteral("discount")).toString(),
                 QStringLiteral("8.00"));
        QCOMPARE(uses(sale, QStringLiteral("Ten")), 1);

        const auto id = b.value(QStringLiteral("booking_id")).toString();
        const auto read =
            m_t.http->send("GET", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(ann));
        QCOMPARE(read.json().value(QStringLiteral("line_items")),
                 b.value(QStringLiteral("line_items")));
        QCOMPARE(read.json().value(QStringLiteral("applied")), b.value(QStringLiteral("applied")));
        QCOMPARE(money(read.json(), "total"), QStringLiteral("72.00"));

        // Released: the use comes back.
        QCOMPARE(m_t.http->send("DELETE", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(ann))
                     .status,
                 200);
        QCOMPARE(uses(sale, QStringLiteral("Ten")), 0);

        // Without a code, nothing applies and the list prices are paid.
        const auto plain = hold(ann, sale, seats);
        QCOMPARE(plain.status, 201);
        QCOMPARE(money(plain.json(), "discount"), QStringLiteral("0.00"));
        QCOMPARE(plain.json().value(QStringLiteral("applied")).toArray().size(), 0);
    }

    // Every reason a code cannot be used refuses the whole hold with that reason, and nothing
    // is held: the same seat is free for the next buyer.
    void everyRefusalRefusesTheWholeHold()
    {
        const auto sale = openSale(*m_t.http, m_org);
        auto add = [&](const QString& code, QJsonObject more) {
            more[QStringLiteral("code")] = code;
            if (!more.contains(QStringLiteral("value")))
                more[QStringLiteral("value")] = 20;
            return addCode(sale, more).status;
        };
        QCOMPARE(add(QStringLiteral("LATER"),
                     {{QStringLiteral("valid_from"), QStringLiteral("2030-12-01T00:00:00Z")}}),
                 201);
        QCOMPARE(add(QStringLiteral("GONE"),
                     {{QStringLiteral("valid_until"), QStringLiteral("2020-01-01T00:00:00Z")}}),
                 201);
        QCOMPARE(add(QStringLiteral("ONCE"), {{QStringLiteral("max_uses"), 1}}), 201);
        QCOMPARE(add(QStringLiteral("MINE"), {{QStringLiteral("per_user"), 1}}), 201);
        QCOMPARE(add(QStringLiteral("FLOORONLY"),
                     {{QStringLiteral("tier_ids"), QJsonArray{sale.standingTier}}}),
                 201);
        QCOMPARE(add(QStringLiteral("THREEUP"), {{QStringLiteral("min_quantity"), 3}}), 201);

        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto bob = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        const QStringList a1{QStringLiteral("MAIN-A-1")};
        const QStringList two{QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")};

        QCOMPARE(reasonOf(hold(ann, sale, a1, QStringLiteral("NOPE"))), QStringLiteral("unknown"));
        QCOMPARE(reasonOf(hold(ann, sale, a1, QStringLiteral("later"))),
                 QStringLiteral("not_yet_valid"));
        QCOMPARE(reasonOf(hold(ann, sale, a1, QStringLiteral("gone"))), QStringLiteral("expired"));
        QCOMPARE(reasonOf(hold(ann, sale, a1, QStringLiteral("flooronly"))),
                 QStringLiteral("not_for_these_tiers"));
        QCOMPARE(reasonOf(hold(ann, sale, two, QStringLiteral("threeup"))),
                 QStringLiteral("below_min_quantity"));
        // A code from another event is unknown here.
        const auto other = openSale(*m_t.http, m_org);
        QCOMPARE(addCode(other, {{QStringLiteral("code"), QStringLiteral("ELSEWHERE")},
                                 {QStringLiteral("value"), 5}})
                     .status,
                 201);
        QCOMPARE(reasonOf(hold(ann, sale, a1, QStringLiteral("ELSEWHERE"))),
                 QStringLiteral("unknown"));
        // The problem names the code and says why, for a person to read.
        const auto refused = hold(ann, sale, a1, QStringLiteral("gone"));
        QVERIFY(refused.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("gone"), Qt::CaseInsensitive));
        // None of these held anything.
        QCOMPARE(seatStatus(sale, QStringLiteral("MAIN-A-1")), QStringLiteral("available"));

        // Used up: the second buyer finds the one use taken.
        QCOMPARE(hold(ann, sale, a1, QStringLiteral("ONCE")).status, 201);
        QCOMPARE(reasonOf(hold(bob, sale, {QStringLiteral("MAIN-B-1")}, QStringLiteral("ONCE"))),
                 QStringLiteral("used_up"));
        QCOMPARE(seatStatus(sale, QStringLiteral("MAIN-B-1")), QStringLiteral("available"));

        // Per user: ann's second hold with MINE is refused, bob's first is not.
        QCOMPARE(hold(ann, sale, {QStringLiteral("MAIN-A-3")}, QStringLiteral("MINE")).status, 201);
        QCOMPARE(reasonOf(hold(ann, sale, {QStringLiteral("MAIN-A-4")}, QStringLiteral("mine"))),
                 QStringLiteral("per_user_limit"));
        QCOMPARE(hold(bob, sale, {QStringLiteral("MAIN-B-2")}, QStringLiteral("MINE")).status, 201);

        // With enough units of its tiers, the codes that were refused for that apply.
        QCOMPARE(holdStanding(bob, sale, 1, QStringLiteral("FLOORONLY")).status, 201);
        QCOMPARE(hold(bob, sale,
                      {QStringLiteral("MAIN-B-3"), QStringLiteral("MAIN-B-4"),
                       QStringLiteral("MAIN-B-5")},
                      QStringLiteral("THREEUP"))
                     .status,
                 201);
        // A refused hold keeps its answer with its key, like any other refusal.
        auto headers = bearer(ann);
        headers.append({"Idempotency-Key", QByteArray("same-key")});
        const auto body = json({{QStringLiteral("event_id"), sale.event},
                                {QStringLiteral("seat_ids"),
                                 QJsonArray{sale.seatByLabel.value(QStringLiteral("MAIN-A-5"))}},
                                {QStringLiteral("promo_code"), QStringLiteral("GONE")}});
        const auto first =
            m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"), body, headers);
        const auto replay =
            m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"), body, headers);
        QCOMPARE(replay.status, 409);
        QCOMPARE(reasonOf(replay), QStringLiteral("expired"));
        QCOMPARE(replay.json().value(QStringLiteral("detail")),
                 first.json().value(QStringLiteral("detail")));
        QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
    }

    // 100 holds racing for a code with 10 uses: exactly 10 get it, the other 90 are refused as
    // used up, and the code and the bookings agree.
    void racingHoldsTakeExactlyTheUsesThereAre()
    {
        const auto sale = openSale(*m_t.http, m_org, 2, 5, 200, 200);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("RUSH")},
                                {QStringLiteral("value"), 50},
                                {QStringLiteral("max_uses"), 10}})
                     .status,
                 201);
        // Four agents (the box office holds as often as it likes; walk-ins are not counted per
        // user), 25 holds each, all sent at the same moment.
        QStringList agents;
        for (int i = 0; i < 4; ++i)
            agents << m_t.signUp(QStringLiteral("box_office"),
                                 QStringLiteral("agent%1@example.com").arg(i));
        std::vector<ticketing::bench::LoadRequest> requests;
        for (int i = 0; i < 100; ++i)
            requests.push_back(
                {"POST",
                 "/api/v1/bookings/hold",
                 QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                           {QStringLiteral("ticket_tier_id"), sale.standingTier},
                                           {QStringLiteral("quantity"), 1},
                                           {QStringLiteral("promo_code"), QStringLiteral("rush")}})
                     .toJson(QJsonDocument::Compact)
                     .toStdString(),
                 {{"Authorization", "Bearer " + agents[i % 4].toStdString()},
                  {"Idempotency-Key", "rush-" + std::to_string(i)}}});
        int held = 0;
        int usedUp = 0;
        for (const auto& a : atOnce(m_t.server->port(), requests)) {
            const auto body = QJsonDocument::fromJson(QByteArray::fromStdString(a.body)).object();
            if (a.status == 201) {
                ++held;
                QCOMPARE(money(body, "total"), QStringLiteral("12.75"));
            } else if (a.status == 409 && body.value(QStringLiteral("reason")).toString() ==
                                              QStringLiteral("used_up")) {
                ++usedUp;
            } else {
                QFAIL(qPrintable(QStringLiteral("unexpected answer %1 %2")
                                     .arg(a.status)
                                     .arg(QString::fromStdString(a.body))));
            }
        }
        qInfo() << "racing holds:" << held << "held with the code," << usedUp << "used up";
        QCOMPARE(held, 10);
        QCOMPARE(usedUp, 90);
        QCOMPARE(uses(sale, QStringLiteral("RUSH")), 10);
        pqxx::connection c(m_t.db->url());
        pqxx::read_transaction tx(c);
        QCOMPARE(
            tx.exec1("SELECT count(*) FROM bookings WHERE promo_code_id IS NOT NULL")[0].as<int>(),
            10);
        QCOMPARE(
            tx.exec1("SELECT count(*) FROM inventory_units WHERE status = 'held'")[0].as<int>(),
            10);
    }

    // A code's amount off, paid in cash at the box office and refunded: the refund is what was
    // paid, never the list price; the cancelled booking gives its use back.
    void aRefundReturnsWhatWasPaid()
    {
        const auto sale = openSale(*m_t.http, m_org);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("FIFTEEN")},
                                {QStringLiteral("kind"), QStringLiteral("amount")},
                                {QStringLiteral("value"), QStringLiteral("15.00")}})
                     .status,
                 201);
        const auto box =
            m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        QVERIFY(!openShift(*m_t.http, box).isEmpty());
        const auto held = hold(
            box, sale,
            {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2"), QStringLiteral("MAIN-A-3")},
            QStringLiteral("FIFTEEN"),
            {{QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
             {QStringLiteral("email"), QStringLiteral("ada@example.com")}});
        QCOMPARE(held.status, 201);
        QCOMPARE(money(held.json(), "total"), QStringLiteral("105.00"));
        QCOMPARE(
            itemDiscounts(held.json()),
            (QStringList{QStringLiteral("5.00"), QStringLiteral("5.00"), QStringLiteral("5.00")}));
        const auto id = held.json().value(QStringLiteral("booking_id")).toString();
        const auto paid = payInCash(*m_t.http, box, id);
        QCOMPARE(paid.booking.value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(paid.payment.value(QStringLiteral("amount")).toString(), QStringLiteral("105.00"));
        QCOMPARE(uses(sale, QStringLiteral("FIFTEEN")), 1);

        const auto cancelled =
            m_t.http->send("DELETE", QStringLiteral("/api/v1/bookings/") + id, {}, keyed(box));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(cancelled.json()
                     .value(QStringLiteral("refund"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toString(),
                 QStringLiteral("105.00"));
        QCOMPARE(uses(sale, QStringLiteral("FIFTEEN")), 0);
        // The event's report counts the money taken and given back, not the list prices.
        const auto report = m_t.http->send(
            "GET", QStringLiteral("/api/v1/events/%1/report").arg(sale.event), {}, bearer(m_org));
        QCOMPARE(report.status, 200);
        QVERIFY2(report.body.contains("105.00"), report.body.constData());
        QVERIFY2(!report.body.contains("120.00"), report.body.constData());
    }

    // The event's group discount prices a hold that reaches it; of it and a code, the larger
    // wins, and a code that loses is not used.
    void groupDiscountsAndCodesDoNotStack()
    {
        const QJsonArray groups{
            QJsonObject{{QStringLiteral("min_quantity"), 4}, {QStringLiteral("percent"), 10}}};
        const auto sale = openSale(*m_t.http, m_org, 2, 5, 40, 40, {}, QStringLiteral("40.00"),
                                   {{QStringLiteral("group_discounts"), groups}});
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("FIVE")},
                                {QStringLiteral("value"), 5}})
                     .status,
                 201);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("TWENTY")},
                                {QStringLiteral("value"), 20}})
                     .status,
                 201);
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));

        // 4 x 25.50 = 102.00; 10 % = 10.20 over four units: 2.55 each.
        const auto group = holdStanding(ann, sale, 4);
        QCOMPARE(group.status, 201);
        QCOMPARE(money(group.json(), "discount"), QStringLiteral("10.20"));
        QCOMPARE(money(group.json(), "total"), QStringLiteral("91.80"));
        QCOMPARE(itemDiscounts(group.json()), QStringList(4, QStringLiteral("2.55")));
        const auto applied = group.json().value(QStringLiteral("applied")).toArray()[0].toObject();
        QCOMPARE(applied.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("group_discount"));
        QCOMPARE(applied.value(QStringLiteral("min_quantity")).toInt(), 4);
        // Three units do not reach it.
        const auto three = holdStanding(ann, sale, 3);
        QCOMPARE(money(three.json(), "discount"), QStringLiteral("0.00"));

        const auto bob = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        // 5 % of 102.00 loses to the group's 10 %: the group applies, FIVE is not used.
        const auto five = holdStanding(bob, sale, 4, QStringLiteral("FIVE"));
        QCOMPARE(five.status, 201);
        QCOMPARE(money(five.json(), "discount"), QStringLiteral("10.20"));
        QCOMPARE(five.json()
                     .value(QStringLiteral("applied"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("group_discount"));
        QCOMPARE(uses(sale, QStringLiteral("FIVE")), 0);
        // 20 % wins: 20.40, and TWENTY's use counts.
        const auto cat = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("cat@example.com"));
        const auto twenty = holdStanding(cat, sale, 4, QStringLiteral("TWENTY"));
        QCOMPARE(money(twenty.json(), "discount"), QStringLiteral("20.40"));
        QCOMPARE(twenty.json()
                     .value(QStringLiteral("applied"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("TWENTY"));
        QCOMPARE(uses(sale, QStringLiteral("TWENTY")), 1);
    }

    // At the counter, per_user counts the customer's e-mail (in any case, and with the same
    // person's online bookings); walk-ins without an e-mail are not counted.
    void theBoxOfficeCountsTheCustomer()
    {
        const auto sale = openSale(*m_t.http, m_org);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("LOCAL")},
                                {QStringLiteral("value"), 10},
                                {QStringLiteral("per_user"), 1}})
                     .status,
                 201);
        const auto box =
            m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        auto customer = [](const QString& email) {
            QJsonObject c{{QStringLiteral("name"), QStringLiteral("Someone")}};
            if (!email.isEmpty())
                c[QStringLiteral("email")] = email;
            return c;
        };
        QCOMPARE(hold(box, sale, {QStringLiteral("MAIN-A-1")}, QStringLiteral("LOCAL"),
                      customer(QStringLiteral("dan@example.com")))
                     .status,
                 201);
        QCOMPARE(reasonOf(hold(box, sale, {QStringLiteral("MAIN-A-2")}, QStringLiteral("LOCAL"),
                               customer(QStringLiteral("DAN@example.com")))),
                 QStringLiteral("per_user_limit"));
        QCOMPARE(
            hold(box, sale, {QStringLiteral("MAIN-A-3")}, QStringLiteral("LOCAL"), customer({}))
                .status,
            201);
        QCOMPARE(
            hold(box, sale, {QStringLiteral("MAIN-A-4")}, QStringLiteral("LOCAL"), customer({}))
                .status,
            201);
        // Ann used it online; at the counter under her e-mail, she has used it.
        QCOMPARE(hold(ann, sale, {QStringLiteral("MAIN-B-1")}, QStringLiteral("LOCAL")).status,
                 201);
        QCOMPARE(reasonOf(hold(box, sale, {QStringLiteral("MAIN-B-2")}, QStringLiteral("LOCAL"),
                               customer(QStringLiteral("ann@example.com")))),
                 QStringLiteral("per_user_limit"));
        // Her quote, signed in, says so before she tries.
        const auto quote =
            m_t.http->send("GET",
                           QStringLiteral("/api/v1/events/%1/quote?promo_code=LOCAL&seat_ids=%2")
                               .arg(sale.event, sale.seatByLabel.value(QStringLiteral("MAIN-B-3"))),
                           {}, bearer(ann));
        QCOMPARE(reasonOf(quote), QStringLiteral("per_user_limit"));
    }

    // A hold that ends by time gives its use back (the sweeper marks it expired), and the code
    // can be used again.
    void anExpiredHoldGivesItsUseBack()
    {
        QVERIFY(m_t.restart({QStringLiteral("TICKETING_HOLD_TTL_SECONDS=1")}));
        const auto sale = openSale(*m_t.http, m_org);
        QCOMPARE(addCode(sale, {{QStringLiteral("code"), QStringLiteral("SOLO")},
                                {QStringLiteral("value"), 10},
                                {QStringLiteral("max_uses"), 1}})
                     .status,
                 201);
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        QCOMPARE(hold(ann, sale, {QStringLiteral("MAIN-A-1")}, QStringLiteral("SOLO")).status, 201);
        QCOMPARE(uses(sale, QStringLiteral("SOLO")), 1);
        QElapsedTimer waited;
        waited.start();
        while (uses(sale, QStringLiteral("SOLO")) != 0 && waited.elapsed() < 10000)
            QThread::msleep(100);
        QCOMPARE(uses(sale, QStringLiteral("SOLO")), 0);
        qInfo() << "the use came back" << waited.elapsed() << "ms after the hold was made";
        const auto bob = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        QCOMPARE(hold(bob, sale, {QStringLiteral("MAIN-A-1")}, QStringLiteral("SOLO")).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestPromoHolds)
#include "TestPromoHolds.moc"
