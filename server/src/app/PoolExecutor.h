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

// The answers of infrastructure failures that escape a route (http::ErrorTranslator): the
// database unreachable is 503 database_unavailable with Retry-After.
std::optional<domain::Problem> translateInfrastructureError(const std::exception& e);

} // namespace ticketing::app
