#include "db/PromoStore.h"

#include "db/Internal.h"
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
// The code, then the buyer's uses of it ($3 the account, $4 an e-mail; see findForBuyer): their
// online bookings (by the account, or the account of that e-mail) and those made for their
// e-mail at the box office.
constexpr char kForBuyerSql[] = "SELECT p.id, " PROMO_COLUMNS R"sql(,
           CASE WHEN $3::uuid IS NULL AND $4::text IS NULL THEN 0 ELSE (
               SELECT count(*)
               FROM bookings b,
                    (SELECT coalesce($3::uuid, (SELECT u.id FROM users u WHERE u.email_key = lower(trim($4::text)))) AS id,
                            lower(trim(coalesce($4::text, (SELECT u.email FROM users u WHERE u.id = $3::uuid)))) AS email) w
               WHERE b.promo_code_id = p.id AND promo_code_counts(b.status)
                 AND ((b.sold_by IS NULL AND b.user_id = w.id) OR lower(trim(b.customer_email)) = w.email)) END
    FROM promo_codes p
    WHERE p.event_id = $1::uuid AND upper(p.code) = upper($2) AND p.deleted_at IS NULL)sql";
const std::string kLockForHoldSql = std::string(kForBuyerSql) + " FOR UPDATE OF p";
const Statement kForBuyer{"promos.for_buyer", kForBuyerSql};
const Statement kLockForHold{"promos.lock_for_hold", kLockForHoldSql.c_str()};
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

// A code from the columns of PROMO_COLUMNS, from column `at` on.
domain::PromoCodeView toView(const pqxx::row& row, pqxx::row::size_type at = 0)
{
    const auto r = [&](int i) { return row[at + static_cast<pqxx::row::size_type>(i)]; };
    domain::PromoCodeView v;
    auto& c = v.code;
    c.code = r(0).as<std::string>();
    c.kind = r(1).as<std::string>() == "amount" ? domain::PromoCode::Kind::Amount
                                                : domain::PromoCode::Kind::Percent;
    c.percent = r(2).is_null() ? 0 : r(2).as<int>();
    c.amountMinor = r(3).is_null() ? 0 : r(3).as<long long>();
    c.maxUses = optionalInt(r(4));
    c.perUser = optionalInt(r(5));
    c.validFrom = optionalTime(r(6));
    c.validUntil = optionalTime(r(7));
    const auto tiers = r(8).as<std::string>();
    for (std::size_t pos = 0; pos < tiers.size();) {
        const auto comma = std::min(tiers.find(',', pos), tiers.size());
        if (auto id = domain::TierId::parse(std::string_view(tiers).substr(pos, comma - pos)))
            c.tiers.push_back(*id);
        pos = comma + 1;
    }
    c.minQuantity = r(9).as<int>();
    c.uses = r(10).as<int>();
    v.createdAt = fromMicros(r(11).as<long long>());
    return v;
}

std::optional<ForBuyer> forBuyer(pqxx::transaction_base& tx, const Statement& statement,
                                 const domain::EventId& event, const std::string& code,
                                 const std::optional<domain::UserId>& user,
                                 const std::optional<std::string>& email)
{
    const auto r = tx.exec_prepared(statement.name, event.toString(), code,
                                    user ? std::optional(user->toString()) : std::nullopt, email);
    if (r.empty())
        return std::nullopt;
    ForBuyer out;
    out.id = r[0][0].as<std::string>();
    out.code = toView(r[0], 1).code; // its columns follow its id
    out.buyerUses = r[0][r[0].size() - 1].as<int>();
    return out;
}

} // namespace

std::optional<ForBuyer> lockForHold(pqxx::transaction_base& tx, const domain::EventId& event,
                                    const std::string& code,
                                    const std::optional<domain::UserId>& user,
                                    const std::optional<std::string>& email)
{
    return forBuyer(tx, kLockForHold, event, code, user, email);
}

std::optional<ForBuyer> findForBuyer(Session& s, const domain::EventId& event,
                                     const std::string& code,
                                     const std::optional<domain::UserId>& user,
                                     const std::optional<std::string>& email)
{
    std::optional<ForBuyer> out;
    s.run([&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        out = forBuyer(tx, kForBuyer, event, code, user, email);
    });
    return out;
}

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
