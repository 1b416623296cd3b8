#include "seatmap/VenueLayout.h"

#include <QtTest>
#include <random>

using namespace ticketing;
using seatmap::VenueLayout;

namespace {
// `sections` blocks of rows x perRow seats, one unit apart, 5 units between blocks.
domain::SeatMap blocks(int sections, int rows, int perRow)
{
    domain::SeatMap map;
    for (int s = 0; s < sections; ++s) {
        domain::Section section;
        section.key = "S" + std::to_string(s);
        section.name = "Stand " + std::to_string(s);
        for (int r = 0; r < rows; ++r) {
            domain::Row row;
            row.label = std::string(1, static_cast<char>('A' + r % 26)) + std::to_string(r / 26);
            for (int n = 1; n <= perRow; ++n)
                row.seats.push_back({n, s * (perRow + 5.0) + n, static_cast<double>(r), n == 1,
                                     domain::SeatId::generate()});
            section.rows.push_back(row);
        }
        map.sections.push_back(section);
    }
    return map;
}
} // namespace

// common/seatmap's VenueLayout: the flat seats, the grid that finds them, and live statuses.
class TestVenueLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheSeatUnderThePointer()
    {
        const auto map = blocks(2, 3, 10);
        VenueLayout layout(map);
        QCOMPARE(layout.seats().size(), std::size_t(60));
        QCOMPARE(layout.sections().size(), std::size_t(2));
        QCOMPARE(layout.pitch(), 1.0);
        QCOMPARE(layout.sections()[1].bounds, QRectF(QPointF(16, 0), QPointF(25, 2)));
        // Near seat S0-B0-4 at (4, 1): that one; between seats, the nearer; far away, none.
        const auto hit = layout.seatAt(QPointF(4.2, 1.1), 0.5);
        QVERIFY(hit);
        QCOMPARE(layout.seats()[static_cast<std::size_t>(*hit)].label, std::string("S0-B0-4"));
        const auto between = layout.seatAt(QPointF(4.6, 1.0), 0.5);
        QCOMPARE(layout.seats()[static_cast<std::size_t>(*between)].label, std::string("S0-B0-5"));
        QVERIFY(!layout.seatAt(QPointF(13, 1), 0.5)); // the gap between the stands
        QVERIFY(!layout.seatAt(QPointF(-50, -50), 0.5));
        QVERIFY(layout.seats()[static_cast<std::size_t>(*layout.seatAt({1, 0}, 0.2))].accessible);
    }

    void selectsWhatARectangleCovers()
    {
        const auto map = blocks(2, 3, 10);
        VenueLayout layout(map);
        const auto in = layout.seatsIn(QRectF(QPointF(2.5, -0.5), QPointF(4.5, 1.5)));
        QStringList labels;
        for (const int i : in)
            labels << QString::fromStdString(layout.seats()[static_cast<std::size_t>(i)].label);
        labels.sort();
        QCOMPARE(labels, (QStringList{QStringLiteral("S0-A0-3"), QStringLiteral("S0-A0-4"),
                                      QStringLiteral("S0-B0-3"), QStringLiteral("S0-B0-4")}));
        // Dragged the other way round: the same.
        QCOMPARE(layout.seatsIn(QRectF(QPointF(4.5, 1.5), QPointF(2.5, -0.5))), in);
    }

    // On a big map, the grid answers what looking at every seat answers.
    void theGridAgreesWithLookingAtEverySeat()
    {
        const auto map = blocks(20, 30, 100); // 60,000 seats
        VenueLayout layout(map);
        QCOMPARE(layout.seats().size(), std::size_t(60000));
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> x(-10, layout.bounds().right() + 10);
        std::uniform_real_distribution<double> y(-10, 40);
        for (int i = 0; i < 500; ++i) {
            const QPointF p(x(rng), y(rng));
            std::optional<int> brute;
            double best = 0.6 * 0.6;
            for (std::size_t k = 0; k < layout.seats().size(); ++k) {
                const auto d = layout.seats()[k].position - p;
                if (d.x() * d.x() + d.y() * d.y() <= best) {
                    best = d.x() * d.x() + d.y() * d.y();
                    brute = static_cast<int>(k);
                }
            }
            const auto grid = layout.seatAt(p, 0.6);
            QCOMPARE(grid.has_value(), brute.has_value());
            if (grid)
                QCOMPARE(layout.seats()[static_cast<std::size_t>(*grid)].position,
                         layout.seats()[static_cast<std::size_t>(*brute)].position);
        }
        const QRectF r(QPointF(200, 3), QPointF(450, 17));
        std::vector<int> brute;
        for (std::size_t k = 0; k < layout.seats().size(); ++k)
            if (r.contains(layout.seats()[k].position))
                brute.push_back(static_cast<int>(k));
        QCOMPARE(layout.seatsIn(r), brute);
    }

    void statusesFollowSnapshotsAndDeltas()
    {
        const auto map = blocks(1, 2, 5);
        VenueLayout layout(map);
        domain::Availability a;
        const auto tier = domain::TierId::generate();
        for (const auto& s : layout.seats())
            a.seats.push_back({s.id, s.label, tier, domain::SeatStatus::Available});
        a.seats[0].status = domain::SeatStatus::Sold;
        a.seats[3].status = domain::SeatStatus::Held;
        QCOMPARE(layout.apply(a), (std::vector<int>{0, 3}));
        QCOMPARE(layout.sections()[0].counts[static_cast<int>(domain::SeatStatus::Available)], 8);
        QCOMPARE(layout.sections()[0].counts[static_cast<int>(domain::SeatStatus::Sold)], 1);
        QVERIFY(layout.seats()[4].tier == tier);
        // A delta: seat 3 sold, seat 5 held, seat 0 unchanged (sold again): two changed.
        const auto changed = layout.apply(std::vector<domain::SeatChange>{
            {layout.seats()[3].id, tier, domain::SeatStatus::Sold},
            {layout.seats()[5].id, tier, domain::SeatStatus::Held},
            {layout.seats()[0].id, tier, domain::SeatStatus::Sold},
            {domain::SeatId::generate(), tier, domain::SeatStatus::Held}}); // not in this map
        QCOMPARE(changed, (std::vector<int>{3, 5}));
        QCOMPARE(layout.sections()[0].counts[static_cast<int>(domain::SeatStatus::Held)], 1);
        QCOMPARE(layout.sections()[0].counts[static_cast<int>(domain::SeatStatus::Sold)], 2);
        QCOMPARE(layout.sections()[0].counts[static_cast<int>(domain::SeatStatus::Available)], 7);
    }
};

QTEST_APPLESS_MAIN(TestVenueLayout)
#include "TestVenueLayout.moc"
