#pragma once

#include "domain/Pricing.h"
#include "domain/Problem.h"
#include "domain/Result.h"

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// The wire side of API.md "Promo codes and group discounts" (the rule itself: Pricing.h).

// Codes: 3 to 32 letters, digits, '-' or '_' (people type them at a counter and in a shop).
constexpr std::size_t kPromoCodeMinLength = 3;
constexpr std::size_t kPromoCodeMaxLength = 32;

// The body of POST /events/{id}/promo-codes: {code, kind: "percent" | "amount", value,
// max_uses?, per_user?, valid_from?, valid_until?, tier_ids?, min_quantity?}. An amount's
// value is a money string, kept as text until the event's currency is known (toPromoCode).
struct PromoCodeInput
{
    std::string code;
    PromoCode::Kind kind = PromoCode::Kind::Percent;
    int percent = 0;
    std::string amount;
    std::optional<int> maxUses;
    std::optional<int> perUser;
    std::optional<Clock::TimePoint> validFrom;
    std::optional<Clock::TimePoint> validUntil;
    std::vector<TierId> tiers;
    int minQuantity = 1;
};

// The code the input describes for an event in `currency` (no uses yet), or what is wrong
// with its value ("value": not an amount of that currency, or not more than zero).
Result<PromoCode, std::vector<FieldError>> toPromoCode(const PromoCodeInput& input,
                                                       std::string_view currency);

// What an event's code looks like on the wire: PromoCode with its event's currency and when it
// was made (GET /events/{id}/promo-codes lists them with their `uses`).
struct PromoCodeView
{
    PromoCode code;
    std::string currency;
    Clock::TimePoint createdAt;
};

// GET /events/{id}/quote: {subtotal, discount, total, currency, applied: [...]}, priced without
// holding anything.
struct Quote
{
    std::string currency;
    std::int64_t subtotalMinor = 0;
    std::int64_t discountMinor = 0;
    std::int64_t totalMinor = 0;
    std::vector<Applied> applied; // what gave the discount: none or one (discounts do not stack)
};
Quote quoteOf(const Price& price, std::string currency);

// `applied` on the wire, a quote's or a booking's: [{kind: "promo_code", code, percent, discount}
// | {kind: "group_discount", min_quantity, percent, discount}], none or one.
boost::json::array appliedJson(const std::vector<Applied>& applied, const std::string& currency);
// One item of it (throws WireError as the codec's readers do).
Applied readApplied(const boost::json::value& item, const std::string& currency);

// 409 promo_code_invalid with its `reason` (API.md): the code cannot be used for this.
Problem promoCodeInvalid(PromoRefusal reason, std::string_view code);

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PromoCodeInput& p);
PromoCodeInput tag_invoke(boost::json::value_to_tag<PromoCodeInput>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PromoCodeView& p);
PromoCodeView tag_invoke(boost::json::value_to_tag<PromoCodeView>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Quote& q);
Quote tag_invoke(boost::json::value_to_tag<Quote>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const GroupDiscount& g);
GroupDiscount tag_invoke(boost::json::value_to_tag<GroupDiscount>, const boost::json::value& v);

} // namespace ticketing::domain
