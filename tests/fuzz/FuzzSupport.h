#pragma once

// What the fuzz targets share: reading the input as text, and a round trip through the codec
// that must hold for anything the server accepts.
#include "domain/Codec.h"

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

// A value the codec read must be written and read back to the same text: the server stores
// and answers what it accepted, and the apps read it again.
template <class T> void roundTrip(const T& value)
{
    const auto once = domain::encodeText(value);
    auto again = domain::decodeText<T>(once);
    if (!again.ok()) {
        std::fprintf(stderr, "written but not read back: %s\n", once.c_str());
        std::abort();
    }
    const auto twice = domain::encodeText(again.value());
    if (twice != once) {
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
