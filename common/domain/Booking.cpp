#include "domain/Booking.h"

#include "domain/Accounts.h"
#include "domain/Codec.h"
#include "domain/Idempotency.h"
#include "domain/JsonReader.h"
#include "domain/Promo.h"

#include <boost/json/value.hpp>
#include <set>

namespace ticketing::domain {

namespace {
boost::json::object customerJson(const Customer& c)
{
    return {{"name", c.name},
            {"email", c.email ? boost::json::value(*c.email) : boost::json::value(nullptr)},
            {"phone", c.phone ? boost::json::value(*c.phone) : boost::json::value(nullptr)}};
}
} // namespace

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
    if (const auto* c = o->if_contains("customer"); c && !c->is_null()) {
        if (const auto* customer = r.object(*c, "customer")) {
            Customer who;
            std::vector<FieldError> errors;
            if (auto name = r.string(*customer, "name", "customer")) {
                who.name = trimmed(*name);
                checkName(who.name, "customer.name", errors);
            }
            auto optionalText = [&](std::string_view key) -> std::optional<std::string> {
                const auto* v = customer->if_contains(key);
                if (!v || v->is_null())
                    return std::nullopt;
                auto text = r.string(*customer, key, "customer");
                if (text && trimmed(*text).empty())
                    return std::nullopt;
                return text ? std::optional(trimmed(*text)) : std::nullopt;
            };
            who.email = optionalText("email");
            if (who.email)
                checkEmail(*who.email, "customer.email", errors);
            who.phone = optionalText("phone");
            if (who.phone)
                checkPhone(*who.phone, "customer.phone", errors);
            for (auto& e : errors)
                r.addError(std::move(e.field), std::move(e.message));
            h.customer = std::move(who);
        }
    }
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
                    r.addError(JsonReader::index("seat_ids", i),
                               "names a seat already in the list");
                else
                    h.seats.push_back(*id);
            }
            if (r.ok() &&
                (seats->size() < HoldRules::minUnits || seats->size() > HoldRules::maxUnitsPerHold))
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
        h.bestAvailable = r.boolean(*o, "best_available", "", false).value_or(false);
    }
    h.accessible = r.boolean(*o, "accessible", "", false).value_or(false);
    if (h.accessible && !h.bestAvailable)
        r.addError("best_available", "is required (true) with accessible");
    if (bySeat && o->contains("best_available"))
        r.addError("best_available", "with ticket_tier_id and quantity, not with seat_ids");
    h.includeBlocked = r.boolean(*o, "include_blocked", "", false).value_or(false);
    if (h.includeBlocked && !bySeat)
        r.addError("include_blocked", "is for seat_ids: blocked seats are taken by name");
    if (!r.ok())
        return fail(std::move(r.errors()));
    return h;
}

BookingStatus Booking::statusAt(Clock::TimePoint now) const
{
    return status == BookingStatus::Held && holdExpiresAt <= now ? BookingStatus::Expired : status;
}

boost::json::value bookingJson(const Booking& b, Clock::TimePoint now)
{
    if (b.statusAt(now) == b.status)
        return boost::json::value_from(b);
    auto shown = b;
    shown.status = b.statusAt(now);
    return boost::json::value_from(shown);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, BookingStatus s)
{
    out = toString(s);
}

BookingStatus tag_invoke(boost::json::value_to_tag<BookingStatus>, const boost::json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto status = parseBookingStatus(*s))
            return *status;
    throw WireError("", "must be one of held, confirmed, cancelled, expired, refunded");
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, TicketStatus s)
{
    out = toString(s);
}

TicketStatus tag_invoke(boost::json::value_to_tag<TicketStatus>, const boost::json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto status = parseTicketStatus(*s))
            return *status;
    throw WireError("", "must be one of active, used, cancelled, transferred");
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const HoldRequest& h)
{
    boost::json::object o{{"event_id", h.event.toString()}};
    if (h.tier) {
        o["ticket_tier_id"] = h.tier->toString();
        o["quantity"] = h.quantity;
    } else {
        boost::json::array seats;
        for (const auto& s : h.seats)
            seats.emplace_back(s.toString());
        o["seat_ids"] = std::move(seats);
    }
    if (h.bestAvailable) {
        o["best_available"] = true;
        if (h.accessible)
            o["accessible"] = true;
    }
    if (h.includeBlocked)
        o["include_blocked"] = true;
    if (h.customer)
        o["customer"] = customerJson(*h.customer);
    if (h.promoCode)
        o["promo_code"] = *h.promoCode;
    out = std::move(o);
}

