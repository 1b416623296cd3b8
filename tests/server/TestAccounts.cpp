#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"

#include <QJsonArray>
#include <QtTest>
#include <algorithm>

using namespace ticketing::test;

namespace {
QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QList<QPair<QByteArray, QByteArray>> bearer(const QString& token)
{
    return {{"Authorization", "Bearer " + token.toUtf8()}};
}
QString code(const HttpResult& r)
{
    return r.json().value(QStringLiteral("code")).toString();
}
} // namespace

// API.md "Accounts", row by row, over HTTP against the real ticketd and PostgreSQL.
class TestAccounts : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TicketdProcess> m_server;
    std::unique_ptr<HttpClient> m_http;

    QStringList env(int rateLimit = 100000) const
    {
        return {QStringLiteral("TICKETING_DATABASE_URL=") + QString::fromStdString(m_db->url()),
                QStringLiteral("TICKETING_REDIS_URL=") + QString::fromStdString(sharedRedisUrl()),
                QStringLiteral("TICKETING_AUTH_RATE_LIMIT=%1").arg(rateLimit)};
    }

    HttpResult post(const QString& path, const QJsonObject& body, const QString& token = {})
    {
        return m_http->send("POST", path, json(body),
                            token.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{}
                                            : bearer(token));
    }

    HttpResult registerUser(const QString& email,
                            const QString& password = QStringLiteral("a good password"))
    {
        return post(QStringLiteral("/api/v1/auth/register"),
                    {{QStringLiteral("email"), email},
                     {QStringLiteral("password"), password},
                     {QStringLiteral("first_name"), QStringLiteral("Ada")},
                     {QStringLiteral("last_name"), QStringLiteral("Lovelace")}});
    }

    HttpResult login(const QString& email,
                     const QString& password = QStringLiteral("a good password"))
    {
        return post(QStringLiteral("/api/v1/auth/login"),
                    {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    }

    // An account of any role, made the way operators make them: `ticketd user add`.
    QString addUser(const QString& email, const QString& role)
    {
        auto r = runTicketd({QStringLiteral("user"), QStringLiteral("add"),
                             QStringLiteral("--email"), email, QStringLiteral("--password"),
                             QStringLiteral("a good password"), QStringLiteral("--role"), role},
                            env());
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QString::fromUtf8(r.out.trimmed());
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<TestDatabase>();
        m_server = std::make_unique<TicketdProcess>();
        QVERIFY(m_server->start({}, env()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    }
    void cleanup()
    {
        if (QTest::currentTestFailed() && m_server)
            qWarning().noquote() << "ticketd said:\n" << m_server->problems();
        if (m_server) {
            const auto log = m_server->log();
            // Passwords and tokens never reach a log line.
            QVERIFY2(!log.contains("a good password"), "a password is in the log");
            QVERIFY2(!log.contains("eyJ"), "a token is in the log");
            m_server->stop();
        }
        m_http.reset();
        m_server.reset();
        m_db.reset();
    }

    void registerCreatesAnAttendee()
    {
        auto r = registerUser(QStringLiteral("Ada@Example.com"));
        QCOMPARE(r.status, 201);
        const auto user = r.json().value(QStringLiteral("user")).toObject();
        for (const char* key :
             {"id", "email", "first_name", "last_name", "phone", "role", "created_at"})
            QVERIFY2(user.contains(QLatin1String(key)), key);
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("attendee"));
        QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("Ada@Example.com"));
        QVERIFY(user.value(QStringLiteral("phone")).isNull());
        QVERIFY(
            QDateTime::fromString(user.value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                .isValid());
        QVERIFY(!r.body.contains("password"));

        auto again = registerUser(QStringLiteral("  ada@EXAMPLE.com "));
        QCOMPARE(again.status, 409);
        QCOMPARE(code(again), QStringLiteral("email_taken"));
        QCOMPARE(again.header("content-type"), QByteArray("application/problem+json"));
    }

    void registrationNamesEveryBadField()
    {
        auto r = post(QStringLiteral("/api/v1/auth/register"),
                      {{QStringLiteral("email"), QStringLiteral("not-an-email")},
                       {QStringLiteral("password"), QStringLiteral("short")},
                       {QStringLiteral("first_name"), QStringLiteral("")},
                       {QStringLiteral("last_name"), 42},
                       {QStringLiteral("phone"), QStringLiteral("call me")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("validation_failed"));
        QStringList fields;
        for (const auto& e : r.json().value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString();
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("email"), QStringLiteral("first_name"),
                                      QStringLiteral("last_name"), QStringLiteral("password"),
                                      QStringLiteral("phone")}));
        QCOMPARE(
            registerUser(QStringLiteral("nine@example.com"), QStringLiteral("123456789")).status,
            400);
        QCOMPARE(
            registerUser(QStringLiteral("ten@example.com"), QStringLiteral("1234567890")).status,
            201);
        QCOMPARE(m_http->send("POST", QStringLiteral("/api/v1/auth/register"), "{oops").status,
                 400);
        QCOMPARE(code(m_http->send("POST", QStringLiteral("/api/v1/auth/register"), "{oops")),
                 QStringLiteral("invalid_json"));
        QCOMPARE(m_http->send("POST", QStringLiteral("/api/v1/auth/register"), "[1]").status, 400);
    }

    void loginAnswersTokens()
    {
        QCOMPARE(registerUser(QStringLiteral("tok@example.com")).status, 201);
        auto r = login(QStringLiteral("TOK@example.com"));
        QCOMPARE(r.status, 200);
        const auto t = r.json();
        QVERIFY(!t.value(QStringLiteral("access_token")).toString().isEmpty());
        QVERIFY(!t.value(QStringLiteral("refresh_token")).toString().isEmpty());
        QCOMPARE(t.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(t.value(QStringLiteral("expires_in")).toInt(), 900);
        QCOMPARE(
            t.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
            QStringLiteral("tok@example.com"));
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        QCOMPARE(registerUser(QStringLiteral("same@example.com")).status, 201);
        std::vector<qint64> wrong;
        std::vector<qint64> unknown;
        for (int i = 0; i < 4; ++i) {
            QElapsedTimer t;
            t.start();
            auto a = login(QStringLiteral("same@example.com"), QStringLiteral("not the password"));
            wrong.push_back(t.restart());
            auto b = login(QStringLiteral("nobody%1@example.com").arg(i),
                           QStringLiteral("not the password"));
            unknown.push_back(t.elapsed());
            QCOMPARE(a.status, 401);
            QCOMPARE(b.status, 401);
            QCOMPARE(code(a), QStringLiteral("invalid_credentials"));
            auto strip = [](QJsonObject o) {
                o.remove(QStringLiteral("request_id"));
                return o;
            };
            QCOMPARE(strip(a.json()), strip(b.json()));
        }
        std::sort(wrong.begin(), wrong.end());
        std::sort(unknown.begin(), unknown.end());
        qInfo("median login: wrong password %lld ms, unknown email %lld ms", wrong[2], unknown[2]);
        QVERIFY(unknown[2] * 3 >= wrong[2] && wrong[2] * 3 >= unknown[2]);
    }

    void fiveFailuresLockTheAccount()
    {
        QCOMPARE(registerUser(QStringLiteral("lock@example.com")).status, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                login(QStringLiteral("lock@example.com"), QStringLiteral("wrong password!")).status,
                401);
        auto locked = login(QStringLiteral("lock@example.com")); // the right password
        QCOMPARE(locked.status, 423);
        QCOMPARE(code(locked), QStringLiteral("account_locked"));
        const int retryAfter = locked.header("retry-after").toInt();
        QVERIFY2(retryAfter > 800 && retryAfter <= 900, locked.header("retry-after").constData());
    }

    void refreshRotatesAndReuseRevokesTheLogin()
    {
        QCOMPARE(registerUser(QStringLiteral("rot@example.com")).status, 201);
        const auto first = login(QStringLiteral("rot@example.com")).json();
        const auto rt1 = first.value(QStringLiteral("refresh_token")).toString();
        auto second =
            post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), rt1}});
        QCOMPARE(second.status, 200);
        const auto rt2 = second.json().value(QStringLiteral("refresh_token")).toString();
        const auto at2 = second.json().value(QStringLiteral("access_token")).toString();
        QVERIFY(rt2 != rt1);
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(at2)).status,
                 200);

        auto reuse =
            post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), rt1}});
        QCOMPARE(reuse.status, 401);
        QCOMPARE(code(reuse), QStringLiteral("refresh_token_reused"));
        // Every token of that login is now dead: the rotated refresh token and the access tokens.
        QCOMPARE(
            post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), rt2}})
                .status,
            401);
        auto me = m_http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(at2));
        QCOMPARE(me.status, 401);
        QCOMPARE(code(me), QStringLiteral("invalid_token"));
        QCOMPARE(m_http
                     ->send("GET", QStringLiteral("/api/v1/users/me"), {},
                            bearer(first.value(QStringLiteral("access_token")).toString()))
                     .status,
                 401);
        // Another login of the same user is untouched.
        QCOMPARE(login(QStringLiteral("rot@example.com")).status, 200);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"),
                      {{QStringLiteral("refresh_token"), QStringLiteral("garbage")}})
                     .status,
                 401);
    }

    void logoutRevokes()
    {
        QCOMPARE(registerUser(QStringLiteral("out@example.com")).status, 201);
        const auto t = login(QStringLiteral("out@example.com")).json();
        const auto rt = t.value(QStringLiteral("refresh_token")).toString();
        const auto at = t.value(QStringLiteral("access_token")).toString();
        auto out =
            post(QStringLiteral("/api/v1/auth/logout"), {{QStringLiteral("refresh_token"), rt}});
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        QCOMPARE(
            post(QStringLiteral("/api/v1/auth/refresh"), {{QStringLiteral("refresh_token"), rt}})
                .status,
            401);
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(at)).status,
                 401);
        QCOMPARE(
            post(QStringLiteral("/api/v1/auth/logout"), {{QStringLiteral("refresh_token"), rt}})
                .status,
            204);
    }

    void profileReadAndPatch()
    {
        QCOMPARE(registerUser(QStringLiteral("me@example.com")).status, 201);
        const auto at = login(QStringLiteral("me@example.com"))
                            .json()
                            .value(QStringLiteral("access_token"))
                            .toString();
        auto me = m_http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(at));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("first_name")).toString(), QStringLiteral("Ada"));
        auto patched =
            m_http->send("PATCH", QStringLiteral("/api/v1/users/me"),
                         json({{QStringLiteral("last_name"), QStringLiteral("Byron")},
                               {QStringLiteral("phone"), QStringLiteral("+44 20 7946 0000")},
                               {QStringLiteral("role"), QStringLiteral("admin")}}),
                         bearer(at));
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("last_name")).toString(),
                 QStringLiteral("Byron"));
        QCOMPARE(patched.json().value(QStringLiteral("first_name")).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(patched.json().value(QStringLiteral("phone")).toString(),
                 QStringLiteral("+44 20 7946 0000"));
        QCOMPARE(patched.json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("attendee")); // not a profile field
        auto cleared =
            m_http->send("PATCH", QStringLiteral("/api/v1/users/me"),
                         json({{QStringLiteral("phone"), QJsonValue::Null}}), bearer(at));
        QVERIFY(cleared.json().value(QStringLiteral("phone")).isNull());
        auto bad =
            m_http->send("PATCH", QStringLiteral("/api/v1/users/me"),
                         json({{QStringLiteral("first_name"), QStringLiteral(" ")}}), bearer(at));
        QCOMPARE(bad.status, 400);
        QCOMPARE(m_http->send("GET", QStringLiteral("/api/v1/users/me")).status, 401);
        auto junk = m_http->send("GET", QStringLiteral("/api/v1/users/me"), {},
                                 bearer(QStringLiteral("junk")));
        QCOMPARE(junk.status, 401);
        QCOMPARE(code(junk), QStringLiteral("invalid_token"));
        QVERIFY(junk.header("www-authenticate").startsWith("Bearer"));
    }

    void adminsListUsersAndChangeRoles()
    {
        QVERIFY(!addUser(QStringLiteral("root@example.com"), QStringLiteral("admin")).isEmpty());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(registerUser(QStringLiteral("u%1@example.com").arg(i)).status, 201);
        const auto admin = login(QStringLiteral("root@example.com"))
                               .json()
                               .value(QStringLiteral("access_token"))
                               .toString();

        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            auto page = m_http->send(
                "GET",
                QStringLiteral("/api/v1/admin/users?limit=2") +
                    (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                {}, bearer(admin));
            QCOMPARE(page.status, 200);
            for (const auto& u : page.json().value(QStringLiteral("items")).toArray())
                seen << u.toObject().value(QStringLiteral("email")).toString();
            const auto next = page.json().value(QStringLiteral("next_cursor"));
            cursor = next.isNull() ? QString() : next.toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.removeDuplicates(), 0);
        auto search =
            m_http->send("GET", QStringLiteral("/api/v1/admin/users?q=U3@"), {}, bearer(admin));
        QCOMPARE(search.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/admin/users?limit=0"), {}, bearer(admin))
                .status,
            400);
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/admin/users?cursor=%%%"), {}, bearer(admin))
                .status,
            400);

        // Promote u0; its old token stops working at once (its sessions are revoked).
        const auto u0 = login(QStringLiteral("u0@example.com")).json();
        const auto u0Id =
            u0.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        const auto u0Token = u0.value(QStringLiteral("access_token")).toString();
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/admin/users"), {}, bearer(u0Token)).status,
            403);
        auto promoted = m_http->send("PATCH", QStringLiteral("/api/v1/admin/users/") + u0Id,
                                     json({{QStringLiteral("role"), QStringLiteral("organizer")}}),
                                     bearer(admin));
        QCOMPARE(promoted.status, 200);
        QCOMPARE(promoted.json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("organizer"));
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(u0Token)).status,
            401);
        QCOMPARE(login(QStringLiteral("u0@example.com"))
                     .json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
                 QStringLiteral("organizer"));

        auto badRole =
            m_http->send("PATCH", QStringLiteral("/api/v1/admin/users/") + u0Id,
                         json({{QStringLiteral("role"), QStringLiteral("king")}}), bearer(admin));
        QCOMPARE(badRole.status, 400);
        QCOMPARE(
            m_http
                ->send("PATCH",
                       QStringLiteral("/api/v1/admin/users/0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d"),
                       json({{QStringLiteral("role"), QStringLiteral("gate")}}), bearer(admin))
                .status,
            404);
        // The last admin cannot demote itself.
        const auto adminId = login(QStringLiteral("root@example.com"))
                                 .json()
                                 .value(QStringLiteral("user"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const auto admin2 = login(QStringLiteral("root@example.com"))
                                .json()
                                .value(QStringLiteral("access_token"))
                                .toString();
        auto last = m_http->send("PATCH", QStringLiteral("/api/v1/admin/users/") + adminId,
                                 json({{QStringLiteral("role"), QStringLiteral("attendee")}}),
                                 bearer(admin2));
        QCOMPARE(last.status, 409);
        QCOMPARE(code(last), QStringLiteral("last_admin"));
    }

    void userAddWorksWithAndWithoutARunningServer()
    {
        // With a server on the same database (this test's) ...
        const auto id = addUser(QStringLiteral("cli@example.com"), QStringLiteral("box_office"));
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(id.at(14), QLatin1Char('7')); // a version 7 id (Qt 6.4's QUuid predates it)
        QCOMPARE(login(QStringLiteral("cli@example.com"))
                     .json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
                 QStringLiteral("box_office"));
        auto dup = runTicketd({QStringLiteral("user"), QStringLiteral("add"),
                               QStringLiteral("--email"), QStringLiteral("CLI@example.com"),
                               QStringLiteral("--password"), QStringLiteral("another password"),
                               QStringLiteral("--role"), QStringLiteral("gate")},
                              env());
        QCOMPARE(dup.exitCode, 3);
        auto bad =
            runTicketd({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--email"),
                        QStringLiteral("x@example.com"), QStringLiteral("--password"),
                        QStringLiteral("short"), QStringLiteral("--role"), QStringLiteral("gate")},
                       env());
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("password"));

        // ... and on an embedded data directory, first with no ticketd running, then with one.
        TempDir data;
        const QStringList dir{QStringLiteral("--data-dir"), data.path()};
        auto alone = runTicketd(
            QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--email"),
                        QStringLiteral("first@example.com"), QStringLiteral("--password"),
                        QStringLiteral("-"), QStringLiteral("--role"), QStringLiteral("admin")} +
                dir,
            {}, "a stdin password\n");
        QVERIFY2(alone.exitCode == 0, alone.err.constData());
        TicketdProcess embedded;
        QVERIFY(embedded.start(dir, {}));
        auto attached =
            runTicketd(QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                   QStringLiteral("--email"), QStringLiteral("second@example.com"),
                                   QStringLiteral("--password"), QStringLiteral("a good password"),
                                   QStringLiteral("--role"), QStringLiteral("gate")} +
                           dir,
                       {});
        QVERIFY2(attached.exitCode == 0, attached.err.constData());
        HttpClient http(embedded.baseUrl());
        auto first =
            http.send("POST", QStringLiteral("/api/v1/auth/login"),
                      json({{QStringLiteral("email"), QStringLiteral("first@example.com")},
                            {QStringLiteral("password"), QStringLiteral("a stdin password")}}));
        QCOMPARE(first.status, 200);
        auto second =
            http.send("POST", QStringLiteral("/api/v1/auth/login"),
                      json({{QStringLiteral("email"), QStringLiteral("second@example.com")},
                            {QStringLiteral("password"), QStringLiteral("a good password")}}));
        QCOMPARE(second.status, 200);
        QCOMPARE(embedded.stop(), 0);
    }

    void everyInstanceOnTheDatabaseAcceptsTheSameTokens()
    {
        QCOMPARE(registerUser(QStringLiteral("multi@example.com")).status, 201);
        TicketdProcess other;
        QVERIFY(other.start({}, env()));
        HttpClient otherHttp(other.baseUrl());
        const auto t = login(QStringLiteral("multi@example.com")).json();
        QCOMPARE(otherHttp
                     .send("GET", QStringLiteral("/api/v1/users/me"), {},
                           bearer(t.value(QStringLiteral("access_token")).toString()))
                     .status,
                 200);
        auto refreshed =
            otherHttp.send("POST", QStringLiteral("/api/v1/auth/refresh"),
                           json({{QStringLiteral("refresh_token"),
                                  t.value(QStringLiteral("refresh_token")).toString()}}));
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"),
                      {{QStringLiteral("refresh_token"),
                        t.value(QStringLiteral("refresh_token")).toString()}})
                     .status,
                 401);
        QCOMPARE(other.stop(), 0);
    }

    void authEndpointsAreRateLimitedPerAddress()
    {
        // Its own Redis: the counters are shared by every instance on one Redis, by design.
        TempDir redisDir;
        QVERIFY(harness(QStringLiteral("start-redis"), redisDir.path()));
        auto limitedEnv = env(5);
        limitedEnv << QStringLiteral("TICKETING_REDIS_URL=") +
                          QString::fromStdString(redisUrlIn(redisDir.path()));
        TicketdProcess limited;
        QVERIFY(limited.start({}, limitedEnv));
        HttpClient http(limited.baseUrl());
        int refused = 0;
        HttpResult last;
        for (int i = 0; i < 8; ++i) {
            last = http.send("POST", QStringLiteral("/api/v1/auth/login"),
                             json({{QStringLiteral("email"), QStringLiteral("x@example.com")},
                                   {QStringLiteral("password"), QStringLiteral("whatever12")}}));
            refused += last.status == 429 ? 1 : 0;
        }
        QCOMPARE(refused, 3);
        QCOMPARE(code(last), QStringLiteral("rate_limited"));
        const int wait = last.header("retry-after").toInt();
        QVERIFY(wait >= 1 && wait <= 60);
        QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200); // only the auth endpoints
        // Nobody is trusted to name the client: an X-Forwarded-For changes nothing. (Each try
        // with another unknown e-mail: failures for one account lock it, which is not tested.)
        int tries = 0;
        auto signIn = [&](HttpClient& client, const QByteArray& forwardedFor) {
            return client
                .send(
                    "POST", QStringLiteral("/api/v1/auth/login"),
                    json({{QStringLiteral("email"), QStringLiteral("y%1@example.com").arg(++tries)},
                          {QStringLiteral("password"), QStringLiteral("whatever12")}}),
                    {{"X-Forwarded-For", forwardedFor}})
                .status;
        };
        QCOMPARE(signIn(http, "198.51.100.7"), 429);
        QCOMPARE(limited.stop(), 0);

        // Issue 13 item 7: behind a trusted proxy (here: loopback, as nginx on the same host)
        // each client it names has its own allowance; an address a client put in the header
        // itself, in front of the proxy's, does not count.
        QVERIFY(harness(QStringLiteral("stop-redis"), redisDir.path()));
        QVERIFY(harness(QStringLiteral("start-redis"), redisDir.path()));
        TicketdProcess proxied;
        QVERIFY(proxied.start({}, limitedEnv + QStringList{QStringLiteral(
                                                   "TICKETING_TRUSTED_PROXIES=127.0.0.1, ::1")}));
        HttpClient behind(proxied.baseUrl());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(behind, "203.0.113.1"), 401);
        QCOMPARE(signIn(behind, "203.0.113.1"), 429);
        QCOMPARE(signIn(behind, "203.0.113.2"), 401); // another client behind the same proxy
        QCOMPARE(signIn(behind, "10.9.9.9, 203.0.113.1"), 429); // a forged hop in front
        QVERIFY(proxied.log().contains("\"remote\":\"203.0.113.2\""));
        QCOMPARE(proxied.stop(), 0);

        // A list that is not one stops ticketd at once, naming the entry.
        const auto bad = runTicketd(
            {}, limitedEnv + QStringList{QStringLiteral("TICKETING_TRUSTED_PROXIES=10.0.0.0/33")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY(bad.err.contains("10.0.0.0/33"));
        QVERIFY(harness(QStringLiteral("stop-redis"), redisDir.path()));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "TestAccounts.moc"
