#pragma once

#include <array>
#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ticketing::domain {

// A 128-bit identifier. The server makes version 7 ids (RFC 9562): time-ordered, so primary
// key indexes grow at their right edge instead of splitting pages at random, and random in
// their low 74 bits (libsodium's CSPRNG), so they cannot be guessed.
class Uuid
{
public:
    Uuid() = default; // the nil id
    explicit Uuid(const std::array<std::uint8_t, 16>& bytes) : m_bytes(bytes) {}

    static Uuid generateV7();
    // Canonical 8-4-4-4-12 hex form, either case. Anything else: nullopt.
    static std::optional<Uuid> parse(std::string_view text);

    std::string toString() const; // lowercase canonical form
    bool isNil() const;
    int version() const { return m_bytes[6] >> 4; }
    const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; }

    auto operator<=>(const Uuid&) const = default;

private:
    std::array<std::uint8_t, 16> m_bytes{};
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Uuid& id);
// Reading: a UUID string, else WireError "must be an id" (domain/Codec.h).
Uuid tag_invoke(boost::json::value_to_tag<Uuid>, const boost::json::value& v);

// Ids that cannot be mixed up: an EventId is not a SeatId, though both are UUIDs.
template <class Tag> struct Id
{
    Uuid value;

    static Id generate() { return Id{Uuid::generateV7()}; }
    static std::optional<Id> parse(std::string_view text)
    {
        if (auto u = Uuid::parse(text))
            return Id{*u};
        return std::nullopt;
    }
    std::string toString() const { return value.toString(); }
    auto operator<=>(const Id&) const = default;

    friend void tag_invoke(boost::json::value_from_tag tag, boost::json::value& out, const Id& id)
    {
        tag_invoke(tag, out, id.value);
    }
    friend Id tag_invoke(boost::json::value_to_tag<Id>, const boost::json::value& v)
    {
        return Id{tag_invoke(boost::json::value_to_tag<Uuid>{}, v)};
    }
};

using UserId = Id<struct UserIdTag>;
using VenueId = Id<struct VenueIdTag>;
using SectionId = Id<struct SectionIdTag>;
using SeatId = Id<struct SeatIdTag>;
using EventId = Id<struct EventIdTag>;
using TierId = Id<struct TierIdTag>;
using BookingId = Id<struct BookingIdTag>;
using TicketId = Id<struct TicketIdTag>;
using PaymentId = Id<struct PaymentIdTag>;
using ShiftId = Id<struct ShiftIdTag>;
using DeviceId = Id<struct DeviceIdTag>;

} // namespace ticketing::domain

template <> struct std::hash<ticketing::domain::Uuid>
{
    std::size_t operator()(const ticketing::domain::Uuid& id) const noexcept
    {
        std::size_t h = 0;
        for (auto b : id.bytes())
            h = h * 131 + b;
        return h;
    }
};
