#pragma once

#include "domain/Clock.h"
#include "domain/Credential.h"
#include "domain/Uuid.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// The gate's decision (API.md "Check-in", DESIGN.md "Tickets and the gate"): from a scanned
// code, the event's trusted public keys, its revocation list, where the ticket is, and the
// direction, what the gate says. The same rule runs on the server and on a scanner offline,
// so both decide alike.

enum class Direction
{
    Entry,
    Exit
};
std::string_view toString(Direction d);
std::optional<Direction> parseDirection(std::string_view s);

enum class ScanOutcome
{
    Admitted,      // in
    Exited,        // out (it may come back in)
    AlreadyInside, // an entry while inside: refused, with the entry that let it in
    NotInside,     // an exit without an entry
    Revoked,       // genuine, but cancelled, refunded or transferred
    Invalid,       // not a credential of ours, or altered
    WrongEvent,    // a ticket for another event
    NotYetValid,
    Expired
};
std::string_view toString(ScanOutcome o);
std::optional<ScanOutcome> parseScanOutcome(std::string_view s);
// Whether the gate opens (admitted or exited).
bool opensGate(ScanOutcome o);

// A ticket passing a gate, as recorded.
struct Passage
{
    Direction direction = Direction::Entry;
    Clock::TimePoint at;
    std::string gate;
    std::string device;
    bool operator==(const Passage&) const = default;
};

// Where a ticket is: inside from an entry until an exit; the entry that let it in.
struct Presence
{
    bool inside = false;
    std::optional<Passage> entry;
};
// From the ticket's passages in any order (they are taken in time order; an entry while
// inside, or an exit while outside, changes nothing).
Presence presenceOf(std::vector<Passage> passages);

struct Decision
{
    ScanOutcome outcome = ScanOutcome::Invalid;
    std::optional<TicketClaims> claims; // a genuine credential's claims
    std::optional<Passage> firstEntry;  // AlreadyInside: the entry that let the ticket in
};

// The gate of `event` scanning `code` in `direction` at `now`. `keys`: the trusted public keys
// (of this event, and of others the scanner knows); `revoked`: ticket ids, sorted;
// `presence`: where a genuine ticket is now (asked only for a genuine, valid credential).
Decision decide(std::string_view code, const EventId& event, const std::vector<TrustedKey>& keys,
                const std::vector<TicketId>& revoked,
                const std::function<Presence(const TicketId&)>& presence, Direction direction,
                Clock::TimePoint now);

} // namespace ticketing::domain
