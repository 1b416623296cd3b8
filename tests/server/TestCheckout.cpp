#include "domain/Credential.h"
#include "domain/WebhookSignature.h"
#include "support/Accounts.h"
#include "support/AtOnce.h"
#include "support/HttpClient.h"
#include "support/Nginx.h"
#include "support/Sales.h"
#include "support/TestCa.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QtTest>
#include <algorithm>
#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <thread>
#include <tuple>

using namespace ticketing::test;
namespace domain = ticketing::domain;

namespace {
const QString kSecretKey = QString::fromLatin1(PaysimUnderTest::kSecretKey);
const QString kWebhookSecret = QString::fromLatin1(PaysimUnderTest::kWebhookSecret);

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

// API.md "Bookings" (confirm, cancel) and "Payments", the whole path over HTTP: ticketd, the
// payment simulator (server/paysim), PostgreSQL and Redis, all real.
class TestCheckout : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    PaysimUnderTest m_pay;
    std::unique_ptr<TicketdProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QStringList m_env;
    QString m_org;
    QString m_ann;
    QString m_bob;
    QString m_box;
    int m_keys = 0;

    // `webhooksArrive` false: the simulator sends its webhooks to a port nobody listens on.
    void startAll(const QStringList& extraEnv = {}, bool webhooksArrive = true)
    {
        const auto port = freePort();
        const auto webhookPort = webhooksArrive ? port : freePort();
        QVERIFY(m_pay.start(webhookPort, {QStringLiteral("--late-ms"), QStringLiteral("500")}));
        m_env = {QStringLiteral("TICKETING_DATABASE_URL=") + QString::fromStdString(m_db->url()),
                 QStringLiteral("TICKETING_REDIS_URL=") + QString::fromStdString(sharedRedisUrl()),
                 QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")};
        m_env += m_pay.ticketdEnv() + extraEnv;
        m_server = std::make_unique<TicketdProcess>();
        QVERIFY(m_server->start(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}, m_env));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        if (m_org.isEmpty()) {
            m_org = signUpAs(*m_http, m_env, QStringLiteral("organizer"),
                             QStringLiteral("org@example.com"));
            m_ann = signUpAs(*m_http, m_env, QStringLiteral("attendee"),
                             QStringLiteral("ann@example.com"));
            m_bob = signUpAs(*m_http, m_env, QStringLiteral("attendee"),
                             QStringLiteral("bob@example.com"));
            m_box = signUpAs(*m_http, m_env, QStringLiteral("box_office"),
                             QStringLiteral("box@example.com"));
            QVERIFY(!openShift(*m_http, m_box).isEmpty()); // the counter's drawer
        }
    }

    // Everything again, on a fresh database, with more settings for ticketd.
    bool restartWith(const QStringList& extraEnv, bool webhooksArrive = true)
    {
        cleanup();
        m_db = std::make_unique<TestDatabase>();
        m_org.clear();
        startAll(extraEnv, webhooksArrive);
        return m_http != nullptr;
    }

    QList<QPair<QByteArray, QByteArray>> keyed(const QString& token)
    {
        auto h = bearer(token);
        h.append({"Idempotency-Key", QByteArray("checkout-") + QByteArray::number(++m_keys)});
        return h;
    }

    QJsonObject hold(const QString& token, const Sale& sale, const QStringList& labels)
    {
        QJsonArray ids;
        for (const auto& l : labels)
            ids.append(sale.seatByLabel.value(l));
        auto r = m_http->send(
            "POST", QStringLiteral("/api/v1/bookings/hold"),
            json({{QStringLiteral("event_id"), sale.event}, {QStringLiteral("seat_ids"), ids}}),
            keyed(token));
        if (r.status != 201)
            qWarning() << r.body;
        return r.json();
    }

    HttpResult intent(const QString& token, const QString& booking, const QString& method)
    {
        return m_http->send(
            "POST", QStringLiteral("/api/v1/payments/intent"),
            json({{QStringLiteral("booking_id"), booking}, {QStringLiteral("method"), method}}),
            keyed(token));
    }

    // What the buyer's browser does with the client secret.
    HttpResult payAtProvider(const QJsonObject& payment, const QString& card)
    {
        const auto secret = payment.value(QStringLiteral("client_secret")).toString();
        const auto ref = secret.left(secret.indexOf(QStringLiteral("_secret_")));
        return m_pay.http->send(
            "POST", QStringLiteral("/v1/payment_intents/%1/confirm").arg(ref),
            QStringLiteral("client_secret=%1&payment_method=%2").arg(secret, card).toUtf8(),
            {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

    QJsonObject booking(const QString& token, const QString& id)
    {
        return m_http->send("GET", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(token))
            .json();
    }

    bool waitForStatus(const QString& token, const QString& id, const QString& status,
                       int timeoutMs = 10000)
    {
        return QTest::qWaitFor(
            [&] { return booking(token, id).value(QStringLiteral("status")).toString() == status; },
            timeoutMs);
    }

    QString seatStatus(const Sale& sale, const QString& label)
    {
        for (const auto& s : m_http
                                 ->get(QStringLiteral("/api/v1/events/") + sale.event +
                                       QStringLiteral("/availability"))
                                 .json()
                                 .value(QStringLiteral("seats"))
                                 .toArray())
            if (s.toObject().value(QStringLiteral("label")).toString() == label)
                return s.toObject().value(QStringLiteral("status")).toString();
        return {};
    }

    QJsonArray webhooksSent()
    {
        return m_pay.http->get(QStringLiteral("/_sim/webhooks"))
            .json()
            .value(QStringLiteral("data"))
            .toArray();
    }

    long long scalar(const std::string& sql, const std::string& param)
    {
        pqxx::connection c(m_db->url());
        pqxx::read_transaction tx(c);
        return tx.exec_params1(sql, param)[0].as<long long>();
    }

    // The event's public keys, as a scanner would have them.
    std::vector<domain::TrustedKey> keysOf(const QString& event)
    {
        pqxx::connection c(m_db->url());
        pqxx::read_transaction tx(c);
        std::vector<domain::TrustedKey> out;
        for (const auto& r : tx.exec_params(
                 "SELECT encode(public_key, 'hex') FROM event_keys WHERE event_id = $1::uuid",
                 event.toStdString())) {
            const auto hex = r[0].as<std::string>();
            std::array<std::uint8_t, 32> pk{};
            for (std::size_t i = 0; i < 32; ++i)
                pk[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(i * 2, 2), nullptr, 16));
            out.push_back(domain::TrustedKey::of(*domain::EventId::parse(event.toStdString()), pk));
        }
        return out;
    }

    // Money in minus money out, from the booking's audit trail, equals what the payments keep.
    void expectMoneyAddsUp(const QString& bookingId)
    {
        const auto id = bookingId.toStdString();
        const auto in =
            scalar("SELECT coalesce(sum((detail->>'amount_minor')::bigint), 0) FROM booking_events "
                   "WHERE booking_id = $1::uuid AND kind = 'payment_succeeded'",
                   id);
        const auto out =
            scalar("SELECT coalesce(sum((detail->>'amount_minor')::bigint), 0) FROM booking_events "
                   "WHERE booking_id = $1::uuid AND kind = 'refunded'",
                   id);
        const auto kept =
            scalar("SELECT coalesce(sum(amount_minor - refunded_minor), 0) FROM payments "
                   "WHERE booking_id = $1::uuid AND status IN ('succeeded', 'refunded')",
                   id);
        const auto refundRows =
            scalar("SELECT coalesce(sum(r.amount_minor), 0) FROM payment_refunds r JOIN payments p "
                   "ON p.id = r.payment_id WHERE p.booking_id = $1::uuid",
                   id);
        QCOMPARE(in - out, kept);
        QCOMPARE(out, refundRows);
    }

    // Money the booking's payments keep (taken minus refunded), and its total.
    long long keptBy(const QString& bookingId)
    {
        return scalar("SELECT coalesce(sum(amount_minor - refunded_minor), 0) FROM payments "
                      "WHERE booking_id = $1::uuid AND status IN ('succeeded', 'refunded')",
                      bookingId.toStdString());
    }
    long long totalOf(const QString& bookingId)
    {
        return scalar("SELECT total_minor FROM bookings WHERE id = $1::uuid",
                      bookingId.toStdString());
    }
    QJsonObject payment(const QString& token, const QString& id)
    {
        return m_http->send("GET", QStringLiteral("/api/v1/payments/") + id, {}, bearer(token))
            .json();
    }
    bool waitForPaymentStatus(const QString& token, const QString& id, const QString& status)
    {
        return QTest::qWaitFor(
            [&] { return payment(token, id).value(QStringLiteral("status")).toString() == status; },
            15000);
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<TestDatabase>();
        m_org.clear();
        startAll();
    }
    void cleanup()
    {
        if (QTest::currentTestFailed() && m_server)
            qWarning().noquote() << "ticketd said:\n" << m_server->problems();
        if (QTest::currentTestFailed() && qEnvironmentVariableIsSet("TICKETING_TEST_LOG_TAIL"))
            qWarning().noquote() << "ticketd's log:\n"
                                 << m_server->log().right(6000) << "\npaysim's log:\n"
                                 << m_pay.process->log().right(3000);
        m_http.reset();
        m_server.reset();
        m_pay.http.reset();
        m_pay.process.reset();
        m_db.reset();
    }

    // Issue 17: a real provider is at an https:// URL. Here nginx terminates TLS in front of
    // paysim with a certificate of the test's own CA; ticketd trusts that CA by configuration
    // (TICKETING_OUTBOUND_CA_FILE) and refuses the provider when it trusts another one.
    void aCardProviderAtAnHttpsUrlIsCheckedByItsCertificate()
    {
        TempDir dir;
        TestCa ours;
        TestCa stranger;
        QVERIFY2(ours.make(dir.path(), QStringLiteral("provider")), qPrintable(ours.error()));
        QVERIFY2(ours.issue(QStringLiteral("pay"),
                            {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}),
                 qPrintable(ours.error()));
        QVERIFY2(stranger.make(dir.path(), QStringLiteral("stranger")),
                 qPrintable(stranger.error()));
        const auto tls = freePort();
        const auto providerUrl = QStringLiteral("https://localhost:%1").arg(tls);
        // The provider's TLS front, in front of whichever paysim runs now.
        const auto front = [&](NginxUnderTest& nginx) {
            const auto plain = freePort();
            const auto upstream = m_pay.process->baseUrl();
            return nginx.start(
                QStringLiteral("server {\n listen 127.0.0.1:%1 ssl;\n listen 127.0.0.1:%2;\n"
                               " ssl_certificate %3;\n ssl_certificate_key %4;\n"
                               " location / { proxy_pass %5; proxy_http_version 1.1;"
                               " proxy_set_header Connection \"\"; }\n}\n")
                    .arg(tls)
                    .arg(plain)
                    .arg(ours.certFile(QStringLiteral("pay")), ours.keyFile(QStringLiteral("pay")),
                         upstream),
                QStringLiteral("http://127.0.0.1:%1/v1/payment_intents/none").arg(plain));
        };

        // ticketd trusting `ca`, the provider's front up, a sale open, one seat held: its booking.
        const auto heldTrusting = [&](const QString& ca, NginxUnderTest& nginx) -> QString {
            if (!restartWith({QStringLiteral("TICKETING_PAYMENTS_URL=") + providerUrl,
                              QStringLiteral("TICKETING_OUTBOUND_CA_FILE=") + ca}) ||
                !front(nginx)) {
                qWarning().noquote() << nginx.log();
                return {};
            }
            const auto sale = openSale(*m_http, m_org);
            return hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                .value(QStringLiteral("booking_id"))
                .toString();
        };
        {
            NginxUnderTest nginx;
            const auto id = heldTrusting(ours.caFile(), nginx);
            QVERIFY(!id.isEmpty());
            const auto paid = intent(m_ann, id, QStringLiteral("card"));
            QCOMPARE(paid.status, 201);
            const auto payment = paid.json();
            QVERIFY(payment.value(QStringLiteral("provider_intent_id"))
                        .toString()
                        .startsWith(QStringLiteral("pi_")));
            // The browser confirms where checkout says, at the provider's https:// URL.
            QVERIFY(payment.value(QStringLiteral("checkout"))
                        .toObject()
                        .value(QStringLiteral("confirm_url"))
                        .toString()
                        .startsWith(providerUrl + QStringLiteral("/v1/payment_intents/pi_")));
            QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
            QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
            // A refund goes the same way.
            const auto refund =
                m_http->send("POST",
                             QStringLiteral("/api/v1/payments/%1/refund")
                                 .arg(payment.value(QStringLiteral("payment_id")).toString()),
                             "{}", bearer(m_org));
            QCOMPARE(refund.status, 200);
            QCOMPARE(refund.json().value(QStringLiteral("status")).toString(),
                     QStringLiteral("refunded"));
        }

        // The same provider, but ticketd trusts another CA: no money moves, and the buyer is
        // told the provider is unavailable (the certificate's story stays in the log).
        NginxUnderTest nginx;
        const auto id = heldTrusting(stranger.caFile(), nginx);
        QVERIFY(!id.isEmpty());
        const auto refused = intent(m_ann, id, QStringLiteral("card"));
        QCOMPARE(refused.status, 502);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("payment_provider_unavailable"));
        QVERIFY(QTest::qWaitFor([&] { return m_server->log().contains("SSL certificate problem"); },
                                5000));
        QCOMPARE(scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid AND status = "
                        "'failed' AND failure_code = 'provider_unavailable'",
                        id.toStdString()),
                 1);
    }

