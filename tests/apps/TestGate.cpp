// The gate scanner's brain against a real ticketd (issue 16): a device enrolled with its code,
// the server deciding first, this device deciding alone when the server is slow or gone (and
// saying so), returning online by itself, the queue uploaded exactly once, also after the app
// was killed, and a ticket cancelled after the last sync refused once the device syncs.
#include "apps/gatescanner/Gate.h"
#include "support/Accounts.h"
#include "support/DropProxy.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ticketing;
using namespace ticketing::test;
using domain::Direction;
using domain::ScanOutcome;
using gate::Gate;
using gate::GateResult;
using gate::OfflineStore;

namespace {
QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestGate : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    SoldTickets m_sold;
    QTemporaryDir m_dir;
    std::unique_ptr<DropProxy> m_proxy;
    std::unique_ptr<client::ApiClient> m_api;
    std::unique_ptr<OfflineStore> m_store;
    std::unique_ptr<Gate> m_gate;
    QList<GateResult> m_results;
    int m_dbs = 0;
    QString m_path;

    static Gate::Options fastOptions()
    {
        Gate::Options o;
        o.bundleEvery = std::chrono::milliseconds(300);
        o.firstBackoff = std::chrono::milliseconds(100);
        o.maxBackoff = std::chrono::milliseconds(400);
        o.settleAfter = std::chrono::milliseconds(1000);
        return o;
    }

    // The device: added by the organizer for the North gate, enrolled with its code through
    // the proxy, its store at `m_path` choosing the sold event.
    bool enroll()
    {
        const auto code = m_t.http
                              ->send("POST", QStringLiteral("/api/v1/checkin/devices"),
                                     json({{QStringLiteral("name"), QStringLiteral("Scanner 1")},
                                           {QStringLiteral("gate"), QStringLiteral("North")}}),
                                     bearer(m_org))
                              .json()
                              .value(QStringLiteral("enrollment_code"))
                              .toString();
        std::optional<domain::EnrolledDevice> enrolled;
        m_api->enrollDevice(code, this, [&](const client::Outcome<domain::EnrolledDevice>& o) {
            if (const auto* d = std::get_if<domain::EnrolledDevice>(&o))
                enrolled = *d;
        });
        if (!QTest::qWaitFor([&] { return enrolled.has_value(); }, 5000))
            return false;
        m_api->useDeviceToken(QString::fromStdString(enrolled->deviceToken));
        return m_store->setDevice({QString::fromStdString(enrolled->id.toString()),
                                   QString::fromStdString(enrolled->name),
                                   QString::fromStdString(enrolled->gate),
                                   m_api->server().toString()}) &&
               m_store->setEvent(*domain::EventId::parse(m_sold.event.toStdString()),
                                 QStringLiteral("Concert"));
    }

    void makeGate()
    {
        m_gate = std::make_unique<Gate>(*m_store, *m_api, domain::SystemClock::instance(),
                                        fastOptions());
        connect(m_gate.get(), &Gate::decided, this,
                [this](const GateResult& r) { m_results << r; });
    }

    // The result of scanning `code`, as the scan view would show it.
    GateResult scan(const QString& code, Direction d = Direction::Entry)
    {
        const auto before = m_results.size();
        m_gate->scan(code, d);
        if (!QTest::qWaitFor([&] { return m_results.size() > before; }, 5000))
            return {};
        return m_results.last();
    }

    QJsonObject stats()
    {
        return m_t.http
            ->send("GET", QStringLiteral("/api/v1/events/%1/checkin/stats").arg(m_sold.event), {},
                   bearer(m_org))
            .json();
    }

