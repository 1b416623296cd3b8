#include "domain/Promo.h"

#include "domain/Codec.h"
#include "domain/Money.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace ticketing::domain {

namespace json = boost::json;

namespace {

std::string_view kindText(PromoCode::Kind k)
{
    return k == PromoCode::Kind::Percent ? "percent" : "amount";
}

json::value optionalInt(const std::optional<int>& v)
{
    return v ? json::value(*v) : json::value(nullptr);
}

json::array tierIds(const std::vector<TierId>& tiers)
{
    json::array out;
    for (const auto& t : tiers)
        out.push_back(json::value(t.toString()));
    return out;
}

// A count that may be absent: 1 or more.
std::optional<int> positive(WireReader& r, std::string_view key, int max)
{
    auto v = r.optional<int>(key);
    if (v && (*v < 1 || *v > max)) {
        r.error(std::string(key), "must be from 1 to " + std::to_string(max));
        return std::nullopt;
    }
    return v;
}

bool validCodeText(std::string_view code)
{
    if (code.size() < kPromoCodeMinLength || code.size() > kPromoCodeMaxLength)
        return false;
    for (char c : code)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            return false;
    return true;
}

} // namespace

Result<PromoCode, std::vector<FieldError>> toPromoCode(const PromoCodeInput& in,
                                                       std::string_view currency)
{
    PromoCode c;
    c.code = in.code;
    c.kind = in.kind;
    c.percent = in.percent;
    c.maxUses = in.maxUses;
    c.perUser = in.perUser;
    c.validFrom = in.validFrom;
    c.validUntil = in.validUntil;
    c.tiers = in.tiers;
    c.minQuantity = in.minQuantity;
    if (in.kind == PromoCode::Kind::Amount) {
        const auto cur = Currency::fromCode(currency);
        if (!cur)
            return fail(std::vector<FieldError>{{"value", "the event's currency is not known"}});
        auto m = Money::parse(in.amount, *cur);
        if (!m.ok())
            return fail(std::vector<FieldError>{{"value", m.error()}});
        if (m->minorUnits() <= 0)
            return fail(std::vector<FieldError>{{"value", "must be more than zero"}});
        c.amountMinor = m->minorUnits();
    }
    return c;
}

Quote quoteOf(const Price& price, std::string currency)
{
    Quote q;
    q.currency = std::move(currency);
    q.subtotalMinor = price.subtotalMinor;
    q.discountMinor = price.discountMinor;
    q.totalMinor = price.totalMinor;
    if (price.applied)
        q.applied.push_back(*price.applied);
    return q;
}

Problem promoCodeInvalid(PromoRefusal reason, std::string_view code)
{
    std::string why;
    switch (reason) {
    case PromoRefusal::Unknown:
        why = "this event has no such code";
        break;
    case PromoRefusal::NotYetValid:
        why = "the code is not valid yet";
        break;
    case PromoRefusal::Expired:
        why = "the code has expired";
        break;
    case PromoRefusal::UsedUp:
        why = "the code has been used as often as it may be";
        break;
    case PromoRefusal::PerUserLimit:
        why = "you have used the code as often as one buyer may";
        break;
    case PromoRefusal::NotForTheseTiers:
        why = "the code is not for these tickets";
        break;
    case PromoRefusal::BelowMinQuantity:
        why = "the code needs more tickets of its tiers in one booking";
        break;
    }
    return Problem(409, "promo_code_invalid", "Promo code not valid",
                   "the promo code " + std::string(code) + " cannot be used: " + why)
        .with("reason", json::value(std::string(toString(reason))));
}

namespace {

// What a code and its input share: its text and kind first, `value` as the kind says, then
// these limits (the member names are the same in both structs).
template <class Code> json::object codeJson(const Code& c, json::value value)
{
    return json::object{{"code", c.code},
                        {"kind", kindText(c.kind)},
                        {"value", std::move(value)},
                        {"max_uses", optionalInt(c.maxUses)},
                        {"per_user", optionalInt(c.perUser)},
                        {"valid_from", nullableTime(c.validFrom)},
                        {"valid_until", nullableTime(c.validUntil)},
                        {"tier_ids", tierIds(c.tiers)},
                        {"min_quantity", c.minQuantity}};
}

// Reads the text and kind (`value` is the caller's) and the limits, each with its rule.
template <class Code> void readCode(WireReader& r, Code& c)
{
    c.code = r.required<std::string>("code").value_or("");
    if (r.has("code") && !validCodeText(c.code))
        r.error("code", "must be 3 to 32 letters, digits, '-' or '_'");
    const auto kind = r.required<std::string>("kind");
    if (kind && *kind != "percent" && *kind != "amount")
        r.error("kind", "must be \"percent\" or \"amount\"");
    c.kind = kind == std::optional<std::string>("amount") ? PromoCode::Kind::Amount
                                                          : PromoCode::Kind::Percent;
    c.maxUses = positive(r, "max_uses", 1'000'000);
    c.perUser = positive(r, "per_user", 1000);
    c.validFrom = r.time("valid_from", false);
    c.validUntil = r.time("valid_until", false);
    if (c.validFrom && c.validUntil && *c.validUntil <= *c.validFrom)
        r.error("valid_until", "must be after valid_from");
    c.tiers = r.optionalOr<std::vector<TierId>>("tier_ids", {});
    if (c.tiers.size() > 50)
        r.error("tier_ids", "at most 50 tiers");
    c.minQuantity = positive(r, "min_quantity", 10).value_or(1);
}

} // namespace

