#include "app/PoolExecutor.h"
#include "cache/Redis.h"
#include "db/Pool.h"
#include "domain/Roles.h"
#include "handlers/Routes.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "payments/Provider.h"
#include "services/AuthService.h"
#include "services/CheckInService.h"
#include "services/CheckoutService.h"
#include "services/DeviceService.h"
#include "services/EventService.h"
#include "services/HealthService.h"
#include "services/HoldService.h"
#include "services/NotificationService.h"
#include "services/VenueService.h"
#include "services/WaitlistService.h"
#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"

#include <QtTest>

using namespace ticketing;
using namespace ticketing::test;

namespace {
// The routes of ticketd exactly as the application registers them.
std::vector<http::Router::RouteInfo> ticketdRoutes()
{
    db::Pool pool({"host=/nonexistent", 1, 1});
    cache::Redis redis({"unix:///nonexistent", 1});
    services::HealthService health(pool, redis);
    services::TokenService tokens(std::string(32, 'k'), domain::SystemClock::instance());
    const services::PasswordHasher hasher({1, 8u * 1024 * 1024});
    services::AuthService auth(tokens, hasher, domain::SystemClock::instance());
    http::Metrics metrics;
    services::VenueService venues(domain::SystemClock::instance());
    services::EventService events(domain::SystemClock::instance());
    services::HoldService holds(redis, domain::SystemClock::instance(), std::chrono::seconds(300));
    const auto cash = payments::makeCashProvider();
    services::CheckoutService checkout(holds, events, *cash, nullptr, "",
                                       domain::SystemClock::instance());
    services::DeviceService devices(domain::SystemClock::instance());
    services::CheckInService checkin(domain::SystemClock::instance());
    services::NotificationService notifications(domain::SystemClock::instance());
    services::WaitlistService waitlist(domain::SystemClock::instance());
    handlers::Services services{health,  auth,    venues,        events,   holds,  checkout,
                                devices, checkin, notifications, waitlist, metrics};
    app::PoolExecutor executor(pool);
    http::Router router(&executor);
    handlers::registerRoutes(router, services);
    return router.routes();
}

QString concretePath(const std::string& pattern)
{
    // Any id: the rule is checked before the resource is looked up.
    auto path = QString::fromStdString(pattern);
    static const QRegularExpression param(QStringLiteral("\\{[^}]+\\}"));
    return path.replace(param, QStringLiteral("0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d"));
}
} // namespace

// Every route that exists, for every role and for an anonymous caller: the status is what the
// route's rule and the permission table say. The router the server runs is built by the same
// registerRoutes() as the list here, so a new route is walked as soon as it exists.
class TestRoleMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRouteForEveryRole()
    {
        TestDatabase db;
        const QStringList env{
            QStringLiteral("TICKETING_DATABASE_URL=") + QString::fromStdString(db.url()),
            QStringLiteral("TICKETING_REDIS_URL=") + QString::fromStdString(sharedRedisUrl()),
            QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")};
        TicketdProcess server;
        QVERIFY(server.start({}, env));
        HttpClient http(server.baseUrl());

        std::map<domain::Role, QString> tokens;
        for (auto role : domain::allRoles()) {
            const auto name = QString::fromLatin1(domain::toString(role).data(),
                                                  static_cast<int>(domain::toString(role).size()));
            const auto email = name + QStringLiteral("@matrix.test");
            auto add =
                runTicketd({QStringLiteral("user"), QStringLiteral("add"),
                            QStringLiteral("--email"), email, QStringLiteral("--password"),
                            QStringLiteral("matrix password"), QStringLiteral("--role"), name},
                           env);
            QVERIFY2(add.exitCode == 0, add.err.constData());
            auto login = http.send("POST", QStringLiteral("/api/v1/auth/login"),
                                   QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                             {QStringLiteral("password"),
                                                              QStringLiteral("matrix password")}})
                                       .toJson());
            QCOMPARE(login.status, 200);
            tokens[role] = login.json().value(QStringLiteral("access_token")).toString();
        }

        const auto routes = ticketdRoutes();
        QVERIFY(routes.size() >= 12);
        int checked = 0;
        for (const auto& route : routes) {
            const auto path = concretePath(route.pattern);
            std::vector<std::optional<domain::Role>> callers{std::nullopt};
            for (auto role : domain::allRoles())
                callers.emplace_back(role);
            for (const auto& caller : callers) {
                QList<QPair<QByteArray, QByteArray>> headers;
                if (caller)
                    headers.append({"Authorization", "Bearer " + tokens[*caller].toUtf8()});
                const QByteArray body = route.method == "GET" || route.method == "DELETE"
                                            ? QByteArray()
                                            : QByteArray("{}");
                const auto r =
                    http.send(QByteArray::fromStdString(route.method), path, body, headers);
                const int expected = route.access.statusFor(caller);
                const auto who = caller ? QString::fromLatin1(domain::toString(*caller).data())
                                        : QStringLiteral("anonymous");
                const auto what = QStringLiteral("%1 %2 as %3: got %4")
                                      .arg(QString::fromStdString(route.method), path, who)
                                      .arg(r.status);
                QVERIFY2(r.status != 0, qPrintable(what));
                if (expected == 0)
                    QVERIFY2(r.status != 401 && r.status != 403 && r.status != 405,
                             qPrintable(what)); // allowed (404 is fine)
                else
                    QVERIFY2(r.status == expected,
                             qPrintable(what + QStringLiteral(", expected %1").arg(expected)));
                ++checked;
            }
        }
        qInfo("%d route x caller combinations checked over %zu routes", checked, routes.size());
        QCOMPARE(server.stop(), 0);
    }

    void gateMayOnlyScan()
    {
        for (int p = 0; p <= static_cast<int>(domain::Permission::TicketsScan); ++p) {
            const auto permission = static_cast<domain::Permission>(p);
            QCOMPARE(domain::allows(domain::Role::Gate, permission),
                     permission == domain::Permission::TicketsScan);
            QVERIFY(domain::allows(domain::Role::Admin, permission));
        }
        QVERIFY(!domain::allows(domain::Role::Attendee, domain::Permission::PaymentsTakeCash));
        QVERIFY(domain::allows(domain::Role::BoxOffice, domain::Permission::PaymentsTakeCash));
        QVERIFY(!domain::allows(domain::Role::Organizer, domain::Permission::BookingsCreate));
        QVERIFY(!domain::allows(domain::Role::Attendee, domain::Permission::UsersAdminister));
    }
};

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "TestRoleMatrix.moc"
