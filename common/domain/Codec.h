#pragma once

// The wire contract (API.md) as code. Every type that crosses the wire has, in its own header,
//
//   void tag_invoke(boost::json::value_from_tag, boost::json::value&, const T&);  // write
//   T tag_invoke(boost::json::value_to_tag<T>, const boost::json::value&);         // read
//
// so the server's handlers and the apps read and write the same JSON and cannot drift apart.
// Reading throws WireError, which carries every offending member with its path; callers that
// want a value instead of an exception use decode<T>(), the only place that catches it.

#include "domain/Clock.h"
#include "domain/JsonReader.h"
#include "domain/Problem.h"
#include "domain/Result.h"

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ticketing::domain {

// What a reader found wrong, member by member ("seats[3].seat_id: must be a seat id"). Paths
// are relative to the value read; a reader of an enclosing value prefixes its own.
class WireError : public std::runtime_error
{
public:
    explicit WireError(std::vector<FieldError> errors);
    WireError(std::string field, std::string message);
    const std::vector<FieldError>& errors() const { return m_errors; }

private:
    std::vector<FieldError> m_errors;
};

namespace wire {

template <class T> struct IsVector : std::false_type
{
};
template <class U, class A> struct IsVector<std::vector<U, A>> : std::true_type
{
};

// "a" + "b" = "a.b", "a" + "[0].b" = "a[0].b", "" + "b" = "b", "a" + "" = "a".
std::string joinPath(std::string_view base, std::string_view sub);

std::optional<std::string> readString(const boost::json::value& v, const std::string& path,
                                      std::vector<FieldError>& errors);
std::optional<std::int64_t> readInteger(const boost::json::value& v, const std::string& path,
                                        std::vector<FieldError>& errors);
std::optional<double> readNumber(const boost::json::value& v, const std::string& path,
                                 std::vector<FieldError>& errors);
std::optional<bool> readBool(const boost::json::value& v, const std::string& path,
                             std::vector<FieldError>& errors);

// One value of type T at `path`; what is wrong goes to `errors` with full paths.
template <class T>
std::optional<T> readAs(const boost::json::value& v, const std::string& path,
                        std::vector<FieldError>& errors)
{
    if constexpr (std::is_same_v<T, std::string>) {
        return readString(v, path, errors);
    } else if constexpr (std::is_same_v<T, bool>) {
        return readBool(v, path, errors);
    } else if constexpr (std::is_integral_v<T>) {
        auto i = readInteger(v, path, errors);
        if (!i)
            return std::nullopt;
        if (*i < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
            (*i > 0 && static_cast<std::uint64_t>(*i) >
                           static_cast<std::uint64_t>(std::numeric_limits<T>::max()))) {
            errors.push_back({path, "is out of range"});
            return std::nullopt;
        }
        return static_cast<T>(*i);
    } else if constexpr (std::is_floating_point_v<T>) {
        auto d = readNumber(v, path, errors);
        return d ? std::optional<T>(static_cast<T>(*d)) : std::nullopt;
    } else if constexpr (IsVector<T>::value) {
        const auto* a = v.if_array();
        if (!a) {
            errors.push_back({path, "must be an array"});
            return std::nullopt;
        }
        T out;
        out.reserve(a->size());
        const auto before = errors.size();
        for (std::size_t i = 0; i < a->size(); ++i) {
            auto item = readAs<typename T::value_type>(
                (*a)[i], path + "[" + std::to_string(i) + "]", errors);
            if (item)
                out.push_back(std::move(*item));
        }
        if (errors.size() != before)
            return std::nullopt;
        return out;
    } else {
        try {
            return boost::json::value_to<T>(v);
        } catch (const WireError& e) {
            for (const auto& f : e.errors())
                errors.push_back({joinPath(path, f.field), f.message});
        }
        return std::nullopt;
    }
}

} // namespace wire

// Reads the members of one JSON object inside a tag_invoke(value_to_tag<T>): every member's
// problem is collected, and finish() throws them all at once.
class WireReader
{
public:
    explicit WireReader(const boost::json::value& v);

    bool isObject() const { return m_object != nullptr; }
    const boost::json::object* object() const { return m_object; }
    bool has(std::string_view key) const;
    // The member, or nullptr when absent or null.
    const boost::json::value* member(std::string_view key) const;

    template <class T> std::optional<T> required(std::string_view key)
    {
        const auto* v = member(key);
        if (!v) {
            if (m_object)
                m_errors.push_back({std::string(key), "is required"});
            return std::nullopt;
        }
        return wire::readAs<T>(*v, std::string(key), m_errors);
    }
    // Absent or null: nullopt, and no error.
    template <class T> std::optional<T> optional(std::string_view key)
    {
        const auto* v = member(key);
        return v ? wire::readAs<T>(*v, std::string(key), m_errors) : std::nullopt;
    }
    template <class T> T optionalOr(std::string_view key, T fallback)
    {
        auto v = optional<T>(key);
        return v ? std::move(*v) : std::move(fallback);
    }

    // A list whose items need something of this object to be read (its currency): `read`
    // takes an item's value and returns T or throws WireError.
    template <class T, class Read> std::vector<T> list(std::string_view key, Read read)
    {
        std::vector<T> out;
        const auto* v = member(key);
        if (!v) {
            if (m_object)
                error(std::string(key), "is required");
            return out;
        }
        const auto* a = v->if_array();
        if (!a) {
            error(std::string(key), "must be an array");
            return out;
        }
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i) {
            try {
                out.push_back(read((*a)[i]));
            } catch (const WireError& e) {
                const auto at = std::string(key) + "[" + std::to_string(i) + "]";
                for (const auto& f : e.errors())
                    error(wire::joinPath(at, f.field), f.message);
            }
        }
        return out;
    }

    // An RFC 3339 time.
    std::optional<Clock::TimePoint> time(std::string_view key, bool required = true);
    // A money string ("150.00") in minor units of `currency` (an ISO 4217 code the suite knows;
    // when it is not one, the currency's own member has its error already and this adds none).
    std::optional<std::int64_t> money(std::string_view key, std::string_view currency,
                                      bool required = true);
    // An ISO 4217 code that the suite knows.
    std::optional<std::string> currency(std::string_view key, bool required = true);

    void error(std::string field, std::string message);
    std::vector<FieldError>& errors() { return m_errors; }
    // Throws WireError when anything was wrong.
    void finish() const;

private:
    const boost::json::object* m_object = nullptr;
    std::vector<FieldError> m_errors;
};

