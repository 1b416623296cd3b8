#include "app/PoolExecutor.h"

namespace ticketing::app {

bool PoolExecutor::trySubmit(std::function<void()> job)
{
    return m_pool.trySubmit([job = std::move(job)](db::Session&) { job(); });
}

std::optional<domain::Problem> translateInfrastructureError(const std::exception& e)
{
    // The client's text never carries the database's: what() goes to the log only.
    if (dynamic_cast<const db::OutcomeUnknown*>(&e))
        return domain::Problem(domain::ProblemCode::OutcomeUnknown,
                               "the connection to the database broke while the change was being "
                               "committed; retry with the same Idempotency-Key to learn whether "
                               "it was made")
            .retryAfter(1);
    if (dynamic_cast<const db::Unavailable*>(&e))
        return domain::Problem(domain::ProblemCode::DatabaseUnavailable,
                               "the database cannot be reached; try again shortly")
            .retryAfter(1);
    if (dynamic_cast<const db::Busy*>(&e))
        return domain::Problem(domain::ProblemCode::Overloaded,
                               "too many requests are waiting for the database; retry shortly")
            .retryAfter(1);
    if (dynamic_cast<const db::Conflict*>(&e))
        return domain::Problem(domain::ProblemCode::Conflict,
                               "another change to the same thing was made at the same moment; "
                               "read it again and retry");
    return std::nullopt;
}

} // namespace ticketing::app
