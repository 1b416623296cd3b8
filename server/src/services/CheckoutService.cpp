#include "services/CheckoutService.h"

#include "db/Idempotency.h"
#include "db/Pool.h"
#include "domain/Codec.h"
#include "domain/Credential.h"
#include "domain/JsonReader.h"
#include "domain/Money.h"
#include "domain/Payment.h"
#include "domain/RefundPolicy.h"
#include "domain/Tickets.h"
#include "domain/WebhookSignature.h"
#include "log/Log.h"
#include "payments/Provider.h"
#include "services/EventService.h"
#include "services/HoldService.h"
#include "services/QrPng.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;
namespace checkout = db::checkout;
namespace json = boost::json;

namespace {
Problem noSuchBooking()
{
    return Problem(ProblemCode::NotFound, "no such booking");
}
Problem noSuchPayment()
{
    return Problem(ProblemCode::NotFound, "no such payment");
}
// The provider's own text goes to the log, never to the client.
Problem providerDown(const std::exception& e)
{
    log::warn("the payment provider failed", {{"error", e.what()}});
    return Problem(502, "payment_provider_unavailable", "The payment provider did not answer",
                   "nothing was charged or refunded; try again shortly");
}

// Stored amounts are in currencies the suite knows (checked when the event was made).
std::string money(long long minor, const std::string& currency)
{
    return domain::formatMoney(minor, currency);
}

} // namespace

CheckoutService::CheckoutService(HoldService& holds, EventService& events,
                                 payments::PaymentProvider& cash, payments::PaymentProvider* card,
                                 std::string webhookSecret, const domain::Clock& clock,
                                 std::optional<CardCheckout> checkout)
    : m_holds(holds), m_events(events), m_cash(cash), m_card(card),
      m_webhookSecret(std::move(webhookSecret)), m_clock(clock), m_checkout(std::move(checkout))
{
}

payments::PaymentProvider* CheckoutService::providerFor(const std::string& name) const
{
    if (name == m_cash.name())
        return &m_cash;
    if (m_card && name == m_card->name())
        return m_card;
    return nullptr;
}

domain::Payment CheckoutService::paymentOf(const checkout::Payment& p) const
{
    domain::Payment out;
    out.id = p.id;
    out.booking = p.booking;
    out.provider = p.provider;
    out.method = p.method;
    out.amountMinor = p.amountMinor;
    out.currency = p.currency;
    out.status = domain::parsePaymentStatus(p.status).value_or(domain::PaymentStatus::Pending);
    out.refundedMinor = p.refundedMinor;
    for (const auto& r : p.refunds)
        out.refunds.push_back({r.amountMinor, r.reason, r.at});
    out.clientSecret = p.clientSecret;
    out.failureCode = p.failureCode;
    if (p.method == "card" && p.providerRef) {
        out.providerIntentId = p.providerRef;
        if (m_checkout)
            out.checkout = domain::Payment::Checkout{
                m_checkout->publishableKey,
                m_checkout->publicUrl + "/v1/payment_intents/" + *p.providerRef + "/confirm"};
    }
    out.createdAt = p.createdAt;
    return out;
}

namespace {
// What an idempotent effect came to: its value or problem, as this request answers it; and, for
// the key's record, the same written by the codec.
template <class T> struct Effect
{
    std::optional<T> value;
    std::optional<Problem> problem;
    int status = 200; // of the value

    domain::StoredAnswer refuse(Problem p)
    {
        problem = std::move(p);
        return domain::storedAnswer(*problem);
    }
    domain::StoredAnswer give(T v, int withStatus)
    {
        value = std::move(v);
        status = withStatus;
        return domain::storedAnswer(status, *value);
    }
    Keyed<T> result(const db::idempotency::Outcome& outcome) const
    {
        if (outcome.inFlight)
            return domain::keyInFlight();
        if (outcome.reused)
            return domain::keyReused();
        if (outcome.replayed)
            return Replayed{outcome.answer};
        if (value)
            return *value;
        return *problem;
    }
};
} // namespace

