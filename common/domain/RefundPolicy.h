#pragma once

#include "domain/Clock.h"
#include "domain/JsonReader.h"
#include "domain/Money.h"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <chrono>
#include <string>
#include <vector>

namespace ticketing::domain {

// How much of a confirmed booking a cancellation returns (seed 10.3), set per event by its
// organizer. Wire form (an event's `refund_policy`):
//
//   {"rules": [{"hours_before_start": 168, "refund_percent": 100},
//              {"hours_before_start": 24,  "refund_percent": 50}]}
//
// A cancellation earlier than `hours_before_start` before the event's start gets that rule's
// percentage; the rule with the most hours that applies wins; when none applies, nothing is
// refunded. The default, with no policy set, is the one above: 100 % until 7 days before the
// start, 50 % until 24 hours before, then nothing.
struct RefundRule
{
    std::chrono::hours before;
    int percent = 0; // 0..100
    bool operator==(const RefundRule&) const = default;
};

struct RefundPolicy
{
    std::vector<RefundRule> rules; // most hours first

    static RefundPolicy standard();
    // All of it, whenever: for an event its organizer cancelled.
    static RefundPolicy everything();

    // The percentage for a cancellation at `at` of an event that starts at `start`.
    int percentAt(Clock::TimePoint start, Clock::TimePoint at) const;
    // `paid` times that percentage, to the minor unit (Money::percentage rounds half away
    // from zero), never more than `paid`.
    Money refundFor(const Money& paid, Clock::TimePoint start, Clock::TimePoint at) const;

    boost::json::object toJson() const;
    bool operator==(const RefundPolicy&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefundPolicy& policy);
// Reads and checks (WireError naming each bad rule); rules come back most hours first.
RefundPolicy tag_invoke(boost::json::value_to_tag<RefundPolicy>, const boost::json::value& v);

// Reads `v` (at `path`) into a policy, reporting every bad rule to `r`.
RefundPolicy readRefundPolicy(JsonReader& r, const boost::json::value& v, const std::string& path);

// The event's stored policy, or the standard one when it has none (stored policies were
// validated when written).
RefundPolicy refundPolicyOr(const std::optional<boost::json::object>& stored);

} // namespace ticketing::domain
