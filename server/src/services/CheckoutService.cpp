#include "services/CheckoutService.h"

#include "db/Idempotency.h"
#include "db/Pool.h"
#include "db/ShiftStore.h"
#include "domain/Accounts.h"
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
#include "services/TokenService.h"

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

// A payment the caller may act on as `access` says, locked after its booking (the lock order of
// every path); nullopt when there is none or the caller may not (to them it does not exist).
std::optional<checkout::Payment> lockPaymentFor(checkout::Tx& tx, const Caller& caller,
                                                domain::BookingAccess access,
                                                const domain::BookingId& booking,
                                                const domain::PaymentId& id)
{
    const auto b = checkout::lockBooking(tx, booking);
    if (!b || !caller.may(access, b->booking.user, b->organizer))
        return std::nullopt;
    return checkout::lockPayment(tx, id);
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
    out.status = p.status;
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
    if (request.method != "card" && request.method != "cash" && request.method != "card_present")
        return Problem::validation({{"method", "must be card, cash or card_present"}});
    // Money at the counter: cash in the drawer, or a card read by the counter's terminal.
    const bool counter = request.method != "card";
    if (counter && !domain::allows(caller.role, domain::Permission::PaymentsTakeCash))
        return Problem(ProblemCode::Forbidden, request.method == "cash"
                                                   ? "only the box office takes cash"
                                                   : "only the box office has a card terminal");
    if (request.method != "cash" && !m_card)
        return Problem(503, "payment_provider_unavailable", "Card payments are not configured",
                       "this server has no card provider (TICKETING_PAYMENTS_URL)");

    const auto now = m_clock.now();
    auto& provider = request.method == "cash" ? m_cash : *m_card;
    Effect<domain::Payment> effect;
    std::optional<checkout::Payment> recorded; // an intent to ask of a remote provider
    std::vector<domain::PaymentId> touched;    // payments whose provider may be owed a call
    // 1. The intent is recorded (a remote provider's is still to be asked for), with the key.
    const auto outcome = db::withSession([&](db::Session& s) {
        return db::idempotency::run(
            s, {caller.user, key, "POST /payments/intent", requestHash, now},
            [&](checkout::Tx& tx) -> domain::StoredAnswer {
                effect = {};
                recorded.reset();
                touched.clear();
                const auto b = checkout::lockBooking(tx, request.booking);
                if (!b || !caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer))
                    return effect.refuse(noSuchBooking());
                if (b->eventStatus != domain::EventStatus::Published)
                    return effect.refuse(
                        Problem(409, "not_on_sale", "The event is not on sale",
                                "the event is " + std::string(domain::toString(b->eventStatus))));
                // One live payment per booking (API.md "Payments"), decided with it locked.
                std::vector<domain::PaymentSummary> summary;
                for (const auto& x : checkout::bookingPayments(tx, b->booking.id))
                    summary.push_back({x.id, x.method, x.status});
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
                    cancelPending(tx, old, caller.user, now);
                    touched.push_back(old.id);
                }
                // At the counter (API.md "Box office"): the agent's open shift takes the
                // payment; cash and card_present need one, in the booking's currency.
                const auto shift = domain::allows(caller.role, domain::Permission::PaymentsTakeCash)
                                       ? db::shifts::lockOpen(tx, caller.user)
                                       : std::nullopt;
                if (counter) {
                    if (!shift)
                        return effect.refuse(domain::noOpenShift());
                    if (shift->currency != b->booking.currency)
                        return effect.refuse(
                            domain::currencyMismatch(shift->currency, b->booking.currency));
                }
                checkout::Payment p;
                p.id = domain::PaymentId::generate();
                p.booking = b->booking.id;
                if (shift)
                    p.shift = shift->id;
                p.provider = provider.name();
                p.method = request.method;
                p.amountMinor = b->booking.totalMinor;
                p.currency = b->booking.currency;
                p.createdBy = caller.user;
                p.createdAt = now;
                p.status = domain::PaymentStatus::Pending;
                if (provider.remote()) {
                    checkout::insertPayment(tx, p); // no provider_ref: not asked yet
                    recorded = p;
                    return db::idempotency::begun(p.id.toString());
                }
                // The counter's drawer: taken at once, nothing leaves the process.
                const auto intent =
                    provider.createIntent(p.amountMinor, p.currency, p.id, p.booking, p.method);
                p.providerRef = intent.ref;
                p.status = intent.succeeded ? domain::PaymentStatus::Succeeded
                                            : domain::PaymentStatus::Pending;
                checkout::insertPayment(tx, p);
                checkout::recordPaymentEvent(
                    tx, p, intent.succeeded ? "payment_succeeded" : "payment_started", caller.user,
                    now);
                return effect.give(paymentOf(p), 201);
            });
    });
    makeOwedCalls(touched);
    if (!outcome.begun)
        return effect.result(outcome);
    // 2. and 3. The provider is asked with no transaction open and no database worker held;
    // what it answered is settled in a second transaction.
    if (recorded)
        return askForIntent(*recorded, KeyRecord{caller.user, key});
    return resumeIntent(caller.user, key, outcome.answer.body);
}

