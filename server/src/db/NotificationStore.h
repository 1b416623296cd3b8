#pragma once

#include "domain/Clock.h"
#include "domain/Notification.h"
#include "domain/Uuid.h"

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::db {

class Session;

// The notification outbox (migration 0025): rows are written by the stores, in the transaction
// of each message's cause (notifications::enqueue, db/Internal.h); read here by the sender and
// the admins.
namespace notifications {

// A message to send.
struct Outgoing
{
    domain::NotificationKind kind = domain::NotificationKind::BookingConfirmed;
    std::optional<domain::UserId> user;
    std::string email;
    std::string locale = "en";
    std::string dedupeKey;   // the cause: one message per cause
    std::string payloadJson; // what its template needs
};

struct Stored
{
    domain::Uuid id;
    Outgoing message;
    std::string status; // pending, sent, failed, suppressed
    int attempts = 0;
    domain::Clock::TimePoint createdAt;
    domain::Clock::TimePoint nextAttemptAt;
    std::optional<domain::Clock::TimePoint> sentAt;
    std::optional<std::string> lastError;
};

// The messages to one address, newest first (tests and admins).
std::vector<Stored> forEmail(Session& s, const std::string& email, int limit = 50);

// The sender's lease: up to `limit` pending messages due at `now`, each taken for `lease` (its
// next attempt moved past it, its attempts counted) in a transaction of its own, so that two
// senders never take one message and a sender that dies with it in hand leaves it to be sent
// again when the lease ends.
std::vector<Stored> claimDue(Session& s, domain::Clock::TimePoint now, std::chrono::seconds lease,
                             int limit);
// Messages of `kind` sent to `user` since `since` (the per-user limit).
int sentSince(Session& s, const domain::UserId& user, domain::NotificationKind kind,
              domain::Clock::TimePoint since);
void markSent(Session& s, const domain::Uuid& id, domain::Clock::TimePoint now);
// Not sent this time: tried again at `at` (the attempt counted, `error` kept).
void retryAt(Session& s, const domain::Uuid& id, domain::Clock::TimePoint at,
             const std::string& error);
// Held back by the per-user limit until `at`: the attempt does not count.
void deferTo(Session& s, const domain::Uuid& id, domain::Clock::TimePoint at);
// Given up (shown to admins), with why.
void markFailed(Session& s, const domain::Uuid& id, const std::string& error,
                domain::Clock::TimePoint now);
// The admins' list (GET /admin/notifications): newest first, of `status` when given, after the
// keyset position `after`.
std::vector<domain::NotificationView>
list(Session& s, const std::optional<std::string>& status,
     const std::optional<std::pair<domain::Clock::TimePoint, domain::Uuid>>& after, int limit);
enum class RetryOutcome
{
    Queued,
    NotFound,
    NotFailed // pending or sent: nothing to send again
};
// A failed message back to pending, due now, its attempts counted afresh.
RetryOutcome retry(Session& s, const domain::Uuid& id, domain::Clock::TimePoint now,
                   std::optional<domain::NotificationView>& after);
// API.md "Notifications": the reminders due at `now`, written for each confirmed booking of a
// published event that starts within `within` and after `after` (24 h reminders: within 24 h
// but more than 2 h away; 2 h reminders: within 2 h), once per booking and kind. How many.
int writeReminders(Session& s, domain::NotificationKind kind, domain::Clock::TimePoint now,
                   std::chrono::seconds within, std::chrono::seconds after);
// What a booking's payments gave back, in minor units.
long long refundedFor(Session& s, const domain::BookingId& booking);

} // namespace notifications
} // namespace ticketing::db
