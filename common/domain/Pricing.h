#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Uuid.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// The pricing rule of API.md "Promo codes and group discounts", in one place: the server's
// holds and quotes and the box office's cart all price with price() below.

// A promo code as its event keeps it.
struct PromoCode
{
    enum class Kind
    {
        Percent,
        Amount
    };
    std::string code; // as the organizer wrote it; matched without regard to case
    Kind kind = Kind::Percent;
    int percent = 0;              // Percent: 1 to 100
    std::int64_t amountMinor = 0; // Amount: off the units it applies to, in minor units
    std::optional<int> maxUses;   // uses in all
    std::optional<int> perUser;   // uses by one buyer
    std::optional<Clock::TimePoint> validFrom;
    std::optional<Clock::TimePoint> validUntil;
    std::vector<TierId> tiers; // the tiers it is for; empty: every tier
    int minQuantity = 1;       // units of those tiers in one booking
    int uses = 0;              // counted from holds, given back when they end
};

// An event's discount for buying at least `minQuantity` units in one booking.
struct GroupDiscount
{
    int minQuantity = 2;
    int percent = 0; // 1 to 100
    bool operator==(const GroupDiscount&) const = default;
};

// The rules of an event's group discounts: each from 2 units, 1 to 100 percent, one per
// quantity, at most 10. Errors name "group_discounts[i].field" under `path`.
std::vector<FieldError> checkGroupDiscounts(const std::vector<GroupDiscount>& groups,
                                            const std::string& path = "group_discounts");

// One unit being priced (a seat or a standing place): its tier and list price.
struct PricedUnit
{
    TierId tier;
    std::int64_t listMinor = 0;
};

// Why a code cannot be used: API.md's 409 promo_code_invalid `reason`.
enum class PromoRefusal
{
    Unknown,          // no such code for this event
    NotYetValid,      // before valid_from
    Expired,          // after valid_until
    UsedUp,           // max_uses reached
    PerUserLimit,     // this buyer has used it per_user times
    NotForTheseTiers, // none of the units is of its tiers
    BelowMinQuantity  // fewer of its tiers' units than min_quantity
};
std::string_view toString(PromoRefusal r);

// Whether `code` may be used at `now`, by a buyer who has used it `usesByBuyer` times (0 when
// the buyer is not counted: a walk-in without an e-mail), for `units`. nullopt: it may.
std::optional<PromoRefusal> checkPromo(const PromoCode& code, const std::vector<PricedUnit>& units,
                                       Clock::TimePoint now, int usesByBuyer);

// What gave a price its discount.
struct Applied
{
    enum class Kind
    {
        PromoCode,
        GroupDiscount
    };
    Kind kind = Kind::PromoCode;
    std::string code;    // the promo code as its event spells it
    int percent = 0;     // a percent code's or the group discount's
    int minQuantity = 0; // the group discount's
    std::int64_t discountMinor = 0;
    bool operator==(const Applied&) const = default;
};

struct Price
{
    std::int64_t subtotalMinor = 0; // the list prices
    std::int64_t discountMinor = 0;
    std::int64_t totalMinor = 0;
    std::vector<std::int64_t> unitDiscounts; // per unit, in the order given; they add up
    std::optional<Applied> applied;          // none: no discount
    // Whether the promo code gave the discount (then its use counts).
    bool usesCode() const { return applied && applied->kind == Applied::Kind::PromoCode; }
};

// The price of `units` with a promo code that checkPromo() allowed (null: none) and the event's
// group discounts:
// - a percent code takes its percent of the units of its tiers, rounded half up to the minor
//   unit; an amount code takes its amount, at most those units' list prices;
// - a group discount takes its percent of every unit, the best one the quantity reaches;
// - discounts do not stack: the larger wins, and a tie goes to the group discount (so that the
//   code's use is not spent for nothing);
// - the discount is spread over the units it applies to in proportion to their list prices,
//   to the minor unit, the leftover units going to the largest remainders (domain::spread).
//   No unit's discount exceeds its price, and the discounts add up to the total discount.
Price price(const std::vector<PricedUnit>& units, const PromoCode* code,
            const std::vector<GroupDiscount>& groups);

// Codes are matched without regard to case: "summer25" is "SUMMER25".
bool sameCode(std::string_view a, std::string_view b);
// The form codes are compared in (upper case): what orders and groups them.
std::string codeKey(std::string_view code);

} // namespace ticketing::domain
