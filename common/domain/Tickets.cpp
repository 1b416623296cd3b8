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
    o["holder"] = holderJson(t.holder);
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
    t.holder = readHolder(r);
    r.finish();
    return t;
}

json::value holderJson(const std::optional<Holder>& holder)
{
    if (!holder)
        return nullptr;
    json::object o{{"email", holder->email}};
    if (holder->name)
        o["name"] = *holder->name;
    return o;
}

std::optional<Holder> readHolder(WireReader& r, const char* field)
{
    const auto* v = r.member(field);
    if (!v || v->is_null())
        return std::nullopt;
    WireReader h(*v);
    Holder out;
    out.email = h.required<std::string>("email").value_or("");
    out.name = h.optional<std::string>("name");
    for (const auto& e : h.errors())
        r.error(wire::joinPath(field, e.field), e.message);
    return out;
}

void tag_invoke(json::value_from_tag, json::value& out, const TransferRequest& t)
{
    json::object o{{"email", t.email}};
    if (!t.tickets.empty()) {
        json::array ids;
        for (const auto& id : t.tickets)
            ids.emplace_back(id.toString());
        o["ticket_ids"] = std::move(ids);
    }
    out = std::move(o);
}

TransferRequest tag_invoke(json::value_to_tag<TransferRequest>, const json::value& v)
{
    WireReader r(v);
    TransferRequest t;
    t.email = r.required<std::string>("email").value_or("");
    t.tickets = r.optionalOr<std::vector<TicketId>>("ticket_ids", {});
    if (t.tickets.size() > 100)
        r.error("ticket_ids", "at most 100 tickets");
    r.finish();
    return t;
}

std::optional<Problem> transferRefusal(TicketStatus status, bool transfersAllowed,
                                       std::optional<Clock::TimePoint> transferUntil,
                                       Clock::TimePoint eventStart, Clock::TimePoint now)
{
    auto refused = [](std::string reason, const std::string& detail) {
        return Problem(409, "transfer_not_allowed", "The ticket cannot be transferred", detail)
            .with("reason", boost::json::string(reason));
    };
    if (!transfersAllowed)
        return refused("not_allowed", "the event does not allow transfers");
    if (now >= transferUntil.value_or(eventStart))
        return refused("too_late", "transfers closed at " +
                                       formatTimestamp(transferUntil.value_or(eventStart)));
    switch (status) {
    case TicketStatus::Active:
        return std::nullopt;
    case TicketStatus::Used:
        return refused("used", "the ticket has been used at the gate");
    case TicketStatus::Cancelled:
        return refused("cancelled", "the ticket was cancelled");
    case TicketStatus::Transferred:
        return refused("transferred", "the ticket was transferred already");
    }
    return refused("unknown", "the ticket cannot be transferred");
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
