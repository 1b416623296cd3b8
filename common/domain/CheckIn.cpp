#include "domain/CheckIn.h"

#include <algorithm>

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

} // namespace ticketing::domain
