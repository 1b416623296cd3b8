#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/SyncClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>
#include <csignal>
#include <pqxx/pqxx>
#include <zlib.h>

using namespace ticketing::test;

namespace {
QString env(const char* name, const std::string& value)
{
    return QString::fromLatin1(name) + QLatin1Char('=') + QString::fromStdString(value);
}

// A hold of one seat of `sale` by `token`, with its own Idempotency-Key.
HttpResult holdSeat(HttpClient& http, const QString& token, const Sale& sale, const QString& label,
                    const QByteArray& key, int timeoutMs = 15000)
{
    auto headers = bearer(token);
    headers.append(qMakePair(QByteArray("Idempotency-Key"), key));
    return http.send("POST", QStringLiteral("/api/v1/bookings/hold"),
                     QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                               {QStringLiteral("seat_ids"),
                                                QJsonArray{sale.seatByLabel[label]}}})
                         .toJson(QJsonDocument::Compact),
                     headers, timeoutMs);
}

bool alive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    // A zombie waiting for its parent counts as gone.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const auto fields = stat.readAll().split(' ');
        if (fields.size() > 2 && fields[2] == "Z")
            return false;
    }
    return true;
}

qint64 pidFromFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readLine().trimmed().toLongLong();
}

std::string embeddedUrl(const QString& dataDir)
{
    return "host='" + (dataDir + QStringLiteral("/run/postgres")).toStdString() +
           "' port=5432 user=postgres dbname=ticketing";
}
} // namespace

// The real ticketd binary, as an operator runs it.
class TestTicketd : public QObject
{
    Q_OBJECT

    // The status line of a WebSocket upgrade sent with `origin` (none: empty).
    static int upgradeStatus(quint16 port, const QByteArray& origin)
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!s.waitForConnected(3000))
            return 0;
        QByteArray req = "GET /api/v1/ws HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        if (!origin.isEmpty())
            req += "Origin: " + origin + "\r\n";
        s.write(req + "\r\n");
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (!got.contains("\r\n") && t.elapsed() < 3000)
            if (s.waitForReadyRead(100))
                got += s.readAll();
        return got.mid(9, 3).toInt();
    }

