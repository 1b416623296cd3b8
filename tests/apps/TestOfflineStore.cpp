// The gate scanner's OfflineStore (issue 16): its schema and migrations, decisions from the
// bundle alone, scans that survive the app being killed, and passages that are never counted
// twice nor missing between an upload and the next bundle.
#include "apps/gatescanner/OfflineStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ticketing;
using namespace ticketing::domain;
using gate::OfflineStore;
using namespace std::chrono_literals;

namespace {
SigningKey signingKey(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed{};
    seed.fill(n);
    return SigningKey::fromSeed(seed);
}

Uuid uuid(const char* prefix, int n)
{
    return *Uuid::parse(QStringLiteral("%1-0000-7000-8000-%2")
                            .arg(QLatin1String(prefix))
                            .arg(n, 12, 10, QLatin1Char('0'))
                            .toStdString());
}

const EventId kEvent{uuid("0192f3a0", 1)};
const EventId kOther{uuid("0192f3a0", 2)};
const TierId kTier{uuid("0192f3a1", 1)};
const Clock::TimePoint kIssued{std::chrono::seconds(1'900'000'000)};
const Clock::TimePoint kEnd = kIssued + 48h;
const Clock::TimePoint kDoors = kIssued + 24h;

TicketId ticketId(int n)
{
    return TicketId{uuid("0192f3b0", n)};
}

std::string code(const EventId& event, int n, const SigningKey& key)
{
    return signCredential(ticketClaims(ticketId(n), event, kTier, std::nullopt, kIssued, kEnd),
                          key);
}

BundleKey bundleKey(const SigningKey& key)
{
    return {
        keyIdHex(key.keyId()),
        QByteArray(reinterpret_cast<const char*>(key.publicKey.data()), 32).toHex().toStdString()};
}

// The event's bundle: tickets 1 to 5 (seat "MAIN-A-n"), ticket 3 revoked, ticket 2 in.
Bundle fullBundle(std::int64_t cursor = 100)
{
    Bundle b;
    b.event = kEvent;
    b.cursor = cursor;
    b.keys = {bundleKey(signingKey(1))};
    for (int n = 1; n <= 5; ++n)
        b.tickets.push_back({ticketId(n), "MAIN-A-" + std::to_string(n), "Stalls", "active"});
    b.revoked = {ticketId(3)};
    b.entries = {{ticketId(2), Direction::Entry, kDoors - 10min, "South"}};
    return b;
}

Scan scanOf(const std::string& code, Direction d, Clock::TimePoint at)
{
    return Scan{Uuid::generateV7(), code, d, at, std::nullopt};
}
} // namespace

class TestOfflineStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("gate%1.db").arg(++m_files)); }

    std::unique_ptr<OfflineStore> open(const QString& path)
    {
        QString error;
        auto store = OfflineStore::open(path, &error);
        if (!store)
            qWarning() << error;
        return store;
    }

    // A store enrolled at the North gate, scanning kEvent, with the full bundle.
    std::unique_ptr<OfflineStore> ready(const QString& path)
    {
        auto store = open(path);
        if (!store ||
            !store->setDevice({QStringLiteral("dev-1"), QStringLiteral("Scanner 1"),
                               QStringLiteral("North"), QStringLiteral("http://127.0.0.1:1")}) ||
            !store->setEvent(kEvent, QStringLiteral("Concert")) ||
            !store->applyBundle(fullBundle(), false, store->epoch()))
            return nullptr;
        return store;
    }

