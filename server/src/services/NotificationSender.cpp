#include "services/NotificationSender.h"

#include "db/BookingStore.h"
#include "db/CheckoutStore.h"
#include "db/EventStore.h"
#include "db/Pool.h"
#include "domain/Codec.h"
#include "log/Log.h"
#include "mail/BookingPdf.h"
#include "mail/Mime.h"
#include "mail/Templates.h"
#include "outbound/Smtp.h"
#include "services/QrPng.h"

#include <boost/json/parse.hpp>
#include <fstream>

namespace ticketing::services {

namespace {
std::string money(long long minor, const std::string& currency)
{
    return domain::formatMoney(minor, currency) + " " + currency;
}

std::string whenText(domain::Clock::TimePoint t)
{
    // "2031-01-01 20:00 UTC"
    auto s = domain::formatTimestamp(t);
    if (s.size() >= 16)
        s = s.substr(0, 10) + " " + s.substr(11, 5);
    return s + " UTC";
}

std::optional<domain::BookingId> bookingOf(const boost::json::object& payload)
{
    if (const auto* v = payload.if_contains("booking_id"); v && v->is_string())
        return domain::BookingId::parse(std::string(v->as_string()));
    return std::nullopt;
}
} // namespace

NotificationSender::NotificationSender(Options options, const domain::Clock& clock)
    : m_options(std::move(options)), m_clock(clock)
{
}

std::string NotificationSender::compose(db::Session& s,
                                        const db::notifications::Stored& stored) const
{
    using domain::NotificationKind;
    const auto& n = stored.message;
    const auto payload = boost::json::parse(n.payloadJson).as_object();
    mail::Facts facts;
    mail::Message m;
    // The booking and its event, for the messages about one.
    if (const auto id = bookingOf(payload)) {
        if (const auto found = db::bookings::find(s, *id)) {
            const auto& b = found->booking;
            facts.bookingId = b.id.toString();
            facts.total = money(b.totalMinor, b.currency);
            if (const auto refunded = db::notifications::refundedFor(s, b.id); refunded > 0)
                facts.refunded = money(refunded, b.currency);
            if (const auto event = db::events::find(s, b.event)) {
                facts.eventTitle = event->title;
                facts.eventStart = whenText(event->start);
                facts.city = event->city;
            }
            // The tickets it carries: the booking's active ones, or those a transfer gave.
            std::vector<std::pair<std::string, std::string>> codes; // (ticket id, credential)
            if (n.kind == NotificationKind::TicketsReceived) {
                if (const auto* ids = payload.if_contains("ticket_ids"); ids && ids->is_array())
                    for (const auto& v : ids->as_array())
                        if (auto tid = domain::TicketId::parse(std::string(v.as_string())))
                            if (auto t = db::checkout::findTicket(s, *tid)) {
                                facts.tickets.push_back({t->seatLabel.value_or(t->tierName),
                                                         t->tierName, "qr-" + t->id.toString(),
                                                         t->id.toString()});
                                codes.emplace_back(t->id.toString(), t->credential);
                            }
            } else if (n.kind == NotificationKind::BookingConfirmed ||
                       n.kind == NotificationKind::Reminder24h ||
                       n.kind == NotificationKind::Reminder2h) {
                for (const auto& t : b.tickets)
                    if (t.status == domain::TicketStatus::Active && !t.credential.empty()) {
                        facts.tickets.push_back({t.seatLabel.value_or(t.tierName), t.tierName,
                                                 "qr-" + t.id.toString(), t.id.toString()});
                        codes.emplace_back(t.id.toString(), t.credential);
                    }
            }
            mail::PdfBooking pdf{
                facts.eventTitle, facts.eventStart + (facts.city.empty() ? "" : ", " + facts.city),
                facts.bookingId,  facts.total,
                n.locale == "de", {}};
            for (std::size_t i = 0; i < codes.size(); ++i) {
                auto png = qrPng(codes[i].second, 6);
                if (n.kind == NotificationKind::BookingConfirmed)
                    pdf.tickets.push_back(
                        {facts.tickets[i].place, facts.tickets[i].tier, codes[i].first, png});
                m.inlines.push_back({"image/png", std::move(png), "qr-" + codes[i].first, {}});
            }
            // The confirmation carries the booking as a PDF too.
            if (!pdf.tickets.empty())
                m.attachments.push_back({"application/pdf",
                                         mail::bookingPdf(pdf),
                                         {},
                                         "booking-" + facts.bookingId.substr(0, 8) + ".pdf"});
        }
    }
    const auto rendered = mail::render(n.kind, n.locale, payload, facts, m_options.publicUrl);
    m.from = m_options.from;
    m.to = n.email;
    m.subject = rendered.subject;
    m.messageId = "<" + stored.id.toString() + "@" + m_options.messageIdHost + ">";
    m.date = stored.createdAt;
    m.text = rendered.text;
    m.html = rendered.html;
    return mail::compose(m);
}

std::optional<std::string> NotificationSender::deliver(const db::notifications::Stored& stored,
                                                       const std::string& text,
                                                       bool& permanent) const
{
    permanent = false;
    if (m_options.smtpUrl.empty()) {
        // The embedded default: one .eml file per message, written whole (a rename).
        std::error_code ec;
        std::filesystem::create_directories(m_options.mailDir, ec);
        const auto path = m_options.mailDir / (stored.id.toString() + ".eml");
        const auto partial = path.string() + ".part";
        {
            std::ofstream out(partial, std::ios::binary | std::ios::trunc);
            out << text;
            if (!out)
                return "could not write " + partial;
        }
        std::filesystem::rename(partial, path, ec);
        if (ec)
            return "could not write " + path.string() + ": " + ec.message();
        return std::nullopt;
    }
    // The envelope sender: the address inside "Name <address>".
    std::string from = m_options.from;
    if (const auto lt = from.find('<'); lt != std::string::npos) {
        const auto gt = from.find('>', lt);
        from = from.substr(lt + 1, gt == std::string::npos ? std::string::npos : gt - lt - 1);
    }
    const auto failure =
        outbound::sendMail({m_options.smtpUrl, m_options.caFile}, from, stored.message.email, text);
    if (!failure)
        return std::nullopt;
    permanent = failure->permanent;
    return failure->message;
}

int NotificationSender::round(db::Session& s, int limit)
{
    const auto now = m_clock.now();
    int delivered = 0;
    for (const auto& message : db::notifications::claimDue(s, now, m_options.lease, limit)) {
        const auto& n = message.message;
        // At most perUserPerHour of one kind to one user an hour: the rest waits its turn.
        if (n.user &&
            db::notifications::sentSince(s, *n.user, n.kind, now - std::chrono::hours(1)) >=
                m_options.perUserPerHour) {
            db::notifications::deferTo(s, message.id, now + std::chrono::minutes(10));
            continue;
        }
        std::optional<std::string> error;
        bool permanent = false;
        try {
            error = deliver(message, compose(s, message), permanent);
        } catch (const db::Unavailable&) {
            throw; // the round ends; the lease brings it back
        } catch (const std::exception& e) {
            error = std::string("could not be written: ") + e.what();
            permanent = true;
        }
        if (!error) {
            db::notifications::markSent(s, message.id, m_clock.now());
            ++m_sent;
            ++delivered;
            continue;
        }
        const auto tried = static_cast<std::size_t>(message.attempts);
        if (permanent || tried > m_options.backoff.size()) {
            db::notifications::markFailed(s, message.id, *error, m_clock.now());
            ++m_failed;
            log::warn("a message could not be sent",
                      {{"id", message.id.toString()},
                       {"kind", std::string(domain::toString(n.kind))},
                       {"error", *error}});
        } else {
            db::notifications::retryAt(s, message.id, now + m_options.backoff[tried - 1], *error);
            log::info(
                "a message will be tried again",
                {{"id", message.id.toString()}, {"attempt", message.attempts}, {"error", *error}});
        }
    }
    return delivered;
}

int NotificationSender::remind(db::Session& s)
{
    const auto steady = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now().time_since_epoch())
                            .count();
    auto last = m_lastReminders.load();
    if (last != 0 && steady - last < 60000)
        return 0;
    if (!m_lastReminders.compare_exchange_strong(last, steady))
        return 0; // another thread is at it
    using std::chrono::hours;
    using std::chrono::seconds;
    const auto now = m_clock.now();
    // A day before (unless it is two hours away already: then only the later one), and two
    // hours before.
    return db::notifications::writeReminders(s, domain::NotificationKind::Reminder24h, now,
                                             hours(24), hours(2)) +
           db::notifications::writeReminders(s, domain::NotificationKind::Reminder2h, now, hours(2),
                                             seconds(0));
}

NotificationJob::NotificationJob(NotificationSender& sender, std::string databaseUrl,
                                 std::chrono::milliseconds interval)
    : m_job("the mail sender", std::move(databaseUrl), interval, [&sender](db::Session& session) {
          sender.remind(session);
          while (sender.round(session) > 0) {
          }
      })
{
}

} // namespace ticketing::services
