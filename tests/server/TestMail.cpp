// ZXing 1.4 gives the text as UTF-8 with this (as apps/gatescanner/FrameDecoder.cpp does).
#define ZX_USE_UTF8 1
#include "support/Accounts.h"
#include "support/HttpClient.h"
#include "support/Sales.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"
#include "support/TicketdUnderTest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QThread>
#include <QUuid>
#include <QtTest>
#include <ZXing/ReadBarcode.h>
#include <pqxx/pqxx>

using namespace ticketing::test;

namespace {
// The parts of a message of ours: their headers and decoded bytes (every part is base64).
struct MailPart
{
    QByteArray headers;
    QByteArray data;
};
QList<MailPart> partsOf(const QByteArray& message)
{
    QList<MailPart> out;
    qsizetype at = 0;
    while ((at = message.indexOf("Content-Transfer-Encoding: base64", at)) >= 0) {
        const auto headerStart = message.lastIndexOf("\r\n--", at);
        const auto bodyStart = message.indexOf("\r\n\r\n", at) + 4;
        const auto bodyEnd = message.indexOf("\r\n--", bodyStart);
        out.append({message.mid(headerStart, bodyStart - headerStart),
                    QByteArray::fromBase64(message.mid(bodyStart, bodyEnd - bodyStart))});
        at = bodyEnd;
    }
    return out;
}

QByteArray headerOf(const QByteArray& message, const QByteArray& name)
{
    for (const auto& line : message.left(message.indexOf("\r\n\r\n")).split('\n'))
        if (line.startsWith(name + ": "))
            return line.mid(name.size() + 2).trimmed();
    return {};
}

// What the QR code in a PNG says (ZXing, as the gate scanner reads one).
QString qrText(const QByteArray& png)
{
    const auto image = QImage::fromData(png).convertToFormat(QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(),
                                ZXing::ImageFormat::Lum, static_cast<int>(image.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto result = ZXing::ReadBarcode(view, hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}
// A process stopped (SIGTERM, then SIGKILL) and waited for when it goes out of scope.
struct StopProcess
{
    void operator()(QProcess* p) const
    {
        p->terminate();
        if (!p->waitForFinished(3000)) {
            p->kill();
            p->waitForFinished(3000);
        }
        delete p;
    }
};
using Running = std::unique_ptr<QProcess, StopProcess>;

} // namespace

// API.md "Notifications" against a real ticketd: the outbox delivered as .eml files by default,
// and through a real SMTP server (aiosmtpd on loopback) once, even when that server was down
// for a while; the confirmation's QR codes decode to the tickets' credentials.
class TestMail : public QObject
{
    Q_OBJECT

    TicketdUnderTest m_t;
    QString m_org;
    QString m_box;

    // Seats sold for cash at the box office to ada@example.com: the confirmed booking.
    QJsonObject sellTo(const Sale& sale, const QStringList& labels)
    {
        return sellToCustomer(*m_t.http, m_box, sale, labels);
    }

    bool startSuite(const QStringList& env)
    {
        if (!m_t.start(QStringList{QStringLiteral("TICKETING_PUBLIC_URL=https://tickets.example")} +
                       env))
            return false;
        m_org = m_t.signUp(QStringLiteral("organizer"), QStringLiteral("org@example.com"));
        m_box = m_t.signUp(QStringLiteral("box_office"), QStringLiteral("box@example.com"));
        return !openShift(*m_t.http, m_box).isEmpty();
    }

    QString status(const QString& kind)
    {
        pqxx::connection c(m_t.db->url());
        pqxx::read_transaction tx(c);
        const auto r =
            tx.exec_params("SELECT status FROM notifications WHERE kind = $1", kind.toStdString());
        return r.empty() ? QString() : QString::fromStdString(r[0][0].as<std::string>());
    }

    // Every kind of message, each caused once, arrives at the SMTP server once: confirmed,
    // refunded, cancelled without a refund, payment failed, event cancelled, password link,
    // tickets received, waitlist offer, and both reminders. With `down`, the SMTP server is
    // away while all of it happens and comes up afterwards.
    void everyKindOnce(bool down)
    {
        const auto port = freePort();
        QTemporaryDir maildir;
        Running server;
        if (!down) {
            server = sink(port, maildir.path());
            QVERIFY(server);
        }
        const QStringList env{
            QStringLiteral("TICKETING_SMTP_URL=smtp://127.0.0.1:%1").arg(port),
            QStringLiteral("TICKETING_HOLD_TTL_SECONDS=2"),
            QStringLiteral("TICKETING_WAITLIST_OFFER_SECONDS=30"),
            // A card provider that is not there: the card payment fails.
            QStringLiteral("TICKETING_PAYMENTS_URL=http://127.0.0.1:%1").arg(freePort())};
        QVERIFY(startSuite(env));
        auto json = [](const QJsonObject& o) {
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        const auto now = QDateTime::currentDateTimeUtc();
        // booking_confirmed, then booking_refunded (ada).
        const auto sale = openSale(*m_t.http, m_org);
        const auto sold = sellTo(sale, {QStringLiteral("MAIN-A-1")});
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                sold.value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_box))
                     .status,
                 200);
        // booking_cancelled: nothing to refund under this event's policy (ada again).
        const auto strict = openSale(
            *m_t.http, m_org, 2, 5, 20, 20, {}, QStringLiteral("40.00"),
            {{QStringLiteral("refund_policy"),
              QJsonObject{{QStringLiteral("rules"),
                           QJsonArray{QJsonObject{{QStringLiteral("hours_before_start"), 0},
                                                  {QStringLiteral("refund_percent"), 0}}}}}}});
        const auto kept = sellTo(strict, {QStringLiteral("MAIN-A-1")});
        QCOMPARE(m_t.http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/bookings/") +
                                kept.value(QStringLiteral("booking_id")).toString(),
                            {}, bearer(m_box))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("cancelled"));
        // payment_failed (fay, online, by card: the provider is away).
        const auto fay = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("fay@example.com"));
        auto fayKeyed = bearer(fay);
        fayKeyed.append({"Idempotency-Key", QByteArray("fay-hold")});
        const auto fayHold =
            m_t.http->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                           json({{QStringLiteral("event_id"), sale.event},
                                 {QStringLiteral("seat_ids"),
                                  QJsonArray{sale.seatByLabel.value(QStringLiteral("MAIN-B-1"))}}}),
                           fayKeyed);
        QCOMPARE(fayHold.status, 201);
        fayKeyed.last().second = "fay-intent";
        QCOMPARE(m_t.http
                     ->send("POST", QStringLiteral("/api/v1/payments/intent"),
                            json({{QStringLiteral("booking_id"),
                                   fayHold.json().value(QStringLiteral("booking_id"))},
                                  {QStringLiteral("method"), QStringLiteral("card")}}),
                            fayKeyed)
                     .status,
                 502);
        // event_cancelled (ada's booking of a third event).
        const auto doomed = openSale(*m_t.http, m_org);
        sellTo(doomed, {QStringLiteral("MAIN-A-1")});
        QCOMPARE(m_t.http
                     ->send("DELETE", QStringLiteral("/api/v1/events/") + doomed.event, {},
                            bearer(m_org))
                     .status,
                 200);
        // password_reset (gus).
        m_t.signUp(QStringLiteral("attendee"), QStringLiteral("gus@example.com"));
        QCOMPARE(m_t.http
                     ->send("POST", QStringLiteral("/api/v1/auth/password/forgot"),
                            json({{QStringLiteral("email"), QStringLiteral("gus@example.com")}}))
                     .status,
                 202);
        // tickets_received (hal, from a booking sold to ada).
        const auto given = sellTo(sale, {QStringLiteral("MAIN-A-5")});
        QCOMPARE(m_t.http
                     ->send("POST",
                            QStringLiteral("/api/v1/bookings/%1/transfer")
                                .arg(given.value(QStringLiteral("booking_id")).toString()),
                            json({{QStringLiteral("email"), QStringLiteral("hal@example.com")}}),
                            bearer(m_box))
                     .status,
                 200);
        // waitlist_offer (ivy): a sold-out standing tier whose hold runs out.
        const auto small = openSale(*m_t.http, m_org, 1, 1, 1, 1);
        const auto ivy = m_t.signUp(QStringLiteral("attendee"), QStringLiteral("ivy@example.com"));
        auto boxKeyed = bearer(m_box);
        boxKeyed.append({"Idempotency-Key", QByteArray("small-hold")});
        QCOMPARE(m_t.http
                     ->send("POST", QStringLiteral("/api/v1/bookings/hold"),
                            json({{QStringLiteral("event_id"), small.event},
                                  {QStringLiteral("ticket_tier_id"), small.standingTier},
                                  {QStringLiteral("quantity"), 1}}),
                            boxKeyed)
                     .status,
                 201);
        QCOMPARE(m_t.http
                     ->send("POST", QStringLiteral("/api/v1/events/%1/waitlist").arg(small.event),
                            json({{QStringLiteral("ticket_tier_id"), small.standingTier},
                                  {QStringLiteral("quantity"), 1}}),
                            bearer(ivy))
                     .status,
                 201);
        // reminder_24h and reminder_2h (jon's bookings of events tomorrow and within the hour),
        // looked for when the sender starts: ticketd starts again.
        const auto tomorrow = openSale(*m_t.http, m_org, 1, 2, 1, 1, now.addSecs(20 * 3600));
        const auto soon = openSale(*m_t.http, m_org, 1, 2, 1, 1, now.addSecs(3600));
        sellTo(tomorrow, {QStringLiteral("MAIN-A-1")});
        sellTo(soon, {QStringLiteral("MAIN-A-1")});
        QVERIFY(m_t.restart(m_t.env.mid(0)));
        if (down) {
            // Everything waits, tried and refused...
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    pqxx::connection c(m_t.db->url());
                    pqxx::read_transaction tx(c);
                    return tx.exec1("SELECT count(*) FROM notifications WHERE attempts = 0 OR "
                                    "status <> 'pending'")[0]
                               .as<int>() == 0;
                }(),
                10000);
            // ... until the server is back.
            server = sink(port, maildir.path());
            QVERIFY(server);
        }

        const QMap<QString, QString> expected{
            {QStringLiteral("Your tickets: Gig"), QStringLiteral("ada@example.com")},
            {QStringLiteral("Refund: Gig"), QStringLiteral("ada@example.com")},
            {QStringLiteral("Booking cancelled: Gig"), QStringLiteral("ada@example.com")},
            {QStringLiteral("Payment failed: Gig"), QStringLiteral("fay@example.com")},
            {QStringLiteral("Cancelled: Gig"), QStringLiteral("ada@example.com")},
            {QStringLiteral("Your password"), QStringLiteral("gus@example.com")},
            {QStringLiteral("Tickets for you: Gig"), QStringLiteral("hal@example.com")},
            {QStringLiteral("Places for you: Gig"), QStringLiteral("ivy@example.com")},
            {QStringLiteral("Tomorrow: Gig"), QStringLiteral("ada@example.com")},
            {QStringLiteral("Soon: Gig"), QStringLiteral("ada@example.com")},
        };
        QDir box(maildir.path());
        auto arrived = [&] {
            QMap<QString, int> bySubject;
            for (const auto& name : box.entryList({QStringLiteral("*.eml")})) {
                QFile f(box.filePath(name));
                if (f.open(QIODevice::ReadOnly)) {
                    const auto m = f.readAll();
                    bySubject[QString::fromUtf8(headerOf(m, "Subject")) + QLatin1Char('|') +
                              QString::fromUtf8(headerOf(m, "To"))] += 1;
                }
            }
            return bySubject;
        };
        // Each expected one is there (the confirmations of the other sales too).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto got = arrived();
                for (auto it = expected.begin(); it != expected.end(); ++it)
                    if (!got.contains(it.key() + QLatin1Char('|') + it.value()))
                        return false;
                return true;
            }(),
            // Down: the first messages' next try is the third back-off step (30 x 1 s).
            90000);
        QTest::qWait(2500); // more rounds of the sender: nothing arrives twice
        // One of each; the six sales to ada each confirmed once.
        const auto got = arrived();
        for (auto it = got.begin(); it != got.end(); ++it)
            QVERIFY2(it.value() ==
                         (it.key() == QStringLiteral("Your tickets: Gig|ada@example.com") ? 6 : 1),
                     qPrintable(it.key() + QStringLiteral(": ") + QString::number(it.value())));
        pqxx::connection c(m_t.db->url());
        pqxx::read_transaction tx(c);
        QCOMPARE(tx.exec1("SELECT count(*) FROM notifications WHERE status <> 'sent'")[0].as<int>(),
                 0);
    }

