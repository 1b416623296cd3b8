#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// A box office shift: an agent's cash drawer from opening to close (API.md "Box office"). Every
// cash or card-present payment the agent takes belongs to its open shift, and so does every
// refund the agent makes while one is open.

// Money by method, in the shift's currency (minor units).
struct ShiftTotals
{
    int count = 0;
    std::int64_t cash = 0;
    std::int64_t cardPresent = 0;
    std::int64_t card = 0;
    bool operator==(const ShiftTotals&) const = default;
    // `count` payments (or refunds) of `method` amounting to `amountMinor`.
    void add(const std::string& method, int count, std::int64_t amountMinor);
};

struct Shift
{
    ShiftId id;
    UserId agent;
    std::string currency;
    Clock::TimePoint openedAt;
    std::optional<Clock::TimePoint> closedAt;
    std::int64_t openingFloat = 0;
    ShiftTotals sales;
    ShiftTotals refunds;
    std::optional<std::int64_t> countedCash; // at close

    bool open() const { return !closedAt; }
    // What the drawer should hold: the float, plus cash taken, less cash given back.
    std::int64_t expectedCash() const { return openingFloat + sales.cash - refunds.cash; }
    // Counted less expected (negative: cash is missing); known once counted.
    std::optional<std::int64_t> difference() const
    {
        return countedCash ? std::optional(*countedCash - expectedCash()) : std::nullopt;
    }
    bool operator==(const Shift&) const = default;
};

// POST /boxoffice/shifts {currency, opening_float}.
struct ShiftOpening
{
    std::string currency;
    std::int64_t openingFloat = 0;
    bool operator==(const ShiftOpening&) const = default;
};
Result<ShiftOpening, std::vector<FieldError>> parseShiftOpening(const boost::json::value& body);

// POST /boxoffice/shifts/{id}/close {counted_cash}: the amount as typed, read in the shift's
// currency.
Result<std::int64_t, std::vector<FieldError>> parseCountedCash(const boost::json::value& body,
                                                               const std::string& currency);

// The refusals of a payment at the counter.
Problem noOpenShift();
Problem currencyMismatch(const std::string& shiftCurrency, const std::string& currency);

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Shift& s);
Shift tag_invoke(boost::json::value_to_tag<Shift>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ShiftOpening& o);
ShiftOpening tag_invoke(boost::json::value_to_tag<ShiftOpening>, const boost::json::value& v);

} // namespace ticketing::domain
