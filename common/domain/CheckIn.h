#pragma once

#include "domain/Clock.h"
#include "domain/Credential.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
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
// How many entries came while the ticket was inside already (two gates that both let one
// ticket in while offline): the earlier is the entry, each later one a conflict.
int conflictsOf(std::vector<Passage> passages);

// The gate's totals over tickets, one ticket's passages at a time: the entries that let a
// ticket in, the tickets inside now, the conflicts.
struct GateTally
{
    long long entries = 0;
    long long inside = 0;
    long long conflicts = 0;
    void add(const std::vector<Passage>& ticketPassages);
};

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

// Scanners are devices, not people (API.md "Check-in"): an organizer adds one for a gate and
// shows its one-time enrollment code; the device trades the code for a token of its own.

// POST /checkin/devices {name, gate}: each 1 to 100 characters, trimmed.
struct DeviceInput
{
    std::string name;
    std::string gate;
    bool operator==(const DeviceInput&) const = default;
};

// The answer to it: the code, valid 24 hours, shown once (as a QR code).
struct DeviceEnrollment
{
    DeviceId id;
    std::string name;
    std::string gate;
    std::string enrollmentCode;
    Clock::TimePoint enrollmentExpiresAt;
    bool operator==(const DeviceEnrollment&) const = default;
};

// POST /checkin/devices/enroll {enrollment_code}.
struct EnrollRequest
{
    std::string enrollmentCode;
    bool operator==(const EnrollRequest&) const = default;
};

// Its answer: the device's token, shown once.
struct EnrolledDevice
{
    DeviceId id;
    std::string name;
    std::string gate;
    std::string deviceToken;
    bool operator==(const EnrolledDevice&) const = default;
};

// A device as GET /checkin/devices lists it.
struct Device
{
    DeviceId id;
    std::string name;
    std::string gate;
    bool enrolled = false;
    std::optional<Clock::TimePoint> lastSeenAt;
    std::int64_t scans = 0;
    Clock::TimePoint createdAt;
    bool operator==(const Device&) const = default;
};

// The enrollment code's alphabet: no 0/O, 1/I/L, so that it can be typed from a screen.
inline constexpr std::string_view kEnrollmentAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t kEnrollmentCodeLength = 12;
// A code as typed: upper case, without spaces or dashes.
std::string normalizedEnrollmentCode(std::string_view typed);

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DeviceInput& d);
DeviceInput tag_invoke(boost::json::value_to_tag<DeviceInput>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DeviceEnrollment& d);
DeviceEnrollment tag_invoke(boost::json::value_to_tag<DeviceEnrollment>,
                            const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const EnrollRequest& e);
EnrollRequest tag_invoke(boost::json::value_to_tag<EnrollRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const EnrolledDevice& d);
EnrolledDevice tag_invoke(boost::json::value_to_tag<EnrolledDevice>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Device& d);
Device tag_invoke(boost::json::value_to_tag<Device>, const boost::json::value& v);

// What a scanner keeps to decide offline (API.md `Bundle`): the event's public keys, the
// revoked tickets, every ticket (for its seat and tier on the screen), and the passages so far;
// with `since`, only what changed after that cursor.
struct BundleTicket
{
    TicketId ticket;
    std::optional<std::string> seat; // "VIP-A-1"; none for a standing place
    std::string tier;
    std::string status; // active, used, cancelled, transferred
    bool operator==(const BundleTicket&) const = default;
};

struct BundleEntry
{
    TicketId ticket;
    Direction direction = Direction::Entry;
    Clock::TimePoint at;
    std::string gate;
    bool operator==(const BundleEntry&) const = default;
};

struct BundleKey
{
    std::string keyId;     // hex
    std::string publicKey; // hex
    bool operator==(const BundleKey&) const = default;
};

struct Bundle
{
    EventId event;
    std::int64_t cursor = 0;
    std::vector<BundleKey> keys;
    std::vector<TicketId> revoked;
    std::vector<BundleTicket> tickets;
    std::vector<BundleEntry> entries;
    bool operator==(const Bundle&) const = default;
};

// POST /checkin/scans: what a scanner saw, each with the nonce it gave the scan.
struct Scan
{
    Uuid nonce;
    std::string code;
    Direction direction = Direction::Entry;
    Clock::TimePoint scannedAt;
    std::optional<ScanOutcome> offlineResult; // decided on the device, the network away
    bool operator==(const Scan&) const = default;
};

struct ScanBatch
{
    EventId event;
    std::vector<Scan> scans; // 1 to maxScans
    bool operator==(const ScanBatch&) const = default;
    static constexpr std::size_t maxScans = 500;
};

struct FirstEntry
{
    Clock::TimePoint at;
    std::string gate;
    std::string device;
    bool operator==(const FirstEntry&) const = default;
};

struct ScanResult
{
    Uuid nonce;
    ScanOutcome result = ScanOutcome::Invalid;
    std::optional<TicketId> ticket;
    std::optional<std::string> seat;
    std::optional<std::string> tier;
    std::optional<FirstEntry> firstEntry;
    bool operator==(const ScanResult&) const = default;
};

struct ScanResults
{
    std::vector<ScanResult> results;
    bool operator==(const ScanResults&) const = default;
};

// GET /events/{id}/checkin/stats: the gate's totals, and each gate's.
struct GateCounts
{
    std::string gate;
    std::int64_t admitted = 0;
    std::int64_t exited = 0;
    std::int64_t refused = 0;
    bool operator==(const GateCounts&) const = default;
};
struct CheckInStats
{
    std::int64_t admitted = 0; // scans that let a ticket in
    std::int64_t inside = 0;   // tickets inside now
    std::int64_t refused = 0;
    std::int64_t conflicts = 0; // entries of a ticket already inside (two gates offline)
    std::vector<GateCounts> byGate;
    bool operator==(const CheckInStats&) const = default;
};

// One scan as the `checkin:<event_id>` channel tells it to the organizer and the other gates.
struct CheckInEntry
{
    std::optional<TicketId> ticket; // none for a code that is not a ticket of ours
    std::optional<std::string> seat;
    Direction direction = Direction::Entry;
    ScanOutcome result = ScanOutcome::Invalid;
    Clock::TimePoint at;
    std::string gate;
    bool operator==(const CheckInEntry&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CheckInStats& s);
CheckInStats tag_invoke(boost::json::value_to_tag<CheckInStats>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CheckInEntry& e);
CheckInEntry tag_invoke(boost::json::value_to_tag<CheckInEntry>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Bundle& b);
Bundle tag_invoke(boost::json::value_to_tag<Bundle>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ScanBatch& b);
ScanBatch tag_invoke(boost::json::value_to_tag<ScanBatch>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ScanResults& r);
ScanResults tag_invoke(boost::json::value_to_tag<ScanResults>, const boost::json::value& v);

} // namespace ticketing::domain
