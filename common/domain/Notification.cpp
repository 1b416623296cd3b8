#include "domain/Notification.h"

#include "domain/Codec.h"

#include <array>
#include <utility>

namespace ticketing::domain {

namespace {
constexpr std::array<std::pair<NotificationKind, std::string_view>, 10> kKinds{{
    {NotificationKind::BookingConfirmed, "booking_confirmed"},
    {NotificationKind::BookingCancelled, "booking_cancelled"},
    {NotificationKind::BookingRefunded, "booking_refunded"},
    {NotificationKind::PaymentFailed, "payment_failed"},
    {NotificationKind::WaitlistOffer, "waitlist_offer"},
    {NotificationKind::EventCancelled, "event_cancelled"},
    {NotificationKind::Reminder24h, "reminder_24h"},
    {NotificationKind::Reminder2h, "reminder_2h"},
    {NotificationKind::PasswordReset, "password_reset"},
    {NotificationKind::TicketsReceived, "tickets_received"},
}};
} // namespace

std::string_view toString(NotificationKind kind)
{
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return name;
    return "unknown";
}

std::optional<NotificationKind> parseNotificationKind(std::string_view text)
{
    for (const auto& [k, name] : kKinds)
        if (name == text)
            return k;
    return std::nullopt;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const NotificationView& n)
{
    out = boost::json::object{{"notification_id", n.id.toString()},
                              {"kind", toString(n.kind)},
                              {"email", n.email},
                              {"status", n.status},
                              {"attempts", n.attempts},
                              {"created_at", formatTimestamp(n.createdAt)},
                              {"sent_at", n.sentAt ? boost::json::value(formatTimestamp(*n.sentAt))
                                                   : boost::json::value(nullptr)},
                              {"last_error", n.lastError ? boost::json::value(*n.lastError)
                                                         : boost::json::value(nullptr)}};
}

NotificationView tag_invoke(boost::json::value_to_tag<NotificationView>,
                            const boost::json::value& v)
{
    WireReader r(v);
    NotificationView n;
    n.id = r.required<Uuid>("notification_id").value_or(Uuid{});
    const auto kind = r.required<std::string>("kind").value_or("");
    if (auto k = parseNotificationKind(kind))
        n.kind = *k;
    else
        r.error("kind", "is not a kind of notification");
    n.email = r.required<std::string>("email").value_or("");
    n.status = r.required<std::string>("status").value_or("");
    n.attempts = r.required<int>("attempts").value_or(0);
    n.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    n.sentAt = r.time("sent_at", false);
    n.lastError = r.optional<std::string>("last_error");
    r.finish();
    return n;
}

std::string publicLink(std::string_view publicUrl, std::string_view pathAndQuery)
{
    std::string out(publicUrl);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    if (!pathAndQuery.empty() && pathAndQuery.front() != '/')
        out += '/';
    out += pathAndQuery;
    return out;
}

} // namespace ticketing::domain
