#include "domain/Pricing.h"

#include "domain/Money.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>

namespace ticketing::domain {

namespace {

bool forTier(const PromoCode& code, const TierId& tier)
{
    return code.tiers.empty() ||
           std::find(code.tiers.begin(), code.tiers.end(), tier) != code.tiers.end();
}

// `percent` of `amount` (minor units, not negative), rounded half up to the minor unit.
std::int64_t percentOf(std::int64_t amount, int percent)
{
    __extension__ typedef __int128 Wide; // an amount times 100 may pass 64 bits
    return static_cast<std::int64_t>((static_cast<Wide>(amount) * percent * 2 + 100) / 200);
}

// `discount` spread over the units that `applies` selects, by their list prices.
std::vector<std::int64_t> spreadOver(const std::vector<PricedUnit>& units, std::int64_t discount,
                                     const std::vector<bool>& applies)
{
    std::vector<std::int64_t> weights;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (applies[i])
            weights.push_back(units[i].listMinor);
    const auto shares = spread(discount, weights);
    std::vector<std::int64_t> out(units.size(), 0);
    for (std::size_t i = 0, k = 0; i < units.size(); ++i)
        if (applies[i])
            out[i] = shares[k++];
    return out;
}

} // namespace

std::string_view toString(PromoRefusal r)
{
    switch (r) {
    case PromoRefusal::Unknown:
        return "unknown";
    case PromoRefusal::NotYetValid:
        return "not_yet_valid";
    case PromoRefusal::Expired:
        return "expired";
    case PromoRefusal::UsedUp:
        return "used_up";
    case PromoRefusal::PerUserLimit:
        return "per_user_limit";
    case PromoRefusal::NotForTheseTiers:
        return "not_for_these_tiers";
    case PromoRefusal::BelowMinQuantity:
        return "below_min_quantity";
    }
    return "unknown";
}

bool sameCode(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

std::string codeKey(std::string_view code)
{
    std::string key(code);
    for (auto& c : key)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return key;
}

std::vector<FieldError> checkGroupDiscounts(const std::vector<GroupDiscount>& groups,
                                            const std::string& path)
{
    std::vector<FieldError> errors;
    if (groups.size() > 10)
        errors.push_back({path, "at most 10 group discounts"});
    std::set<int> quantities;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto at = path + "[" + std::to_string(i) + "]";
        if (groups[i].minQuantity < 2 || groups[i].minQuantity > 1000)
            errors.push_back({at + ".min_quantity", "must be from 2 to 1000"});
        else if (!quantities.insert(groups[i].minQuantity).second)
            errors.push_back({at + ".min_quantity", "another group discount starts at " +
                                                        std::to_string(groups[i].minQuantity)});
        if (groups[i].percent < 1 || groups[i].percent > 100)
            errors.push_back({at + ".percent", "must be from 1 to 100"});
    }
    return errors;
}

std::optional<PromoRefusal> checkPromo(const PromoCode& code, const std::vector<PricedUnit>& units,
                                       Clock::TimePoint now, int usesByBuyer)
{
    if (code.validFrom && now < *code.validFrom)
        return PromoRefusal::NotYetValid;
    if (code.validUntil && now >= *code.validUntil)
        return PromoRefusal::Expired;
    if (code.maxUses && code.uses >= *code.maxUses)
        return PromoRefusal::UsedUp;
    if (code.perUser && usesByBuyer >= *code.perUser)
        return PromoRefusal::PerUserLimit;
    const auto eligible = std::count_if(units.begin(), units.end(),
                                        [&](const PricedUnit& u) { return forTier(code, u.tier); });
    if (eligible == 0)
        return PromoRefusal::NotForTheseTiers;
    if (eligible < code.minQuantity)
        return PromoRefusal::BelowMinQuantity;
    return std::nullopt;
}

Price price(const std::vector<PricedUnit>& units, const PromoCode* code,
            const std::vector<GroupDiscount>& groups)
{
    Price out;
    out.subtotalMinor =
        std::accumulate(units.begin(), units.end(), std::int64_t{0},
                        [](std::int64_t s, const PricedUnit& u) { return s + u.listMinor; });
    out.unitDiscounts.assign(units.size(), 0);

    // The code's discount, over the units of its tiers.
    std::optional<Applied> byCode;
    std::vector<bool> codeUnits(units.size(), false);
    if (code) {
        std::int64_t eligible = 0;
        for (std::size_t i = 0; i < units.size(); ++i)
            if (forTier(*code, units[i].tier)) {
                codeUnits[i] = true;
                eligible += units[i].listMinor;
            }
        Applied a;
        a.kind = Applied::Kind::PromoCode;
        a.code = code->code;
        if (code->kind == PromoCode::Kind::Percent) {
            a.percent = code->percent;
            a.discountMinor = percentOf(eligible, code->percent);
        } else {
            a.discountMinor = std::min(code->amountMinor, eligible);
        }
        if (a.discountMinor > 0)
            byCode = a;
    }

    // The best group discount the quantity reaches, over every unit.
    std::optional<Applied> byGroup;
    for (const auto& g : groups) {
        if (static_cast<int>(units.size()) < g.minQuantity)
            continue;
        if (byGroup && byGroup->percent >= g.percent)
            continue;
        Applied a;
        a.kind = Applied::Kind::GroupDiscount;
        a.percent = g.percent;
        a.minQuantity = g.minQuantity;
        a.discountMinor = percentOf(out.subtotalMinor, g.percent);
        if (a.discountMinor > 0)
            byGroup = a;
    }

    if (byCode && (!byGroup || byCode->discountMinor > byGroup->discountMinor)) {
        out.applied = byCode;
        out.unitDiscounts = spreadOver(units, byCode->discountMinor, codeUnits);
    } else if (byGroup) {
        out.applied = byGroup;
        out.unitDiscounts =
            spreadOver(units, byGroup->discountMinor, std::vector<bool>(units.size(), true));
    }
    out.discountMinor = out.applied ? out.applied->discountMinor : 0;
    out.totalMinor = out.subtotalMinor - out.discountMinor;
    return out;
}

} // namespace ticketing::domain