    void aCardPaymentConfirmsAndIssuesSignedTickets()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto held =
            hold(m_ann, sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")});
        const auto id = held.value(QStringLiteral("booking_id")).toString();
        QVERIFY(intent(m_ann, id, QStringLiteral("cash")).status ==
                403); // cash is the box office's
        auto created = intent(m_ann, id, QStringLiteral("card"));
        QCOMPARE(created.status, 201);
        const auto payment = created.json();
        QCOMPARE(payment.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(payment.value(QStringLiteral("amount")).toString(), QStringLiteral("80.00"));
        QVERIFY(!payment.value(QStringLiteral("client_secret")).toString().isEmpty());
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);

        // The provider's webhook confirms the booking by itself.
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        const auto confirmed = booking(m_ann, id);
        const auto tickets = confirmed.value(QStringLiteral("tickets")).toArray();
        QCOMPARE(tickets.size(), 2);
        QCOMPARE(seatStatus(sale, QStringLiteral("MAIN-A-1")), QStringLiteral("sold"));
        const auto paymentId = payment.value(QStringLiteral("payment_id")).toString();
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/payments/") + paymentId, {}, bearer(m_ann))
                .json()
                .value(QStringLiteral("status"))
                .toString(),
            QStringLiteral("succeeded"));
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/payments/") + paymentId, {}, bearer(m_bob))
                .status,
            404);

        // Each ticket's code is a credential signed with the event's key.
        const auto keys = keysOf(sale.event);
        QCOMPARE(keys.size(), std::size_t(1));
        for (const auto& t : tickets) {
            const auto code =
                t.toObject().value(QStringLiteral("qr_code")).toString().toStdString();
            const auto claims = domain::verifyCredential(code, keys);
            QVERIFY(claims.ok());
            QCOMPARE(QString::fromStdString(claims.value().ticket.toString()),
                     t.toObject().value(QStringLiteral("ticket_id")).toString());
            QCOMPARE(QString::fromStdString(claims.value().seat->toString()),
                     t.toObject().value(QStringLiteral("seat_id")).toString());
        }
        const auto ticketId = tickets[0].toObject().value(QStringLiteral("ticket_id")).toString();
        auto ticket =
            m_http->send("GET", QStringLiteral("/api/v1/tickets/") + ticketId, {}, bearer(m_ann));
        QCOMPARE(ticket.status, 200);
        QCOMPARE(ticket.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("active"));
        QCOMPARE(
            m_http->send("GET", QStringLiteral("/api/v1/tickets/") + ticketId, {}, bearer(m_bob))
                .status,
            404);
        auto png = m_http->send(
            "GET", QStringLiteral("/api/v1/tickets/") + ticketId + QStringLiteral("/qr.png"), {},
            bearer(m_ann));
        QCOMPARE(png.status, 200);
        QCOMPARE(png.header("content-type"), QByteArray("image/png"));
        QVERIFY(png.body.startsWith("\x89PNG\r\n\x1a\n"));

        // Confirming again is an idempotent no-op.
        auto again = m_http->send(
            "POST", QStringLiteral("/api/v1/bookings/confirm"),
            json({{QStringLiteral("booking_id"), id}, {QStringLiteral("payment_id"), paymentId}}),
            keyed(m_ann));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("tickets")).toArray().size(), 2);
        expectMoneyAddsUp(id);
    }

    void forgedAlteredStaleAndReplayedWebhooksChangeNothing()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-A-3")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto payment = intent(m_ann, id, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        // paysim lists a webhook once its delivery has been answered.
        QVERIFY(QTest::qWaitFor([&] { return webhooksSent().size() == 1; }, 5000));
        const auto sent = webhooksSent();
        const auto body = sent[0].toObject().value(QStringLiteral("body")).toString().toUtf8();
        const auto signature =
            sent[0].toObject().value(QStringLiteral("signature")).toString().toUtf8();
        const auto trail = scalar("SELECT count(*) FROM booking_events WHERE booking_id = $1::uuid",
                                  id.toStdString());
        const auto path = QStringLiteral("/api/v1/webhooks/paysim");
        auto post = [&](const QByteArray& b, const QByteArray& sig) {
            QList<QPair<QByteArray, QByteArray>> h{{"Content-Type", "application/json"}};
            if (!sig.isEmpty())
                h.append({"Ticketing-Signature", sig});
            return m_http->send("POST", path, b, h);
        };

        // A replay of the real one: 200, nothing happens.
        auto replay = post(body, signature);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.json().value(QStringLiteral("duplicate")).toBool(), true);
        // Altered body, same signature.
        auto altered = body;
        altered.replace("evt_", "evt_X");
        QCOMPARE(post(altered, signature).status, 400);
        QCOMPARE(post(altered, signature).json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_signature"));
        // Forged: signed with another secret; and no signature at all.
        const auto now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(post(altered, QByteArray::fromStdString(domain::signWebhook(
                                   "not the secret", now, altered.toStdString())))
                     .status,
                 400);
        QCOMPARE(post(altered, {}).status, 400);
        // Stale: the right secret, 301 s old.
        QCOMPARE(post(altered, QByteArray::fromStdString(domain::signWebhook(
                                   kWebhookSecret.toStdString(), now - 301, altered.toStdString())))
                     .status,
                 400);
        // The right secret and a fresh time on a new event id is accepted (and ignored: the payment
        // is settled).
        QCOMPARE(post(altered, QByteArray::fromStdString(domain::signWebhook(
                                   kWebhookSecret.toStdString(), now, altered.toStdString())))
                     .status,
                 200);
        QCOMPARE(scalar("SELECT count(*) FROM booking_events WHERE booking_id = $1::uuid",
                        id.toStdString()),
                 trail);
        QCOMPARE(booking(m_ann, id).value(QStringLiteral("tickets")).toArray().size(), 1);
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/webhooks/stripe"), body,
                            {{"Ticketing-Signature", signature}})
                     .status,
                 404);
    }

    void cashAtTheBoxOffice()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_box, sale, {QStringLiteral("MAIN-A-4"), QStringLiteral("MAIN-A-5")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        auto cash = intent(m_box, id, QStringLiteral("cash"));
        QCOMPARE(cash.status, 201);
        QCOMPARE(cash.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(cash.json().value(QStringLiteral("provider")).toString(), QStringLiteral("cash"));
        auto headers = keyed(m_box);
        const auto body =
            json({{QStringLiteral("booking_id"), id},
                  {QStringLiteral("payment_id"), cash.json().value(QStringLiteral("payment_id"))}});
        auto confirmed =
            m_http->send("POST", QStringLiteral("/api/v1/bookings/confirm"), body, headers);
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(confirmed.json().value(QStringLiteral("tickets")).toArray().size(), 2);
        // The same key again: the first answer, replayed.
        auto replayed =
            m_http->send("POST", QStringLiteral("/api/v1/bookings/confirm"), body, headers);
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(replayed.body, confirmed.body);
        auto noKey = m_http->send("POST", QStringLiteral("/api/v1/payments/intent"),
                                  json({{QStringLiteral("booking_id"), id},
                                        {QStringLiteral("method"), QStringLiteral("cash")}}),
                                  bearer(m_box));
        QCOMPARE(noKey.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("idempotency_key_required"));
        expectMoneyAddsUp(id);
    }

    // API.md "Box office": an agent takes cash only in its open shift, in the shift's currency;
    // the shift's totals add up to the cent with its payments and refunds, by method; closing
    // it with the cash counted gives the difference, once.
    void shiftsCountTheDrawer()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto agent = signUpAs(*m_http, m_env, QStringLiteral("box_office"),
                                    QStringLiteral("agent@example.com"));
        const auto elsewhere = signUpAs(*m_http, m_env, QStringLiteral("box_office"),
                                        QStringLiteral("euros@example.com"));
        auto send = [&](const QString& token, const QByteArray& method, const QString& path,
                        const QJsonObject& body = {}) {
            return m_http->send(method, path, body.isEmpty() ? QByteArray() : json(body),
                                bearer(token));
        };
        auto money = [](const QJsonObject& o, const QString& key) {
            return o.value(key).toString();
        };
        const auto first =
            hold(agent, sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")})
                .value(QStringLiteral("booking_id"))
                .toString();
        // No shift: no cash.
        auto refused = intent(agent, first, QStringLiteral("cash"));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("no_open_shift"));
        QCOMPARE(send(agent, "GET", QStringLiteral("/api/v1/boxoffice/shifts/current")).status,
                 404);
        // Open in GBP with 150.00 in the drawer; a second opening is refused.
        const auto shiftId =
            openShift(*m_http, agent, QStringLiteral("GBP"), QStringLiteral("150.00"));
        QVERIFY(!shiftId.isEmpty());
        const auto again = send(agent, "POST", QStringLiteral("/api/v1/boxoffice/shifts"),
                                {{QStringLiteral("currency"), QStringLiteral("GBP")},
                                 {QStringLiteral("opening_float"), QStringLiteral("0")}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("shift_already_open"));
        QCOMPARE(again.json().value(QStringLiteral("shift_id")).toString(), shiftId);
        // A shift in euros takes no pounds.
        QVERIFY(!openShift(*m_http, elsewhere, QStringLiteral("EUR")).isEmpty());
        const auto pounds = hold(elsewhere, sale, {QStringLiteral("MAIN-B-1")})
                                .value(QStringLiteral("booking_id"))
                                .toString();
        const auto mismatch = intent(elsewhere, pounds, QStringLiteral("cash"));
        QCOMPARE(mismatch.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("currency_mismatch"));

        // Two cash sales: 80.00 (two seats) and 40.00 (one), and a refund of 12.34 of the first.
        auto sell = [&](const QString& booking) {
            const auto cash = intent(agent, booking, QStringLiteral("cash"));
            if (cash.status != 201)
                qWarning() << cash.body;
            const auto confirmed =
                m_http->send("POST", QStringLiteral("/api/v1/bookings/confirm"),
                             json({{QStringLiteral("booking_id"), booking},
                                   {QStringLiteral("payment_id"),
                                    cash.json().value(QStringLiteral("payment_id"))}}),
                             keyed(agent));
            return confirmed.status == 200
                       ? cash.json().value(QStringLiteral("payment_id")).toString()
                       : QString();
        };
        const auto firstPayment = sell(first);
        QVERIFY(!firstPayment.isEmpty());
        const auto second = hold(agent, sale, {QStringLiteral("MAIN-A-3")})
                                .value(QStringLiteral("booking_id"))
                                .toString();
        QVERIFY(!sell(second).isEmpty());
        const auto refund =
            send(agent, "POST",
                 QStringLiteral("/api/v1/payments/") + firstPayment + QStringLiteral("/refund"),
                 {{QStringLiteral("amount"), QStringLiteral("12.34")}});
        QCOMPARE(refund.status, 200);

        const auto current =
            send(agent, "GET", QStringLiteral("/api/v1/boxoffice/shifts/current")).json();
        QCOMPARE(current.value(QStringLiteral("shift_id")).toString(), shiftId);
        const auto sales = current.value(QStringLiteral("sales")).toObject();
        const auto refunds = current.value(QStringLiteral("refunds")).toObject();
        QCOMPARE(sales.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(money(sales, QStringLiteral("cash")), QStringLiteral("120.00"));
        QCOMPARE(money(sales, QStringLiteral("card")), QStringLiteral("0.00"));
        QCOMPARE(refunds.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(money(refunds, QStringLiteral("cash")), QStringLiteral("12.34"));
        // 150.00 + 120.00 - 12.34
        QCOMPARE(money(current, QStringLiteral("expected_cash")), QStringLiteral("257.66"));
        QVERIFY(current.value(QStringLiteral("counted_cash")).isNull());
        // What the database recorded of those payments and refunds, to the cent.
        QCOMPARE(scalar("SELECT sum(amount_minor) FROM payments WHERE shift_id = $1::uuid AND "
                        "status IN ('succeeded', 'refunded')",
                        shiftId.toStdString()),
                 12000);
        QCOMPARE(scalar("SELECT sum(amount_minor) FROM payment_refunds WHERE shift_id = $1::uuid",
                        shiftId.toStdString()),
                 1234);

        // Closed with 257.16 counted: 0.50 short. Once.
        const auto closePath =
            QStringLiteral("/api/v1/boxoffice/shifts/") + shiftId + QStringLiteral("/close");
        const auto closed = send(agent, "POST", closePath,
                                 {{QStringLiteral("counted_cash"), QStringLiteral("257.16")}});
        QCOMPARE(closed.status, 200);
        QCOMPARE(money(closed.json(), QStringLiteral("counted_cash")), QStringLiteral("257.16"));
        QCOMPARE(money(closed.json(), QStringLiteral("difference")), QStringLiteral("-0.50"));
        QVERIFY(!closed.json().value(QStringLiteral("closed_at")).isNull());
        const auto twice =
            send(agent, "POST", closePath, {{QStringLiteral("counted_cash"), QStringLiteral("1")}});
        QCOMPARE(twice.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("shift_closed"));
        QCOMPARE(
            send(agent, "POST", closePath, {{QStringLiteral("counted_cash"), QStringLiteral("-1")}})
                .status,
            409); // closed is closed, whatever the body
        // Read back by the agent, listed; another agent does not see it.
        const auto read =
            send(agent, "GET", QStringLiteral("/api/v1/boxoffice/shifts/") + shiftId).json();
        QCOMPARE(read, closed.json());
        const auto list = send(agent, "GET", QStringLiteral("/api/v1/boxoffice/shifts")).json();
        QCOMPARE(list.value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(
            send(elsewhere, "GET", QStringLiteral("/api/v1/boxoffice/shifts/") + shiftId).status,
            404);
        // After the close, no cash until a new shift opens.
        const auto third = hold(agent, sale, {QStringLiteral("MAIN-A-4")})
                               .value(QStringLiteral("booking_id"))
                               .toString();
        QCOMPARE(intent(agent, third, QStringLiteral("cash"))
                     .json()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("no_open_shift"));
        expectMoneyAddsUp(first);
    }

    // API.md "Box office": card_present is a card read by the counter's terminal through the
    // card provider (paysim's terminal approves after about a second, and declines amounts
    // ending in 01); the outcome arrives by webhook and confirms the booking by itself. It
    // belongs to the agent's shift like cash.
    void cardPresentAtTheCounter()
    {
        const auto sale = openSale(*m_http, m_org, 2, 5, 20, 20, {}, QStringLiteral("40.01"));
        const auto agent = signUpAs(*m_http, m_env, QStringLiteral("box_office"),
                                    QStringLiteral("terminal@example.com"));
        const auto one = hold(agent, sale, {QStringLiteral("MAIN-A-1")})
                             .value(QStringLiteral("booking_id"))
                             .toString();
        QCOMPARE(intent(agent, one, QStringLiteral("card_present"))
                     .json()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("no_open_shift"));
        const auto shiftId = openShift(*m_http, agent, QStringLiteral("GBP"), QStringLiteral("0"));
        QVERIFY(!shiftId.isEmpty());
        // 40.01: the terminal declines it.
        const auto declined = intent(agent, one, QStringLiteral("card_present"));
        QCOMPARE(declined.status, 201);
        QCOMPARE(declined.json().value(QStringLiteral("method")).toString(),
                 QStringLiteral("card_present"));
        QCOMPARE(declined.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));
        const auto declinedId = declined.json().value(QStringLiteral("payment_id")).toString();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_http
                           ->send("GET", QStringLiteral("/api/v1/payments/") + declinedId, {},
                                  bearer(agent))
                           .json()
                           .value(QStringLiteral("status"))
                           .toString() == QStringLiteral("failed");
            },
            10000));
        QCOMPARE(booking(agent, one).value(QStringLiteral("status")).toString(),
                 QStringLiteral("held"));
        // Two seats, 80.02: approved about a second later; the webhook confirms the booking.
        const auto two = hold(agent, sale, {QStringLiteral("MAIN-B-1"), QStringLiteral("MAIN-B-2")})
                             .value(QStringLiteral("booking_id"))
                             .toString();
        QElapsedTimer read;
        read.start();
        const auto approved = intent(agent, two, QStringLiteral("card_present"));
        QCOMPARE(approved.status, 201);
        QVERIFY(waitForStatus(agent, two, QStringLiteral("confirmed")));
        qInfo("card_present approved and the booking confirmed %lld ms after the intent",
              static_cast<long long>(read.elapsed()));
        QVERIFY(read.elapsed() >= 900); // the terminal's second
        QCOMPARE(booking(agent, two).value(QStringLiteral("tickets")).toArray().size(), 2);
        // The shift counts it (the declined one is no sale).
        const auto shift =
            m_http
                ->send("GET", QStringLiteral("/api/v1/boxoffice/shifts/current"), {}, bearer(agent))
                .json();
        const auto sales = shift.value(QStringLiteral("sales")).toObject();
        QCOMPARE(sales.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(sales.value(QStringLiteral("card_present")).toString(), QStringLiteral("80.02"));
        QCOMPARE(sales.value(QStringLiteral("cash")).toString(), QStringLiteral("0.00"));
        QCOMPARE(shift.value(QStringLiteral("expected_cash")).toString(), QStringLiteral("0.00"));
        // An attendee has no terminal.
        const auto own = hold(m_ann, sale, {QStringLiteral("MAIN-A-5")})
                             .value(QStringLiteral("booking_id"))
                             .toString();
        QCOMPARE(intent(m_ann, own, QStringLiteral("card_present")).status, 403);
        expectMoneyAddsUp(two);
    }

    void cancellationRefundsWhatThePolicyAllows_data()
    {
        QTest::addColumn<int>("hoursBefore");
        QTest::addColumn<QString>("refund");
        QTest::addColumn<QString>("status");
        QTest::newRow("8 days before: 100 %")
            << 8 * 24 << QStringLiteral("80.00") << QStringLiteral("refunded");
        QTest::newRow("2 days before: 50 %")
            << 2 * 24 << QStringLiteral("40.00") << QStringLiteral("refunded");
        QTest::newRow("12 hours before: nothing")
            << 12 << QStringLiteral("0.00") << QStringLiteral("cancelled");
    }
    void cancellationRefundsWhatThePolicyAllows()
    {
        QFETCH(int, hoursBefore);
        QFETCH(QString, refund);
        QFETCH(QString, status);
        const auto sale =
            openSale(*m_http, m_org, 2, 5, 20, 20,
                     QDateTime::currentDateTimeUtc().addSecs(hoursBefore * 3600 + 600));
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-B-4"), QStringLiteral("MAIN-B-5")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto payment = intent(m_ann, id, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        const auto code = booking(m_ann, id)
                              .value(QStringLiteral("tickets"))
                              .toArray()[0]
                              .toObject()
                              .value(QStringLiteral("qr_code"))
                              .toString();

        auto cancelled =
            m_http->send("DELETE", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(m_ann));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(), status);
        QCOMPARE(cancelled.json()
                     .value(QStringLiteral("refund"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toString(),
                 refund);
        const auto paid = m_http
                              ->send("GET",
                                     QStringLiteral("/api/v1/payments/") +
                                         payment.value(QStringLiteral("payment_id")).toString(),
                                     {}, bearer(m_ann))
                              .json();
        QCOMPARE(paid.value(QStringLiteral("refunded")).toString(), refund);
        QCOMPARE(paid.value(QStringLiteral("status")).toString(),
                 refund == QStringLiteral("80.00") ? QStringLiteral("refunded")
                                                   : QStringLiteral("succeeded"));
        // The seats are on sale again; the tickets are cancelled and their credentials revoked.
        QCOMPARE(seatStatus(sale, QStringLiteral("MAIN-B-4")), QStringLiteral("available"));
        QCOMPARE(hold(m_bob, sale, {QStringLiteral("MAIN-B-4")})
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("held"));
        const auto after = booking(m_ann, id).value(QStringLiteral("tickets")).toArray();
        QCOMPARE(after[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(scalar("SELECT count(*) FROM tickets WHERE booking_id = $1::uuid AND revoked_at "
                        "IS NOT NULL",
                        id.toStdString()),
                 2);
        QVERIFY(domain::verifyCredential(code.toStdString(), keysOf(sale.event))
                    .ok()); // genuine, but revoked:
        std::vector<domain::TicketId> revoked;
        pqxx::connection c(m_db->url());
        pqxx::read_transaction tx(c);
        for (const auto& r : tx.exec_params("SELECT id FROM tickets WHERE event_id = $1::uuid AND "
                                            "revoked_at IS NOT NULL ORDER BY id",
                                            sale.event.toStdString()))
            revoked.push_back(*domain::TicketId::parse(r[0].as<std::string>()));
        std::sort(revoked.begin(), revoked.end());
        QCOMPARE(QString::fromUtf8(domain::toString(domain::checkCredential(
                                                        code.toStdString(), keysOf(sale.event),
                                                        revoked, std::chrono::system_clock::now())
                                                        .error())
                                       .data()),
                 QStringLiteral("revoked"));
        // Cancelling again (a retry) answers the booking as it is and refunds nothing more.
        const auto refundsBefore =
            scalar("SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                   "WHERE p.booking_id = $1::uuid",
                   id.toStdString());
        auto again =
            m_http->send("DELETE", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(m_ann));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("status")).toString(), status);
        QCOMPARE(scalar("SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = "
                        "r.payment_id WHERE p.booking_id = $1::uuid",
                        id.toStdString()),
                 refundsBefore);
        expectMoneyAddsUp(id);
    }

    void signingKeysRotateAndOldTicketsStillVerify()
    {
        const auto sale = openSale(*m_http, m_org);
        auto sellOne = [&](const QString& label) {
            const auto id =
                hold(m_box, sale, {label}).value(QStringLiteral("booking_id")).toString();
            const auto cash = intent(m_box, id, QStringLiteral("cash")).json();
            auto confirmed = m_http->send(
                "POST", QStringLiteral("/api/v1/bookings/confirm"),
                json({{QStringLiteral("booking_id"), id},
                      {QStringLiteral("payment_id"), cash.value(QStringLiteral("payment_id"))}}),
                keyed(m_box));
            return confirmed.json()
                .value(QStringLiteral("tickets"))
                .toArray()[0]
                .toObject()
                .value(QStringLiteral("qr_code"))
                .toString()
                .toStdString();
        };
        // The keys a scanner downloads (public halves only, hex).
        auto published = [&] {
            std::vector<domain::TrustedKey> keys;
            const auto answer = m_http
                                    ->get(QStringLiteral("/api/v1/events/") + sale.event +
                                          QStringLiteral("/signing-keys"))
                                    .json();
            for (const auto& k : answer.value(QStringLiteral("keys")).toArray()) {
                const auto hex =
                    k.toObject().value(QStringLiteral("public_key")).toString().toStdString();
                std::array<std::uint8_t, 32> pk{};
                for (std::size_t i = 0; i < 32; ++i)
                    pk[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(i * 2, 2), nullptr, 16));
                keys.push_back(
                    domain::TrustedKey::of(*domain::EventId::parse(sale.event.toStdString()), pk));
            }
            return keys;
        };
        const auto before = sellOne(QStringLiteral("MAIN-A-1"));
        const auto firstKeys = published();
        QCOMPARE(firstKeys.size(), std::size_t(1));
        QVERIFY(domain::verifyCredential(before, firstKeys).ok());

        const auto path =
            QStringLiteral("/api/v1/events/") + sale.event + QStringLiteral("/signing-keys/rotate");
        QCOMPARE(m_http->send("POST", path, {}, bearer(m_ann)).status, 403);
        auto rotated = m_http->send("POST", path, {}, bearer(m_org));
        QCOMPARE(rotated.status, 200);
        const auto keys = rotated.json().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 2);
        QVERIFY(!keys[0].toObject().value(QStringLiteral("retired_at")).isNull());
        QVERIFY(keys[1].toObject().value(QStringLiteral("retired_at")).isNull());
        QVERIFY(!rotated.body.contains("secret"));

        const auto after = sellOne(QStringLiteral("MAIN-A-2"));
        const auto bothKeys = published();
        QVERIFY(domain::verifyCredential(before, bothKeys).ok()); // old tickets keep working
        QVERIFY(domain::verifyCredential(after, bothKeys).ok());
        QCOMPARE(QString::fromUtf8(
                     domain::toString(domain::verifyCredential(after, firstKeys).error()).data()),
                 QStringLiteral("unknown_key")); // signed by the new key
    }

    void cancellingAnEventRefundsEveryoneInFull()
    {
        // Twelve hours before the start: the policy would refund nothing, but the organizer
        // cancelled.
        const auto sale = openSale(*m_http, m_org, 2, 5, 20, 20,
                                   QDateTime::currentDateTimeUtc().addSecs(12 * 3600));
        const auto byCard =
            hold(m_ann, sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")})
                .value(QStringLiteral("booking_id"))
                .toString();
        const auto card = intent(m_ann, byCard, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(card, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, byCard, QStringLiteral("confirmed")));
        const auto byCash = hold(m_box, sale, {QStringLiteral("MAIN-B-1")})
                                .value(QStringLiteral("booking_id"))
                                .toString();
        const auto cash = intent(m_box, byCash, QStringLiteral("cash")).json();
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/bookings/confirm"),
                            json({{QStringLiteral("booking_id"), byCash},
                                  {QStringLiteral("payment_id"),
                                   cash.value(QStringLiteral("payment_id"))}}),
                            keyed(m_box))
                     .status,
                 200);
        const auto unpaid = hold(m_bob, sale, {QStringLiteral("MAIN-B-2")})
                                .value(QStringLiteral("booking_id"))
                                .toString();

        auto cancelled = m_http->send("DELETE", QStringLiteral("/api/v1/events/") + sale.event, {},
                                      bearer(m_org));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        for (const auto& [token, id, refund] :
             {std::tuple{m_ann, byCard, QStringLiteral("80.00")},
              std::tuple{m_box, byCash, QStringLiteral("40.00")}}) {
            const auto b = booking(token, id);
            QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("refunded"));
            for (const auto& t : b.value(QStringLiteral("tickets")).toArray())
                QCOMPARE(t.toObject().value(QStringLiteral("status")).toString(),
                         QStringLiteral("cancelled"));
            expectMoneyAddsUp(id);
            QCOMPARE(scalar("SELECT sum(refunded_minor) FROM payments WHERE booking_id = $1::uuid",
                            id.toStdString()),
                     static_cast<long long>(refund.toDouble() * 100));
        }
        // A hold of a cancelled event cannot be paid for.
        auto late = intent(m_bob, unpaid, QStringLiteral("card"));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_on_sale"));
        // Cancelling again changes nothing.
        QCOMPARE(
            m_http
                ->send("DELETE", QStringLiteral("/api/v1/events/") + sale.event, {}, bearer(m_org))
                .status,
            200);
        QCOMPARE(scalar("SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = "
                        "r.payment_id JOIN bookings b "
                        "ON b.id = p.booking_id WHERE b.event_id = $1::uuid",
                        sale.event.toStdString()),
                 2);
    }

    void aLostWebhookIsCaughtByAskingTheProvider()
    {
        QVERIFY(restartWith({QStringLiteral("TICKETING_PAYMENT_RECHECK_SECONDS=1")}, false));
        const auto sale = openSale(*m_http, m_org);
        const auto paid = hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                              .value(QStringLiteral("booking_id"))
                              .toString();
        QCOMPARE(payAtProvider(intent(m_ann, paid, QStringLiteral("card")).json(),
                               QStringLiteral("4242424242424242"))
                     .status,
                 200);
        const auto declined = hold(m_bob, sale, {QStringLiteral("MAIN-A-2")})
                                  .value(QStringLiteral("booking_id"))
                                  .toString();
        const auto declinedPayment = intent(m_bob, declined, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(declinedPayment, QStringLiteral("4000000000000002")).status, 200);
        // And a card at the counter's terminal (issue 14: the reconciler once looked at online
        // cards only, so a terminal payment whose webhook was lost stayed pending for ever).
        const auto counter = hold(m_box, sale, {QStringLiteral("MAIN-A-3")})
                                 .value(QStringLiteral("booking_id"))
                                 .toString();
        QCOMPARE(intent(m_box, counter, QStringLiteral("card_present")).status, 201);
        // No webhook reaches ticketd; the reconciler asks the provider and settles all three.
        QVERIFY(waitForStatus(m_ann, paid, QStringLiteral("confirmed")));
        QVERIFY(waitForStatus(m_box, counter, QStringLiteral("confirmed")));
        QCOMPARE(booking(m_ann, paid).value(QStringLiteral("tickets")).toArray().size(), 1);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return m_http
                           ->send(
                               "GET",
                               QStringLiteral("/api/v1/payments/") +
                                   declinedPayment.value(QStringLiteral("payment_id")).toString(),
                               {}, bearer(m_bob))
                           .json()
                           .value(QStringLiteral("failure_code"))
                           .toString() == QStringLiteral("card_declined");
            },
            10000));
        QCOMPARE(booking(m_bob, declined).value(QStringLiteral("status")).toString(),
                 QStringLiteral("held"));
        QVERIFY(m_server->problems().contains("never came"));
        expectMoneyAddsUp(paid);
    }

    // Issue 12 item 5: while the provider is away, what ticketd owes it is recorded and made
    // when it is back; an intent it could not make is a failed payment, not a live one.
    void aProviderOutageLosesNothing()
    {
        QVERIFY(restartWith({QStringLiteral("TICKETING_PAYMENTS_TIMEOUT_SECONDS=1"),
                             QStringLiteral("TICKETING_PAYMENT_RECHECK_SECONDS=1")}));
        const auto sale =
            openSale(*m_http, m_org, 2, 5, 20, 20, QDateTime::currentDateTimeUtc().addDays(30));
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto payment = intent(m_ann, id, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        const auto paymentId = payment.value(QStringLiteral("payment_id")).toString();

        m_pay.process->pause(); // it accepts connections and answers nothing
        // The cancellation is made: the seat is back on sale at once, the refund is owed.
        auto cancel =
            m_http->send("DELETE", QStringLiteral("/api/v1/bookings/") + id, {}, bearer(m_ann));
        QCOMPARE(cancel.status, 200);
        QCOMPARE(cancel.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(seatStatus(sale, QStringLiteral("MAIN-A-1")), QStringLiteral("available"));
        const auto owed =
            "SELECT count(*) FROM payment_refunds WHERE payment_id = $1::uuid AND owed";
        QCOMPARE(scalar(owed, paymentId.toStdString()), 1);
        // An intent that the provider does not answer is failed; it is not a live payment.
        const auto other = hold(m_bob, sale, {QStringLiteral("MAIN-A-2")})
                               .value(QStringLiteral("booking_id"))
                               .toString();
        auto down = intent(m_bob, other, QStringLiteral("card"));
        QCOMPARE(down.status, 502);
        QCOMPARE(down.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("payment_provider_unavailable"));
        QVERIFY(!down.body.contains("127.0.0.1")); // the provider's own error stays in the log
        QCOMPARE(scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid AND status = "
                        "'failed' AND failure_code = 'provider_unavailable'",
                        other.toStdString()),
                 1);

        m_pay.process->resume();
        // The reconciler makes the owed refund; the provider makes it once.
        QVERIFY(QTest::qWaitFor([&] { return scalar(owed, paymentId.toStdString()) == 0; }, 20000));
        QCOMPARE(scalar("SELECT count(*) FROM payment_refunds WHERE payment_id = $1::uuid AND "
                        "provider_ref IS NOT NULL",
                        paymentId.toStdString()),
                 1);
        expectMoneyAddsUp(id);
        QCOMPARE(keptBy(id), 0);
        // The failed intent held up nothing: the next one is made and paid.
        const auto again = intent(m_bob, other, QStringLiteral("card"));
        QCOMPARE(again.status, 201);
        QCOMPARE(payAtProvider(again.json(), QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_bob, other, QStringLiteral("confirmed")));
        QCOMPARE(keptBy(other), totalOf(other));
        expectMoneyAddsUp(other);
    }

    // Issue 12 item 5: the card provider stops answering for 15 s while more intents and
    // cancellations than the database has workers wait on it; 50 other requests (holds, reads)
    // meanwhile get no 5xx and do not wait on it. When it answers again, every waiting request
    // gets its answer and every booking keeps at most one live payment.
    void aStalledProviderHoldsUpNothingElse()
    {
        constexpr int kPool = 4;
        QVERIFY(restartWith({QStringLiteral("TICKETING_DB_POOL_SIZE=%1").arg(kPool),
                             QStringLiteral("TICKETING_PAYMENTS_TIMEOUT_SECONDS=60")}));
        const auto sale = openSale(*m_http, m_org, 6, 10);
        auto labels = sale.seatByLabel.keys();
        std::sort(labels.begin(), labels.end());
        QStringList buyers;
        for (int i = 0; i < 6; ++i)
            buyers << signUpAs(*m_http, m_env, QStringLiteral("attendee"),
                               QStringLiteral("buyer%1@example.com").arg(i));
        const auto port = m_server->port();
        auto auth = [](const QString& token) {
            return std::pair<std::string, std::string>{"Authorization",
                                                       "Bearer " + token.toStdString()};
        };
        auto intentRequest = [&](const QString& token, const QString& booking) {
            return ticketing::bench::LoadRequest{
                "POST",
                "/api/v1/payments/intent",
                boost::json::serialize(
                    boost::json::object{{"booking_id", booking.toStdString()}, {"method", "card"}}),
                {auth(token), {"Idempotency-Key", "stalled-" + booking.toStdString()}}};
        };

        // Before the stall: 4 bookings with a pending card payment (to cancel during it), and 8
        // bookings held (to pay during it): 12 requests for a pool of 4.
        std::vector<ticketing::bench::LoadRequest> waiting;
        QStringList cancelled, paying;
        int seat = 0;
        for (int i = 0; i < 12; ++i) {
            const auto& token = i % 2 ? m_bob : m_ann;
            const auto booking =
                hold(token, sale, {labels[seat++]}).value(QStringLiteral("booking_id")).toString();
            QVERIFY(!booking.isEmpty());
            if (i < 4) {
                const auto pending = intent(token, booking, QStringLiteral("card"));
                QCOMPARE(pending.status, 201);
                const auto id = pending.json().value(QStringLiteral("payment_id")).toString();
                cancelled << id;
                waiting.push_back({"POST",
                                   "/api/v1/payments/" + id.toStdString() + "/cancel",
                                   {},
                                   {auth(token)}});
            } else {
                paying << booking;
                waiting.push_back(intentRequest(token, booking));
            }
        }
        QVERIFY(int(waiting.size()) > kPool);

        m_pay.process->pause();
        QElapsedTimer stalled;
        stalled.start();
        std::vector<ticketing::bench::LoadResponse> waited;
        std::thread provider([&] { waited = atOnce(port, waiting); });
        auto busyOnProvider = [&] {
            for (const auto& line : m_http->get(QStringLiteral("/metrics")).body.split('\n'))
                if (line.startsWith("ticketd_provider_workers_busy "))
                    return line.mid(line.indexOf(' ') + 1).toDouble();
            return -1.0;
        };
        QVERIFY(QTest::qWaitFor([&] { return busyOnProvider() >= double(waiting.size()); }, 5000));

        // 50 other requests at once: 25 holds of one seat by six buyers, 25 reads.
        std::vector<ticketing::bench::LoadRequest> others;
        for (int i = 0; i < 25; ++i) {
            others.push_back(
                {"POST",
                 "/api/v1/bookings/hold",
                 boost::json::serialize(boost::json::object{
                     {"event_id", sale.event.toStdString()},
                     {"seat_ids",
                      boost::json::array{sale.seatByLabel.value(labels[seat++]).toStdString()}}}),
                 {auth(buyers[i % buyers.size()]),
                  {"Idempotency-Key", "other-" + std::to_string(i)}}});
            others.push_back({"GET",
                              i % 2 ? "/api/v1/events/" + sale.event.toStdString() + "/availability"
                                    : "/api/v1/events/" + sale.event.toStdString(),
                              {},
                              {}});
        }
        const auto answers = atOnce(port, others);
        double slowest = 0;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            if (answers[i].status < 200 || answers[i].status >= 300)
                qWarning() << others[i].target.c_str() << answers[i].status
                           << answers[i].body.c_str();
            QVERIFY(answers[i].status >= 200 && answers[i].status < 300);
            slowest = std::max(slowest, answers[i].latencyMs);
        }
        qInfo("50 requests during the stall: the slowest took %.0f ms", slowest);
        // Waiting on the provider would have taken until it answers again (seconds from now).
        QVERIFY(slowest < 5000);
        QVERIFY(stalled.elapsed() < 15000);
        QVERIFY(busyOnProvider() >= double(waiting.size())); // they still wait

        QTest::qWait(int(15000 - stalled.elapsed()));
        m_pay.process->resume();
        provider.join();
        for (std::size_t i = 0; i < waited.size(); ++i) {
            if (i < 4) {
                QCOMPARE(waited[i].status, 200);
                QVERIFY(waited[i].body.find("\"cancelled\"") != std::string::npos);
            } else {
                QCOMPARE(waited[i].status, 201);
                QVERIFY(waited[i].body.find("client_secret") != std::string::npos);
            }
        }
        // The provider was told of every cancellation; each booking has one live payment.
        for (const auto& id : cancelled)
            QCOMPARE(scalar("SELECT count(*) FROM payments WHERE id = $1::uuid AND status = "
                            "'cancelled' AND NOT cancel_owed",
                            id.toStdString()),
                     1);
        for (const auto& booking : paying)
            QCOMPARE(scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid AND status "
                            "= 'pending' AND provider_ref IS NOT NULL",
                            booking.toStdString()),
                     1);
    }

    // Issue 12 item 5: ticketd dies after recording an intent and before the provider's answer
    // is settled. The next ticketd's reconciler asks the provider again (the same idempotency
    // key: the same intent) and settles it; the buyer's retry with the same key gets it.
    void aCrashBetweenRecordAndAnswerIsRecovered()
    {
        QVERIFY(restartWith({QStringLiteral("TICKETING_PAYMENTS_TIMEOUT_SECONDS=2"),
                             QStringLiteral("TICKETING_PAYMENT_RECHECK_SECONDS=1")}));
        const auto sale = openSale(*m_http, m_org);
        const auto booking = hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                                 .value(QStringLiteral("booking_id"))
                                 .toString();
        const ticketing::bench::LoadRequest request{
            "POST",
            "/api/v1/payments/intent",
            boost::json::serialize(
                boost::json::object{{"booking_id", booking.toStdString()}, {"method", "card"}}),
            {{"Authorization", "Bearer " + m_ann.toStdString()},
             {"Idempotency-Key", "crash-" + booking.toStdString()}}};
        const auto port = m_server->port();

        m_pay.process->pause();
        std::thread first([&] { ticketing::bench::fetch("127.0.0.1", port, request); });
        const auto unanswered = "SELECT count(*) FROM payments WHERE booking_id = $1::uuid AND "
                                "status = 'pending' AND provider_ref IS NULL";
        QVERIFY(
            QTest::qWaitFor([&] { return scalar(unanswered, booking.toStdString()) == 1; }, 5000));
        m_server->kill(); // between the record and the answer
        first.join();
        m_pay.process->resume();
        QCOMPARE(scalar(unanswered, booking.toStdString()), 1);

        m_server = std::make_unique<TicketdProcess>();
        QVERIFY(m_server->start(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}, m_env));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        // While it is unanswered, the key's first request still runs as far as a client knows.
        const auto early = ticketing::bench::fetch("127.0.0.1", port, request);
        if (early.status == 409)
            QVERIFY(early.body.find("idempotency_key_in_flight") != std::string::npos);
        else
            QCOMPARE(early.status, 201);
        QVERIFY(
            QTest::qWaitFor([&] { return scalar(unanswered, booking.toStdString()) == 0; }, 20000));
        QVERIFY(m_server->log().contains("its provider's answer never was"));
        const auto retried = ticketing::bench::fetch("127.0.0.1", port, request);
        QCOMPARE(retried.status, 201);
        const auto payment =
            QJsonDocument::fromJson(QByteArray::fromStdString(retried.body)).object();
        QCOMPARE(payment.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid",
                        booking.toStdString()),
                 1);
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, booking, QStringLiteral("confirmed")));
        QCOMPARE(keptBy(booking), totalOf(booking));
        expectMoneyAddsUp(booking);
    }

    void staffRefundPartOfAPayment()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto payment = intent(m_ann, id, QStringLiteral("card")).json();
        QCOMPARE(payAtProvider(payment, QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        const auto path = QStringLiteral("/api/v1/payments/") +
                          payment.value(QStringLiteral("payment_id")).toString() +
                          QStringLiteral("/refund");
        QCOMPARE(m_http
                     ->send("POST", path,
                            json({{QStringLiteral("amount"), QStringLiteral("5.00")}}),
                            bearer(m_ann))
                     .status,
                 403);
        auto part =
            m_http->send("POST", path, json({{QStringLiteral("amount"), QStringLiteral("15.25")}}),
                         bearer(m_org));
        QCOMPARE(part.status, 200);
        QCOMPARE(part.json().value(QStringLiteral("refunded")).toString(), QStringLiteral("15.25"));
        QCOMPARE(part.json().value(QStringLiteral("refunds")).toArray().size(), 1);
        auto tooMuch =
            m_http->send("POST", path, json({{QStringLiteral("amount"), QStringLiteral("30.00")}}),
                         bearer(m_box));
        QCOMPARE(tooMuch.status, 400);
        auto rest = m_http->send("POST", path, {}, bearer(m_box));
        QCOMPARE(rest.status, 200);
        QCOMPARE(rest.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("refunded"));
        QCOMPARE(rest.json().value(QStringLiteral("refunded")).toString(), QStringLiteral("40.00"));
        QCOMPARE(m_http->send("POST", path, {}, bearer(m_box)).status, 409);
        expectMoneyAddsUp(id);
    }

    // API.md "Payments": a booking has one live payment. Two card intents in a row (different
    // keys) answer the same payment; once it is paid, another intent is 409 already_paid; the
    // booking keeps exactly its total.
    void twoCardIntentsAnswerOnePayment()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-A-1")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        auto first = intent(m_ann, id, QStringLiteral("card"));
        QCOMPARE(first.status, 201);
        auto second = intent(m_ann, id, QStringLiteral("card"));
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json().value(QStringLiteral("payment_id")),
                 first.json().value(QStringLiteral("payment_id")));
        QVERIFY(!first.json().value(QStringLiteral("provider_intent_id")).toString().isEmpty());
        QVERIFY(first.json()
                    .value(QStringLiteral("checkout"))
                    .toObject()
                    .value(QStringLiteral("confirm_url"))
                    .toString()
                    .endsWith(QStringLiteral("/confirm")));
        QCOMPARE(payAtProvider(first.json(), QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        auto third = intent(m_ann, id, QStringLiteral("card"));
        QCOMPARE(third.status, 409);
        QCOMPARE(third.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("already_paid"));
        QCOMPARE(
            scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid", id.toStdString()),
            1);
        QCOMPARE(keptBy(id), totalOf(id));
        expectMoneyAddsUp(id);
    }

    // A card declined, another intent paid, then the first paid at the provider after all: the
    // first is refunded by itself, and the booking keeps exactly its total.
    void aDeclinedIntentPaidAfterAllIsRefunded()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-A-2")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto first = intent(m_ann, id, QStringLiteral("card")).json();
        const auto firstId = first.value(QStringLiteral("payment_id")).toString();
        QCOMPARE(payAtProvider(first, QStringLiteral("4000000000000002")).status, 200);
        QVERIFY(waitForPaymentStatus(m_ann, firstId, QStringLiteral("failed")));
        auto second = intent(m_ann, id, QStringLiteral("card")); // the failed one is not live
        QCOMPARE(second.status, 201);
        QVERIFY(second.json().value(QStringLiteral("payment_id")).toString() != firstId);
        QCOMPARE(payAtProvider(second.json(), QStringLiteral("4242424242424242")).status, 200);
        QVERIFY(waitForStatus(m_ann, id, QStringLiteral("confirmed")));
        // The buyer's other tab pays the first intent after all.
        QCOMPARE(payAtProvider(first, QStringLiteral("4242424242424242")).status, 200);
        if (!waitForPaymentStatus(m_ann, firstId, QStringLiteral("refunded")))
            QFAIL(qPrintable(QStringLiteral("the first payment: ") +
                             QString::fromUtf8(QJsonDocument(payment(m_ann, firstId)).toJson()) +
                             QString::fromUtf8(m_server->log().right(3000))));
        const auto refunds = payment(m_ann, firstId).value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("booking_already_paid"));
        QCOMPARE(booking(m_ann, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(keptBy(id), totalOf(id));
        expectMoneyAddsUp(id);
    }

    // Ten cash intents at once (ten keys, one booking): one payment; the others are told the
    // booking is paid.
    void tenParallelCashIntentsMakeOnePayment()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_box, sale, {QStringLiteral("MAIN-B-1"), QStringLiteral("MAIN-B-2")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto body = boost::json::serialize(
            boost::json::object{{"booking_id", id.toStdString()}, {"method", "cash"}});
        std::vector<ticketing::bench::LoadRequest> requests;
        for (int i = 0; i < 10; ++i)
            requests.push_back({"POST",
                                "/api/v1/payments/intent",
                                body,
                                {{"Authorization", "Bearer " + m_box.toStdString()},
                                 {"Idempotency-Key", "cash-at-once-" + std::to_string(i)}}});
        const auto answers = atOnce(m_server->port(), requests);
        int created = 0, paid = 0;
        for (const auto& a : answers) {
            if (a.status == 201)
                ++created;
            else if (a.status == 409 && a.body.find("already_paid") != std::string::npos)
                ++paid;
            else
                qWarning() << a.status << QByteArray::fromStdString(a.body);
        }
        QCOMPARE(created, 1);
        QCOMPARE(paid, 9);
        QCOMPARE(
            scalar("SELECT count(*) FROM payments WHERE booking_id = $1::uuid", id.toStdString()),
            1);
        QCOMPARE(keptBy(id), totalOf(id));
        expectMoneyAddsUp(id);
    }

    // POST /payments/{id}/cancel: a pending card payment is cancelled, at the provider too; a
    // cash intent at the counter then replaces nothing and pays; a second cancel is refused.
    void aPendingPaymentIsCancelledAndAnotherMethodTakesOver()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-B-3")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto card = intent(m_ann, id, QStringLiteral("card")).json();
        const auto cardId = card.value(QStringLiteral("payment_id")).toString();
        auto cancelled = m_http->send(
            "POST", QStringLiteral("/api/v1/payments/%1/cancel").arg(cardId), {}, bearer(m_ann));
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        const auto ref = card.value(QStringLiteral("provider_intent_id")).toString();
        QCOMPARE(m_pay.http
                     ->send("GET", QStringLiteral("/v1/payment_intents/") + ref, {},
                            {{"Authorization", "Bearer " + kSecretKey.toUtf8()}})
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("canceled"));
        auto again = m_http->send("POST", QStringLiteral("/api/v1/payments/%1/cancel").arg(cardId),
                                  {}, bearer(m_ann));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_cancellable"));

        // Another card intent, then cash at the counter: the pending card one is cancelled first.
        const auto card2 = intent(m_ann, id, QStringLiteral("card")).json();
        const auto card2Id = card2.value(QStringLiteral("payment_id")).toString();
        auto cash = intent(m_box, id, QStringLiteral("cash"));
        QCOMPARE(cash.status, 201);
        QCOMPARE(payment(m_ann, card2Id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(keptBy(id), totalOf(id));
        expectMoneyAddsUp(id);
    }

    // The provider's success for an intent we cancelled while it was being paid: the money goes
    // back by itself.
    void aSuccessForACancelledIntentIsRefunded()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto id = hold(m_ann, sale, {QStringLiteral("MAIN-B-4")})
                            .value(QStringLiteral("booking_id"))
                            .toString();
        const auto card = intent(m_ann, id, QStringLiteral("card")).json();
        const auto cardId = card.value(QStringLiteral("payment_id")).toString();
        // This card succeeds about half a second later (paysim --late-ms 500).
        QCOMPARE(payAtProvider(card, QStringLiteral("4000000000000077")).status, 200);
        auto cancelled = m_http->send(
            "POST", QStringLiteral("/api/v1/payments/%1/cancel").arg(cardId), {}, bearer(m_ann));
        QCOMPARE(cancelled.status, 200);
        QVERIFY(waitForPaymentStatus(m_ann, cardId, QStringLiteral("refunded")));
        const auto refunds = payment(m_ann, cardId).value(QStringLiteral("refunds")).toArray();
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("payment_cancelled"));
        QCOMPARE(booking(m_ann, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("held"));
        QCOMPARE(keptBy(id), 0);
        expectMoneyAddsUp(id);
    }

    // Issue 15: the report and the settlement add up to the cent against the payments and
    // refunds made (cash, card, a partial refund, a cancellation, standing places), and the
    // CSV says what the JSON says.
    void theReportAndTheSettlementAddUp()
    {
        const auto sale = openSale(*m_http, m_org);
        auto call = [&](const QString& token, const QByteArray& method, const QString& path,
                        const QList<QPair<QByteArray, QByteArray>>& extra = {},
                        const QJsonObject& body = {}) {
            auto headers = method == "GET" ? bearer(token) : keyed(token);
            headers += extra;
            return m_http->send(method, path, method == "GET" ? QByteArray() : json(body), headers);
        };
        auto cash = [&](const QString& booking) {
            const auto p = intent(m_box, booking, QStringLiteral("cash")).json();
            return call(m_box, "POST", QStringLiteral("/api/v1/bookings/confirm"), {},
                        {{QStringLiteral("booking_id"), booking},
                         {QStringLiteral("payment_id"), p.value(QStringLiteral("payment_id"))}})
                       .status == 200;
        };
        auto card = [&](const QString& token, const QString& booking) {
            const auto p = intent(token, booking, QStringLiteral("card")).json();
            payAtProvider(p, QStringLiteral("4242424242424242"));
            return waitForStatus(token, booking, QStringLiteral("confirmed")) ? p : QJsonObject();
        };
        auto id = [](const QJsonObject& o) {
            return o.value(QStringLiteral("booking_id")).toString();
        };
        // Cash at the counter: two stalls (80.00) and two standing places (51.00).
        QVERIFY(
            cash(id(hold(m_box, sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")}))));
        const auto standing =
            m_http->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                         json({{QStringLiteral("event_id"), sale.event},
                               {QStringLiteral("ticket_tier_id"), sale.standingTier},
                               {QStringLiteral("quantity"), 2}}),
                         keyed(m_box));
        QCOMPARE(standing.status, 201);
        QVERIFY(cash(standing.json().value(QStringLiteral("booking_id")).toString()));
        // Online by card: a stall refunded 10.00 in part, and one cancelled (all back: the event
        // is years away).
        const auto partly = card(m_ann, id(hold(m_ann, sale, {QStringLiteral("MAIN-A-3")})));
        QVERIFY(!partly.isEmpty());
        QCOMPARE(call(m_box, "POST",
                      QStringLiteral("/api/v1/payments/%1/refund")
                          .arg(partly.value(QStringLiteral("payment_id")).toString()),
                      {}, {{QStringLiteral("amount"), QStringLiteral("10.00")}})
                     .status,
                 200);
        const auto cancelled = id(hold(m_bob, sale, {QStringLiteral("MAIN-B-1")}));
        QVERIFY(!card(m_bob, cancelled).isEmpty());
        QCOMPARE(call(m_bob, "DELETE", QStringLiteral("/api/v1/bookings/") + cancelled).status,
                 200);

        const auto path = QStringLiteral("/api/v1/events/%1/report?interval=hour").arg(sale.event);
        const auto report = call(m_org, "GET", path);
        QCOMPARE(report.status, 200);
        const auto r = report.json();
        const auto totals = r.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("gross")).toString(), QStringLiteral("211.00"));
        QCOMPARE(totals.value(QStringLiteral("refunds")).toString(), QStringLiteral("50.00"));
        QCOMPARE(totals.value(QStringLiteral("net")).toString(), QStringLiteral("161.00"));
        QCOMPARE(totals.value(QStringLiteral("sold")).toInt(), 5); // two places
        // Against the rows: every payment that went through, every refund.
        {
            pqxx::connection db(m_db->url());
            pqxx::read_transaction tx(db);
            const auto row = tx.exec_params1(
                "SELECT sum(p.amount_minor), (SELECT sum(r.amount_minor) FROM payment_refunds r "
                "JOIN payments q ON q.id = r.payment_id JOIN bookings c ON c.id = q.booking_id "
                "WHERE c.event_id = $1::uuid) FROM payments p JOIN bookings b ON b.id = "
                "p.booking_id WHERE b.event_id = $1::uuid AND p.status IN ('succeeded', "
                "'refunded')",
                sale.event.toStdString());
            QCOMPARE(row[0].as<long long>(), 21100LL);
            QCOMPARE(row[1].as<long long>(), 5000LL);
        }
        const auto tiers = r.value(QStringLiteral("tiers")).toArray();
        QCOMPARE(tiers.size(), 2);
        const auto stalls = tiers[0].toObject();
        const auto floor = tiers[1].toObject();
        QCOMPARE(stalls.value(QStringLiteral("gross")).toString(), QStringLiteral("160.00"));
        QCOMPARE(stalls.value(QStringLiteral("refunds")).toString(), QStringLiteral("50.00"));
        QCOMPARE(stalls.value(QStringLiteral("sold")).toInt(), 3);
        QCOMPARE(stalls.value(QStringLiteral("available")).toInt(), 7);
        QCOMPARE(floor.value(QStringLiteral("gross")).toString(), QStringLiteral("51.00"));
        QCOMPARE(floor.value(QStringLiteral("sold")).toInt(), 2);
        QCOMPARE(floor.value(QStringLiteral("total")).toInt(), 20);
        QJsonObject methods;
        for (const auto& m : r.value(QStringLiteral("by_method")).toArray())
            methods[m.toObject().value(QStringLiteral("method")).toString()] =
                m.toObject().value(QStringLiteral("amount"));
        QCOMPARE(methods.value(QStringLiteral("cash")).toString(), QStringLiteral("131.00"));
        QCOMPARE(methods.value(QStringLiteral("card")).toString(), QStringLiteral("80.00"));
        const auto channels = r.value(QStringLiteral("by_channel")).toArray();
        QCOMPARE(channels[0].toObject().value(QStringLiteral("gross")).toString(),
                 QStringLiteral("80.00"));                                          // online
        QCOMPARE(channels[1].toObject().value(QStringLiteral("units")).toInt(), 4); // box office
        int units = 0;
        for (const auto& p : r.value(QStringLiteral("sales")).toArray())
            units += p.toObject().value(QStringLiteral("units")).toInt();
        QCOMPARE(units, 6);

        // The CSV: the JSON's tiers and totals, row for row.
        const auto csv = call(m_org, "GET", path, {{"Accept", "text/csv"}});
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("content-type").startsWith("text/csv"));
        const auto rows =
            QString::fromUtf8(csv.body).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], QStringLiteral(
                              "tier_id,name,total,available,held,blocked,sold,gross,refunds,net"));
        QCOMPARE(rows[1],
                 QStringLiteral("%1,Stalls,10,7,0,0,3,160.00,50.00,110.00").arg(sale.seatedTier));
        QCOMPARE(rows[3], QStringLiteral("total,,30,25,0,0,5,211.00,50.00,161.00"));

        // The settlement: 5 % of 161.00 is 8.05; paid out two days after the event's end.
        const auto settlement =
            call(m_org, "GET", QStringLiteral("/api/v1/events/%1/settlement").arg(sale.event))
                .json();
        QCOMPARE(settlement.value(QStringLiteral("net_sales")).toString(),
                 QStringLiteral("161.00"));
        QCOMPARE(settlement.value(QStringLiteral("fee_percent")).toDouble(), 5.0);
        QCOMPARE(settlement.value(QStringLiteral("fee")).toString(), QStringLiteral("8.05"));
        QCOMPARE(settlement.value(QStringLiteral("payout")).toString(), QStringLiteral("152.95"));
        QCOMPARE(settlement.value(QStringLiteral("payout_date")).toString(),
                 QStringLiteral("2031-01-03T23:00:00Z"));
        QCOMPARE(settlement.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const auto settlementCsv =
            call(m_org, "GET", QStringLiteral("/api/v1/events/%1/settlement").arg(sale.event),
                 {{"Accept", "text/csv"}});
        QVERIFY(settlementCsv.body.endsWith(
            ",GBP,211.00,50.00,161.00,5,8.05,152.95,2031-01-03T23:00:00Z,pending\r\n"));

        // Only the event's organizer (and admins) see it: another organizer finds nothing, an
        // attendee may not ask.
        const auto other = signUpAs(*m_http, m_env, QStringLiteral("organizer"),
                                    QStringLiteral("other-org@example.com"));
        QCOMPARE(call(other, "GET", path).status, 404);
        QCOMPARE(call(m_ann, "GET", path).status, 403);
        QCOMPARE(call(m_org, "GET",
                      path.left(path.indexOf(QLatin1Char('?'))) + QStringLiteral("?interval=week"))
                     .status,
                 400);
    }

    // The fee is configured (TICKETING_PLATFORM_FEE_PERCENT) and rounds half-up: 2.5 % of 0.20
    // is half a cent, so 0.01.
    void theSettlementsFeeIsConfigured()
    {
        QVERIFY(restartWith({QStringLiteral("TICKETING_PLATFORM_FEE_PERCENT=2.5")}));
        const auto sale = openSale(*m_http, m_org, 2, 5, 20, 20, {}, QStringLiteral("0.20"));
        const auto booking = hold(m_box, sale, {QStringLiteral("MAIN-A-1")})
                                 .value(QStringLiteral("booking_id"))
                                 .toString();
        const auto p = intent(m_box, booking, QStringLiteral("cash")).json();
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/bookings/confirm"),
                            json({{QStringLiteral("booking_id"), booking},
                                  {QStringLiteral("payment_id"),
                                   p.value(QStringLiteral("payment_id"))}}),
                            keyed(m_box))
                     .status,
                 200);
        const auto s =
            m_http
                ->send("GET", QStringLiteral("/api/v1/events/%1/settlement").arg(sale.event), {},
                       bearer(m_org))
                .json();
        QCOMPARE(s.value(QStringLiteral("fee_percent")).toDouble(), 2.5);
        QCOMPARE(s.value(QStringLiteral("fee")).toString(), QStringLiteral("0.01"));
        QCOMPARE(s.value(QStringLiteral("payout")).toString(), QStringLiteral("0.19"));
    }

    // Issue 15, API.md "Seat blocks": blocked seats leave sale; nobody holds them but the box
    // office or an admin with include_blocked; a sale of one that is refunded, or a hold of one
    // that ends, leaves it blocked; held or sold seats cannot be blocked (all or nothing); the
    // report counts them; DELETE puts them back on sale.
    void blockedSeatsCannotBeHeldExceptByTheBoxOffice()
    {
        const auto sale = openSale(*m_http, m_org);
        const auto blocks = QStringLiteral("/api/v1/events/%1/blocks").arg(sale.event);
        auto ids = [&](const QStringList& labels) {
            QJsonArray out;
            for (const auto& l : labels)
                out.append(sale.seatByLabel.value(l));
            return out;
        };
        auto block = [&](const QString& token, const QStringList& labels,
                         const QString& reason = QStringLiteral("house seats")) {
            return m_http->send("POST", blocks,
                                json({{QStringLiteral("seat_ids"), ids(labels)},
                                      {QStringLiteral("reason"), reason}}),
                                bearer(token));
        };
        auto unblock = [&](const QString& token, const QStringList& labels) {
            return m_http->send("DELETE", blocks, json({{QStringLiteral("seat_ids"), ids(labels)}}),
                                bearer(token));
        };
        auto holdAs = [&](const QString& token, const QStringList& labels, bool includeBlocked) {
            QJsonObject body{{QStringLiteral("event_id"), sale.event},
                             {QStringLiteral("seat_ids"), ids(labels)}};
            if (includeBlocked)
                body[QStringLiteral("include_blocked")] = true;
            return m_http->send("POST", QStringLiteral("/api/v1/bookings/hold"), json(body),
                                keyed(token));
        };
        auto status = [&](const QString& label) {
            const auto a =
                m_http->get(QStringLiteral("/api/v1/events/%1/availability").arg(sale.event))
                    .json();
            for (const auto& x : a.value(QStringLiteral("seats")).toArray())
                if (x.toObject().value(QStringLiteral("label")).toString() == label)
                    return x.toObject().value(QStringLiteral("status")).toString();
            return QString();
        };
        const QStringList house{QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")};

        // Who may block: the owner (and admin); another organizer does not see the event; a
        // buyer may not; a body without a reason is explained.
        const auto other = signUpAs(*m_http, m_env, QStringLiteral("organizer"),
                                    QStringLiteral("other@example.com"));
        QCOMPARE(block(other, house).status, 404);
        QCOMPARE(block(m_ann, house).status, 403);
        const auto noReason = block(m_org, house, QStringLiteral("   "));
        QCOMPARE(noReason.status, 400);
        QVERIFY(noReason.body.contains("\"reason\""));
        const auto unknown =
            m_http->send("POST", blocks,
                         json({{QStringLiteral("seat_ids"),
                                QJsonArray{QStringLiteral("0190a000-0000-7000-8000-000000000001")}},
                               {QStringLiteral("reason"), QStringLiteral("x")}}),
                         bearer(m_org));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("unknown_seat"));

        const auto blocked = block(m_org, house);
        QCOMPARE(blocked.status, 200);
        const auto list = blocked.json().value(QStringLiteral("blocks")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("MAIN-A-1"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("house seats"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("blocked"));
        QCOMPARE(status(QStringLiteral("MAIN-A-1")), QStringLiteral("blocked"));
        QCOMPARE(m_http->send("GET", blocks, {}, bearer(m_org)).json(), blocked.json());

        // A buyer cannot hold them, nor ask to; the box office only by saying so.
        const auto refused = holdAs(m_ann, {QStringLiteral("MAIN-A-1")}, false);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("seats_unavailable"));
        QCOMPARE(refused.json().value(QStringLiteral("unavailable_seat_ids")).toArray(),
                 ids({QStringLiteral("MAIN-A-1")}));
        QCOMPARE(holdAs(m_ann, {QStringLiteral("MAIN-A-1")}, true).status, 403);
        QCOMPARE(holdAs(m_box, {QStringLiteral("MAIN-A-1")}, false).status, 409);
        // Best available passes them by: 8 of the tier's 10 seats are for sale.
        auto best = m_http->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                                 json({{QStringLiteral("event_id"), sale.event},
                                       {QStringLiteral("ticket_tier_id"), sale.seatedTier},
                                       {QStringLiteral("quantity"), 9},
                                       {QStringLiteral("best_available"), true}}),
                                 keyed(m_box));
        QCOMPARE(best.status, 409);
        QCOMPARE(best.json().value(QStringLiteral("available")).toInt(), 8);

        // The box office sells one (cash) and holds the other, then both end: blocked again.
        const auto sold = holdAs(m_box, {QStringLiteral("MAIN-A-1")}, true);
        QCOMPARE(sold.status, 201);
        const auto soldId = sold.json().value(QStringLiteral("booking_id")).toString();
        const auto cash = intent(m_box, soldId, QStringLiteral("cash")).json();
        QCOMPARE(m_http
                     ->send("POST", QStringLiteral("/api/v1/bookings/confirm"),
                            json({{QStringLiteral("booking_id"), soldId},
                                  {QStringLiteral("payment_id"),
                                   cash.value(QStringLiteral("payment_id"))}}),
                            keyed(m_box))
                     .status,
                 200);
        QCOMPARE(status(QStringLiteral("MAIN-A-1")), QStringLiteral("sold"));
        const auto heldOther = holdAs(m_box, {QStringLiteral("MAIN-A-2")}, true);
        QCOMPARE(heldOther.status, 201);
        const auto listed = m_http->send("GET", blocks, {}, bearer(m_org))
                                .json()
                                .value(QStringLiteral("blocks"))
                                .toArray();
        QCOMPARE(listed[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("sold"));
        QCOMPARE(listed[1].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("held"));
        // Held or sold seats cannot be blocked: all or nothing (B-1 stays on sale).
        const auto taken = block(m_org, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-B-1")});
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.json().value(QStringLiteral("unavailable_seat_ids")).toArray(),
                 ids({QStringLiteral("MAIN-A-1")}));
        QCOMPARE(status(QStringLiteral("MAIN-B-1")), QStringLiteral("available"));

        QCOMPARE(
            m_http->send("DELETE", QStringLiteral("/api/v1/bookings/") + soldId, {}, bearer(m_box))
                .json()
                .value(QStringLiteral("status"))
                .toString(),
            QStringLiteral("refunded"));
        QCOMPARE(m_http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                heldOther.json().value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_box))
                     .status,
                 200);
        QCOMPARE(status(QStringLiteral("MAIN-A-1")), QStringLiteral("blocked"));
        QCOMPARE(status(QStringLiteral("MAIN-A-2")), QStringLiteral("blocked"));
        QCOMPARE(holdAs(m_ann, {QStringLiteral("MAIN-A-2")}, false).status, 409);

        // The report and the availability count them.
        const auto report =
            m_http
                ->send("GET", QStringLiteral("/api/v1/events/%1/report").arg(sale.event), {},
                       bearer(m_org))
                .json();
        const auto stalls = report.value(QStringLiteral("tiers")).toArray()[0].toObject();
        QCOMPARE(stalls.value(QStringLiteral("blocked")).toInt(), 2);
        QCOMPARE(stalls.value(QStringLiteral("available")).toInt(), 8);
        QCOMPARE(report.value(QStringLiteral("totals"))
                     .toObject()
                     .value(QStringLiteral("blocked"))
                     .toInt(),
                 2);
        const auto tiers =
            m_http->get(QStringLiteral("/api/v1/events/%1/availability").arg(sale.event))
                .json()
                .value(QStringLiteral("tiers"))
                .toArray();
        QCOMPARE(tiers[0].toObject().value(QStringLiteral("blocked")).toInt(), 2);

        // Released: on sale again, to anyone; releasing again changes nothing.
        QCOMPARE(unblock(m_org, house).json().value(QStringLiteral("blocks")).toArray().size(), 0);
        QCOMPARE(unblock(m_org, house).status, 200);
        QCOMPARE(status(QStringLiteral("MAIN-A-2")), QStringLiteral("available"));
        QCOMPARE(holdAs(m_ann, {QStringLiteral("MAIN-A-2")}, false).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestCheckout)
#include "TestCheckout.moc"
