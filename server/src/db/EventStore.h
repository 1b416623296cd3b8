#pragma once

#include "domain/Booking.h"
#include "domain/Clock.h"
#include "domain/Event.h"
#include "domain/Pricing.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

struct TierRow
{
    domain::TierId id;
    std::string name;
    std::int64_t priceMinor = 0;
    domain::SectionKind kind = domain::SectionKind::Seated;
    std::vector<std::string> sectionKeys;
    int quantity = 0;      // standing
    int quantityTotal = 0; // places it sells
};

struct EventRow
{
    domain::EventId id;
    domain::UserId organizer;
    domain::VenueId venue;
    std::string title;
    std::string description;
    std::string genre;
    std::string city;
    domain::Clock::TimePoint start;
    domain::Clock::TimePoint end;
    std::optional<domain::Clock::TimePoint> saleStart;
    std::optional<domain::Clock::TimePoint> saleEnd;
    std::string currency;
    domain::EventStatus status = domain::EventStatus::Draft;
    std::optional<std::string> refundPolicy; // JSON text
    std::vector<domain::GroupDiscount> groupDiscounts;
    bool transfersAllowed = true;
    std::optional<domain::Clock::TimePoint> transferUntil;
    domain::Clock::TimePoint createdAt;
    domain::Clock::TimePoint updatedAt;
    std::optional<domain::Clock::TimePoint> publishedAt;
    std::vector<TierRow> tiers;
};

struct EventFilter
{
    std::optional<domain::UserId> organizer; // set: that organizer's events, any status
    std::optional<std::string> text;         // part of the title, any case
    std::optional<std::string> genre;
    std::optional<std::string> city;
    std::optional<domain::Clock::TimePoint> from;
    std::optional<domain::Clock::TimePoint> to;
    // Keyset cursor: events after (start, id) in (start_time, id) order.
    std::optional<std::pair<domain::Clock::TimePoint, domain::EventId>> after;
    int limit = 20;
    bool publishedOnly = false; // with `organizer`: its published events only
};

namespace events {

// Section summaries of a venue (what tier rules need), and the venue's organizer and city.
struct VenueFacts
{
    domain::UserId organizer;
    std::string city;
    std::vector<domain::SectionSummary> sections;
};
std::optional<VenueFacts> venueFacts(Session& s, const domain::VenueId& venue);

void insert(Session& s, const EventRow& event);
// Replaces everything of a draft; of a published event only title, description and genre.
void update(Session& s, const EventRow& event, bool descriptiveOnly);
std::optional<EventRow> find(Session& s, const domain::EventId& id);
// The units a hold of `request` would take, at their tiers' list prices, in the request's
// order: its seats, or `quantity` units of its tier (what a quote prices, and a promo code is
// checked against before its hold). A seat or tier that is not the event's: the field naming it.
domain::Result<std::vector<domain::PricedUnit>, domain::FieldError>
pricedUnits(Session& s, const domain::HoldRequest& request);
std::vector<EventRow> list(Session& s, const EventFilter& filter);

enum class PublishOutcome
{
    Published,
    NotDraft,
    NotFound
};
// Draft -> published in one transaction: makes one inventory unit per seat of the tiers'
// sections and per standing place, counts each tier's total from them.
PublishOutcome publish(Session& s, const domain::EventId& id, domain::Clock::TimePoint now);
bool cancel(Session& s, const domain::EventId& id, domain::Clock::TimePoint now);

} // namespace events
} // namespace ticketing::db