Keyed<domain::Payment> CheckoutService::createIntent(const Caller& caller, const std::string& key,
                                                     const std::string& requestHash,
                                                     const domain::IntentRequest& request)
{
    db::Session& s = db::currentSession();
    if (request.method != "card" && request.method != "cash")
        return Problem::validation({{"method", "must be card or cash"}});
    if (request.method == "cash" &&
        !domain::allows(caller.role, domain::Permission::PaymentsTakeCash))
        return Problem(ProblemCode::Forbidden, "only the box office takes cash");
    if (request.method == "card" && !m_card)
        return Problem(503, "payment_provider_unavailable", "Card payments are not configured",
                       "this server has no card provider (TICKETING_PAYMENTS_URL)");

    const auto now = m_clock.now();
    Effect<domain::Payment> effect;
    const auto outcome = db::idempotency::run(
        s, {caller.user, key, "POST /payments/intent", requestHash, now},
        [&](checkout::Tx& tx) -> domain::StoredAnswer {
            effect = {};
            const auto b = checkout::lockBooking(tx, request.booking);
            if (!b || !caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer))
                return effect.refuse(noSuchBooking());
            if (b->eventStatus != domain::EventStatus::Published)
                return effect.refuse(
                    Problem(409, "not_on_sale", "The event is not on sale",
                            "the event is " + std::string(domain::toString(b->eventStatus))));
            // One live payment per booking (API.md "Payments"), decided with the booking locked.
            std::vector<domain::PaymentSummary> summary;
            for (const auto& x : checkout::bookingPayments(tx, b->booking.id))
                summary.push_back(
                    {x.id, x.method,
                     domain::parsePaymentStatus(x.status).value_or(domain::PaymentStatus::Failed)});
            const auto plan = domain::planIntent(summary, request.method);
            if (plan.decision == domain::IntentDecision::AlreadyPaid)
                return effect.refuse(domain::alreadyPaid());
            const auto status = b->booking.statusAt(now);
            if (status == domain::BookingStatus::Expired)
                return effect.refuse(Problem(410, "hold_expired", "The hold has ended",
                                             "hold the seats again, then pay"));
            if (status != domain::BookingStatus::Held)
                return effect.refuse(
                    Problem(409, "not_payable", "The booking is not waiting for payment",
                            "the booking is " + std::string(domain::toString(status)))
                        .with("current_status", json::string(domain::toString(status))));
            if (plan.decision == domain::IntentDecision::AnswerPending)
                return effect.give(paymentOf(*checkout::lockPayment(tx, *plan.pending)), 201);
            if (plan.decision == domain::IntentDecision::ReplacePending) {
                auto old = *checkout::lockPayment(tx, *plan.pending);
                try {
                    cancelPending(tx, old, caller.user, now);
                } catch (const payments::ProviderError& e) {
                    return effect.refuse(providerDown(e));
                }
            }
            auto& provider = request.method == "cash" ? m_cash : *m_card;
            checkout::Payment p;
            p.id = domain::PaymentId::generate();
            p.booking = b->booking.id;
            p.provider = provider.name();
            p.method = request.method;
            p.amountMinor = b->booking.totalMinor;
            p.currency = b->booking.currency;
            p.createdBy = caller.user;
            p.createdAt = now;
            payments::ProviderIntent intent;
            try {
                intent = provider.createIntent(p.amountMinor, p.currency, p.id, p.booking);
            } catch (const payments::ProviderError& e) {
                return effect.refuse(providerDown(e));
            }
            p.providerRef = intent.ref;
            p.clientSecret = intent.clientSecret;
            p.status = intent.succeeded ? "succeeded" : "pending";
            checkout::insertPayment(tx, p);
            checkout::recordPaymentEvent(tx, p,
                                         intent.succeeded ? "payment_succeeded" : "payment_started",
                                         caller.user, now);
            return effect.give(paymentOf(p), 201);
        });
    return effect.result(outcome);
}