// For a tag_invoke(value_to_tag<T>) that stands on a parser returning Result (parseVenue,
// parseEvent, ...): the value, or its errors thrown as WireError.
template <class T> T valueOrThrow(Result<T, std::vector<FieldError>>&& parsed)
{
    if (!parsed.ok())
        throw WireError(std::move(parsed).error());
    return std::move(parsed).value();
}

// A value of T read from JSON, or every problem with its path (the root is "(body)").
template <class T> Result<T, std::vector<FieldError>> decode(const boost::json::value& v)
{
    std::vector<FieldError> errors;
    auto out = wire::readAs<T>(v, "", errors);
    if (!out) {
        for (auto& e : errors)
            if (e.field.empty())
                e.field = "(body)";
        if (errors.empty())
            errors.push_back({"(body)", "is not valid"});
        return fail(std::move(errors));
    }
    return std::move(*out);
}

// JSON text parsed and read; text that is not JSON is one error at "(body)".
Result<boost::json::value, std::vector<FieldError>> parseJsonText(std::string_view text);
template <class T> Result<T, std::vector<FieldError>> decodeText(std::string_view text)
{
    auto v = parseJsonText(text);
    if (!v.ok())
        return fail(std::move(v).error());
    return decode<T>(*v);
}

template <class T> boost::json::value encode(const T& value)
{
    return boost::json::value_from(value);
}
std::string toText(const boost::json::value& v);
template <class T> std::string encodeText(const T& value)
{
    return toText(boost::json::value_from(value));
}

// Writing helpers: API.md's money strings, times and nullable members.
std::string formatMoney(std::int64_t minor, std::string_view currency);
boost::json::value nullable(const std::optional<std::string>& text);
boost::json::value nullableTime(const std::optional<Clock::TimePoint>& t);

// A list answer of API.md: {"items": [...], "next_cursor": "..." | null}.
template <class T> struct Page
{
    std::vector<T> items;
    std::optional<std::string> nextCursor;
    bool operator==(const Page&) const = default;
};

template <class T>
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Page<T>& page)
{
    boost::json::array items;
    items.reserve(page.items.size());
    for (const auto& item : page.items)
        items.push_back(boost::json::value_from(item));
    out = boost::json::object{{"items", std::move(items)},
                              {"next_cursor", nullable(page.nextCursor)}};
}

template <class T>
Page<T> tag_invoke(boost::json::value_to_tag<Page<T>>, const boost::json::value& v)
{
    WireReader r(v);
    Page<T> page;
    page.items = r.required<std::vector<T>>("items").value_or(std::vector<T>{});
    if (!r.has("next_cursor") && r.isObject())
        r.error("next_cursor", "is required");
    page.nextCursor = r.optional<std::string>("next_cursor");
    r.finish();
    return page;
}

} // namespace ticketing::domain