HoldRequest tag_invoke(boost::json::value_to_tag<HoldRequest>, const boost::json::value& v)
{
    return valueOrThrow(parseHoldRequest(v));
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Booking& b)
{
    auto money = [&](std::int64_t minor) { return formatMoney(minor, b.currency); };
    boost::json::array items;
    items.reserve(b.items.size());
    for (const auto& i : b.items) {
        boost::json::object o;
        o["seat_id"] =
            i.seat ? boost::json::value(i.seat->toString()) : boost::json::value(nullptr);
        o["seat"] = nullable(i.seatLabel);
        o["tier_id"] = i.tier.toString();
        o["tier"] = i.tierName;
        o["price"] = money(i.priceMinor);
        o["discount"] = money(i.discountMinor);
        items.push_back(std::move(o));
    }
    boost::json::array tickets;
    tickets.reserve(b.tickets.size());
    for (const auto& t : b.tickets) {
        boost::json::object ticket;
        ticket["ticket_id"] = t.id.toString();
        ticket["seat_id"] =
            t.seat ? boost::json::value(t.seat->toString()) : boost::json::value(nullptr);
        ticket["seat"] = nullable(t.seatLabel);
        ticket["tier"] = t.tierName;
        ticket["status"] = toString(t.status);
        ticket["qr_code"] = t.credential;
        ticket["holder"] = holderJson(t.holder);
        tickets.push_back(std::move(ticket));
    }
    boost::json::object o;
    o.reserve(16);
    o["booking_id"] = b.id.toString();
    o["event_id"] = b.event.toString();
    o["user_id"] = b.user.toString();
    o["status"] = toString(b.status);
    o["hold_expires_at"] = formatTimestamp(b.holdExpiresAt);
    o["line_items"] = std::move(items);
    o["subtotal"] = money(b.subtotalMinor);
    o["discount"] = money(b.discountMinor);
    o["total"] = money(b.totalMinor);
    o["currency"] = b.currency;
    o["applied"] = appliedJson(b.applied, b.currency);
    o["created_at"] = formatTimestamp(b.createdAt);
    o["tickets"] = std::move(tickets);
    if (b.statusReason)
        o["status_reason"] = *b.statusReason;
    if (b.refundMinor)
        o["refund"] =
            boost::json::object{{"amount", money(*b.refundMinor)}, {"currency", b.currency}};
    o["customer"] = b.customer ? customerJson(*b.customer) : boost::json::value(nullptr);
    o["sold_by"] =
        b.soldBy ? boost::json::value(b.soldBy->toString()) : boost::json::value(nullptr);
    if (b.split)
        o["split"] = true;
    out = std::move(o);
}

namespace {
LineItem readLineItem(const boost::json::value& v, const std::string& currency)
{
    WireReader r(v);
    LineItem i;
    i.seat = r.optional<SeatId>("seat_id");
    i.seatLabel = r.optional<std::string>("seat");
    i.tier = r.required<TierId>("tier_id").value_or(TierId{});
    i.tierName = r.required<std::string>("tier").value_or("");
    i.priceMinor = r.money("price", currency).value_or(0);
    i.discountMinor = r.money("discount", currency).value_or(0);
    r.finish();
    return i;
}

TicketView readTicket(const boost::json::value& v)
{
    WireReader r(v);
    TicketView t;
    t.id = r.required<TicketId>("ticket_id").value_or(TicketId{});
    t.seat = r.optional<SeatId>("seat_id");
    t.seatLabel = r.optional<std::string>("seat");
    t.tierName = r.required<std::string>("tier").value_or("");
    t.status = r.required<TicketStatus>("status").value_or(TicketStatus::Active);
    t.credential = r.required<std::string>("qr_code").value_or("");
    t.holder = readHolder(r);
    r.finish();
    return t;
}

} // namespace