CheckoutService::Settled CheckoutService::settle(checkout::Tx& tx,
                                                 const checkout::BookingForPayment& b,
                                                 const checkout::Payment& p,
                                                 domain::Clock::TimePoint now)
{
    const auto key = checkout::currentKey(tx, b.booking.event, now);
    const auto outcome = checkout::confirm(tx, b, p.id, key, now);
    if (outcome == checkout::ConfirmOutcome::Confirmed ||
        outcome == checkout::ConfirmOutcome::AlreadyConfirmed)
        return Settled::Confirmed;
    // The saga's other end: the money goes back, and the booking says why.
    auto* provider = providerFor(p.provider);
    if (!provider)
        throw std::runtime_error("no provider named " + p.provider + " to refund payment " +
                                 p.id.toString());
    const auto left = p.amountMinor - p.refundedMinor;
    if (left > 0) {
        const auto ref = provider->refund(*p.providerRef, left, "unconfirmable-" + p.id.toString());
        checkout::recordRefund(tx, p, left, ref, "hold_expired", std::nullopt, now);
    }
    checkout::setStatusReason(
        tx, b.booking.id,
        outcome == checkout::ConfirmOutcome::SeatsGone
            ? "the hold ended and its seats were taken before the payment arrived; the payment was "
              "refunded"
            : "the booking was cancelled before the payment arrived; the payment was refunded",
        now);
    log::info("a payment came too late for its booking and was refunded",
              {{"booking", b.booking.id.toString()}, {"payment", p.id.toString()}});
    return Settled::Refunded;
}

Keyed<domain::Booking> CheckoutService::confirm(const Caller& caller, const std::string& key,
                                                const std::string& requestHash,
                                                const domain::ConfirmRequest& request)
{
    db::Session& s = db::currentSession();
    const auto now = m_clock.now();
    Effect<domain::Booking> effect;
    const auto outcome = db::idempotency::run(
        s, {caller.user, key, "POST /bookings/confirm", requestHash, now},
        [&](checkout::Tx& tx) -> domain::StoredAnswer {
            effect = {};
            const auto b = checkout::lockBooking(tx, request.booking);
            if (!b || !caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer))
                return effect.refuse(noSuchBooking());
            const auto p = checkout::lockPayment(tx, request.payment);
            if (!p || p->booking != b->booking.id)
                return effect.refuse(noSuchPayment());
            if (p->status != "succeeded" &&
                !(p->status == "refunded" && b->booking.status == domain::BookingStatus::Confirmed))
                return effect.refuse(Problem(409, "payment_not_completed",
                                             "The payment has not succeeded",
                                             "the payment is " + p->status)
                                         .with("payment_status", json::string(p->status)));
            Settled settled;
            try {
                settled = settle(tx, *b, *p, now);
            } catch (const payments::ProviderError& e) {
                return effect.refuse(
                    providerDown(e)); // nothing was written: the refund comes first
            }
            if (settled == Settled::Refunded)
                return effect.refuse(
                    Problem(410, "hold_expired", "The hold ended before the payment arrived",
                            "its seats were taken meanwhile; the payment was refunded")
                        .with("refunded",
                              json::string(money(p->amountMinor - p->refundedMinor, p->currency))));
            auto confirmed = *checkout::readBooking(tx, b->booking.id);
            confirmed.status = confirmed.statusAt(now);
            return effect.give(std::move(confirmed), 200);
        });
    return effect.result(outcome);
}

domain::Result<domain::Payment, Problem> CheckoutService::payment(const Caller& caller,
                                                                  const domain::PaymentId& id)
{
    db::Session& s = db::currentSession();
    const auto p = checkout::findPayment(s, id);
    if (!p)
        return domain::fail(noSuchPayment());
    const auto b = db::bookings::find(s, p->booking);
    if (!b || !caller.may(domain::BookingAccess::ReadPayments, b->booking.user, b->organizer))
        return domain::fail(noSuchPayment());
    return paymentOf(*p);
}

