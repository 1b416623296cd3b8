#include "domain/Codec.h"

#include "domain/Event.h"
#include "domain/Money.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>

namespace ticketing::domain {

namespace {
std::string summary(const std::vector<FieldError>& errors)
{
    if (errors.empty())
        return "the JSON does not fit the wire contract";
    auto text = (errors.front().field.empty() ? std::string("(value)") : errors.front().field) +
                ": " + errors.front().message;
    if (errors.size() > 1)
        text += " (and " + std::to_string(errors.size() - 1) + " more)";
    return text;
}
} // namespace

WireError::WireError(std::vector<FieldError> errors)
    : std::runtime_error(summary(errors)), m_errors(std::move(errors))
{
}

WireError::WireError(std::string field, std::string message)
    : WireError(std::vector<FieldError>{{std::move(field), std::move(message)}})
{
}

namespace wire {

std::string joinPath(std::string_view base, std::string_view sub)
{
    if (sub.empty() || sub == "(body)") // JsonReader's name for the root
        return std::string(base);
    if (sub.starts_with("(body)"))
        sub.remove_prefix(6);
    if (sub.empty())
        return std::string(base);
    if (base.empty())
        return std::string(sub);
    if (sub.front() == '[')
        return std::string(base) + std::string(sub);
    return std::string(base) + "." + std::string(sub);
}

// The type checks are JsonReader's, so a request read through the codec names its errors
// exactly as before.
std::optional<std::string> readString(const boost::json::value& v, const std::string& path,
                                      std::vector<FieldError>& errors)
{
    if (const auto* s = v.if_string())
        return std::string(*s);
    errors.push_back({path, "must be a string"});
    return std::nullopt;
}

std::optional<std::int64_t> readInteger(const boost::json::value& v, const std::string& path,
                                        std::vector<FieldError>& errors)
{
    if (const auto* i = v.if_int64())
        return *i;
    if (const auto* u = v.if_uint64(); u && *u <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(*u);
    if (const auto* d = v.if_double(); d && std::trunc(*d) == *d && std::abs(*d) < 9.0e15)
        return static_cast<std::int64_t>(*d);
    errors.push_back({path, "must be an integer"});
    return std::nullopt;
}

std::optional<double> readNumber(const boost::json::value& v, const std::string& path,
                                 std::vector<FieldError>& errors)
{
    if (v.is_number()) {
        const double d = v.to_number<double>();
        if (std::isfinite(d))
            return d;
    }
    errors.push_back({path, "must be a number"});
    return std::nullopt;
}

std::optional<bool> readBool(const boost::json::value& v, const std::string& path,
                             std::vector<FieldError>& errors)
{
    if (const auto* b = v.if_bool())
        return *b;
    errors.push_back({path, "must be true or false"});
    return std::nullopt;
}

} // namespace wire

WireReader::WireReader(const boost::json::value& v) : m_object(v.if_object())
{
    if (!m_object)
        m_errors.push_back({"", "must be an object"});
}

bool WireReader::has(std::string_view key) const
{
    return m_object && m_object->contains(key);
}

const boost::json::value* WireReader::member(std::string_view key) const
{
    if (!m_object)
        return nullptr;
    const auto* v = m_object->if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

std::optional<Clock::TimePoint> WireReader::time(std::string_view key, bool required)
{
    auto text = required ? this->required<std::string>(key) : optional<std::string>(key);
    if (!text)
        return std::nullopt;
    auto t = parseTimestamp(*text);
    if (!t)
        error(std::string(key), "must be an RFC 3339 time such as \"2026-03-01T19:30:00Z\"");
    return t;
}

std::optional<std::int64_t> WireReader::money(std::string_view key, std::string_view currency,
                                              bool required)
{
    auto text = required ? this->required<std::string>(key) : optional<std::string>(key);
    const auto c = Currency::fromCode(currency);
    if (!text || !c)
        return std::nullopt;
    auto m = Money::parse(*text, *c);
    if (!m.ok()) {
        error(std::string(key), m.error());
        return std::nullopt;
    }
    return m->minorUnits();
}

std::optional<std::string> WireReader::currency(std::string_view key, bool required)
{
    auto code = required ? this->required<std::string>(key) : optional<std::string>(key);
    if (code && !Currency::fromCode(*code)) {
        error(std::string(key),
              "must be an ISO 4217 currency code that the suite knows, such as \"EUR\"");
        return std::nullopt;
    }
    return code;
}

void WireReader::error(std::string field, std::string message)
{
    m_errors.push_back({std::move(field), std::move(message)});
}

void WireReader::finish() const
{
    if (!m_errors.empty())
        throw WireError(m_errors);
}

Result<boost::json::value, std::vector<FieldError>> parseJsonText(std::string_view text)
{
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec)
        return fail(std::vector<FieldError>{{"(body)", "is not valid JSON: " + ec.message()}});
    return v;
}

std::string toText(const boost::json::value& v)
{
    return boost::json::serialize(v);
}

std::string formatMoney(std::int64_t minor, std::string_view currency)
{
    const auto c = Currency::fromCode(currency);
    if (!c) // the server stores only known currencies; a client reads only those
        throw std::invalid_argument("an amount in an unknown currency: " + std::string(currency));
    return Money(minor, *c).toDecimalString();
}

boost::json::value nullable(const std::optional<std::string>& text)
{
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::value nullableTime(const std::optional<Clock::TimePoint>& t)
{
    return t ? boost::json::value(formatTimestamp(*t)) : boost::json::value(nullptr);
}

} // namespace ticketing::domain
