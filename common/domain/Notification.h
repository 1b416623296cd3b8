#pragma once

#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::domain {

// What ticketd e-mails (API.md "Notifications"). Each message is an outbox row written in the
// transaction of its cause, named by the cause (its dedupe key), so that it exists exactly when
// the cause committed and once however often the cause is told.
enum class NotificationKind
{
    BookingConfirmed, // with each ticket's QR code and the booking's PDF
    BookingCancelled,
    BookingRefunded, // the amount
    PaymentFailed,
    WaitlistOffer, // the claim link and deadline
    EventCancelled,
    Reminder24h,
    Reminder2h,
    PasswordReset,  // a one-time link
    TicketsReceived // a transfer: the new tickets, and for a new account its password link
};
std::string_view toString(NotificationKind kind);
std::optional<NotificationKind> parseNotificationKind(std::string_view text);

// A message as the admins see it (GET /admin/notifications): not what it says, what became of
// it.
struct NotificationView
{
    Uuid id;
    NotificationKind kind = NotificationKind::BookingConfirmed;
    std::string email;
    std::string status; // pending, sent, failed
    int attempts = 0;
    Clock::TimePoint createdAt;
    std::optional<Clock::TimePoint> sentAt;
    std::optional<std::string> lastError;
    bool operator==(const NotificationView&) const = default;
};
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const NotificationView& n);
NotificationView tag_invoke(boost::json::value_to_tag<NotificationView>,
                            const boost::json::value& v);

// Where a message's links start (TICKETING_PUBLIC_URL, without a trailing slash) joined with a
// path: "https://tickets.example/reset-password?token=…".
std::string publicLink(std::string_view publicUrl, std::string_view pathAndQuery);

} // namespace ticketing::domain
