#include "cache/Redis.h"
#include "support/TestEnv.h"

#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestRedis)
#include "TestRedis.moc"
