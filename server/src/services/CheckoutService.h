#pragma once

#include "db/CheckoutStore.h"
#include "db/EventStore.h"
#include "domain/Booking.h"
#include "domain/Clock.h"
#include "domain/Payment.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "domain/Tickets.h"
#include "services/Caller.h"
#include "services/Keyed.h"
#include "services/ShiftService.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::payments {
class PaymentProvider;
struct ProviderIntent;
} // namespace ticketing::payments
namespace ticketing::db {
class Session;
}

namespace ticketing::services {

class HoldService;
class EventService;

// A hold becomes a sale (API.md "Bookings" confirm and cancel, "Payments"; DESIGN.md
// "Payments", "Tickets and the gate"): payment intents with cash or a card provider, the
// provider's signed webhooks, confirmation that issues tickets with signed credentials, the
// saga of a hold that ended while its payment was in flight, cancellation under the event's
// refund policy, and refunds by staff. Every money movement is a booking event.
class CheckoutService
{
public:
    // What a browser needs to confirm a card payment at the provider (API.md `Payment.checkout`).
    struct CardCheckout
    {
        std::string publishableKey;
        std::string publicUrl; // the provider's base URL as browsers reach it
    };

    // `card` may be null: card payments are then refused with 503 (no provider configured).
    CheckoutService(HoldService& holds, EventService& events, payments::PaymentProvider& cash,
                    payments::PaymentProvider* card, std::string webhookSecret,
                    const domain::Clock& clock, std::optional<CardCheckout> checkout = {});

    // POST /payments/intent and /bookings/confirm: the payment (201) or the confirmed booking
    // (200), or why not, stored with the key (`requestHash`: domain::requestHash of the body).
    Keyed<domain::Payment> createIntent(const Caller& caller, const std::string& key,
                                        const std::string& requestHash,
                                        const domain::IntentRequest& request);
    Keyed<domain::Booking> confirm(const Caller& caller, const std::string& key,
                                   const std::string& requestHash,
                                   const domain::ConfirmRequest& request);
    domain::Result<domain::Payment, domain::Problem> payment(const Caller& caller,
                                                             const domain::PaymentId& id);
    domain::Result<domain::Payment, domain::Problem>
    refund(const Caller& caller, const domain::PaymentId& id, const domain::RefundRequest& request);
    // DELETE /bookings/{id}: a hold is released (HoldService); a confirmed booking is cancelled
    // under its event's refund policy, refunded through the provider that took the money.
    domain::Result<domain::Booking, domain::Problem> cancel(const Caller& caller,
                                                            const domain::BookingId& id);
    // DELETE /events/{id}: the event is cancelled (EventService) and every confirmed booking is
    // refunded in full, its tickets revoked; holds end by themselves (an unpublished event
    // cannot be paid for).
    domain::Result<domain::Event, domain::Problem> cancelEvent(const Caller& caller,
                                                               const domain::EventId& id);
    // POST /webhooks/{provider}: 200 with {"received": true} (also for a replay, which changes
    // nothing); 400 for a bad signature; 404 for a provider we do not use.
    domain::Result<domain::WebhookReceipt, domain::Problem>
    webhook(std::string_view provider, std::optional<std::string_view> signature,
            const std::string& rawBody);
    // API.md "Transfers": the booking's tickets (all active ones, or those named) to the account
    // of `request.email` (made, without a password, when there is none): each old credential
    // revoked, a new one issued to the receiver, who is e-mailed (with a link to set a
    // password when the account is new). The owner, the box office or an admin.
    domain::Result<domain::Booking, domain::Problem>
    transfer(const Caller& caller, const domain::BookingId& booking,
             const domain::TransferRequest& request);

    domain::Result<domain::Ticket, domain::Problem> ticket(const Caller& caller,
                                                           const domain::TicketId& id);
    // The ticket's credential as a QR code, PNG.
    domain::Result<std::string, domain::Problem> ticketQr(const Caller& caller,
                                                          const domain::TicketId& id);

    // The event's signing keys, public halves only (published events; its organizer and admin
    // always): what a scanner needs to check credentials offline.
    domain::Result<domain::SigningKeys, domain::Problem>
    signingKeys(const std::optional<Caller>& caller, const domain::EventId& event);
    // A new signing key for the event (its organizer, admin); older tickets keep verifying.
    domain::Result<domain::SigningKeys, domain::Problem> rotateKey(const Caller& caller,
                                                                   const domain::EventId& event);

