#include "domain/CheckIn.h"

#include "domain/Accounts.h"
#include "domain/Codec.h"

#include <algorithm>
#include <cctype>

namespace ticketing::domain {

std::string_view toString(Direction d)
{
    return d == Direction::Exit ? "exit" : "entry";
}

std::optional<Direction> parseDirection(std::string_view s)
{
    if (s == "entry")
        return Direction::Entry;
    if (s == "exit")
        return Direction::Exit;
    return std::nullopt;
}

namespace {
constexpr ScanOutcome kOutcomes[] = {
    ScanOutcome::Admitted,   ScanOutcome::Exited,      ScanOutcome::AlreadyInside,
    ScanOutcome::NotInside,  ScanOutcome::Revoked,     ScanOutcome::Invalid,
    ScanOutcome::WrongEvent, ScanOutcome::NotYetValid, ScanOutcome::Expired};
} // namespace

std::string_view toString(ScanOutcome o)
{
    switch (o) {
    case ScanOutcome::Admitted:
        return "admitted";
    case ScanOutcome::Exited:
        return "exited";
    case ScanOutcome::AlreadyInside:
        return "already_inside";
    case ScanOutcome::NotInside:
        return "not_inside";
    case ScanOutcome::Revoked:
        return "revoked";
    case ScanOutcome::Invalid:
        return "invalid";
    case ScanOutcome::WrongEvent:
        return "wrong_event";
    case ScanOutcome::NotYetValid:
        return "not_yet_valid";
    case ScanOutcome::Expired:
        return "expired";
    }
    return "invalid";
}

std::optional<ScanOutcome> parseScanOutcome(std::string_view s)
{
    for (const auto o : kOutcomes)
        if (toString(o) == s)
            return o;
    return std::nullopt;
}

bool opensGate(ScanOutcome o)
{
    return o == ScanOutcome::Admitted || o == ScanOutcome::Exited;
}

Presence presenceOf(std::vector<Passage> passages)
{
    std::stable_sort(passages.begin(), passages.end(),
                     [](const Passage& a, const Passage& b) { return a.at < b.at; });
    Presence p;
    for (auto& passage : passages) {
        if (passage.direction == Direction::Entry && !p.inside) {
            p.inside = true;
            p.entry = std::move(passage);
        } else if (passage.direction == Direction::Exit && p.inside) {
            p.inside = false;
            p.entry.reset();
        }
    }
    return p;
}

int conflictsOf(std::vector<Passage> passages)
{
    std::stable_sort(passages.begin(), passages.end(),
                     [](const Passage& a, const Passage& b) { return a.at < b.at; });
    bool inside = false;
    int conflicts = 0;
    for (const auto& p : passages) {
        if (p.direction == Direction::Entry) {
            conflicts += inside ? 1 : 0;
            inside = true;
        } else {
            inside = false;
        }
    }
    return conflicts;
}

void GateTally::add(const std::vector<Passage>& ticketPassages)
{
    for (const auto& p : ticketPassages)
        entries += p.direction == Direction::Entry ? 1 : 0;
    inside += presenceOf(ticketPassages).inside ? 1 : 0;
    conflicts += conflictsOf(ticketPassages);
}

Decision decide(std::string_view code, const EventId& event, const std::vector<TrustedKey>& keys,
                const std::vector<TicketId>& revoked,
                const std::function<Presence(const TicketId&)>& presence, Direction direction,
                Clock::TimePoint now)
{
    Decision d;
    const auto verified = verifyCredential(code, keys);
    if (!verified) {
        switch (verified.error()) {
        case CredentialError::UnknownKey: {
            // A key this gate does not have: a genuine ticket of another event is told so (the
            // claims are read, not trusted: nothing is admitted on them); anything else naming
            // this event is not ours.
            const auto claims = readClaims(code);
            d.outcome =
                claims && claims->event != event ? ScanOutcome::WrongEvent : ScanOutcome::Invalid;
            return d;
        }
        default: // malformed, a bad signature, or a key signing another event's claims
            d.outcome = ScanOutcome::Invalid;
            return d;
        }
    }
    const auto& claims = verified.value();
    if (claims.event != event) {
        d.outcome = ScanOutcome::WrongEvent;
        return d;
    }
    d.claims = claims;
    if (std::binary_search(revoked.begin(), revoked.end(), claims.ticket))
        d.outcome = ScanOutcome::Revoked;
    else if (now < claims.validFrom)
        d.outcome = ScanOutcome::NotYetValid;
    else if (now >= claims.validUntil)
        d.outcome = ScanOutcome::Expired;
    else {
        const auto where = presence(claims.ticket);
        if (direction == Direction::Entry) {
            d.outcome = where.inside ? ScanOutcome::AlreadyInside : ScanOutcome::Admitted;
            if (where.inside)
                d.firstEntry = where.entry;
        } else {
            d.outcome = where.inside ? ScanOutcome::Exited : ScanOutcome::NotInside;
        }
    }
    return d;
}

std::string normalizedEnrollmentCode(std::string_view typed)
{
    std::string out;
    for (const char c : typed)
        if (c != ' ' && c != '-')
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

namespace {
namespace json = boost::json;

std::string readLabel(WireReader& r, std::string_view key)
{
    auto text = r.required<std::string>(key);
    if (!text)
        return {};
    auto value = trimmed(*text);
    if (value.empty() || value.size() > 100)
        r.error(std::string(key), "is 1 to 100 characters");
    return value;
}
} // namespace

void tag_invoke(json::value_from_tag, json::value& out, const DeviceInput& d)
{
    out = json::object{{"name", d.name}, {"gate", d.gate}};
}

DeviceInput tag_invoke(json::value_to_tag<DeviceInput>, const json::value& v)
{
    WireReader r(v);
    DeviceInput d;
    d.name = readLabel(r, "name");
    d.gate = readLabel(r, "gate");
    r.finish();
    return d;
}

void tag_invoke(json::value_from_tag, json::value& out, const DeviceEnrollment& d)
{
    out = json::object{{"device_id", d.id.toString()},
                       {"name", d.name},
                       {"gate", d.gate},
                       {"enrollment_code", d.enrollmentCode},
                       {"enrollment_expires_at", formatTimestamp(d.enrollmentExpiresAt)}};
}

DeviceEnrollment tag_invoke(json::value_to_tag<DeviceEnrollment>, const json::value& v)
{
    WireReader r(v);
    DeviceEnrollment d;
    d.id = r.required<DeviceId>("device_id").value_or(DeviceId{});
    d.name = r.required<std::string>("name").value_or("");
    d.gate = r.required<std::string>("gate").value_or("");
    d.enrollmentCode = r.required<std::string>("enrollment_code").value_or("");
    d.enrollmentExpiresAt = r.time("enrollment_expires_at").value_or(Clock::TimePoint{});
    r.finish();
    return d;
}

void tag_invoke(json::value_from_tag, json::value& out, const EnrollRequest& e)
{
    out = json::object{{"enrollment_code", e.enrollmentCode}};
}

EnrollRequest tag_invoke(json::value_to_tag<EnrollRequest>, const json::value& v)
{
    WireReader r(v);
    EnrollRequest e;
    e.enrollmentCode = r.required<std::string>("enrollment_code").value_or("");
    if (e.enrollmentCode.size() > 64)
        r.error("enrollment_code", "is not an enrollment code");
    r.finish();
    return e;
}

void tag_invoke(json::value_from_tag, json::value& out, const EnrolledDevice& d)
{
    out = json::object{{"device_id", d.id.toString()},
                       {"name", d.name},
                       {"gate", d.gate},
                       {"device_token", d.deviceToken}};
}

EnrolledDevice tag_invoke(json::value_to_tag<EnrolledDevice>, const json::value& v)
{
    WireReader r(v);
    EnrolledDevice d;
    d.id = r.required<DeviceId>("device_id").value_or(DeviceId{});
    d.name = r.required<std::string>("name").value_or("");
    d.gate = r.required<std::string>("gate").value_or("");
    d.deviceToken = r.required<std::string>("device_token").value_or("");
    r.finish();
    return d;
}

void tag_invoke(json::value_from_tag, json::value& out, const Device& d)
{
    out = json::object{{"device_id", d.id.toString()},
                       {"name", d.name},
                       {"gate", d.gate},
                       {"enrolled", d.enrolled},
                       {"last_seen_at", d.lastSeenAt ? json::value(formatTimestamp(*d.lastSeenAt))
                                                     : json::value(nullptr)},
                       {"scans", d.scans},
                       {"created_at", formatTimestamp(d.createdAt)}};
}

Device tag_invoke(json::value_to_tag<Device>, const json::value& v)
{
    WireReader r(v);
    Device d;
    d.id = r.required<DeviceId>("device_id").value_or(DeviceId{});
    d.name = r.required<std::string>("name").value_or("");
    d.gate = r.required<std::string>("gate").value_or("");
    d.enrolled = r.required<bool>("enrolled").value_or(false);
    d.lastSeenAt = r.time("last_seen_at", false);
    d.scans = r.required<std::int64_t>("scans").value_or(0);
    d.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    r.finish();
    return d;
}

namespace {
json::value nullableText(const std::optional<std::string>& s)
{
    return s ? json::value(*s) : json::value(nullptr);
}

Direction readDirection(WireReader& r, std::string_view key)
{
    const auto text = r.required<std::string>(key);
    if (!text)
        return Direction::Entry;
    const auto d = parseDirection(*text);
    if (!d)
        r.error(std::string(key), "is entry or exit");
    return d.value_or(Direction::Entry);
}

std::optional<ScanOutcome> readOutcome(WireReader& r, std::string_view key, bool required)
{
    const auto text = required ? r.required<std::string>(key) : r.optional<std::string>(key);
    if (!text)
        return std::nullopt;
    const auto o = parseScanOutcome(*text);
    if (!o)
        r.error(std::string(key), "is not a scan result");
    return o;
}
} // namespace

void tag_invoke(json::value_from_tag, json::value& out, const Bundle& b)
{
    json::array keys, revoked, tickets, entries;
    for (const auto& k : b.keys)
        keys.push_back({{"key_id", k.keyId}, {"public_key", k.publicKey}});
    for (const auto& t : b.revoked)
        revoked.emplace_back(t.toString());
    for (const auto& t : b.tickets)
        tickets.push_back({{"ticket_id", t.ticket.toString()},
                           {"seat", nullableText(t.seat)},
                           {"tier", t.tier},
                           {"status", t.status}});
    for (const auto& e : b.entries)
        entries.push_back({{"ticket_id", e.ticket.toString()},
                           {"direction", toString(e.direction)},
                           {"at", formatTimestamp(e.at)},
                           {"gate", e.gate}});
    out = json::object{{"event_id", b.event.toString()}, {"cursor", b.cursor},
                       {"keys", std::move(keys)},        {"revoked", std::move(revoked)},
                       {"tickets", std::move(tickets)},  {"entries", std::move(entries)}};
}

Bundle tag_invoke(json::value_to_tag<Bundle>, const json::value& v)
{
    WireReader r(v);
    Bundle b;
    b.event = r.required<EventId>("event_id").value_or(EventId{});
    b.cursor = r.required<std::int64_t>("cursor").value_or(0);
    b.keys = r.list<BundleKey>("keys", [](const json::value& item) {
        WireReader k(item);
        BundleKey key{k.required<std::string>("key_id").value_or(""),
                      k.required<std::string>("public_key").value_or("")};
        k.finish();
        return key;
    });
    b.revoked = r.required<std::vector<TicketId>>("revoked").value_or(std::vector<TicketId>{});
    b.tickets = r.list<BundleTicket>("tickets", [](const json::value& item) {
        WireReader t(item);
        BundleTicket ticket;
        ticket.ticket = t.required<TicketId>("ticket_id").value_or(TicketId{});
        ticket.seat = t.optional<std::string>("seat");
        ticket.tier = t.required<std::string>("tier").value_or("");
        ticket.status = t.required<std::string>("status").value_or("");
        t.finish();
        return ticket;
    });
    b.entries = r.list<BundleEntry>("entries", [](const json::value& item) {
        WireReader e(item);
        BundleEntry entry;
        entry.ticket = e.required<TicketId>("ticket_id").value_or(TicketId{});
        entry.direction = readDirection(e, "direction");
        entry.at = e.time("at").value_or(Clock::TimePoint{});
        entry.gate = e.required<std::string>("gate").value_or("");
        e.finish();
        return entry;
    });
    r.finish();
    return b;
}

void tag_invoke(json::value_from_tag, json::value& out, const ScanBatch& b)
{
    json::array scans;
    for (const auto& s : b.scans) {
        json::object o{{"nonce", s.nonce.toString()},
                       {"code", s.code},
                       {"direction", toString(s.direction)},
                       {"scanned_at", formatTimestamp(s.scannedAt)}};
        if (s.offlineResult)
            o["offline_result"] = toString(*s.offlineResult);
        scans.push_back(std::move(o));
    }
    out = json::object{{"event_id", b.event.toString()}, {"scans", std::move(scans)}};
}

ScanBatch tag_invoke(json::value_to_tag<ScanBatch>, const json::value& v)
{
    WireReader r(v);
    ScanBatch b;
    b.event = r.required<EventId>("event_id").value_or(EventId{});
    b.scans = r.list<Scan>("scans", [](const json::value& item) {
        WireReader s(item);
        Scan scan;
        scan.nonce = s.required<Uuid>("nonce").value_or(Uuid{});
        scan.code = s.required<std::string>("code").value_or("");
        if (scan.code.size() > 1024)
            s.error("code", "is at most 1,024 characters");
        scan.direction = readDirection(s, "direction");
        scan.scannedAt = s.time("scanned_at").value_or(Clock::TimePoint{});
        scan.offlineResult = readOutcome(s, "offline_result", false);
        s.finish();
        return scan;
    });
    if (r.has("scans") && (b.scans.empty() || b.scans.size() > ScanBatch::maxScans))
        r.error("scans", "holds 1 to 500 scans");
    r.finish();
    return b;
}

void tag_invoke(json::value_from_tag, json::value& out, const ScanResults& results)
{
    json::array items;
    for (const auto& r : results.results) {
        json::object o{{"nonce", r.nonce.toString()}, {"result", toString(r.result)}};
        if (r.ticket)
            o["ticket_id"] = r.ticket->toString();
        if (r.ticket) {
            o["seat"] = nullableText(r.seat);
            o["tier"] = nullableText(r.tier);
        }
        if (r.firstEntry)
            o["first_entry"] = json::object{{"at", formatTimestamp(r.firstEntry->at)},
                                            {"gate", r.firstEntry->gate},
                                            {"device", r.firstEntry->device}};
        items.push_back(std::move(o));
    }
    out = json::object{{"results", std::move(items)}};
}

ScanResults tag_invoke(json::value_to_tag<ScanResults>, const json::value& v)
{
    WireReader r(v);
    ScanResults out;
    out.results = r.list<ScanResult>("results", [](const json::value& item) {
        WireReader s(item);
        ScanResult result;
        result.nonce = s.required<Uuid>("nonce").value_or(Uuid{});
        result.result = readOutcome(s, "result", true).value_or(ScanOutcome::Invalid);
        result.ticket = s.optional<TicketId>("ticket_id");
        result.seat = s.optional<std::string>("seat");
        result.tier = s.optional<std::string>("tier");
        if (const auto* first = s.member("first_entry")) {
            WireReader f(*first);
            FirstEntry e{f.time("at").value_or(Clock::TimePoint{}),
                         f.required<std::string>("gate").value_or(""),
                         f.required<std::string>("device").value_or("")};
            for (const auto& err : f.errors())
                s.error(wire::joinPath("first_entry", err.field), err.message);
            result.firstEntry = std::move(e);
        }
        s.finish();
        return result;
    });
    r.finish();
    return out;
}

void tag_invoke(json::value_from_tag, json::value& out, const CheckInStats& s)
{
    json::array gates;
    for (const auto& g : s.byGate)
        gates.push_back({{"gate", g.gate},
                         {"admitted", g.admitted},
                         {"exited", g.exited},
                         {"refused", g.refused}});
    out = json::object{{"admitted", s.admitted},
                       {"inside", s.inside},
                       {"refused", s.refused},
                       {"conflicts", s.conflicts},
                       {"by_gate", std::move(gates)}};
}

CheckInStats tag_invoke(json::value_to_tag<CheckInStats>, const json::value& v)
{
    WireReader r(v);
    CheckInStats s;
    s.admitted = r.required<std::int64_t>("admitted").value_or(0);
    s.inside = r.required<std::int64_t>("inside").value_or(0);
    s.refused = r.required<std::int64_t>("refused").value_or(0);
    s.conflicts = r.required<std::int64_t>("conflicts").value_or(0);
    s.byGate = r.list<GateCounts>("by_gate", [](const json::value& item) {
        WireReader g(item);
        GateCounts counts{g.required<std::string>("gate").value_or(""),
                          g.required<std::int64_t>("admitted").value_or(0),
                          g.required<std::int64_t>("exited").value_or(0),
                          g.required<std::int64_t>("refused").value_or(0)};
        g.finish();
        return counts;
    });
    r.finish();
    return s;
}

void tag_invoke(json::value_from_tag, json::value& out, const CheckInEntry& e)
{
    out = json::object{{"ticket_id", e.ticket ? json::value(e.ticket->toString()) : nullptr},
                       {"seat", nullableText(e.seat)},
                       {"direction", toString(e.direction)},
                       {"result", toString(e.result)},
                       {"at", formatTimestamp(e.at)},
                       {"gate", e.gate}};
}

CheckInEntry tag_invoke(json::value_to_tag<CheckInEntry>, const json::value& v)
{
    WireReader r(v);
    CheckInEntry e;
    e.ticket = r.optional<TicketId>("ticket_id");
    e.seat = r.optional<std::string>("seat");
    e.direction = readDirection(r, "direction");
    e.result = readOutcome(r, "result", true).value_or(ScanOutcome::Invalid);
    e.at = r.time("at").value_or(Clock::TimePoint{});
    e.gate = r.required<std::string>("gate").value_or("");
    r.finish();
    return e;
}

} // namespace ticketing::domain
