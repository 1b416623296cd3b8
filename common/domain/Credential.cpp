#include "domain/Credential.h"

#include <algorithm>
#include <cstring>
#include <sodium.h>
#include <stdexcept>

namespace ticketing::domain {

namespace {
constexpr std::string_view kPrefix = "TK1.";
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kSignatureSize = crypto_sign_BYTES;
static_assert(kCredentialClaimsSize == 1 + 8 + 16 * 4 + 8 + 8);

void ensureSodium()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot be initialised");
}

void putInt64(std::uint8_t* out, std::int64_t v)
{
    auto u = static_cast<std::uint64_t>(v);
    for (int i = 7; i >= 0; --i) {
        out[i] = static_cast<std::uint8_t>(u & 0xff);
        u >>= 8;
    }
}

std::int64_t getInt64(const std::uint8_t* in)
{
    std::uint64_t u = 0;
    for (int i = 0; i < 8; ++i)
        u = (u << 8) | in[i];
    return static_cast<std::int64_t>(u);
}

std::int64_t unixSeconds(Clock::TimePoint t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::array<std::uint8_t, kCredentialClaimsSize> encodeClaims(const TicketClaims& c)
{
    std::array<std::uint8_t, kCredentialClaimsSize> out{};
    std::uint8_t* p = out.data();
    *p++ = kVersion;
    std::memcpy(p, c.keyId.data(), 8);
    p += 8;
    for (const Uuid* id : {&c.ticket.value, &c.event.value, &c.tier.value}) {
        std::memcpy(p, id->bytes().data(), 16);
        p += 16;
    }
    if (c.seat)
        std::memcpy(p, c.seat->value.bytes().data(), 16);
    p += 16;
    putInt64(p, unixSeconds(c.validFrom));
    putInt64(p + 8, unixSeconds(c.validUntil));
    return out;
}

Uuid uuidAt(const std::uint8_t* p)
{
    std::array<std::uint8_t, 16> b{};
    std::memcpy(b.data(), p, 16);
    return Uuid(b);
}

std::string base64url(const std::uint8_t* data, std::size_t size)
{
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Exactly `size` bytes from base64url without padding, or false.
bool fromBase64url(std::string_view text, std::uint8_t* out, std::size_t size)
{
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &written, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return false;
    if (written != size || end != text.data() + text.size())
        return false;
    // Only the canonical text: the last character's unused bits could otherwise be changed
    // without changing the bytes, and a changed character must never pass.
    return base64url(out, size) == text;
}
} // namespace

SigningKey SigningKey::generate()
{
    ensureSodium();
    SigningKey k;
    crypto_sign_keypair(k.publicKey.data(), k.secretKey.data());
    return k;
}

SigningKey SigningKey::fromSeed(const std::array<std::uint8_t, 32>& seed)
{
    ensureSodium();
    SigningKey k;
    crypto_sign_seed_keypair(k.publicKey.data(), k.secretKey.data(), seed.data());
    return k;
}

KeyIdBytes SigningKey::keyId() const
{
    return keyIdOf(publicKey);
}

KeyIdBytes keyIdOf(const std::array<std::uint8_t, 32>& publicKey)
{
    ensureSodium();
    std::array<std::uint8_t, 32> hash{};
    crypto_generichash(hash.data(), hash.size(), publicKey.data(), publicKey.size(), nullptr, 0);
    KeyIdBytes id{};
    std::memcpy(id.data(), hash.data(), id.size());
    return id;
}

std::string keyIdHex(const KeyIdBytes& id)
{
    std::string out(id.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), id.data(), id.size());
    out.pop_back();
    return out;
}

TicketClaims ticketClaims(const TicketId& ticket, const EventId& event, const TierId& tier,
                          const std::optional<SeatId>& seat, Clock::TimePoint issued,
                          Clock::TimePoint eventEnd)
{
    TicketClaims c;
    c.ticket = ticket;
    c.event = event;
    c.tier = tier;
    c.seat = seat;
    c.validFrom = std::chrono::time_point_cast<std::chrono::seconds>(issued);
    c.validUntil = std::chrono::time_point_cast<std::chrono::seconds>(eventEnd) + kGateOpenAfterEnd;
    return c;
}

std::string signCredential(TicketClaims claims, const SigningKey& key)
{
    ensureSodium();
    claims.keyId = key.keyId();
    const auto body = encodeClaims(claims);
    std::array<std::uint8_t, kSignatureSize> sig{};
    crypto_sign_detached(sig.data(), nullptr, body.data(), body.size(), key.secretKey.data());
    std::string out(kPrefix);
    out += base64url(body.data(), body.size());
    out += '.';
    out += base64url(sig.data(), sig.size());
    return out;
}

std::string_view toString(CredentialError e)
{
    switch (e) {
    case CredentialError::Malformed:
        return "malformed";
    case CredentialError::UnknownKey:
        return "unknown_key";
    case CredentialError::WrongEvent:
        return "wrong_event";
    case CredentialError::BadSignature:
        return "bad_signature";
    case CredentialError::Revoked:
        return "revoked";
    case CredentialError::NotYetValid:
        return "not_yet_valid";
    case CredentialError::Expired:
        return "expired";
    }
    return "malformed";
}

namespace {
// The credential's parts, read but not verified; nullopt when it is not one in form.
struct Parsed
{
    TicketClaims claims;
    std::array<std::uint8_t, kCredentialClaimsSize> body{};
    std::array<std::uint8_t, kSignatureSize> sig{};
};

std::optional<Parsed> parse(std::string_view code)
{
    if (code.substr(0, kPrefix.size()) != kPrefix)
        return std::nullopt;
    code.remove_prefix(kPrefix.size());
    const auto dot = code.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    Parsed out;
    auto& body = out.body;
    if (!fromBase64url(code.substr(0, dot), body.data(), body.size()) ||
        !fromBase64url(code.substr(dot + 1), out.sig.data(), out.sig.size()) || body[0] != kVersion)
        return std::nullopt;
    auto& c = out.claims;
    std::memcpy(c.keyId.data(), body.data() + 1, 8);
    const std::uint8_t* p = body.data() + 9;
    c.ticket = TicketId{uuidAt(p)};
    c.event = EventId{uuidAt(p + 16)};
    c.tier = TierId{uuidAt(p + 32)};
    if (const auto seat = uuidAt(p + 48); !seat.isNil())
        c.seat = SeatId{seat};
    // Times beyond what a system_clock time point holds (its nanoseconds span +-292 years) are
    // refused before they are converted: an overflow there would be undefined behaviour.
    const auto from = getInt64(p + 64);
    const auto until = getInt64(p + 72);
    constexpr std::int64_t kLimit = 200LL * 366 * 24 * 3600;
    if (from < -kLimit || from > kLimit || until < -kLimit || until > kLimit)
        return std::nullopt;
    c.validFrom = Clock::TimePoint(std::chrono::seconds(from));
    c.validUntil = Clock::TimePoint(std::chrono::seconds(until));
    return out;
}
} // namespace

std::optional<TicketClaims> readClaims(std::string_view code)
{
    auto parsed = parse(code);
    return parsed ? std::optional(parsed->claims) : std::nullopt;
}

Result<TicketClaims, CredentialError> verifyCredential(std::string_view code,
                                                       const std::vector<TrustedKey>& keys)
{
    ensureSodium();
    const auto parsed = parse(code);
    if (!parsed)
        return fail(CredentialError::Malformed);
    const auto& c = parsed->claims;
    const auto& body = parsed->body;
    const auto& sig = parsed->sig;

    bool knownKey = false;
    for (const auto& k : keys) {
        if (k.keyId != c.keyId)
            continue;
        knownKey = true;
        if (k.event != c.event)
            continue;
        if (crypto_sign_verify_detached(sig.data(), body.data(), body.size(), k.publicKey.data()) ==
            0)
            return c;
        return fail(CredentialError::BadSignature);
    }
    return fail(knownKey ? CredentialError::WrongEvent : CredentialError::UnknownKey);
}

Result<TicketClaims, CredentialError> checkCredential(std::string_view code,
                                                      const std::vector<TrustedKey>& keys,
                                                      const std::vector<TicketId>& revoked,
                                                      Clock::TimePoint now)
{
    auto claims = verifyCredential(code, keys);
    if (!claims)
        return claims;
    if (std::binary_search(revoked.begin(), revoked.end(), claims.value().ticket))
        return fail(CredentialError::Revoked);
    if (now < claims.value().validFrom)
        return fail(CredentialError::NotYetValid);
    if (now >= claims.value().validUntil)
        return fail(CredentialError::Expired);
    return claims;
}

std::optional<TrustedKey> trustedKeyFromHex(const EventId& event, std::string_view hex)
{
    std::array<std::uint8_t, 32> key{};
    std::size_t length = 0;
    const char* end = nullptr;
    if (hex.size() != 2 * key.size() ||
        sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, &end) !=
            0 ||
        length != key.size() || end != hex.data() + hex.size())
        return std::nullopt;
    return TrustedKey::of(event, key);
}

} // namespace ticketing::domain
