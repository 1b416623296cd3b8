#pragma once

#include "domain/Clock.h"
#include "domain/Notification.h"
#include "domain/Problem.h"
#include "domain/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::services {

// The admins' view of the mail (API.md "Notifications"): what could not be sent, and sending
// it again.
class NotificationService
{
public:
    explicit NotificationService(const domain::Clock& clock) : m_clock(clock) {}

    // Newest first; `status` one of pending, sent, failed (400 otherwise); `cursor` from the
    // previous page.
    domain::Result<std::vector<domain::NotificationView>, domain::Problem>
    list(const std::optional<std::string>& status, const std::optional<std::string>& cursor,
         int limit, std::optional<std::string>& nextCursor);
    // A failed message queued again (404 unknown; 409 notification_not_failed otherwise).
    domain::Result<domain::NotificationView, domain::Problem> retry(const domain::Uuid& id);

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
