#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing::test;

// API.md "Waitlist" against a real ticketd whose holds and offers last two seconds: a sold-out
// tier's queue, units that come back offered to the first entry they can serve as a hold for
// that entrant (sold to no one else), an offer that lapses passing to the next entry, a claimed
// offer, the organizer's view, and leaving.
class TestWaitlist : public QObject
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
        h.append({"Idempotency-Key", "wait-" + QByteArray::number(++m_keys)});
        return h;
    }
    HttpResult holdStanding(const QString& token, const Sale& sale, int quantity)
    {
        return m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                              json({{QStringLiteral("event_id"), sale.event},
                                    {QStringLiteral("ticket_tier_id"), sale.standingTier},
                                    {QStringLiteral("quantity"), quantity}}),
                              keyed(token));
    }
    HttpResult join(const QString& token, const Sale& sale, const QString& tier, int quantity)
    {
        return m_t.http->send("POST", QStringLiteral("/api/v1/events/%1/waitlist").arg(sale.event),
                              json({{QStringLiteral("ticket_tier_id"), tier},
                                    {QStringLiteral("quantity"), quantity}}),
                              bearer(token));
    }
    // The entrant's live entry for the sale, as GET /users/me/waitlist shows it.
    QJsonObject entryOf(const QString& token, const QString& id)
    {
        const auto list =
            m_t.http->send("GET", QStringLiteral("/api/v1/users/me/waitlist"), {}, bearer(token));
        for (const auto& e : list.json().value(QStringLiteral("items")).toArray())
            if (e.toObject().value(QStringLiteral("entry_id")).toString() == id)
                return e.toObject();
        return {};
    }
    QString statusOf(const QString& token, const QString& id)
    {
        return entryOf(token, id).value(QStringLiteral("status")).toString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start({QStringLiteral("TICKETING_HOLD_TTL_SECONDS=2"),
                           QStringLiteral("TICKETING_WAITLIST_OFFER_SECONDS=2")}));
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
    }
    void cleanup() { m_t.finish(); }

    void offersGoDownTheQueue()
    {
        // Two standing places, both held by Ann: sold out.
        const auto sale = openSale(*m_t.http, m_org, 2, 5, 2, 2);
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto bob = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        const auto cat = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("cat@example.com"));
        const auto eve = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("eve@example.com"));
        QCOMPARE(holdStanding(ann, sale, 2).status, 201);

        // The seated tier has free seats: no queue for it.
        const auto open = join(bob, sale, sale.seatedTier, 1);
        QCOMPARE(open.status, 409);
        QCOMPARE(open.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_sold_out"));

        const auto b = join(bob, sale, sale.standingTier, 2);
        QCOMPARE(b.status, 201);
        QCOMPARE(b.json().value(QStringLiteral("position")).toInt(), 1);
        QCOMPARE(b.json().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QCOMPARE(join(bob, sale, sale.standingTier, 1).status, 409); // already waiting
        const auto c = join(cat, sale, sale.standingTier, 1);
        QCOMPARE(c.status, 201);
        QCOMPARE(c.json().value(QStringLiteral("position")).toInt(), 2);
        const auto bobEntry = b.json().value(QStringLiteral("entry_id")).toString();
        const auto catEntry = c.json().value(QStringLiteral("entry_id")).toString();

        // Ann's hold ends: both places go to Bob, the first entry they can serve.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(bob, bobEntry), QStringLiteral("offered"), 10000);
        const auto offer = entryOf(bob, bobEntry);
        const auto offered = offer.value(QStringLiteral("booking_id")).toString();
        QVERIFY(!offered.isEmpty());
        QVERIFY(!offer.value(QStringLiteral("offer_expires_at")).toString().isEmpty());
        const auto booking =
            m_t.http->send("GET", QStringLiteral("/api/v1/bookings/") + offered, {}, bearer(bob));
        QCOMPARE(booking.status, 200);
        QCOMPARE(booking.json().value(QStringLiteral("line_items")).toArray().size(), 2);
        QCOMPARE(booking.json().value(QStringLiteral("user_id")),
                 offer.value(QStringLiteral("user_id")));
        // Nobody else can have them meanwhile.
        const auto stolen = holdStanding(eve, sale, 1);
        QCOMPARE(stolen.status, 409);
        QCOMPARE(stolen.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("sold_out"));
        // Bob was told, by mail.
        {
            pqxx::connection db(m_t.db->url());
            pqxx::read_transaction tx(db);
            QCOMPARE(tx.exec1("SELECT count(*) FROM notifications WHERE kind = 'waitlist_offer' "
                              "AND email = 'bob@example.com'")[0]
                         .as<int>(),
                     1);
        }
        // The organizer sees the queue in order.
        const auto queue = m_t.http->send(
            "GET", QStringLiteral("/api/v1/events/%1/waitlist").arg(sale.event), {}, bearer(m_org));
        QCOMPARE(queue.status, 200);
        const auto items = queue.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toObject().value(QStringLiteral("entry_id")).toString(), bobEntry);
        QCOMPARE(items[1].toObject().value(QStringLiteral("position")).toInt(), 1); // Cat, next
        QCOMPARE(m_t.http
                     ->send("GET", QStringLiteral("/api/v1/events/%1/waitlist").arg(sale.event), {},
                            bearer(eve))
                     .status,
                 403);

        // Bob lets it run out: it lapses and passes to Cat, who wants one of the two.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(cat, catEntry), QStringLiteral("offered"), 10000);
        QCOMPARE(statusOf(bob, bobEntry), QStringLiteral("lapsed"));
        const auto catBooking =
            entryOf(cat, catEntry).value(QStringLiteral("booking_id")).toString();

        // Cat pays at the box office (for her): the offer is claimed.
        const auto box =
            m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        QVERIFY(!openShift(*m_t.http, box).isEmpty());
        const auto cash = m_t.http->send("POST", QStringLiteral("/api/v1/payments/intent"),
                                         json({{QStringLiteral("booking_id"), catBooking},
                                               {QStringLiteral("method"), QStringLiteral("cash")}}),
                                         keyed(box));
        QCOMPARE(cash.status, 201);
        const auto confirmed = m_t.http->send(
            "POST", QStringLiteral("/api/v1/bookings/confirm"),
            json({{QStringLiteral("booking_id"), catBooking},
                  {QStringLiteral("payment_id"), cash.json().value(QStringLiteral("payment_id"))}}),
            keyed(box));
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(statusOf(cat, catEntry), QStringLiteral("claimed"));
        // The other place is on sale again for anyone.
        QCOMPARE(holdStanding(eve, sale, 1).status, 201);
    }

    // Leaving: a waiting entry leaves the queue (once); an offered one lets its hold go to the
    // next entry at once.
    void leavingTheQueue()
    {
        const auto sale = openSale(*m_t.http, m_org, 2, 5, 1, 1);
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto bob = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        const auto cat = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("cat@example.com"));
        const auto held = holdStanding(ann, sale, 1);
        QCOMPARE(held.status, 201);
        const auto b = join(bob, sale, sale.standingTier, 1).json();
        const auto c = join(cat, sale, sale.standingTier, 1).json();
        const auto bobEntry = b.value(QStringLiteral("entry_id")).toString();
        const auto catEntry = c.value(QStringLiteral("entry_id")).toString();
        // Ann lets her hold go: Bob is offered it at once.
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                held.json().value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(ann))
                     .status,
                 200);
        QCOMPARE(statusOf(bob, bobEntry), QStringLiteral("offered"));
        // Bob leaves: Cat has it.
        QCOMPARE(
            m_t.http
                ->send("DELETE", QStringLiteral("/api/v1/waitlist/") + bobEntry, {}, bearer(bob))
                .status,
            204);
        QCOMPARE(statusOf(cat, catEntry), QStringLiteral("offered"));
        QCOMPARE(
            m_t.http
                ->send("DELETE", QStringLiteral("/api/v1/waitlist/") + bobEntry, {}, bearer(bob))
                .status,
            404);
        // Someone else's entry is not theirs to remove.
        QCOMPARE(
            m_t.http
                ->send("DELETE", QStringLiteral("/api/v1/waitlist/") + catEntry, {}, bearer(ann))
                .status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestWaitlist)
#include "TestWaitlist.moc"