Keyed<domain::Payment> CheckoutService::askForIntent(const checkout::Payment& recorded,
                                                     const std::optional<KeyRecord>& keyRecord)
{
    auto* provider = providerFor(recorded.provider);
    std::optional<payments::ProviderIntent> intent;
    std::optional<Problem> failure;
    try {
        if (!provider)
            throw payments::ProviderError("no provider named " + recorded.provider);
        // The payment's id is the provider's idempotency key: asked again (by the reconciler,
        // after a crash), the provider answers the same intent.
        intent = provider->createIntent(recorded.amountMinor, recorded.currency, recorded.id,
                                        recorded.booking, recorded.method);
    } catch (const payments::ProviderError& e) {
        failure = providerDown(e);
    }
    const auto now = m_clock.now();
    std::optional<domain::Payment> answer;
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            answer.reset();
            const auto b = checkout::lockBooking(tx, recorded.booking);
            auto p = b ? checkout::lockPayment(tx, recorded.id) : std::nullopt;
            if (!p)
                return;
            settleIntent(tx, *p, intent, now);
            answer = paymentOf(*p);
            if (keyRecord)
                db::idempotency::finish(tx, keyRecord->user, keyRecord->key,
                                        failure ? domain::storedAnswer(*failure)
                                                : domain::storedAnswer(201, *answer));
        });
    });
    makeOwedCalls({recorded.id}); // it may have been cancelled while the provider was asked
    if (failure)
        return *failure;
    if (!answer)
        return noSuchPayment();
    return *answer;
}

void CheckoutService::settleIntent(checkout::Tx& tx, checkout::Payment& p,
                                   const std::optional<payments::ProviderIntent>& intent,
                                   domain::Clock::TimePoint now)
{
    if (p.providerRef)
        return; // settled before (the request and the reconciler both asked)
    if (!intent) {
        // Not a live payment: the booking can take another intent.
        if (p.status == domain::PaymentStatus::Pending) {
            moveTo(tx, p, domain::PaymentStatus::Failed, "provider_unavailable", now);
            checkout::recordPaymentEvent(tx, p, "payment_failed", std::nullopt, now);
        }
        return;
    }
    checkout::setProviderIntent(tx, p.id, intent->ref, intent->clientSecret, now);
    p.providerRef = intent->ref;
    p.clientSecret = intent->clientSecret;
    // Cancelled meanwhile: its provider is now owed the cancellation (made after the commit).
    // Failed meanwhile (the reconciler gave up on it): nobody has its client secret.
    if (p.status != domain::PaymentStatus::Pending)
        return;
    if (intent->succeeded) {
        moveTo(tx, p, domain::PaymentStatus::Succeeded, std::nullopt, now);
        checkout::recordPaymentEvent(tx, p, "payment_succeeded", p.createdBy, now);
    } else {
        checkout::recordPaymentEvent(tx, p, "payment_started", p.createdBy, now);
    }
}

