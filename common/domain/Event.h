#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/SeatMap.h"
#include "domain/Uuid.h"

namespace ticketing::domain {

// RFC 3339 ("2026-03-01T19:30:00Z", "2026-03-01T20:30:00.5+01:00"); nullopt when malformed.
std::optional<Clock::TimePoint> parseTimestamp(std::string_view text);

enum class EventStatus
{
    Draft,
    Published,
    Cancelled,
    Completed
};
std::string_view toString(EventStatus s);
std::optional<EventStatus> parseEventStatus(std::string_view s);

// A ticket tier (API.md "Events and tiers"): a price for the seats of some seated sections, or
// for `quantity` places of one standing section.
struct TierInput
{
    std::string name;
    Money price;
    SectionKind kind = SectionKind::Seated;
    std::vector<std::string> sectionKeys; // standing: exactly one
    int quantity = 0;                     // standing only
};

struct EventInput
{
    VenueId venue;
    std::string title;
    std::string description;
    std::string genre;
    Clock::TimePoint start;
    Clock::TimePoint end;
    std::optional<Clock::TimePoint> saleStart;
    std::optional<Clock::TimePoint> saleEnd;
    Currency currency;
    std::vector<TierInput> tiers;
    std::optional<boost::json::object> refundPolicy;
};

// The body of POST/PUT /events, read and checked on its own (shape, times, currency, prices).
Result<EventInput, std::vector<FieldError>> parseEvent(const boost::json::value& body);

// What tier rules need of a venue's map: its sections' keys, kinds and places.
struct SectionSummary
{
    std::string key;
    SectionKind kind = SectionKind::Seated;
    int capacity = 0; // seats, or standing places
};

// The tiers against the venue's sections: they exist and are of the tier's kind, a seated
// section belongs to one tier at most, standing tiers of a section fit its capacity.
std::vector<FieldError> checkTiers(const EventInput& event, const std::vector<SectionSummary>& sections);

// Places a tier sells: its sections' seats, or its standing quantity.
int tierCapacity(const TierInput& tier, const std::vector<SectionSummary>& sections);

// Descriptive fields are all that may change once an event is published.
bool sameExceptDescription(const EventInput& a, const EventInput& b);

} // namespace ticketing::domain
