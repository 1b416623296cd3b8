#include "app/PoolExecutor.h"

namespace ticketing::app {

bool PoolExecutor::trySubmit(std::function<void()> job)
{
    return m_pool.trySubmit([job = std::move(job)](db::Session&) { job(); });
}

std::optional<domain::Problem> translateInfrastructureError(const std::exception& e)
{
    if (dynamic_cast<const db::Unavailable*>(&e))
        return domain::Problem(domain::ProblemCode::DatabaseUnavailable,
                               "the database cannot be reached; try again shortly")
            .retryAfter(1);
    return std::nullopt;
}

} // namespace ticketing::app