    int recordedScans()
    {
        return m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
            .json()
            .value(QStringLiteral("items"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("scans"))
            .toInt();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start({QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")}));
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_sold = sellForCash(m_t, m_org,
                             {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2"),
                              QStringLiteral("MAIN-A-3"), QStringLiteral("MAIN-A-4"),
                              QStringLiteral("MAIN-A-5"), QStringLiteral("MAIN-B-1"),
                              QStringLiteral("MAIN-B-2"), QStringLiteral("MAIN-B-3"),
                              QStringLiteral("MAIN-B-4"), QStringLiteral("MAIN-B-5")},
                             QStringLiteral("box@example.com"));
        QCOMPARE(m_sold.codes.size(), 10);
        m_proxy = std::make_unique<DropProxy>(m_t.server->port());
        QVERIFY(m_proxy->listen());
        client::ApiClient::Options once;
        once.attempts = 1;
        once.timeout = std::chrono::milliseconds(3000);
        m_api = std::make_unique<client::ApiClient>(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port())), once);
        m_path = m_dir.filePath(QStringLiteral("gate%1.db").arg(++m_dbs));
        QString error;
        m_store = OfflineStore::open(m_path, &error);
        QVERIFY2(m_store, qPrintable(error));
        QVERIFY(enroll());
        makeGate();
        m_results.clear();
    }

    void cleanup()
    {
        m_gate.reset();
        m_store.reset();
        m_api.reset();
        m_proxy.reset();
        m_t.finish();
    }

    // Online: the server decides (valid, again, forged, cancelled), nothing waits.
    void theServerDecidesFirst()
    {
        m_gate->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->hasBundle(), 5000);
        QCOMPARE(m_store->ticketCount(), std::size_t(10));

        auto r = scan(m_sold.codes[0]);
        QVERIFY(r.outcome == ScanOutcome::Admitted);
        QVERIFY(!r.decidedHere);
        QCOMPARE(r.seat.value_or(""), std::string("MAIN-A-1"));
        QCOMPARE(r.tier.value_or(""), std::string("Stalls"));

        r = scan(m_sold.codes[0]);
        QVERIFY(r.outcome == ScanOutcome::AlreadyInside);
        QCOMPARE(r.firstEntry->gate, std::string("North"));
        QCOMPARE(r.firstEntry->device, std::string("Scanner 1"));

        auto forged = m_sold.codes[1];
        forged[12] = forged[12] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(scan(forged).outcome == ScanOutcome::Invalid);

        // The booking cancelled at the box office: its tickets are refused at once.
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/bookings/") + m_sold.booking, {},
                            bearer(m_sold.box))
                     .status,
                 200);
        r = scan(m_sold.codes[2]);
        QVERIFY(r.outcome == ScanOutcome::Revoked);
        QVERIFY(!r.decidedHere);
        QCOMPARE(m_gate->waiting(), 0);
        QCOMPARE(stats().value(QStringLiteral("admitted")).toInt(), 1);
        QTRY_COMPARE(m_gate->admittedHere(), 1);
        QVERIFY(m_gate->online());
    }

    // The server hangs: after 700 ms the device decides alone and says so; after three such
    // failures it decides at once. The server back: the queue goes up once, the device returns
    // online by itself.
    void aSilentServerLeavesTheGateDeciding()
    {
        m_gate->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->hasBundle(), 5000);
        QSignalSpy onlineChanged(m_gate.get(), &Gate::onlineChanged);
        m_proxy->setStalled(true);

        QElapsedTimer waited;
        waited.start();
        auto r = scan(m_sold.codes[0]);
        QVERIFY(r.outcome == ScanOutcome::Admitted);
        QVERIFY(r.decidedHere);
        QVERIFY2(waited.elapsed() >= 650 && waited.elapsed() < 2000,
                 qPrintable(QString::number(waited.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(!m_gate->online(), 10000); // the bundle's calls fail too
        waited.restart();
        r = scan(m_sold.codes[0]);
        QVERIFY(r.outcome == ScanOutcome::AlreadyInside); // this device's own passage
        QVERIFY(r.decidedHere);
        QVERIFY(waited.elapsed() < 200);
        for (int i = 1; i < 10; ++i)
            QVERIFY(scan(m_sold.codes[i]).outcome == ScanOutcome::Admitted);
        QCOMPARE(m_gate->waiting(), 11);
        QCOMPARE(m_gate->admittedHere(), 10);

        m_proxy->setStalled(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_gate->waiting(), 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_gate->online(), 10000);
        QVERIFY(onlineChanged.size() >= 2);
        QCOMPARE(recordedScans(), 11);
        const auto s = stats();
        QCOMPARE(s.value(QStringLiteral("admitted")).toInt(), 10);
        QCOMPARE(s.value(QStringLiteral("inside")).toInt(), 10);
        QCOMPARE(s.value(QStringLiteral("refused")).toInt(), 1);
        // Counted once on the device too, after the bundle carried its own scans.
        QTest::qWait(1000);
        QCOMPARE(m_gate->admittedHere(), 10);
        QCOMPARE(m_gate->inside(), 10);
        QVERIFY(scan(m_sold.codes[3]).outcome == ScanOutcome::AlreadyInside);
    }

    // Scans decided offline, the app killed before they went up, started again: every one
    // arrives, once.
    void queuedScansSurviveAKill()
    {
        m_gate->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->hasBundle(), 5000);
        m_proxy->setDown(true);
        for (int i = 0; i < 10; ++i) {
            const auto r = scan(m_sold.codes[i]);
            QVERIFY(r.outcome == ScanOutcome::Admitted);
            QVERIFY(r.decidedHere);
        }
        QCOMPARE(m_gate->waiting(), 10);
        // Killed: nothing more is written (the store's last commit is what is on disk).
        m_gate.reset();
        m_store.reset();
        QCOMPARE(recordedScans(), 0);

        QString error;
        m_store = OfflineStore::open(m_path, &error);
        QVERIFY2(m_store, qPrintable(error));
        QCOMPARE(m_store->waiting(), 10);
        makeGate();
        m_gate->start();
        QTest::qWait(500);
        QCOMPARE(m_store->waiting(), 10); // still down
        m_proxy->setDown(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->waiting(), 0, 15000);
        QCOMPARE(recordedScans(), 10);
        QCOMPARE(stats().value(QStringLiteral("admitted")).toInt(), 10);
        QCOMPARE(stats().value(QStringLiteral("conflicts")).toInt(), 0);
    }

    // A ticket cancelled after the device's last sync: admitted offline while it does not
    // know, refused once it has synced.
    void aCancellationReachesTheDeviceWhenItSyncs()
    {
        m_gate->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->hasBundle(), 5000);
        const auto cursor = *m_store->cursor();
        m_gate->stop();
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/bookings/") + m_sold.booking, {},
                            bearer(m_sold.box))
                     .status,
                 200);
        const auto code = m_sold.codes[4].toStdString();
        const auto now = domain::SystemClock::instance().now();
        QVERIFY(m_store->decide(code, Direction::Entry, now).outcome == ScanOutcome::Admitted);
        m_gate->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(*m_store->cursor() > cursor, 5000);
        QVERIFY(m_store->decide(code, Direction::Entry, now).outcome == ScanOutcome::Revoked);
    }

    // The organizer removes the device: the gate hears it at its next call.
    void aRemovedDeviceIsTold()
    {
        QSignalSpy refused(m_gate.get(), &Gate::deviceRefused);
        const auto device = m_store->device()->id;
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/checkin/devices/") + device, {},
                            bearer(m_org))
                     .status,
                 204);
        m_gate->start();
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestGate)
#include "TestGate.moc"
