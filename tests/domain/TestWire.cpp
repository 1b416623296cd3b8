// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QDir>
#include <QFile>
#include <QtTest>
// The rest.
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/CheckIn.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/Health.h"
#include "domain/LiveSync.h"
#include "domain/Payment.h"
#include "domain/Promo.h"
#include "domain/Report.h"
#include "domain/Shift.h"
#include "domain/Tickets.h"
#include "domain/User.h"
#include "domain/Venue.h"
#include "support/TestEnv.h"

#include <boost/json.hpp>
#include <functional>
#include <map>

using namespace ticketing::domain;
namespace json = boost::json;

namespace {

json::value readJson(const QString& path)
{
    return ticketing::test::readJsonFile(path);
}

QByteArray show(const json::value& v)
{
    return QByteArray::fromStdString(json::serialize(v));
}

QByteArray show(const std::vector<FieldError>& errors)
{
    QByteArray out;
    for (const auto& e : errors)
        out += QByteArray::fromStdString(e.field + ": " + e.message + "\n");
    return out;
}

// Reads `v` as T and writes it back; what came out, or the reading's errors.
using RoundTrip = std::function<Result<json::value, std::vector<FieldError>>(const json::value&)>;

template <class T> RoundTrip roundTrip()
{
    return [](const json::value& v) -> Result<json::value, std::vector<FieldError>> {
        auto decoded = decode<T>(v);
        if (!decoded.ok())
            return fail(std::move(decoded).error());
        return encode(*decoded);
    };
}

// The wire types by the first part of a golden file's name.
const std::map<QString, RoundTrip>& types()
{
    static const std::map<QString, RoundTrip> t{
        {QStringLiteral("user"), roundTrip<User>()},
        {QStringLiteral("users"), roundTrip<Page<User>>()},
        {QStringLiteral("tokens"), roundTrip<Tokens>()},
        {QStringLiteral("registration"), roundTrip<Registration>()},
        {QStringLiteral("credentials"), roundTrip<Credentials>()},
        {QStringLiteral("refresh-request"), roundTrip<RefreshRequest>()},
        {QStringLiteral("profile-change"), roundTrip<ProfileChange>()},
        {QStringLiteral("role-change"), roundTrip<RoleChange>()},
        {QStringLiteral("venue-input"), roundTrip<VenueInput>()},
        {QStringLiteral("venue"), roundTrip<Venue>()},
        {QStringLiteral("event-input"), roundTrip<EventInput>()},
        {QStringLiteral("event"), roundTrip<Event>()},
        {QStringLiteral("events"), roundTrip<Page<Event>>()},
        {QStringLiteral("availability"), roundTrip<Availability>()},
        {QStringLiteral("block-request"), roundTrip<BlockRequest>()},
        {QStringLiteral("unblock-request"), roundTrip<UnblockRequest>()},
        {QStringLiteral("seat-blocks"), roundTrip<SeatBlocks>()},
        {QStringLiteral("promo-code-input"), roundTrip<PromoCodeInput>()},
        {QStringLiteral("promo-code"), roundTrip<PromoCodeView>()},
        {QStringLiteral("quote"), roundTrip<Quote>()},
        {QStringLiteral("report"), roundTrip<Report>()},
        {QStringLiteral("settlement"), roundTrip<Settlement>()},
        {QStringLiteral("device-input"), roundTrip<DeviceInput>()},
        {QStringLiteral("device-enrollment"), roundTrip<DeviceEnrollment>()},
        {QStringLiteral("enroll-request"), roundTrip<EnrollRequest>()},
        {QStringLiteral("enrolled-device"), roundTrip<EnrolledDevice>()},
        {QStringLiteral("device"), roundTrip<Device>()},
        {QStringLiteral("bundle"), roundTrip<Bundle>()},
        {QStringLiteral("scan-batch"), roundTrip<ScanBatch>()},
        {QStringLiteral("scan-results"), roundTrip<ScanResults>()},
        {QStringLiteral("checkin-stats"), roundTrip<CheckInStats>()},
        {QStringLiteral("hold-request"), roundTrip<HoldRequest>()},
        {QStringLiteral("booking"), roundTrip<Booking>()},
        {QStringLiteral("confirm-request"), roundTrip<ConfirmRequest>()},
        {QStringLiteral("intent-request"), roundTrip<IntentRequest>()},
        {QStringLiteral("refund-request"), roundTrip<RefundRequest>()},
        {QStringLiteral("readiness"), roundTrip<Readiness>()},
        {QStringLiteral("payment"), roundTrip<Payment>()},
        {QStringLiteral("ticket"), roundTrip<Ticket>()},
        {QStringLiteral("signing-keys"), roundTrip<SigningKeys>()},
        {QStringLiteral("problem"), roundTrip<Problem>()},
        {QStringLiteral("sync-client"), roundTrip<SyncClientMessage>()},
        {QStringLiteral("sync-server"), roundTrip<SyncServerMessage>()},
        {QStringLiteral("shift"), roundTrip<Shift>()},
        {QStringLiteral("shift-opening"), roundTrip<ShiftOpening>()},
    };
    return t;
}

QStringList goldenFiles()
{
    QDir dir(ticketing::test::dataPath(QStringLiteral("wire")));
    QStringList out;
    for (const auto& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

QString typeOf(const QString& path)
{
    const auto name = QFileInfo(path).fileName();
    return name.left(name.indexOf(QLatin1Char('.')));
}

void removeMember(json::value& v, const std::string& key)
{
    v.as_object().erase(key);
}

template <class T> std::vector<FieldError> errorsOf(const char* text)
{
    auto r = decode<T>(json::parse(text));
    return r.ok() ? std::vector<FieldError>{} : std::move(r).error();
}

} // namespace

// The wire contract of API.md as common/domain reads and writes it (domain/Codec.h), checked
// against golden files written by hand (tests/data/wire).
class TestWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGoldenFileHasAType()
    {
        const auto files = goldenFiles();
        QVERIFY2(files.size() >= 30, "the wire golden files are missing");
        for (const auto& f : files)
            QVERIFY2(types().count(typeOf(f)), qPrintable(QStringLiteral("no type reads ") + f));
    }

    void readsAndWritesBackExactly_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto& f : goldenFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }

    // Read, then written back: equal to the file, so a member that reader and writer both drop,
    // or one that either side spells differently, fails here.
    void readsAndWritesBackExactly()
    {
        QFETCH(QString, path);
        const auto golden = readJson(path);
        const auto out = types().at(typeOf(path))(golden);
        QVERIFY2(out.ok(), out.ok() ? "" : show(out.error()).constData());
        if (*out != golden)
            QFAIL(qPrintable(
                QStringLiteral("written back:\n%1\nexpected:\n%2")
                    .arg(QString::fromUtf8(show(*out)), QString::fromUtf8(show(golden)))));
    }

    void requiredMembersAreRequired_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto& f : goldenFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }

    // Every member of a golden answer is either required (reading fails without it, naming it)
    // or optional (written back without it, or as null).
    void requiredMembersAreRequired()
    {
        QFETCH(QString, path);
        const auto golden = readJson(path);
        if (!golden.is_object())
            return;
        for (const auto& [key, value] : golden.as_object()) {
            auto without = golden;
            removeMember(without, std::string(key));
            const auto out = types().at(typeOf(path))(without);
            if (!out.ok()) {
                const auto& errors = out.error();
                // "type" and "format" choose the message: without them, another one is read.
                const bool discriminator = key == "type" || key == "format";
                const bool named =
                    discriminator ||
                    std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) {
                        return e.field.rfind(std::string(key), 0) == 0;
                    });
                QVERIFY2(named, qPrintable(QStringLiteral("%1 without %2: %3")
                                               .arg(path, QString::fromStdString(std::string(key)),
                                                    QString::fromUtf8(show(errors)))));
                continue;
            }
            // Optional: dropping it loses nothing the file said but the member itself.
            auto back = out->as_object();
            back.erase(key);
            QVERIFY2(json::value(back) == without,
                     qPrintable(QStringLiteral("%1 without %2 reads back as %3")
                                    .arg(path, QString::fromStdString(std::string(key)),
                                         QString::fromUtf8(show(*out)))));
        }
    }

    // Errors name the member's full path, as a 400 must.
    void errorsNameTheirPath()
    {
        auto booking =
            readJson(ticketing::test::dataPath(QStringLiteral("wire/booking.held.json")));
        booking.as_object()["line_items"].as_array()[1].as_object()["price"] = 25.5;
        booking.as_object()["tickets"] = json::array{json::object{{"ticket_id", "nope"}}};
        auto r = decode<Booking>(booking);
        QVERIFY(!r.ok());
        const auto errors = show(r.error());
        QVERIFY2(errors.contains("line_items[1].price: must be a string"), errors.constData());
        QVERIFY2(errors.contains("tickets[0].ticket_id: must be an id"), errors.constData());
        QVERIFY2(errors.contains("tickets[0].qr_code: is required"), errors.constData());

        auto venue = readJson(ticketing::test::dataPath(QStringLiteral("wire/venue.json")));
        venue.as_object()["seat_map"]
            .as_object()["sections"]
            .as_array()[0]
            .as_object()["rows"]
            .as_array()[0]
            .as_object()["seats"]
            .as_array()[1]
            .as_object()["id"] = "VIP-A-2";
        auto v = decode<Venue>(venue);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().front().field, std::string("seat_map.sections[0].rows[0].seats[1].id"));

        auto tiers = errorsOf<Event>(R"({"tiers": [{"id": 7}]})");
        QVERIFY(std::any_of(tiers.begin(), tiers.end(), [](const FieldError& e) {
            return e.field == "tiers[0].id" && e.message == "must be an id (a UUID)";
        }));

        const auto root = errorsOf<User>("[1, 2]");
        QCOMPARE(root.size(), std::size_t(1));
        QCOMPARE(root.front().field, std::string("(body)"));
        QCOMPARE(root.front().message, std::string("must be an object"));
    }

    // Money is read in the currency its object names, never another: an unknown currency and an
    // amount with too many digits are errors, not USD or a rounding.
    void moneyNeedsItsCurrency()
    {
        auto payment =
            readJson(ticketing::test::dataPath(QStringLiteral("wire/payment.card.json")));
        payment.as_object()["currency"] = "XXX";
        auto p = decode<Payment>(payment);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().front().field, std::string("currency"));

        payment.as_object()["currency"] = "JPY";
        p = decode<Payment>(payment); // "150.00" has minor digits JPY does not have
        QVERIFY(!p.ok());
        QCOMPARE(p.error().front().field, std::string("amount"));

        payment.as_object()["amount"] = "150";
        payment.as_object()["refunded"] = "0";
        p = decode<Payment>(payment);
        QVERIFY2(p.ok(), p.ok() ? "" : show(p.error()).constData());
        QCOMPARE(p->amountMinor, std::int64_t(150));
    }

    // A seat map read back from a Venue keeps the ids a client must hold seats with.
    void seatMapKeepsIds()
    {
        const auto venue =
            decode<Venue>(readJson(ticketing::test::dataPath(QStringLiteral("wire/venue.json"))));
        QVERIFY(venue.ok());
        const auto& seat = venue->details.seatMap.sections[0].rows[0].seats[0];
        QVERIFY(seat.id);
        QCOMPARE(seat.id->toString(), std::string("019b0c30-1111-7aaa-8bbb-000000000101"));
        QCOMPARE(venue->totalCapacity(), 2002);

        auto map = venue->details.seatMap;
        clearIds(map);
        QVERIFY(!map.sections[0].id && !map.sections[0].rows[0].seats[0].id);
    }

    void liveSyncMessages()
    {
        auto subscribe = decodeText<SyncClientMessage>(
            R"({"type":"subscribe","channel":"event:019b0c31-2222-7aaa-8bbb-000000000001","since":7,"format":"compact"})");
        QVERIFY(subscribe.ok());
        const auto& s = std::get<SyncSubscribe>(*subscribe);
        QCOMPARE(s.since.value_or(-1), std::int64_t(7));
        QVERIFY(s.format == SyncFormat::Compact);
        QCOMPARE(eventOfChannel(s.channel)->toString(),
                 std::string("019b0c31-2222-7aaa-8bbb-000000000001"));

        const auto unknown = errorsOf<SyncClientMessage>(R"({"type":"shout"})");
        QCOMPARE(unknown.front().field, std::string("type"));
        QCOMPARE(errorsOf<SyncClientMessage>(R"({"type":"subscribe","channel":"x","since":-1})")
                     .front()
                     .field,
                 std::string("since"));
        QCOMPARE(
            errorsOf<SyncClientMessage>(R"({"type":"subscribe","channel":"x","format":"tiny"})")
                .front()
                .field,
            std::string("format"));
        QCOMPARE(
            errorsOf<SyncServerMessage>(
                R"({"type":"seats","format":"compact","channel":"c","from_seq":1,"seq":2,"changes":[[0,"x"]],"tiers":[]})")
                .front()
                .field,
            std::string("changes[0]"));
        QVERIFY(!decodeText<SyncClientMessage>("{not json").ok());
    }

    // Text in, text out, as the apps and the server use it.
    void textRoundTrip()
    {
        const Credentials c{"ada@example.com", "correct horse \"battery\""};
        auto back = decodeText<Credentials>(encodeText(c));
        QVERIFY(back.ok());
        QVERIFY(*back == c);
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "TestWire.moc"