    // The payment reconciler's round, on its own thread and session: calls owed to providers
    // since before `olderThan` are made again (an outage, a crash after a commit); intents whose
    // provider never answered are asked again (a crash between the record and the answer); card
    // payments pending longer are asked of the provider (a webhook that never came must not
    // leave money taken without its seats). Returns how many payments were settled.
    int reconcile(db::Session& s, std::chrono::seconds olderThan);
    // How long a request waits on a provider at most, and then some: an intent unanswered for
    // longer was left by a request that is gone.
    std::chrono::seconds providerPatience() const;
    // POST /payments/{id}/cancel: a pending payment cancelled, at the provider too; anything else
    // 409 not_cancellable.
    domain::Result<domain::Payment, domain::Problem> cancelPayment(const Caller& caller,
                                                                   const domain::PaymentId& id);

    // API.md `Payment` of a stored one.
    domain::Payment paymentOf(const db::checkout::Payment& p) const;

    // Box office shifts: every payment at the counter belongs to the agent's open one.
    ShiftService& shifts() { return m_shifts; }

private:
    payments::PaymentProvider* providerFor(const std::string& name) const;
    enum class Refund
    {
        ByPolicy,  // the attendee cancels: the event's refund policy
        Everything // the organizer cancelled the event
    };
    domain::Result<domain::Booking, domain::Problem>
    cancelPaid(const domain::BookingId& id, const domain::UserId& actor, Refund rule);

    // A payment provider is never called inside a transaction or on a database worker (the
    // database is reached through db::withSession). An intent is recorded, asked of its provider,
    // then settled; refunds and cancellations are recorded as owed in the transaction of their
    // cause and made after its commit (CheckoutProviderCalls.cpp).
    struct KeyRecord
    {
        domain::UserId user;
        std::string key;
    };
    // Asks the provider for a recorded intent and settles what it answered (a failure marks the
    // payment failed); finishes the key's record when there is one.
    Keyed<domain::Payment> askForIntent(const db::checkout::Payment& recorded,
                                        const std::optional<KeyRecord>& keyRecord);
    void settleIntent(db::checkout::Tx& tx, db::checkout::Payment& p,
                      const std::optional<payments::ProviderIntent>& intent,
                      domain::Clock::TimePoint now);
    // A retry of an intent whose first request has not answered: in flight while the provider
    // is asked; else the payment as it is now.
    Keyed<domain::Payment> resumeIntent(const domain::UserId& user, const std::string& key,
                                        const std::string& reference);
    // The calls owed to providers for these payments, made now; one that fails stays owed.
    void makeOwedCalls(const std::vector<domain::PaymentId>& payments);
    bool makeCall(const db::checkout::OwedCall& call);
    // What the provider says of a payment now, settled (a lost webhook; a payment paid while
    // it was cancelled). Throws ProviderError when the provider cannot be asked.
    bool askProvider(const domain::PaymentId& id);
    // Confirms a booking whose payment succeeded, inside `tx`; a hold that ended with its
    // seats gone (or a booking cancelled meanwhile) has the payment refunded and says why.
    enum class Settled
    {
        Confirmed,
        Refunded
    };
    Settled settle(db::checkout::Tx& tx, const db::checkout::BookingForPayment& b,
                   const db::checkout::Payment& p, domain::Clock::TimePoint now);

    // What a provider said of a payment (webhook or reconciler): succeeded confirms (or refunds)
    // the booking, failed leaves the hold to run out. False when it changes nothing.
    bool applyOutcome(db::checkout::Tx& tx, const db::checkout::BookingForPayment& b,
                      db::checkout::Payment& p, bool succeeded,
                      const std::optional<std::string>& failureCode, domain::Clock::TimePoint now);
    // A payment that succeeded although it must not stand (it was cancelled, or another payment
    // paid the booking): all of it back through its provider, recorded with `reason`.
    void refundUnwanted(db::checkout::Tx& tx, db::checkout::Payment& p, const std::string& reason,
                        domain::Clock::TimePoint now);
    // Every change of a payment's status goes through domain::transition (a move the state
    // machine does not allow is a bug: logic_error).
    void moveTo(db::checkout::Tx& tx, db::checkout::Payment& p, domain::PaymentStatus to,
                const std::optional<std::string>& failureCode, domain::Clock::TimePoint now);
    // A pending payment cancelled here; its provider is owed the cancellation.
    void cancelPending(db::checkout::Tx& tx, db::checkout::Payment& p,
                       const std::optional<domain::UserId>& actor, domain::Clock::TimePoint now);

    HoldService& m_holds;
    EventService& m_events;
    payments::PaymentProvider& m_cash;
    payments::PaymentProvider* m_card;
    std::string m_webhookSecret;
    const domain::Clock& m_clock;
    ShiftService m_shifts{m_clock};
    std::optional<CardCheckout> m_checkout;
};

} // namespace ticketing::services