domain::Result<domain::Payment, Problem>
CheckoutService::refund(const Caller& caller, const domain::PaymentId& id,
                        const domain::RefundRequest& request)
{
    db::Session& s = db::currentSession();
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    std::optional<domain::Payment> answer;
    const auto found = checkout::findPayment(s, id);
    if (!found)
        return domain::fail(noSuchPayment());
    checkout::inTransaction(s, [&](checkout::Tx& tx) {
        const auto b = checkout::lockBooking(tx, found->booking);
        const bool allowed =
            b && caller.may(domain::BookingAccess::Refund, b->booking.user, b->organizer);
        const auto p = allowed ? checkout::lockPayment(tx, id) : std::nullopt;
        if (!p) {
            problem = noSuchPayment();
            return;
        }
        const auto left = p->amountMinor - p->refundedMinor;
        if ((p->status != "succeeded") || left <= 0) {
            problem = Problem(409, "not_refundable", "Nothing of this payment can be refunded",
                              "the payment is " + p->status + " with " + money(left, p->currency) +
                                  " left")
                          .with("payment_status", json::string(p->status));
            return;
        }
        long long amount = left;
        if (request.amount) {
            auto m =
                domain::Money::parse(*request.amount, *domain::Currency::fromCode(p->currency));
            if (!m.ok())
                problem = Problem::validation({{"amount", m.error()}});
            else if (m.value().minorUnits() <= 0 || m.value().minorUnits() > left)
                problem = Problem::validation(
                    {{"amount", "must be more than 0 and at most " + money(left, p->currency)}});
            else
                amount = m.value().minorUnits();
            if (problem)
                return;
        }
        auto* provider = providerFor(p->provider);
        if (!provider) {
            problem = Problem(503, "payment_provider_unavailable",
                              "The provider of this payment is not configured",
                              "provider " + p->provider);
            return;
        }
        std::string ref;
        try {
            // The same request at the same state is the same refund at the provider.
            ref = provider->refund(*p->providerRef, amount,
                                   "staff-" + p->id.toString() + "-" +
                                       std::to_string(p->refundedMinor) + "-" +
                                       std::to_string(amount));
        } catch (const payments::ProviderError& e) {
            problem = providerDown(e);
            return;
        }
        checkout::recordRefund(tx, *p, amount, ref, "staff", caller.user, now);
        answer = paymentOf(*checkout::lockPayment(tx, id));
    });
    if (problem)
        return domain::fail(*problem);
    return *answer;
}

domain::Result<domain::Booking, Problem> CheckoutService::cancel(const Caller& caller,
                                                                 const domain::BookingId& id)
{
    db::Session& s = db::currentSession();
    const auto found = db::bookings::find(s, id);
    const bool mayCancel =
        found && caller.may(domain::BookingAccess::Cancel, found->booking.user, found->organizer);
    if (!mayCancel)
        return domain::fail(noSuchBooking());
    if (found->booking.status != domain::BookingStatus::Confirmed)
        return m_holds.cancel(caller, id);
    return cancelPaid(s, id, caller.user, Refund::ByPolicy);
}

