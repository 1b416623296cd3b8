#include "domain/SeatMap.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QFile>
#include <QtTest>
#include <boost/json.hpp>

using namespace ticketing::domain;
namespace json = boost::json;

namespace {
json::value readJson(const QString& path)
{
    return ticketing::test::readJsonFile(path);
}

QStringList inputs(const QString& folder)
{
    QDir dir(ticketing::test::dataPath(folder));
    QStringList out;
    for (const auto& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (!name.endsWith(QStringLiteral(".expected.json")) &&
            !name.endsWith(QStringLiteral(".errors.json")))
            out << dir.filePath(name);
    return out;
}

QByteArray show(const json::value& v)
{
    return QByteArray::fromStdString(json::serialize(v));
}
} // namespace

// Golden files: tests/data/seatmap/valid/X.json must read and print as X.expected.json;
// tests/data/seatmap/invalid/X.json must give exactly the errors of X.errors.json, in order.
class TestSeatMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validMapsMatchTheirGoldenFiles_data()
    {
        QTest::addColumn<QString>("input");
        const auto files = inputs(QStringLiteral("seatmap/valid"));
        QVERIFY(!files.isEmpty());
        for (const auto& f : files)
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void validMapsMatchTheirGoldenFiles()
    {
        QFETCH(QString, input);
        auto map = parseSeatMap(readJson(input));
        if (!map.ok())
            QFAIL(qPrintable(QStringLiteral("unexpected errors: ") +
                             QString::fromUtf8(show(json::value_from(map.error())))));
        const auto expected = readJson(
            QString(input).replace(QStringLiteral(".json"), QStringLiteral(".expected.json")));
        const auto actual = json::value_from(*map);
        QCOMPARE(show(actual), show(expected));
        // What it prints, it reads back to the same map.
        auto again = parseSeatMap(actual);
        QVERIFY(again.ok());
        QVERIFY(*again == *map);
    }

    void invalidMapsNameEveryOffendingPath_data()
    {
        QTest::addColumn<QString>("input");
        const auto files = inputs(QStringLiteral("seatmap/invalid"));
        QVERIFY(!files.isEmpty());
        for (const auto& f : files)
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void invalidMapsNameEveryOffendingPath()
    {
        QFETCH(QString, input);
        auto map = parseSeatMap(readJson(input));
        QVERIFY(!map.ok());
        const auto expected = readJson(
            QString(input).replace(QStringLiteral(".json"), QStringLiteral(".errors.json")));
        QCOMPARE(show(json::value_from(map.error())), show(expected));
    }

    void countsPlacesAndLabelsSeats()
    {
        auto map = parseSeatMap(
            readJson(ticketing::test::dataPath(QStringLiteral("seatmap/valid/theatre.json"))));
        QVERIFY(map.ok());
        QCOMPARE(map->totalCapacity(), 4 + 1 + 2000);
        assignIds(*map);
        const auto& vip = *map->findSection("VIP");
        QVERIFY(vip.id.has_value());
        QCOMPARE(seatLabel(vip, vip.rows[0], vip.rows[0].seats[2]), std::string("VIP-A-3"));
        const auto out = json::value_from(*map);
        // value::at(size_t) has no const overload in Boost 1.81: index the arrays explicitly.
        const auto& seat = out.at("sections")
                               .as_array()
                               .at(0)
                               .at("rows")
                               .as_array()
                               .at(0)
                               .at("seats")
                               .as_array()
                               .at(2);
        QCOMPARE(json::value_to<std::string>(seat.at("label")), std::string("VIP-A-3"));
        QCOMPARE(json::value_to<std::string>(seat.at("id")), vip.rows[0].seats[2].id->toString());
        // An id in the map is kept (a client reads back the ids it holds seats with); the
        // label is derived, whatever the input said. A server clears a client's ids.
        QCOMPARE(vip.rows[0].seats[2].id->toString(),
                 std::string("0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d"));
        clearIds(*map);
        QVERIFY(!map->sections[0].id && !map->sections[0].rows[0].seats[2].id);
    }

    void aStadiumIsAnOrdinaryVenue()
    {
        // 60,000 seats: 30 sections x 40 rows x 50 seats, as the organizer's designer would send
        // it.
        SeatMap map;
        for (int s = 0; s < 30; ++s) {
            Section section;
            section.key = "S" + std::to_string(s);
            section.name = "Section " + std::to_string(s);
            for (int r = 0; r < 40; ++r) {
                Row row;
                row.label = "R" + std::to_string(r);
                for (int n = 1; n <= 50; ++n)
                    row.seats.push_back({n, double(n), double(r), false, std::nullopt});
                section.rows.push_back(std::move(row));
            }
            map.sections.push_back(std::move(section));
        }
        QVERIFY(validateSeatMap(map).empty());
        QElapsedTimer t;
        t.start();
        const auto text = json::serialize(json::value_from(map));
        auto parsed = parseSeatMap(json::parse(text));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->totalCapacity(), 60000);
        qInfo("60,000-seat map: %zu bytes of JSON, printed and read back in %lld ms", text.size(),
              t.elapsed());
    }

    void refusesAMapBeyondTheLimits()
    {
        SeatMap map;
        for (const char* key : {"GA", "GA2"})
            map.sections.push_back(Section{.key = key,
                                           .name = "GA",
                                           .kind = SectionKind::Standing,
                                           .outline = {},
                                           .rows = {},
                                           .capacity = SeatMapLimits::maxStandingCapacity,
                                           .id = std::nullopt});
        const auto errors = validateSeatMap(map);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].field, std::string("seat_map.sections"));
    }
};

QTEST_APPLESS_MAIN(TestSeatMap)
#include "TestSeatMap.moc"
