#include "domain/Waitlist.h"

#include "domain/Codec.h"

#include <array>
#include <utility>

namespace ticketing::domain {

namespace json = boost::json;

namespace {
constexpr std::array<std::pair<WaitlistStatus, std::string_view>, 5> kStatuses{{
    {WaitlistStatus::Waiting, "waiting"},
    {WaitlistStatus::Offered, "offered"},
    {WaitlistStatus::Claimed, "claimed"},
    {WaitlistStatus::Lapsed, "lapsed"},
    {WaitlistStatus::Left, "left"},
}};
} // namespace

std::string_view toString(WaitlistStatus s)
{
    for (const auto& [k, name] : kStatuses)
        if (k == s)
            return name;
    return "waiting";
}

std::optional<WaitlistStatus> parseWaitlistStatus(std::string_view s)
{
    for (const auto& [k, name] : kStatuses)
        if (name == s)
            return k;
    return std::nullopt;
}

void tag_invoke(json::value_from_tag, json::value& out, const WaitlistRequest& r)
{
    out = json::object{{"ticket_tier_id", r.tier.toString()}, {"quantity", r.quantity}};
}

WaitlistRequest tag_invoke(json::value_to_tag<WaitlistRequest>, const json::value& v)
{
    WireReader r(v);
    WaitlistRequest w;
    w.tier = r.required<TierId>("ticket_tier_id").value_or(TierId{});
    w.quantity = r.required<int>("quantity").value_or(1);
    if (w.quantity < 1 || w.quantity > 10)
        r.error("quantity", "must be from 1 to 10");
    r.finish();
    return w;
}

void tag_invoke(json::value_from_tag, json::value& out, const WaitlistEntry& e)
{
    out = json::object{
        {"entry_id", e.id.toString()},
        {"event_id", e.event.toString()},
        {"ticket_tier_id", e.tier.toString()},
        {"user_id", e.user.toString()},
        {"quantity", e.quantity},
        {"status", toString(e.status)},
        {"position", e.position > 0 ? json::value(e.position) : json::value(nullptr)},
        {"booking_id", e.booking ? json::value(e.booking->toString()) : json::value(nullptr)},
        {"offer_expires_at",
         e.offerExpiresAt ? json::value(formatTimestamp(*e.offerExpiresAt)) : json::value(nullptr)},
        {"created_at", formatTimestamp(e.createdAt)}};
}

WaitlistEntry tag_invoke(json::value_to_tag<WaitlistEntry>, const json::value& v)
{
    WireReader r(v);
    WaitlistEntry e;
    e.id = r.required<Uuid>("entry_id").value_or(Uuid{});
    e.event = r.required<EventId>("event_id").value_or(EventId{});
    e.tier = r.required<TierId>("ticket_tier_id").value_or(TierId{});
    e.user = r.required<UserId>("user_id").value_or(UserId{});
    e.quantity = r.required<int>("quantity").value_or(1);
    const auto status = r.required<std::string>("status").value_or("");
    if (auto s = parseWaitlistStatus(status))
        e.status = *s;
    else
        r.error("status", "must be one of waiting, offered, claimed, lapsed, left");
    e.position = r.optional<int>("position").value_or(0);
    e.booking = r.optional<BookingId>("booking_id");
    e.offerExpiresAt = r.time("offer_expires_at", false);
    e.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    r.finish();
    return e;
}

} // namespace ticketing::domain