domain::Result<domain::Booking, Problem> CheckoutService::cancelPaid(db::Session& s,
                                                                     const domain::BookingId& id,
                                                                     const domain::UserId& actor,
                                                                     Refund rule)
{
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    std::optional<domain::Booking> answer;
    try {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            const auto b = checkout::lockBooking(tx, id);
            if (!b || b->booking.status != domain::BookingStatus::Confirmed) {
                problem = Problem(409, "not_cancellable", "The booking is not confirmed",
                                  "read it again");
                return;
            }
            const auto policy =
                rule == Refund::Everything
                    ? domain::RefundPolicy::everything()
                    : domain::refundPolicyOr(
                          b->refundPolicy ? std::optional(json::parse(*b->refundPolicy).as_object())
                                          : std::nullopt);
            const auto currency = *domain::Currency::fromCode(b->booking.currency);
            const auto reason = rule == Refund::Everything ? "event_cancelled" : "cancellation";
            // The policy applies to what was paid and not yet given back, payment by payment.
            long long refunded = 0;
            for (const auto& p : checkout::paidPayments(tx, id)) {
                const auto left = p.amountMinor - p.refundedMinor;
                const auto amount =
                    policy.refundFor(domain::Money(left, currency), b->eventStart, now)
                        .minorUnits();
                if (amount <= 0)
                    continue;
                auto* provider = providerFor(p.provider);
                if (!provider)
                    throw std::runtime_error("no provider named " + p.provider +
                                             " to refund payment " + p.id.toString());
                try {
                    // The same key on a retry: the provider refunds once.
                    const auto ref = provider->refund(
                        *p.providerRef, amount, "cancel-" + id.toString() + "-" + p.id.toString());
                    checkout::recordRefund(tx, p, amount, ref, reason, actor, now);
                } catch (const payments::ProviderError& e) {
                    problem =
                        providerDown(e); // the whole cancellation is rolled back; a retry is safe
                    throw;
                }
                refunded += amount;
            }
            // confirmed -> refunded (money went back) or cancelled (the policy gave none back).
            const auto moved = domain::transition(b->booking.status,
                                                  refunded > 0 ? domain::BookingStatus::Refunded
                                                               : domain::BookingStatus::Cancelled);
            if (!moved)
                throw std::logic_error("cancelPaid: " + moved.error().detail());
            checkout::cancelConfirmed(tx, *b, refunded > 0, actor, now);
            answer = checkout::readBooking(tx, id);
            answer->refundMinor = refunded;
        });
    } catch (const payments::ProviderError&) {
        // `problem` says so; the transaction was rolled back
    }
    if (problem)
        return domain::fail(*problem);
    m_holds.forgetSeats(*answer);
    return std::move(*answer);
}

domain::Result<domain::Event, Problem> CheckoutService::cancelEvent(const Caller& caller,
                                                                    const domain::EventId& id)
{
    db::Session& s = db::currentSession();
    auto cancelled = m_events.cancelRow(caller, id);
    if (!cancelled.ok())
        return domain::fail(std::move(cancelled).error());
    // Everyone who paid gets everything back (the organizer cancelled, not them). A booking whose
    // refund fails stays confirmed and is retried by cancelling the event again.
    int refunded = 0;
    int failed = 0;
    for (const auto& booking : checkout::confirmedBookings(s, id)) {
        if (cancelPaid(s, booking, caller.user, Refund::Everything).ok())
            ++refunded;
        else
            ++failed;
    }
    if (refunded > 0 || failed > 0)
        log::info("a cancelled event's bookings were refunded",
                  {{"event", id.toString()}, {"refunded", refunded}, {"failed", failed}});
    if (failed > 0)
        return domain::fail(
            Problem(502, "payment_provider_unavailable", "Some refunds could not be made",
                    std::to_string(failed) +
                        " bookings are still to be refunded; cancel the event again to retry")
                .with("refunded_bookings", refunded)
                .with("pending_bookings", failed));
    return EventService::toEvent(*cancelled);
}