Keyed<domain::Payment> CheckoutService::resumeIntent(const domain::UserId& user,
                                                     const std::string& key,
                                                     const std::string& reference)
{
    const auto id = domain::PaymentId::parse(reference);
    const auto p =
        id ? db::withSession([&](db::Session& s) { return checkout::findPayment(s, *id); })
           : std::nullopt;
    // Its provider is still being asked (by the first request, or the reconciler after a
    // crash): the first request still runs, as far as the client can tell.
    if (!p || (p->status == domain::PaymentStatus::Pending && !p->providerRef))
        return domain::keyInFlight();
    const auto answer = paymentOf(*p);
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            db::idempotency::finish(tx, user, key, domain::storedAnswer(201, answer));
        });
    });
    return answer;
}

CheckoutService::Settled CheckoutService::settle(checkout::Tx& tx,
                                                 const checkout::BookingForPayment& b,
                                                 const checkout::Payment& p,
                                                 domain::Clock::TimePoint now)
{
    // held -> confirmed, or expired -> confirmed (the saga takes the seats again when they are
    // still free); a cancelled or refunded booking cannot be, and its payment goes back.
    const auto from = b.booking.statusAt(now);
    auto outcome = checkout::ConfirmOutcome::NotConfirmable;
    if (from == domain::BookingStatus::Confirmed)
        outcome = checkout::ConfirmOutcome::AlreadyConfirmed;
    else if (domain::transition(from, domain::BookingStatus::Confirmed).ok())
        outcome =
            checkout::confirm(tx, b, p.id, checkout::currentKey(tx, b.booking.event, now), now);
    if (outcome == checkout::ConfirmOutcome::Confirmed ||
        outcome == checkout::ConfirmOutcome::AlreadyConfirmed)
        return Settled::Confirmed;
    // The saga's other end: the money goes back (owed to the provider until the commit), and
    // the booking says why.
    const auto left = p.amountMinor - p.refundedMinor;
    if (left > 0)
        checkout::recordRefund(tx, p, left, "unconfirmable-" + p.id.toString(), "hold_expired",
                               std::nullopt, now);
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
    const auto now = m_clock.now();
    Effect<domain::Booking> effect;
    const auto outcome = db::withSession([&](db::Session& s) {
        return db::idempotency::run(
            s, {caller.user, key, "POST /bookings/confirm", requestHash, now},
            [&](checkout::Tx& tx) -> domain::StoredAnswer {
                effect = {};
                const auto b = checkout::lockBooking(tx, request.booking);
                if (!b || !caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer))
                    return effect.refuse(noSuchBooking());
                const auto p = checkout::lockPayment(tx, request.payment);
                if (!p || p->booking != b->booking.id)
                    return effect.refuse(noSuchPayment());
                if (p->status != domain::PaymentStatus::Succeeded &&
                    !(p->status == domain::PaymentStatus::Refunded &&
                      b->booking.status == domain::BookingStatus::Confirmed))
                    return effect.refuse(
                        Problem(409, "payment_not_completed", "The payment has not succeeded",
                                "the payment is " + std::string(domain::toString(p->status)))
                            .with("payment_status", json::string(domain::toString(p->status))));
                if (settle(tx, *b, *p, now) == Settled::Refunded)
                    return effect.refuse(
                        Problem(410, "hold_expired", "The hold ended before the payment arrived",
                                "its seats were taken meanwhile; the payment was refunded")
                            .with("refunded", json::string(money(p->amountMinor - p->refundedMinor,
                                                                 p->currency))));
                auto confirmed = *checkout::readBooking(tx, b->booking.id);
                confirmed.status = confirmed.statusAt(now);
                return effect.give(std::move(confirmed), 200);
            });
    });
    makeOwedCalls({request.payment});
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
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    // The refund is recorded (its amount can be refunded by no one else), then made at the
    // provider with no transaction open; one that the provider cannot make now stays owed and
    // is made by the payment reconciler.
    db::withSession([&](db::Session& s) {
        const auto found = checkout::findPayment(s, id);
        if (!found) {
            problem = noSuchPayment();
            return;
        }
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            problem.reset();
            const auto p =
                lockPaymentFor(tx, caller, domain::BookingAccess::Refund, found->booking, id);
            if (!p) {
                problem = noSuchPayment();
                return;
            }
            const auto left = p->amountMinor - p->refundedMinor;
            if ((p->status != domain::PaymentStatus::Succeeded) || left <= 0) {
                problem = Problem(409, "not_refundable", "Nothing of this payment can be refunded",
                                  "the payment is " + std::string(domain::toString(p->status)) +
                                      " with " + money(left, p->currency) + " left")
                              .with("payment_status", json::string(domain::toString(p->status)));
                return;
            }
            long long amount = left;
            if (request.amount) {
                auto m =
                    domain::Money::parse(*request.amount, *domain::Currency::fromCode(p->currency));
                if (!m.ok())
                    problem = Problem::validation({{"amount", m.error()}});
                else if (m.value().minorUnits() <= 0 || m.value().minorUnits() > left)
                    problem = Problem::validation({{"amount", "must be more than 0 and at most " +
                                                                  money(left, p->currency)}});
                else
                    amount = m.value().minorUnits();
                if (problem)
                    return;
            }
            if (!providerFor(p->provider)) {
                problem = Problem(503, "payment_provider_unavailable",
                                  "The provider of this payment is not configured",
                                  "provider " + p->provider);
                return;
            }
            // The same request at the same state is the same refund at the provider.
            checkout::recordRefund(tx, *p, amount,
                                   "staff-" + p->id.toString() + "-" +
                                       std::to_string(p->refundedMinor) + "-" +
                                       std::to_string(amount),
                                   "staff", caller.user, now);
        });
    });
    if (problem)
        return domain::fail(*problem);
    makeOwedCalls({id});
    return paymentOf(
        *db::withSession([&](db::Session& s) { return checkout::findPayment(s, id); }));
}

