#include "domain/Uuid.h"

#include "domain/Codec.h"

#include <boost/json/value.hpp>
#include <chrono>
#include <sodium.h>

namespace ticketing::domain {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct SodiumInit
{
    SodiumInit()
    {
        if (sodium_init() < 0)
            std::abort(); // no entropy source: nothing safe can be made
    }
};
} // namespace

Uuid Uuid::generateV7()
{
    static const SodiumInit init;
    std::array<std::uint8_t, 16> b{};
    randombytes_buf(b.data(), b.size());
    const auto ms =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
    b[6] = static_cast<std::uint8_t>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3F)); // RFC 9562 variant
    return Uuid(b);
}

std::optional<Uuid> Uuid::parse(std::string_view text)
{
    if (text.size() != 36)
        return std::nullopt;
    std::array<std::uint8_t, 16> b{};
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return std::nullopt;
            ++i;
            continue;
        }
        const int hi = hexValue(text[i]);
        const int lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        b[out++] = static_cast<std::uint8_t>(hi << 4 | lo);
        i += 2;
    }
    return Uuid(b);
}

std::string Uuid::toString() const
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s.push_back('-');
        s.push_back(digits[m_bytes[i] >> 4]);
        s.push_back(digits[m_bytes[i] & 0x0F]);
    }
    return s;
}

bool Uuid::isNil() const
{
    for (auto b : m_bytes)
        if (b != 0)
            return false;
    return true;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Uuid& id)
{
    out = id.toString();
}

Uuid tag_invoke(boost::json::value_to_tag<Uuid>, const boost::json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto id = Uuid::parse(*s))
            return *id;
    throw WireError("", "must be an id (a UUID)");
}

} // namespace ticketing::domain