domain::Result<domain::WebhookReceipt, Problem>
CheckoutService::webhook(std::string_view provider, std::optional<std::string_view> signature,
                         const std::string& rawBody)
{
    db::Session& s = db::currentSession();
    if (!m_card || provider != m_card->name())
        return domain::fail(Problem(ProblemCode::NotFound, "no such payment provider"));
    const auto now = m_clock.now();
    const auto verified =
        domain::verifyWebhook(signature.value_or(""), rawBody, m_webhookSecret, now);
    if (!verified)
        return domain::fail(
            Problem(400, "invalid_signature", "The webhook's signature does not hold",
                    "Ticketing-Signature is " + std::string(domain::toString(verified.error()))));
    boost::system::error_code ec;
    const auto event = json::parse(rawBody, ec);
    const auto* o = ec ? nullptr : event.if_object();
    const auto* id = o ? o->if_contains("id") : nullptr;
    const auto* type = o ? o->if_contains("type") : nullptr;
    const auto* data = o ? o->if_contains("data") : nullptr;
    const auto* object =
        data && data->is_object() ? data->as_object().if_contains("object") : nullptr;
    const auto* ref =
        object && object->is_object() ? object->as_object().if_contains("id") : nullptr;
    if (!id || !id->is_string() || !type || !type->is_string() || !ref || !ref->is_string())
        return domain::fail(Problem(400, "invalid_event", "The webhook is not a payment event",
                                    "id, type, data.object.id"));

    domain::WebhookReceipt answer;
    const std::string kind(type->as_string());
    checkout::inTransaction(s, [&](checkout::Tx& tx) {
        if (!checkout::firstDelivery(tx, std::string(provider), std::string(id->as_string()), kind,
                                     now)) {
            answer.duplicate = true; // handled before: nothing happens
            return;
        }
        const auto owner =
            checkout::bookingOfPayment(tx, std::string(provider), std::string(ref->as_string()));
        const auto b = owner ? checkout::lockBooking(tx, owner->first) : std::nullopt;
        auto p = b ? checkout::lockPayment(tx, owner->second) : std::nullopt;
        if (!p) {
            log::warn(
                "a webhook names a payment we do not know",
                {{"provider", std::string(provider)}, {"ref", ref->as_string()}, {"type", kind}});
            answer.ignored = true;
            return;
        }
        const bool succeeded = kind == "payment_intent.succeeded";
        std::optional<std::string> code;
        if (const auto* err = object->as_object().if_contains("last_payment_error");
            err && err->is_object())
            if (const auto* c = err->as_object().if_contains("code"); c && c->is_string())
                code = std::string(c->as_string());
        if (!(succeeded || kind == "payment_intent.payment_failed") ||
            !applyOutcome(tx, *b, *p, succeeded, code, now))
            answer.ignored = true; // another type, or a payment already settled
    });
    return answer;
}

bool CheckoutService::applyOutcome(checkout::Tx& tx, const checkout::BookingForPayment& b,
                                   checkout::Payment& p, bool succeeded,
                                   const std::optional<std::string>& failureCode,
                                   domain::Clock::TimePoint now)
{
    // The money came for an intent we had cancelled: it goes back at once.
    if (succeeded && p.status == "cancelled") {
        checkout::recordPaymentEvent(tx, p, "payment_succeeded", std::nullopt, now);
        refundUnwanted(tx, p, "payment_cancelled", now);
        return true;
    }
    // A declined card may be followed by another one on the same intent: failed, then succeeded.
    if (succeeded && (p.status == "pending" || p.status == "failed")) {
        checkout::setPaymentStatus(tx, p.id, "succeeded", std::nullopt, now);
        p.status = "succeeded";
        p.failureCode.reset();
        checkout::recordPaymentEvent(tx, p, "payment_succeeded", std::nullopt, now);
        // Another payment paid the booking already (this one was declined, another was taken,
        // then this one was paid after all): a booking is paid once, so this money goes back.
        for (const auto& other : checkout::paidPayments(tx, b.booking.id))
            if (other.id != p.id) {
                refundUnwanted(tx, p, "booking_already_paid", now);
                return true;
            }
        // A card payment that succeeds confirms its booking by itself (seed 8.1).
        settle(tx, b, p, now);
        return true;
    }
    if (!succeeded && p.status == "pending") {
        checkout::setPaymentStatus(tx, p.id, "failed", failureCode, now);
        p.status = "failed";
        p.failureCode = failureCode;
        checkout::recordPaymentEvent(tx, p, "payment_failed", std::nullopt,
                                     now); // the hold runs out by itself
        return true;
    }
    return false;
}