Booking tag_invoke(boost::json::value_to_tag<Booking>, const boost::json::value& v)
{
    WireReader r(v);
    Booking b;
    b.id = r.required<BookingId>("booking_id").value_or(BookingId{});
    b.event = r.required<EventId>("event_id").value_or(EventId{});
    b.user = r.required<UserId>("user_id").value_or(UserId{});
    b.status = r.required<BookingStatus>("status").value_or(BookingStatus::Held);
    b.holdExpiresAt = r.time("hold_expires_at").value_or(Clock::TimePoint{});
    b.currency = r.currency("currency").value_or("");
    b.items = r.list<LineItem>("line_items",
                               [&](const auto& item) { return readLineItem(item, b.currency); });
    b.subtotalMinor = r.money("subtotal", b.currency).value_or(0);
    b.discountMinor = r.money("discount", b.currency).value_or(0);
    b.totalMinor = r.money("total", b.currency).value_or(0);
    b.applied = r.list<Applied>(
        "applied", [&](const boost::json::value& item) { return readApplied(item, b.currency); });
    b.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    b.tickets = r.list<TicketView>("tickets", readTicket);
    b.statusReason = r.optional<std::string>("status_reason");
    if (const auto* c = r.member("customer"); c && !c->is_null()) {
        WireReader cr(*c);
        Customer who;
        who.name = cr.required<std::string>("name").value_or("");
        who.email = cr.optional<std::string>("email");
        who.phone = cr.optional<std::string>("phone");
        for (const auto& e : cr.errors())
            r.error(wire::joinPath("customer", e.field), e.message);
        b.customer = std::move(who);
    }
    b.soldBy = r.optional<UserId>("sold_by");
    b.split = r.optional<bool>("split").value_or(false);
    if (const auto* refund = r.member("refund")) {
        WireReader rr(*refund);
        const auto currency = rr.currency("currency").value_or(b.currency);
        b.refundMinor = rr.money("amount", currency);
        for (const auto& e : rr.errors())
            r.error(wire::joinPath("refund", e.field), e.message);
    }
    r.finish();
    return b;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ConfirmRequest& c)
{
    out = boost::json::object{{"booking_id", c.booking.toString()},
                              {"payment_id", c.payment.toString()}};
}

ConfirmRequest tag_invoke(boost::json::value_to_tag<ConfirmRequest>, const boost::json::value& v)
{
    WireReader r(v);
    ConfirmRequest c;
    c.booking = r.required<BookingId>("booking_id").value_or(BookingId{});
    c.payment = r.required<PaymentId>("payment_id").value_or(PaymentId{});
    r.finish();
    return c;
}

namespace {
boost::json::array idList(const std::vector<SeatId>& seats)
{
    boost::json::array a;
    a.reserve(seats.size());
    for (const auto& s : seats)
        a.emplace_back(s.toString());
    return a;
}
} // namespace

Problem seatsUnavailable(const std::vector<SeatId>& seats)
{
    return Problem(409, "seats_unavailable", "Some seats are not available",
                   std::to_string(seats.size()) + " of the seats are held or sold")
        .with("unavailable_seat_ids", idList(seats));
}

StoredAnswer holdAnswer(const Booking& placed)
{
    return storedAnswer(201, placed);
}

Problem holdRefusal(HoldFailure failure, const std::vector<SeatId>& seats, int count,
                    std::optional<PromoRefusal> promo, std::string_view code)
{
    switch (failure) {
    case HoldFailure::UnknownSeats:
        return Problem(400, "unknown_seat", "Unknown seats", "some seats are not in this event")
            .with("unknown_seat_ids", idList(seats));
    case HoldFailure::UnknownTier:
        return Problem::validation({{"ticket_tier_id", "no such standing tier in this event"}});
    case HoldFailure::SeatsUnavailable:
        return seatsUnavailable(seats);
    case HoldFailure::SoldOut:
        return Problem(409, "sold_out", "Not enough places left",
                       std::to_string(count) + " places of this tier are left")
            .with("available", count);
    case HoldFailure::LimitReached:
        return Problem(409, "hold_limit_reached", "Too many held units",
                       "you hold " + std::to_string(count) + " units of this event; at most " +
                           std::to_string(HoldRules::maxUnitsPerUser) + " at once")
            .with("held", count);
    case HoldFailure::NotOnSale:
        return Problem(409, "not_on_sale", "The event is not on sale",
                       "the event is no longer on sale");
    case HoldFailure::PromoInvalid:
        return promoCodeInvalid(promo.value_or(PromoRefusal::Unknown), code);
    case HoldFailure::InFlight:
        return keyInFlight();
    case HoldFailure::KeyReused:
        return keyReused();
    case HoldFailure::None:
        break;
    }
    throw std::logic_error("holdRefusal of a hold that was not refused");
}

} // namespace ticketing::domain
