#include "domain/Money.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace ticketing::domain {

namespace {
struct CurrencyInfo
{
    std::string_view code;
    int minorDigits;
};

// ISO 4217 minor units of the currencies the suite sells in. Add rows as venues need them.
constexpr std::array<CurrencyInfo, 22> kCurrencies{{
    {"AUD", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CZK", 2}, {"DKK", 2}, {"EUR", 2},
    {"GBP", 2}, {"HUF", 2}, {"INR", 2}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3}, {"MXN", 2},
    {"NOK", 2}, {"NZD", 2}, {"PLN", 2}, {"SEK", 2}, {"USD", 2}, {"ZAR", 2},
}};

constexpr std::int64_t pow10(int n)
{
    std::int64_t r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

bool addOverflows(std::int64_t a, std::int64_t b, std::int64_t* out)
{
    return __builtin_add_overflow(a, b, out);
}
} // namespace

std::optional<Currency> Currency::fromCode(std::string_view code)
{
    for (const auto& c : kCurrencies)
        if (c.code == code)
            return Currency(c.code, c.minorDigits);
    return std::nullopt;
}

Result<Money, std::string> Money::parse(std::string_view s, Currency currency)
{
    const std::string original(s);
    auto bad = [&](const std::string& why) {
        return fail("\"" + original + "\" is not an amount of " + std::string(currency.code()) +
                    ": " + why);
    };
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac =
        dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty())
        return bad("digits are expected before the decimal point");
    if (dot != std::string_view::npos && frac.empty())
        return bad("digits are expected after the decimal point");
    if (static_cast<int>(frac.size()) > currency.minorDigits())
        return bad(currency.minorDigits() == 0
                       ? "it has no minor unit"
                       : "at most " + std::to_string(currency.minorDigits()) +
                             " digits after the decimal point");
    std::int64_t units = 0;
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    auto accumulate = [&](std::string_view digits) {
        for (char c : digits) {
            if (c < '0' || c > '9')
                return false;
            if (units > (max - (c - '0')) / 10)
                return false;
            units = units * 10 + (c - '0');
        }
        return true;
    };
    for (char c : std::string(whole) + std::string(frac))
        if (c < '0' || c > '9')
            return bad("only digits and one decimal point are allowed");
    if (!accumulate(whole) || !accumulate(frac))
        return bad("too large");
    const int missing = currency.minorDigits() - static_cast<int>(frac.size());
    for (int i = 0; i < missing; ++i) {
        if (units > max / 10)
            return bad("too large");
        units *= 10;
    }
    return Money(negative ? -units : units, currency);
}

std::string Money::toDecimalString() const
{
    const int digits = m_currency.minorDigits();
    // Work in unsigned so that the most negative value prints correctly.
    const bool negative = m_minor < 0;
    const std::uint64_t magnitude = negative
                                        ? std::uint64_t(0) - static_cast<std::uint64_t>(m_minor)
                                        : static_cast<std::uint64_t>(m_minor);
    const auto scale = static_cast<std::uint64_t>(pow10(digits));
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / scale);
    if (digits > 0) {
        std::string frac = std::to_string(magnitude % scale);
        out += '.';
        out.append(static_cast<std::size_t>(digits) - frac.size(), '0');
        out += frac;
    }
    return out;
}

void Money::requireSameCurrency(const Money& other) const
{
    if (!(m_currency == other.m_currency))
        throw std::logic_error("money of different currencies: " + std::string(m_currency.code()) +
                               " and " + std::string(other.m_currency.code()));
}

Money Money::operator+(const Money& other) const
{
    requireSameCurrency(other);
    std::int64_t r = 0;
    if (addOverflows(m_minor, other.m_minor, &r))
        throw std::overflow_error("money overflow");
    return Money(r, m_currency);
}

Money Money::operator-(const Money& other) const
{
    requireSameCurrency(other);
    std::int64_t r = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &r))
        throw std::overflow_error("money overflow");
    return Money(r, m_currency);
}

Money Money::operator*(std::int64_t factor) const
{
    std::int64_t r = 0;
    if (__builtin_mul_overflow(m_minor, factor, &r))
        throw std::overflow_error("money overflow");
    return Money(r, m_currency);
}

Money Money::percentage(std::int64_t basisPoints) const
{
    __extension__ using Wide = __int128; // a 64-bit amount times basis points can exceed 64 bits
    Wide product = static_cast<Wide>(m_minor) * basisPoints;
    const Wide half = 5000;
    product += product >= 0 ? half : -half; // round half away from zero
    const Wide result = product / 10000;
    if (result > std::numeric_limits<std::int64_t>::max() ||
        result < std::numeric_limits<std::int64_t>::min())
        throw std::overflow_error("money overflow");
    return Money(static_cast<std::int64_t>(result), m_currency);
}

std::strong_ordering Money::compare(const Money& other) const
{
    requireSameCurrency(other);
    return m_minor <=> other.m_minor;
}

namespace {
// Products of an amount and a price need more than 64 bits in the worst case; GCC and Clang
// (our compilers) have a 128-bit integer (`__extension__` keeps -Wpedantic quiet about it).
__extension__ typedef __int128 Wide;
} // namespace

std::vector<std::int64_t> spread(std::int64_t amount, const std::vector<std::int64_t>& weights)
{
    std::vector<std::int64_t> shares(weights.size(), 0);
    if (weights.empty())
        return shares;
    const std::int64_t sum = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    if (sum == 0) {
        std::vector<std::int64_t> even(weights.size(), 1);
        return spread(amount, even);
    }
    // Exact rational shares amount * w / sum; the floors first, then the remainders. 128-bit
    // products: an amount in minor units times a price cannot overflow.
    std::vector<std::pair<Wide, std::size_t>> remainders;
    std::int64_t given = 0;
    const bool negative = amount < 0;
    const Wide a = negative ? -static_cast<Wide>(amount) : amount;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Wide product = a * weights[i];
        shares[i] = static_cast<std::int64_t>(product / sum);
        given += shares[i];
        remainders.emplace_back(product % sum, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t k = 0; given < static_cast<std::int64_t>(a); ++k, ++given)
        ++shares[remainders[k % remainders.size()].second];
    if (negative)
        for (auto& s : shares)
            s = -s;
    return shares;
}

} // namespace ticketing::domain
