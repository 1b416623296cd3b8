#pragma once

#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Uuid.h"

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// An event's sales report and settlement (API.md "Reports", seed 10.4), made from what is
// recorded: the units' statuses, and the payments and refunds of each booking. Every amount is
// spread to the cent (largest remainder) so that the tiers add up to the totals and the totals
// to the payments and refunds.

// A tier's units as they stand.
struct TierStock
{
    TierId tier;
    std::string name;
    int available = 0;
    int held = 0;
    int blocked = 0;
    int sold = 0;
};

// A booking money was taken for: its units (tier and list price each), what was paid for it
// and what was given back.
struct PaidBooking
{
    BookingId id;
    bool boxOffice = false; // sold at the counter (sold_by), else online
    Clock::TimePoint paidAt;
    std::vector<std::pair<TierId, std::int64_t>> units;
    std::int64_t paidMinor = 0;
    std::int64_t refundedMinor = 0;
};

// Payments by method: how many went through and what they took.
struct MethodTotal
{
    std::string method;
    int count = 0;
    std::int64_t amountMinor = 0;
    bool operator==(const MethodTotal&) const = default;
};

enum class ReportInterval
{
    Hour,
    Day
};

struct ReportLine
{
    int total = 0;
    int available = 0;
    int held = 0;
    int blocked = 0;
    int sold = 0;
    std::int64_t gross = 0;
    std::int64_t refunds = 0;
    std::int64_t net() const { return gross - refunds; }
    bool operator==(const ReportLine&) const = default;
};

struct Report
{
    struct Tier
    {
        TierId tier;
        std::string name;
        ReportLine line;
    };
    struct Period
    {
        Clock::TimePoint start;
        int units = 0;
        std::int64_t gross = 0;
    };
    struct Channel
    {
        std::string channel; // "online", "box_office"
        int units = 0;
        std::int64_t gross = 0;
    };
    EventId event;
    std::string currency;
    Clock::TimePoint generatedAt;
    std::vector<Tier> tiers;
    ReportLine totals;
    std::vector<Period> sales; // by period, oldest first, only periods with sales
    std::vector<Channel> byChannel;
    std::vector<MethodTotal> byMethod;
    // The gate: tickets let in (entries that opened it) and inside now.
    struct CheckIn
    {
        long long admitted = 0;
        long long inside = 0;
    };
    std::optional<CheckIn> checkin;
};

Report buildReport(const EventId& event, const std::string& currency, Clock::TimePoint now,
                   const std::vector<TierStock>& stock, const std::vector<PaidBooking>& paid,
                   std::vector<MethodTotal> byMethod, ReportInterval interval);

struct Settlement
{
    EventId event;
    std::string currency;
    std::int64_t gross = 0;
    std::int64_t refunds = 0;
    std::int64_t netSales = 0;
    int feeBasisPoints = 0; // 5 % = 500
    std::int64_t fee = 0;   // of net sales, half-up to the minor unit
    std::int64_t payout = 0;
    Clock::TimePoint payoutDate; // two days after the event's end
    bool due = false;            // the payout date has come
};

Settlement settle(const Report& report, Clock::TimePoint eventEnd, int feeBasisPoints,
                  Clock::TimePoint now);

// API.md `Report` and `Settlement`, and their CSV (a header row, one row per tier and a
// `total` row for the report, one row for the settlement; columns in the JSON's order, amounts
// as money strings).
boost::json::value reportJson(const Report& report);
// Reading them back (the apps): every member, amounts in the report's currency.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Report& report);
Report tag_invoke(boost::json::value_to_tag<Report>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Settlement& s);
Settlement tag_invoke(boost::json::value_to_tag<Settlement>, const boost::json::value& v);
boost::json::value settlementJson(const Settlement& settlement);
std::string reportCsv(const Report& report);
std::string settlementCsv(const Settlement& settlement);

} // namespace ticketing::domain
