#include "client/SyncClient.h"
#include "support/Accounts.h"
#include "support/DropProxy.h"
#include "support/Sales.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace ticketing;
using namespace ticketing::test;
using client::SyncClient;

// common/client's SyncClient against a real ticketd, through a relay that can cut the socket:
// the snapshot and the deltas keep a copy equal to GET /availability at the same seq, and after
// a drop it reconnects by itself and resumes with `since`, missing nothing.
class TestSyncClient : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    QString m_buyer;

    HttpResult holdSeat(const Sale& sale, const QString& label)
    {
        auto headers = bearer(m_buyer);
        headers.append({"Idempotency-Key", "sync-" + label.toUtf8()});
        return m_t.http->send(
            "POST", QStringLiteral("/api/v1/bookings/hold"),
            QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                      {QStringLiteral("seat_ids"),
                                       QJsonArray{sale.seatByLabel.value(label)}}})
                .toJson(QJsonDocument::Compact),
            headers);
    }

    // The client's copy against the server's answer: the same seq, seats and tier counts.
    static bool sameAsServer(const SyncClient& sync, const domain::EventId& event,
                             const QJsonObject& server, QString* why)
    {
        const auto* mine = sync.availability(event);
        if (!mine)
            return (*why = QStringLiteral("no snapshot yet")), false;
        if (mine->seq != server.value(QStringLiteral("seq")).toInteger())
            return (*why = QStringLiteral("seq %1 against %2")
                               .arg(mine->seq)
                               .arg(server.value(QStringLiteral("seq")).toInteger())),
                   false;
        std::map<std::string, std::string> theirs;
        for (const auto& s : server.value(QStringLiteral("seats")).toArray())
            theirs[s.toObject().value(QStringLiteral("seat_id")).toString().toStdString()] =
                s.toObject().value(QStringLiteral("status")).toString().toStdString();
        for (const auto& s : mine->seats)
            if (theirs[s.seat.toString()] != domain::toString(s.status))
                return (*why = QString::fromStdString(s.label)), false;
        for (const auto& t : server.value(QStringLiteral("tiers")).toArray())
            for (const auto& m : mine->tiers)
                if (m.tier.toString() ==
                        t.toObject().value(QStringLiteral("tier_id")).toString().toStdString() &&
                    (m.held != t.toObject().value(QStringLiteral("held")).toInt() ||
                     m.available != t.toObject().value(QStringLiteral("available")).toInt()))
                    return (*why = QStringLiteral("tier counts")), false;
        return true;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start());
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_buyer = m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
    }
    void cleanup() { m_t.finish(); }

    void followsAndResumesAfterADrop()
    {
        const auto sale = openSale(*m_t.http, m_org);
        const auto event = *domain::EventId::parse(sale.event.toStdString());
        DropProxy proxy(m_t.server->port());
        QVERIFY(proxy.listen());
        SyncClient sync(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())),
                        SyncClient::Options{std::chrono::milliseconds(100),
                                            std::chrono::milliseconds(25000), true});
        QSignalSpy snapshots(&sync, &SyncClient::snapshot);
        QSignalSpy changes(&sync, &SyncClient::seatsChanged);
        QSignalSpy states(&sync, &SyncClient::stateChanged);
        sync.subscribe(event);
        QTRY_COMPARE(snapshots.count(), 1);
        QCOMPARE(sync.state(), SyncClient::State::Online);
        auto server = [&] {
            return m_t.http
                ->get(QStringLiteral("/api/v1/events/") + sale.event +
                      QStringLiteral("/availability"))
                .json();
        };
        QString why;
        QVERIFY2(sameAsServer(sync, event, server(), &why), qPrintable(why));

        QCOMPARE(holdSeat(sale, QStringLiteral("MAIN-A-1")).status, 201);
        QTRY_VERIFY(changes.count() >= 1);
        QTRY_VERIFY2(sameAsServer(sync, event, server(), &why), qPrintable(why));

        // The socket is cut; two holds are made meanwhile; it comes back by itself.
        proxy.setDown(true);
        QTRY_COMPARE(sync.state(), SyncClient::State::Reconnecting);
        QCOMPARE(holdSeat(sale, QStringLiteral("MAIN-A-2")).status, 201);
        QCOMPARE(holdSeat(sale, QStringLiteral("MAIN-B-3")).status, 201);
        proxy.setDown(false);
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Online, 10000);
        QTRY_VERIFY2(sameAsServer(sync, event, server(), &why), qPrintable(why));
        QCOMPARE(sync.reconnections(), 1);
        QCOMPARE(snapshots.count(), 1); // resumed with `since`: the missed deltas, no snapshot
        // Connecting -> Online, then Reconnecting -> Online: what the status bar shows.
        QCOMPARE(states.count(), 3);
        QCOMPARE(states[0][0].value<SyncClient::State>(), SyncClient::State::Online);
        QCOMPARE(states[1][0].value<SyncClient::State>(), SyncClient::State::Reconnecting);
        QCOMPARE(states[2][0].value<SyncClient::State>(), SyncClient::State::Online);
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "TestSyncClient.moc"
