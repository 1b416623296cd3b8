#include "domain/Notification.h"

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
