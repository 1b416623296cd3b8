#include "domain/Booking.h"

#include <set>

#include <boost/json/value.hpp>

#include "domain/JsonReader.h"

namespace ticketing::domain {

Result<HoldRequest, std::vector<FieldError>> parseHoldRequest(const boost::json::value& body)
{
    JsonReader r;
    const auto* o = r.object(body, "");
    if (!o)
        return fail(std::move(r.errors()));
    HoldRequest h;
    if (auto event = r.string(*o, "event_id", "")) {
        if (auto id = EventId::parse(*event))
            h.event = *id;
        else
            r.addError("event_id", "must be an event id");
    }
    h.promoCode = r.string(*o, "promo_code", "", false);
    const bool bySeat = o->contains("seat_ids");
    const bool byTier = o->contains("ticket_tier_id") || o->contains("quantity");
    if (bySeat == byTier) {
        r.addError("seat_ids", "send seat_ids, or ticket_tier_id and quantity");
    } else if (bySeat) {
        if (const auto* seats = r.arrayMember(*o, "seat_ids", "")) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < seats->size(); ++i) {
                const auto* text = (*seats)[i].if_string();
                auto id = text ? SeatId::parse(*text) : std::nullopt;
                if (!id)
                    r.addError(JsonReader::index("seat_ids", i), "must be a seat id");
                else if (!seen.insert(id->toString()).second)
                    r.addError(JsonReader::index("seat_ids", i), "names a seat already in the list");
                else
                    h.seats.push_back(*id);
            }
            if (r.ok() && (seats->size() < HoldRules::minUnits || seats->size() > HoldRules::maxUnitsPerHold))
                r.addError("seat_ids", "a hold is of 1 to 10 seats");
        }
    } else {
        if (auto tier = r.string(*o, "ticket_tier_id", "")) {
            if (auto id = TierId::parse(*tier))
                h.tier = *id;
            else
                r.addError("ticket_tier_id", "must be a tier id");
        }
        if (auto q = r.integer(*o, "quantity", "")) {
            if (*q < HoldRules::minUnits || *q > HoldRules::maxUnitsPerHold)
                r.addError("quantity", "a hold is of 1 to 10 places");
            else
                h.quantity = static_cast<int>(*q);
        }
    }
    if (!r.ok())
        return fail(std::move(r.errors()));
    return h;
}

BookingStatus Booking::statusAt(Clock::TimePoint now) const
{
    return status == BookingStatus::Held && holdExpiresAt <= now ? BookingStatus::Expired : status;
}

boost::json::object bookingJson(const Booking& b, Clock::TimePoint now)
{
    const auto currency = Currency::fromCode(b.currency).value_or(*Currency::fromCode("USD"));
    auto money = [&](std::int64_t minor) { return Money(minor, currency).toDecimalString(); };
    boost::json::array items;
    for (const auto& i : b.items) {
        boost::json::object o;
        o["seat_id"] = i.seat ? boost::json::value(i.seat->toString()) : boost::json::value(nullptr);
        o["seat"] = i.seatLabel ? boost::json::value(*i.seatLabel) : boost::json::value(nullptr);
        o["tier_id"] = i.tier.toString();
        o["tier"] = i.tierName;
        o["price"] = money(i.priceMinor);
        items.push_back(std::move(o));
    }
    boost::json::object o;
    o["booking_id"] = b.id.toString();
    o["event_id"] = b.event.toString();
    o["user_id"] = b.user.toString();
    o["status"] = toString(b.statusAt(now));
    o["hold_expires_at"] = formatTimestamp(b.holdExpiresAt);
    o["line_items"] = std::move(items);
    o["subtotal"] = money(b.subtotalMinor);
    o["discount"] = money(b.discountMinor);
    o["total"] = money(b.totalMinor);
    o["currency"] = b.currency;
    o["created_at"] = formatTimestamp(b.createdAt);
    boost::json::array tickets;
    for (const auto& t : b.tickets) {
        boost::json::object ticket;
        ticket["ticket_id"] = t.id.toString();
        ticket["seat_id"] = t.seat ? boost::json::value(t.seat->toString()) : boost::json::value(nullptr);
        ticket["seat"] = t.seatLabel ? boost::json::value(*t.seatLabel) : boost::json::value(nullptr);
        ticket["tier"] = t.tierName;
        ticket["status"] = toString(t.status);
        ticket["qr_code"] = t.credential;
        tickets.push_back(std::move(ticket));
    }
    o["tickets"] = std::move(tickets);
    if (b.statusReason)
        o["status_reason"] = *b.statusReason;
    if (b.refundMinor)
        o["refund"] = boost::json::object{{"amount", money(*b.refundMinor)}, {"currency", b.currency}};
    return o;
}

} // namespace ticketing::domain
