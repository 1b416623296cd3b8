#include "domain/RefundPolicy.h"

#include "domain/Codec.h"

#include <algorithm>
#include <boost/json/value.hpp>
#include <set>

namespace ticketing::domain {

RefundPolicy RefundPolicy::standard()
{
    return RefundPolicy{{{std::chrono::hours(7 * 24), 100}, {std::chrono::hours(24), 50}}};
}

RefundPolicy RefundPolicy::everything()
{
    // A deadline a century after the start: every cancellation is before it.
    return RefundPolicy{{{-std::chrono::hours(24 * 366 * 100), 100}}};
}

int RefundPolicy::percentAt(Clock::TimePoint start, Clock::TimePoint at) const
{
    for (const auto& rule : rules) // most hours first: the earliest deadline that is still ahead
        if (at < start - rule.before)
            return rule.percent;
    return 0;
}

Money RefundPolicy::refundFor(const Money& paid, Clock::TimePoint start, Clock::TimePoint at) const
{
    const auto refund = paid.percentage(static_cast<std::int64_t>(percentAt(start, at)) * 100);
    return refund.compare(paid) == std::strong_ordering::greater ? paid : refund;
}

boost::json::object RefundPolicy::toJson() const
{
    boost::json::array out;
    for (const auto& rule : rules)
        out.push_back(boost::json::object{{"hours_before_start", rule.before.count()},
                                          {"refund_percent", rule.percent}});
    return boost::json::object{{"rules", std::move(out)}};
}

RefundPolicy readRefundPolicy(JsonReader& r, const boost::json::value& v, const std::string& path)
{
    RefundPolicy policy;
    const auto* o = r.object(v, path);
    if (!o)
        return policy;
    const auto* rules = r.arrayMember(*o, "rules", path);
    if (!rules)
        return policy;
    if (rules->size() > 20)
        r.addError(JsonReader::join(path, "rules"), "at most 20 rules");
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < rules->size() && i < 20; ++i) {
        const auto at = JsonReader::index(JsonReader::join(path, "rules"), i);
        const auto* rule = r.object((*rules)[i], at);
        if (!rule)
            continue;
        const auto hours = r.integer(*rule, "hours_before_start", at);
        const auto percent = r.integer(*rule, "refund_percent", at);
        if (hours && (*hours < 0 || *hours > 24 * 366))
            r.addError(JsonReader::join(at, "hours_before_start"), "must be 0 to 8784 (a year)");
        else if (hours && !seen.insert(*hours).second)
            r.addError(JsonReader::join(at, "hours_before_start"),
                       "another rule has the same hours");
        if (percent && (*percent < 0 || *percent > 100))
            r.addError(JsonReader::join(at, "refund_percent"), "must be 0 to 100");
        if (hours && percent)
            policy.rules.push_back({std::chrono::hours(*hours), static_cast<int>(*percent)});
    }
    std::sort(policy.rules.begin(), policy.rules.end(),
              [](const auto& a, const auto& b) { return a.before > b.before; });
    return policy;
}

RefundPolicy refundPolicyOr(const std::optional<boost::json::object>& stored)
{
    if (!stored)
        return RefundPolicy::standard();
    JsonReader r;
    auto policy = readRefundPolicy(r, boost::json::value(*stored), "refund_policy");
    return r.ok() ? policy : RefundPolicy::standard();
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefundPolicy& policy)
{
    out = policy.toJson();
}

RefundPolicy tag_invoke(boost::json::value_to_tag<RefundPolicy>, const boost::json::value& v)
{
    JsonReader r;
    auto policy = readRefundPolicy(r, v, "");
    if (!r.ok())
        throw WireError(std::move(r.errors()));
    return policy;
}

} // namespace ticketing::domain
