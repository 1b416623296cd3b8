#pragma once

#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Pricing.h"
#include "domain/Problem.h"
#include "domain/RefundPolicy.h"
#include "domain/Result.h"
#include "domain/SeatMap.h"
#include "domain/Uuid.h"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // API.md "Promo codes and group discounts": set with the prices (while a draft).
    std::vector<GroupDiscount> groupDiscounts;
    // API.md "Transfers": whether tickets may go to someone else, and until when (none: the
    // event's start).
    bool transfersAllowed = true;
    std::optional<Clock::TimePoint> transferUntil;
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
std::vector<FieldError> checkTiers(const EventInput& event,
                                   const std::vector<SectionSummary>& sections);

// Places a tier sells: its sections' seats, or its standing quantity.
int tierCapacity(const TierInput& tier, const std::vector<SectionSummary>& sections);

// Descriptive fields are all that may change once an event is published.
bool sameExceptDescription(const EventInput& a, const EventInput& b);

// An event sells while it is published and within its sale window: from `saleStart` (else its
// publication, else its start) until `saleEnd` (else its start). Otherwise the problem to answer
// (409 not_on_sale, saying why).
std::optional<Problem> notOnSale(EventStatus status, std::optional<Clock::TimePoint> saleStart,
                                 std::optional<Clock::TimePoint> saleEnd,
                                 std::optional<Clock::TimePoint> publishedAt,
                                 Clock::TimePoint start, Clock::TimePoint now);

// A tier as an event shows it (API.md `Tier` in an answer).
struct Tier
{
    TierId id;
    std::string name;
    std::int64_t priceMinor = 0;
    std::string currency;
    SectionKind kind = SectionKind::Seated;
    std::vector<std::string> sectionKeys; // standing: exactly one (`section_key`)
    int quantity = 0;                     // standing only
    int quantityTotal = 0;                // places it sells
    bool operator==(const Tier&) const = default;
};

// API.md `Event`.
struct Event
{
    EventId id;
    UserId organizer;
    VenueId venue;
    std::string title;
    std::string description;
    std::string genre;
    std::string city;
    Clock::TimePoint start;
    Clock::TimePoint end;
    std::optional<Clock::TimePoint> saleStart;
    std::optional<Clock::TimePoint> saleEnd;
    std::string currency;
    EventStatus status = EventStatus::Draft;
    RefundPolicy refundPolicy; // the one in force: the organizer's, or the standard one
    std::vector<Tier> tiers;
    std::vector<GroupDiscount> groupDiscounts;
    bool transfersAllowed = true;
    std::optional<Clock::TimePoint> transferUntil; // none: the event's start
    Clock::TimePoint createdAt;
    Clock::TimePoint updatedAt;
    std::optional<Clock::TimePoint> publishedAt;
    bool operator==(const Event&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, EventStatus status);
EventStatus tag_invoke(boost::json::value_to_tag<EventStatus>, const boost::json::value& v);
// The body of POST/PUT /events (reading checks as parseEvent does).
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const EventInput& event);
EventInput tag_invoke(boost::json::value_to_tag<EventInput>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Tier& tier);
Tier tag_invoke(boost::json::value_to_tag<Tier>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Event& event);
Event tag_invoke(boost::json::value_to_tag<Event>, const boost::json::value& v);

} // namespace ticketing::domain
