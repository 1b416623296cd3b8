#include "db/ShiftStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::shifts {

namespace {
using domain::Clock;

#define SHIFT_COLUMNS                                                                              \
    "s.id, s.agent_id, s.currency, (extract(epoch from s.opened_at) * 1000000)::bigint, "          \
    "(extract(epoch from s.closed_at) * 1000000)::bigint, s.opening_float_minor, "                 \
    "s.counted_cash_minor"

const Statement kInsert{"shifts.insert", R"sql(
    INSERT INTO box_office_shifts (id, agent_id, currency, opened_at, opening_float_minor)
    VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz, $5) ON CONFLICT DO NOTHING RETURNING id)sql"};
const Statement kCurrent{"shifts.current", "SELECT " SHIFT_COLUMNS
                                           " FROM box_office_shifts s WHERE s.agent_id = $1::uuid "
                                           "AND s.closed_at IS NULL"};
const Statement kFind{"shifts.find",
                      "SELECT " SHIFT_COLUMNS " FROM box_office_shifts s WHERE s.id = $1::uuid"};
const Statement kLock{"shifts.lock", "SELECT " SHIFT_COLUMNS
                                     " FROM box_office_shifts s WHERE s.id = $1::uuid FOR UPDATE"};
const Statement kLockOpen{"shifts.lock_open",
                          "SELECT s.id, s.currency FROM box_office_shifts s WHERE s.agent_id = "
                          "$1::uuid AND s.closed_at IS NULL FOR SHARE"};
const Statement kList{"shifts.list", "SELECT " SHIFT_COLUMNS R"sql( FROM box_office_shifts s
    WHERE ($1::uuid IS NULL OR s.agent_id = $1::uuid)
      AND ($2::timestamptz IS NULL OR s.opened_at >= $2::timestamptz)
      AND ($3::timestamptz IS NULL OR s.opened_at < $3::timestamptz)
    ORDER BY s.opened_at DESC, s.id DESC LIMIT $4)sql"};
const Statement kClose{"shifts.close", R"sql(
    UPDATE box_office_shifts SET closed_at = $2::timestamptz, counted_cash_minor = $3
    WHERE id = $1::uuid AND closed_at IS NULL)sql"};
// What a shift took (payments that went through, whatever became of them since) and gave back
// (its refunds), by the payments' method.
const Statement kSales{"shifts.sales", R"sql(
    SELECT method, count(*), coalesce(sum(amount_minor), 0)::bigint FROM payments
    WHERE shift_id = $1::uuid AND status IN ('succeeded', 'refunded') GROUP BY method)sql"};
const Statement kRefunds{"shifts.refunds", R"sql(
    SELECT p.method, count(*), coalesce(sum(r.amount_minor), 0)::bigint
    FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
    WHERE r.shift_id = $1::uuid GROUP BY p.method)sql"};

domain::Shift shiftOf(pqxx::transaction_base& tx, const pqxx::row& r)
{
    domain::Shift s;
    s.id = idFrom<domain::ShiftId>(r[0]);
    s.agent = idFrom<domain::UserId>(r[1]);
    s.currency = r[2].as<std::string>();
    s.openedAt = fromMicros(r[3].as<long long>());
    if (!r[4].is_null())
        s.closedAt = fromMicros(r[4].as<long long>());
    s.openingFloat = r[5].as<long long>();
    if (!r[6].is_null())
        s.countedCash = r[6].as<long long>();
    auto totals = [&](const char* statement, domain::ShiftTotals& into) {
        for (const auto& row : tx.exec_prepared(statement, s.id.toString()))
            into.add(row[0].as<std::string>(), row[1].as<int>(), row[2].as<long long>());
    };
    totals(kSales.name, s.sales);
    totals(kRefunds.name, s.refunds);
    return s;
}

std::optional<domain::Shift> one(pqxx::transaction_base& tx, const pqxx::result& r)
{
    if (r.empty())
        return std::nullopt;
    return shiftOf(tx, r[0]);
}
} // namespace

std::optional<domain::Shift> open(Session& s, const domain::Shift& shift)
{
    std::optional<domain::Shift> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::work tx(c);
            const auto r =
                tx.exec_prepared(kInsert.name, shift.id.toString(), shift.agent.toString(),
                                 shift.currency, toSql(shift.openedAt), shift.openingFloat);
            if (r.empty())
                return; // the agent's other shift is open
            out = one(tx, tx.exec_prepared(kFind.name, shift.id.toString()));
            tx.commit();
        },
        Rerun::Safe);
    return out;
}

std::optional<domain::Shift> current(Session& s, const domain::UserId& agent)
{
    std::optional<domain::Shift> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = one(tx, tx.exec_prepared(kCurrent.name, agent.toString()));
        },
        Rerun::Safe);
    return out;
}

std::optional<domain::Shift> find(Session& s, const domain::ShiftId& id)
{
    std::optional<domain::Shift> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = one(tx, tx.exec_prepared(kFind.name, id.toString()));
        },
        Rerun::Safe);
    return out;
}

std::vector<domain::Shift> list(Session& s, const std::optional<domain::UserId>& agent,
                                const std::optional<Clock::TimePoint>& from,
                                const std::optional<Clock::TimePoint>& to, int limit)
{
    std::vector<domain::Shift> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            const std::optional<std::string> who =
                agent ? std::optional(agent->toString()) : std::nullopt;
            const std::optional<std::string> f = from ? std::optional(toSql(*from)) : std::nullopt;
            const std::optional<std::string> t = to ? std::optional(toSql(*to)) : std::nullopt;
            for (const auto& r : tx.exec_prepared(kList.name, who, f, t, limit))
                out.push_back(shiftOf(tx, r));
        },
        Rerun::Safe);
    return out;
}

CloseOutcome close(Session& s, const domain::ShiftId& id, std::int64_t countedCash,
                   Clock::TimePoint now, std::optional<domain::Shift>& after)
{
    CloseOutcome outcome = CloseOutcome::NotFound;
    s.run(
        [&](pqxx::connection_base& c) {
            after.reset();
            pqxx::work tx(c);
            const auto locked = tx.exec_prepared(kLock.name, id.toString());
            if (locked.empty()) {
                outcome = CloseOutcome::NotFound;
                return;
            }
            if (!locked[0][4].is_null()) {
                outcome = CloseOutcome::AlreadyClosed;
                after = shiftOf(tx, locked[0]);
                return;
            }
            tx.exec_prepared(kClose.name, id.toString(), toSql(now), countedCash);
            after = one(tx, tx.exec_prepared(kFind.name, id.toString()));
            tx.commit();
            outcome = CloseOutcome::Closed;
        },
        Rerun::Safe);
    return outcome;
}

std::optional<OpenShift> lockOpen(checkout::Tx& tx, const domain::UserId& agent)
{
    const auto r = tx.w.exec_prepared(kLockOpen.name, agent.toString());
    if (r.empty())
        return std::nullopt;
    return OpenShift{idFrom<domain::ShiftId>(r[0][0]), r[0][1].as<std::string>()};
}

} // namespace ticketing::db::shifts
