#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace ticketing::test;

namespace {
QJsonObject theatreMap()
{
    QFile f(dataPath(QStringLiteral("seatmap/valid/theatre.json")));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject venueBody(const QJsonObject& map, const QString& name = QStringLiteral("The Playhouse"))
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("address"), QStringLiteral("1 Stage Street")},
            {QStringLiteral("city"), QStringLiteral("London")},
            {QStringLiteral("country"), QStringLiteral("GB")},
            {QStringLiteral("latitude"), 51.5},
            {QStringLiteral("longitude"), -0.12},
            {QStringLiteral("timezone"), QStringLiteral("Europe/London")},
            {QStringLiteral("seat_map"), map}};
}

// 30 sections x 40 rows x 50 seats.
QJsonObject stadiumMap()
{
    QJsonArray sections;
    for (int s = 0; s < 30; ++s) {
        QJsonArray rows;
        for (int r = 0; r < 40; ++r) {
            QJsonArray seats;
            for (int n = 1; n <= 50; ++n)
                seats.append(QJsonObject{{QStringLiteral("number"), n},
                                         {QStringLiteral("x"), s * 60.0 + n},
                                         {QStringLiteral("y"), r * 1.5}});
            rows.append(QJsonObject{{QStringLiteral("label"), QStringLiteral("R%1").arg(r)},
                                    {QStringLiteral("seats"), seats}});
        }
        sections.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("S%1").arg(s)},
                                    {QStringLiteral("name"), QStringLiteral("Stand %1").arg(s)},
                                    {QStringLiteral("kind"), QStringLiteral("seated")},
                                    {QStringLiteral("rows"), rows}});
    }
    return {{QStringLiteral("sections"), sections}};
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList seatIds(const QJsonObject& venue)
{
    QStringList ids;
    for (const auto& s : venue.value(QStringLiteral("seat_map"))
                             .toObject()
                             .value(QStringLiteral("sections"))
                             .toArray())
        for (const auto& r : s.toObject().value(QStringLiteral("rows")).toArray())
            for (const auto& seat : r.toObject().value(QStringLiteral("seats")).toArray())
                ids << seat.toObject().value(QStringLiteral("label")).toString() +
                           QLatin1Char('=') +
                           seat.toObject().value(QStringLiteral("id")).toString();
    return ids;
}
} // namespace

class TestVenues : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;

