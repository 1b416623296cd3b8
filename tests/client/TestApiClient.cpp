#include "client/ApiClient.h"
#include "support/Accounts.h"
#include "support/DropProxy.h"
#include "support/Sales.h"
#include "support/TicketdUnderTest.h"

#include <QSignalSpy>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing;
using namespace ticketing::test;
using client::ApiClient;
using client::Failure;
using client::Outcome;

namespace {
// Runs an asynchronous call of the client and waits for its outcome.
template <class T, class Call> std::optional<Outcome<T>> await(Call&& call, int timeoutMs = 30000)
{
    std::optional<Outcome<T>> out;
    QObject context;
    call(&context, [&](const Outcome<T>& o) { out = o; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs); // none: the caller fails
    return out;
}

template <class T> const T* value(const std::optional<Outcome<T>>& o)
{
    return o ? std::get_if<T>(&*o) : nullptr;
}

template <class T> const Failure* failure(const std::optional<Outcome<T>>& o)
{
    return o ? std::get_if<Failure>(&*o) : nullptr;
}

domain::EventId eventId(const Sale& sale)
{
    return *domain::EventId::parse(sale.event.toStdString());
}

domain::SeatId seat(const Sale& sale, const QString& label)
{
    return *domain::SeatId::parse(sale.seatByLabel.value(label).toStdString());
}
} // namespace

// common/client's ApiClient against a real ticketd (DESIGN.md "The apps"): signing in, typed
// calls through the domain codec, problems as messages, one Idempotency-Key per user action
// kept through retries, back-off, and what it says when nothing answers.
class TestApiClient : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;

