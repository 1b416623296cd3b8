#include "domain/Availability.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

std::string_view toString(SeatStatus s)
{
    switch (s) {
    case SeatStatus::Available:
        return "available";
    case SeatStatus::Held:
        return "held";
    case SeatStatus::Sold:
        return "sold";
    case SeatStatus::Blocked:
        return "blocked";
    }
    return "available";
}

std::optional<SeatStatus> parseSeatStatus(std::string_view s)
{
    for (auto status :
         {SeatStatus::Available, SeatStatus::Held, SeatStatus::Sold, SeatStatus::Blocked})
        if (toString(status) == s)
            return status;
    return std::nullopt;
}

char statusLetter(SeatStatus s)
{
    return toString(s).front();
}

std::optional<SeatStatus> statusFromLetter(char c)
{
    for (auto status :
         {SeatStatus::Available, SeatStatus::Held, SeatStatus::Sold, SeatStatus::Blocked})
        if (statusLetter(status) == c)
            return status;
    return std::nullopt;
}

void tag_invoke(json::value_from_tag, json::value& out, SeatStatus s)
{
    out = toString(s);
}

SeatStatus tag_invoke(json::value_to_tag<SeatStatus>, const json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto status = parseSeatStatus(*s))
            return *status;
    throw WireError("", "must be one of available, held, sold, blocked");
}

void tag_invoke(json::value_from_tag, json::value& out, const TierAvailability& t)
{
    out = json::object{{"tier_id", t.tier.toString()},
                       {"name", t.name},
                       {"price", formatMoney(t.priceMinor, t.currency)},
                       {"currency", t.currency},
                       {"total", t.total},
                       {"available", t.available},
                       {"held", t.held},
                       {"sold", t.sold}};
}

TierAvailability tag_invoke(json::value_to_tag<TierAvailability>, const json::value& v)
{
    WireReader r(v);
    TierAvailability t;
    t.tier = r.required<TierId>("tier_id").value_or(TierId{});
    t.name = r.required<std::string>("name").value_or("");
    t.currency = r.currency("currency").value_or("");
    t.priceMinor = r.money("price", t.currency).value_or(0);
    t.total = r.required<int>("total").value_or(0);
    t.available = r.required<int>("available").value_or(0);
    t.held = r.required<int>("held").value_or(0);
    t.sold = r.required<int>("sold").value_or(0);
    r.finish();
    return t;
}

void tag_invoke(json::value_from_tag, json::value& out, const SeatAvailability& s)
{
    out = json::object{{"seat_id", s.seat.toString()},
                       {"label", s.label},
                       {"tier_id", s.tier.toString()},
                       {"status", toString(s.status)}};
}

SeatAvailability tag_invoke(json::value_to_tag<SeatAvailability>, const json::value& v)
{
    WireReader r(v);
    SeatAvailability s;
    s.seat = r.required<SeatId>("seat_id").value_or(SeatId{});
    s.label = r.required<std::string>("label").value_or("");
    s.tier = r.required<TierId>("tier_id").value_or(TierId{});
    s.status = r.required<SeatStatus>("status").value_or(SeatStatus::Available);
    r.finish();
    return s;
}

void tag_invoke(json::value_from_tag, json::value& out, const Availability& a)
{
    json::array tiers;
    tiers.reserve(a.tiers.size());
    for (const auto& t : a.tiers)
        tiers.push_back(json::value_from(t));
    json::array seats;
    seats.reserve(a.seats.size());
    for (const auto& s : a.seats)
        seats.push_back(json::value_from(s));
    out = json::object{{"event_id", a.event.toString()},
                       {"seq", a.seq},
                       {"tiers", std::move(tiers)},
                       {"seats", std::move(seats)}};
}

Availability tag_invoke(json::value_to_tag<Availability>, const json::value& v)
{
    WireReader r(v);
    Availability a;
    a.event = r.required<EventId>("event_id").value_or(EventId{});
    a.seq = r.required<std::int64_t>("seq").value_or(0);
    a.tiers = r.required<std::vector<TierAvailability>>("tiers").value_or(
        std::vector<TierAvailability>{});
    a.seats = r.required<std::vector<SeatAvailability>>("seats").value_or(
        std::vector<SeatAvailability>{});
    r.finish();
    return a;
}

} // namespace ticketing::domain