private Q_SLOTS:
    // Browsers on other origins (issue 17): TICKETING_CORS_ORIGINS lists who may call. A
    // preflight from a listed origin is answered 204 with the methods and headers the API uses
    // (Authorization and Idempotency-Key among them), its GET carries its origin back (never a
    // wildcard with credentials); an origin not listed gets 403 to its preflight, no CORS
    // header on its GET, and 403 to its WebSocket; the apps, which send no Origin, are served.
    void browsersOfListedOriginsMayCallAndOthersMayNot()
    {
        TestDatabase db;
        TicketdProcess t;
        QVERIFY(t.start({}, {env("TICKETING_DATABASE_URL", db.url()),
                             env("TICKETING_REDIS_URL", sharedRedisUrl()),
                             QStringLiteral("TICKETING_CORS_ORIGINS=https://shop.example.org, "
                                            "http://localhost:5173")}));
        HttpClient http(t.baseUrl());
        const QByteArray shop = "https://shop.example.org";
        auto preflight = http.send(
            "OPTIONS", QStringLiteral("/api/v1/bookings/hold"), {},
            {{"Origin", shop},
             {"Access-Control-Request-Method", "POST"},
             {"Access-Control-Request-Headers", "authorization, content-type, idempotency-key"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("access-control-allow-origin"), shop);
        QCOMPARE(preflight.header("access-control-allow-credentials"), QByteArray("true"));
        QVERIFY(preflight.header("vary").contains("Origin"));
        QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
        const auto allowed = preflight.header("access-control-allow-headers").toLower();
        for (const char* h : {"authorization", "idempotency-key", "content-type"})
            QVERIFY2(allowed.contains(h), h);

        auto get = http.send("GET", QStringLiteral("/api/v1/events"), {}, {{"Origin", shop}});
        QCOMPARE(get.status, 200);
        QCOMPARE(get.header("access-control-allow-origin"), shop);
        QVERIFY(get.header("access-control-expose-headers").contains("X-Request-Id"));

        const QByteArray evil = "https://evil.example.net";
        auto refused = http.send("OPTIONS", QStringLiteral("/api/v1/bookings/hold"), {},
                                 {{"Origin", evil}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.header("access-control-allow-origin").isEmpty());
        auto theirGet = http.send("GET", QStringLiteral("/api/v1/events"), {}, {{"Origin", evil}});
        QCOMPARE(theirGet.status, 200); // served, but a browser does not let the page read it
        QVERIFY(theirGet.header("access-control-allow-origin").isEmpty());
        auto app = http.get(QStringLiteral("/api/v1/events"));
        QCOMPARE(app.status, 200);
        QVERIFY(app.header("access-control-allow-origin").isEmpty());

        QCOMPARE(upgradeStatus(t.port(), evil), 403);
        QCOMPARE(upgradeStatus(t.port(), shop), 101);
        QCOMPARE(upgradeStatus(t.port(), {}), 101);
    }

    // Caching and size (issue 17): public reads carry an ETag (304 when it is named) and say
    // what may be cached; availability's ETag follows its seq; a large answer is gzip-compressed
    // for a client that accepts it.
    void readsRevalidateAndLargeAnswersAreCompressed()
    {
        TicketdUnderTest t;
        QVERIFY(t.start());
        auto& http = *t.http;
        const auto org = t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        const auto sale = openSale(http, org, 2, 10);
        for (const auto& path :
             {QStringLiteral("/api/v1/events"), QStringLiteral("/api/v1/events/") + sale.event,
              QStringLiteral("/api/v1/openapi.json")}) {
            const auto first = http.get(path);
            QCOMPARE(first.status, 200);
            const auto etag = first.header("etag");
            QVERIFY2(etag.startsWith("W/\""), qPrintable(path));
            QCOMPARE(first.header("cache-control"), QByteArray("public, no-cache"));
            const auto again = http.send("GET", path, {}, {{"If-None-Match", etag}});
            QCOMPARE(again.status, 304);
            QVERIFY(again.body.isEmpty());
            QCOMPARE(again.header("etag"), etag);
        }
        // With a token: for that client only.
        QCOMPARE(http.send("GET", QStringLiteral("/api/v1/events?mine=true"), {}, bearer(org))
                     .header("cache-control"),
                 QByteArray("private, no-cache"));

        // Availability: the ETag changes when a seat does.
        const auto path = QStringLiteral("/api/v1/events/%1/availability").arg(sale.event);
        const auto before = http.get(path).header("etag");
        const auto box = t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        QCOMPARE(holdSeat(http, box, sale, QStringLiteral("MAIN-A-1"), "cache-1").status, 201);
        const auto changed = http.send("GET", path, {}, {{"If-None-Match", before}});
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("etag") != before);

        // gzip: the OpenAPI document (over 100 KB) to a client that accepts it, and not to one
        // that does not. (An Accept-Encoding set by hand: Qt then leaves the body as it came.)
        const auto plain = http.send("GET", QStringLiteral("/api/v1/openapi.json"), {},
                                     {{"Accept-Encoding", "identity"}});
        QVERIFY(plain.header("content-encoding").isEmpty());
        QVERIFY(plain.header("vary").contains("Accept-Encoding"));
        const auto zipped = http.send("GET", QStringLiteral("/api/v1/openapi.json"), {},
                                      {{"Accept-Encoding", "br;q=1, gzip;q=0.8"}});
        QCOMPARE(zipped.header("content-encoding"), QByteArray("gzip"));
        QVERIFY(zipped.body.startsWith("\x1f\x8b"));
        QVERIFY2(
            zipped.body.size() * 4 < plain.body.size(),
            qPrintable(QStringLiteral("%1 of %2").arg(zipped.body.size()).arg(plain.body.size())));
        // Unzipped, it is the document.
        z_stream z{};
        QCOMPARE(inflateInit2(&z, 15 + 16), Z_OK);
        QByteArray out(plain.body.size() + 16, '\0');
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zipped.body.constData()));
        z.avail_in = static_cast<uInt>(zipped.body.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        QCOMPARE(inflate(&z, Z_FINISH), Z_STREAM_END);
        out.resize(static_cast<qsizetype>(z.total_out));
        inflateEnd(&z);
        QCOMPARE(out, plain.body);
        // Small answers are left as they are.
        QVERIFY(http.send("GET", QStringLiteral("/healthz"), {}, {{"Accept-Encoding", "gzip"}})
                    .header("content-encoding")
                    .isEmpty());
    }

    // Memory goes back after refused large bodies (issue 17): 23 seat maps of 12 MB, each
    // refused (a seat numbered twice), leave ticketd's resident memory within 50 MB of where it
    // was.
    void memoryGoesBackAfterRefusedLargeBodies()
    {
        TicketdUnderTest t;
        QVERIFY(t.start());
        auto& http = *t.http;
        const auto org = t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        // About 12 MB: 40 sections of 100 rows of 100 seats; the last seat numbered twice.
        QByteArray body =
            "{\"name\":\"Huge\",\"address\":\"1 Road\",\"city\":\"Leeds\",\"country\":\"GB\","
            "\"latitude\":53.8,\"longitude\":-1.5,\"timezone\":\"Europe/London\","
            "\"seat_map\":{\"sections\":[";
        for (int sec = 0; sec < 40; ++sec) {
            body += (sec ? "," : "") + QByteArray("{\"key\":\"S") + QByteArray::number(sec) +
                    "\",\"name\":\"Section\",\"kind\":\"seated\",\"rows\":[";
            for (int r = 0; r < 100; ++r) {
                body += (r ? "," : "") + QByteArray("{\"label\":\"R") + QByteArray::number(r) +
                        "\",\"seats\":[";
                for (int n = 1; n <= 100; ++n)
                    body += (n > 1 ? "," : "") + QByteArray("{\"number\":") +
                            QByteArray::number(sec == 39 && r == 99 && n == 100 ? 99 : n) +
                            ",\"x\":" + QByteArray::number(n) + ",\"y\":" + QByteArray::number(r) +
                            "}";
                body += "]}";
            }
            body += "]}";
        }
        body += "]}}";
        QVERIFY2(body.size() > 10'000'000 && body.size() < 16'000'000,
                 qPrintable(QString::number(body.size())));
        auto rss = [&] {
            QFile status(QStringLiteral("/proc/%1/status").arg(t.server->pid()));
            if (!status.open(QIODevice::ReadOnly))
                return -1LL;
            for (const auto& line : status.readAll().split('\n'))
                if (line.startsWith("VmRSS:"))
                    return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
            return -1LL;
        };
        // Once first, so that what every request needs (its buffers, the pool's warm-up) is
        // counted before.
        QCOMPARE(
            http.send("POST", QStringLiteral("/api/v1/venues"), body, bearer(org), 60000).status,
            400);
        const auto before = rss();
        QVERIFY(before > 0);
        for (int i = 0; i < 23; ++i)
            QCOMPARE(http.send("POST", QStringLiteral("/api/v1/venues"), body, bearer(org), 60000)
                         .status,
                     400);
        const auto after = rss();
        qInfo("resident memory: %.1f MB before, %.1f MB after 23 refused 12 MB seat maps",
              before / 1e6, after / 1e6);
        QVERIFY2(after - before < 50'000'000,
                 qPrintable(QStringLiteral("%1 MB more").arg((after - before) / 1e6)));
    }

    // Holds per account (issue 17, TICKETING_HOLD_RATE_LIMIT): the answers say what is left;
    // past it 429 with Retry-After, for that account only. The sign-in route's limit is
    // visible the same way.
    void holdsAreLimitedPerAccountAndSaySo()
    {
        TicketdUnderTest t;
        QVERIFY(t.start({QStringLiteral("TICKETING_HOLD_RATE_LIMIT=3"),
                         // the sign-in routes' limit on, as it is by default
                         QStringLiteral("TICKETING_AUTH_RATE_LIMIT=60")}));
        auto& http = *t.http;
        const auto org = t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        const auto ann = t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto bob = t.signUp(QStringLiteral("attendee"), QStringLiteral("bob@example.com"));
        const auto sale = openSale(http, org, 2, 10);
        int keys = 0;
        auto hold = [&](const QString& token, const QString& label) {
            return holdSeat(http, token, sale, label, QByteArray::number(++keys));
        };
        const auto first = hold(ann, QStringLiteral("MAIN-A-1"));
        QCOMPARE(first.status, 201);
        QCOMPARE(first.header("ratelimit-limit"), QByteArray("3"));
        QCOMPARE(first.header("ratelimit-remaining"), QByteArray("2"));
        QVERIFY(first.header("ratelimit-reset").toInt() > 0);
        QCOMPARE(hold(ann, QStringLiteral("MAIN-A-2")).status, 201);
        QCOMPARE(hold(ann, QStringLiteral("MAIN-A-3")).status, 201);
        const auto fourth = hold(ann, QStringLiteral("MAIN-A-4"));
        QCOMPARE(fourth.status, 429);
        QCOMPARE(
            QJsonDocument::fromJson(fourth.body).object().value(QStringLiteral("code")).toString(),
            QStringLiteral("rate_limited"));
        QVERIFY(fourth.header("retry-after").toInt() > 0);
        QCOMPARE(fourth.header("ratelimit-remaining"), QByteArray("0"));
        QCOMPARE(hold(bob, QStringLiteral("MAIN-A-5")).status, 201); // another account
        const auto login = http.send(
            "POST", QStringLiteral("/api/v1/auth/login"),
            QJsonDocument(QJsonObject{{QStringLiteral("email"), QStringLiteral("ann@example.com")},
                                      {QStringLiteral("password"), QStringLiteral("nope")}})
                .toJson(QJsonDocument::Compact));
        QVERIFY(!login.header("ratelimit-limit").isEmpty());
    }

    // "*": any origin, and never with credentials.
    void aWildcardNeverComesWithCredentials()
    {
        TestDatabase db;
        TicketdProcess t;
        QVERIFY(t.start({}, {env("TICKETING_DATABASE_URL", db.url()),
                             env("TICKETING_REDIS_URL", sharedRedisUrl()),
                             QStringLiteral("TICKETING_CORS_ORIGINS=*")}));
        HttpClient http(t.baseUrl());
        auto get = http.send("GET", QStringLiteral("/api/v1/events"), {},
                             {{"Origin", "https://anyone.example"}});
        QCOMPARE(get.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(get.header("access-control-allow-credentials").isEmpty());
        TicketdProcess bad;
        QVERIFY(!bad.start({},
                           {env("TICKETING_DATABASE_URL", db.url()),
                            env("TICKETING_REDIS_URL", sharedRedisUrl()),
                            QStringLiteral("TICKETING_CORS_ORIGINS=https://x.example/path")},
                           5000));
    }

    void servesHealthReadinessAndMetrics()
    {
        TestDatabase db;
        TicketdProcess t;
        QVERIFY(t.start({}, {env("TICKETING_DATABASE_URL", db.url()),
                             env("TICKETING_REDIS_URL", sharedRedisUrl())}));
        HttpClient http(t.baseUrl());
        auto health = http.get(QStringLiteral("/healthz"));
        QCOMPARE(health.status, 200);
        QVERIFY(!health.header("x-request-id").isEmpty());

        auto ready = http.get(QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 200);
        const auto body = ready.json();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
        QCOMPARE(body.value(QStringLiteral("database"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("up"));
        QCOMPARE(body.value(QStringLiteral("redis"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("up"));
        // Issue 13 item 6: the pool is connected before ticketd serves, every worker of it.
        const auto pool = body.value(QStringLiteral("database"))
                              .toObject()
                              .value(QStringLiteral("pool"))
                              .toObject();
        QCOMPARE(pool.value(QStringLiteral("size")).toInt(), 32);
        QCOMPARE(pool.value(QStringLiteral("connected")).toInt(), 32);
        QVERIFY(t.log().contains("the database pool is connected"));

        auto openapi = http.get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(openapi.status, 200);
        QCOMPARE(openapi.json().value(QStringLiteral("openapi")).toString(),
                 QStringLiteral("3.1.0"));

        auto missing = http.get(QStringLiteral("/api/v1/nothing"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("content-type"), QByteArray("application/problem+json"));

        auto metrics = http.get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("content-type").startsWith("text/plain; version=0.0.4"));
        for (const char* expected :
             {"ticketd_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"} 1",
              "ticketd_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1",
              "ticketd_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
              "ticketd_db_pool_size 32", "ticketd_db_pool_busy ", "ticketd_redis_up 1",
              "ticketd_hold_batches_total 0", "ticketd_hold_batched_total 0"})
            QVERIFY2(metrics.body.contains(expected), expected);

        // Requests cannot grow the series (issue 17): 200 made-up methods, long ones too, on
        // made-up paths add none after the first.
        auto series = [&] {
            const auto text = http.get(QStringLiteral("/metrics")).body;
            int n = 0;
            for (const auto& line : text.split('\n'))
                if (!line.isEmpty() && !line.startsWith('#'))
                    ++n;
            return n;
        };
        http.send("XMETHOD0", QStringLiteral("/api/v1/nothing/0"));
        const int before = series();
        for (int i = 1; i <= 200; ++i)
            http.send(QByteArray("X") + QByteArray(i * 30, char('A' + i % 26)),
                      QStringLiteral("/api/v1/nothing/%1").arg(i));
        QCOMPARE(series(), before);

        QCOMPARE(t.stop(), 0);
        QVERIFY(t.log().contains("\"msg\":\"ticketd stopped\""));
    }

    void redisDownIsReportedWhileServiceGoesOn()
    {
        TestDatabase db;
        TempDir dir;
        QVERIFY(harness(QStringLiteral("start-redis"), dir.path()));
        TicketdProcess t;
        QVERIFY(t.start({}, {env("TICKETING_DATABASE_URL", db.url()),
                             env("TICKETING_REDIS_URL", redisUrlIn(dir.path()))}));
        HttpClient http(t.baseUrl());
        QTRY_COMPARE(http.get(QStringLiteral("/readyz"))
                         .json()
                         .value(QStringLiteral("redis"))
                         .toObject()
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("up"));

        QVERIFY(harness(QStringLiteral("stop-redis"), dir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/readyz"))
                                      .json()
                                      .value(QStringLiteral("redis"))
                                      .toObject()
                                      .value(QStringLiteral("status"))
                                      .toString(),
                                  QStringLiteral("down"), 5000);
        auto ready = http.get(QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 200); // still ready: PostgreSQL is the source of truth
        QCOMPARE(ready.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("degraded"));
        QVERIFY(http.get(QStringLiteral("/metrics")).body.contains("ticketd_redis_up 0"));
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);

        QVERIFY(harness(QStringLiteral("start-redis"), dir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(
            http.get(QStringLiteral("/readyz")).json().value(QStringLiteral("status")).toString(),
            QStringLiteral("ready"), 5000);
        QCOMPARE(t.stop(), 0);
        QVERIFY(harness(QStringLiteral("stop-redis"), dir.path()));
    }

    void databaseDownIs503AndRecovers()
    {
        TempDir dir;
        QVERIFY(harness(QStringLiteral("start-postgres"), dir.path()));
        TicketdProcess t;
        QVERIFY(t.start({}, {env("TICKETING_DATABASE_URL", postgresUrlIn(dir.path(), "postgres")),
                             env("TICKETING_REDIS_URL", sharedRedisUrl())}));
        HttpClient http(t.baseUrl());
        QCOMPARE(http.get(QStringLiteral("/readyz")).status, 200);

        QVERIFY(harness(QStringLiteral("stop-postgres"), dir.path()));
        auto down = http.get(QStringLiteral("/readyz"));
        QCOMPARE(down.status, 503);
        QCOMPARE(down.json()
                     .value(QStringLiteral("database"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("down"));
        QVERIFY(!down.header("retry-after").isEmpty());
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200); // alive, just not ready

        QVERIFY(harness(QStringLiteral("start-postgres"), dir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/readyz")).status, 200, 15000);
        // Ready again means every worker has a new connection: made while idle, not by requests.
        const auto pool = http.get(QStringLiteral("/readyz"))
                              .json()
                              .value(QStringLiteral("database"))
                              .toObject()
                              .value(QStringLiteral("pool"))
                              .toObject();
        QCOMPARE(pool.value(QStringLiteral("connected")).toInt(),
                 pool.value(QStringLiteral("size")).toInt());
        QCOMPARE(t.stop(), 0);
        QVERIFY(harness(QStringLiteral("stop-postgres"), dir.path()));
    }

    // Issue 13: the PostgreSQL primary dies (SIGKILL) and its streaming replica is promoted.
    // With a multi-host URL (target_session_attrs=read-write) ticketd finds the new primary by
    // itself: meanwhile holds answer 503 (retry), never 500; afterwards they are 201 again, and
    // what was acknowledged before (the replica had replayed it) is there.
    void aPostgresFailoverIsFollowed()
    {
        TempDir primary;
        TempDir replica;
        QVERIFY(harness(QStringLiteral("start-postgres"), primary.path()));
        QVERIFY(harness(QStringLiteral("start-replica"), replica.path(), {primary.path()}));
        const auto url = QStringLiteral("host=%1/pg,%2/pg port=5432,5432 user=postgres "
                                        "dbname=postgres target_session_attrs=read-write")
                             .arg(primary.path(), replica.path());
        const QStringList environment{QStringLiteral("TICKETING_DATABASE_URL=") + url,
                                      env("TICKETING_REDIS_URL", sharedRedisUrl()),
                                      QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0"),
                                      QStringLiteral("TICKETING_DB_POOL_SIZE=4")};
        TicketdProcess t;
        QVERIFY(t.start({}, environment));
        HttpClient http(t.baseUrl());
        const auto org = signUpAs(http, environment, QStringLiteral("organizer"),
                                  QStringLiteral("org@example.com"));
        const auto box = signUpAs(http, environment, QStringLiteral("box_office"),
                                  QStringLiteral("box@example.com"));
        const auto sale = openSale(http, org, 2, 10);
        int keys = 0;
        auto hold = [&](const QString& label) {
            auto headers = bearer(box);
            headers.append(qMakePair(QByteArray("Idempotency-Key"), QByteArray::number(++keys)));
            return http.send("POST", QStringLiteral("/api/v1/bookings/hold"),
                             QJsonDocument(QJsonObject{{QStringLiteral("event_id"), sale.event},
                                                       {QStringLiteral("seat_ids"),
                                                        QJsonArray{sale.seatByLabel[label]}}})
                                 .toJson(QJsonDocument::Compact),
                             headers, 10000);
        };
        // A live seat map open through the fail-over.
        const QString wsUrl =
            t.baseUrl().replace(QStringLiteral("http://"), QStringLiteral("ws://")) +
            QStringLiteral("/api/v1/ws");
        SyncClient live;
        QVERIFY(live.open(wsUrl));
        live.subscribe(sale.event);
        QVERIFY(live.waitUntil([&] { return live.snapshots == 1; }));
        const auto before = hold(QStringLiteral("MAIN-A-1"));
        QCOMPARE(before.status, 201);
        QVERIFY(live.waitUntil([&] {
            return live.seats.value(sale.seatByLabel[QStringLiteral("MAIN-A-1")]) ==
                   QStringLiteral("held");
        }));
        const auto seqBefore = live.seq;
        // Acknowledged and replayed on the replica (asynchronous replication: only then is it
        // sure to survive the primary).
        pqxx::connection p(postgresUrlIn(primary.path(), "postgres"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                pqxx::work tx(p);
                // (The insert position: with synchronous_commit off, as the tests run, a commit
                // can be in the WAL buffers, not yet written and so not yet sent.)
                return tx.exec1("SELECT count(*) FROM pg_stat_replication WHERE replay_lsn >= "
                                "pg_current_wal_insert_lsn()")[0]
                           .as<int>() == 1;
            },
            10000));

        QVERIFY(harness(QStringLiteral("kill-postgres"), primary.path()));
        QElapsedTimer recovery;
        recovery.start();
        std::map<int, int> statuses;
        // No primary at all until the replica is promoted: 503 database_unavailable, at once.
        for (int i = 0; i < 3; ++i) {
            const auto r = hold(QStringLiteral("MAIN-B-%1").arg(i + 1));
            ++statuses[r.status];
            QCOMPARE(r.status, 503);
            QVERIFY(r.json().value(QStringLiteral("code")).toString() ==
                    QStringLiteral("database_unavailable"));
        }
        QVERIFY(harness(QStringLiteral("promote"), replica.path()));
        int label = 2;
        bool back = false;
        while (!back && recovery.elapsed() < 30000) {
            const auto r = hold(QStringLiteral("MAIN-A-%1").arg(label));
            ++statuses[r.status];
            if (r.status == 201)
                back = true;
            else
                QTest::qWait(200);
            if (r.status == 201 || r.status == 409)
                ++label;
        }
        qInfo() << "holds after the primary's loss:" << statuses << "back after"
                << recovery.elapsed() << "ms";
        QVERIFY(back);
        for (const auto& [status, count] : statuses)
            QVERIFY2(status == 201 || status == 503, qPrintable(QString::number(status)));
        // Every worker finds the new primary within a second or two (a 503 meanwhile is to be
        // retried): ready again with the whole pool, and what was acknowledged is there.
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/readyz")).status, 200, 10000);
        qInfo() << "ready again" << recovery.elapsed() << "ms after the primary's loss";
        HttpResult kept;
        QTRY_VERIFY_WITH_TIMEOUT(
            (kept = http.send("GET",
                              QStringLiteral("/api/v1/bookings/") +
                                  before.json().value(QStringLiteral("booking_id")).toString(),
                              {}, bearer(box)))
                    .status != 503,
            5000);
        QCOMPARE(kept.status, 200);
        QCOMPARE(kept.json().value(QStringLiteral("status")).toString(), QStringLiteral("held"));

        // The promoted replica writes a new history (its own timeline): the live sync's seqs
        // jump ahead of the old one's, so no new change can be taken for one a subscriber saw
        // on the old primary (an asynchronous replica may lack it). The subscriber that stayed
        // connected gets a fresh snapshot, then the deltas; one that resubscribes with its old
        // seq gets a snapshot too. Both then agree with availability.
        const QString newSeat = sale.seatByLabel[QStringLiteral("MAIN-A-%1").arg(label - 1)];
        const bool resynced = live.waitUntil(
            [&] {
                return live.snapshots >= 2 && live.seats.value(newSeat) == QStringLiteral("held");
            },
            15000);
        QVERIFY2(resynced,
                 qPrintable(QStringLiteral("snapshots %1, seq %2 (before %3), new seat %4")
                                .arg(live.snapshots)
                                .arg(live.seq)
                                .arg(seqBefore)
                                .arg(live.seats.value(newSeat))));
        QVERIFY(!live.gap);
        QVERIFY2(live.seq >= seqBefore + 1000000, qPrintable(QString::number(live.seq)));
        QVERIFY(t.log().contains("the database is on a new timeline"));
        SyncClient resumed;
        QVERIFY(resumed.open(wsUrl));
        resumed.subscribe(sale.event, seqBefore);
        QVERIFY(resumed.waitUntil([&] { return resumed.snapshots == 1; }));
        const auto availability = http.get(QStringLiteral("/api/v1/events/") + sale.event +
                                           QStringLiteral("/availability"))
                                      .json();
        QString why;
        QVERIFY(live.waitUntil([&] { return live.matches(availability, &why); }));
        QVERIFY2(resumed.matches(availability, &why), qPrintable(why));
        QCOMPARE(t.stop(), 0);
        QVERIFY(harness(QStringLiteral("stop-postgres"), replica.path()));
    }

    void embeddedServersKeepDataAndLeaveNothingBehind()
    {
        TempDir data;
        const QStringList args{QStringLiteral("--data-dir"), data.path()};
        qint64 pgPid = -1;
        qint64 redisPid = -1;
        {
            TicketdProcess t;
            QVERIFY(t.start(args, {}));
            HttpClient http(t.baseUrl());
            auto ready = http.get(QStringLiteral("/readyz"));
            QCOMPARE(ready.status, 200);
            QCOMPARE(ready.json()
                         .value(QStringLiteral("redis"))
                         .toObject()
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("up"));
            pgPid = pidFromFile(data.path() + QStringLiteral("/postgres/postmaster.pid"));
            redisPid = pidFromFile(data.path() + QStringLiteral("/redis/redis.pid"));
            QVERIFY(alive(pgPid));
            QVERIFY(alive(redisPid));
            pqxx::connection c(embeddedUrl(data.path()));
            pqxx::work tx(c);
            tx.exec("CREATE TABLE marker (note text); INSERT INTO marker VALUES ('from the first "
                    "start')");
            tx.commit();
            QCOMPARE(t.stop(), 0); // SIGTERM
        }
        QVERIFY(!alive(pgPid));
        QVERIFY(!alive(redisPid));

        TicketdProcess again;
        QVERIFY(again.start(args, {}));
        pqxx::connection c(embeddedUrl(data.path()));
        pqxx::read_transaction tx(c);
        QCOMPARE(tx.exec1("SELECT note FROM marker")[0].as<std::string>(),
                 std::string("from the first start"));
        QCOMPARE(again.stop(), 0);
    }

    void embeddedServersThatDieAreStartedAgain()
    {
        TempDir data;
        TicketdProcess t;
        QVERIFY(t.start({QStringLiteral("--data-dir"), data.path()}, {}));
        HttpClient http(t.baseUrl());
        const auto pidFile = data.path() + QStringLiteral("/redis/redis.pid");
        const auto redisPid = pidFromFile(pidFile);
        ::kill(static_cast<pid_t>(redisPid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(pidFromFile(pidFile) != redisPid && alive(pidFromFile(pidFile)),
                                 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            http.get(QStringLiteral("/readyz")).json().value(QStringLiteral("status")).toString(),
            QStringLiteral("ready"), 10000);

        const auto pgPidFile = data.path() + QStringLiteral("/postgres/postmaster.pid");
        const auto pgPid = pidFromFile(pgPidFile);
        ::kill(static_cast<pid_t>(pgPid), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(pidFromFile(pgPidFile) != pgPid && alive(pidFromFile(pgPidFile)),
                                 30000);
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/readyz")).status, 200, 30000);
        QVERIFY(t.log().contains("the embedded PostgreSQL stopped unexpectedly"));
        QVERIFY(t.log().contains("the embedded Redis stopped unexpectedly"));

        const auto newPg = pidFromFile(pgPidFile);
        const auto newRedis = pidFromFile(pidFile);
        QCOMPARE(t.stop(), 0);
        QVERIFY(!alive(newPg));
        QVERIFY(!alive(newRedis));
    }

    void oneTicketdPerDataDirectory()
    {
        TempDir data;
        const QStringList args{QStringLiteral("--data-dir"), data.path()};
        TicketdProcess first;
        QVERIFY(first.start(args, {}));
        TicketdProcess second;
        QVERIFY(!second.start(args, {}, 20000));
        QVERIFY2(second.log().contains("another ticketd"), second.log().constData());
        QCOMPARE(HttpClient(first.baseUrl()).get(QStringLiteral("/readyz")).status, 200);
        QCOMPARE(first.stop(), 0);
    }

    void aKilledTicketdTakesItsServersWithIt()
    {
        TempDir data;
        TicketdProcess t;
        QVERIFY(t.start({QStringLiteral("--data-dir"), data.path()}, {}));
        const auto pgPid = pidFromFile(data.path() + QStringLiteral("/postgres/postmaster.pid"));
        const auto redisPid = pidFromFile(data.path() + QStringLiteral("/redis/redis.pid"));
        QVERIFY(alive(pgPid) && alive(redisPid));
        ::kill(static_cast<pid_t>(t.pid()), SIGKILL); // a crash: no clean-up code runs
        QTRY_VERIFY_WITH_TIMEOUT(!alive(pgPid) && !alive(redisPid), 20000);
        // And the next start is not stopped by anything the crash left.
        TicketdProcess next;
        QVERIFY(next.start({QStringLiteral("--data-dir"), data.path()}, {}));
        QCOMPARE(next.stop(), 0);
    }

    void missingBinariesAndBadConfigurationAreExplained()
    {
        TicketdProcess t;
        QVERIFY(
            !t.start({QStringLiteral("--hold-ttl-seconds"), QStringLiteral("soon")}, {}, 10000));
        QVERIFY(t.log().contains("whole number"));
        TicketdProcess badDb;
        QVERIFY(!badDb.start(
            {},
            {QStringLiteral("TICKETING_DATABASE_URL=host=/nonexistent connect_timeout=1"),
             env("TICKETING_REDIS_URL", sharedRedisUrl())},
            20000));
        QVERIFY2(badDb.log().contains("ticketd cannot run"), badDb.log().constData());
    }
};

QTEST_GUILESS_MAIN(TestTicketd)
#include "TestTicketd.moc"
