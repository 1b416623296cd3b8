// API.md "Check-in" against a real ticketd, PostgreSQL and Redis (issue 16): devices, their
// one-time enrollment codes and their tokens.
#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing::test;

namespace {
QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestCheckIn : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;

    HttpResult addDevice(const QString& token, const QString& name, const QString& gate)
    {
        return m_t.http->send(
            "POST", QStringLiteral("/api/v1/checkin/devices"),
            json({{QStringLiteral("name"), name}, {QStringLiteral("gate"), gate}}), bearer(token));
    }

    HttpResult enroll(const QString& code)
    {
        return m_t.http->send("POST", QStringLiteral("/api/v1/checkin/devices/enroll"),
                              json({{QStringLiteral("enrollment_code"), code}}), {});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start({QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")}));
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
    }
    void cleanup() { m_t.finish(); }

    // An organizer adds a device and gets a one-time code; the device trades it once for its
    // token; the token is the gate's and nothing more; deleting the device stops it at once.
    void devicesEnrollOnceAndAreRevokedAtOnce()
    {
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        QCOMPARE(addDevice(ann, QStringLiteral("Scanner"), QStringLiteral("North")).status, 403);
        const auto bad = addDevice(m_org, QStringLiteral("  "), QString(101, QLatin1Char('g')));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("\"name\"") && bad.body.contains("\"gate\""));

        const auto added = addDevice(m_org, QStringLiteral(" Scanner 3 "), QStringLiteral("North"));
        QCOMPARE(added.status, 201);
        const auto device = added.json();
        const auto code = device.value(QStringLiteral("enrollment_code")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-HJKMNP-Z2-9]{12}$")).match(code).hasMatch(),
                 qPrintable(code));
        QCOMPARE(device.value(QStringLiteral("name")).toString(), QStringLiteral("Scanner 3"));
        const auto expires = QDateTime::fromString(
            device.value(QStringLiteral("enrollment_expires_at")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 24 * 3600) < 120);

        // Listed, not yet enrolled; another organizer sees nothing of it.
        auto list =
            m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QStringLiteral("enrolled")).toBool(), false);
        const auto other =
            m_t.signUp(QStringLiteral("organizer"), QStringLiteral("other@example.com"));
        QCOMPARE(m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(other))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);

        // Typed as a person reads it off a screen: lower case, in groups.
        const auto typed = code.left(4).toLower() + QLatin1Char('-') + code.mid(4, 4) +
                           QLatin1Char(' ') + code.mid(8);
        const auto enrolled = enroll(typed);
        QCOMPARE(enrolled.status, 200);
        const auto token = enrolled.json().value(QStringLiteral("device_token")).toString();
        QVERIFY(token.startsWith(QStringLiteral("gd_")));
        QCOMPARE(enrolled.json().value(QStringLiteral("device_id")),
                 device.value(QStringLiteral("device_id")));
        // Once only; an unknown code the same.
        for (const auto& again : {code, QStringLiteral("ABCDEFGHJKMN"), QStringLiteral("x")}) {
            const auto refused = enroll(again);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.json().value(QStringLiteral("code")).toString(),
                     QStringLiteral("invalid_enrollment_code"));
        }
        list = m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
                   .json()
                   .value(QStringLiteral("items"))
                   .toArray();
        QCOMPARE(list[0].toObject().value(QStringLiteral("enrolled")).toBool(), true);

        // The token is the gate's: not the organizer's account, nor its other rights.
        const auto me =
            m_t.http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(token));
        QVERIFY(me.status != 200);
        QVERIFY(!me.body.contains("org@example.com"));
        QCOMPARE(m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(token))
                     .status,
                 403);
        QCOMPARE(addDevice(token, QStringLiteral("Rogue"), QStringLiteral("X")).status, 403);

        // Another organizer cannot delete it; its owner can, and the token stops at once.
        const auto id = device.value(QStringLiteral("device_id")).toString();
        QCOMPARE(
            m_t.http
                ->send("DELETE", QStringLiteral("/api/v1/checkin/devices/") + id, {}, bearer(other))
                .status,
            404);
        QCOMPARE(
            m_t.http
                ->send("DELETE", QStringLiteral("/api/v1/checkin/devices/") + id, {}, bearer(m_org))
                .status,
            204);
        const auto revoked =
            m_t.http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(token));
        QCOMPARE(revoked.status, 401);
        QCOMPARE(m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 0);
    }

    // A code 24 hours old is no good.
    void anExpiredCodeIsRefused()
    {
        const auto code = addDevice(m_org, QStringLiteral("Scanner"), QStringLiteral("South"))
                              .json()
                              .value(QStringLiteral("enrollment_code"))
                              .toString();
        {
            pqxx::connection c(m_t.db->url());
            pqxx::work tx(c);
            tx.exec(
                "UPDATE checkin_devices SET enrollment_expires_at = now() - interval '1 second'");
            tx.commit();
        }
        QCOMPARE(enroll(code).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestCheckIn)
#include "TestCheckIn.moc"
