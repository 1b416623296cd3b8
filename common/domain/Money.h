#pragma once

#include "domain/Result.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// An ISO 4217 currency that the suite knows, with its number of minor digits.
class Currency
{
public:
    // Known codes only (upper case, as ISO writes them). Unknown: nullopt.
    static std::optional<Currency> fromCode(std::string_view code);

    std::string_view code() const { return m_code; }
    int minorDigits() const { return m_minorDigits; }
    bool operator==(const Currency& other) const { return m_code == other.m_code; }

private:
    Currency(std::string_view code, int minorDigits) : m_code(code), m_minorDigits(minorDigits) {}
    std::string_view m_code; // points into a static table
    int m_minorDigits = 2;
};

// An amount of money in integer minor units of one currency. No floating point is ever used:
// on the wire an amount is a decimal string with exactly the currency's minor digits
// ("150.00", "1500" for JPY), parsed and printed here.
class Money
{
public:
    Money(std::int64_t minorUnits, Currency currency) : m_minor(minorUnits), m_currency(currency) {}

    static Money zero(Currency currency) { return Money(0, currency); }
    // Accepts an optional '-', digits, and at most the currency's minor digits after a '.'
    // ("150", "150.5", "150.50"). No exponent, no spaces, no '+', no thousands separators.
    // The error is a sentence fit to show to the person who typed the amount.
    static Result<Money, std::string> parse(std::string_view decimal, Currency currency);

    std::int64_t minorUnits() const { return m_minor; }
    Currency currency() const { return m_currency; }
    bool isNegative() const { return m_minor < 0; }
    bool isZero() const { return m_minor == 0; }

    // "150.00": the wire form, always with the currency's minor digits.
    std::string toDecimalString() const;

    // Arithmetic within one currency; mixing currencies or overflowing is a bug in the caller
    // and throws std::logic_error / std::overflow_error.
    Money operator+(const Money& other) const;
    Money operator-(const Money& other) const;
    Money operator*(std::int64_t factor) const;
    // This amount times basisPoints / 10000, rounded half away from zero to the minor unit
    // (50 % = 5000 bp). Used for refund and discount percentages.
    Money percentage(std::int64_t basisPoints) const;

    bool operator==(const Money& other) const = default;
    // Ordering between currencies is meaningless: compare() throws for different currencies.
    std::strong_ordering compare(const Money& other) const;

private:
    void requireSameCurrency(const Money& other) const;
    std::int64_t m_minor = 0;
    Currency m_currency;
};

// `amount` spread over `weights` in proportion, to the minor unit: each share rounded down,
// then the cents left over go one each to the largest remainders (the earlier on a tie). The
// shares add up to `amount`. All weights zero: evenly.
std::vector<std::int64_t> spread(std::int64_t amount, const std::vector<std::int64_t>& weights);

} // namespace ticketing::domain
