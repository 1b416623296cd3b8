// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
// The rest.
#include "domain/WebhookSignature.h"
#include "outbound/HttpClient.h"
#include "payments/Provider.h"
#include "services/CheckoutService.h"
#include "services/EventService.h"
#include "services/HoldService.h"
#include "services/VenueService.h"
#include "support/InProcess.h"
#include "support/TicketdUnderTest.h"

#include <pqxx/pqxx>
#include <set>

using namespace ticketing;
using namespace std::chrono_literals;

// The saga of a hold that ends while its payment is in flight (DESIGN.md "Payments"), on the
// manual clock: CheckoutService in this process (test::InProcess) with paysim as the real card
// provider. paysim's webhooks go to a port nobody serves; the test hands each one, as paysim
// wrote it, to the service at the manual clock's time (signed again for that time, as the
// provider's transport would). Nothing here sleeps for a hold to end.
class TestPaymentSaga : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::InProcess> m_app;
    test::PaysimUnderTest m_pay;
    std::unique_ptr<payments::PaymentProvider> m_cash;
    std::unique_ptr<payments::PaymentProvider> m_card;
    std::unique_ptr<services::CheckoutService> m_checkout;
    std::set<QString> m_delivered; // webhook event ids handed over already
    int m_keys = 0;
    static constexpr std::chrono::seconds kTtl = test::InProcess::kHoldTtl;

    std::string key() { return "k" + std::to_string(++m_keys); }

    domain::Booking hold(const services::Caller& who, const domain::EventId& event,
                         const domain::SeatId& seat)
    {
        const auto k = key();
        auto r = m_app->holds().hold(who, k, k, {.event = event, .seats = {seat}});
        if (!std::holds_alternative<domain::Booking>(r))
            qFatal("the hold was refused");
        return std::get<domain::Booking>(r);
    }
    domain::Payment intent(const services::Caller& who, const domain::BookingId& booking)
    {
        const auto k = key();
        auto r = m_checkout->createIntent(who, k, k, {booking, "card"});
        if (!std::holds_alternative<domain::Payment>(r))
            qFatal("the intent was refused");
        return std::get<domain::Payment>(r);
    }
    std::variant<domain::Booking, domain::Problem, services::Replayed>
    confirm(const services::Caller& who, const domain::Payment& p)
    {
        const auto k = key();
        return m_checkout->confirm(who, k, k, {p.booking, p.id});
    }
    // What the buyer's browser does with the client secret.
    int payAtProvider(const domain::Payment& p, const QString& card)
    {
        return m_pay.http
            ->send("POST",
                   QStringLiteral("/v1/payment_intents/%1/confirm")
                       .arg(QString::fromStdString(*p.providerIntentId)),
                   QStringLiteral("client_secret=%1&payment_method=%2")
                       .arg(QString::fromStdString(*p.clientSecret), card)
                       .toUtf8(),
                   {{"Content-Type", "application/x-www-form-urlencoded"}})
            .status;
    }
    // paysim's webhooks not handed over yet, as it wrote them, once `count` new ones exist.
    bool deliverWebhooks(int count)
    {
        QJsonArray fresh;
        const bool arrived = QTest::qWaitFor(
            [&] {
                fresh = {};
                std::set<QString> seen;
                for (const auto& w : m_pay.http->get(QStringLiteral("/_sim/webhooks"))
                                         .json()
                                         .value(QStringLiteral("data"))
                                         .toArray()) {
                    const auto id = w.toObject().value(QStringLiteral("id")).toString();
                    if (!m_delivered.count(id) && seen.insert(id).second)
                        fresh.append(w);
                }
                return fresh.size() >= count;
            },
            10000);
        for (const auto& w : fresh) {
            const auto body = w.toObject().value(QStringLiteral("body")).toString().toStdString();
            const auto at = std::chrono::duration_cast<std::chrono::seconds>(
                                m_app->clock.now().time_since_epoch())
                                .count();
            const auto signature =
                domain::signWebhook(test::PaysimUnderTest::kWebhookSecret, at, body);
            if (!m_checkout->webhook("paysim", signature, body).ok())
                return false;
            m_delivered.insert(w.toObject().value(QStringLiteral("id")).toString());
        }
        return arrived;
    }
    domain::Payment payment(const services::Caller& who, const domain::PaymentId& id)
    {
        return *m_checkout->payment(who, id);
    }
    domain::SeatStatus seatStatus(const domain::EventId& event, const domain::SeatId& seat)
    {
        const auto availability = m_app->holds().availability(event);
        for (const auto& s : availability->seats)
            if (s.seat == seat)
                return s.status;
        return domain::SeatStatus::Blocked;
    }

