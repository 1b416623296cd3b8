#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/SyncClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing::test;

// API.md "Live sync" against real ticketd processes, PostgreSQL and Redis.
class TestLiveSync : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    QString m_buyer;
    int m_keys = 0;

    QString wsUrl(const TicketdProcess& t) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(t.port());
    }

    HttpResult hold(HttpClient& http, const Sale& sale, const QStringList& labels)
    {
        QJsonArray ids;
        for (const auto& l : labels)
            ids.append(sale.seatByLabel.value(l));
        auto headers = bearer(m_buyer);
        headers.append({"Idempotency-Key", QByteArray("live-") + QByteArray::number(++m_keys)});
        return http.send("POST", QStringLiteral("/api/v1/bookings/hold"),
                         QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                                   {QStringLiteral("seat_ids"), ids}})
                             .toJson(QJsonDocument::Compact),
                         headers);
    }

    QJsonObject availability(const Sale& sale)
    {
        return m_t.http
            ->get(QStringLiteral("/api/v1/events/") + sale.event + QStringLiteral("/availability"))
            .json();
    }

    // Waits until the client has caught up with the server, then compares.
    void expectInStep(SyncClient& client, const Sale& sale)
    {
        QString why;
        const bool same = client.waitUntil([&] {
            const auto a = availability(sale);
            return client.seq >= a.value(QStringLiteral("seq")).toInteger() &&
                   client.matches(a, &why);
        });
        QVERIFY2(same, qPrintable(why));
        QVERIFY(!client.gap);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start());
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_buyer = m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
    }
    void cleanup() { m_t.finish(); }

    void aSnapshotThenEveryChangeInOrder()
    {
        const auto sale = openSale(*m_t.http, m_org);
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(client.waitUntil([&] { return !client.received.isEmpty(); }));
        QCOMPARE(client.received.first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("pong"));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        QCOMPARE(client.seats.size(), 10);

        const auto booking =
            hold(*m_t.http, sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")}).json();
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-1")]) ==
                   QStringLiteral("held");
        }));
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-B-5")}).status, 201);
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                booking.value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_buyer))
                     .status,
                 200);
        expectInStep(client, sale);
        QCOMPARE(client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-1")]),
                 QStringLiteral("available"));
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("held")).toInt(), 1);
        QVERIFY(client.deltas >= 2);
    }

    // API.md "Seat blocks": a block and its release reach subscribers like any change, with the
    // tier's blocked count; a box office hold of a blocked seat that ends puts it back to blocked.
    void blocksReachTheLiveSync()
    {
        const auto sale = openSale(*m_t.http, m_org);
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        const auto seat = [&](const char* label) {
            return sale.seatByLabel[QString::fromLatin1(label)];
        };
        const auto blocks =
            QStringLiteral("/api/v1/events/") + sale.event + QStringLiteral("/blocks");
        const auto body = [&](const QJsonObject& o) {
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        QCOMPARE(m_t.http
                     ->send("POST", blocks,
                            body({{QStringLiteral("seat_ids"),
                                   QJsonArray{seat("MAIN-A-1"), seat("MAIN-A-2")}},
                                  {QStringLiteral("reason"), QStringLiteral("camera")}}),
                            bearer(m_org))
                     .status,
                 200);
        QVERIFY(client.waitUntil(
            [&] { return client.seats.value(seat("MAIN-A-2")) == QStringLiteral("blocked"); }));
        expectInStep(client, sale);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("blocked")).toInt(), 2);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("available")).toInt(), 8);

        // The box office takes one, then lets it go: blocked again, not on sale.
        auto headers = bearer(m_buyer);
        headers.append({"Idempotency-Key", QByteArray("live-blocked")});
        const auto held =
            m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                           body({{QStringLiteral("event_id"), sale.event},
                                 {QStringLiteral("seat_ids"), QJsonArray{seat("MAIN-A-1")}},
                                 {QStringLiteral("include_blocked"), true}}),
                           headers);
        QCOMPARE(held.status, 201);
        QVERIFY(client.waitUntil(
            [&] { return client.seats.value(seat("MAIN-A-1")) == QStringLiteral("held"); }));
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                held.json().value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_buyer))
                     .status,
                 200);
        QVERIFY(client.waitUntil(
            [&] { return client.seats.value(seat("MAIN-A-1")) == QStringLiteral("blocked"); }));
        expectInStep(client, sale);

        QCOMPARE(m_t.http
                     ->send("DELETE", blocks,
                            body({{QStringLiteral("seat_ids"),
                                   QJsonArray{seat("MAIN-A-1"), seat("MAIN-A-2")}}}),
                            bearer(m_org))
                     .status,
                 200);
        QVERIFY(client.waitUntil(
            [&] { return client.seats.value(seat("MAIN-A-2")) == QStringLiteral("available"); }));
        expectInStep(client, sale);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("blocked")).toInt(), 0);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("available")).toInt(),
                 10);
    }

    void aResumeGetsExactlyWhatWasMissed()
    {
        const auto sale = openSale(*m_t.http, m_org);
        qint64 lastSeen = 0;
        QMap<QString, QString> seatsSeen;
        QMap<QString, QJsonObject> tiersSeen;
        {
            SyncClient client;
            QVERIFY(client.open(wsUrl(*m_t.server)));
            client.subscribe(sale.event);
            QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
            QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-A-3")}).status, 201);
            QVERIFY(client.waitUntil([&] { return client.deltas == 1; }));
            lastSeen = client.seq;
            seatsSeen = client.seats;
            tiersSeen = client.tiers;
            client.close();
        }
        // Changes while disconnected.
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-A-4")}).status, 201);
        QCOMPARE(
            hold(*m_t.http, sale, {QStringLiteral("MAIN-B-1"), QStringLiteral("MAIN-B-2")}).status,
            201);
        // Stamped by the relay (one pass may carry both changes in one delta).
        QVERIFY(QTest::qWaitFor(
            [&] { return availability(sale).value(QStringLiteral("seq")).toInteger() > lastSeen; },
            5000));

        SyncClient resumed;
        QVERIFY(resumed.open(wsUrl(*m_t.server)));
        // The client's state from before, as a front end would have kept it.
        resumed.seq = lastSeen;
        resumed.seats = seatsSeen;
        resumed.tiers = tiersSeen;
        resumed.subscribe(sale.event, lastSeen);
        expectInStep(resumed, sale);
        QCOMPARE(resumed.snapshots, 0); // replayed, not reloaded
        QVERIFY(resumed.deltas >= 1);

        SyncClient confused;
        QVERIFY(confused.open(wsUrl(*m_t.server)));
        confused.subscribe(sale.event, 1000000); // ahead of the server: a fresh snapshot
        QVERIFY(confused.waitUntil([&] { return confused.snapshots == 1; }));
        expectInStep(confused, sale);
    }

    void aChangeThroughOneInstanceReachesClientsOfAnother()
    {
        const auto sale = openSale(*m_t.http, m_org);
        TicketdProcess other;
        QVERIFY(other.start({}, m_t.env));
        SyncClient client;
        QVERIFY(client.open(wsUrl(other)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-A-5")}).status,
                 201); // through the first instance
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-5")]) ==
                   QStringLiteral("held");
        }));
        expectInStep(client, sale);
        QCOMPARE(other.stop(), 0);
    }

    void rowsCommittedOutOfOrderAreNotSkipped()
    {
        const auto sale = openSale(*m_t.http, m_org);
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));

        // Two writers: the first takes its outbox id first but commits last.
        auto change = [&](pqxx::work& tx, const QString& label) {
            const auto seat = sale.seatByLabel[label].toStdString();
            tx.exec_params("UPDATE inventory_units SET status = 'blocked', blocked_reason = 'test' "
                           "WHERE event_id = "
                           "$1::uuid AND seat_id = $2::uuid",
                           sale.event.toStdString(), seat);
            // An outbox row as every writer makes it: the seats, the tiers, and the moves.
            tx.exec_params("INSERT INTO outbox (event_id, payload) VALUES ($1::uuid, "
                           "jsonb_build_object('changes', "
                           "jsonb_build_array(jsonb_build_object('seat_id', $2::text)), 'tiers', "
                           "jsonb_build_array($3::text), "
                           "'moves', jsonb_build_array(jsonb_build_object('tier_id', $3::text, "
                           "'from', 'available', "
                           "'to', 'blocked', 'n', 1))))",
                           sale.event.toStdString(), seat, sale.seatedTier.toStdString());
        };
        pqxx::connection first(m_t.db->url());
        pqxx::connection second(m_t.db->url());
        pqxx::work early(first);
        change(early, QStringLiteral("MAIN-A-1"));
        const auto earlyId = early.exec1("SELECT max(id) FROM outbox")[0].as<long long>();
        {
            pqxx::work late(second);
            change(late, QStringLiteral("MAIN-A-2"));
            late.commit(); // a higher id, committed first
        }
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-2")]) ==
                   QStringLiteral("blocked");
        }));
        early.commit();
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-1")]) ==
                   QStringLiteral("blocked");
        }));
        expectInStep(client, sale);
        pqxx::connection c(m_t.db->url());
        pqxx::read_transaction tx(c);
        QVERIFY(!tx.exec_params1("SELECT seq FROM outbox WHERE id = $1", earlyId)[0]
                     .is_null()); // stamped, late
    }

    void countsThatDriftedAreCorrectedWhenARelayTakesOver()
    {
        const auto sale = openSale(*m_t.http, m_org);
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-A-1")}).status, 201);
        QVERIFY(QTest::qWaitFor(
            [&] { return availability(sale).value(QStringLiteral("seq")).toInteger() >= 1; },
            5000));
        m_t.server.reset();
        {
            pqxx::connection c(m_t.db->url());
            pqxx::work tx(c);
            tx.exec_params(
                "UPDATE sync_tier_counts SET available = available + 5 WHERE tier_id = $1::uuid",
                sale.seatedTier.toStdString()); // a bug, or a hand edit
            tx.commit();
        }
        QVERIFY(m_t.restart());
        pqxx::connection c(m_t.db->url());
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                pqxx::read_transaction tx(c);
                return tx
                    .exec_params1("SELECT available FROM sync_tier_counts WHERE tier_id = $1::uuid",
                                  sale.seatedTier.toStdString())[0]
                    .as<int>();
            }(),
            9, 10000);
        QVERIFY(m_t.server->problems().contains("drifted"));
        // The next delta's counts are right again.
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-A-2")}).status, 201);
        QVERIFY(client.waitUntil([&] { return client.deltas >= 1; }));
        expectInStep(client, sale);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("available")).toInt(), 8);
    }

    // The one test that waits for a real hold to end (1 s): that a running ticketd's sweeper is
    // wired, and its announcement reaches a subscriber. When holds end, and what the sweeper
    // writes, is tested on the manual clock (tst_hold_expiry, tst_payment_saga).
    void anExpiredHoldIsAnnouncedByTheSweeper()
    {
        QVERIFY(m_t.restart({QStringLiteral("TICKETING_HOLD_TTL_SECONDS=1")}));
        const auto sale = openSale(*m_t.http, m_org);
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        QCOMPARE(
            hold(*m_t.http, sale, {QStringLiteral("MAIN-B-1"), QStringLiteral("MAIN-B-2")}).status,
            201);
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-B-1")]) ==
                   QStringLiteral("held");
        }));
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-B-1")]) ==
                   QStringLiteral("available");
        }));
        expectInStep(client, sale);
        QCOMPARE(client.tiers.value(sale.seatedTier).value(QStringLiteral("held")).toInt(), 0);
    }

    void compactDeltasCarryTheSameChangesInFewerBytes()
    {
        const auto sale = openSale(*m_t.http, m_org);
        SyncClient full;
        SyncClient compact;
        compact.compact = true;
        QVERIFY(full.open(wsUrl(*m_t.server)));
        QVERIFY(compact.open(wsUrl(*m_t.server)));
        full.subscribe(sale.event);
        compact.subscribe(sale.event);
        QVERIFY(compact.waitUntil([&] { return compact.snapshots == 1 && full.snapshots == 1; }));
        const auto booking = hold(*m_t.http, sale,
                                  {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2"),
                                   QStringLiteral("MAIN-A-3"), QStringLiteral("MAIN-A-4"),
                                   QStringLiteral("MAIN-A-5"), QStringLiteral("MAIN-B-1"),
                                   QStringLiteral("MAIN-B-2"), QStringLiteral("MAIN-B-3")})
                                 .json();
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                booking.value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_buyer))
                     .status,
                 200);
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-B-4")}).status, 201);
        expectInStep(full, sale);
        expectInStep(compact, sale);
        QVERIFY(compact.deltas <=
                full.deltas); // a compact subscriber may get several deltas in one
        QVERIFY2(
            compact.deltaBytes * 2 < full.deltaBytes,
            qPrintable(QStringLiteral("%1 vs %2").arg(compact.deltaBytes).arg(full.deltaBytes)));
        const auto last = compact.received.last();
        QCOMPARE(last.value(QStringLiteral("format")).toString(), QStringLiteral("compact"));
        bool held = false; // MAIN-B-4, the last change (perhaps merged with the release before it)
        for (const auto& c : last.value(QStringLiteral("changes")).toArray())
            held = held || (compact.order.value(c.toArray().at(0).toInt()) ==
                                sale.seatByLabel[QStringLiteral("MAIN-B-4")] &&
                            c.toArray().at(1).toString() == QStringLiteral("h"));
        QVERIFY(held);

        // A compact client resumes with `since` as any other.
        const auto seen = compact.seq;
        compact.close();
        QCOMPARE(hold(*m_t.http, sale, {QStringLiteral("MAIN-B-5")}).status, 201);
        QVERIFY(QTest::qWaitFor(
            [&] { return availability(sale).value(QStringLiteral("seq")).toInteger() > seen; },
            5000));
        SyncClient resumed;
        resumed.compact = true;
        resumed.order = compact.order;
        resumed.seats = compact.seats;
        resumed.tiers = compact.tiers;
        resumed.seq = seen;
        QVERIFY(resumed.open(wsUrl(*m_t.server)));
        resumed.subscribe(sale.event, seen);
        expectInStep(resumed, sale);
        QCOMPARE(resumed.snapshots, 0);

        SyncClient wrong;
        QVERIFY(wrong.open(wsUrl(*m_t.server)));
        wrong.send({{QStringLiteral("type"), QStringLiteral("subscribe")},
                    {QStringLiteral("channel"), QStringLiteral("event:") + sale.event},
                    {QStringLiteral("format"), QStringLiteral("tiny")}});
        QVERIFY(wrong.waitUntil([&] { return !wrong.received.isEmpty(); }));
        QCOMPARE(wrong.received.first().value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_message"));
    }

    void badMessagesGetErrors()
    {
        SyncClient client;
        QVERIFY(client.open(wsUrl(*m_t.server)));
        client.send({{QStringLiteral("type"), QStringLiteral("dance")}});
        client.send({{QStringLiteral("type"), QStringLiteral("subscribe")},
                     {QStringLiteral("channel"), QStringLiteral("weather")}});
        client.subscribe(QStringLiteral("0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d"));
        client.send({{QStringLiteral("type"), QStringLiteral("auth")},
                     {QStringLiteral("token"), QStringLiteral("forged")}});
        QVERIFY(client.waitUntil([&] { return client.received.size() == 4; }));
        QStringList codes;
        for (const auto& m : client.received) {
            QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
            codes << m.value(QStringLiteral("code")).toString();
        }
        codes.sort();
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("invalid_message"), QStringLiteral("invalid_token"),
                              QStringLiteral("not_found"), QStringLiteral("unknown_channel")}));
    }
};

QTEST_GUILESS_MAIN(TestLiveSync)
#include "TestLiveSync.moc"
