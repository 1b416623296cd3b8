#include "db/Pool.h"
#include "support/TestEnv.h"

#include <QtTest>
#include <future>
#include <pqxx/pqxx>
#include <thread>

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

    // db::withSession: on a thread with no session of its own, `fn` runs on a pool worker
    // borrowed for it (BorrowScope), its value and its exceptions come back; without a pool to
    // borrow from, database work is a bug, said at once.
    void withSessionBorrowsAWorker()
    {
        TestDatabase db;
        db::Pool pool({db.url(), 1, 4});
        // What the other thread saw, checked here (QtTest's checks belong to the test thread).
        bool refusedWithoutPool = false, ranElsewhere = false, errorCameBack = false,
             busyWhenStopped = false;
        std::thread([&] {
            try {
                db::withSession([](db::Session& s) { return s.ping(); });
            } catch (const std::logic_error&) {
                refusedWithoutPool = true;
            }
            const db::BorrowScope borrow(pool);
            const auto ranOn = db::withSession([](db::Session& s) {
                s.ping();
                return std::this_thread::get_id();
            });
            ranElsewhere = ranOn != std::this_thread::get_id();
            try {
                db::withSession([](db::Session&) { throw std::runtime_error("from the worker"); });
            } catch (const std::runtime_error& e) {
                errorCameBack = std::string(e.what()) == "from the worker";
            }
        }).join();
        pool.stop();
        std::thread([&] {
            const db::BorrowScope borrow(pool);
            try {
                db::withSession([](db::Session&) {});
            } catch (const db::Busy&) {
                busyWhenStopped = true;
            }
        }).join();
        QVERIFY(refusedWithoutPool);
        QVERIFY(ranElsewhere);
        QVERIFY(errorCameBack);
        QVERIFY(busyWhenStopped);
    }

    // A real serialization failure (two SERIALIZABLE transactions writing what the other read):
    // the unit of work runs again from its start and succeeds; with Rerun::Never it is refused
    // as Unavailable, and nothing of it committed.
    void serializationFailuresRunAgain()
    {
        TestDatabase db;
        {
            pqxx::connection c(db.url());
            pqxx::work tx(c);
            tx.exec("CREATE TABLE seats (id int PRIMARY KEY, taken int NOT NULL DEFAULT 0)");
            tx.exec("INSERT INTO seats (id) VALUES (1), (2)");
            tx.commit();
        }
        auto conflictOnce = [&](db::Session& s, db::Rerun rerun, int& attempts) {
            s.run(
                [&](pqxx::connection_base& c) {
                    ++attempts;
                    pqxx::transaction<pqxx::serializable> tx(c);
                    tx.exec("SELECT sum(taken) FROM seats");
                    if (attempts == 1) { // someone else writes what we read, and commits
                        pqxx::connection other(db.url());
                        pqxx::transaction<pqxx::serializable> o(other);
                        o.exec("SELECT sum(taken) FROM seats");
                        o.exec("UPDATE seats SET taken = taken + 1 WHERE id = 2");
                        o.commit();
                    }
                    tx.exec("UPDATE seats SET taken = taken + 10 WHERE id = 1");
                    tx.commit();
                },
                rerun);
        };
        db::Session session(db.url());
        int attempts = 0;
        conflictOnce(session, db::Rerun::Safe, attempts);
        QCOMPARE(attempts, 2);
        auto taken = [&] {
            pqxx::connection c(db.url());
            pqxx::read_transaction tx(c);
            return tx.exec1("SELECT taken FROM seats WHERE id = 1")[0].as<int>();
        };
        QCOMPARE(taken(), 10);

        attempts = 0;
        QVERIFY_THROWS_EXCEPTION(db::Unavailable,
                                 conflictOnce(session, db::Rerun::Never, attempts));
        QCOMPARE(attempts, 1);
        QCOMPARE(taken(), 10);
    }

    // A connection that breaks before the commit (the server ended it) is remade and the unit of
    // work runs once more; the rows it wrote the first time were never committed.
    void aConnectionLostBeforeTheCommitRunsAgain()
    {
        TestDatabase db;
        {
            pqxx::connection c(db.url());
            pqxx::work tx(c);
            tx.exec("CREATE TABLE log (n int)");
            tx.commit();
        }
        db::Session session(db.url());
        int attempts = 0;
        session.run([&](pqxx::connection_base& c) {
            ++attempts;
            pqxx::work tx(c);
            tx.exec("INSERT INTO log VALUES (1)");
            if (attempts == 1) {
                const auto pid = tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
                pqxx::connection admin(db.url());
                pqxx::nontransaction(admin).exec("SELECT pg_terminate_backend(" +
                                                 std::to_string(pid) + ")");
            }
            tx.exec("INSERT INTO log VALUES (2)");
            tx.commit();
        });
        QCOMPARE(attempts, 2);
        pqxx::connection c(db.url());
        pqxx::read_transaction tx(c);
        QCOMPARE(tx.exec1("SELECT count(*) FROM log")[0].as<int>(), 2);
    }

    // The failures a caller cannot retry by itself, named for the router: a commit whose outcome
    // is unknown, and a uniqueness conflict (here a real one).
    void unknownOutcomesAndConflictsAreNamed()
    {
        TestDatabase db;
        db::Session session(db.url());
        int attempts = 0;
        QVERIFY_THROWS_EXCEPTION(db::OutcomeUnknown, session.run([&](pqxx::connection_base&) {
            ++attempts;
            throw pqxx::in_doubt_error("the connection broke during the commit");
        }));
        QCOMPARE(attempts, 1); // never run again
        session.run([](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec("CREATE TABLE keys (k text PRIMARY KEY)");
            tx.exec("INSERT INTO keys VALUES ('a')");
            tx.commit();
        });
        QVERIFY_THROWS_EXCEPTION(db::Conflict, session.run([](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec("INSERT INTO keys VALUES ('a')");
            tx.commit();
        }));
    }
};

QTEST_GUILESS_MAIN(TestDbPool)
#include "TestDbPool.moc"