domain::Result<domain::Booking, Problem> CheckoutService::cancel(const Caller& caller,
                                                                 const domain::BookingId& id)
{
    const auto found = db::withSession([&](db::Session& s) { return db::bookings::find(s, id); });
    const bool mayCancel =
        found && caller.may(domain::BookingAccess::Cancel, found->booking.user, found->organizer);
    if (!mayCancel)
        return domain::fail(noSuchBooking());
    if (found->booking.status != domain::BookingStatus::Confirmed)
        return db::withSession([&](db::Session&) { return m_holds.cancel(caller, id); });
    return cancelPaid(id, caller.user, Refund::ByPolicy);
}

domain::Result<domain::Booking, Problem>
CheckoutService::cancelPaid(const domain::BookingId& id, const domain::UserId& actor, Refund rule)
{
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    std::optional<domain::Booking> answer;
    std::vector<domain::PaymentId> paid;
    // The booking is cancelled and its refunds recorded in one transaction; the provider makes
    // them after the commit (one it cannot make now is owed and made by the reconciler).
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            problem.reset();
            answer.reset();
            paid.clear();
            const auto b = checkout::lockBooking(tx, id);
            if (b && b->booking.cancelledAlready()) { // a retry, or two at once: done already
                answer = checkout::readBooking(tx, id);
                return;
            }
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
                if (!providerFor(p.provider))
                    throw std::runtime_error("no provider named " + p.provider +
                                             " to refund payment " + p.id.toString());
                // The same key on a retry: the provider refunds once.
                checkout::recordRefund(tx, p, amount,
                                       "cancel-" + id.toString() + "-" + p.id.toString(), reason,
                                       actor, now);
                paid.push_back(p.id);
                refunded += amount;
            }
            // confirmed -> refunded (money goes back) or cancelled (the policy gave none back).
            const auto moved = domain::transition(b->booking.status,
                                                  refunded > 0 ? domain::BookingStatus::Refunded
                                                               : domain::BookingStatus::Cancelled);
            if (!moved)
                throw std::logic_error("cancelPaid: " + moved.error().detail());
            checkout::cancelConfirmed(tx, *b, refunded > 0, actor, now);
            answer = checkout::readBooking(tx, id);
            answer->refundMinor = refunded;
        });
    });
    if (problem)
        return domain::fail(*problem);
    makeOwedCalls(paid);
    m_holds.forgetSeats(*answer);
    return std::move(*answer);
}

