#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Nginx.h"
#include "support/Sales.h"
#include "support/SyncClient.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace ticketing::test;

// packaging/nginx/ticketd.conf as shipped, in front of a real ticketd (issue 13): only its
// upstream lines and its listen address are changed for the test. Requests, a hold, the live
// seat map's WebSocket and the client's address all go through it; its upstream connections
// are kept and reused.
class TestNginx : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    NginxUnderTest m_nginx;
    quint16 m_port = 0;

    bool startNginx(quint16 upstreamPort)
    {
        QFile shipped(
            QStringLiteral(TICKETING_TEST_DATA_DIR "/../../packaging/nginx/ticketd.conf"));
        if (!shipped.open(QIODevice::ReadOnly))
            return false;
        auto conf = QString::fromUtf8(shipped.readAll());
        // The three example instances become the test's one; the rest is used as it is.
        conf.replace(
            QRegularExpression(QStringLiteral(R"(server 127\.0\.0\.1:808\d max_fails=0;)")),
            QString());
        conf.replace(QStringLiteral("    keepalive 64;"),
                     QStringLiteral("    server 127.0.0.1:%1 max_fails=0;\n    keepalive 64;")
                         .arg(upstreamPort));
        m_port = freePort();
        conf.replace(QStringLiteral("    listen 80;"),
                     QStringLiteral("    listen 127.0.0.1:%1;").arg(m_port));
        return m_nginx.start(conf, QStringLiteral("http://127.0.0.1:%1/healthz").arg(m_port));
    }

private Q_SLOTS:
    void cleanup()
    {
        m_nginx.stop();
        if (QTest::currentTestFailed())
            qWarning().noquote() << "nginx said:" << m_nginx.log();
        m_t.finish();
    }

    void theShippedFrontServesTheSuite()
    {
        QVERIFY(m_t.start({QStringLiteral("TICKETING_TRUSTED_PROXIES=127.0.0.1")}));
        QVERIFY(startNginx(m_t.server->port()));
        HttpClient front(QStringLiteral("http://127.0.0.1:%1").arg(m_port));

        QCOMPARE(front.get(QStringLiteral("/readyz")).status, 200);
        const auto org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto sale = openSale(front, org);
        QVERIFY(!sale.event.isEmpty());

        // The live seat map through nginx: upgrade, snapshot, then a change.
        SyncClient client;
        QVERIFY(client.open(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(m_port)));
        client.subscribe(sale.event);
        QVERIFY(client.waitUntil([&] { return client.snapshots == 1; }));
        auto headers = bearer(ann);
        headers.append(qMakePair(QByteArray("Idempotency-Key"), QByteArray("through-nginx")));
        headers.append(qMakePair(QByteArray("X-Forwarded-For"), QByteArray("203.0.113.9")));
        const auto held = front.send(
            "POST", QStringLiteral("/api/v1/bookings/hold"),
            QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                      {QStringLiteral("seat_ids"),
                                       QJsonArray{sale.seatByLabel[QStringLiteral("MAIN-A-1")]}}})
                .toJson(QJsonDocument::Compact),
            headers);
        QCOMPARE(held.status, 201);
        QVERIFY(client.waitUntil([&] {
            return client.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-1")]) ==
                   QStringLiteral("held");
        }));
        // nginx adds the address it saw to the client's X-Forwarded-For; ticketd trusts nginx,
        // walks the list from the right past the trusted hops, and logs the client. (The
        // test's client is on loopback too, so here the address it sent is the one named.)
        bool named = false;
        for (const auto& line : m_t.server->log().split('\n'))
            if (line.contains("\"path\":\"/api/v1/bookings/hold\""))
                named = line.contains("\"remote\":\"203.0.113.9\"");
        QVERIFY(named);

        // Upstream connections are kept: fifty requests, a handful of connections to ticketd.
        for (int i = 0; i < 50; ++i)
            QCOMPARE(front.get(QStringLiteral("/api/v1/events/") + sale.event).status, 200);
        int open = -1;
        for (const auto& line : m_t.http->get(QStringLiteral("/metrics")).body.split('\n'))
            if (line.startsWith("ticketd_http_connections "))
                open = line.mid(line.indexOf(' ') + 1).toInt();
        QVERIFY2(open >= 1 && open <= 6, qPrintable(QString::number(open)));
    }
};

QTEST_MAIN(TestNginx)
#include "TestNginx.moc"