private Q_SLOTS:
    void aNewStoreHasTheCurrentSchema()
    {
        const auto path = freshPath();
        {
            auto store = open(path);
            QVERIFY(store);
            QCOMPARE(store->schemaVersion(), OfflineStore::kSchemaVersion);
            QVERIFY(!store->device());
            QVERIFY(!store->hasBundle());
        }
        auto again = open(path);
        QVERIFY(again);
        QCOMPARE(again->schemaVersion(), OfflineStore::kSchemaVersion);
    }

    // A store written by a newer scanner is not touched: the person is told why.
    void aNewerSchemaIsRefused()
    {
        const auto path = freshPath();
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QString error;
        QVERIFY(!OfflineStore::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void decidesFromTheBundleAlone()
    {
        auto store = ready(freshPath());
        QVERIFY(store);
        QCOMPARE(store->ticketCount(), std::size_t(5));
        const auto key = signingKey(1);
        const auto admitted = store->decide(code(kEvent, 1, key), Direction::Entry, kDoors);
        QVERIFY(admitted.outcome == ScanOutcome::Admitted);
        QCOMPARE(store->ticket(admitted.claims->ticket)->seat.value(), std::string("MAIN-A-1"));
        const auto inside = store->decide(code(kEvent, 2, key), Direction::Entry, kDoors);
        QVERIFY(inside.outcome == ScanOutcome::AlreadyInside);
        QCOMPARE(inside.firstEntry->gate, std::string("South"));
        QVERIFY(store->decide(code(kEvent, 3, key), Direction::Entry, kDoors).outcome ==
                ScanOutcome::Revoked);
        QVERIFY(store->decide(code(kEvent, 4, key), Direction::Exit, kDoors).outcome ==
                ScanOutcome::NotInside);
        auto forged = code(kEvent, 4, key);
        forged[12] = forged[12] == 'A' ? 'B' : 'A';
        QVERIFY(store->decide(forged, Direction::Entry, kDoors).outcome == ScanOutcome::Invalid);
        QVERIFY(store->decide(code(kOther, 9, signingKey(2)), Direction::Entry, kDoors).outcome ==
                ScanOutcome::WrongEvent);
        QVERIFY(store->decide(code(kEvent, 1, key), Direction::Entry, kEnd + 7h).outcome ==
                ScanOutcome::Expired);
        // The counters: one inside (ticket 2, let in at another gate), none here yet.
        QCOMPARE(store->inside(), 1);
        QCOMPARE(store->admittedHere(), 0);
    }

    // Each scan is on disk when record() returns: a store opened again (the app killed and
    // started again) has the queue, the passages and their decisions.
    void scansSurviveTheAppBeingKilled()
    {
        const auto path = freshPath();
        const auto key = signingKey(1);
        std::vector<Uuid> nonces;
        {
            auto store = ready(path);
            QVERIFY(store);
            for (int i = 0; i < 10; ++i) {
                const auto at = kDoors + std::chrono::seconds(i);
                auto scan = scanOf(code(kEvent, 1 + i % 2 * 3, key), Direction::Entry, at);
                if (i >= 2)
                    scan.code = "not a ticket " + std::to_string(i);
                const auto d = store->decide(scan.code, scan.direction, at);
                QVERIFY(store->record(scan, d));
                nonces.push_back(scan.nonce);
            }
            QCOMPARE(store->waiting(), 10);
            QCOMPARE(store->admittedHere(), 2); // tickets 1 and 4
        }
        auto store = open(path);
        QVERIFY(store);
        QCOMPARE(store->waiting(), 10);
        QCOMPARE(store->admittedHere(), 2);
        QCOMPARE(store->inside(), 3);
        QVERIFY(store->decide(code(kEvent, 1, key), Direction::Entry, kDoors + 1min).outcome ==
                ScanOutcome::AlreadyInside);
        const auto pending = store->pending(500, kDoors);
        QCOMPARE(pending.size(), std::size_t(10));
        for (std::size_t i = 0; i < pending.size(); ++i) {
            QVERIFY(pending[i].scan.nonce == nonces[i]); // oldest first
            QVERIFY(pending[i].scan.offlineResult.has_value());
        }
        QVERIFY(*pending[0].scan.offlineResult == ScanOutcome::Admitted);
        QVERIFY(*pending[2].scan.offlineResult == ScanOutcome::Invalid);
    }

    // A scan waiting for the server's live answer is not uploaded beside it, unless it has
    // waited long (or was left by an earlier run of the app); once decided here it is.
    void liveScansSettleBeforeTheyUpload()
    {
        const auto path = freshPath();
        const auto key = signingKey(1);
        const auto scan = scanOf(code(kEvent, 5, key), Direction::Entry, kDoors);
        {
            auto store = ready(path);
            QVERIFY(store);
            QVERIFY(store->record(scan, std::nullopt));
            QCOMPARE(store->waiting(), 1);
            QVERIFY(store->pending(500, kDoors - 1s).empty());
            QCOMPARE(store->pending(500, kDoors + 3s).size(), std::size_t(1));
            const auto d = store->decide(scan.code, scan.direction, kDoors);
            QVERIFY(store->decideLocally(scan.nonce, d));
            QVERIFY(*store->pending(500, kDoors - 1s).front().scan.offlineResult ==
                    ScanOutcome::Admitted);
            QCOMPARE(store->admittedHere(), 1);
        }
        {
            auto store = ready(path);
            QVERIFY(store);
            const auto other = scanOf(code(kEvent, 4, key), Direction::Entry, kDoors);
            QVERIFY(store->record(other, std::nullopt));
        }
        auto store = open(path); // a later run: the unsettled scan goes as it is
        QCOMPARE(store->pending(500, kDoors - 1h).size(), std::size_t(2));
    }

    // A passage this device made counts once: before the upload, between the upload and the
    // next bundle, and after the bundle carries the server's record of it.
    void aPassageCountsOnceAcrossUploadAndBundle()
    {
        auto store = ready(freshPath());
        QVERIFY(store);
        const auto key = signingKey(1);
        const auto at = kDoors + 5min;
        const auto scan = scanOf(code(kEvent, 1, key), Direction::Entry, at);
        QVERIFY(store->record(scan, store->decide(scan.code, scan.direction, at)));
        QCOMPARE(store->admittedHere(), 1);
        QCOMPARE(store->inside(), 2);
        const auto askedBefore = store->epoch();

        ScanResult ack;
        ack.nonce = scan.nonce;
        ack.result = ScanOutcome::Admitted;
        ack.ticket = ticketId(1);
        QVERIFY(store->acknowledge({ack}, at + 1s));
        QCOMPARE(store->waiting(), 0);
        QCOMPARE(store->admittedHere(), 1);
        QVERIFY(store->epoch() > askedBefore);

        // A bundle asked before the upload was acknowledged, carrying the server's record.
        Bundle changes;
        changes.event = kEvent;
        changes.cursor = 101;
        changes.entries = {{ticketId(1), Direction::Entry, at, "North"}};
        QVERIFY(store->applyBundle(changes, true, askedBefore));
        QCOMPARE(store->admittedHere(), 1);
        QCOMPARE(store->inside(), 2);
        // The next one (asked after): the local passage gives way.
        Bundle next;
        next.event = kEvent;
        next.cursor = 102;
        QVERIFY(store->applyBundle(next, true, store->epoch()));
        QCOMPARE(store->admittedHere(), 1);
        QCOMPARE(store->inside(), 2);
        QVERIFY(store->decide(scan.code, Direction::Entry, at + 1min).outcome ==
                ScanOutcome::AlreadyInside);
        QCOMPARE(*store->cursor(), 102);

        // A ticket revoked by a later bundle is refused.
        Bundle revoked;
        revoked.event = kEvent;
        revoked.cursor = 103;
        revoked.revoked = {ticketId(5)};
        QVERIFY(store->applyBundle(revoked, true, store->epoch()));
        QVERIFY(store->decide(code(kEvent, 5, key), Direction::Entry, at).outcome ==
                ScanOutcome::Revoked);
    }

    // Another event: the bundle goes, the queue stays (and uploads one event at a time).
    void anotherEventKeepsTheQueue()
    {
        auto store = ready(freshPath());
        QVERIFY(store);
        const auto key = signingKey(1);
        const auto first = scanOf(code(kEvent, 1, key), Direction::Entry, kDoors);
        QVERIFY(store->record(first, store->decide(first.code, first.direction, kDoors)));
        QVERIFY(store->setEvent(kOther, QStringLiteral("Matinee")));
        QVERIFY(!store->hasBundle());
        QCOMPARE(store->ticketCount(), std::size_t(0));
        QCOMPARE(store->inside(), 0);
        const auto second = scanOf("anything", Direction::Entry, kDoors + 1s);
        QVERIFY(store->record(second, store->decide(second.code, second.direction, kDoors)));
        QCOMPARE(store->waiting(), 2);
        const auto batch = store->pending(500, kDoors + 1h);
        QCOMPARE(batch.size(), std::size_t(1));
        QVERIFY(batch.front().event == kEvent);
        ScanResult done;
        done.nonce = first.nonce;
        done.result = ScanOutcome::Admitted;
        QVERIFY(store->acknowledge({done}, kDoors));
        QVERIFY(store->pending(500, kDoors + 1h).front().event == kOther);
    }
};

QTEST_GUILESS_MAIN(TestOfflineStore)
#include "TestOfflineStore.moc"
