#include "config/Config.h"

#include <QtTest>
#include <map>
#include <set>

using namespace ticketing::config;

namespace {
std::map<std::string, std::string> g_env;
const char* fakeEnv(const char* name)
{
    auto it = g_env.find(name);
    return it == g_env.end() ? nullptr : it->second.c_str();
}
ParseOutcome run(std::vector<const char*> args, bool allowExtra = false)
{
    args.insert(args.begin(), "ticketd");
    return parse(static_cast<int>(args.size()), args.data(), fakeEnv, allowExtra);
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { g_env.clear(); }

    void defaultsMatchTheContract()
    {
        const auto o = run({});
        QVERIFY(o.error.empty());
        QCOMPARE(o.config.listenHost, std::string("127.0.0.1"));
        QCOMPARE(o.config.listenPort, std::uint16_t(8080));
        QCOMPARE(o.config.dataDir, std::string("./var"));
        QVERIFY(!o.config.databaseUrl);
        QVERIFY(!o.config.redisUrl);
        QCOMPARE(o.config.holdTtlSeconds, 300);
        QVERIFY(!o.config.tokenKeyFile);
    }

    void everyKeyOfApiMdIsInTheTable()
    {
        std::set<std::string> envs;
        for (const auto& k : configKeys()) {
            envs.insert(k.env);
            QVERIFY(std::string(k.flag).rfind("--", 0) == 0);
            QVERIFY(std::string(k.help).size() > 5);
        }
        for (const char* required :
             {"TICKETING_LISTEN", "TICKETING_DATA_DIR", "TICKETING_DATABASE_URL",
              "TICKETING_REDIS_URL", "TICKETING_HOLD_TTL_SECONDS", "TICKETING_TOKEN_KEY_FILE"})
            QVERIFY2(envs.count(required), required);
        const auto help = helpText();
        for (const auto& k : configKeys()) {
            QVERIFY(help.find(k.env) != std::string::npos);
            QVERIFY(help.find(k.flag) != std::string::npos);
        }
    }

    void flagsWinOverTheEnvironment()
    {
        g_env["TICKETING_LISTEN"] = "0.0.0.0:9000";
        g_env["TICKETING_HOLD_TTL_SECONDS"] = "120";
        g_env["TICKETING_DATABASE_URL"] = "postgresql://db/ticketing";
        auto o = run({"--listen", "127.0.0.1:9001", "--hold-ttl-seconds=60"});
        QVERIFY(o.error.empty());
        QCOMPARE(o.config.listenHost, std::string("127.0.0.1"));
        QCOMPARE(o.config.listenPort, std::uint16_t(9001));
        QCOMPARE(o.config.holdTtlSeconds, 60);
        QCOMPARE(*o.config.databaseUrl, std::string("postgresql://db/ticketing"));
        o = run({});
        QCOMPARE(o.config.listenHost, std::string("0.0.0.0"));
        QCOMPARE(o.config.holdTtlSeconds, 120);
    }

    void ipv6Listen()
    {
        const auto o = run({"--listen", "[::1]:8443"});
        QVERIFY(o.error.empty());
        QCOMPARE(o.config.listenHost, std::string("::1"));
        QCOMPARE(o.config.listenPort, std::uint16_t(8443));
    }

    void badValuesAreNamed()
    {
        QVERIFY(run({"--listen", "8080"}).error.find("--listen") != std::string::npos);
        QVERIFY(run({"--listen", "localhost:99999"}).error.find("port") != std::string::npos);
        QVERIFY(run({"--hold-ttl-seconds", "abc"}).error.find("whole number") != std::string::npos);
        QVERIFY(run({"--hold-ttl-seconds", "0"}).error.find("between") != std::string::npos);
        QVERIFY(run({"--log-level", "loud"}).error.find("--log-level") != std::string::npos);
        QVERIFY(run({"--no-such-flag", "1"}).error.find("unknown option") != std::string::npos);
        QVERIFY(run({"--listen"}).error.find("needs a value") != std::string::npos);
        g_env["TICKETING_DB_POOL_SIZE"] = "-1";
        QVERIFY(run({}).error.find("TICKETING_DB_POOL_SIZE") != std::string::npos);
        g_env.clear();
        // The card provider: http or https only; a CA bundle that cannot be read is said at
        // start, not at the first payment.
        QVERIFY(run({"--payments-url", "ftp://pay.example"}).error.find("https://") !=
                std::string::npos);
        QVERIFY(run({"--outbound-ca-file", "/nonexistent/ca.pem"}).error.find("cannot be read") !=
                std::string::npos);
        const auto ok =
            run({"--payments-url", "https://pay.example", "--outbound-ca-file", "/dev/null"});
        QVERIFY(ok.error.empty());
        QCOMPARE(ok.config.outboundCaFile, std::string("/dev/null"));
    }

    void subCommandsKeepTheirWordsAndFlags()
    {
        const auto o = run({"user", "add", "--email", "a@b.c", "--data-dir", "/srv/t"}, true);
        QVERIFY(o.error.empty());
        QCOMPARE(o.positional, (std::vector<std::string>{"user", "add"}));
        QCOMPARE(o.extraFlags.size(), std::size_t(1));
        QCOMPARE(o.extraFlags[0].second, std::string("a@b.c"));
        QCOMPARE(o.config.dataDir, std::string("/srv/t"));
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "TestConfig.moc"
