#include "domain/Payment.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

std::string_view toString(PaymentStatus s)
{
    switch (s) {
    case PaymentStatus::Pending:
        return "pending";
    case PaymentStatus::Succeeded:
        return "succeeded";
    case PaymentStatus::Failed:
        return "failed";
    case PaymentStatus::Cancelled:
        return "cancelled";
    case PaymentStatus::Refunded:
        return "refunded";
    }
    return "pending";
}

std::optional<PaymentStatus> parsePaymentStatus(std::string_view s)
{
    for (auto status : {PaymentStatus::Pending, PaymentStatus::Succeeded, PaymentStatus::Failed,
                        PaymentStatus::Cancelled, PaymentStatus::Refunded})
        if (toString(status) == s)
            return status;
    return std::nullopt;
}

bool canTransition(PaymentStatus from, PaymentStatus to)
{
    using S = PaymentStatus;
    switch (from) {
    case S::Pending:
        return to == S::Succeeded || to == S::Failed || to == S::Cancelled;
    case S::Failed:
        return to == S::Succeeded;
    case S::Succeeded:
        return to == S::Refunded;
    case S::Cancelled:
        return to == S::Refunded;
    case S::Refunded:
        return false;
    }
    return false;
}

Result<PaymentStatus, Problem> transition(PaymentStatus from, PaymentStatus to)
{
    if (canTransition(from, to))
        return to;
    return fail(Problem(409, "invalid_state", "The payment cannot change so",
                        "a " + std::string(toString(from)) + " payment cannot become " +
                            std::string(toString(to)))
                    .with("current_status", boost::json::string(toString(from))));
}

IntentPlan planIntent(const std::vector<PaymentSummary>& payments, std::string_view method)
{
    for (const auto& p : payments)
        if (p.status == PaymentStatus::Succeeded)
            return {IntentDecision::AlreadyPaid, std::nullopt};
    for (const auto& p : payments)
        if (p.status == PaymentStatus::Pending)
            return {p.method == method ? IntentDecision::AnswerPending
                                       : IntentDecision::ReplacePending,
                    p.id};
    return {IntentDecision::Create, std::nullopt};
}

Problem alreadyPaid()
{
    return Problem(409, "already_paid", "The booking is paid",
                   "a payment of this booking has succeeded; there is nothing more to pay");
}

void tag_invoke(json::value_from_tag, json::value& out, PaymentStatus s)
{
    out = toString(s);
}

PaymentStatus tag_invoke(json::value_to_tag<PaymentStatus>, const json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto status = parsePaymentStatus(*s))
            return *status;
    throw WireError("", "must be one of pending, succeeded, failed, cancelled, refunded");
}

void tag_invoke(json::value_from_tag, json::value& out, const Payment& p)
{
    json::array refunds;
    for (const auto& r : p.refunds)
        refunds.push_back(json::object{{"amount", formatMoney(r.amountMinor, p.currency)},
                                       {"reason", r.reason},
                                       {"created_at", formatTimestamp(r.at)}});
    json::object o{{"payment_id", p.id.toString()},
                   {"booking_id", p.booking.toString()},
                   {"provider", p.provider},
                   {"method", p.method},
                   {"amount", formatMoney(p.amountMinor, p.currency)},
                   {"currency", p.currency},
                   {"status", toString(p.status)},
                   {"refunded", formatMoney(p.refundedMinor, p.currency)},
                   {"refunds", std::move(refunds)},
                   {"created_at", formatTimestamp(p.createdAt)}};
    if (p.clientSecret)
        o["client_secret"] = *p.clientSecret;
    if (p.failureCode)
        o["failure_code"] = *p.failureCode;
    if (p.providerIntentId)
        o["provider_intent_id"] = *p.providerIntentId;
    if (p.checkout)
        o["checkout"] = json::object{{"publishable_key", p.checkout->publishableKey},
                                     {"confirm_url", p.checkout->confirmUrl}};
    out = std::move(o);
}

Payment tag_invoke(json::value_to_tag<Payment>, const json::value& v)
{
    WireReader r(v);
    Payment p;
    p.id = r.required<PaymentId>("payment_id").value_or(PaymentId{});
    p.booking = r.required<BookingId>("booking_id").value_or(BookingId{});
    p.provider = r.required<std::string>("provider").value_or("");
    p.method = r.required<std::string>("method").value_or("");
    p.currency = r.currency("currency").value_or("");
    p.amountMinor = r.money("amount", p.currency).value_or(0);
    p.status = r.required<PaymentStatus>("status").value_or(PaymentStatus::Pending);
    p.refundedMinor = r.money("refunded", p.currency, false).value_or(0);
    p.refunds = r.list<PaymentRefund>("refunds", [&](const json::value& item) {
        WireReader rr(item);
        PaymentRefund refund;
        refund.amountMinor = rr.money("amount", p.currency).value_or(0);
        refund.reason = rr.optionalOr<std::string>("reason", "");
        refund.at = rr.time("created_at").value_or(Clock::TimePoint{});
        rr.finish();
        return refund;
    });
    p.clientSecret = r.optional<std::string>("client_secret");
    p.failureCode = r.optional<std::string>("failure_code");
    p.providerIntentId = r.optional<std::string>("provider_intent_id");
    if (const auto* checkout = r.member("checkout")) {
        WireReader c(*checkout);
        Payment::Checkout out;
        out.publishableKey = c.required<std::string>("publishable_key").value_or("");
        out.confirmUrl = c.required<std::string>("confirm_url").value_or("");
        for (const auto& e : c.errors())
            r.error(wire::joinPath("checkout", e.field), e.message);
        p.checkout = std::move(out);
    }
    p.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    r.finish();
    return p;
}

void tag_invoke(json::value_from_tag, json::value& out, const IntentRequest& q)
{
    out = json::object{{"booking_id", q.booking.toString()}, {"method", q.method}};
}

IntentRequest tag_invoke(json::value_to_tag<IntentRequest>, const json::value& v)
{
    WireReader r(v);
    IntentRequest q;
    q.booking = r.required<BookingId>("booking_id").value_or(BookingId{});
    q.method = r.required<std::string>("method").value_or("");
    r.finish();
    return q;
}

void tag_invoke(json::value_from_tag, json::value& out, const RefundRequest& q)
{
    json::object o;
    if (q.amount)
        o["amount"] = *q.amount;
    out = std::move(o);
}

RefundRequest tag_invoke(json::value_to_tag<RefundRequest>, const json::value& v)
{
    // An empty body (null) asks for all that is left.
    if (v.is_null())
        return {};
    WireReader r(v);
    RefundRequest q;
    q.amount = r.optional<std::string>("amount");
    r.finish();
    return q;
}

void tag_invoke(json::value_from_tag, json::value& out, const WebhookReceipt& r)
{
    json::object o{{"received", true}};
    if (r.duplicate)
        o["duplicate"] = true;
    if (r.ignored)
        o["ignored"] = true;
    out = std::move(o);
}

WebhookReceipt tag_invoke(json::value_to_tag<WebhookReceipt>, const json::value& v)
{
    WireReader r(v);
    if (r.required<bool>("received") == std::optional<bool>(false))
        r.error("received", "must be true");
    WebhookReceipt w;
    w.duplicate = r.optionalOr<bool>("duplicate", false);
    w.ignored = r.optionalOr<bool>("ignored", false);
    r.finish();
    return w;
}

} // namespace ticketing::domain