private Q_SLOTS:
    void init()
    {
        m_app = std::make_unique<test::InProcess>();
        QVERIFY(
            m_pay.start(test::freePort(), {QStringLiteral("--late-ms"), QStringLiteral("300")}));
        m_cash = payments::makeCashProvider();
        m_card = payments::makeCardProvider(std::make_shared<outbound::HttpClient>(), "paysim",
                                            m_pay.process->baseUrl().toStdString(),
                                            test::PaysimUnderTest::kSecretKey, 5s);
        m_checkout = std::make_unique<services::CheckoutService>(
            m_app->holds(), m_app->events(), *m_cash, m_card.get(),
            test::PaysimUnderTest::kWebhookSecret, m_app->clock);
        m_delivered.clear();
    }
    void cleanup()
    {
        m_checkout.reset();
        m_card.reset();
        m_cash.reset();
        m_pay.http.reset();
        m_pay.process.reset();
        m_app.reset();
    }

    // A declined card leaves the hold to run out; another card on the same intent, paid after
    // the hold ended while its seat is still free, confirms the booking after all.
    void aDeclinedCardLeavesTheHoldToRunOut()
    {
        const auto org = m_app->addUser("org@example.com", domain::Role::Organizer);
        const auto ann = m_app->addUser("ann@example.com", domain::Role::Attendee);
        const auto sale = m_app->openSale(org, 5, 20, 12);
        const auto booking = hold(ann, sale.event.id, sale.seats[0]);
        const auto p = intent(ann, booking.id);
        QCOMPARE(payAtProvider(p, QStringLiteral("4000000000000002")), 200);
        QVERIFY(deliverWebhooks(1));
        const auto declined = payment(ann, p.id);
        QVERIFY(declined.status == domain::PaymentStatus::Failed);
        QCOMPARE(declined.failureCode.value_or(""), std::string("card_declined"));
        const auto refused = confirm(ann, p);
        QCOMPARE(std::get<domain::Problem>(refused).code(), std::string("payment_not_completed"));

        m_app->clock.advance(kTtl); // the hold's time is up
        QVERIFY(m_app->holds().get(ann, booking.id)->statusAt(m_app->clock.now()) ==
                domain::BookingStatus::Expired);
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), m_app->clock.now()), 1);
        QVERIFY(seatStatus(sale.event.id, sale.seats[0]) == domain::SeatStatus::Available);

        QCOMPARE(payAtProvider(p, QStringLiteral("4242424242424242")), 200);
        QVERIFY(deliverWebhooks(1));
        const auto b = *m_app->holds().get(ann, booking.id);
        QVERIFY(b.status == domain::BookingStatus::Confirmed);
        QCOMPARE(b.tickets.size(), std::size_t(1));
        QVERIFY(seatStatus(sale.event.id, sale.seats[0]) == domain::SeatStatus::Sold);
    }

    // A payment that arrives after its hold ended: (a) the seat is still free and is taken
    // again; (b) someone else took it meanwhile, so the money goes back and the booking says why.
    void aPaymentAfterTheHoldTakesTheSeatAgainOrIsRefunded()
    {
        const auto org = m_app->addUser("org@example.com", domain::Role::Organizer);
        const auto ann = m_app->addUser("ann@example.com", domain::Role::Attendee);
        const auto bob = m_app->addUser("bob@example.com", domain::Role::Attendee);
        const auto sale = m_app->openSale(org, 5, 20, 12);

        const auto first = hold(ann, sale.event.id, sale.seats[0]);
        const auto firstPayment = intent(ann, first.id);
        m_app->clock.advance(kTtl);
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), m_app->clock.now()), 1);
        QCOMPARE(payAtProvider(firstPayment, QStringLiteral("4242424242424242")), 200);
        QVERIFY(deliverWebhooks(1));
        QVERIFY(m_app->holds().get(ann, first.id)->status == domain::BookingStatus::Confirmed);
        QVERIFY(seatStatus(sale.event.id, sale.seats[0]) == domain::SeatStatus::Sold);

        const auto second = hold(ann, sale.event.id, sale.seats[1]);
        const auto secondPayment = intent(ann, second.id);
        m_app->clock.advance(kTtl);
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), m_app->clock.now()), 1);
        hold(bob, sale.event.id, sale.seats[1]); // Bob takes the seat meanwhile
        QCOMPARE(payAtProvider(secondPayment, QStringLiteral("4000000000000077")),
                 200); // succeeds late
        QVERIFY(deliverWebhooks(1));
        const auto refunded = payment(ann, secondPayment.id);
        QVERIFY(refunded.status == domain::PaymentStatus::Refunded);
        QCOMPARE(refunded.refundedMinor, refunded.amountMinor);
        const auto b = *m_app->holds().get(ann, second.id);
        QVERIFY(b.status == domain::BookingStatus::Expired);
        QVERIFY(b.statusReason.value_or("").find("refunded") != std::string::npos);
        QVERIFY(b.tickets.empty());
        const auto refused = confirm(ann, secondPayment);
        QCOMPARE(std::get<domain::Problem>(refused).code(), std::string("payment_not_completed"));
        QVERIFY(seatStatus(sale.event.id, sale.seats[1]) == domain::SeatStatus::Held); // Bob's
        // The refund reached the provider (made right after the webhook's transaction).
        pqxx::connection c(m_app->database().url());
        pqxx::read_transaction tx(c);
        QCOMPARE(tx.exec_params1("SELECT count(*) FROM payment_refunds WHERE payment_id = "
                                 "$1::uuid AND NOT owed AND provider_ref LIKE 're_%'",
                                 secondPayment.id.toString())[0]
                     .as<int>(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPaymentSaga)
#include "TestPaymentSaga.moc"
