#include "domain/Report.h"

#include <QtTest>
#include <boost/json/serialize.hpp>
#include <numeric>

using namespace ticketing::domain;

namespace {
TierId tierId(int n)
{
    return TierId::parse("01900000-0000-7000-8000-00000000000" + std::to_string(n)).value();
}
BookingId bookingId(int n)
{
    return BookingId::parse("01900000-0000-7000-8000-0000000000a" + std::to_string(n)).value();
}
Clock::TimePoint at(int hour, int minute = 0)
{
    // 2031-01-01T00:00:00Z plus the hour and minute.
    return Clock::TimePoint(std::chrono::seconds(1924992000)) + std::chrono::hours(hour) +
           std::chrono::minutes(minute);
}
QString q(const boost::json::value& v)
{
    return QString::fromStdString(boost::json::serialize(v));
}
} // namespace

// The report and settlement of API.md "Reports" (issue 15): amounts spread to the cent so the
// tiers add up to the totals and the totals to what was paid and given back; the fee half-up.
class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spreadAddsUpToTheCent_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("shares");
        QTest::newRow("even") << qint64(9000) << QList<qint64>{4000, 5000}
                              << QList<qint64>{4000, 5000};
        QTest::newRow("a third each")
            << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
        QTest::newRow("largest remainder")
            << qint64(1001) << QList<qint64>{2000, 3000, 5000} << QList<qint64>{200, 300, 501};
        QTest::newRow("nothing") << qint64(0) << QList<qint64>{40, 60} << QList<qint64>{0, 0};
        QTest::newRow("free units")
            << qint64(10) << QList<qint64>{0, 0, 0} << QList<qint64>{4, 3, 3};
        QTest::newRow("negative") << qint64(-100) << QList<qint64>{1, 1, 1}
                                  << QList<qint64>{-34, -33, -33};
        QTest::newRow("half of odd")
            << qint64(4001) << QList<qint64>{4001, 4001} << QList<qint64>{2001, 2000};
    }
    void spreadAddsUpToTheCent()
    {
        QFETCH(qint64, amount);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, shares);
        const auto got = spread(amount, std::vector<std::int64_t>(weights.begin(), weights.end()));
        QCOMPARE(QList<qint64>(got.begin(), got.end()), shares);
        QCOMPARE(std::accumulate(got.begin(), got.end(), std::int64_t{0}), amount);
    }

    void theReportAddsUp()
    {
        const std::vector<TierStock> stock{{tierId(1), "Stalls", 10, 2, 1, 3},
                                           {tierId(2), "Floor", 15, 0, 0, 5}};
        // Two stalls online at 10:05 (80.00 paid, 30.00 given back in part); three floor places
        // and a stall at the counter at 10:40 and 12:10; an odd refund spread over two tiers.
        std::vector<PaidBooking> paid{
            {bookingId(1), false, at(10, 5), {{tierId(1), 4000}, {tierId(1), 4000}}, 8000, 3000},
            {bookingId(2), true, at(10, 40), {{tierId(2), 2550}, {tierId(2), 2550}}, 5100, 0},
            {bookingId(3), true, at(12, 10), {{tierId(2), 2550}, {tierId(1), 4000}}, 6550, 6550},
            {bookingId(4), false, at(12, 20), {{tierId(2), 2550}, {tierId(1), 4000}}, 6550, 101}};
        const auto r = buildReport(EventId::parse("01900000-0000-7000-8000-0000000000ee").value(),
                                   "GBP", at(13), stock, paid,
                                   {{"card", 2, 14550}, {"cash", 2, 11650}}, ReportInterval::Hour);
        QCOMPARE(r.tiers.size(), std::size_t(2));
        const auto& stalls = r.tiers[0].line;
        const auto& floor = r.tiers[1].line;
        QCOMPARE(stalls.total, 16);
        QCOMPARE(r.totals.total, 36);
        QCOMPARE(r.totals.sold, 8);
        QCOMPARE(stalls.gross + floor.gross, r.totals.gross);
        QCOMPARE(stalls.refunds + floor.refunds, r.totals.refunds);
        QCOMPARE(r.totals.gross, 8000 + 5100 + 6550 + 6550);
        QCOMPARE(r.totals.refunds, 3000 + 6550 + 101);
        // The 1.01 refund of booking 4 spreads 2550:4000 -> 0.39 and 0.62.
        QCOMPARE(stalls.refunds, 3000 + 4000 + 62);
        QCOMPARE(floor.refunds, 2550 + 39);
        QCOMPARE(r.totals.net(), r.totals.gross - r.totals.refunds);
        // Sales by hour, by channel; the methods as recorded.
        QCOMPARE(r.sales.size(), std::size_t(2));
        QVERIFY(r.sales[0].start == at(10));
        QCOMPARE(r.sales[0].units, 4);
        QCOMPARE(r.sales[0].gross, 13100);
        QCOMPARE(r.sales[1].gross, 13100);
        QCOMPARE(r.byChannel[0].channel, std::string("online"));
        QCOMPARE(r.byChannel[0].gross, 14550);
        QCOMPARE(r.byChannel[1].gross, 11650);
        QCOMPARE(r.byChannel[1].units, 4);
        const auto daily =
            buildReport(r.event, "GBP", at(13), stock, paid, {}, ReportInterval::Day);
        QCOMPARE(daily.sales.size(), std::size_t(1));
        QCOMPARE(daily.sales[0].units, 8);

        // The wire: amounts as money strings; CSV with the JSON's columns and a total row.
        const auto json = q(reportJson(r));
        QVERIFY(json.contains(QStringLiteral(
            R"("totals":{"total":36,"available":25,"held":2,"blocked":1,"sold":8,"gross":"262.00","refunds":"96.51","net":"165.49"})")));
        const auto csv = QString::fromStdString(reportCsv(r));
        const auto rows = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], QStringLiteral(
                              "tier_id,name,total,available,held,blocked,sold,gross,refunds,net"));
        QCOMPARE(rows[3], QStringLiteral("total,,36,25,2,1,8,262.00,96.51,165.49"));
    }

    void theSettlementTakesTheFeeHalfUp_data()
    {
        QTest::addColumn<qint64>("net");
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<QString>("fee");
        QTest::addColumn<QString>("payout");
        QTest::newRow("5 % of 100.00") << qint64(10000) << 500 << "5.00"
                                       << "95.00";
        QTest::newRow("5 % of 0.10: half a cent up") << qint64(10) << 500 << "0.01"
                                                     << "0.09";
        QTest::newRow("5 % of 0.09: 0.45 down") << qint64(9) << 500 << "0.00"
                                                << "0.09";
        QTest::newRow("2.5 % of 1.00") << qint64(100) << 250 << "0.03"
                                       << "0.97";
        QTest::newRow("nothing sold") << qint64(0) << 500 << "0.00"
                                      << "0.00";
    }
    void theSettlementTakesTheFeeHalfUp()
    {
        QFETCH(qint64, net);
        QFETCH(int, basisPoints);
        QFETCH(QString, fee);
        QFETCH(QString, payout);
        Report r;
        r.currency = "GBP";
        r.totals.gross = net + 500;
        r.totals.refunds = 500;
        const auto s = settle(r, at(22), basisPoints, at(23));
        QCOMPARE(QString::fromStdString(settlementJson(s).at("fee").as_string().c_str()), fee);
        QCOMPARE(QString::fromStdString(settlementJson(s).at("payout").as_string().c_str()),
                 payout);
        QVERIFY(s.payoutDate == at(22 + 48));
        QVERIFY(!s.due);
        QVERIFY(settle(r, at(22), basisPoints, at(22 + 48)).due);
    }

    void theSettlementsWireAndCsv()
    {
        Report r;
        r.currency = "GBP";
        r.totals.gross = 26200;
        r.totals.refunds = 9651;
        const auto s = settle(r, at(22), 250, at(0));
        const auto json = q(settlementJson(s));
        QVERIFY2(
            json.contains(QStringLiteral(
                R"("gross":"262.00","refunds":"96.51","net_sales":"165.49","fee_percent":2.5E0,"fee":"4.14","payout":"161.35","payout_date":"2031-01-03T22:00:00Z","status":"pending")")),
            qPrintable(json));
        QCOMPARE(settlementJson(s).at("fee_percent").to_number<double>(), 2.5);
        const auto rows = QString::fromStdString(settlementCsv(s))
                              .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows[1].endsWith(QStringLiteral(
                     ",GBP,262.00,96.51,165.49,2.5,4.14,161.35,2031-01-03T22:00:00Z,pending")),
                 qPrintable(rows[1]));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "TestReport.moc"
