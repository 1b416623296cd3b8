#include "mail/Templates.h"

#include "mail/Mime.h"

#include <boost/json/value.hpp>

namespace ticketing::mail {

namespace {
using domain::NotificationKind;

std::string text(const boost::json::object& o, const char* key)
{
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// One message in one language: the subject, then paragraphs (the text is them, the HTML is
// them escaped), the ticket list where it belongs, and a button-like link.
struct Draft
{
    std::string subject;
    std::vector<std::string> paragraphs;
    bool tickets = false;
    std::string linkText;
    std::string link;
    std::vector<std::string> after; // paragraphs under the link
};

Rendered finish(const Draft& d, const Facts& facts, bool german)
{
    Rendered r;
    r.subject = d.subject;
    std::string text;
    std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" +
                       escapeHtml(d.subject) +
                       "</title></head><body style=\"font-family:sans-serif;max-width:640px;"
                       "margin:auto;color:#222\">";
    html += "<h1 style=\"font-size:20px\">" +
            escapeHtml(facts.eventTitle.empty() ? d.subject : facts.eventTitle) + "</h1>";
    for (const auto& p : d.paragraphs) {
        text += p + "\r\n\r\n";
        html += "<p>" + escapeHtml(p) + "</p>";
    }
    if (d.tickets && !facts.tickets.empty()) {
        html += "<table style=\"border-collapse:collapse\">";
        for (const auto& t : facts.tickets) {
            text += "- " + t.place + " (" + t.tier + ")\r\n";
            html += "<tr><td style=\"padding:8px;vertical-align:middle\"><strong>" +
                    escapeHtml(t.place) + "</strong><br>" + escapeHtml(t.tier) + "</td>";
            if (!t.contentId.empty())
                html += "<td style=\"padding:8px\"><img src=\"cid:" + escapeHtml(t.contentId) +
                        "\" width=\"180\" height=\"180\" alt=\"" +
                        escapeHtml((german ? "QR-Code für " : "QR code for ") + t.place) +
                        "\"></td>";
            html += "</tr>";
        }
        html += "</table>";
        text += "\r\n";
    }
    if (!d.link.empty()) {
        text += d.linkText + ": " + d.link + "\r\n\r\n";
        html += "<p><a href=\"" + escapeHtml(d.link) +
                "\" style=\"display:inline-block;padding:10px 16px;background:#1f5fbf;"
                "color:#fff;text-decoration:none;border-radius:4px\">" +
                escapeHtml(d.linkText) + "</a></p>";
    }
    for (const auto& p : d.after) {
        text += p + "\r\n\r\n";
        html += "<p style=\"color:#555\">" + escapeHtml(p) + "</p>";
    }
    const std::string footer = german ? "Diese Nachricht wurde automatisch gesendet."
                                      : "This message was sent automatically.";
    text += "--\r\n" + footer + "\r\n";
    html +=
        "<hr><p style=\"color:#777;font-size:12px\">" + escapeHtml(footer) + "</p></body></html>";
    r.text = std::move(text);
    r.html = std::move(html);
    return r;
}
} // namespace

Rendered render(NotificationKind kind, const std::string& locale,
                const boost::json::object& payload, const Facts& f, const std::string& publicUrl)
{
    const bool de = locale == "de";
    const auto link = [&](const std::string& path) { return domain::publicLink(publicUrl, path); };
    const auto when = f.eventStart + (f.city.empty() ? "" : ", " + f.city);
    Draft d;
    switch (kind) {
    case NotificationKind::BookingConfirmed:
        d.subject = de ? "Ihre Tickets: " + f.eventTitle : "Your tickets: " + f.eventTitle;
        d.paragraphs = {
            de ? "Vielen Dank! Ihre Buchung ist bestätigt."
               : "Thank you! Your booking is confirmed.",
            when, (de ? "Bezahlt: " : "Paid: ") + f.total,
            de ? "Zeigen Sie am Eingang den QR-Code jedes Tickets vor. Die Buchung als PDF ist "
                 "angehängt."
               : "Show each ticket's QR code at the gate. The booking is attached as a PDF."};
        d.tickets = true;
        d.linkText = de ? "Buchung ansehen" : "See the booking";
        d.link = link("/bookings/" + f.bookingId);
        break;
    case NotificationKind::BookingCancelled:
        d.subject =
            de ? "Buchung storniert: " + f.eventTitle : "Booking cancelled: " + f.eventTitle;
        d.paragraphs = {de ? "Ihre Buchung wurde storniert; ihre Tickets gelten nicht mehr."
                           : "Your booking was cancelled; its tickets are no longer valid.",
                        when};
        break;
    case NotificationKind::BookingRefunded:
        d.subject = de ? "Erstattung: " + f.eventTitle : "Refund: " + f.eventTitle;
        d.paragraphs = {de ? "Ihre Buchung wurde storniert; ihre Tickets gelten nicht mehr."
                           : "Your booking was cancelled; its tickets are no longer valid.",
                        (de ? "Erstattet: " : "Refunded: ") + f.refunded,
                        de ? "Das Geld geht auf dem Weg zurück, auf dem Sie bezahlt haben."
                           : "The money goes back the way you paid."};
        break;
    case NotificationKind::EventCancelled:
        d.subject = de ? "Abgesagt: " + f.eventTitle : "Cancelled: " + f.eventTitle;
        d.paragraphs = {de ? "Die Veranstaltung wurde abgesagt. Es tut uns leid."
                           : "The event has been cancelled. We are sorry.",
                        when};
        if (!f.refunded.empty())
            d.paragraphs.push_back((de ? "Erstattet: " : "Refunded: ") + f.refunded);
        break;
    case NotificationKind::PaymentFailed:
        d.subject =
            de ? "Zahlung fehlgeschlagen: " + f.eventTitle : "Payment failed: " + f.eventTitle;
        d.paragraphs = {(de ? "Ihre Zahlung über " : "Your payment of ") + text(payload, "amount") +
                        " " + text(payload, "currency") +
                        (de ? " ist nicht durchgegangen; es wurde nichts abgebucht."
                            : " did not go through; nothing was charged.")};
        d.linkText = de ? "Erneut versuchen" : "Try again";
        d.link = link("/bookings/" + f.bookingId);
        break;
    case NotificationKind::WaitlistOffer:
        d.subject = de ? "Plätze frei: " + f.eventTitle : "Places for you: " + f.eventTitle;
        d.paragraphs = {de ? "Plätze, auf die Sie gewartet haben, sind für Sie reserviert."
                           : "Places you waited for are held for you.",
                        (de ? "Bis: " : "Until: ") + text(payload, "expires_at")};
        d.linkText = de ? "Jetzt kaufen" : "Buy now";
        d.link = link("/bookings/" + text(payload, "booking_id"));
        break;
    case NotificationKind::Reminder24h:
    case NotificationKind::Reminder2h:
        d.subject = (kind == NotificationKind::Reminder24h ? (de ? "Morgen: " : "Tomorrow: ")
                                                           : (de ? "Gleich: " : "Soon: ")) +
                    f.eventTitle;
        d.paragraphs = {when, de ? "Ihre Tickets:" : "Your tickets:"};
        d.tickets = true;
        break;
    case NotificationKind::PasswordReset:
        d.subject = de ? "Ihr Passwort" : "Your password";
        d.paragraphs = {
            de ? "Mit diesem Link setzen Sie ein neues Passwort. Er gilt eine Stunde und einmal."
               : "This link sets a new password. It works once, within the hour."};
        d.linkText = de ? "Passwort setzen" : "Set the password";
        d.link = link("/reset-password?token=" + text(payload, "token"));
        d.after = {de ? "Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht."
                      : "If you did not ask for it, ignore this message."};
        break;
    case NotificationKind::TicketsReceived:
        d.subject = de ? "Tickets für Sie: " + f.eventTitle : "Tickets for you: " + f.eventTitle;
        d.paragraphs = {
            de ? "Jemand hat Ihnen Tickets übertragen." : "Someone has sent you tickets.", when};
        d.tickets = true;
        if (!text(payload, "password_token").empty()) {
            d.linkText = de ? "Konto einrichten" : "Set up your account";
            d.link = link("/reset-password?token=" + text(payload, "password_token"));
            d.after = {de ? "Setzen Sie ein Passwort, um Ihre Tickets jederzeit zu sehen."
                          : "Set a password to see your tickets at any time."};
        }
        break;
    }
    return finish(d, f, de);
}

} // namespace ticketing::mail