void tag_invoke(json::value_from_tag, json::value& out, const PromoCodeInput& p)
{
    out = codeJson(p, p.kind == PromoCode::Kind::Percent ? json::value(p.percent)
                                                         : json::value(p.amount));
}

PromoCodeInput tag_invoke(json::value_to_tag<PromoCodeInput>, const json::value& v)
{
    WireReader r(v);
    PromoCodeInput p;
    readCode(r, p);
    if (const auto* value = r.member("value"); !value) {
        if (r.isObject())
            r.error("value", "is required");
    } else if (p.kind == PromoCode::Kind::Percent) {
        const auto* n = value->if_int64();
        if (!n || *n < 1 || *n > 100)
            r.error("value", "a percent code's value is a whole number from 1 to 100");
        else
            p.percent = static_cast<int>(*n);
    } else if (const auto* s = value->if_string()) {
        p.amount = std::string(*s);
    } else {
        r.error("value", "an amount code's value is a money string (\"5.00\")");
    }
    r.finish();
    return p;
}

void tag_invoke(json::value_from_tag, json::value& out, const PromoCodeView& p)
{
    const auto& c = p.code;
    auto o = codeJson(c, c.kind == PromoCode::Kind::Percent
                             ? json::value(c.percent)
                             : json::value(formatMoney(c.amountMinor, p.currency)));
    o["currency"] = p.currency;
    o["uses"] = c.uses;
    o["created_at"] = formatTimestamp(p.createdAt);
    out = std::move(o);
}

PromoCodeView tag_invoke(json::value_to_tag<PromoCodeView>, const json::value& v)
{
    WireReader r(v);
    PromoCodeView p;
    p.currency = r.currency("currency").value_or("");
    auto& c = p.code;
    readCode(r, c);
    if (c.kind == PromoCode::Kind::Percent)
        c.percent = r.required<int>("value").value_or(0);
    else
        c.amountMinor = r.money("value", p.currency).value_or(0);
    c.uses = r.required<int>("uses").value_or(0);
    p.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    r.finish();
    return p;
}

namespace {
json::object appliedItem(const Applied& a, const std::string& currency)
{
    json::object o;
    if (a.kind == Applied::Kind::PromoCode) {
        o["kind"] = "promo_code";
        o["code"] = a.code;
    } else {
        o["kind"] = "group_discount";
        o["min_quantity"] = a.minQuantity;
    }
    o["percent"] = a.percent > 0 ? json::value(a.percent) : json::value(nullptr);
    o["discount"] = formatMoney(a.discountMinor, currency);
    return o;
}
} // namespace

json::array appliedJson(const std::vector<Applied>& applied, const std::string& currency)
{
    json::array out;
    for (const auto& a : applied)
        out.push_back(appliedItem(a, currency));
    return out;
}

Applied readApplied(const json::value& item, const std::string& currency)
{
    WireReader a(item);
    Applied out;
    const auto kind = a.required<std::string>("kind");
    if (kind && *kind != "promo_code" && *kind != "group_discount")
        a.error("kind", "must be \"promo_code\" or \"group_discount\"");
    out.kind = kind == std::optional<std::string>("group_discount") ? Applied::Kind::GroupDiscount
                                                                    : Applied::Kind::PromoCode;
    if (out.kind == Applied::Kind::PromoCode)
        out.code = a.required<std::string>("code").value_or("");
    else
        out.minQuantity = a.required<int>("min_quantity").value_or(0);
    out.percent = a.optional<int>("percent").value_or(0);
    out.discountMinor = a.money("discount", currency).value_or(0);
    a.finish();
    return out;
}

void tag_invoke(json::value_from_tag, json::value& out, const Quote& q)
{
    out = json::object{{"subtotal", formatMoney(q.subtotalMinor, q.currency)},
                       {"discount", formatMoney(q.discountMinor, q.currency)},
                       {"total", formatMoney(q.totalMinor, q.currency)},
                       {"currency", q.currency},
                       {"applied", appliedJson(q.applied, q.currency)}};
}

Quote tag_invoke(json::value_to_tag<Quote>, const json::value& v)
{
    WireReader r(v);
    Quote q;
    q.currency = r.currency("currency").value_or("");
    q.subtotalMinor = r.money("subtotal", q.currency).value_or(0);
    q.discountMinor = r.money("discount", q.currency).value_or(0);
    q.totalMinor = r.money("total", q.currency).value_or(0);
    q.applied = r.list<Applied>(
        "applied", [&](const json::value& item) { return readApplied(item, q.currency); });
    r.finish();
    return q;
}

void tag_invoke(json::value_from_tag, json::value& out, const GroupDiscount& g)
{
    out = json::object{{"min_quantity", g.minQuantity}, {"percent", g.percent}};
}

GroupDiscount tag_invoke(json::value_to_tag<GroupDiscount>, const json::value& v)
{
    WireReader r(v);
    GroupDiscount g;
    g.minQuantity = r.required<int>("min_quantity").value_or(0);
    g.percent = r.required<int>("percent").value_or(0);
    r.finish();
    return g;
}

} // namespace ticketing::domain
