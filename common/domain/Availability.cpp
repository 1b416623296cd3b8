#include "domain/Availability.h"

#include "domain/Accounts.h"
#include "domain/Codec.h"

#include <set>

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
                       {"sold", t.sold},
                       {"blocked", t.blocked}};
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
    t.blocked = r.optional<int>("blocked").value_or(0); // added with seat blocks
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

namespace {
json::array seatIds(const std::vector<SeatId>& seats)
{
    json::array out;
    out.reserve(seats.size());
    for (const auto& s : seats)
        out.emplace_back(s.toString());
    return out;
}

// seat_ids: 1 to BlockRequest::maxSeats ids, none twice.
std::vector<SeatId> readSeatIds(WireReader& r)
{
    std::vector<SeatId> out;
    const auto* v = r.member("seat_ids");
    const auto* a = v ? v->if_array() : nullptr;
    if (!a) {
        if (r.isObject())
            r.error("seat_ids", v ? "must be an array of seat ids" : "is required");
        return out;
    }
    if (a->empty() || a->size() > BlockRequest::maxSeats) {
        r.error("seat_ids",
                "names 1 to " + std::to_string(BlockRequest::maxSeats) + " seats at once");
        return out;
    }
    std::set<Uuid> seen;
    out.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
        const auto* text = (*a)[i].if_string();
        const auto id = text ? SeatId::parse(*text) : std::nullopt;
        const auto at = "seat_ids[" + std::to_string(i) + "]";
        if (!id)
            r.error(at, "must be a seat id");
        else if (!seen.insert(id->value).second)
            r.error(at, "names a seat already in the list");
        else
            out.push_back(*id);
    }
    return out;
}

} // namespace

void tag_invoke(json::value_from_tag, json::value& out, const BlockRequest& b)
{
    out = json::object{{"seat_ids", seatIds(b.seats)}, {"reason", b.reason}};
}

BlockRequest tag_invoke(json::value_to_tag<BlockRequest>, const json::value& v)
{
    WireReader r(v);
    BlockRequest b;
    b.seats = readSeatIds(r);
    if (auto reason = r.required<std::string>("reason")) {
        b.reason = trimmed(*reason);
        if (b.reason.empty())
            r.error("reason", "is required: say why the seats are held back");
        else if (b.reason.size() > BlockRequest::maxReasonLength)
            r.error("reason",
                    "is at most " + std::to_string(BlockRequest::maxReasonLength) + " characters");
    }
    r.finish();
    return b;
}

void tag_invoke(json::value_from_tag, json::value& out, const UnblockRequest& b)
{
    out = json::object{{"seat_ids", seatIds(b.seats)}};
}

UnblockRequest tag_invoke(json::value_to_tag<UnblockRequest>, const json::value& v)
{
    WireReader r(v);
    UnblockRequest b;
    b.seats = readSeatIds(r);
    r.finish();
    return b;
}

void tag_invoke(json::value_from_tag, json::value& out, const SeatBlock& b)
{
    out = json::object{{"seat_id", b.seat.toString()},
                       {"label", b.label},
                       {"tier_id", b.tier.toString()},
                       {"reason", b.reason},
                       {"status", toString(b.status)}};
}

SeatBlock tag_invoke(json::value_to_tag<SeatBlock>, const json::value& v)
{
    WireReader r(v);
    SeatBlock b;
    b.seat = r.required<SeatId>("seat_id").value_or(SeatId{});
    b.label = r.required<std::string>("label").value_or("");
    b.tier = r.required<TierId>("tier_id").value_or(TierId{});
    b.reason = r.required<std::string>("reason").value_or("");
    b.status = r.required<SeatStatus>("status").value_or(SeatStatus::Blocked);
    r.finish();
    return b;
}

void tag_invoke(json::value_from_tag, json::value& out, const SeatBlocks& b)
{
    json::array blocks;
    blocks.reserve(b.blocks.size());
    for (const auto& x : b.blocks)
        blocks.push_back(json::value_from(x));
    out = json::object{{"event_id", b.event.toString()}, {"blocks", std::move(blocks)}};
}

SeatBlocks tag_invoke(json::value_to_tag<SeatBlocks>, const json::value& v)
{
    WireReader r(v);
    SeatBlocks b;
    b.event = r.required<EventId>("event_id").value_or(EventId{});
    b.blocks = r.required<std::vector<SeatBlock>>("blocks").value_or(std::vector<SeatBlock>{});
    r.finish();
    return b;
}

} // namespace ticketing::domain
