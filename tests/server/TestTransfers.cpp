#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TestEnv.h"
#include "support/TicketdUnderTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>
#include <pqxx/pqxx>

using namespace ticketing::test;

// API.md "Transfers" and "Passwords" against a real ticketd: tickets handed to someone else by
// e-mail (the old credentials revoked for the gate and its scanners' bundle, new ones issued to
// the receiver, an account made for a stranger who sets a password with the e-mailed link), the
// rules that refuse a transfer, and the one-time password links.
class TestTransfers : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    QString m_box;

    static QByteArray json(const QJsonObject& o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    // Seats sold for cash at the box office to a customer (`email`; empty: a walk-in).
    QJsonObject sell(const Sale& sale, const QStringList& labels,
                     const QString& email = QStringLiteral("ada@example.com"))
    {
        return sellToCustomer(*m_t.http, m_box, sale, labels, email);
    }

    HttpResult transfer(const QString& token, const QString& booking, const QString& email,
                        const QStringList& tickets = {})
    {
        QJsonObject body{{QStringLiteral("email"), email}};
        if (!tickets.isEmpty())
            body[QStringLiteral("ticket_ids")] = QJsonArray::fromStringList(tickets);
        return m_t.http->send("POST", QStringLiteral("/api/v1/bookings/%1/transfer").arg(booking),
                              json(body), bearer(token));
    }

    // The scan's result at the gate (the box office scans too).
    QString scan(const QString& event, const QString& code)
    {
        const QJsonObject one{
            {QStringLiteral("nonce"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("code"), code},
            {QStringLiteral("direction"), QStringLiteral("entry")},
            {QStringLiteral("scanned_at"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        const auto r = m_t.http->send(
            "POST", QStringLiteral("/api/v1/checkin/scans"),
            json({{QStringLiteral("event_id"), event}, {QStringLiteral("scans"), QJsonArray{one}}}),
            bearer(m_box));
        return r.json()
            .value(QStringLiteral("results"))
            .toArray()[0]
            .toObject()
            .value(QStringLiteral("result"))
            .toString();
    }

    // The messages in the outbox for `email`: kind -> payload.
    QList<QPair<QString, QJsonObject>> mailFor(const QString& email)
    {
        QList<QPair<QString, QJsonObject>> out;
        pqxx::connection c(m_t.db->url());
        pqxx::read_transaction tx(c);
        for (const auto& r : tx.exec_params("SELECT kind, payload::text FROM notifications "
                                            "WHERE email = $1 ORDER BY created_at",
                                            email.toStdString()))
            out.append({QString::fromStdString(r[0].as<std::string>()),
                        QJsonDocument::fromJson(QByteArray::fromStdString(r[1].as<std::string>()))
                            .object()});
        return out;
    }

    static QString reasonOf(const HttpResult& r)
    {
        if (r.status != 409)
            return QStringLiteral("(%1 %2)").arg(r.status).arg(QString::fromUtf8(r.body));
        return r.json().value(QStringLiteral("code")).toString() + QLatin1Char('/') +
               r.json().value(QStringLiteral("reason")).toString();
    }

    HttpResult login(const QString& email, const QString& password)
    {
        return m_t.http->send(
            "POST", QStringLiteral("/api/v1/auth/login"),
            json({{QStringLiteral("email"), email}, {QStringLiteral("password"), password}}));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_t.start());
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_box = m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        QVERIFY(!openShift(*m_t.http, m_box).isEmpty());
    }
    void cleanup() { m_t.finish(); }

    // One of two tickets to a stranger: the old code is refused at the gate and listed as revoked
    // in the scanners' bundle; the stranger's new account sets its password with the e-mailed
    // link (once), signs in, reads the new ticket and is admitted with it. The giver's booking
    // keeps the money and shows who holds the ticket, without its code.
    void aTransferRevokesTheOldCodeAndTheNewOneAdmits()
    {
        const auto sale = openSale(*m_t.http, m_org);
        const auto sold = sell(sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")});
        QCOMPARE(sold.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        const auto booking = sold.value(QStringLiteral("booking_id")).toString();
        const auto tickets = sold.value(QStringLiteral("tickets")).toArray();
        QCOMPARE(tickets.size(), 2);
        const auto given = tickets[0].toObject();
        const auto kept = tickets[1].toObject();
        QCOMPARE(given.value(QStringLiteral("holder"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
                 QStringLiteral("ada@example.com"));

        const auto moved = transfer(m_box, booking, QStringLiteral(" Zoe@Example.com "),
                                    {given.value(QStringLiteral("ticket_id")).toString()});
        QCOMPARE(moved.status, 200);
        QString fresh;
        for (const auto& t : moved.json().value(QStringLiteral("tickets")).toArray()) {
            const auto o = t.toObject();
            if (o.value(QStringLiteral("ticket_id")) == given.value(QStringLiteral("ticket_id"))) {
                QCOMPARE(o.value(QStringLiteral("status")).toString(),
                         QStringLiteral("transferred"));
            } else if (o.value(QStringLiteral("ticket_id")) !=
                       kept.value(QStringLiteral("ticket_id"))) {
                fresh = o.value(QStringLiteral("ticket_id")).toString();
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
                QCOMPARE(o.value(QStringLiteral("seat")).toString(), QStringLiteral("MAIN-A-1"));
                QCOMPARE(o.value(QStringLiteral("holder"))
                             .toObject()
                             .value(QStringLiteral("email"))
                             .toString(),
                         QStringLiteral("Zoe@Example.com"));
                QCOMPARE(o.value(QStringLiteral("qr_code")).toString(),
                         QString()); // not the giver's
            }
        }
        QVERIFY(!fresh.isEmpty());
        QCOMPARE(moved.json().value(QStringLiteral("total")), sold.value(QStringLiteral("total")));

        // The gate: the old code is revoked; the kept one still admits.
        QCOMPARE(scan(sale.event, given.value(QStringLiteral("qr_code")).toString()),
                 QStringLiteral("revoked"));
        // The scanners' bundle lists it as revoked, and the new ticket.
        const auto bundle = m_t.http->send(
            "GET", QStringLiteral("/api/v1/events/%1/checkin/bundle").arg(sale.event), {},
            bearer(m_box));
        QCOMPARE(bundle.status, 200);
        QVERIFY(bundle.json()
                    .value(QStringLiteral("revoked"))
                    .toArray()
                    .contains(given.value(QStringLiteral("ticket_id"))));
        bool listed = false;
        for (const auto& t : bundle.json().value(QStringLiteral("tickets")).toArray())
            listed = listed || t.toObject().value(QStringLiteral("ticket_id")).toString() == fresh;
        QVERIFY(listed);

        // Zoe had no account: one was made without a password, and the mail has her link.
        QCOMPARE(
            login(QStringLiteral("zoe@example.com"), QStringLiteral("anything at all 1")).status,
            401);
        const auto mails = mailFor(QStringLiteral("Zoe@Example.com"));
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0].first, QStringLiteral("tickets_received"));
        QCOMPARE(mails[0].second.value(QStringLiteral("ticket_ids")).toArray(), QJsonArray{fresh});
        const auto token = mails[0].second.value(QStringLiteral("password_token")).toString();
        QVERIFY(!token.isEmpty());
        const auto reset = [&](const QString& password) {
            return m_t.http->send(
                "POST", QStringLiteral("/api/v1/auth/password/reset"),
                json({{QStringLiteral("token"), token}, {QStringLiteral("password"), password}}));
        };
        QCOMPARE(reset(QStringLiteral("zoe's new password 1")).status, 204);
        QCOMPARE(reset(QStringLiteral("another password 2")).status, 400); // once
        const auto signedIn =
            login(QStringLiteral("zoe@example.com"), QStringLiteral("zoe's new password 1"));
        QCOMPARE(signedIn.status, 200);
        const auto zoe = signedIn.json().value(QStringLiteral("access_token")).toString();
        const auto mine =
            m_t.http->send("GET", QStringLiteral("/api/v1/tickets/") + fresh, {}, bearer(zoe));
        QCOMPARE(mine.status, 200);
        const auto code = mine.json().value(QStringLiteral("qr_code")).toString();
        QVERIFY(code.startsWith(QStringLiteral("TK1.")));
        QCOMPARE(m_t.http
                     ->send("GET", QStringLiteral("/api/v1/tickets/%1/qr.png").arg(fresh), {},
                            bearer(zoe))
                     .status,
                 200);
        // Ada's (the giver's side) view of it has no code.
        QCOMPARE(scan(sale.event, code), QStringLiteral("admitted"));
        QCOMPARE(scan(sale.event, kept.value(QStringLiteral("qr_code")).toString()),
                 QStringLiteral("admitted"));
        // Given away once: the old ticket cannot go again.
        QCOMPARE(reasonOf(transfer(m_box, booking, QStringLiteral("bob@example.com"),
                                   {given.value(QStringLiteral("ticket_id")).toString()})),
                 QStringLiteral("transfer_not_allowed/transferred"));
        // Used at the gate: neither can the new one.
        QCOMPARE(reasonOf(transfer(m_box, booking, QStringLiteral("bob@example.com"), {fresh})),
                 QStringLiteral("transfer_not_allowed/used"));
    }

    // The rules: an event that forbids transfers, one whose transfers closed, a ticket not of
    // the booking, someone else's booking, and a bad e-mail.
    void theRulesRefuseWhatTheyMust()
    {
        const auto closed = openSale(*m_t.http, m_org, 2, 5, 20, 20, {}, QStringLiteral("40.00"),
                                     {{QStringLiteral("transfers_allowed"), false}});
        const auto a = sell(closed, {QStringLiteral("MAIN-A-1")});
        QCOMPARE(reasonOf(transfer(m_box, a.value(QStringLiteral("booking_id")).toString(),
                                   QStringLiteral("bob@example.com"))),
                 QStringLiteral("transfer_not_allowed/not_allowed"));

        const auto late =
            openSale(*m_t.http, m_org, 2, 5, 20, 20, {}, QStringLiteral("40.00"),
                     {{QStringLiteral("transfer_until"), QStringLiteral("2020-01-01T00:00:00Z")}});
        const auto b = sell(late, {QStringLiteral("MAIN-A-1")});
        QCOMPARE(reasonOf(transfer(m_box, b.value(QStringLiteral("booking_id")).toString(),
                                   QStringLiteral("bob@example.com"))),
                 QStringLiteral("transfer_not_allowed/too_late"));

        const auto open = openSale(*m_t.http, m_org);
        const auto c = sell(open, {QStringLiteral("MAIN-A-1")});
        const auto booking = c.value(QStringLiteral("booking_id")).toString();
        const auto strange = transfer(m_box, booking, QStringLiteral("bob@example.com"),
                                      {QUuid::createUuid().toString(QUuid::WithoutBraces)});
        QCOMPARE(strange.status, 400);
        QCOMPARE(transfer(m_box, booking, QStringLiteral("not an e-mail")).status, 400);
        // An attendee who is not its owner: no such booking.
        const auto eve = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("eve@example.com"));
        QCOMPARE(transfer(eve, booking, QStringLiteral("eve@example.com")).status, 404);
        // Nothing changed hands.
        QCOMPARE(scan(open.event, c.value(QStringLiteral("tickets"))
                                      .toArray()[0]
                                      .toObject()
                                      .value(QStringLiteral("qr_code"))
                                      .toString()),
                 QStringLiteral("admitted"));
    }

    // Each cause writes its message to the outbox in its own transaction, once however often
    // it is told: a sale confirmed, a booking refunded, an event cancelled; a walk-in without
    // an e-mail gets none.
    void eachCauseWritesItsMailOnce()
    {
        const auto sale = openSale(*m_t.http, m_org);
        const auto sold = sell(sale, {QStringLiteral("MAIN-A-1")});
        const auto booking = sold.value(QStringLiteral("booking_id")).toString();
        auto kinds = [&](const QString& email) {
            QStringList out;
            for (const auto& [kind, payload] : mailFor(email))
                out << kind;
            return out;
        };
        QCOMPARE(kinds(QStringLiteral("ada@example.com")),
                 QStringList{QStringLiteral("booking_confirmed")});
        QCOMPARE(mailFor(QStringLiteral("ada@example.com"))[0]
                     .second.value(QStringLiteral("booking_id"))
                     .toString(),
                 booking);
        for (int i = 0; i < 2; ++i) // a cancellation retried: one refund, one message
            QCOMPARE(m_t.http
                         ->send("DELETE", QStringLiteral("/api/v1/bookings/") + booking, {},
                                bearer(m_box))
                         .status,
                     200);
        QCOMPARE(
            kinds(QStringLiteral("ada@example.com")),
            (QStringList{QStringLiteral("booking_confirmed"), QStringLiteral("booking_refunded")}));

        sell(sale, {QStringLiteral("MAIN-A-2")}, {}); // a walk-in
        sell(sale, {QStringLiteral("MAIN-A-3")}, QStringLiteral("bob@example.com"));
        {
            pqxx::connection c(m_t.db->url());
            pqxx::read_transaction tx(c);
            QCOMPARE(tx.exec1("SELECT count(*) FROM notifications")[0].as<int>(), 3);
        }
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/events/%1").arg(sale.event), {},
                            bearer(m_org))
                     .status,
                 200);
        QTRY_COMPARE(
            kinds(QStringLiteral("bob@example.com")),
            (QStringList{QStringLiteral("booking_confirmed"), QStringLiteral("event_cancelled")}));
    }

    // POST /auth/password/forgot answers 202 whether or not the account exists, and only an
    // existing account gets a link; the link sets the password once, within its hour, and
    // revokes every login of the account.
    void aPasswordLinkWorksOnce()
    {
        const auto ann = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ann@example.com"));
        const auto first =
            login(QStringLiteral("ann@example.com"), QStringLiteral("test password 1"));
        QCOMPARE(first.status, 200);
        const auto refresh = first.json().value(QStringLiteral("refresh_token")).toString();
        auto forgot = [&](const QString& email) {
            return m_t.http->send("POST", QStringLiteral("/api/v1/auth/password/forgot"),
                                  json({{QStringLiteral("email"), email}}));
        };
        QCOMPARE(forgot(QStringLiteral("ANN@example.com")).status, 202);
        QCOMPARE(forgot(QStringLiteral("nobody@example.com")).status, 202);
        QCOMPARE(mailFor(QStringLiteral("nobody@example.com")).size(), 0);
        const auto mails = mailFor(QStringLiteral("ann@example.com"));
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0].first, QStringLiteral("password_reset"));
        const auto token = mails[0].second.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 40);

        auto reset = [&](const QString& t, const QString& password) {
            return m_t.http->send(
                "POST", QStringLiteral("/api/v1/auth/password/reset"),
                json({{QStringLiteral("token"), t}, {QStringLiteral("password"), password}}));
        };
        const auto wrong = reset(QStringLiteral("not-a-token"), QStringLiteral("a new password 1"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_reset_token"));
        QCOMPARE(reset(token, QStringLiteral("short")).status, 400); // the password's rules
        QCOMPARE(reset(token, QStringLiteral("a new password 1")).status, 204);
        QCOMPARE(reset(token, QStringLiteral("a newer password 2")).status, 400);
        // Every login of the account was revoked; the new password signs in, the old does not.
        QCOMPARE(m_t.http
                     ->send("POST", QStringLiteral("/api/v1/auth/refresh"),
                            json({{QStringLiteral("refresh_token"), refresh}}))
                     .status,
                 401);
        QCOMPARE(m_t.http->send("GET", QStringLiteral("/api/v1/users/me"), {}, bearer(ann)).status,
                 401);
        QCOMPARE(login(QStringLiteral("ann@example.com"), QStringLiteral("test password 1")).status,
                 401);
        QCOMPARE(
            login(QStringLiteral("ann@example.com"), QStringLiteral("a new password 1")).status,
            200);

        // A link past its hour is refused.
        QCOMPARE(forgot(QStringLiteral("ann@example.com")).status, 202);
        const auto later = mailFor(QStringLiteral("ann@example.com"));
        QCOMPARE(later.size(), 2);
        const auto stale = later[1].second.value(QStringLiteral("token")).toString();
        {
            pqxx::connection c(m_t.db->url());
            pqxx::work tx(c);
            tx.exec("UPDATE password_resets SET expires_at = now() - interval '1 second' "
                    "WHERE used_at IS NULL");
            tx.commit();
        }
        QCOMPARE(reset(stale, QStringLiteral("a third password 3")).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestTransfers)
#include "TestTransfers.moc"
