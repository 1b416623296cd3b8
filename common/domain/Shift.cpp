#include "domain/Shift.h"

#include "domain/Codec.h"
#include "domain/JsonReader.h"
#include "domain/Money.h"

#include <boost/json/value.hpp>

namespace ticketing::domain {

void ShiftTotals::add(const std::string& method, int n, std::int64_t amountMinor)
{
    count += n;
    if (method == "cash")
        cash += amountMinor;
    else if (method == "card_present")
        cardPresent += amountMinor;
    else
        card += amountMinor;
}

namespace {
std::optional<std::int64_t> readAmount(JsonReader& r, const boost::json::object& o,
                                       std::string_view key, const std::string& currency)
{
    const auto text = r.string(o, key, "");
    if (!text)
        return std::nullopt;
    const auto c = Currency::fromCode(currency);
    if (!c)
        return std::nullopt; // the currency has its own error
    auto m = Money::parse(*text, *c);
    if (!m) {
        r.addError(std::string(key), m.error());
        return std::nullopt;
    }
    if (m->isNegative()) {
        r.addError(std::string(key), "must not be negative");
        return std::nullopt;
    }
    return m->minorUnits();
}
} // namespace

Result<ShiftOpening, std::vector<FieldError>> parseShiftOpening(const boost::json::value& body)
{
    JsonReader r;
    const auto* o = r.object(body, "");
    if (!o)
        return fail(std::move(r.errors()));
    ShiftOpening s;
    if (auto currency = r.string(*o, "currency", "")) {
        if (!Currency::fromCode(*currency))
            r.addError("currency", "must be an ISO 4217 code the suite knows (EUR, GBP, USD, ...)");
        else
            s.currency = *currency;
    }
    if (auto amount = readAmount(r, *o, "opening_float", s.currency.empty() ? "EUR" : s.currency))
        s.openingFloat = *amount;
    if (!r.ok())
        return fail(std::move(r.errors()));
    return s;
}

Result<std::int64_t, std::vector<FieldError>> parseCountedCash(const boost::json::value& body,
                                                               const std::string& currency)
{
    JsonReader r;
    const auto* o = r.object(body, "");
    if (!o)
        return fail(std::move(r.errors()));
    const auto amount = readAmount(r, *o, "counted_cash", currency);
    if (!r.ok() || !amount)
        return fail(std::move(r.errors()));
    return *amount;
}

Problem noOpenShift()
{
    return Problem(409, "no_open_shift", "No open shift",
                   "open a shift (POST /boxoffice/shifts) before taking money at the counter");
}

Problem currencyMismatch(const std::string& shiftCurrency, const std::string& currency)
{
    return Problem(409, "currency_mismatch", "Another currency than the shift's",
                   "the shift counts " + shiftCurrency + "; this payment is in " + currency)
        .with("shift_currency", boost::json::string(shiftCurrency))
        .with("currency", boost::json::string(currency));
}

namespace {
boost::json::object totalsJson(const ShiftTotals& t, const std::string& currency)
{
    return {{"count", t.count},
            {"cash", formatMoney(t.cash, currency)},
            {"card_present", formatMoney(t.cardPresent, currency)},
            {"card", formatMoney(t.card, currency)}};
}

ShiftTotals readTotals(WireReader& parent, std::string_view key, const std::string& currency)
{
    ShiftTotals t;
    const auto* v = parent.member(key);
    if (!v) {
        parent.error(std::string(key), "is required");
        return t;
    }
    WireReader r(*v);
    t.count = r.required<int>("count").value_or(0);
    t.cash = r.money("cash", currency).value_or(0);
    t.cardPresent = r.money("card_present", currency).value_or(0);
    t.card = r.money("card", currency).value_or(0);
    for (const auto& e : r.errors())
        parent.error(wire::joinPath(std::string(key), e.field), e.message);
    return t;
}
} // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Shift& s)
{
    auto money = [&](std::int64_t minor) { return formatMoney(minor, s.currency); };
    const auto difference = s.difference();
    out = boost::json::object{{"shift_id", s.id.toString()},
                              {"agent_id", s.agent.toString()},
                              {"currency", s.currency},
                              {"opened_at", formatTimestamp(s.openedAt)},
                              {"closed_at", nullableTime(s.closedAt)},
                              {"opening_float", money(s.openingFloat)},
                              {"sales", totalsJson(s.sales, s.currency)},
                              {"refunds", totalsJson(s.refunds, s.currency)},
                              {"expected_cash", money(s.expectedCash())},
                              {"counted_cash", s.countedCash
                                                   ? boost::json::value(money(*s.countedCash))
                                                   : boost::json::value(nullptr)},
                              {"difference", difference ? boost::json::value(money(*difference))
                                                        : boost::json::value(nullptr)}};
}

Shift tag_invoke(boost::json::value_to_tag<Shift>, const boost::json::value& v)
{
    WireReader r(v);
    Shift s;
    s.id = r.required<ShiftId>("shift_id").value_or(ShiftId{});
    s.agent = r.required<UserId>("agent_id").value_or(UserId{});
    s.currency = r.currency("currency").value_or("");
    s.openedAt = r.time("opened_at").value_or(Clock::TimePoint{});
    s.closedAt = r.time("closed_at", false);
    s.openingFloat = r.money("opening_float", s.currency).value_or(0);
    s.sales = readTotals(r, "sales", s.currency);
    s.refunds = readTotals(r, "refunds", s.currency);
    const auto expected = r.money("expected_cash", s.currency);
    s.countedCash = r.money("counted_cash", s.currency, false);
    const auto difference = r.money("difference", s.currency, false);
    if (expected && *expected != s.expectedCash())
        r.error("expected_cash", "is not opening_float + sales.cash - refunds.cash");
    if (difference && !s.countedCash)
        r.error("counted_cash", "is required with difference");
    else if (difference != s.difference())
        r.error("difference", "is not counted_cash - expected_cash");
    r.finish();
    return s;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ShiftOpening& o)
{
    out = boost::json::object{{"currency", o.currency},
                              {"opening_float", formatMoney(o.openingFloat, o.currency)}};
}

ShiftOpening tag_invoke(boost::json::value_to_tag<ShiftOpening>, const boost::json::value& v)
{
    return valueOrThrow(parseShiftOpening(v));
}

} // namespace ticketing::domain
