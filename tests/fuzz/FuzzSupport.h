#pragma once

// What the fuzz targets share: reading the input as text, and a round trip through the codec
// that must hold for anything the server accepts.
#include "domain/Codec.h"

#include <boost/json/parse.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace ticketing::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// The same JSON, numbers that are doubles within a relative 1e-12 of each other: Boost.JSON
// 1.81's parser does not always round a long decimal to the nearest double (its "precise"
// number mode came in 1.83), so a double may come back one unit in the last place apart.
inline bool sameJson(const boost::json::value& a, const boost::json::value& b)
{
    if (a.is_double() || b.is_double()) {
        if (!a.is_number() || !b.is_number())
            return false;
        const double x = a.to_number<double>();
        const double y = b.to_number<double>();
        return x == y || std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y));
    }
    if (a.kind() != b.kind())
        return false;
    if (const auto* o = a.if_object()) {
        const auto& p = b.as_object();
        if (o->size() != p.size())
            return false;
        for (const auto& [k, v] : *o) {
            const auto* w = p.if_contains(k);
            if (!w || !sameJson(v, *w))
                return false;
        }
        return true;
    }
    if (const auto* arr = a.if_array()) {
        const auto& brr = b.as_array();
        if (arr->size() != brr.size())
            return false;
        for (std::size_t i = 0; i < arr->size(); ++i)
            if (!sameJson((*arr)[i], brr[i]))
                return false;
        return true;
    }
    return a == b;
}

// A value the codec read must be written and read back to the same text (doubles aside, see
// sameJson): the server stores and answers what it accepted, and the apps read it again.
template <class T> void roundTrip(const T& value)
{
    const auto once = domain::encodeText(value);
    auto again = domain::decodeText<T>(once);
    if (!again.ok()) {
        std::fprintf(stderr, "written but not read back: %s\n", once.c_str());
        std::abort();
    }
    const auto twice = domain::encodeText(again.value());
    if (twice != once && !sameJson(boost::json::parse(once), boost::json::parse(twice))) {
        std::fprintf(stderr, "not the same when read back:\n%s\n%s\n", once.c_str(), twice.c_str());
        std::abort();
    }
}

// Reads `data` as the body of a request whose type is T; a value is round-tripped.
template <class T> void readBody(std::string_view data)
{
    auto value = domain::decodeText<T>(data);
    if (value.ok())
        roundTrip(value.value());
}

} // namespace ticketing::fuzz