void CheckoutService::refundUnwanted(checkout::Tx& tx, checkout::Payment& p,
                                     const std::string& reason, domain::Clock::TimePoint now)
{
    auto* provider = providerFor(p.provider);
    if (!provider || !p.providerRef)
        throw std::runtime_error("no provider named " + p.provider + " to refund payment " +
                                 p.id.toString());
    const auto left = p.amountMinor - p.refundedMinor;
    if (left <= 0)
        return;
    const auto ref = provider->refund(*p.providerRef, left, "unwanted-" + p.id.toString());
    checkout::recordRefund(tx, p, left, ref, reason, std::nullopt, now);
    p.refundedMinor += left;
    p.status = "refunded";
    log::info(
        "a payment that must not stand was refunded",
        {{"payment", p.id.toString()}, {"booking", p.booking.toString()}, {"reason", reason}});
}

void CheckoutService::cancelPending(checkout::Tx& tx, checkout::Payment& p,
                                    const std::optional<domain::UserId>& actor,
                                    domain::Clock::TimePoint now)
{
    const auto from = domain::parsePaymentStatus(p.status).value_or(domain::PaymentStatus::Failed);
    if (!domain::canTransition(from, domain::PaymentStatus::Cancelled))
        throw std::logic_error("cancelPending of a " + p.status + " payment");
    // At the provider first. It may answer that the intent is paid meanwhile: ours is cancelled
    // all the same, and the success that arrives for it is refunded (applyOutcome).
    if (auto* provider = providerFor(p.provider); provider && p.providerRef)
        if (!provider->cancel(*p.providerRef))
            log::info("a payment was cancelled while the provider was taking it; its success "
                      "will be refunded",
                      {{"payment", p.id.toString()}});
    checkout::setPaymentStatus(tx, p.id, "cancelled", std::nullopt, now);
    p.status = "cancelled";
    checkout::recordPaymentEvent(tx, p, "payment_cancelled", actor, now);
}

domain::Result<domain::Payment, Problem> CheckoutService::cancelPayment(const Caller& caller,
                                                                        const domain::PaymentId& id)
{
    db::Session& s = db::currentSession();
    const auto now = m_clock.now();
    const auto found = checkout::findPayment(s, id);
    if (!found)
        return domain::fail(noSuchPayment());
    std::optional<Problem> problem;
    std::optional<domain::Payment> answer;
    checkout::inTransaction(s, [&](checkout::Tx& tx) {
        problem.reset();
        const auto b = checkout::lockBooking(tx, found->booking);
        auto p = b && caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer)
                     ? checkout::lockPayment(tx, id)
                     : std::nullopt;
        if (!p) {
            problem = noSuchPayment();
            return;
        }
        if (p->status != "pending") {
            problem = Problem(409, "not_cancellable", "The payment is not pending",
                              "the payment is " + p->status)
                          .with("current_status", json::string(p->status));
            return;
        }
        try {
            cancelPending(tx, *p, caller.user, now);
        } catch (const payments::ProviderError& e) {
            problem = providerDown(e); // nothing was written
            return;
        }
        answer = paymentOf(*checkout::lockPayment(tx, id));
    });
    if (problem)
        return domain::fail(*problem);
    return *answer;
}

