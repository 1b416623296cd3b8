#include "services/NotificationService.h"

#include "db/NotificationStore.h"
#include "db/Pool.h"
#include "services/Cursor.h"

namespace ticketing::services {

using domain::Problem;

domain::Result<std::vector<domain::NotificationView>, Problem>
NotificationService::list(const std::optional<std::string>& status,
                          const std::optional<std::string>& cursor, int limit,
                          std::optional<std::string>& nextCursor)
{
    if (status && *status != "pending" && *status != "sent" && *status != "failed")
        return domain::fail(
            Problem::validation({{"status", "must be one of pending, sent, failed"}}));
    std::optional<std::pair<domain::Clock::TimePoint, domain::Uuid>> after;
    if (cursor) {
        after = parseKeysetCursor(*cursor);
        if (!after)
            return domain::fail(
                Problem::validation({{"cursor", "is not a cursor this list gave"}}));
    }
    auto list = db::notifications::list(db::currentSession(), status, after, limit + 1);
    nextCursor.reset();
    if (static_cast<int>(list.size()) > limit) {
        list.pop_back();
        nextCursor = keysetCursor(list.back().createdAt, list.back().id);
    }
    return list;
}

domain::Result<domain::NotificationView, Problem> NotificationService::retry(const domain::Uuid& id)
{
    std::optional<domain::NotificationView> after;
    switch (db::notifications::retry(db::currentSession(), id, m_clock.now(), after)) {
    case db::notifications::RetryOutcome::Queued:
        return *after;
    case db::notifications::RetryOutcome::NotFailed:
        return domain::fail(Problem(409, "notification_not_failed", "Not a failed message",
                                    "only a message that could not be sent is sent again"));
    case db::notifications::RetryOutcome::NotFound:
        break;
    }
    return domain::fail(Problem(domain::ProblemCode::NotFound, "no such notification"));
}

} // namespace ticketing::services
