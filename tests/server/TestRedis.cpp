#include "cache/Redis.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QtTest>
#include <csignal>

using namespace ticketing;
using namespace ticketing::test;

class TestRedis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls()
    {
        auto a = cache::parseRedisUrl("redis://cache.internal:6380/2");
        QVERIFY(a);
        QCOMPARE(a->host, std::string("cache.internal"));
        QCOMPARE(a->port, 6380);
        QCOMPARE(a->database, 2);
        auto b = cache::parseRedisUrl("redis://:s3cret@127.0.0.1");
        QVERIFY(b);
        QCOMPARE(b->password, std::string("s3cret"));
        QCOMPARE(b->port, 6379);
        auto c = cache::parseRedisUrl("unix:///run/redis/redis.sock");
        QVERIFY(c);
        QCOMPARE(c->socketPath, std::string("/run/redis/redis.sock"));
        QVERIFY(!cache::parseRedisUrl("http://x"));
        QVERIFY(!cache::parseRedisUrl("redis://"));
        QVERIFY(!cache::parseRedisUrl("redis://h/notanumber"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cache::Redis({"nonsense", 1}));
        auto d = cache::parseRedisUrl("redis-sentinel://:pw@s1:26379,s2:26380/mymaster/3");
        QVERIFY(d);
        QCOMPARE(d->sentinels.size(), std::size_t(2));
        QCOMPARE(d->sentinels[1].first, std::string("s2"));
        QCOMPARE(d->sentinels[1].second, 26380);
        QCOMPARE(d->masterName, std::string("mymaster"));
        QCOMPARE(d->password, std::string("pw"));
        QCOMPARE(d->database, 3);
        QVERIFY(!cache::parseRedisUrl("redis-sentinel://s1:26379"));
        QVERIFY(!cache::parseRedisUrl("redis-sentinel://s1/mymaster"));
    }

    void commandsWorkAndRepliesAreTyped()
    {
        cache::Redis redis({sharedRedisUrl(), 2});
        auto set = redis.command({"SET", "tst:key", std::string("bin\0ary", 7), "PX", "10000"});
        QVERIFY(set);
        QCOMPARE(set->type, cache::RedisReply::Type::Status);
        auto get = redis.command({"GET", "tst:key"});
        QVERIFY(get);
        QCOMPARE(get->str, std::string("bin\0ary", 7));
        auto missing = redis.command({"GET", "tst:missing"});
        QCOMPARE(missing->type, cache::RedisReply::Type::Nil);
        auto err = redis.command({"INCR", "tst:key"});
        QVERIFY(err); // Redis answered: an error reply, not "down"
        QVERIFY(err->isError());
        QTRY_VERIFY(redis.isUp());
    }

    void knowsWhenRedisIsDownAndReconnects()
    {
        TempDir dir;
        QVERIFY(harness(QStringLiteral("start-redis"), dir.path()));
        cache::Redis redis({redisUrlIn(dir.path()), 2, std::chrono::milliseconds(200),
                            std::chrono::milliseconds(200)});
        QTRY_VERIFY(redis.isUp());
        QVERIFY(redis.command({"PING"}));

        QVERIFY(harness(QStringLiteral("stop-redis"), dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(!redis.isUp(), 3000);
        QElapsedTimer t;
        t.start();
        QVERIFY(!redis.command({"PING"}));
        QVERIFY(!redis.command({"PING"}));
        QVERIFY2(t.elapsed() < 1000, "a known-down Redis must not make callers wait");

        QVERIFY(harness(QStringLiteral("start-redis"), dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(redis.isUp(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(redis.command({"PING"}).has_value(), 5000);
        QVERIFY(redis.transitions() >= 2);
        QVERIFY(harness(QStringLiteral("stop-redis"), dir.path()));
    }

    // TICKETING_REDIS_URL=redis-sentinel://...: the master is asked of the sentinels, and a
    // fail-over (the replica promoted, the old master a replica now) is followed within seconds.
    void followsASentinelFailover()
    {
        TempDir dir;
        const auto master = freePort();
        const auto replica = freePort();
        const auto sentinel = freePort();
        auto redisServer = [&](const QStringList& args) {
            return QProcess::execute(QStringLiteral("redis-server"), args) == 0;
        };
        auto cli = [&](quint16 port, const QStringList& args) {
            QProcess p;
            p.start(QStringLiteral("redis-cli"),
                    QStringList{QStringLiteral("-p"), QString::number(port)} + args);
            p.waitForFinished();
            return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        };
        auto server = [&](quint16 port, const QString& name, QStringList extra) {
            return redisServer(
                QStringList{
                    QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
                    QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                    QStringLiteral("--daemonize"), QStringLiteral("yes"), QStringLiteral("--dir"),
                    dir.path(), QStringLiteral("--pidfile"),
                    dir.path() + QStringLiteral("/%1.pid").arg(name), QStringLiteral("--logfile"),
                    dir.path() + QStringLiteral("/%1.log").arg(name)} +
                extra);
        };
        QVERIFY(server(master, QStringLiteral("master"), {}));
        QVERIFY(server(
            replica, QStringLiteral("replica"),
            {QStringLiteral("--replicaof"), QStringLiteral("127.0.0.1"), QString::number(master)}));
        QFile conf(dir.path() + QStringLiteral("/sentinel.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("port %1\nbind 127.0.0.1\ndir %2\n"
                                  "sentinel monitor mymaster 127.0.0.1 %3 1\n"
                                  "sentinel down-after-milliseconds mymaster 1000\n"
                                  "sentinel failover-timeout mymaster 10000\n")
                       .arg(sentinel)
                       .arg(dir.path())
                       .arg(master)
                       .toUtf8());
        conf.close();
        QVERIFY(redisServer(
            {conf.fileName(), QStringLiteral("--sentinel"), QStringLiteral("--daemonize"),
             QStringLiteral("yes"), QStringLiteral("--pidfile"),
             dir.path() + QStringLiteral("/sentinel.pid"), QStringLiteral("--logfile"),
             dir.path() + QStringLiteral("/sentinel.log")}));
        const auto stopAll = qScopeGuard([&] {
            for (const auto* name : {"sentinel", "replica", "master"}) {
                QFile pid(dir.path() + QStringLiteral("/%1.pid").arg(QLatin1String(name)));
                if (pid.open(QIODevice::ReadOnly))
                    ::kill(static_cast<pid_t>(pid.readAll().trimmed().toLongLong()), SIGTERM);
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(
            cli(replica, {QStringLiteral("ROLE")}).section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("slave"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            cli(replica, {QStringLiteral("INFO"), QStringLiteral("replication")})
                .contains(QStringLiteral("master_link_status:up")),
            10000);

        cache::Redis redis(
            {QStringLiteral("redis-sentinel://127.0.0.1:%1/mymaster").arg(sentinel).toStdString(),
             2, std::chrono::milliseconds(300), std::chrono::milliseconds(200)});
        QTRY_VERIFY_WITH_TIMEOUT(redis.isUp(), 5000);
        QVERIFY(redis.command({"SET", "before", "1"}));
        QCOMPARE(cli(master, {QStringLiteral("GET"), QStringLiteral("before")}),
                 QStringLiteral("1"));

        // The sentinel must know the replica before it can promote it.
        QTRY_VERIFY_WITH_TIMEOUT(
            cli(sentinel, {QStringLiteral("SENTINEL"), QStringLiteral("replicas"),
                           QStringLiteral("mymaster")})
                .contains(QString::number(replica)),
            15000);
        QCOMPARE(cli(sentinel, {QStringLiteral("SENTINEL"), QStringLiteral("failover"),
                                QStringLiteral("mymaster")}),
                 QStringLiteral("OK"));
        QTRY_COMPARE_WITH_TIMEOUT(
            cli(replica, {QStringLiteral("ROLE")}).section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("master"), 15000);
        // Until the sentinel turns the old master into a replica, it still takes writes (Redis
        // replication is asynchronous: what lands there then is lost, which a cache may lose;
        // PostgreSQL decides every hold). Once it is one, writes must reach the new master.
        QTRY_COMPARE_WITH_TIMEOUT(
            cli(master, {QStringLiteral("ROLE")}).section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("slave"), 20000);
        QElapsedTimer followed;
        followed.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto r = redis.command({"SET", "after", "2"});
                return r && !r->isError() &&
                       cli(replica, {QStringLiteral("GET"), QStringLiteral("after")}) ==
                           QStringLiteral("2");
            }(),
            10000);
        qInfo("writes reached the promoted replica %lld ms after the old master stepped down",
              static_cast<long long>(followed.elapsed()));
        QTRY_VERIFY_WITH_TIMEOUT(redis.isUp(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestRedis)
#include "TestRedis.moc"