domain::Result<domain::Event, Problem> CheckoutService::cancelEvent(const Caller& caller,
                                                                    const domain::EventId& id)
{
    auto cancelled = db::withSession([&](db::Session&) { return m_events.cancelRow(caller, id); });
    if (!cancelled.ok())
        return domain::fail(std::move(cancelled).error());
    // Everyone who paid gets everything back (the organizer cancelled, not them). Refunds that
    // the provider cannot make now are owed and made by the payment reconciler.
    int refunded = 0;
    const auto bookings =
        db::withSession([&](db::Session& s) { return checkout::confirmedBookings(s, id); });
    for (const auto& booking : bookings)
        if (cancelPaid(booking, caller.user, Refund::Everything).ok())
            ++refunded;
    if (refunded > 0)
        log::info("a cancelled event's bookings were refunded",
                  {{"event", id.toString()}, {"refunded", refunded}});
    return EventService::toEvent(*cancelled);
}

void CheckoutService::moveTo(checkout::Tx& tx, checkout::Payment& p, domain::PaymentStatus to,
                             const std::optional<std::string>& failureCode,
                             domain::Clock::TimePoint now)
{
    const auto moved = domain::transition(p.status, to);
    if (!moved)
        throw std::logic_error("payment " + p.id.toString() + ": " + moved.error().detail());
    checkout::setPaymentStatus(tx, p.id, to, failureCode, now);
    p.status = to;
    p.failureCode = failureCode;
}

void CheckoutService::cancelPending(checkout::Tx& tx, checkout::Payment& p,
                                    const std::optional<domain::UserId>& actor,
                                    domain::Clock::TimePoint now)
{
    if (!domain::canTransition(p.status, domain::PaymentStatus::Cancelled))
        throw std::logic_error("cancelPending of a " + std::string(domain::toString(p.status)) +
                               " payment");
    // Cancelled here at once (no longer a live payment); its provider is owed the cancellation
    // (made after the commit). A success that the provider still reports for it is refunded
    // (applyOutcome).
    checkout::cancelPayment(tx, p.id, now);
    p.status = domain::PaymentStatus::Cancelled;
    checkout::recordPaymentEvent(tx, p, "payment_cancelled", actor, now);
}

domain::Result<domain::Payment, Problem> CheckoutService::cancelPayment(const Caller& caller,
                                                                        const domain::PaymentId& id)
{
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    db::withSession([&](db::Session& s) {
        const auto found = checkout::findPayment(s, id);
        if (!found) {
            problem = noSuchPayment();
            return;
        }
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            problem.reset();
            auto p = lockPaymentFor(tx, caller, domain::BookingAccess::Pay, found->booking, id);
            if (!p) {
                problem = noSuchPayment();
                return;
            }
            if (p->status != domain::PaymentStatus::Pending) {
                problem = Problem(409, "not_cancellable", "The payment is not pending",
                                  "the payment is " + std::string(domain::toString(p->status)))
                              .with("current_status", json::string(domain::toString(p->status)));
                return;
            }
            cancelPending(tx, *p, caller.user, now);
        });
    });
    if (problem)
        return domain::fail(*problem);
    makeOwedCalls({id});
    return paymentOf(
        *db::withSession([&](db::Session& s) { return checkout::findPayment(s, id); }));
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