int CheckoutService::reconcile(db::Session& s, std::chrono::seconds olderThan)
{
    if (!m_card)
        return 0;
    const auto now = m_clock.now();
    int settled = 0;
    for (const auto& id : checkout::stalePayments(s, now - olderThan, 100)) {
        const auto found = checkout::findPayment(s, id);
        auto* provider = found ? providerFor(found->provider) : nullptr;
        if (!provider || !found->providerRef)
            continue;
        payments::ProviderStatus status;
        try {
            status = provider->status(*found->providerRef);
        } catch (const payments::ProviderError& e) {
            // Down, or it does not know the intent: this one goes to the back of the queue
            // (so one bad payment cannot hold up the others), and the round ends.
            log::warn("the payment reconciler could not ask the provider",
                      {{"payment", id.toString()}, {"error", e.what()}});
            checkout::inTransaction(s,
                                    [&](checkout::Tx& tx) { checkout::touchPayment(tx, id, now); });
            return settled;
        }
        try {
            checkout::inTransaction(s, [&](checkout::Tx& tx) {
                const auto b = checkout::lockBooking(tx, found->booking);
                auto p = b ? checkout::lockPayment(tx, id) : std::nullopt;
                if (!p || p->status != "pending")
                    return; // a webhook came meanwhile
                if (status.state == payments::ProviderStatus::State::Pending) {
                    checkout::touchPayment(tx, id, now); // ask again after the interval
                    return;
                }
                if (applyOutcome(tx, *b, *p,
                                 status.state == payments::ProviderStatus::State::Succeeded,
                                 status.failureCode, now)) {
                    ++settled;
                    log::warn("a payment's webhook never came; the provider was asked instead",
                              {{"payment", id.toString()}, {"status", p->status}});
                }
            });
        } catch (const payments::ProviderError& e) {
            log::warn("the payment reconciler could not refund a late payment; it tries again",
                      {{"error", e.what()}});
        }
    }
    return settled;
}

domain::Result<domain::SigningKeys, Problem>
CheckoutService::signingKeys(const std::optional<Caller>& caller, const domain::EventId& event)
{
    db::Session& s = db::currentSession();
    const auto facts = db::bookings::eventFacts(s, event);
    const bool owner = caller && facts && (facts->organizer == caller->user || caller->isAdmin());
    if (!facts || (facts->status == domain::EventStatus::Draft && !owner))
        return domain::fail(Problem(ProblemCode::NotFound, "no such event"));
    domain::SigningKeys keys{event, "TK1", {}};
    for (const auto& k : checkout::publicKeys(s, event))
        keys.keys.push_back({k.keyId, "Ed25519", k.publicKey, k.createdAt, k.retiredAt});
    return keys;
}

domain::Result<domain::SigningKeys, Problem>
CheckoutService::rotateKey(const Caller& caller, const domain::EventId& event)
{
    db::Session& s = db::currentSession();
    const auto facts = db::bookings::eventFacts(s, event);
    if (!facts || !(facts->organizer == caller.user || caller.isAdmin()))
        return domain::fail(Problem(ProblemCode::NotFound, "no such event"));
    checkout::rotateKey(s, event, m_clock.now());
    log::info("an event's ticket signing key was rotated",
              {{"event", event.toString()}, {"by", caller.user.toString()}});
    return signingKeys(caller, event);
}

domain::Result<domain::Ticket, Problem> CheckoutService::ticket(const Caller& caller,
                                                                const domain::TicketId& id)
{
    db::Session& s = db::currentSession();
    const auto t = checkout::findTicket(s, id);
    if (!t || !caller.may(domain::BookingAccess::Read, t->owner, t->organizer))
        return domain::fail(Problem(ProblemCode::NotFound, "no such ticket"));
    const domain::Ticket ticket{
        t->id,
        t->booking,
        t->event,
        t->seat,
        t->seatLabel,
        t->tierName,
        domain::parseTicketStatus(t->status).value_or(domain::TicketStatus::Active),
        t->credential};
    return ticket;
}

domain::Result<std::string, Problem> CheckoutService::ticketQr(const Caller& caller,
                                                               const domain::TicketId& id)
{
    const auto t = ticket(caller, id);
    if (!t)
        return domain::fail(t.error());
    return qrPng(t->credential);
}

} // namespace ticketing::services
