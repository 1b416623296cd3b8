#pragma once

#include "db/Pool.h"
#include "http/Executor.h"

#include <optional>

namespace ticketing::app {

// The router's workers are the database pool's: a route runs on a pool worker, where the
// services find that worker's session (db::currentSession). This is the one place where the
// transport and the database meet.
class PoolExecutor final : public http::Executor
{
public:
    explicit PoolExecutor(db::Pool& pool) : m_pool(pool) {}
    bool trySubmit(std::function<void()> job) override;

private:
    db::Pool& m_pool;
};

// The answers of infrastructure failures that escape a route (http::ErrorTranslator), as API.md
// "Conventions" gives them: the database unreachable (or a transaction it kept ending) is 503
// database_unavailable, a commit whose outcome is unknown 503 outcome_unknown, both with
// Retry-After; a uniqueness conflict 409 conflict.
std::optional<domain::Problem> translateInfrastructureError(const std::exception& e);

} // namespace ticketing::app
