#include "domain/BestAvailable.h"

#include <QtTest>
#include <set>

using namespace ticketing::domain;

namespace {
// A section drawn as text, a string per row, the first row first: '.' a free seat, 'x' a taken
// one, 'a' a free accessible seat, 'A' a taken accessible one. Seats stand one unit apart, rows
// one unit apart (y = row index).
struct Drawn
{
    SeatMap map;
    std::set<SeatId> taken;
};

Drawn draw(const QStringList& rows)
{
    Drawn d;
    Section s;
    s.key = "MAIN";
    s.name = "Main";
    for (int r = 0; r < rows.size(); ++r) {
        Row row;
        row.label = std::string(1, static_cast<char>('A' + r));
        for (int i = 0; i < rows[r].size(); ++i) {
            const auto c = rows[r][i].toLatin1();
            Seat seat{i + 1, static_cast<double>(i), static_cast<double>(r), c == 'a' || c == 'A',
                      SeatId::generate()};
            if (c == 'x' || c == 'A')
                d.taken.insert(*seat.id);
            row.seats.push_back(seat);
        }
        s.rows.push_back(row);
    }
    d.map.sections.push_back(s);
    return d;
}

// The rows again, each chosen seat as '#'.
QStringList chosen(const Drawn& d, const QStringList& rows, const std::vector<SeatId>& seats)
{
    QStringList out = rows;
    const std::set<SeatId> picked(seats.begin(), seats.end());
    const auto& section = d.map.sections.front();
    for (std::size_t r = 0; r < section.rows.size(); ++r)
        for (std::size_t i = 0; i < section.rows[r].seats.size(); ++i)
            if (picked.count(*section.rows[r].seats[i].id))
                out[static_cast<int>(r)][static_cast<int>(i)] = QLatin1Char('#');
    return out;
}
} // namespace

// API.md "Box office", best available: the rule on a table of cases.
class TestBestAvailable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesSeats_data()
    {
        QTest::addColumn<QStringList>("rows");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<bool>("accessibleOnly");
        QTest::addColumn<QStringList>("expected"); // empty: too few seats
        QTest::addColumn<bool>("split");
        QTest::addColumn<int>("eligible");

        QTest::newRow("an empty row: its middle")
            << QStringList{QStringLiteral("..........")} << 2 << false
            << QStringList{QStringLiteral("....##....")} << false << 10;
        QTest::newRow("the row nearest the stage first")
            << QStringList{QStringLiteral("xxxxxxxxxx"), QStringLiteral("..........")} << 2 << false
            << QStringList{QStringLiteral("xxxxxxxxxx"), QStringLiteral("....##....")} << false
            << 10;
        QTest::newRow("a nearer row that would strand one seat loses")
            << QStringList{QStringLiteral("xx...xxxxx"), QStringLiteral("xx....xxxx")} << 2 << false
            << QStringList{QStringLiteral("xx...xxxxx"), QStringLiteral("xx..##xxxx")} << false
            << 7;
        QTest::newRow("stranding nowhere avoidable: the least bad, nearest the middle")
            << QStringList{QStringLiteral("xx...xxxxx")} << 2 << false
            << QStringList{QStringLiteral("xx.##xxxxx")} << false << 3;
        QTest::newRow("a single seat left at the row's end counts as stranded")
            << QStringList{QStringLiteral(".....xxxxx"), QStringLiteral("......xxxx")} << 4 << false
            << QStringList{QStringLiteral(".....xxxxx"), QStringLiteral("..####xxxx")} << false
            << 11;
        QTest::newRow("a whole run to a row's end leaves nothing stranded")
            << QStringList{QStringLiteral("xxxxxx....")} << 4 << false
            << QStringList{QStringLiteral("xxxxxx####")} << false << 4;
        QTest::newRow("accessible seats only, on request")
            << QStringList{QStringLiteral(".........."), QStringLiteral("aa........")} << 2 << true
            << QStringList{QStringLiteral(".........."), QStringLiteral("##........")} << false
            << 2;
        QTest::newRow("accessible seats only: too few") << QStringList{QStringLiteral("aA........")}
                                                        << 2 << true << QStringList{} << false << 1;
        QTest::newRow("no row fits: the fewest rows, one here")
            << QStringList{QStringLiteral("....xx...."), QStringLiteral("...xxxx...")} << 6 << false
            << QStringList{QStringLiteral("####xx##.."), QStringLiteral("...xxxx...")} << true
            << 14;
        QTest::newRow("no row fits: two rows, the roomiest first")
            << QStringList{QStringLiteral("xxxx..xxxx"), QStringLiteral("xxxx..xxxx"),
                           QStringLiteral("xxx...xxxx")}
            << 5 << false
            << QStringList{QStringLiteral("xxxx##xxxx"), QStringLiteral("xxxx..xxxx"),
                           QStringLiteral("xxx###xxxx")}
            << true << 7;
        QTest::newRow("too few seats") << QStringList{QStringLiteral("xx........")} << 9 << false
                                       << QStringList{} << false << 8;
        QTest::newRow("a group as large as a row")
            << QStringList{QStringLiteral("....")} << 4 << false
            << QStringList{QStringLiteral("####")} << false << 4;
    }

    void choosesSeats()
    {
        QFETCH(QStringList, rows);
        QFETCH(int, quantity);
        QFETCH(bool, accessibleOnly);
        QFETCH(QStringList, expected);
        QFETCH(bool, split);
        QFETCH(int, eligible);
        const auto d = draw(rows);
        const auto choice = bestAvailable(d.map, {&d.map.sections.front()},
                                          [&](const SeatId& s) { return !d.taken.count(s); },
                                          {quantity, accessibleOnly});
        QCOMPARE(choice.eligible, eligible);
        if (expected.isEmpty()) {
            QVERIFY(choice.seats.empty());
            return;
        }
        QCOMPARE(static_cast<int>(choice.seats.size()), quantity);
        QCOMPARE(chosen(d, rows, choice.seats), expected);
        QCOMPARE(choice.split, split);
    }

    // With a stage outline, the row nearest it wins, wherever it is in the list.
    void theStageOutlineSaysWhichRowIsNearest()
    {
        const QStringList rows{QStringLiteral(".........."), QStringLiteral("..........")};
        auto d = draw(rows);
        d.map.stageOutline = {{0, 10}, {9, 10}, {9, 12}, {0, 12}}; // below the second row
        const auto choice = bestAvailable(d.map, {&d.map.sections.front()},
                                          [](const SeatId&) { return true; }, {2, false});
        QCOMPARE(chosen(d, rows, choice.seats),
                 (QStringList{QStringLiteral(".........."), QStringLiteral("....##....")}));
    }
};

QTEST_APPLESS_MAIN(TestBestAvailable)
#include "TestBestAvailable.moc"