    QUrl serverUrl(quint16 port) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    bool signIn(ApiClient& api, const QString& email)
    {
        const auto r = await<domain::Tokens>([&](QObject* c, auto done) {
            api.signIn(email, QStringLiteral("test password 1"), c, done);
        });
        return value(r) != nullptr;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start());
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
    }
    void cleanup() { m_t.finish(); }

    void signsInAndSaysWhyNot()
    {
        ApiClient api(serverUrl(m_t.server->port()));
        const auto wrong = await<domain::Tokens>([&](QObject* c, auto done) {
            api.signIn(QStringLiteral("box@example.com"), QStringLiteral("not it"), c, done);
        });
        QVERIFY(failure(wrong));
        QCOMPARE(failure(wrong)->status, 401);
        QCOMPARE(failure(wrong)->code, QStringLiteral("invalid_credentials"));
        QVERIFY(!failure(wrong)->message.isEmpty());
        QVERIFY(!failure(wrong)->transient);
        QVERIFY(!api.signedIn());

        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        QVERIFY(api.signedIn());
        QVERIFY(api.user()->role == domain::Role::BoxOffice);
        // A session resumed elsewhere from the refresh token (what the keychain keeps).
        ApiClient later(serverUrl(m_t.server->port()));
        const auto resumed = await<domain::Tokens>(
            [&](QObject* c, auto done) { later.resume(api.refreshToken(), c, done); });
        QVERIFY(value(resumed));
        QCOMPARE(later.user()->email, std::string("box@example.com"));
        const auto shift =
            await<domain::Shift>([&](QObject* c, auto done) { later.currentShift(c, done); });
        QCOMPARE(failure(shift)->status, 404); // signed in: a 404, not a 401
    }

    // The access token is refreshed before it runs out (here: the margin is longer than its
    // 15 minutes, so before every call); calls made at once wait for one refresh together.
    void refreshesBeforeTheTokenRunsOut()
    {
        ApiClient::Options options;
        options.refreshMargin = std::chrono::minutes(16);
        ApiClient api(serverUrl(m_t.server->port()), options);
        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        QSignalSpy refreshed(&api, &ApiClient::tokensChanged);
        const auto before = api.refreshToken();
        int answered = 0;
        QObject context;
        for (int i = 0; i < 3; ++i)
            api.currentShift(&context, [&](const Outcome<domain::Shift>& o) {
                if (const auto* f = std::get_if<Failure>(&o); f && f->status == 404)
                    ++answered; // signed in: no open shift
            });
        QTRY_COMPARE(answered, 3);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(api.refreshToken() != before); // the server rotates it
        const auto again =
            await<domain::Shift>([&](QObject* c, auto done) { api.currentShift(c, done); });
        QCOMPARE(failure(again)->status, 404);
        QCOMPARE(refreshed.count(), 2);
    }

    // A sale at the counter through the client: shift, hold, cash, confirm, close.
    void sellsForCashInAShift()
    {
        const auto sale = openSale(*m_t.http, m_org);
        ApiClient api(serverUrl(m_t.server->port()));
        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        const auto opened = await<domain::Shift>([&](QObject* c, auto done) {
            api.openShift({"GBP", 5000}, c, done);
        });
        QVERIFY(value(opened));
        QCOMPARE(value(opened)->openingFloat, 5000);

        domain::HoldRequest request;
        request.event = eventId(sale);
        request.tier = *domain::TierId::parse(sale.seatedTier.toStdString());
        request.quantity = 2;
        request.bestAvailable = true;
        request.customer = domain::Customer{"Ada Lovelace", std::nullopt, std::nullopt};
        const client::UserAction holdAction;
        const auto held = await<domain::Booking>(
            [&](QObject* c, auto done) { api.hold(request, holdAction, c, done); });
        QVERIFY(value(held));
        QCOMPARE(value(held)->items.size(), std::size_t(2));
        QCOMPARE(value(held)->customer->name, std::string("Ada Lovelace"));

        const client::UserAction pay;
        const auto payment = await<domain::Payment>([&](QObject* c, auto done) {
            api.payIntent({value(held)->id, "cash"}, pay, c, done);
        });
        QVERIFY(value(payment));
        const auto confirmed = await<domain::Booking>([&](QObject* c, auto done) {
            api.confirm({value(held)->id, value(payment)->id}, pay, c, done);
        });
        QVERIFY(value(confirmed));
        QVERIFY(value(confirmed)->status == domain::BookingStatus::Confirmed);
        QCOMPARE(value(confirmed)->tickets.size(), std::size_t(2));

        // Found again at will-call by the customer's name, and the event is listed.
        const auto found = await<domain::Page<domain::Booking>>([&](QObject* c, auto done) {
            api.searchBookings(eventId(sale), QStringLiteral("lovelace"), c, done);
        });
        QVERIFY(value(found));
        QCOMPARE(value(found)->items.size(), std::size_t(1));
        QCOMPARE(value(found)->items[0].id, value(held)->id);
        const auto events = await<domain::Page<domain::Event>>(
            [&](QObject* c, auto done) { api.events(QStringLiteral("Gig"), c, done); });
        QVERIFY(value(events));
        QCOMPARE(value(events)->items.size(), std::size_t(1));
        const auto closed = await<domain::Shift>([&](QObject* c, auto done) {
            api.closeShift(value(opened)->id, QStringLiteral("130.00"), c, done);
        });
        QVERIFY(value(closed));
        QCOMPARE(value(closed)->expectedCash(), 13000); // 50.00 + 2 x 40.00
        QCOMPARE(*value(closed)->difference(), 0);
        // A problem comes back as a message a person can act on.
        const auto again = await<domain::Shift>([&](QObject* c, auto done) {
            api.closeShift(value(opened)->id, QStringLiteral("1"), c, done);
        });
        QCOMPARE(failure(again)->code, QStringLiteral("shift_closed"));
        QVERIFY(failure(again)->message.contains(QStringLiteral("closed")));
    }

    // Issue 18: the organizer's promo codes and a quote, through the client.
    void promoCodesAndQuotes()
    {
        const auto sale = openSale(*m_t.http, m_org);
        ApiClient org(serverUrl(m_t.server->port()));
        QVERIFY(signIn(org, QStringLiteral("org@example.com")));
        const auto event = eventId(sale);
        domain::PromoCodeInput input;
        input.code = "Gig-10";
        input.kind = domain::PromoCode::Kind::Amount;
        input.amount = "10.00";
        input.maxUses = 5;
        const auto made = await<domain::PromoCodeView>(
            [&](QObject* c, auto done) { org.createPromoCode(event, input, c, done); });
        QVERIFY(value(made));
        QCOMPARE(value(made)->code.amountMinor, std::int64_t(1000));
        const auto again = await<domain::PromoCodeView>(
            [&](QObject* c, auto done) { org.createPromoCode(event, input, c, done); });
        QCOMPARE(failure(again)->code, QStringLiteral("promo_code_taken"));
        const auto list = await<domain::Page<domain::PromoCodeView>>(
            [&](QObject* c, auto done) { org.promoCodes(event, c, done); });
        QVERIFY(value(list));
        QCOMPARE(value(list)->items.size(), std::size_t(1));
        QCOMPARE(value(list)->items[0].code.uses, 0);
        QCOMPARE(*value(list)->items[0].code.maxUses, 5);

        // Two seated places at 40.00 with 10.00 off, asked by the box office as it would hold.
        ApiClient box(serverUrl(m_t.server->port()));
        QVERIFY(signIn(box, QStringLiteral("box@example.com")));
        domain::HoldRequest request;
        request.event = event;
        request.tier = *domain::TierId::parse(sale.seatedTier.toStdString());
        request.quantity = 2;
        request.promoCode = "gig-10";
        const auto quoted =
            await<domain::Quote>([&](QObject* c, auto done) { box.quote(request, c, done); });
        QVERIFY(value(quoted));
        QCOMPARE(value(quoted)->subtotalMinor, std::int64_t(8000));
        QCOMPARE(value(quoted)->discountMinor, std::int64_t(1000));
        QCOMPARE(value(quoted)->totalMinor, std::int64_t(7000));
        QCOMPARE(value(quoted)->applied.at(0).code, std::string("Gig-10"));

        const auto removed = await<bool>([&](QObject* c, auto done) {
            org.deletePromoCode(event, QStringLiteral("GIG-10"), c, done);
        });
        QVERIFY(value(removed));
        // Gone: the quote says why, in words a person can act on.
        const auto refused =
            await<domain::Quote>([&](QObject* c, auto done) { box.quote(request, c, done); });
        QCOMPARE(failure(refused)->code, QStringLiteral("promo_code_invalid"));
        QCOMPARE(failure(refused)->message,
                 QStringLiteral("There is no such promo code for this event. Nothing was held."));
    }

    // The answer to a hold is lost on the way back (the server made the hold): the client sends
    // it again with the same Idempotency-Key and gets the first answer; one booking exists.
    void aLostAnswerIsAskedAgainWithTheSameKey()
    {
        const auto sale = openSale(*m_t.http, m_org);
        DropProxy proxy(m_t.server->port());
        QVERIFY(proxy.listen());
        ApiClient api(serverUrl(proxy.port()), ApiClient::Options{6, std::chrono::milliseconds(50),
                                                                  std::chrono::milliseconds(5000)});
        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        QSignalSpy connectivity(&api, &ApiClient::connectivityChanged);
        domain::HoldRequest request;
        request.event = eventId(sale);
        request.seats = {seat(sale, QStringLiteral("MAIN-A-1"))};
        proxy.dropAnswers("POST /api/v1/bookings/hold", 2);
        const client::UserAction action;
        const auto held = await<domain::Booking>(
            [&](QObject* c, auto done) { api.hold(request, action, c, done); });
        QVERIFY2(value(held), failure(held) ? qPrintable(failure(held)->message) : "no outcome");
        QCOMPARE(api.connectivity(), ApiClient::Connectivity::Online);
        QVERIFY(connectivity.count() >= 2); // reconnecting, then online
        int sent = 0;
        for (const auto& head : proxy.requests)
            if (head.startsWith("POST /api/v1/bookings/hold")) {
                ++sent;
                QVERIFY(head.toLower().contains("idempotency-key: " +
                                                action.key(QLatin1String("hold")).toUtf8()));
            }
        QCOMPARE(sent, 3); // two answers lost, the third one heard
        // One booking, the first one: the others were replays of it.
        auto found = m_t.http->send(
            "GET", QStringLiteral("/api/v1/bookings?event_id=") + sale.event, {},
            bearer(m_t.signUp(QStringLiteral("admin"), QStringLiteral("admin@example.com"))));
        QCOMPARE(found.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(found.json()
                     .value(QStringLiteral("items"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("booking_id"))
                     .toString(),
                 QString::fromStdString(value(held)->id.toString()));
    }

    // A card paid at the counter's terminal while the network drops: the answer to the intent
    // is lost and the server is then away for a moment; the client asks again with the same key
    // until it answers. One payment, one confirmed booking (by the provider's webhook).
    void aNetworkDropDuringACardPaymentPaysOnce()
    {
        const auto port = freePort();
        PaysimUnderTest paysim;
        QVERIFY(paysim.start(port));
        QVERIFY(m_t.restart(paysim.ticketdEnv(), {QStringLiteral("--listen"),
                                                  QStringLiteral("127.0.0.1:%1").arg(port)}));
        const auto sale = openSale(*m_t.http, m_org);
        DropProxy proxy(m_t.server->port());
        QVERIFY(proxy.listen());
        ApiClient api(serverUrl(proxy.port()),
                      ApiClient::Options{10, std::chrono::milliseconds(200),
                                         std::chrono::milliseconds(5000)});
        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        QVERIFY(value(await<domain::Shift>([&](QObject* c, auto done) {
            api.openShift({"GBP", 0}, c, done);
        })));
        domain::HoldRequest request;
        request.event = eventId(sale);
        request.seats = {seat(sale, QStringLiteral("MAIN-A-1")),
                         seat(sale, QStringLiteral("MAIN-A-2"))};
        const auto held = await<domain::Booking>(
            [&](QObject* c, auto done) { api.hold(request, client::UserAction(), c, done); });
        QVERIFY(value(held));

        proxy.dropAnswers("POST /api/v1/payments/intent", 1);
        // The server is away for two seconds right after it took the intent.
        QTimer::singleShot(50, &proxy, [&] { proxy.setDown(true); });
        QTimer::singleShot(2000, &proxy, [&] { proxy.setDown(false); });
        const client::UserAction pay;
        const auto payment = await<domain::Payment>([&](QObject* c, auto done) {
            api.payIntent({value(held)->id, "card_present"}, pay, c, done);
        });
        QVERIFY2(value(payment), failure(payment) ? qPrintable(failure(payment)->message) : "none");
        int sent = 0;
        for (const auto& head : proxy.requests)
            sent += head.startsWith("POST /api/v1/payments/intent");
        QVERIFY(sent >= 2);
        // The terminal approves; the webhook confirms the booking by itself.
        domain::BookingStatus status = domain::BookingStatus::Held;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto b = await<domain::Booking>(
                    [&](QObject* c, auto done) { api.booking(value(held)->id, c, done); });
                if (value(b))
                    status = value(b)->status;
                return status == domain::BookingStatus::Confirmed;
            },
            15000));
        // One payment for the booking, whatever was retried.
        pqxx::connection db(m_t.db->url());
        pqxx::read_transaction tx(db);
        QCOMPARE(tx.exec_params1("SELECT count(*) FROM payments WHERE booking_id = $1::uuid",
                                 value(held)->id.toString())[0]
                     .as<int>(),
                 1);
    }

    // Nothing answers: the client tries a few times, then says so, and its state is offline; it
    // is online again as soon as an answer comes.
    void nothingAnsweringIsSaid()
    {
        DropProxy proxy(m_t.server->port());
        QVERIFY(proxy.listen());
        ApiClient api(serverUrl(proxy.port()), ApiClient::Options{3, std::chrono::milliseconds(20),
                                                                  std::chrono::milliseconds(2000)});
        QVERIFY(signIn(api, QStringLiteral("box@example.com")));
        proxy.setDown(true);
        QSignalSpy connectivity(&api, &ApiClient::connectivityChanged);
        const auto lost =
            await<domain::Shift>([&](QObject* c, auto done) { api.currentShift(c, done); });
        QVERIFY(failure(lost));
        QCOMPARE(failure(lost)->code, QStringLiteral("network"));
        QVERIFY(failure(lost)->transient);
        QCOMPARE(api.connectivity(), ApiClient::Connectivity::Offline);
        QCOMPARE(connectivity.count(), 2); // reconnecting, offline
        proxy.setDown(false);
        const auto back =
            await<domain::Shift>([&](QObject* c, auto done) { api.currentShift(c, done); });
        QCOMPARE(failure(back)->status, 404);
        QCOMPARE(api.connectivity(), ApiClient::Connectivity::Online);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
