#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// The ticket credential: what a ticket's QR code carries (DESIGN.md "Tickets and the gate"),
// signed with its event's Ed25519 key (libsodium). A scanner that has the event's public keys
// decides offline whether a code is genuine; forged or altered codes never pass.
//
// Text form, the QR payload (docs/ticket-credentials.md, with test vectors):
//
//   "TK1." base64url(claims, 89 bytes) "." base64url(Ed25519 signature of the claims, 64 bytes)
//
// claims, big-endian:  version (1 byte, = 1) | key id (8) | ticket id (16) | event id (16) |
//                      tier id (16) | seat id (16, all zero for a standing place) |
//                      valid from (int64 Unix seconds) | valid until (int64 Unix seconds)
//
// The key id is the first 8 bytes of BLAKE2b-256 of the public key, so keys need no
// registry to be named, and a rotated key keeps verifying the tickets it signed.

constexpr std::size_t kCredentialClaimsSize = 89;

using KeyIdBytes = std::array<std::uint8_t, 8>;

struct SigningKey
{
    std::array<std::uint8_t, 32> publicKey{};
    std::array<std::uint8_t, 64> secretKey{}; // libsodium's form: seed followed by the public key

    static SigningKey generate();
    static SigningKey fromSeed(const std::array<std::uint8_t, 32>& seed);
    KeyIdBytes keyId() const;
};

KeyIdBytes keyIdOf(const std::array<std::uint8_t, 32>& publicKey);
std::string keyIdHex(const KeyIdBytes& id);

struct TicketClaims
{
    KeyIdBytes keyId{};
    TicketId ticket;
    EventId event;
    TierId tier;
    std::optional<SeatId> seat;
    Clock::TimePoint validFrom;  // whole seconds
    Clock::TimePoint validUntil; // whole seconds
};

// How long after its event ends a ticket still opens the gate (late admission, re-entry after
// the encore): its credential's validity, and how long a scanner still offers the event.
inline constexpr std::chrono::hours kGateOpenAfterEnd{6};

// A ticket's claims: valid from its issue until kGateOpenAfterEnd after its event ends, in
// whole seconds.
TicketClaims ticketClaims(const TicketId& ticket, const EventId& event, const TierId& tier,
                          const std::optional<SeatId>& seat, Clock::TimePoint issued,
                          Clock::TimePoint eventEnd);

// The claims signed with `key` (whose key id is written into them).
std::string signCredential(TicketClaims claims, const SigningKey& key);

// A public key a verifier trusts, and the one event it may sign for.
struct TrustedKey
{
    EventId event;
    std::array<std::uint8_t, 32> publicKey{};
    KeyIdBytes keyId{}; // keyIdOf(publicKey), computed once

    static TrustedKey of(const EventId& event, const std::array<std::uint8_t, 32>& publicKey)
    {
        return TrustedKey{event, publicKey, keyIdOf(publicKey)};
    }
};

// A public key as the bundle and the signing-keys list write it (64 hex digits), trusted for
// `event`; none when the text is not such a key.
std::optional<TrustedKey> trustedKeyFromHex(const EventId& event, std::string_view publicKeyHex);

enum class CredentialError
{
    Malformed,    // not "TK1.<claims>.<signature>" with the right sizes, or an unknown version
    UnknownKey,   // no trusted key has this key id
    WrongEvent,   // the key is trusted, but for another event than the claims name
    BadSignature, // altered or forged
    Revoked,      // genuine, but its ticket was cancelled (or transferred)
    NotYetValid,  // genuine, before its validity
    Expired       // genuine, after its validity
};
std::string_view toString(CredentialError e);

// The claims, if `code` is a credential signed by one of `keys` for the event it names.
// Time and revocation are the check-in decision's business, not this one's.
Result<TicketClaims, CredentialError> verifyCredential(std::string_view code,
                                                       const std::vector<TrustedKey>& keys);

// The claims a code names, read but NOT verified: to say which event a ticket is for when its
// key is not one the gate has (a genuine ticket for another event), never to admit anyone.
std::optional<TicketClaims> readClaims(std::string_view code);

// Whether a credential may open the gate at `now`: genuine (verifyCredential), not revoked
// (`revoked` holds ticket ids, sorted), and within its validity. Whether the ticket was
// already admitted is the check-in's own record, not the credential's.
Result<TicketClaims, CredentialError> checkCredential(std::string_view code,
                                                      const std::vector<TrustedKey>& keys,
                                                      const std::vector<TicketId>& revoked,
                                                      Clock::TimePoint now);

} // namespace ticketing::domain
