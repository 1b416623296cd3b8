// CheckoutService, its side that talks to payment providers: the calls owed to them, made with
// no transaction open and no database worker held; what they tell us (webhooks); and the
// reconciler that finishes what an outage or a crash left half-way (DESIGN.md "Payments").
#include "db/CheckoutStore.h"
#include "db/Pool.h"
#include "domain/WebhookSignature.h"
#include "log/Log.h"
#include "payments/Provider.h"
#include "services/CheckoutService.h"

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;
namespace checkout = db::checkout;

std::chrono::seconds CheckoutService::providerPatience() const
{
    return (m_card ? m_card->timeout() : std::chrono::seconds(0)) + std::chrono::seconds(2);
}

void CheckoutService::makeOwedCalls(const std::vector<domain::PaymentId>& payments)
{
    if (payments.empty())
        return;
    const auto owed =
        db::withSession([&](db::Session& s) { return checkout::owedCalls(s, payments); });
    for (const auto& call : owed)
        makeCall(call);
}

bool CheckoutService::makeCall(const checkout::OwedCall& call)
{
    auto* provider = providerFor(call.provider);
    if (!provider) {
        log::error("a payment provider call is owed to a provider that is not configured",
                   {{"payment", call.payment.toString()}, {"provider", call.provider}});
        return false;
    }
    std::string ref;
    bool paidMeanwhile = false;
    try {
        if (call.kind == checkout::OwedCall::Kind::Refund)
            ref = provider->refund(call.providerRef, call.amountMinor, call.key);
        else
            paidMeanwhile = !provider->cancel(call.providerRef) && provider->remote();
    } catch (const payments::ProviderError& e) {
        log::warn("a payment provider call failed; it stays owed and is made again later",
                  {{"payment", call.payment.toString()},
                   {"call", call.kind == checkout::OwedCall::Kind::Refund ? "refund" : "cancel"},
                   {"error", e.what()}});
        db::withSession([&](db::Session& s) { checkout::callFailed(s, call, m_clock.now()); });
        return false;
    }
    db::withSession([&](db::Session& s) { checkout::callMade(s, call, ref, m_clock.now()); });
    if (paidMeanwhile) {
        // The buyer paid while we cancelled: that money must come back. Asked now, rather than
        // waiting for a webhook that may never come.
        log::info("a payment was paid at its provider while it was cancelled here; it is refunded",
                  {{"payment", call.payment.toString()}});
        askProvider(call.payment);
    }
    return true;
}

domain::Result<domain::WebhookReceipt, Problem>
CheckoutService::webhook(std::string_view provider, std::optional<std::string_view> signature,
                         const std::string& rawBody)
{
    if (!m_card || provider != m_card->name())
        return domain::fail(Problem(ProblemCode::NotFound, "no such payment provider"));
    const auto now = m_clock.now();
    const auto verified =
        domain::verifyWebhook(signature.value_or(""), rawBody, m_webhookSecret, now);
    if (!verified)
        return domain::fail(
            Problem(400, "invalid_signature", "The webhook's signature does not hold",
                    "Ticketing-Signature is " + std::string(domain::toString(verified.error()))));
    const auto event = payments::parseWebhookEvent(rawBody);
    if (!event)
        return domain::fail(Problem(400, "invalid_event", "The webhook is not a payment event",
                                    "id, type, data.object.id"));

    domain::WebhookReceipt answer;
    std::optional<domain::PaymentId> payment;
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            answer = {};
            payment.reset();
            if (!checkout::firstDelivery(tx, std::string(provider), event->id, event->type, now)) {
                answer.duplicate = true; // handled before: nothing happens
                return;
            }
            const auto owner =
                checkout::bookingOfPayment(tx, std::string(provider), event->intentRef);
            const auto b = owner ? checkout::lockBooking(tx, owner->first) : std::nullopt;
            auto p = b ? checkout::lockPayment(tx, owner->second) : std::nullopt;
            if (!p) {
                log::warn("a webhook names a payment we do not know",
                          {{"provider", std::string(provider)},
                           {"ref", event->intentRef},
                           {"type", event->type}});
                answer.ignored = true;
                return;
            }
            payment = p->id;
            if (!(event->succeeded() || event->failed()) ||
                !applyOutcome(tx, *b, *p, event->succeeded(), event->failureCode, now))
                answer.ignored = true; // another type, or a payment already settled
        });
    });
    if (payment)
        makeOwedCalls({*payment}); // a refund of money that must not stand
    return answer;
}

