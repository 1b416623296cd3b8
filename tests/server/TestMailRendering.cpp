// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QtTest>
// The rest.
#include "mail/BookingPdf.h"
#include "mail/Mime.h"
#include "mail/Templates.h"

#include <boost/json/object.hpp>

using namespace ticketing;

// How ticketd's mail reads (mail::render, mail::compose, mail::bookingPdf) without a server:
// each kind in English and German, links from the public URL, headers that survive 7-bit
// transport, nothing of a value able to break the HTML.
class TestMailRendering : public QObject
{
    Q_OBJECT

    static mail::Facts facts()
    {
        mail::Facts f;
        f.eventTitle = "Über <b>alles</b> & mehr";
        f.eventStart = "2031-01-01 20:00 UTC";
        f.city = "Köln";
        f.bookingId = "019b0c40-3333-7aaa-8bbb-000000000001";
        f.total = "80.00 EUR";
        f.refunded = "80.00 EUR";
        f.tickets = {{"MAIN-A-1", "Stalls", "qr-1", "t1"}, {"Standing", "Floor", "", "t2"}};
        return f;
    }

private Q_SLOTS:
    void everyKindInBothLanguages()
    {
        using K = domain::NotificationKind;
        const boost::json::object payload{
            {"token", "tok"},    {"password_token", "pw"}, {"booking_id", "b1"},
            {"amount", "80.00"}, {"currency", "EUR"},      {"expires_at", "2031-01-01T12:00:00Z"}};
        for (const auto kind :
             {K::BookingConfirmed, K::BookingCancelled, K::BookingRefunded, K::PaymentFailed,
              K::WaitlistOffer, K::EventCancelled, K::Reminder24h, K::Reminder2h, K::PasswordReset,
              K::TicketsReceived}) {
            const auto en = mail::render(kind, "en", payload, facts(), "https://t.example/");
            const auto de = mail::render(kind, "de", payload, facts(), "https://t.example/");
            const auto name = std::string(domain::toString(kind));
            QVERIFY2(!en.subject.empty() && !en.text.empty() && !en.html.empty(), name.c_str());
            QVERIFY2(en.subject != de.subject, name.c_str());
            QVERIFY2(en.text.find("sent automatically") != std::string::npos, name.c_str());
            QVERIFY2(de.text.find("automatisch gesendet") != std::string::npos, name.c_str());
            // The title is escaped in the HTML, never markup.
            QVERIFY2(en.html.find("<b>alles</b>") == std::string::npos, name.c_str());
            QVERIFY2(en.html.find("&lt;b&gt;alles&lt;/b&gt; &amp; mehr") != std::string::npos,
                     name.c_str());
        }
        const auto reset =
            mail::render(K::PasswordReset, "de", payload, facts(), "https://t.example/");
        QCOMPARE(reset.subject, std::string("Ihr Passwort"));
        QVERIFY(reset.text.find("https://t.example/reset-password?token=tok") != std::string::npos);
        const auto confirmed =
            mail::render(K::BookingConfirmed, "en", payload, facts(), "https://t.example");
        QVERIFY(confirmed.html.find("cid:qr-1") != std::string::npos);
        QVERIFY(confirmed.text.find("MAIN-A-1 (Stalls)") != std::string::npos);
        QVERIFY(confirmed.text.find("https://t.example/bookings/" + facts().bookingId) !=
                std::string::npos);
        // An unknown language is English.
        QCOMPARE(mail::render(K::Reminder2h, "fr", payload, facts(), "x").subject,
                 mail::render(K::Reminder2h, "en", payload, facts(), "x").subject);
    }

    void theMessageSurvives7BitTransport()
    {
        mail::Message m;
        m.from = "Kasse Köln <kasse@t.example>";
        m.to = "ada@example.com";
        m.subject = "Ihre Tickets: Über alles\r\nBcc: evil@example.com";
        m.messageId = "<abc@t.example>";
        m.date = domain::Clock::TimePoint(std::chrono::seconds(1796160000));
        m.text = "Grüße";
        m.html = "<p>Grüße</p>";
        m.inlines = {{"image/png", std::string("\x89PNG\r\n\x1a\n", 8), "qr-1", {}}};
        m.attachments = {{"application/pdf", "%PDF-1.5", {}, "booking.pdf"}};
        const auto text = mail::compose(m);
        for (unsigned char c : text)
            QVERIFY(c < 0x80);
        QVERIFY(text.find("Bcc:") == std::string::npos); // no header smuggled in
        QVERIFY(text.find("Subject: =?UTF-8?B?") != std::string::npos);
        QVERIFY(text.find("Message-ID: <abc@t.example>\r\n") != std::string::npos);
        QVERIFY(text.find("Content-ID: <qr-1>") != std::string::npos);
        QVERIFY(text.find("filename=\"booking.pdf\"") != std::string::npos);
        // Every line ends in CRLF, none is longer than 998 characters.
        std::size_t at = 0;
        while (at < text.size()) {
            const auto end = text.find("\r\n", at);
            QVERIFY(end != std::string::npos);
            QVERIFY(end - at <= 998);
            QVERIFY(text.substr(at, end - at).find('\n') == std::string::npos);
            at = end + 2;
        }
        QCOMPARE(mail::rfc5322Date(domain::Clock::TimePoint(std::chrono::seconds(0))),
                 std::string("Thu, 01 Jan 1970 00:00:00 +0000"));
    }

    void theBookingPdf()
    {
        mail::PdfBooking b;
        b.eventTitle = "Gig";
        b.when = "2031-01-01 20:00 UTC, Leeds";
        b.bookingId = "b1";
        b.total = "80.00 GBP";
        b.tickets = {{"MAIN-A-1", "Stalls", "t1", {}}, {"Standing", "Floor", "t2", {}}};
        const auto pdf = mail::bookingPdf(b);
        QVERIFY(pdf.rfind("%PDF-", 0) == 0);
        QVERIFY(pdf.find("/Count 2") != std::string::npos); // a page per ticket
    }
};

QTEST_GUILESS_MAIN(TestMailRendering)
#include "TestMailRendering.moc"
