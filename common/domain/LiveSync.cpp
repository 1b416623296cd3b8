#include "domain/LiveSync.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

namespace {
template <class... Fs> struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template <class... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

json::array tierCountsJson(const std::vector<TierCounts>& tiers)
{
    json::array out;
    out.reserve(tiers.size());
    for (const auto& t : tiers)
        out.push_back(json::value_from(t));
    return out;
}
} // namespace

namespace {
// "<prefix>:<event id>" both ways.
std::string channel(std::string_view prefix, const EventId& event)
{
    return std::string(prefix) + ":" + event.toString();
}

std::optional<EventId> eventOf(std::string_view prefix, std::string_view channel)
{
    if (channel.size() <= prefix.size() || !channel.starts_with(prefix) ||
        channel[prefix.size()] != ':')
        return std::nullopt;
    return EventId::parse(channel.substr(prefix.size() + 1));
}
} // namespace

std::string eventChannel(const EventId& event)
{
    return channel("event", event);
}

std::optional<EventId> eventOfChannel(std::string_view channel)
{
    return eventOf("event", channel);
}

std::string checkinChannel(const EventId& event)
{
    return channel("checkin", event);
}

std::optional<EventId> eventOfCheckinChannel(std::string_view channel)
{
    return eventOf("checkin", channel);
}

void tag_invoke(json::value_from_tag, json::value& out, const SyncClientMessage& m)
{
    out = std::visit(Overloaded{
                         [](const SyncAuth& a) {
                             return json::object{{"type", "auth"}, {"token", a.token}};
                         },
                         [](const SyncSubscribe& s) {
                             json::object o{{"type", "subscribe"}, {"channel", s.channel}};
                             o["since"] = s.since ? json::value(*s.since) : json::value(nullptr);
                             if (s.format == SyncFormat::Compact)
                                 o["format"] = "compact";
                             return o;
                         },
                         [](const SyncUnsubscribe& u) {
                             return json::object{{"type", "unsubscribe"}, {"channel", u.channel}};
                         },
                         [](const SyncPing&) {
                             return json::object{{"type", "ping"}};
                         },
                     },
                     m);
}

SyncClientMessage tag_invoke(json::value_to_tag<SyncClientMessage>, const json::value& v)
{
    WireReader r(v);
    const auto type = r.required<std::string>("type");
    r.finish();
    SyncClientMessage out = SyncPing{};
    if (*type == "ping") {
        out = SyncPing{};
    } else if (*type == "auth") {
        out = SyncAuth{r.required<std::string>("token").value_or("")};
    } else if (*type == "subscribe") {
        SyncSubscribe s;
        s.channel = r.required<std::string>("channel").value_or("");
        s.since = r.optional<std::int64_t>("since");
        if (s.since && *s.since < 0)
            r.error("since", "is a sequence number or null");
        if (auto format = r.optional<std::string>("format")) {
            if (*format == "compact")
                s.format = SyncFormat::Compact;
            else if (*format != "full")
                r.error("format", "is \"full\" (the default) or \"compact\"");
        }
        out = std::move(s);
    } else if (*type == "unsubscribe") {
        out = SyncUnsubscribe{r.required<std::string>("channel").value_or("")};
    } else {
        r.error("type", "unknown message type \"" + *type + "\"");
    }
    r.finish();
    return out;
}

void tag_invoke(json::value_from_tag, json::value& out, const SeatChange& c)
{
    json::object o;
    if (c.seat)
        o["seat_id"] = c.seat->toString();
    o["tier_id"] = c.tier.toString();
    o["status"] = toString(c.status);
    out = std::move(o);
}

SeatChange tag_invoke(json::value_to_tag<SeatChange>, const json::value& v)
{
    WireReader r(v);
    SeatChange c;
    c.seat = r.optional<SeatId>("seat_id");
    c.tier = r.required<TierId>("tier_id").value_or(TierId{});
    c.status = r.required<SeatStatus>("status").value_or(SeatStatus::Available);
    r.finish();
    return c;
}

void tag_invoke(json::value_from_tag, json::value& out, const TierCounts& t)
{
    out = json::object{{"tier_id", t.tier.toString()},
                       {"available", t.available},
                       {"held", t.held},
                       {"sold", t.sold},
                       {"blocked", t.blocked}};
}

TierCounts tag_invoke(json::value_to_tag<TierCounts>, const json::value& v)
{
    WireReader r(v);
    TierCounts t;
    t.tier = r.required<TierId>("tier_id").value_or(TierId{});
    t.available = r.required<int>("available").value_or(0);
    t.held = r.required<int>("held").value_or(0);
    t.sold = r.required<int>("sold").value_or(0);
    t.blocked = r.optional<int>("blocked").value_or(0); // added with seat blocks
    r.finish();
    return t;
}

void tag_invoke(json::value_from_tag, json::value& out, const SeatsDelta& d)
{
    json::array changes;
    changes.reserve(d.changes.size());
    for (const auto& c : d.changes)
        changes.push_back(json::value_from(c));
    out = json::object{{"changes", std::move(changes)}, {"tiers", tierCountsJson(d.tiers)}};
}

SeatsDelta tag_invoke(json::value_to_tag<SeatsDelta>, const json::value& v)
{
    WireReader r(v);
    SeatsDelta d;
    d.changes = r.required<std::vector<SeatChange>>("changes").value_or(std::vector<SeatChange>{});
    d.tiers = r.required<std::vector<TierCounts>>("tiers").value_or(std::vector<TierCounts>{});
    r.finish();
    return d;
}