domain::Result<domain::Booking, Problem>
CheckoutService::transfer(const Caller& caller, const domain::BookingId& id,
                          const domain::TransferRequest& request)
{
    std::vector<domain::FieldError> errors;
    domain::checkEmail(request.email, "email", errors);
    if (!errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));
    const auto now = m_clock.now();
    std::optional<Problem> problem;
    std::optional<domain::Booking> answer;
    db::withSession([&](db::Session& s) {
        checkout::inTransaction(s, [&](checkout::Tx& tx) {
            problem.reset();
            answer.reset();
            const auto b = checkout::lockBooking(tx, id);
            // The owner, the box office or an admin (the organizer reads, and may refund).
            if (!b || !caller.may(domain::BookingAccess::Pay, b->booking.user, b->organizer)) {
                problem = noSuchBooking();
                return;
            }
            if (b->booking.status != domain::BookingStatus::Confirmed) {
                problem = Problem(409, "transfer_not_allowed", "The tickets cannot be transferred",
                                  "only a confirmed booking's tickets are transferred")
                              .with("reason", boost::json::string("not_confirmed"));
                return;
            }
            const auto facts = checkout::transferFacts(tx, id);
            std::vector<checkout::TransferTicket> give;
            if (request.tickets.empty()) {
                for (const auto& t : facts.tickets)
                    if (t.status == domain::TicketStatus::Active)
                        give.push_back(t);
                if (give.empty())
                    problem = domain::transferRefusal(domain::TicketStatus::Cancelled,
                                                      facts.allowed, facts.until, facts.start, now)
                                  .value_or(Problem(409, "transfer_not_allowed",
                                                    "The tickets cannot be transferred",
                                                    "the booking has no active tickets"));
            }
            for (const auto& wanted : request.tickets) {
                const auto it = std::find_if(facts.tickets.begin(), facts.tickets.end(),
                                             [&](const auto& t) { return t.id == wanted; });
                if (it == facts.tickets.end()) {
                    problem = Problem::validation({{"ticket_ids", "ticket " + wanted.toString() +
                                                                      " is not of this booking"}});
                    return;
                }
                give.push_back(*it);
            }
            for (const auto& t : give)
                if (auto refused = domain::transferRefusal(t.status, facts.allowed, facts.until,
                                                           facts.start, now)) {
                    problem = std::move(*refused);
                    return;
                }
            if (problem)
                return;
            const auto to = checkout::recipientFor(tx, domain::trimmed(request.email),
                                                   domain::normalizeEmail(request.email), now);
            const auto key = checkout::currentKey(tx, b->booking.event, now);
            const auto keyId = domain::keyIdHex(key.keyId());
            std::vector<domain::TicketId> fresh;
            for (const auto& t : give) {
                const auto claims = domain::ticketClaims(
                    domain::TicketId::generate(), b->booking.event, t.tier, t.seat, now, facts.end);
                checkout::replaceTicket(tx, id, b->booking.event, t, claims.ticket,
                                        domain::signCredential(claims, key), keyId, to, now);
                fresh.push_back(claims.ticket);
            }
            checkout::recordTransfer(tx, id, caller.user, to, fresh, now);
            // A new account sets its password with the link in the mail (a week to use it).
            std::optional<std::string> passwordToken;
            if (to.created)
                passwordToken = TokenService::newRefreshToken();
            checkout::tellReceiver(tx, b->booking, facts.title, to, fresh, passwordToken,
                                   passwordToken ? TokenService::hashRefreshToken(*passwordToken)
                                                 : std::string(),
                                   now + std::chrono::hours(24 * 7), now);
            answer = checkout::readBooking(tx, id);
        });
    });
    if (problem)
        return domain::fail(std::move(*problem));
    return std::move(*answer);
}

domain::Result<domain::Ticket, Problem> CheckoutService::ticket(const Caller& caller,
                                                                const domain::TicketId& id)
{
    db::Session& s = db::currentSession();
    const auto t = checkout::findTicket(s, id);
    // Its holder reads it too (a ticket given to them); the giver reads it without its
    // credential, as in the booking.
    const bool holder = t && t->holderUser && *t->holderUser == caller.user;
    if (!t || !(holder || caller.may(domain::BookingAccess::Read, t->owner, t->organizer)))
        return domain::fail(Problem(ProblemCode::NotFound, "no such ticket"));
    const bool staff = caller.role == domain::Role::BoxOffice || caller.isAdmin();
    const bool showCredential = !t->holderUser || holder || staff;
    const domain::Ticket ticket{
        t->id,
        t->booking,
        t->event,
        t->seat,
        t->seatLabel,
        t->tierName,
        domain::parseTicketStatus(t->status).value_or(domain::TicketStatus::Active),
        showCredential ? t->credential : std::string(),
        t->holder};
    return ticket;
}

domain::Result<std::string, Problem> CheckoutService::ticketQr(const Caller& caller,
                                                               const domain::TicketId& id)
{
    const auto t = ticket(caller, id);
    if (!t)
        return domain::fail(t.error());
    if (t->credential.empty()) // given to someone else: theirs to show
        return domain::fail(Problem(ProblemCode::NotFound, "no such ticket"));
    return qrPng(t->credential);
}

} // namespace ticketing::services
