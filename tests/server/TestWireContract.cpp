// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QFile>
#include <QJsonArray>
#include <QtTest>
// The rest.
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/LiveSync.h"
#include "domain/Payment.h"
#include "domain/Report.h"
#include "domain/Tickets.h"
#include "domain/User.h"
#include "domain/Venue.h"
#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/SyncClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <boost/json.hpp>

using namespace ticketing::test;
namespace domain = ticketing::domain;
namespace json = boost::json;

namespace {

json::value golden(const QString& name)
{
    return readJsonFile(dataPath(QStringLiteral("wire/") + name));
}

json::value parse(const QByteArray& body)
{
    boost::system::error_code ec;
    auto v =
        json::parse(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), ec);
    return ec ? json::value() : v;
}

json::value parse(const QJsonObject& o)
{
    return parse(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const char* kindName(const json::value& v)
{
    switch (v.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "bool";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
        return "number";
    case json::kind::string:
        return "string";
    case json::kind::array:
        return "array";
    case json::kind::object:
        return "object";
    }
    return "?";
}

// The item of a golden array that `item` should look like: a list may mix variants (seated and
// standing sections), so the one whose members differ least.
const json::value& closest(const json::value& item, const json::array& candidates)
{
    if (!item.is_object())
        return candidates[0];
    const json::value* best = &candidates[0];
    std::size_t bestDiff = SIZE_MAX;
    for (const auto& c : candidates) {
        if (!c.is_object())
            continue;
        std::size_t diff = 0;
        for (const auto& [key, value] : item.as_object())
            diff += c.as_object().contains(key) ? 0 : 1;
        for (const auto& [key, value] : c.as_object())
            diff += item.as_object().contains(key) ? 0 : 1;
        if (diff < bestDiff) {
            bestDiff = diff;
            best = &c;
        }
    }
    return *best;
}

// The answer has the golden file's shape: the same members at every level, each of the same
// JSON kind (null stands for any kind: a nullable member), array items like the golden's first.
void compareShape(const json::value& answer, const json::value& expected, const std::string& path,
                  QStringList& out)
{
    if (answer.is_null() || expected.is_null())
        return;
    if (std::string_view(kindName(answer)) != kindName(expected)) {
        out << QStringLiteral("%1: %2 where the contract has %3")
                   .arg(QString::fromStdString(path), QLatin1String(kindName(answer)),
                        QLatin1String(kindName(expected)));
        return;
    }
    if (answer.is_object()) {
        const auto& a = answer.as_object();
        const auto& e = expected.as_object();
        for (const auto& [key, value] : a) {
            const auto at = path.empty() ? std::string(key) : path + "." + std::string(key);
            if (!e.contains(key))
                out << QStringLiteral("%1: not in the contract").arg(QString::fromStdString(at));
            else
                compareShape(value, e.at(key), at, out);
        }
        for (const auto& [key, value] : e)
            if (!a.contains(key))
                out << QStringLiteral("%1: missing")
                           .arg(QString::fromStdString(
                               path.empty() ? std::string(key) : path + "." + std::string(key)));
    } else if (answer.is_array() && !expected.as_array().empty()) {
        const auto& a = answer.as_array();
        const auto& e = expected.as_array();
        // A tuple ([seat index, status letter]): items of different kinds, compared in place.
        const bool tuple = std::any_of(e.begin(), e.end(), [&](const json::value& x) {
            return std::string_view(kindName(x)) != kindName(e[0]);
        });
        if (tuple) {
            if (a.size() != e.size())
                out << QStringLiteral("%1: %2 items where the contract has %3")
                           .arg(QString::fromStdString(path))
                           .arg(a.size())
                           .arg(e.size());
            for (std::size_t i = 0; i < a.size() && i < e.size(); ++i)
                compareShape(a[i], e[i], path + "[" + std::to_string(i) + "]", out);
            return;
        }
        for (std::size_t i = 0; i < a.size() && i < 50; ++i)
            compareShape(a[i], closest(a[i], expected.as_array()),
                         path + "[" + std::to_string(i) + "]", out);
    }
}

QByteArray text(const json::value& v)
{
    return QByteArray::fromStdString(json::serialize(v));
}
} // namespace

// Real ticketd answers against the hand-written golden files of tests/data/wire: each one has
// the golden's shape, and common/domain's codec reads it and writes it back unchanged (so the
// apps, which read through the codec, see every member the server sends).
class TestWireContract : public QObject
{
    Q_OBJECT

    PaysimUnderTest m_paysim;
    TicketdUnderTest m_t;
    QString m_org, m_ann, m_box, m_admin;
    int m_keys = 0;

    QList<QPair<QByteArray, QByteArray>> keyed(const QString& token)
    {
        auto h = bearer(token);
        h.append({"Idempotency-Key", QByteArray("wire-") + QByteArray::number(++m_keys)});
        return h;
    }

    // `answer` is a `T` of the contract, shaped like `goldenName`.
    template <class T> bool matches(const json::value& answer, const QString& goldenName)
    {
        QStringList problems;
        compareShape(answer, golden(goldenName), "", problems);
        auto decoded = domain::decode<T>(answer);
        if (!decoded.ok()) {
            for (const auto& e : decoded.error())
                problems << QString::fromStdString("reading: " + e.field + ": " + e.message);
        } else if (domain::encode(*decoded) != answer) {
            problems << QStringLiteral("written back by the codec: ") +
                            QString::fromUtf8(text(domain::encode(*decoded)));
        }
        if (problems.isEmpty())
            return true;
        qWarning().noquote() << goldenName << "differs from the answer" << text(answer) << "\n -"
                             << problems.join(QStringLiteral("\n - "));
        return false;
    }

    HttpResult post(const QString& path, const json::value& body,
                    const QList<QPair<QByteArray, QByteArray>>& headers)
    {
        return m_t.http->send("POST", path, text(body), headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto port = freePort();
        QVERIFY(m_paysim.start(port));
        QVERIFY(m_t.start(m_paysim.ticketdEnv(),
                          {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        m_box = m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        QVERIFY(
            !openShift(*m_t.http, m_box, QStringLiteral("EUR")).isEmpty()); // cash needs a shift
        m_admin = m_t.signUp(QStringLiteral("admin"), QStringLiteral("admin@example.com"));
        QVERIFY(!m_org.isEmpty() && !m_ann.isEmpty() && !m_box.isEmpty() && !m_admin.isEmpty());
    }

    void cleanupTestCase()
    {
        m_t.finish();
        m_paysim.process.reset();
    }

    void accounts()
    {
        // The golden request is what the server takes.
        auto reg = post(QStringLiteral("/api/v1/auth/register"),
                        golden(QStringLiteral("registration.json")), {});
        QCOMPARE(reg.status, 201);
        const auto user = parse(reg.body).as_object().at("user");
        QVERIFY(matches<domain::User>(user, QStringLiteral("user.json")));
        QCOMPARE(json::value_to<std::string>(user.at("locale")), std::string("de"));

        auto login = post(QStringLiteral("/api/v1/auth/login"),
                          golden(QStringLiteral("credentials.json")), {});
        QCOMPARE(login.status, 200);
        const auto tokens = parse(login.body);
        QVERIFY(matches<domain::Tokens>(tokens, QStringLiteral("tokens.json")));
        const auto token =
            QString::fromStdString(json::value_to<std::string>(tokens.at("access_token")));

        auto change =
            m_t.http->send("PATCH", QStringLiteral("/api/v1/users/me"),
                           text(golden(QStringLiteral("profile-change.json"))), bearer(token));
        QCOMPARE(change.status, 200);
        QVERIFY(matches<domain::User>(parse(change.body), QStringLiteral("user.no-phone.json")));

        auto refresh = post(QStringLiteral("/api/v1/auth/refresh"),
                            json::object{{"refresh_token", tokens.at("refresh_token")}}, {});
        QCOMPARE(refresh.status, 200);
        QVERIFY(matches<domain::Tokens>(parse(refresh.body), QStringLiteral("tokens.json")));

        auto users = m_t.http->send("GET", QStringLiteral("/api/v1/admin/users?limit=2"), {},
                                    bearer(m_admin));
        QCOMPARE(users.status, 200);
        QVERIFY(matches<domain::Page<domain::User>>(parse(users.body),
                                                    QStringLiteral("users.page.json")));
        QVERIFY(matches<domain::User>(parse(users.body).at("items").as_array().at(0),
                                      QStringLiteral("user.json")));

        auto bad = post(QStringLiteral("/api/v1/auth/register"), json::object{{"email", 7}}, {});
        QCOMPARE(bad.status, 400);
        QVERIFY(
            matches<domain::Problem>(parse(bad.body), QStringLiteral("problem.validation.json")));
    }

    // Venue, event, availability, live sync, a hold, a card payment, the confirmed booking, its
    // ticket and keys, and the refund: the whole sale through the golden files.
    void aSale()
    {
        auto venue = post(QStringLiteral("/api/v1/venues"),
                          golden(QStringLiteral("venue-input.json")), bearer(m_org));
        QCOMPARE(venue.status, 201);
        const auto venueJson = parse(venue.body);
        QVERIFY(matches<domain::Venue>(venueJson, QStringLiteral("venue.json")));
        const auto seatId = venueJson.at("seat_map")
                                .at("sections")
                                .as_array()
                                .at(0)
                                .at("rows")
                                .as_array()
                                .at(0)
                                .at("seats")
                                .as_array()
                                .at(0)
                                .at("id");

        auto input = golden(QStringLiteral("event-input.json"));
        auto& in = input.as_object();
        in["venue_id"] = venueJson.at("id");
        const auto now = QDateTime::currentDateTimeUtc();
        auto stamp = [](const QDateTime& t) { return t.toString(Qt::ISODate).toStdString(); };
        in["start_time"] = stamp(now.addDays(30));
        in["end_time"] = stamp(now.addDays(30).addSecs(9000));
        in["sale_start"] = stamp(now.addDays(-1));
        in["sale_end"] = stamp(now.addDays(30).addSecs(-1800));
        auto created = post(QStringLiteral("/api/v1/events"), input, bearer(m_org));
        QCOMPARE(created.status, 201);
        QVERIFY(matches<domain::Event>(parse(created.body), QStringLiteral("event.json")));
        const auto eventId =
            QString::fromStdString(json::value_to<std::string>(parse(created.body).at("id")));
        auto published =
            post(QStringLiteral("/api/v1/events/") + eventId + QStringLiteral("/publish"),
                 json::object{}, bearer(m_org));
        QCOMPARE(published.status, 200);
        QVERIFY(matches<domain::Event>(parse(published.body), QStringLiteral("event.json")));
        auto list = m_t.http->get(QStringLiteral("/api/v1/events"));
        QVERIFY(matches<domain::Page<domain::Event>>(parse(list.body),
                                                     QStringLiteral("events.page.json")));
        QVERIFY(matches<domain::Event>(parse(list.body).at("items").as_array().at(0),
                                       QStringLiteral("event.json")));

        auto availability = m_t.http->get(QStringLiteral("/api/v1/events/") + eventId +
                                          QStringLiteral("/availability"));
        QCOMPARE(availability.status, 200);
        QVERIFY(matches<domain::Availability>(parse(availability.body),
                                              QStringLiteral("availability.json")));

        // Seat blocks: the second seat held back and released again.
        const auto blocks = QStringLiteral("/api/v1/events/") + eventId + QStringLiteral("/blocks");
        auto blockRequest = golden(QStringLiteral("block-request.json"));
        const auto secondSeat = venueJson.at("seat_map")
                                    .at("sections")
                                    .as_array()
                                    .at(0)
                                    .at("rows")
                                    .as_array()
                                    .at(0)
                                    .at("seats")
                                    .as_array()
                                    .at(1)
                                    .at("id");
        blockRequest.as_object()["seat_ids"] = json::array{secondSeat};
        auto blocked = post(blocks, blockRequest, bearer(m_org));
        QCOMPARE(blocked.status, 200);
        QVERIFY(
            matches<domain::SeatBlocks>(parse(blocked.body), QStringLiteral("seat-blocks.json")));
        auto blockedMap = m_t.http->get(QStringLiteral("/api/v1/events/") + eventId +
                                        QStringLiteral("/availability"));
        QVERIFY(matches<domain::Availability>(parse(blockedMap.body),
                                              QStringLiteral("availability.json")));
        auto unblocked = m_t.http->send("DELETE", blocks,
                                        QByteArray::fromStdString(json::serialize(
                                            json::object{{"seat_ids", json::array{secondSeat}}})),
                                        bearer(m_org));
        QCOMPARE(unblocked.status, 200);
        QVERIFY(
            matches<domain::SeatBlocks>(parse(unblocked.body), QStringLiteral("seat-blocks.json")));

        // Live sync, both formats.
        const auto wsUrl =
            m_t.server->baseUrl().replace(QStringLiteral("http://"), QStringLiteral("ws://")) +
            QStringLiteral("/api/v1/ws");
        SyncClient full, compact;
        compact.compact = true;
        QVERIFY(full.open(wsUrl) && compact.open(wsUrl));
        full.subscribe(eventId);
        compact.subscribe(eventId);
        QVERIFY(full.waitUntil([&] { return full.snapshots == 1; }));
        QVERIFY(compact.waitUntil([&] { return compact.snapshots == 1; }));
        QVERIFY(matches<domain::SyncServerMessage>(parse(full.received.first()),
                                                   QStringLiteral("sync-server.snapshot.json")));

        auto hold = post(
            QStringLiteral("/api/v1/bookings/hold"),
            json::object{{"event_id", eventId.toStdString()}, {"seat_ids", json::array{seatId}}},
            keyed(m_ann));
        QCOMPARE(hold.status, 201);
        const auto booking = parse(hold.body);
        QVERIFY(matches<domain::Booking>(booking, QStringLiteral("booking.held.json")));
        const auto bookingId =
            QString::fromStdString(json::value_to<std::string>(booking.at("booking_id")));

        QVERIFY(full.waitUntil([&] { return full.deltas >= 1; }));
        QVERIFY(compact.waitUntil([&] { return compact.deltas >= 1; }));
        QVERIFY(matches<domain::SyncServerMessage>(parse(full.received.last()),
                                                   QStringLiteral("sync-server.seats.json")));
        QVERIFY(matches<domain::SyncServerMessage>(
            parse(compact.received.last()), QStringLiteral("sync-server.seats-compact.json")));
        full.send(QJsonObject{{QStringLiteral("type"), QStringLiteral("ping")}});
        full.send(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
                              {QStringLiteral("channel"), QStringLiteral("nowhere")}});
        QVERIFY(full.waitUntil([&] {
            return std::any_of(
                full.received.begin(), full.received.end(), [](const QJsonObject& m) {
                    return m.value(QStringLiteral("type")) == QStringLiteral("error");
                });
        }));
        for (const auto& m : full.received) {
            if (m.value(QStringLiteral("type")) == QStringLiteral("pong"))
                QVERIFY(matches<domain::SyncServerMessage>(
                    parse(m), QStringLiteral("sync-server.pong.json")));
            if (m.value(QStringLiteral("type")) == QStringLiteral("error"))
                QVERIFY(matches<domain::SyncServerMessage>(
                    parse(m), QStringLiteral("sync-server.error.json")));
        }

        auto taken = post(
            QStringLiteral("/api/v1/bookings/hold"),
            json::object{{"event_id", eventId.toStdString()}, {"seat_ids", json::array{seatId}}},
            keyed(m_box));
        QCOMPARE(taken.status, 409);
        QVERIFY(matches<domain::Problem>(parse(taken.body),
                                         QStringLiteral("problem.seats-unavailable.json")));

        // A card payment, paid at the provider: the webhook confirms the booking.
        auto intent =
            post(QStringLiteral("/api/v1/payments/intent"),
                 json::object{{"booking_id", bookingId.toStdString()}, {"method", "card"}},
                 keyed(m_ann));
        QCOMPARE(intent.status, 201);
        const auto payment = parse(intent.body);
        QVERIFY(matches<domain::Payment>(payment, QStringLiteral("payment.card.json")));
        const auto secret =
            QString::fromStdString(json::value_to<std::string>(payment.at("client_secret")));
        const auto ref = secret.left(secret.indexOf(QStringLiteral("_secret_")));
        QCOMPARE(m_paysim.http
                     ->send("POST", QStringLiteral("/v1/payment_intents/%1/confirm").arg(ref),
                            QStringLiteral("client_secret=%1&payment_method=4242424242424242")
                                .arg(secret)
                                .toUtf8(),
                            {{"Content-Type", "application/x-www-form-urlencoded"}})
                     .status,
                 200);
        json::value confirmed;
        QVERIFY(QTest::qWaitFor(
            [&] {
                confirmed = parse(m_t.http
                                      ->send("GET", QStringLiteral("/api/v1/bookings/") + bookingId,
                                             {}, bearer(m_ann))
                                      .body);
                return confirmed.is_object() && confirmed.at("status") == "confirmed";
            },
            15000));
        QVERIFY(matches<domain::Booking>(confirmed, QStringLiteral("booking.confirmed.json")));

        const auto ticketId = QString::fromStdString(
            json::value_to<std::string>(confirmed.at("tickets").as_array().at(0).at("ticket_id")));
        auto ticket =
            m_t.http->send("GET", QStringLiteral("/api/v1/tickets/") + ticketId, {}, bearer(m_ann));
        QCOMPARE(ticket.status, 200);
        QVERIFY(matches<domain::Ticket>(parse(ticket.body), QStringLiteral("ticket.json")));
        auto keys = m_t.http->get(QStringLiteral("/api/v1/events/") + eventId +
                                  QStringLiteral("/signing-keys"));
        QCOMPARE(keys.status, 200);
        QVERIFY(
            matches<domain::SigningKeys>(parse(keys.body), QStringLiteral("signing-keys.json")));

        auto cancelled = m_t.http->send("DELETE", QStringLiteral("/api/v1/bookings/") + bookingId,
                                        {}, bearer(m_ann));
        QCOMPARE(cancelled.status, 200);
        QVERIFY(matches<domain::Booking>(parse(cancelled.body),
                                         QStringLiteral("booking.refunded.json")));
        const auto paymentId =
            QString::fromStdString(json::value_to<std::string>(payment.at("payment_id")));
        auto refunded = m_t.http->send("GET", QStringLiteral("/api/v1/payments/") + paymentId, {},
                                       bearer(m_ann));
        QCOMPARE(refunded.status, 200);
        QVERIFY(
            matches<domain::Payment>(parse(refunded.body), QStringLiteral("payment.card.json")));
        QCOMPARE(json::value_to<std::string>(parse(refunded.body).at("status")),
                 std::string("refunded"));

        // Cash at the counter, confirmed with the golden confirm request's shape.
        auto floor =
            post(QStringLiteral("/api/v1/bookings/hold"),
                 json::object{{"event_id", eventId.toStdString()},
                              {"ticket_tier_id",
                               parse(published.body).at("tiers").as_array().at(1).at("id")},
                              {"quantity", 2}},
                 keyed(m_box));
        QCOMPARE(floor.status, 201);
        QVERIFY(matches<domain::Booking>(parse(floor.body), QStringLiteral("booking.held.json")));
        const auto floorId = parse(floor.body).at("booking_id");
        auto cash = post(QStringLiteral("/api/v1/payments/intent"),
                         json::object{{"booking_id", floorId}, {"method", "cash"}}, keyed(m_box));
        QCOMPARE(cash.status, 201);
        QVERIFY(matches<domain::Payment>(parse(cash.body),
                                         QStringLiteral("payment.cash-refunded.json")));
        auto confirm = post(QStringLiteral("/api/v1/bookings/confirm"),
                            json::object{{"booking_id", floorId},
                                         {"payment_id", parse(cash.body).at("payment_id")}},
                            keyed(m_box));
        QCOMPARE(confirm.status, 200);
        QVERIFY(matches<domain::Booking>(parse(confirm.body),
                                         QStringLiteral("booking.confirmed.json")));

        // The organizer's report and settlement of the sale.
        auto report = m_t.http->send(
            "GET", QStringLiteral("/api/v1/events/") + eventId + QStringLiteral("/report"), {},
            bearer(m_org));
        QCOMPARE(report.status, 200);
        QVERIFY(matches<domain::Report>(parse(report.body), QStringLiteral("report.json")));
        auto settlement = m_t.http->send(
            "GET", QStringLiteral("/api/v1/events/") + eventId + QStringLiteral("/settlement"), {},
            bearer(m_org));
        QCOMPARE(settlement.status, 200);
        QVERIFY(
            matches<domain::Settlement>(parse(settlement.body), QStringLiteral("settlement.json")));
    }
};

QTEST_GUILESS_MAIN(TestWireContract)
#include "TestWireContract.moc"
