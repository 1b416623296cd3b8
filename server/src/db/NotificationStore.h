#pragma once

#include "domain/Clock.h"
#include "domain/Notification.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
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

// The messages of one kind to one address, newest first (tests and admins).
std::vector<Stored> forEmail(Session& s, const std::string& email, int limit = 50);

} // namespace notifications
} // namespace ticketing::db