private Q_SLOTS:
    void init() { QVERIFY(m_t.start()); }
    void cleanup() { m_t.finish(); }

    void organizersCreateVenuesThatAnyoneCanRead()
    {
        const auto org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        auto created = m_t.http->send("POST", QStringLiteral("/api/v1/venues"),
                                      json(venueBody(theatreMap())), bearer(org));
        QCOMPARE(created.status, 201);
        const auto venue = created.json();
        QCOMPARE(venue.value(QStringLiteral("total_capacity")).toInt(), 2005);
        QCOMPARE(venue.value(QStringLiteral("timezone")).toString(),
                 QStringLiteral("Europe/London"));
        const auto sections = venue.value(QStringLiteral("seat_map"))
                                  .toObject()
                                  .value(QStringLiteral("sections"))
                                  .toArray();
        QCOMPARE(sections.size(), 3);
        QVERIFY(!sections[0].toObject().value(QStringLiteral("id")).toString().isEmpty());
        const auto seat = sections[0]
                              .toObject()
                              .value(QStringLiteral("rows"))
                              .toArray()[0]
                              .toObject()
                              .value(QStringLiteral("seats"))
                              .toArray()[2]
                              .toObject();
        QCOMPARE(seat.value(QStringLiteral("label")).toString(), QStringLiteral("VIP-A-3"));
        QVERIFY(!seat.value(QStringLiteral("id")).toString().isEmpty());

        const auto id = venue.value(QStringLiteral("id")).toString();
        auto fetched = m_t.http->get(QStringLiteral("/api/v1/venues/") + id); // no token: public
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json(), venue);
        QCOMPARE(
            m_t.http->get(QStringLiteral("/api/v1/venues/0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d"))
                .status,
            404);
        QCOMPARE(m_t.http->get(QStringLiteral("/api/v1/venues/not-a-uuid")).status, 404);
    }

    void aBadMapIsA400NamingThePath()
    {
        const auto org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        auto map = theatreMap();
        auto sections = map.value(QStringLiteral("sections")).toArray();
        auto second = sections[1].toObject();
        second.insert(QStringLiteral("key"), QStringLiteral("VIP"));
        sections[1] = second;
        map.insert(QStringLiteral("sections"), sections);
        auto body = venueBody(map);
        body.insert(QStringLiteral("timezone"), QStringLiteral("Mars/Olympus_Mons"));
        body.insert(QStringLiteral("latitude"), 123);
        auto r = m_t.http->send("POST", QStringLiteral("/api/v1/venues"), json(body), bearer(org));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("validation_failed"));
        QStringList fields;
        for (const auto& e : r.json().value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString();
        QVERIFY2(fields.contains(QStringLiteral("seat_map.sections[1].key")),
                 qPrintable(fields.join(QLatin1Char(' '))));
        QVERIFY(fields.contains(QStringLiteral("latitude")));
        auto tz = venueBody(theatreMap());
        tz.insert(QStringLiteral("timezone"), QStringLiteral("Mars/Olympus_Mons"));
        auto badZone =
            m_t.http->send("POST", QStringLiteral("/api/v1/venues"), json(tz), bearer(org));
        QCOMPARE(badZone.status, 400);
        QVERIFY(badZone.body.contains("timezone"));
    }

    void editsKeepSeatIdsAndOwnersAreRespected()
    {
        const auto org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("a@example.com"));
        const auto other = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("b@example.com"));
        const auto admin = m_t.signUp(QStringLiteral("admin"), QStringLiteral("root@example.com"));
        const auto v1 = m_t.http
                            ->send("POST", QStringLiteral("/api/v1/venues"),
                                   json(venueBody(theatreMap())), bearer(org))
                            .json();
        const auto id = v1.value(QStringLiteral("id")).toString();

        auto map = theatreMap();
        auto sections = map.value(QStringLiteral("sections")).toArray();
        auto vip = sections[0].toObject();
        auto rows = vip.value(QStringLiteral("rows")).toArray();
        rows.append(QJsonObject{
            {QStringLiteral("label"), QStringLiteral("C")},
            {QStringLiteral("seats"), QJsonArray{QJsonObject{{QStringLiteral("number"), 1},
                                                             {QStringLiteral("x"), 1},
                                                             {QStringLiteral("y"), 40}}}}});
        vip.insert(QStringLiteral("rows"), rows);
        sections[0] = vip;
        map.insert(QStringLiteral("sections"), sections);

        QCOMPARE(m_t.http
                     ->send("PUT", QStringLiteral("/api/v1/venues/") + id,
                            json(venueBody(map, QStringLiteral("Renamed"))), bearer(other))
                     .status,
                 404);
        auto v2 = m_t.http->send("PUT", QStringLiteral("/api/v1/venues/") + id,
                                 json(venueBody(map, QStringLiteral("Renamed"))), bearer(org));
        QCOMPARE(v2.status, 200);
        QCOMPARE(v2.json().value(QStringLiteral("name")).toString(), QStringLiteral("Renamed"));
        QCOMPARE(v2.json().value(QStringLiteral("total_capacity")).toInt(), 2006);
        QCOMPARE(v2.json().value(QStringLiteral("created_at")),
                 v1.value(QStringLiteral("created_at")));
        const auto before = seatIds(v1);
        const auto after = seatIds(v2.json());
        for (const auto& s : before)
            QVERIFY2(after.contains(s), qPrintable(s)); // every old seat keeps its id
        QCOMPARE(after.size(), before.size() + 1);
        QCOMPARE(m_t.http
                     ->send("PUT", QStringLiteral("/api/v1/venues/") + id,
                            json(venueBody(map, QStringLiteral("By admin"))), bearer(admin))
                     .status,
                 200);

        // Lists: an organizer sees its own, admin all.
        m_t.http->send("POST", QStringLiteral("/api/v1/venues"),
                       json(venueBody(theatreMap(), QStringLiteral("Other's"))), bearer(other));
        auto mine = m_t.http->send("GET", QStringLiteral("/api/v1/venues"), {}, bearer(org)).json();
        QCOMPARE(mine.value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(mine.value(QStringLiteral("next_cursor")).isNull());
        auto all =
            m_t.http->send("GET", QStringLiteral("/api/v1/venues?limit=1"), {}, bearer(admin))
                .json();
        QCOMPARE(all.value(QStringLiteral("items")).toArray().size(), 1);
        auto rest = m_t.http
                        ->send("GET",
                               QStringLiteral("/api/v1/venues?limit=5&cursor=") +
                                   all.value(QStringLiteral("next_cursor")).toString(),
                               {}, bearer(admin))
                        .json();
        QCOMPARE(rest.value(QStringLiteral("items")).toArray().size(), 1);
    }

    void aStadiumIsAnOrdinaryVenue()
    {
        const auto org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("big@example.com"));
        const auto body = json(venueBody(stadiumMap(), QStringLiteral("Stadium")));
        QElapsedTimer t;
        t.start();
        auto created =
            m_t.http->send("POST", QStringLiteral("/api/v1/venues"), body, bearer(org), 60000);
        const auto createMs = t.restart();
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("total_capacity")).toInt(), 60000);
        auto fetched = m_t.http->get(QStringLiteral("/api/v1/venues/") +
                                     created.json().value(QStringLiteral("id")).toString());
        const auto getMs = t.elapsed();
        QCOMPARE(fetched.status, 200);
        qInfo("60,000-seat venue: request %lld KB, created in %lld ms; answer %lld KB served in "
              "%lld ms",
              static_cast<long long>(body.size() / 1024), createMs,
              static_cast<long long>(fetched.body.size() / 1024), getMs);

        // An event selling every seat, published: 60,000 inventory units.
        QJsonArray keys;
        for (int s = 0; s < 30; ++s)
            keys.append(QStringLiteral("S%1").arg(s));
        const QJsonObject event{
            {QStringLiteral("venue_id"), created.json().value(QStringLiteral("id"))},
            {QStringLiteral("title"), QStringLiteral("Cup Final")},
            {QStringLiteral("description"), QString()},
            {QStringLiteral("genre"), QStringLiteral("sport")},
            {QStringLiteral("start_time"), QStringLiteral("2030-05-20T15:00:00Z")},
            {QStringLiteral("end_time"), QStringLiteral("2030-05-20T17:00:00Z")},
            {QStringLiteral("currency"), QStringLiteral("GBP")},
            {QStringLiteral("tiers"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Stand")},
                                    {QStringLiteral("price"), QStringLiteral("60.00")},
                                    {QStringLiteral("section_keys"), keys}}}}};
        auto draft =
            m_t.http->send("POST", QStringLiteral("/api/v1/events"), json(event), bearer(org));
        QCOMPARE(draft.status, 201);
        t.restart();
        auto published = m_t.http->send("POST",
                                        QStringLiteral("/api/v1/events/") +
                                            draft.json().value(QStringLiteral("id")).toString() +
                                            QStringLiteral("/publish"),
                                        {}, bearer(org), 60000);
        const auto publishMs = t.elapsed();
        QCOMPARE(published.status, 200);
        QCOMPARE(published.json()
                     .value(QStringLiteral("tiers"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("quantity_total"))
                     .toInt(),
                 60000);
        qInfo("60,000-seat event published (inventory made) in %lld ms", publishMs);
        // Past 16 MiB the body is refused before it is read.
        QByteArray huge = "{\"name\":\"" + QByteArray(17 * 1024 * 1024, 'x') + "\"}";
        QCOMPARE(m_t.http->send("POST", QStringLiteral("/api/v1/venues"), huge, bearer(org)).status,
                 413);
    }
};

QTEST_GUILESS_MAIN(TestVenues)
#include "TestVenues.moc"
