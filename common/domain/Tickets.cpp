#include "domain/Tickets.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const Ticket& t)
{
    json::object o{{"ticket_id", t.id.toString()},   {"booking_id", t.booking.toString()},
                   {"event_id", t.event.toString()}, {"tier", t.tierName},
                   {"status", toString(t.status)},   {"qr_code", t.credential}};
    o["seat_id"] = t.seat ? json::value(t.seat->toString()) : json::value(nullptr);
    o["seat"] = nullable(t.seatLabel);
    out = std::move(o);
}

Ticket tag_invoke(json::value_to_tag<Ticket>, const json::value& v)
{
    WireReader r(v);
    Ticket t;
    t.id = r.required<TicketId>("ticket_id").value_or(TicketId{});
    t.booking = r.required<BookingId>("booking_id").value_or(BookingId{});
    t.event = r.required<EventId>("event_id").value_or(EventId{});
    t.seat = r.optional<SeatId>("seat_id");
    t.seatLabel = r.optional<std::string>("seat");
    t.tierName = r.required<std::string>("tier").value_or("");
    if (auto status = r.required<std::string>("status")) {
        if (auto s = parseTicketStatus(*status))
            t.status = *s;
        else
            r.error("status", "must be one of active, used, cancelled, transferred");
    }
    t.credential = r.required<std::string>("qr_code").value_or("");
    r.finish();
    return t;
}

void tag_invoke(json::value_from_tag, json::value& out, const PublicSigningKey& k)
{
    out = json::object{{"key_id", k.keyId},
                       {"algorithm", k.algorithm},
                       {"public_key", k.publicKey},
                       {"created_at", formatTimestamp(k.createdAt)},
                       {"retired_at", nullableTime(k.retiredAt)}};
}

PublicSigningKey tag_invoke(json::value_to_tag<PublicSigningKey>, const json::value& v)
{
    WireReader r(v);
    PublicSigningKey k;
    k.keyId = r.required<std::string>("key_id").value_or("");
    k.algorithm = r.required<std::string>("algorithm").value_or("");
    k.publicKey = r.required<std::string>("public_key").value_or("");
    k.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    k.retiredAt = r.time("retired_at", false);
    r.finish();
    return k;
}

void tag_invoke(json::value_from_tag, json::value& out, const SigningKeys& k)
{
    json::array keys;
    for (const auto& key : k.keys)
        keys.push_back(json::value_from(key));
    out = json::object{
        {"event_id", k.event.toString()}, {"format", k.format}, {"keys", std::move(keys)}};
}

SigningKeys tag_invoke(json::value_to_tag<SigningKeys>, const json::value& v)
{
    WireReader r(v);
    SigningKeys k;
    k.event = r.required<EventId>("event_id").value_or(EventId{});
    k.format = r.required<std::string>("format").value_or("");
    k.keys =
        r.required<std::vector<PublicSigningKey>>("keys").value_or(std::vector<PublicSigningKey>{});
    r.finish();
    return k;
}

} // namespace ticketing::domain
