#include "db/ReportStore.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

#include <map>

namespace ticketing::db::reports {

namespace {
const Statement kStock{"reports.stock", R"sql(
    SELECT t.id, t.name,
           count(u.id) FILTER (WHERE u.status = 'available'
                               OR (u.status = 'held' AND u.hold_expires_at <= $2::timestamptz
                                   AND u.blocked_reason IS NULL)),
           count(u.id) FILTER (WHERE u.status = 'held'
                               AND (u.hold_expires_at IS NULL OR u.hold_expires_at > $2::timestamptz)),
           count(u.id) FILTER (WHERE u.status = 'blocked'
                               OR (u.status = 'held' AND u.hold_expires_at <= $2::timestamptz
                                   AND u.blocked_reason IS NOT NULL)),
           count(u.id) FILTER (WHERE u.status = 'sold')
    FROM ticket_tiers t LEFT JOIN inventory_units u ON u.tier_id = t.id
    WHERE t.event_id = $1::uuid GROUP BY t.id, t.name, t.position ORDER BY t.position)sql"};
// Money taken: payments that went through, refunded since or not (a success that came for a
// cancelled intent was taken and given back: it is in both).
const Statement kPaid{"reports.paid", R"sql(
    SELECT b.id, b.sold_by IS NOT NULL, (extract(epoch from p.created_at) * 1000000)::bigint,
           p.amount_minor, p.refunded_minor
    FROM payments p JOIN bookings b ON b.id = p.booking_id
    WHERE b.event_id = $1::uuid AND p.status IN ('succeeded', 'refunded')
    ORDER BY p.created_at, p.id)sql"};
const Statement kPaidUnits{"reports.paid_units", R"sql(
    SELECT i.booking_id, i.tier_id, i.price_minor
    FROM booking_items i JOIN bookings b ON b.id = i.booking_id
    WHERE b.event_id = $1::uuid
      AND EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id
                  AND p.status IN ('succeeded', 'refunded'))
    ORDER BY i.booking_id, i.unit_id)sql"};
const Statement kByMethod{"reports.by_method", R"sql(
    SELECT p.method, count(*), coalesce(sum(p.amount_minor), 0)::bigint
    FROM payments p JOIN bookings b ON b.id = p.booking_id
    WHERE b.event_id = $1::uuid AND p.status IN ('succeeded', 'refunded')
    GROUP BY p.method ORDER BY p.method)sql"};
} // namespace

Facts read(Session& s, const domain::EventId& event, domain::Clock::TimePoint now)
{
    Facts out;
    s.run(
        [&](pqxx::connection_base& c) {
            out = {};
            pqxx::transaction<pqxx::isolation_level::repeatable_read,
                              pqxx::readwrite_policy::read_only>
                tx(c);
            const auto id = event.toString();
            for (const auto& r : tx.exec_prepared(kStock.name, id, toSql(now)))
                out.stock.push_back({idFrom<domain::TierId>(r[0]), r[1].as<std::string>(),
                                     r[2].as<int>(), r[3].as<int>(), r[4].as<int>(),
                                     r[5].as<int>()});
            std::map<std::string, std::vector<std::pair<domain::TierId, std::int64_t>>> units;
            for (const auto& r : tx.exec_prepared(kPaidUnits.name, id))
                units[r[0].as<std::string>()].emplace_back(idFrom<domain::TierId>(r[1]),
                                                           r[2].as<std::int64_t>());
            for (const auto& r : tx.exec_prepared(kPaid.name, id)) {
                domain::PaidBooking b;
                b.id = idFrom<domain::BookingId>(r[0]);
                b.boxOffice = r[1].as<bool>();
                b.paidAt = fromMicros(r[2].as<long long>());
                b.paidMinor = r[3].as<std::int64_t>();
                b.refundedMinor = r[4].as<std::int64_t>();
                b.units = units[r[0].as<std::string>()];
                out.paid.push_back(std::move(b));
            }
            for (const auto& r : tx.exec_prepared(kByMethod.name, id))
                out.byMethod.push_back(
                    {r[0].as<std::string>(), r[1].as<int>(), r[2].as<std::int64_t>()});
            tx.commit();
        },
        Rerun::Safe);
    return out;
}

} // namespace ticketing::db::reports