bool CheckoutService::applyOutcome(checkout::Tx& tx, const checkout::BookingForPayment& b,
                                   checkout::Payment& p, bool succeeded,
                                   const std::optional<std::string>& failureCode,
                                   domain::Clock::TimePoint now)
{
    // The money came for an intent we had cancelled: it goes back at once.
    if (succeeded && p.status == domain::PaymentStatus::Cancelled) {
        checkout::recordPaymentEvent(tx, p, "payment_succeeded", std::nullopt, now);
        refundUnwanted(tx, p, "payment_cancelled", now);
        return true;
    }
    // A declined card may be followed by another one on the same intent: failed, then succeeded.
    if (succeeded &&
        (p.status == domain::PaymentStatus::Pending || p.status == domain::PaymentStatus::Failed)) {
        moveTo(tx, p, domain::PaymentStatus::Succeeded, std::nullopt, now);
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
    if (!succeeded && p.status == domain::PaymentStatus::Pending) {
        moveTo(tx, p, domain::PaymentStatus::Failed, failureCode, now);
        checkout::recordPaymentEvent(tx, p, "payment_failed", std::nullopt,
                                     now); // the hold runs out by itself
        return true;
    }
    return false;
}

void CheckoutService::refundUnwanted(checkout::Tx& tx, checkout::Payment& p,
                                     const std::string& reason, domain::Clock::TimePoint now)
{
    if (!providerFor(p.provider) || !p.providerRef)
        throw std::runtime_error("no provider named " + p.provider + " to refund payment " +
                                 p.id.toString());
    const auto left = p.amountMinor - p.refundedMinor;
    if (left <= 0)
        return;
    // Owed to the provider until the transaction commits; made then (makeOwedCalls).
    checkout::recordRefund(tx, p, left, "unwanted-" + p.id.toString(), reason, std::nullopt, now);
    p.refundedMinor += left;
    p.status = domain::PaymentStatus::Refunded;
    log::info(
        "a payment that must not stand was refunded",
        {{"payment", p.id.toString()}, {"booking", p.booking.toString()}, {"reason", reason}});
}

bool CheckoutService::askProvider(const domain::PaymentId& id)
{
    const auto found =
        db::withSession([&](db::Session& s) { return checkout::findPayment(s, id); });
    auto* provider = found ? providerFor(found->provider) : nullptr;
    if (!provider || !found->providerRef)
        return false;
    const auto status = provider->status(*found->providerRef); // ProviderError to the caller
    if (status.state == payments::ProviderStatus::State::Pending) {
        db::withSession([&](db::Session& s) {
            checkout::inTransaction(s, [&](checkout::Tx& tx) {
                checkout::touchPayment(tx, id, m_clock.now()); // asked again after the interval
            });
        });
        return false;
    }
    bool settled = false;
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            settled = false;
            const auto now = m_clock.now();
            const auto b = checkout::lockBooking(tx, found->booking);
            auto p = b ? checkout::lockPayment(tx, id) : std::nullopt;
            if (!p || (p->status != domain::PaymentStatus::Pending &&
                       p->status != domain::PaymentStatus::Cancelled))
                return; // a webhook came meanwhile
            settled =
                applyOutcome(tx, *b, *p, status.state == payments::ProviderStatus::State::Succeeded,
                             status.failureCode, now);
            if (settled)
                log::warn("a payment's webhook never came; the provider was asked instead",
                          {{"payment", id.toString()},
                           {"status", std::string(domain::toString(p->status))}});
        });
    });
    makeOwedCalls({id});
    return settled;
}

int CheckoutService::reconcile(db::Session& s, std::chrono::seconds olderThan)
{
    // This runs on the reconciler's own thread and session (no pool worker): between its
    // transactions, it may wait on a provider.
    const db::SessionScope scope(s);
    const auto now = m_clock.now();
    int settled = 0;
    // Calls owed to providers since before the interval (an outage, a crash after the commit).
    for (const auto& call : checkout::staleOwedCalls(s, now - olderThan, 100))
        if (!makeCall(call))
            break; // the provider is away: the next round tries again
    // Intents recorded whose provider never answered (a crash between the record and the
    // answer). Asked only once the request that recorded one has given up on its provider.
    for (const auto& id :
         checkout::unansweredIntents(s, now - std::max(olderThan, providerPatience()), 100)) {
        const auto p = checkout::findPayment(s, id);
        if (!p)
            continue;
        log::warn("an intent was recorded but its provider's answer never was; asking again",
                  {{"payment", id.toString()}});
        if (std::holds_alternative<domain::Payment>(askForIntent(*p, std::nullopt)))
            ++settled;
    }
    if (!m_card)
        return settled;
    // Card payments pending since before the interval: their webhook may be lost.
    for (const auto& id : checkout::stalePayments(s, now - olderThan, 100)) {
        try {
            if (askProvider(id))
                ++settled;
        } catch (const payments::ProviderError& e) {
            // Down, or it does not know the intent: this one goes to the back of the queue
            // (so one bad payment cannot hold up the others), and the round ends.
            log::warn("the payment reconciler could not ask the provider",
                      {{"payment", id.toString()}, {"error", e.what()}});
            checkout::inTransaction(s,
                                    [&](checkout::Tx& tx) { checkout::touchPayment(tx, id, now); });
            return settled;
        }
    }
    return settled;
}

} // namespace ticketing::services
