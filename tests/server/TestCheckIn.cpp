// API.md "Check-in" against a real ticketd, PostgreSQL and Redis (issue 16): devices, their
// one-time enrollment codes and their tokens.
#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/SyncClient.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>
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

    // A device of `org`'s for `gate`, enrolled: its token.
    QString enrolledDevice(const QString& org, const QString& name, const QString& gate)
    {
        const auto code =
            addDevice(org, name, gate).json().value(QStringLiteral("enrollment_code")).toString();
        return enroll(code).json().value(QStringLiteral("device_token")).toString();
    }

    using Sold = SoldTickets;
    // A published hall and the seats of `labels` sold for cash at the box office.
    Sold sell(const QStringList& labels)
    {
        return sellForCash(m_t, m_org, labels,
                           QStringLiteral("box%1@example.com").arg(++m_accounts));
    }

    QJsonObject scan(const QString& token, const QString& event, const QString& code,
                     const QString& direction = QStringLiteral("entry"), QString nonce = {},
                     const QString& offline = {}, const QDateTime& at = {})
    {
        if (nonce.isEmpty())
            nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject one{
            {QStringLiteral("nonce"), nonce},
            {QStringLiteral("code"), code},
            {QStringLiteral("direction"), direction},
            {QStringLiteral("scanned_at"),
             (at.isValid() ? at : QDateTime::currentDateTimeUtc()).toString(Qt::ISODateWithMs)}};
        if (!offline.isEmpty())
            one[QStringLiteral("offline_result")] = offline;
        const auto r = m_t.http->send(
            "POST", QStringLiteral("/api/v1/checkin/scans"),
            json({{QStringLiteral("event_id"), event}, {QStringLiteral("scans"), QJsonArray{one}}}),
            bearer(token));
        if (r.status != 200)
            return {{QStringLiteral("status"), r.status},
                    {QStringLiteral("body"), QString::fromUtf8(r.body)}};
        return r.json().value(QStringLiteral("results")).toArray()[0].toObject();
    }

    QJsonObject stats(const QString& token, const QString& event)
    {
        return m_t.http
            ->send("GET", QStringLiteral("/api/v1/events/%1/checkin/stats").arg(event), {},
                   bearer(token))
            .json();
    }

    int m_accounts = 0;

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

    // The server decides with the scanners' rule and records each nonce once: admitted, the
    // same scan again (nothing new), the ticket again (already inside, with its entry), out,
    // back in; a changed character; another organizer's device sees no such event.
    void scansAreDecidedAndRecordedOnce()
    {
        const auto sold = sell({QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")});
        QCOMPARE(sold.codes.size(), 2);
        const auto north =
            enrolledDevice(m_org, QStringLiteral("Scanner 1"), QStringLiteral("North"));
        const auto nonce = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto first = scan(north, sold.event, sold.codes[0], QStringLiteral("entry"), nonce);
        QCOMPARE(first.value(QStringLiteral("result")).toString(), QStringLiteral("admitted"));
        QCOMPARE(first.value(QStringLiteral("seat")).toString(), QStringLiteral("MAIN-A-1"));
        QCOMPARE(first.value(QStringLiteral("tier")).toString(), QStringLiteral("Stalls"));
        QCOMPARE(first.value(QStringLiteral("ticket_id")).toString(), sold.tickets[0]);
        const auto again = scan(north, sold.event, sold.codes[0], QStringLiteral("entry"), nonce);
        QCOMPARE(again, first);
        QCOMPARE(stats(m_org, sold.event).value(QStringLiteral("admitted")).toInt(), 1);
        const auto twice = scan(north, sold.event, sold.codes[0]);
        QCOMPARE(twice.value(QStringLiteral("result")).toString(),
                 QStringLiteral("already_inside"));
        const auto entry = twice.value(QStringLiteral("first_entry")).toObject();
        QCOMPARE(entry.value(QStringLiteral("gate")).toString(), QStringLiteral("North"));
        QCOMPARE(entry.value(QStringLiteral("device")).toString(), QStringLiteral("Scanner 1"));
        QCOMPARE(scan(north, sold.event, sold.codes[0], QStringLiteral("exit"))
                     .value(QStringLiteral("result"))
                     .toString(),
                 QStringLiteral("exited"));
        QCOMPARE(scan(north, sold.event, sold.codes[0]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        auto altered = sold.codes[1];
        altered[10] = altered[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(scan(north, sold.event, altered).value(QStringLiteral("result")).toString(),
                 QStringLiteral("invalid"));
        const auto st = stats(m_org, sold.event);
        QCOMPARE(st.value(QStringLiteral("admitted")).toInt(), 2);
        QCOMPARE(st.value(QStringLiteral("inside")).toInt(), 1);
        QCOMPARE(st.value(QStringLiteral("refused")).toInt(), 2); // already inside, invalid
        // The event's report has the gate's part too.
        const auto report =
            m_t.http
                ->send("GET", QStringLiteral("/api/v1/events/%1/report").arg(sold.event), {},
                       bearer(m_org))
                .json()
                .value(QStringLiteral("checkin"))
                .toObject();
        QCOMPARE(report.value(QStringLiteral("admitted")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("inside")).toInt(), 1);
        const auto other =
            m_t.signUp(QStringLiteral("organizer"), QStringLiteral("o2@example.com"));
        const auto stranger =
            enrolledDevice(other, QStringLiteral("Theirs"), QStringLiteral("East"));
        QCOMPARE(scan(stranger, sold.event, sold.codes[1]).value(QStringLiteral("status")).toInt(),
                 404);
        const auto list =
            m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        // Six sent, five recorded: the repeated nonce counts once.
        QCOMPARE(list[0].toObject().value(QStringLiteral("scans")).toInt(), 5);

        // A device token opens the check-in calls and its organizer's list of published
        // events (to pick one), nothing else.
        const auto mine =
            m_t.http->send("GET", QStringLiteral("/api/v1/events?mine=true"), {}, bearer(north));
        QCOMPARE(mine.status, 200);
        const auto items = mine.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value(QStringLiteral("id")).toString(), sold.event);
        QCOMPARE(
            m_t.http->send("GET", QStringLiteral("/api/v1/bookings"), {}, bearer(north)).status,
            403);
        QCOMPARE(
            m_t.http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(north)).status,
            403);
        QCOMPARE(m_t.http
                     ->send("GET", QStringLiteral("/api/v1/events/%1/report").arg(sold.event), {},
                            bearer(north))
                     .status,
                 403);
    }

    // Two devices that both let one ticket in while offline upload in either order: the
    // earlier scan is the entry, the later one a conflict, counted once.
    void offlineEntriesConflictInEitherOrder()
    {
        const auto sold = sell({QStringLiteral("MAIN-B-1"), QStringLiteral("MAIN-B-2")});
        const auto north =
            enrolledDevice(m_org, QStringLiteral("Scanner N"), QStringLiteral("North"));
        const auto south =
            enrolledDevice(m_org, QStringLiteral("Scanner S"), QStringLiteral("South"));
        // (A ticket is valid from its issue, moments ago: the offline scans come just after.)
        const auto t0 = QDateTime::currentDateTimeUtc().addSecs(5);
        // Ticket 1: the earlier (North) uploads first; ticket 2: the later (South) first.
        for (int i = 0; i < 2; ++i) {
            const auto& code = sold.codes[i];
            const auto early = [&] {
                return scan(north, sold.event, code, QStringLiteral("entry"), {},
                            QStringLiteral("admitted"), t0);
            };
            const auto late = [&] {
                return scan(south, sold.event, code, QStringLiteral("entry"), {},
                            QStringLiteral("admitted"), t0.addSecs(120));
            };
            if (i == 0) {
                QCOMPARE(early().value(QStringLiteral("result")).toString(),
                         QStringLiteral("admitted"));
                late();
            } else {
                QCOMPARE(late().value(QStringLiteral("result")).toString(),
                         QStringLiteral("admitted"));
                early();
            }
            // Online now: inside, let in by the earlier entry (North).
            const auto now = scan(south, sold.event, code);
            QCOMPARE(now.value(QStringLiteral("result")).toString(),
                     QStringLiteral("already_inside"));
            QCOMPARE(now.value(QStringLiteral("first_entry"))
                         .toObject()
                         .value(QStringLiteral("gate"))
                         .toString(),
                     QStringLiteral("North"));
        }
        const auto st = stats(m_org, sold.event);
        QCOMPARE(st.value(QStringLiteral("conflicts")).toInt(), 2); // one per ticket
        QCOMPARE(st.value(QStringLiteral("inside")).toInt(), 2);
    }

    // The bundle: everything, then with `since` only what changed; a ticket cancelled after a
    // device's last sync reaches it as revoked, and the gate refuses it.
    void theBundleSyncsChangesAndRevocations()
    {
        const auto sold = sell({QStringLiteral("MAIN-A-3"), QStringLiteral("MAIN-A-4")});
        const auto device =
            enrolledDevice(m_org, QStringLiteral("Scanner"), QStringLiteral("West"));
        const auto path = QStringLiteral("/api/v1/events/%1/checkin/bundle").arg(sold.event);
        const auto full = m_t.http->send("GET", path, {}, bearer(device)).json();
        QCOMPARE(full.value(QStringLiteral("tickets")).toArray().size(), 2);
        QVERIFY(full.value(QStringLiteral("keys")).toArray().size() >= 1);
        QCOMPARE(full.value(QStringLiteral("revoked")).toArray().size(), 0);
        const auto cursor = full.value(QStringLiteral("cursor")).toInteger();
        QVERIFY(cursor > 0);
        const auto nothing =
            m_t.http
                ->send("GET", path + QStringLiteral("?since=%1").arg(cursor), {}, bearer(device))
                .json();
        QCOMPARE(nothing.value(QStringLiteral("tickets")).toArray().size(), 0);
        QCOMPARE(nothing.value(QStringLiteral("entries")).toArray().size(), 0);
        QCOMPARE(nothing.value(QStringLiteral("cursor")).toInteger(), cursor);

        // A scan, then the booking cancelled (both tickets revoked): only those come.
        QCOMPARE(scan(device, sold.event, sold.codes[0]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/bookings/") + sold.booking, {},
                            bearer(sold.box))
                     .status,
                 200);
        const auto changes =
            m_t.http
                ->send("GET", path + QStringLiteral("?since=%1").arg(cursor), {}, bearer(device))
                .json();
        QCOMPARE(changes.value(QStringLiteral("entries")).toArray().size(), 1);
        QCOMPARE(changes.value(QStringLiteral("revoked")).toArray().size(), 2);
        QCOMPARE(changes.value(QStringLiteral("tickets")).toArray().size(), 2);
        QVERIFY(changes.value(QStringLiteral("cursor")).toInteger() > cursor);
        QCOMPARE(scan(device, sold.event, sold.codes[1]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(
            m_t.http->send("GET", path + QStringLiteral("?since=x"), {}, bearer(device)).status,
            400);
        // An attendee is not a gate.
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann2@example.com"));
        QCOMPARE(m_t.http->send("GET", path, {}, bearer(ann)).status, 404);
    }

    // A code 24 hours old is no good.
    // The checkin:<event_id> channel: the organizer and a gate's device see each scan live, in
    // order, whichever gate made it; a subscriber resuming with `since` gets what it missed; no
    // token, or a stranger's, gets an error; a removed device stops hearing.
    void theCheckinChannelIsLive()
    {
        const auto sold = sell({QStringLiteral("MAIN-A-3"), QStringLiteral("MAIN-A-4")});
        const auto north = enrolledDevice(m_org, QStringLiteral("N1"), QStringLiteral("North"));
        const auto south = enrolledDevice(m_org, QStringLiteral("S1"), QStringLiteral("South"));
        QCOMPARE(scan(north, sold.event, sold.codes[0]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        const auto url = QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(m_t.server->port());
        const auto channel = QStringLiteral("checkin:") + sold.event;
        auto ofType = [](const SyncClient& c, const QString& type) {
            QList<QJsonObject> out;
            for (const auto& m : c.received)
                if (m.value(QStringLiteral("type")).toString() == type)
                    out << m;
            return out;
        };
        auto subscribe = [&](SyncClient& c, const QString& token, std::optional<qint64> since) {
            if (!token.isEmpty())
                c.send({{QStringLiteral("type"), QStringLiteral("auth")},
                        {QStringLiteral("token"), token}});
            QJsonObject sub{{QStringLiteral("type"), QStringLiteral("subscribe")},
                            {QStringLiteral("channel"), channel}};
            if (since)
                sub[QStringLiteral("since")] = *since;
            c.send(sub);
        };

        // Without a token: refused.
        SyncClient anonymous;
        QVERIFY(anonymous.open(url));
        subscribe(anonymous, {}, std::nullopt);
        QVERIFY(anonymous.waitUntil(
            [&] { return !ofType(anonymous, QStringLiteral("error")).isEmpty(); }));
        QCOMPARE(
            ofType(anonymous, QStringLiteral("error"))[0].value(QStringLiteral("code")).toString(),
            QStringLiteral("unauthorized"));

        // Another organizer's device: as if there were no such event.
        const auto other =
            m_t.signUp(QStringLiteral("organizer"), QStringLiteral("o3@example.com"));
        SyncClient stranger;
        QVERIFY(stranger.open(url));
        subscribe(stranger, enrolledDevice(other, QStringLiteral("X"), QStringLiteral("West")),
                  std::nullopt);
        QVERIFY(stranger.waitUntil(
            [&] { return !ofType(stranger, QStringLiteral("error")).isEmpty(); }));
        QCOMPARE(
            ofType(stranger, QStringLiteral("error"))[0].value(QStringLiteral("code")).toString(),
            QStringLiteral("not_found"));

        // The organizer: the totals so far, then each scan.
        SyncClient organizer;
        QVERIFY(organizer.open(url));
        subscribe(organizer, m_org, std::nullopt);
        QVERIFY(organizer.waitUntil(
            [&] { return !ofType(organizer, QStringLiteral("checkin_snapshot")).isEmpty(); }));
        const auto snapshot = ofType(organizer, QStringLiteral("checkin_snapshot"))[0];
        QCOMPARE(snapshot.value(QStringLiteral("channel")).toString(), channel);
        QCOMPARE(snapshot.value(QStringLiteral("stats"))
                     .toObject()
                     .value(QStringLiteral("admitted"))
                     .toInt(),
                 1);
        const auto start = snapshot.value(QStringLiteral("seq")).toInteger();
        QVERIFY(start > 0);

        // The south gate's device listens too, from the same point.
        SyncClient gate;
        QVERIFY(gate.open(url));
        subscribe(gate, south, start);

        QCOMPARE(scan(north, sold.event, sold.codes[0]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("already_inside"));
        QCOMPARE(scan(south, sold.event, sold.codes[1]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        QCOMPARE(scan(north, sold.event, sold.codes[0], QStringLiteral("exit"))
                     .value(QStringLiteral("result"))
                     .toString(),
                 QStringLiteral("exited"));
        for (auto* c : {&organizer, &gate}) {
            QVERIFY(
                c->waitUntil([&] { return ofType(*c, QStringLiteral("checkin")).size() >= 3; }));
            const auto live = ofType(*c, QStringLiteral("checkin"));
            QCOMPARE(live.size(), 3);
            QStringList results, gates;
            qint64 last = start;
            for (const auto& m : live) {
                QCOMPARE(m.value(QStringLiteral("channel")).toString(), channel);
                QVERIFY(m.value(QStringLiteral("seq")).toInteger() > last);
                last = m.value(QStringLiteral("seq")).toInteger();
                const auto e = m.value(QStringLiteral("entry")).toObject();
                results << e.value(QStringLiteral("result")).toString();
                gates << e.value(QStringLiteral("gate")).toString();
            }
            QCOMPARE(results, (QStringList{QStringLiteral("already_inside"),
                                           QStringLiteral("admitted"), QStringLiteral("exited")}));
            QCOMPARE(gates, (QStringList{QStringLiteral("North"), QStringLiteral("South"),
                                         QStringLiteral("North")}));
            const auto second = live[1].value(QStringLiteral("entry")).toObject();
            QCOMPARE(second.value(QStringLiteral("ticket_id")).toString(), sold.tickets[1]);
            QCOMPARE(second.value(QStringLiteral("seat")).toString(), QStringLiteral("MAIN-A-4"));
            QCOMPARE(second.value(QStringLiteral("direction")).toString(), QStringLiteral("entry"));
        }

        // Resuming from the first live message: the two after it, nothing else.
        const auto firstSeq = ofType(organizer, QStringLiteral("checkin"))[0]
                                  .value(QStringLiteral("seq"))
                                  .toInteger();
        SyncClient resumed;
        QVERIFY(resumed.open(url));
        subscribe(resumed, m_org, firstSeq);
        QVERIFY(resumed.waitUntil(
            [&] { return ofType(resumed, QStringLiteral("checkin")).size() >= 2; }));
        QTest::qWait(300);
        QCOMPARE(ofType(resumed, QStringLiteral("checkin")).size(), 2);
        QVERIFY(ofType(resumed, QStringLiteral("checkin_snapshot")).isEmpty());

        // The south device is removed: within the re-check it is told, and hears no more.
        const auto devices =
            m_t.http->send("GET", QStringLiteral("/api/v1/checkin/devices"), {}, bearer(m_org))
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        QString southId;
        for (const auto& d : devices)
            if (d.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("S1"))
                southId = d.toObject().value(QStringLiteral("device_id")).toString();
        QVERIFY(!southId.isEmpty());
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/checkin/devices/") + southId, {},
                            bearer(m_org))
                     .status,
                 204);
        QVERIFY(gate.waitUntil([&] { return !ofType(gate, QStringLiteral("error")).isEmpty(); },
                               15000));
        QCOMPARE(ofType(gate, QStringLiteral("error"))[0].value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_token"));
        QCOMPARE(scan(north, sold.event, sold.codes[0]).value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        QVERIFY(organizer.waitUntil(
            [&] { return ofType(organizer, QStringLiteral("checkin")).size() >= 4; }));
        QTest::qWait(300);
        QCOMPARE(ofType(gate, QStringLiteral("checkin")).size(), 3);
    }

    // A batch may hold 500 scans (each with its credential); one more is refused.
    void aFullBatchIsAccepted()
    {
        const auto sold = sell({QStringLiteral("MAIN-A-1")});
        const auto device = enrolledDevice(m_org, QStringLiteral("Batch"), QStringLiteral("East"));
        auto batch = [&](int n) {
            QJsonArray scans;
            for (int i = 0; i < n; ++i)
                scans.append(QJsonObject{
                    {QStringLiteral("nonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {QStringLiteral("code"),
                     i == 0 ? sold.codes[0] : sold.codes[0] + QString::number(i)},
                    {QStringLiteral("direction"), QStringLiteral("entry")},
                    {QStringLiteral("scanned_at"),
                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("offline_result"), QStringLiteral("admitted")}});
            return m_t.http->send(
                "POST", QStringLiteral("/api/v1/checkin/scans"),
                json({{QStringLiteral("event_id"), sold.event}, {QStringLiteral("scans"), scans}}),
                bearer(device));
        };
        const auto full = batch(500);
        QCOMPARE(full.status, 200);
        const auto results = full.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 500);
        QCOMPARE(results[0].toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("admitted"));
        QCOMPARE(results[1].toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("invalid"));
        QCOMPARE(batch(501).status, 400);
    }

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
