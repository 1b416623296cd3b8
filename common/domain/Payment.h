#pragma once

#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// API.md "Payments": a payment's status.
enum class PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
    Refunded
};
std::string_view toString(PaymentStatus s);
std::optional<PaymentStatus> parsePaymentStatus(std::string_view s);

// The payment state machine:
//
//   pending ──► succeeded ──► refunded      (all of it given back; partly: still succeeded)
//     │  │  └─► cancelled ──► refunded      (a success the provider reported after we cancelled:
//     │  │                                   the money came, and goes back at once)
//     │  └────► failed ────► succeeded      (a declined card, then another on the same intent)
//     └─────────────────────────────────────
// refunded is final. Anything else is refused.
bool canTransition(PaymentStatus from, PaymentStatus to);
// The new state, or a 409 problem "invalid_state" that says which move was refused.
Result<PaymentStatus, Problem> transition(PaymentStatus from, PaymentStatus to);

// API.md "Payments": a booking has at most one live payment (pending, or succeeded and not all
// refunded). What a new intent of `method` does, given the booking's payments.
struct PaymentSummary
{
    PaymentId id;
    std::string method;
    PaymentStatus status = PaymentStatus::Pending;
};
enum class IntentDecision
{
    Create,         // no live payment
    AnswerPending,  // a pending one of the same method: it is the answer
    ReplacePending, // a pending one of another method: cancel it, then create
    AlreadyPaid,    // 409 already_paid
};
struct IntentPlan
{
    IntentDecision decision = IntentDecision::Create;
    std::optional<PaymentId> pending; // AnswerPending, ReplacePending
};
IntentPlan planIntent(const std::vector<PaymentSummary>& payments, std::string_view method);
Problem alreadyPaid();

struct PaymentRefund
{
    std::int64_t amountMinor = 0;
    std::string reason;
    Clock::TimePoint at;
    bool operator==(const PaymentRefund&) const = default;
};

// API.md `Payment`.
struct Payment
{
    PaymentId id;
    BookingId booking;
    std::string provider; // "cash", or the card provider's name
    std::string method;   // "cash", "card"
    std::int64_t amountMinor = 0;
    std::string currency;
    PaymentStatus status = PaymentStatus::Pending;
    std::int64_t refundedMinor = 0;
    std::vector<PaymentRefund> refunds;
    std::optional<std::string> clientSecret;     // card: what the buyer's browser confirms with
    std::optional<std::string> failureCode;      // failed: the provider's reason ("card_declined")
    std::optional<std::string> providerIntentId; // card: the provider's id of the intent
    // Card: what a browser needs to confirm at the provider (from configuration).
    struct Checkout
    {
        std::string publishableKey;
        std::string confirmUrl;
        bool operator==(const Checkout&) const = default;
    };
    std::optional<Checkout> checkout;
    Clock::TimePoint createdAt;
    bool operator==(const Payment&) const = default;
};

// POST /payments/intent.
struct IntentRequest
{
    BookingId booking;
    std::string method; // "card", "cash"
    bool operator==(const IntentRequest&) const = default;
};

// POST /payments/{id}/refund: an amount, or (absent) all that is left.
struct RefundRequest
{
    std::optional<std::string> amount; // a money string in the payment's currency
    bool operator==(const RefundRequest&) const = default;
};

// The answer to a provider's webhook: received, and whether it was one seen before (nothing
// happened again) or of no concern (another type, or a payment already settled).
struct WebhookReceipt
{
    bool duplicate = false;
    bool ignored = false;
    bool operator==(const WebhookReceipt&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, PaymentStatus s);
PaymentStatus tag_invoke(boost::json::value_to_tag<PaymentStatus>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Payment& p);
Payment tag_invoke(boost::json::value_to_tag<Payment>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IntentRequest& r);
IntentRequest tag_invoke(boost::json::value_to_tag<IntentRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefundRequest& r);
RefundRequest tag_invoke(boost::json::value_to_tag<RefundRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WebhookReceipt& r);
WebhookReceipt tag_invoke(boost::json::value_to_tag<WebhookReceipt>, const boost::json::value& v);

} // namespace ticketing::domain
