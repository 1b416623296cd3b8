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

} // namespace ticketing::domain
