#include "db/PromoStore.h"

#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::promos {

namespace {
const Statement kInsert{"promos.insert", R"sql(
    INSERT INTO promo_codes (id, event_id, code, kind, percent, amount_minor, max_uses, per_user,
                             valid_from, valid_until, tier_ids, min_quantity, created_at)
    VALUES ($1::uuid, $2::uuid, $3, $4, $5::int, $6::bigint, $7::int, $8::int, $9::timestamptz,
            $10::timestamptz, $11::uuid[], $12::int, $13::timestamptz))sql"};
#define PROMO_COLUMNS                                                                              \
    "code, kind, percent, amount_minor, max_uses, per_user, "                                      \
    "(extract(epoch from valid_from) * 1000000)::bigint, "                                         \
    "(extract(epoch from valid_until) * 1000000)::bigint, array_to_string(tier_ids, ','), "        \
    "min_quantity, uses, (extract(epoch from created_at) * 1000000)::bigint"
const Statement kList{"promos.list", "SELECT " PROMO_COLUMNS R"sql(
    FROM promo_codes WHERE event_id = $1::uuid AND deleted_at IS NULL
    ORDER BY created_at, id LIMIT 1000)sql"};
const Statement kFind{"promos.find", "SELECT " PROMO_COLUMNS R"sql(
    FROM promo_codes
    WHERE event_id = $1::uuid AND upper(code) = upper($2) AND deleted_at IS NULL)sql"};
#undef PROMO_COLUMNS
const Statement kDelete{"promos.delete", R"sql(
    UPDATE promo_codes SET deleted_at = $3::timestamptz
    WHERE event_id = $1::uuid AND upper(code) = upper($2) AND deleted_at IS NULL)sql"};

std::optional<int> optionalInt(const pqxx::field& f)
{
    return f.is_null() ? std::nullopt : std::optional(f.as<int>());
}
std::optional<domain::Clock::TimePoint> optionalTime(const pqxx::field& f)
{
    return f.is_null() ? std::nullopt : std::optional(fromMicros(f.as<long long>()));
}

domain::PromoCodeView toView(const pqxx::row& r)
{
    domain::PromoCodeView v;
    auto& c = v.code;
    c.code = r[0].as<std::string>();
    c.kind = r[1].as<std::string>() == "amount" ? domain::PromoCode::Kind::Amount
                                                : domain::PromoCode::Kind::Percent;
    c.percent = r[2].is_null() ? 0 : r[2].as<int>();
    c.amountMinor = r[3].is_null() ? 0 : r[3].as<long long>();
    c.maxUses = optionalInt(r[4]);
    c.perUser = optionalInt(r[5]);
    c.validFrom = optionalTime(r[6]);
    c.validUntil = optionalTime(r[7]);
    const auto tiers = r[8].as<std::string>();
    for (std::size_t at = 0; at < tiers.size();) {
        const auto comma = std::min(tiers.find(',', at), tiers.size());
        if (auto id = domain::TierId::parse(std::string_view(tiers).substr(at, comma - at)))
            c.tiers.push_back(*id);
        at = comma + 1;
    }
    c.minQuantity = r[9].as<int>();
    c.uses = r[10].as<int>();
    v.createdAt = fromMicros(r[11].as<long long>());
    return v;
}

} // namespace

bool create(Session& s, const domain::EventId& event, const domain::PromoCode& code,
            domain::Clock::TimePoint now)
{
    const bool percent = code.kind == domain::PromoCode::Kind::Percent;
    try {
        s.run([&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(
                kInsert.name, domain::Uuid::generateV7().toString(), event.toString(), code.code,
                percent ? "percent" : "amount",
                percent ? std::optional(code.percent) : std::nullopt,
                percent ? std::nullopt : std::optional<long long>(code.amountMinor), code.maxUses,
                code.perUser, code.validFrom ? std::optional(toSql(*code.validFrom)) : std::nullopt,
                code.validUntil ? std::optional(toSql(*code.validUntil)) : std::nullopt,
                idArray(code.tiers), code.minQuantity, toSql(now));
            tx.commit();
        });
    } catch (const Conflict&) {
        return false; // promo_codes_event_code: the event has that code already
    }
    return true;
}

std::vector<domain::PromoCodeView> list(Session& s, const domain::EventId& event,
                                        const std::string& currency)
{
    std::vector<domain::PromoCodeView> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        for (const auto& r : tx.exec_prepared(kList.name, event.toString())) {
            out.push_back(toView(r));
            out.back().currency = currency;
        }
    });
    return out;
}

std::optional<domain::PromoCode> find(Session& s, const domain::EventId& event,
                                      const std::string& code)
{
    std::optional<domain::PromoCode> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const auto r = tx.exec_prepared(kFind.name, event.toString(), code);
        out = r.empty() ? std::nullopt : std::optional(toView(r[0]).code);
    });
    return out;
}

bool remove(Session& s, const domain::EventId& event, const std::string& code,
            domain::Clock::TimePoint now)
{
    bool removed = false;
    s.run([&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        removed =
            tx.exec_prepared(kDelete.name, event.toString(), code, toSql(now)).affected_rows() > 0;
        tx.commit();
    });
    return removed;
}

} // namespace ticketing::db::promos