private Q_SLOTS:
    void cleanup() { m_t.finish(); }

    // No SMTP server configured: each message is an .eml file under <data>/mail, a whole MIME
    // message with text, HTML and each ticket's QR code inline.
    void withoutSmtpMailIsKeptAsFiles()
    {
        QVERIFY(startSuite({}));
        const auto sale = openSale(*m_t.http, m_org);
        const auto sold = sellTo(sale, {QStringLiteral("MAIN-A-1"), QStringLiteral("MAIN-A-2")});
        QCOMPARE(sold.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
        QDir mail(m_t.dataDir->path() + QStringLiteral("/mail"));
        QTRY_COMPARE_WITH_TIMEOUT(mail.entryList({QStringLiteral("*.eml")}).size(), 1, 10000);
        QCOMPARE(status(QStringLiteral("booking_confirmed")), QStringLiteral("sent"));
        QFile file(mail.filePath(mail.entryList({QStringLiteral("*.eml")}).first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto message = file.readAll();
        QCOMPARE(headerOf(message, "To"), QByteArray("ada@example.com"));
        QCOMPARE(headerOf(message, "Subject"), QByteArray("Your tickets: Gig"));
        QVERIFY(headerOf(message, "Message-ID").endsWith("@ticketing.local>"));
        QVERIFY(!message.contains("\n\n") || message.contains("\r\n")); // CRLF throughout
        const auto parts = partsOf(message);
        QStringList codes;
        bool html = false;
        for (const auto& p : parts) {
            if (p.headers.contains("text/html")) {
                html = true;
                QVERIFY(p.data.contains("https://tickets.example/bookings/"));
                QVERIFY(p.data.contains("cid:qr-"));
            }
            if (p.headers.contains("image/png"))
                codes << qrText(p.data);
        }
        QVERIFY(html);
        // The booking as a PDF: a page per ticket, with its place.
        QByteArray pdf;
        for (const auto& p : parts)
            if (p.headers.contains("application/pdf")) {
                pdf = p.data;
                QVERIFY(p.headers.contains("filename=\"booking-"));
            }
        QVERIFY(pdf.startsWith("%PDF-"));
        QTemporaryDir scratch;
        QFile pdfFile(scratch.filePath(QStringLiteral("booking.pdf")));
        QVERIFY(pdfFile.open(QIODevice::WriteOnly));
        pdfFile.write(pdf);
        pdfFile.close();
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {pdfFile.fileName(), QStringLiteral("-")});
        QVERIFY2(pdftotext.waitForFinished(10000), "pdftotext (poppler-utils) did not run");
        const auto pdfText = pdftotext.readAllStandardOutput();
        QVERIFY2(pdfText.contains("Gig") && pdfText.contains("MAIN-A-1") &&
                     pdfText.contains("MAIN-A-2"),
                 pdfText.constData());
        QCOMPARE(pdfText.count("\f"), 2); // two pages
        if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR"); !dir.isEmpty())
            QProcess::execute(QStringLiteral("pdftoppm"),
                              {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                               QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                               QStringLiteral("1"), QStringLiteral("-singlefile"),
                               pdfFile.fileName(), dir + QStringLiteral("/mail-booking-pdf")});
        // Each QR code decodes to its ticket's credential.
        QStringList credentials;
        for (const auto& t : sold.value(QStringLiteral("tickets")).toArray())
            credentials << t.toObject().value(QStringLiteral("qr_code")).toString();
        codes.sort();
        credentials.sort();
        QCOMPARE(codes, credentials);
        // The HTML as a mail reader shows it, its images from their Content-IDs (kept as a
        // picture with TICKETING_SCREENSHOT_DIR).
        for (const auto& p : parts) {
            if (!p.headers.contains("text/html"))
                continue;
            QTextDocument doc;
            for (const auto& img : parts)
                if (img.headers.contains("image/png")) {
                    auto cid = img.headers.mid(img.headers.indexOf("Content-ID: <") + 13);
                    cid = cid.left(cid.indexOf('>'));
                    doc.addResource(QTextDocument::ImageResource,
                                    QUrl(QStringLiteral("cid:") + QString::fromLatin1(cid)),
                                    QImage::fromData(img.data));
                }
            doc.setHtml(QString::fromUtf8(p.data));
            doc.setTextWidth(640);
            QImage shot(QSize(680, static_cast<int>(doc.size().height()) + 40),
                        QImage::Format_RGB32);
            shot.fill(Qt::white);
            {
                QPainter painter(&shot);
                painter.translate(20, 20);
                doc.drawContents(&painter);
            }
            QVERIFY(!doc.toPlainText().isEmpty());
            if (const auto dir = qEnvironmentVariable("TICKETING_SCREENSHOT_DIR"); !dir.isEmpty())
                shot.save(dir + QStringLiteral("/mail-confirmation.png"));
        }
    }

    // An SMTP sink (scripts/smtp-sink) on `port`, keeping what it takes in `maildir`.
    Running sink(quint16 port, const QString& maildir, const QStringList& more = {})
    {
        Running p(new QProcess);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral("/usr/bin/python3"),
                 QStringList{dataPath(QStringLiteral("../../scripts/smtp-sink")),
                             QStringLiteral("--port"), QString::number(port),
                             QStringLiteral("--maildir"), maildir} +
                     more);
        if (!p->waitForStarted(5000) || !p->waitForReadyRead(10000))
            return nullptr;
        return p;
    }

    // Through a real SMTP server that is down when the sale is made: the message waits and is
    // tried again, arrives once when the server is up, and is recorded as sent.
    void throughSmtpOnceEvenWhenTheServerWasDown()
    {
        const auto port = freePort();
        QVERIFY(
            startSuite({QStringLiteral("TICKETING_SMTP_URL=smtp://127.0.0.1:%1").arg(port),
                        QStringLiteral("TICKETING_MAIL_RETRY_SECONDS=1"),
                        QStringLiteral("TICKETING_MAIL_FROM=Box Office <box@tickets.example>")}));
        const auto sale = openSale(*m_t.http, m_org);
        sellTo(sale, {QStringLiteral("MAIN-B-1")});
        // Refused: still pending, with why.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                pqxx::connection c(m_t.db->url());
                pqxx::read_transaction tx(c);
                const auto r = tx.exec("SELECT attempts, last_error FROM notifications");
                return !r.empty() && r[0][0].as<int>() >= 1 && !r[0][1].is_null();
            }(),
            10000);
        QCOMPARE(status(QStringLiteral("booking_confirmed")), QStringLiteral("pending"));

        // The SMTP server comes up (aiosmtpd, keeping what arrives in a Maildir).
        QTemporaryDir maildir;
        QProcess smtp;
        smtp.setProcessChannelMode(QProcess::MergedChannels);
        smtp.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                    QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(port),
                    QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
                    maildir.path() + QStringLiteral("/box")});
        QVERIFY2(smtp.waitForStarted(5000), "python3 -m aiosmtpd did not start");
        const auto stop = qScopeGuard([&] {
            smtp.terminate();
            if (!smtp.waitForFinished(3000))
                smtp.kill();
        });
        QDir box(maildir.path() + QStringLiteral("/box/new"));
        QTRY_COMPARE_WITH_TIMEOUT(box.entryList(QDir::Files).size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(QStringLiteral("booking_confirmed")),
                                  QStringLiteral("sent"), 5000);
        QTest::qWait(2500); // a few more rounds of the sender: nothing more arrives
        QCOMPARE(box.entryList(QDir::Files).size(), 1);
        QFile file(box.filePath(box.entryList(QDir::Files).first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto message = file.readAll();
        QVERIFY(message.contains("Subject: Your tickets: Gig"));
        QVERIFY(message.contains("From: Box Office <box@tickets.example>"));
    }

    // A message the SMTP server refuses for good is marked failed at once and listed for the
    // admins, with why; sent again when an admin asks, once the address works.
    void aFailedMessageIsListedAndSentAgain()
    {
        const auto port = freePort();
        QTemporaryDir maildir;
        auto refusing =
            sink(port, maildir.path(), {QStringLiteral("--refuse"), QStringLiteral("ada@")});
        QVERIFY(refusing);
        QVERIFY(startSuite({QStringLiteral("TICKETING_SMTP_URL=smtp://127.0.0.1:%1").arg(port)}));
        const auto admin = m_t.signUp(QStringLiteral("admin"), QStringLiteral("root@example.com"));
        const auto sale = openSale(*m_t.http, m_org);
        sellTo(sale, {QStringLiteral("MAIN-A-3")});
        QTRY_COMPARE_WITH_TIMEOUT(status(QStringLiteral("booking_confirmed")),
                                  QStringLiteral("failed"), 10000);
        auto list = [&](const QString& query) {
            return m_t.http->send("GET", QStringLiteral("/api/v1/admin/notifications") + query, {},
                                  bearer(admin));
        };
        const auto failed = list(QStringLiteral("?status=failed"));
        QCOMPARE(failed.status, 200);
        const auto items = failed.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const auto item = items[0].toObject();
        QCOMPARE(item.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("booking_confirmed"));
        QCOMPARE(item.value(QStringLiteral("email")).toString(), QStringLiteral("ada@example.com"));
        QVERIFY2(
            item.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("550")),
            qPrintable(item.value(QStringLiteral("last_error")).toString()));
        QCOMPARE(list(QStringLiteral("?status=sideways")).status, 400);
        QCOMPARE(
            m_t.http->send("GET", QStringLiteral("/api/v1/admin/notifications"), {}, bearer(m_org))
                .status,
            403);

        // The mailbox works now; the admin sends it again, once.
        refusing.reset();
        auto working = sink(port, maildir.path());
        QVERIFY(working);
        const auto id = item.value(QStringLiteral("notification_id")).toString();
        const auto retried =
            m_t.http->send("POST", QStringLiteral("/api/v1/admin/notifications/%1/retry").arg(id),
                           {}, bearer(admin));
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));
        QDir box(maildir.path());
        QTRY_COMPARE_WITH_TIMEOUT(box.entryList({QStringLiteral("*.eml")}).size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(QStringLiteral("booking_confirmed")),
                                  QStringLiteral("sent"), 5000);
        const auto again =
            m_t.http->send("POST", QStringLiteral("/api/v1/admin/notifications/%1/retry").arg(id),
                           {}, bearer(admin));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("notification_not_failed"));
        QCOMPARE(m_t.http
                     ->send("POST",
                            QStringLiteral("/api/v1/admin/notifications/%1/retry")
                                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                            {}, bearer(admin))
                     .status,
                 404);
    }

    // ticketd killed after the SMTP server took a message and before the delivery was recorded:
    // the message is sent again when its lease ends, and every copy carries one Message-ID.
    void killedBetweenTheSendAndItsRecordItArrivesAgainTheSame()
    {
        const auto port = freePort();
        QTemporaryDir maildir;
        auto slow =
            sink(port, maildir.path(), {QStringLiteral("--hold-first"), QStringLiteral("30")});
        QVERIFY(slow);
        const QStringList env{QStringLiteral("TICKETING_SMTP_URL=smtp://127.0.0.1:%1").arg(port),
                              QStringLiteral("TICKETING_MAIL_LEASE_SECONDS=2")};
        QVERIFY(startSuite(env));
        const auto sale = openSale(*m_t.http, m_org);
        sellTo(sale, {QStringLiteral("MAIN-A-4")});
        QDir box(maildir.path());
        // The server has the message and holds its answer: ticketd dies now.
        QTRY_COMPARE_WITH_TIMEOUT(box.entryList({QStringLiteral("*.eml")}).size(), 1, 10000);
        m_t.server->kill();
        QCOMPARE(status(QStringLiteral("booking_confirmed")), QStringLiteral("pending"));
        QVERIFY(m_t.restart(
            QStringList{QStringLiteral("TICKETING_PUBLIC_URL=https://tickets.example")} + env));
        QTRY_COMPARE_WITH_TIMEOUT(status(QStringLiteral("booking_confirmed")),
                                  QStringLiteral("sent"), 20000);
        const auto copies = box.entryList({QStringLiteral("*.eml")});
        QVERIFY2(copies.size() >= 2, qPrintable(QString::number(copies.size())));
        QSet<QByteArray> ids;
        for (const auto& name : copies) {
            QFile f(box.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            ids.insert(headerOf(f.readAll(), "Message-ID"));
        }
        QCOMPARE(ids.size(), 1);
        qInfo() << copies.size() << "copies, one Message-ID:" << *ids.begin();
    }

    // Reminders: a day before an event, and two hours before; a booking that is two hours away
    // already gets only the later one. Each once, to the buyer, with the tickets.
    void remindersComeADayAndTwoHoursBefore()
    {
        QVERIFY(startSuite({}));
        const auto now = QDateTime::currentDateTimeUtc();
        const auto tomorrow = openSale(*m_t.http, m_org, 2, 5, 20, 20, now.addSecs(20 * 3600));
        const auto soon = openSale(*m_t.http, m_org, 2, 5, 20, 20, now.addSecs(3600));
        const auto later = openSale(*m_t.http, m_org, 2, 5, 20, 20, now.addDays(3));
        sellTo(tomorrow, {QStringLiteral("MAIN-A-1")});
        sellTo(soon, {QStringLiteral("MAIN-A-1")});
        sellTo(later, {QStringLiteral("MAIN-A-1")});
        // The sender looks for due reminders when it starts, then once a minute.
        QVERIFY(m_t.restart(m_t.env.mid(0)));
        auto kinds = [&] {
            pqxx::connection c(m_t.db->url());
            pqxx::read_transaction tx(c);
            QStringList out;
            for (const auto& r : tx.exec("SELECT kind FROM notifications WHERE kind LIKE "
                                         "'reminder%' ORDER BY kind"))
                out << QString::fromStdString(r[0].as<std::string>());
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            kinds(), (QStringList{QStringLiteral("reminder_24h"), QStringLiteral("reminder_2h")}),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(QStringLiteral("reminder_2h")), QStringLiteral("sent"),
                                  10000);
        // Started again: nothing more.
        QVERIFY(m_t.restart(m_t.env.mid(0)));
        QTest::qWait(1500);
        QCOMPARE(kinds().size(), 2);
        QDir mail(m_t.dataDir->path() + QStringLiteral("/mail"));
        bool soonWithTickets = false;
        for (const auto& name : mail.entryList({QStringLiteral("*.eml")})) {
            QFile f(mail.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto m = f.readAll();
            if (headerOf(m, "Subject") == "Soon: Gig")
                for (const auto& p : partsOf(m))
                    soonWithTickets = soonWithTickets || p.headers.contains("image/png");
        }
        QVERIFY(soonWithTickets);
    }

    void everyKindArrivesOnceThroughSmtp() { everyKindOnce(false); }
    void everyKindArrivesOnceAfterTheSmtpServerWasDown() { everyKindOnce(true); }

    // At most five messages of one kind go to one person an hour: the sixth password link asked
    // for within the hour waits (pending, for later), the others are sent.
    void fiveAnHourPerPersonAndKind()
    {
        QVERIFY(startSuite({}));
        m_t.signUp(QStringLiteral("attendee"), QStringLiteral("kim@example.com"));
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(m_t.http
                         ->send("POST", QStringLiteral("/api/v1/auth/password/forgot"),
                                QJsonDocument(QJsonObject{{QStringLiteral("email"),
                                                           QStringLiteral("kim@example.com")}})
                                    .toJson(QJsonDocument::Compact))
                         .status,
                     202);
            QTest::qWait(300); // one at a time, as a person asks again
        }
        auto counts = [&] {
            pqxx::connection c(m_t.db->url());
            pqxx::read_transaction tx(c);
            const auto r = tx.exec("SELECT count(*) FILTER (WHERE status = 'sent'), count(*) "
                                   "FILTER (WHERE status = 'pending' AND next_attempt_at > now()) "
                                   "FROM notifications WHERE kind = 'password_reset'");
            return std::pair{r[0][0].as<int>(), r[0][1].as<int>()};
        };
        QTRY_COMPARE_WITH_TIMEOUT(counts(), std::pair(5, 1), 10000);
        QDir mail(m_t.dataDir->path() + QStringLiteral("/mail"));
        QCOMPARE(mail.entryList({QStringLiteral("*.eml")}).size(), 5);
    }
};

QTEST_MAIN(TestMail)
#include "TestMail.moc"
