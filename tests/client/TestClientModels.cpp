#include "client/Enrollment.h"
#include "client/Models.h"
#include "domain/Codec.h"
#include "support/TestEnv.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace ticketing;
using namespace ticketing::client;

namespace {
template <class T> T golden(const char* file)
{
    auto v = domain::decode<T>(
        test::readJsonFile(test::dataPath(QStringLiteral("wire/") + QLatin1String(file))));
    if (!v.ok())
        qFatal("%s does not read", file);
    return std::move(v).value();
}

domain::Event eventAt(const char* title, const char* city, const QDateTime& start)
{
    auto e = golden<domain::Event>("event.json");
    e.id = domain::EventId::generate();
    e.title = title;
    e.city = city;
    e.start = domain::Clock::TimePoint(std::chrono::milliseconds(start.toMSecsSinceEpoch()));
    return e;
}
} // namespace

// common/client's list models: correct by QAbstractItemModelTester (every change announced as
// Qt's model/view expects), and showing what the box office needs.
class TestClientModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The organizer's enrollment QR code and what the gate scanner reads from it.
    void enrollmentLinksRoundTrip()
    {
        const QUrl server(QStringLiteral("https://box.example.org:8443/tickets"));
        const auto link = client::enrollmentLink(server, QStringLiteral("ABCDEFGHJKMN"));
        QVERIFY(link.startsWith(QStringLiteral("ticketing-gate:enroll?")));
        const auto read = client::parseEnrollmentLink(link);
        QVERIFY(read);
        QCOMPARE(read->server, server);
        QCOMPARE(read->code, QStringLiteral("ABCDEFGHJKMN"));
        // Typed: spaces, dashes and lower case are fine; the server is the scanner's own.
        const auto typed = client::parseEnrollmentLink(QStringLiteral(" abcd-efgh-jkmn "));
        QVERIFY(typed && typed->server.isEmpty());
        QCOMPARE(typed->code, QStringLiteral("ABCDEFGHJKMN"));
        for (const auto* bad : {"ABCDEFGHJKM", "ABCDEFGHJKMNP", "ABCDEFGHJKM0", "",
                                "ticketing-gate:enroll?server=ftp%3A%2F%2Fx&code=ABCDEFGHJKMN",
                                "ticketing-gate:other?server=http%3A%2F%2Fx&code=ABCDEFGHJKMN",
                                "https://example.org/?code=ABCDEFGHJKMN"})
            QVERIFY2(!client::parseEnrollmentLink(QString::fromLatin1(bad)), bad);
    }

    void eventsOfTodayComeFirstAndSearchFilters()
    {
        EventsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto now = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
        model.setEvents({eventAt("Next week", "Leeds", now.addDays(7)),
                         eventAt("Tonight late", "London", now.addSecs(9 * 3600)),
                         eventAt("Tomorrow", "London", now.addDays(1)),
                         eventAt("Tonight", "Manchester", now.addSecs(7 * 3600))},
                        now);
        QCOMPARE(model.rowCount(), 4);
        auto title = [&](int row) {
            return model.data(model.index(row), EventsModel::TitleRole).toString();
        };
        QCOMPARE(title(0), QStringLiteral("Tonight"));
        QCOMPARE(title(1), QStringLiteral("Tonight late"));
        QCOMPARE(title(2), QStringLiteral("Tomorrow"));
        QCOMPARE(title(3), QStringLiteral("Next week"));
        QVERIFY(model.data(model.index(0), EventsModel::TodayRole).toBool());
        QVERIFY(!model.data(model.index(2), EventsModel::TodayRole).toBool());
        model.setSearch(QStringLiteral("london"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(title(0), QStringLiteral("Tonight late"));
        model.setSearch({});
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.data(model.index(0)).toString().contains(QStringLiteral("Manchester")));
    }

    void bookingsShowWhatWillCallNeeds()
    {
        BookingsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto walkIn = golden<domain::Booking>("booking.held.json");
        auto named = golden<domain::Booking>("booking.box-office.json");
        named.id = domain::BookingId::generate();
        model.setBookings({named, walkIn});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BookingsModel::ColumnCount));
        QCOMPARE(model.data(model.index(0, BookingsModel::Customer)).toString(),
                 QStringLiteral("Ada Lovelace"));
        QCOMPARE(model.data(model.index(1, BookingsModel::Customer)).toString(),
                 QStringLiteral("(walk-in)"));
        QCOMPARE(model.data(model.index(1, BookingsModel::Reference)).toString().size(), 8);
        QVERIFY(model.data(model.index(1, BookingsModel::Seats))
                    .toString()
                    .contains(QStringLiteral("VIP-A-1")));
        QVERIFY(model.data(model.index(1, BookingsModel::Total))
                    .toString()
                    .endsWith(QStringLiteral(" EUR")));
        QCOMPARE(model.headerData(BookingsModel::Customer, Qt::Horizontal).toString(),
                 QStringLiteral("Customer"));
        // A refund changes one row in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        walkIn.status = domain::BookingStatus::Refunded;
        model.update(walkIn);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(1, BookingsModel::Status)).toString(),
                 QStringLiteral("Refunded"));
    }

    void theCartAddsUpItsHolds()
    {
        CartModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&model, &CartModel::totalChanged);
        auto first = golden<domain::Booking>("booking.held.json"); // 2 items, 175.50
        auto second = first;
        second.id = domain::BookingId::generate();
        second.holdExpiresAt = first.holdExpiresAt - std::chrono::seconds(60);
        model.add(first);
        model.add(second);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.totalMinor(), 2 * first.totalMinor);
        QCOMPARE(*model.endsAt(), second.holdExpiresAt); // the one that ends first
        QCOMPARE(model.data(model.index(0, CartModel::Place)).toString(),
                 QStringLiteral("VIP-A-1"));
        QVERIFY(model.data(model.index(1, CartModel::Place))
                    .toString()
                    .startsWith(QStringLiteral("Standing")));
        model.remove(first.id);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalMinor(), second.totalMinor);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.endsAt());
        QCOMPARE(total.count(), 4);
    }
};

QTEST_GUILESS_MAIN(TestClientModels)
#include "TestClientModels.moc"