void tag_invoke(json::value_from_tag, json::value& out, const CompactChange& c)
{
    out = json::array{c.index, std::string(1, statusLetter(c.status))};
}

CompactChange tag_invoke(json::value_to_tag<CompactChange>, const json::value& v)
{
    const auto* pair = v.if_array();
    const auto* letter = pair && pair->size() == 2 ? (*pair)[1].if_string() : nullptr;
    const auto status =
        letter && letter->size() == 1 ? statusFromLetter((*letter)[0]) : std::nullopt;
    if (!status || !(*pair)[0].is_int64() || (*pair)[0].as_int64() < 0 ||
        (*pair)[0].as_int64() > INT32_MAX)
        throw WireError("", "must be [seat index, status letter a, h, s or b]");
    return {static_cast<int>((*pair)[0].as_int64()), *status};
}

void tag_invoke(json::value_from_tag, json::value& out, const SyncServerMessage& m)
{
    out = std::visit(
        Overloaded{
            [](const SyncSnapshot& s) {
                return json::object{{"type", "snapshot"},
                                    {"channel", s.channel},
                                    {"seq", s.seq},
                                    {"availability", json::value_from(s.availability)}};
            },
            [](const SyncSeats& s) {
                auto o = json::value_from(s.delta).as_object();
                json::object msg{{"type", "seats"}, {"channel", s.channel}, {"seq", s.seq}};
                msg["changes"] = std::move(o["changes"]);
                msg["tiers"] = std::move(o["tiers"]);
                return msg;
            },
            [](const SyncCompactSeats& s) {
                json::array changes;
                changes.reserve(s.changes.size());
                for (const auto& c : s.changes)
                    changes.push_back(json::value_from(c));
                return json::object{{"type", "seats"},
                                    {"channel", s.channel},
                                    {"from_seq", s.fromSeq},
                                    {"seq", s.seq},
                                    {"format", "compact"},
                                    {"changes", std::move(changes)},
                                    {"tiers", tierCountsJson(s.tiers)}};
            },
            [](const SyncError& e) {
                return json::object{{"type", "error"}, {"code", e.code}, {"detail", e.detail}};
            },
            [](const SyncPong&) {
                return json::object{{"type", "pong"}};
            },
            [](const SyncCheckInSnapshot& s) {
                return json::object{{"type", "checkin_snapshot"},
                                    {"channel", s.channel},
                                    {"seq", s.seq},
                                    {"stats", json::value_from(s.stats)}};
            },
            [](const SyncCheckIn& c) {
                return json::object{{"type", "checkin"},
                                    {"channel", c.channel},
                                    {"seq", c.seq},
                                    {"entry", json::value_from(c.entry)}};
            },
        },
        m);
}

SyncServerMessage tag_invoke(json::value_to_tag<SyncServerMessage>, const json::value& v)
{
    WireReader r(v);
    const auto type = r.required<std::string>("type");
    r.finish();
    SyncServerMessage out = SyncPong{};
    if (*type == "snapshot") {
        SyncSnapshot s;
        s.channel = r.required<std::string>("channel").value_or("");
        s.seq = r.required<std::int64_t>("seq").value_or(0);
        if (auto a = r.required<Availability>("availability"))
            s.availability = std::move(*a);
        out = std::move(s);
    } else if (*type == "seats" &&
               r.optional<std::string>("format") == std::optional<std::string>("compact")) {
        SyncCompactSeats s;
        s.channel = r.required<std::string>("channel").value_or("");
        s.fromSeq = r.required<std::int64_t>("from_seq").value_or(0);
        s.seq = r.required<std::int64_t>("seq").value_or(0);
        s.changes = r.required<std::vector<CompactChange>>("changes").value_or(
            std::vector<CompactChange>{});
        s.tiers = r.required<std::vector<TierCounts>>("tiers").value_or(std::vector<TierCounts>{});
        out = std::move(s);
    } else if (*type == "seats") {
        SyncSeats s;
        s.channel = r.required<std::string>("channel").value_or("");
        s.seq = r.required<std::int64_t>("seq").value_or(0);
        s.delta.changes =
            r.required<std::vector<SeatChange>>("changes").value_or(std::vector<SeatChange>{});
        s.delta.tiers =
            r.required<std::vector<TierCounts>>("tiers").value_or(std::vector<TierCounts>{});
        out = std::move(s);
    } else if (*type == "error") {
        out = SyncError{r.required<std::string>("code").value_or(""),
                        r.required<std::string>("detail").value_or("")};
    } else if (*type == "pong") {
        out = SyncPong{};
    } else if (*type == "checkin_snapshot") {
        SyncCheckInSnapshot c;
        c.channel = r.required<std::string>("channel").value_or("");
        c.seq = r.required<std::int64_t>("seq").value_or(0);
        if (auto stats = r.required<CheckInStats>("stats"))
            c.stats = std::move(*stats);
        out = std::move(c);
    } else if (*type == "checkin") {
        SyncCheckIn c;
        c.channel = r.required<std::string>("channel").value_or("");
        c.seq = r.required<std::int64_t>("seq").value_or(0);
        if (auto entry = r.required<CheckInEntry>("entry"))
            c.entry = std::move(*entry);
        out = std::move(c);
    } else {
        r.error("type", "unknown message type \"" + *type + "\"");
    }
    r.finish();
    return out;
}

} // namespace ticketing::domain
