#include "domain/Report.h"

#include "domain/Codec.h"
#include "domain/Money.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

namespace ticketing::domain {

namespace {
Clock::TimePoint periodStart(Clock::TimePoint t, ReportInterval interval)
{
    const auto step =
        interval == ReportInterval::Hour ? std::chrono::hours(1) : std::chrono::hours(24);
    const auto since = t.time_since_epoch();
    return Clock::TimePoint(since -
                            since % std::chrono::duration_cast<Clock::TimePoint::duration>(step));
}

void addStock(ReportLine& line, const TierStock& s)
{
    line.available += s.available;
    line.held += s.held;
    line.blocked += s.blocked;
    line.sold += s.sold;
    line.total += s.available + s.held + s.blocked + s.sold;
}

std::string money(std::int64_t minor, const std::string& currency)
{
    return formatMoney(minor, currency);
}

boost::json::object lineJson(const ReportLine& l, const std::string& currency)
{
    return {{"total", l.total},
            {"available", l.available},
            {"held", l.held},
            {"blocked", l.blocked},
            {"sold", l.sold},
            {"gross", money(l.gross, currency)},
            {"refunds", money(l.refunds, currency)},
            {"net", money(l.net(), currency)}};
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (const char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csvRow(const std::vector<std::string>& fields)
{
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i)
        row += (i ? "," : "") + csvField(fields[i]);
    return row + "\r\n";
}

boost::json::value percentJson(int basisPoints)
{
    if (basisPoints % 100 == 0)
        return basisPoints / 100;
    return basisPoints / 100.0;
}

// "5", "2.5", "0.25": the percentage as a person writes it (Boost.JSON writes 2.5 as 2.5E0).
std::string percentText(int basisPoints)
{
    std::string text = std::to_string(basisPoints / 100);
    if (const int cents = basisPoints % 100; cents != 0) {
        text += '.';
        text += static_cast<char>('0' + cents / 10);
        if (cents % 10 != 0)
            text += static_cast<char>('0' + cents % 10);
    }
    return text;
}
} // namespace

Report buildReport(const EventId& event, const std::string& currency, Clock::TimePoint now,
                   const std::vector<TierStock>& stock, const std::vector<PaidBooking>& paid,
                   std::vector<MethodTotal> byMethod, ReportInterval interval)
{
    Report r;
    r.event = event;
    r.currency = currency;
    r.generatedAt = now;
    std::map<std::string, std::size_t> tierIndex;
    for (const auto& s : stock) {
        tierIndex[s.tier.toString()] = r.tiers.size();
        Report::Tier t{s.tier, s.name, {}};
        addStock(t.line, s);
        addStock(r.totals, s);
        r.tiers.push_back(std::move(t));
    }
    std::map<Clock::TimePoint, Report::Period> periods;
    Report::Channel online{"online", 0, 0};
    Report::Channel counter{"box_office", 0, 0};
    for (const auto& b : paid) {
        // What was paid and given back, spread over the booking's units by their list prices.
        std::vector<std::int64_t> prices;
        for (const auto& [tier, price] : b.units)
            prices.push_back(price);
        const auto gross = spread(b.paidMinor, prices);
        const auto refunds = spread(b.refundedMinor, prices);
        for (std::size_t i = 0; i < b.units.size(); ++i) {
            const auto it = tierIndex.find(b.units[i].first.toString());
            if (it == tierIndex.end())
                continue; // a tier removed since (cannot happen once published)
            r.tiers[it->second].line.gross += gross[i];
            r.tiers[it->second].line.refunds += refunds[i];
        }
        r.totals.gross += b.paidMinor;
        r.totals.refunds += b.refundedMinor;
        auto& period = periods[periodStart(b.paidAt, interval)];
        period.start = periodStart(b.paidAt, interval);
        period.units += static_cast<int>(b.units.size());
        period.gross += b.paidMinor;
        auto& channel = b.boxOffice ? counter : online;
        channel.units += static_cast<int>(b.units.size());
        channel.gross += b.paidMinor;
    }
    for (auto& [start, period] : periods)
        r.sales.push_back(period);
    r.byChannel = {online, counter};
    std::sort(byMethod.begin(), byMethod.end(),
              [](const auto& x, const auto& y) { return x.method < y.method; });
    r.byMethod = std::move(byMethod);
    return r;
}

Settlement settle(const Report& report, Clock::TimePoint eventEnd, int feeBasisPoints,
                  Clock::TimePoint now)
{
    Settlement s;
    s.event = report.event;
    s.currency = report.currency;
    s.gross = report.totals.gross;
    s.refunds = report.totals.refunds;
    s.netSales = s.gross - s.refunds;
    s.feeBasisPoints = feeBasisPoints;
    const auto currency = Currency::fromCode(report.currency);
    s.fee = currency ? Money(s.netSales, *currency).percentage(feeBasisPoints).minorUnits() : 0;
    s.payout = s.netSales - s.fee;
    s.payoutDate = eventEnd + std::chrono::hours(48);
    s.due = now >= s.payoutDate;
    return s;
}

boost::json::value reportJson(const Report& r)
{
    boost::json::array tiers;
    for (const auto& t : r.tiers) {
        boost::json::object o{{"tier_id", t.tier.toString()}, {"name", t.name}};
        for (auto& [k, v] : lineJson(t.line, r.currency))
            o[k] = v;
        tiers.push_back(std::move(o));
    }
    boost::json::array sales;
    for (const auto& p : r.sales)
        sales.push_back({{"period_start", formatTimestamp(p.start)},
                         {"units", p.units},
                         {"gross", money(p.gross, r.currency)}});
    boost::json::array channels;
    for (const auto& c : r.byChannel)
        channels.push_back(
            {{"channel", c.channel}, {"units", c.units}, {"gross", money(c.gross, r.currency)}});
    boost::json::array methods;
    for (const auto& m : r.byMethod)
        methods.push_back({{"method", m.method},
                           {"count", m.count},
                           {"amount", money(m.amountMinor, r.currency)}});
    boost::json::object out{{"event_id", r.event.toString()},
                            {"currency", r.currency},
                            {"generated_at", formatTimestamp(r.generatedAt)},
                            {"tiers", std::move(tiers)},
                            {"totals", lineJson(r.totals, r.currency)},
                            {"sales", std::move(sales)},
                            {"by_channel", std::move(channels)},
                            {"by_method", std::move(methods)}};
    if (r.checkin)
        out["checkin"] = {{"admitted", r.checkin->admitted}, {"inside", r.checkin->inside}};
    return out;
}

boost::json::value settlementJson(const Settlement& s)
{
    return {{"event_id", s.event.toString()},
            {"currency", s.currency},
            {"gross", money(s.gross, s.currency)},
            {"refunds", money(s.refunds, s.currency)},
            {"net_sales", money(s.netSales, s.currency)},
            {"fee_percent", percentJson(s.feeBasisPoints)},
            {"fee", money(s.fee, s.currency)},
            {"payout", money(s.payout, s.currency)},
            {"payout_date", formatTimestamp(s.payoutDate)},
            {"status", s.due ? "due" : "pending"}};
}

std::string reportCsv(const Report& r)
{
    std::string out = csvRow({"tier_id", "name", "total", "available", "held", "blocked", "sold",
                              "gross", "refunds", "net"});
    const auto row = [&r](const std::string& id, const std::string& name, const ReportLine& l) {
        return csvRow({id, name, std::to_string(l.total), std::to_string(l.available),
                       std::to_string(l.held), std::to_string(l.blocked), std::to_string(l.sold),
                       money(l.gross, r.currency), money(l.refunds, r.currency),
                       money(l.net(), r.currency)});
    };
    for (const auto& t : r.tiers)
        out += row(t.tier.toString(), t.name, t.line);
    out += row("total", "", r.totals);
    return out;
}

std::string settlementCsv(const Settlement& s)
{
    const auto percent = percentText(s.feeBasisPoints);
    return csvRow({"event_id", "currency", "gross", "refunds", "net_sales", "fee_percent", "fee",
                   "payout", "payout_date", "status"}) +
           csvRow({s.event.toString(), s.currency, money(s.gross, s.currency),
                   money(s.refunds, s.currency), money(s.netSales, s.currency), percent,
                   money(s.fee, s.currency), money(s.payout, s.currency),
                   formatTimestamp(s.payoutDate), s.due ? "due" : "pending"});
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Report& report)
{
    out = reportJson(report);
}

namespace {
ReportLine readLine(WireReader& r, const std::string& currency)
{
    ReportLine l;
    l.total = r.required<int>("total").value_or(0);
    l.available = r.required<int>("available").value_or(0);
    l.held = r.required<int>("held").value_or(0);
    l.blocked = r.required<int>("blocked").value_or(0);
    l.sold = r.required<int>("sold").value_or(0);
    l.gross = r.money("gross", currency).value_or(0);
    l.refunds = r.money("refunds", currency).value_or(0);
    if (const auto net = r.money("net", currency); net && *net != l.net())
        r.error("net", "is not gross less refunds");
    return l;
}
} // namespace

Report tag_invoke(boost::json::value_to_tag<Report>, const boost::json::value& v)
{
    WireReader r(v);
    Report out;
    out.event = r.required<EventId>("event_id").value_or(EventId{});
    out.currency = r.currency("currency").value_or("");
    out.generatedAt = r.time("generated_at").value_or(Clock::TimePoint{});
    const auto& currency = out.currency;
    out.tiers = r.list<Report::Tier>("tiers", [&](const boost::json::value& item) {
        WireReader t(item);
        Report::Tier tier;
        tier.tier = t.required<TierId>("tier_id").value_or(TierId{});
        tier.name = t.required<std::string>("name").value_or("");
        tier.line = readLine(t, currency);
        t.finish();
        return tier;
    });
    if (const auto* totals = r.member("totals")) {
        WireReader t(*totals);
        out.totals = readLine(t, currency);
        for (const auto& e : t.errors())
            r.error(wire::joinPath("totals", e.field), e.message);
    } else {
        r.error("totals", "is required");
    }
    out.sales = r.list<Report::Period>("sales", [&](const boost::json::value& item) {
        WireReader p(item);
        Report::Period period;
        period.start = p.time("period_start").value_or(Clock::TimePoint{});
        period.units = p.required<int>("units").value_or(0);
        period.gross = p.money("gross", currency).value_or(0);
        p.finish();
        return period;
    });
    out.byChannel = r.list<Report::Channel>("by_channel", [&](const boost::json::value& item) {
        WireReader c(item);
        Report::Channel channel;
        channel.channel = c.required<std::string>("channel").value_or("");
        channel.units = c.required<int>("units").value_or(0);
        channel.gross = c.money("gross", currency).value_or(0);
        c.finish();
        return channel;
    });
    out.byMethod = r.list<MethodTotal>("by_method", [&](const boost::json::value& item) {
        WireReader m(item);
        MethodTotal method;
        method.method = m.required<std::string>("method").value_or("");
        method.count = m.required<int>("count").value_or(0);
        method.amountMinor = m.money("amount", currency).value_or(0);
        m.finish();
        return method;
    });
    if (const auto* checkin = r.member("checkin")) {
        WireReader c(*checkin);
        out.checkin = Report::CheckIn{c.required<long long>("admitted").value_or(0),
                                      c.required<long long>("inside").value_or(0)};
        for (const auto& e : c.errors())
            r.error(wire::joinPath("checkin", e.field), e.message);
    }
    r.finish();
    return out;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Settlement& s)
{
    out = settlementJson(s);
}

Settlement tag_invoke(boost::json::value_to_tag<Settlement>, const boost::json::value& v)
{
    WireReader r(v);
    Settlement s;
    s.event = r.required<EventId>("event_id").value_or(EventId{});
    s.currency = r.currency("currency").value_or("");
    s.gross = r.money("gross", s.currency).value_or(0);
    s.refunds = r.money("refunds", s.currency).value_or(0);
    s.netSales = r.money("net_sales", s.currency).value_or(0);
    if (const auto percent = r.required<double>("fee_percent")) {
        if (*percent < 0 || *percent > 100)
            r.error("fee_percent", "must be a percentage from 0 to 100");
        else
            s.feeBasisPoints = static_cast<int>(std::llround(*percent * 100));
    }
    s.fee = r.money("fee", s.currency).value_or(0);
    s.payout = r.money("payout", s.currency).value_or(0);
    s.payoutDate = r.time("payout_date").value_or(Clock::TimePoint{});
    if (const auto status = r.required<std::string>("status")) {
        if (*status != "due" && *status != "pending")
            r.error("status", "must be due or pending");
        s.due = *status == "due";
    }
    r.finish();
    return s;
}

} // namespace ticketing::domain
