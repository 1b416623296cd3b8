#include "db/Pool.h"
#include "support/TestEnv.h"

#include <QtTest>
#include <future>

using namespace ticketing;
using namespace ticketing::test;

namespace {
// Runs a ping on the pool and reports whether it reached the database.
bool pingThrough(db::Pool& pool)
{
    std::promise<bool> done;
    auto f = done.get_future();
    const bool submitted = pool.trySubmit([&done](db::Session& s) {
        try {
            s.ping();
            done.set_value(true);
        } catch (const db::Unavailable&) {
            done.set_value(false);
        }
    });
    return submitted && f.get();
}
} // namespace

class TestDbPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workersConnectOnFirstUse()
    {
        TestDatabase db;
        db::Pool pool({db.url(), 2, 16});
        QCOMPARE(pool.stats().connected, 0);
        QVERIFY(pingThrough(pool));
        QTRY_VERIFY(pool.stats().connected >= 1);
        QTRY_VERIFY(pool.stats().completed >= 1); // counted just after the task returns
    }

    void reconnectsAfterPostgresRestarts()
    {
        TempDir dir;
        QVERIFY(harness(QStringLiteral("start-postgres"), dir.path()));
        db::Pool pool({postgresUrlIn(dir.path(), "postgres"), 1, 16});
        QVERIFY(pingThrough(pool));

        QVERIFY(harness(QStringLiteral("stop-postgres"), dir.path()));
        QVERIFY(!pingThrough(pool)); // 503 territory: Unavailable, not a hang or a crash

        QVERIFY(harness(QStringLiteral("start-postgres"), dir.path()));
        // After the reconnect back-off, the same worker makes a new connection by itself.
        QTRY_VERIFY_WITH_TIMEOUT(pingThrough(pool), 10000);
        QVERIFY(harness(QStringLiteral("stop-postgres"), dir.path()));
    }

    void aQueueThatIsFullRefusesAtOnce()
    {
        db::Pool pool({"host=/nonexistent", 1, 2});
        std::promise<void> release;
        auto gate = release.get_future().share();
        std::atomic<int> ran{0};
        auto blocker = [gate, &ran](db::Session&) {
            gate.wait();
            ++ran;
        };
        QVERIFY(pool.trySubmit(blocker));
        QTRY_COMPARE(pool.stats().busy, 1);
        QVERIFY(pool.trySubmit(blocker));
        QVERIFY(pool.trySubmit(blocker));
        QVERIFY(!pool.trySubmit(blocker)); // 2 queued already
        QCOMPARE(pool.stats().queued, std::size_t(2));
        QCOMPARE(pool.stats().rejected, std::uint64_t(1));
        release.set_value();
        pool.stop(); // runs what was queued, then joins
        QCOMPARE(ran.load(), 3);
        QVERIFY(!pool.trySubmit(blocker)); // stopped
    }
};

QTEST_GUILESS_MAIN(TestDbPool)
#include "TestDbPool.moc"
