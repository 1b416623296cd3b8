#include "db/Migrations.h"
#include "support/TestEnv.h"

#include <QtTest>
#include <pqxx/pqxx>
#include <thread>

using namespace ticketing;
using ticketing::test::TestDatabase;

namespace {
std::vector<int> recorded(const std::string& url)
{
    pqxx::connection c(url);
    pqxx::read_transaction tx(c);
    std::vector<int> v;
    for (const auto& row : tx.exec("SELECT version FROM schema_migrations ORDER BY version"))
        v.push_back(row[0].as<int>());
    return v;
}

bool tableExists(const std::string& url, const std::string& table)
{
    pqxx::connection c(url);
    pqxx::read_transaction tx(c);
    return tx.exec_params1("SELECT to_regclass($1) IS NOT NULL", table)[0].as<bool>();
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinMigrationsApplyOnceAndAreSafeToRepeat()
    {
        TestDatabase db;
        const auto& builtin = db::builtinMigrations();
        QVERIFY(!builtin.empty());
        auto first = db::migrate(db.url(), builtin);
        QCOMPARE(first.applied.size(), builtin.size());
        QCOMPARE(first.current, builtin.back().version);
        auto second = db::migrate(db.url(), builtin);
        QVERIFY(second.applied.empty());
        QCOMPARE(second.current, first.current);
        QVERIFY(tableExists(db.url(), "server_settings"));
    }

    void versionsAreContiguousAndNamed()
    {
        int expected = 1;
        for (const auto& m : db::builtinMigrations()) {
            QCOMPARE(m.version, expected++);
            QVERIFY(!m.name.empty());
            QVERIFY(!m.sql.empty());
        }
    }

    void twoRunnersAtOnceApplyEachMigrationOnce()
    {
        TestDatabase db;
        const std::vector<db::Migration> list{
            {1, "slow", "SELECT pg_sleep(0.3); CREATE TABLE one (id int);"},
            {2, "second", "CREATE TABLE two (id int);"},
        };
        std::vector<int> appliedA;
        std::vector<int> appliedB;
        std::string errorA;
        std::string errorB;
        auto runner = [&](std::vector<int>& applied, std::string& error) {
            try {
                applied = db::migrate(db.url(), list).applied;
            } catch (const std::exception& e) {
                error = e.what();
            }
        };
        std::thread a(runner, std::ref(appliedA), std::ref(errorA));
        std::thread b(runner, std::ref(appliedB), std::ref(errorB));
        a.join();
        b.join();
        QVERIFY2(errorA.empty(), errorA.c_str());
        QVERIFY2(errorB.empty(), errorB.c_str());
        QCOMPARE(appliedA.size() + appliedB.size(),
                 std::size_t(2)); // each applied once, by one of them
        QCOMPARE(recorded(db.url()), (std::vector<int>{1, 2}));
    }

    void aFailingMigrationLeavesNothingHalfDone()
    {
        TestDatabase db;
        const std::vector<db::Migration> list{
            {1, "good", "CREATE TABLE good (id int);"},
            {2, "broken", "CREATE TABLE half (id int); SELECT no_such_column FROM good;"},
            {3, "after", "CREATE TABLE after (id int);"},
        };
        try {
            db::migrate(db.url(), list);
            QFAIL("a broken migration must fail");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("2_broken") != std::string::npos, e.what());
        }
        QCOMPARE(recorded(db.url()), (std::vector<int>{1}));
        QVERIFY(tableExists(db.url(), "good"));
        QVERIFY(!tableExists(db.url(), "half")); // rolled back with its migration
        QVERIFY(!tableExists(db.url(), "after"));
        // Fixed, the run goes on from where it stopped.
        auto fixed = list;
        fixed[1].sql = "CREATE TABLE half (id int);";
        QCOMPARE(db::migrate(db.url(), fixed).applied, (std::vector<int>{2, 3}));
    }

    void anAppliedMigrationThatChangedIsRefused()
    {
        TestDatabase db;
        db::migrate(db.url(), {{1, "first", "CREATE TABLE a (id int);"}});
        try {
            db::migrate(db.url(), {{1, "first", "CREATE TABLE b (id int);"}});
            QFAIL("an edited migration must be refused");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("changed") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
