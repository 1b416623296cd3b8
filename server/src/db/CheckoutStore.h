#pragma once

#include "db/BookingStore.h"
#include "domain/Clock.h"
#include "domain/Credential.h"
#include "domain/Event.h"
#include "domain/Payment.h"
#include "domain/Tickets.h"
#include "domain/Uuid.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ticketing::db {

class Session;

namespace checkout {

// One open transaction, for services to run several of the functions below as one unit. No
// payment provider is ever called inside one: what a provider is owed is recorded in it and
// made after the commit (owedCalls). Opaque outside db/.
struct Tx;

// The same transaction without a key (webhooks, cancellations). A transaction that PostgreSQL
// ended runs again from its start, so `effect` must reset what it captures.
void inTransaction(Session& s, const std::function<void(Tx&)>& effect);

// What paying for a booking needs to know, read with the booking locked.
struct BookingForPayment
{
    domain::Booking booking; // status as stored
    domain::UserId organizer;
    domain::Clock::TimePoint eventStart;
    domain::Clock::TimePoint eventEnd;
    std::optional<std::string> refundPolicy; // the event's, JSON
    domain::EventStatus eventStatus = domain::EventStatus::Draft;
};
std::optional<BookingForPayment> lockBooking(Tx& tx, const domain::BookingId& id);
// The booking as API.md shows it (items, tickets), read in this transaction.
std::optional<domain::Booking> readBooking(Tx& tx, const domain::BookingId& id);

struct Refund
{
    long long amountMinor = 0;
    std::string reason;
    domain::Clock::TimePoint at;
};
struct Payment
{
    domain::PaymentId id;
    domain::BookingId booking;
    std::string provider;
    std::string method; // card, cash
    long long amountMinor = 0;
    std::string currency;
    domain::PaymentStatus status = domain::PaymentStatus::Pending;
    // The provider's intent; none while the intent is recorded and its provider has not
    // answered yet (a pending payment without one is not payable at the provider).
    std::optional<std::string> providerRef;
    std::optional<std::string> clientSecret;
    std::optional<std::string> failureCode;
    long long refundedMinor = 0;
    std::vector<Refund> refunds;
    domain::UserId createdBy;
    domain::Clock::TimePoint createdAt;
    std::optional<domain::ShiftId> shift; // taken at the counter (written, not read back)
};
void insertPayment(Tx& tx, const Payment& p);
std::optional<Payment> findPayment(Session& s, const domain::PaymentId& id);
std::optional<Payment> lockPayment(Tx& tx, const domain::PaymentId& id);
// The booking and payment of a provider's payment id, unlocked (to lock the booking first,
// then the payment, as every other path does).
std::optional<std::pair<domain::BookingId, domain::PaymentId>>
bookingOfPayment(Tx& tx, const std::string& provider, const std::string& providerRef);
// Stores a move that domain::transition allowed (the service checks it).
void setPaymentStatus(Tx& tx, const domain::PaymentId& id, domain::PaymentStatus status,
                      const std::optional<std::string>& failureCode, domain::Clock::TimePoint now);
// Records a refund, owed to its provider until callMade (with its booking event): refunded_minor
// grows at once; the payment is `refunded` once all of it is. `providerKey` is the provider's
// idempotency key for it, so that the refund is made once however often it is asked.
void recordRefund(Tx& tx, const Payment& p, long long amountMinor, const std::string& providerKey,
                  const std::string& reason, const std::optional<domain::UserId>& actor,
                  domain::Clock::TimePoint now);
// What the provider answered for a recorded intent.
void setProviderIntent(Tx& tx, const domain::PaymentId& id, const std::string& providerRef,
                       const std::optional<std::string>& clientSecret,
                       domain::Clock::TimePoint now);
// A pending payment cancelled here; its provider is owed the cancellation (owedCalls).
void cancelPayment(Tx& tx, const domain::PaymentId& id, domain::Clock::TimePoint now);

// A call owed to a payment provider, recorded in the transaction of its cause.
struct OwedCall
{
    enum class Kind
    {
        Refund,
        Cancel
    } kind = Kind::Refund;
    domain::PaymentId payment;
    domain::BookingId booking;
    std::string provider;
    std::string providerRef; // the intent at the provider
    long long refundId = 0;  // Refund
    long long amountMinor = 0;
    std::string key; // the provider's idempotency key (Refund)
};
// What is owed for these payments (just after the transaction that recorded it).
std::vector<OwedCall> owedCalls(Session& s, const std::vector<domain::PaymentId>& payments);
// What is still owed since before `olderThan` (an outage, a crash): the reconciler's work.
std::vector<OwedCall> staleOwedCalls(Session& s, domain::Clock::TimePoint olderThan, int limit);
// The provider made it (a refund's id at the provider; empty for a cancellation).
void callMade(Session& s, const OwedCall& call, const std::string& providerRef,
              domain::Clock::TimePoint now);
// The provider could not be asked: asked again after the reconciler's interval.
void callFailed(Session& s, const OwedCall& call, domain::Clock::TimePoint now);
// Intents recorded before `olderThan` that their provider never answered (a crash between the
// record and the answer).
std::vector<domain::PaymentId> unansweredIntents(Session& s, domain::Clock::TimePoint olderThan,
                                                 int limit);
// Money in, on the booking's audit trail.
void recordPaymentEvent(Tx& tx, const Payment& p, const std::string& kind,
                        const std::optional<domain::UserId>& actor, domain::Clock::TimePoint now);

// Marks a webhook's event id handled; false when it was handled before (a replay).
bool firstDelivery(Tx& tx, const std::string& provider, const std::string& eventId,
                   const std::string& type, domain::Clock::TimePoint now);

// The event's signing key, made on first use (the newest unretired one signs).
domain::SigningKey currentKey(Tx& tx, const domain::EventId& event, domain::Clock::TimePoint now);
// Public keys of the event, all of them (old tickets keep verifying): for scanners.
struct PublicKey
{
    std::string keyId;     // hex
    std::string publicKey; // hex
    domain::Clock::TimePoint createdAt;
    std::optional<domain::Clock::TimePoint> retiredAt;
};
std::vector<PublicKey> publicKeys(Session& s, const domain::EventId& event);
// Retires the event's signing keys and makes a new one that signs from now on; tickets signed
// before keep verifying with the retired keys.
void rotateKey(Session& s, const domain::EventId& event, domain::Clock::TimePoint now);

enum class ConfirmOutcome
{
    Confirmed,        // units sold, tickets issued
    AlreadyConfirmed, // nothing to do
    SeatsGone,        // the hold ended and some of its units were taken meanwhile
    NotConfirmable    // cancelled or refunded
};
// Confirms a paid booking (locked by lockBooking): its held units become sold; a hold that
// ended is claimed again if all its units are still free. Each unit gets a ticket whose
// credential (domain::ticketClaims) is signed with `key`; the booking event and the outbox
// row (moves to `sold`) go with it.
ConfirmOutcome confirm(Tx& tx, const BookingForPayment& b, const domain::PaymentId& payment,
                       const domain::SigningKey& key, domain::Clock::TimePoint now);
// A paid booking that could not be confirmed: why, for its owner.
void setStatusReason(Tx& tx, const domain::BookingId& id, const std::string& reason,
                     domain::Clock::TimePoint now);

// Cancels a confirmed booking: units back on sale (outbox moves), tickets cancelled and
// revoked, the booking `refunded` (or `cancelled` when nothing was refunded).
void cancelConfirmed(Tx& tx, const BookingForPayment& b, bool refunded,
                     const std::optional<domain::UserId>& actor, domain::Clock::TimePoint now);

// Card payments still pending after `olderThan` (their webhook may have been lost).
std::vector<domain::PaymentId> stalePayments(Session& s, domain::Clock::TimePoint olderThan,
                                             int limit);

// Marks a pending payment as looked at now (it is asked about again after the interval).
void touchPayment(Tx& tx, const domain::PaymentId& id, domain::Clock::TimePoint now);

// The confirmed bookings of an event (to refund when it is cancelled).
std::vector<domain::BookingId> confirmedBookings(Session& s, const domain::EventId& event);

// Succeeded payments of a booking, locked (what a cancellation refunds from).
std::vector<Payment> paidPayments(Tx& tx, const domain::BookingId& booking);
// Every payment of the booking, oldest first, locked (the booking's row must be locked first).
std::vector<Payment> bookingPayments(Tx& tx, const domain::BookingId& booking);

struct Ticket
{
    domain::TicketId id;
    domain::BookingId booking;
    domain::EventId event;
    domain::UserId owner;
    domain::UserId organizer;
    std::optional<domain::SeatId> seat;
    std::optional<std::string> seatLabel;
    std::string tierName;
    std::string status;
    std::string credential;
    std::optional<domain::UserId> holderUser; // given to someone else (a transfer)
    std::optional<domain::Holder> holder;
};
std::optional<Ticket> findTicket(Session& s, const domain::TicketId& id);

// API.md "Transfers". What a transfer of a confirmed booking (locked by lockBooking) needs: the
// event's rules and the booking's tickets, locked.
struct TransferTicket
{
    domain::TicketId id;
    domain::TicketStatus status = domain::TicketStatus::Active;
    domain::TierId tier;
    std::optional<domain::SeatId> seat;
    long long unit = 0;
};
struct TransferFacts
{
    bool allowed = true;
    std::optional<domain::Clock::TimePoint> until;
    domain::Clock::TimePoint start;
    domain::Clock::TimePoint end;
    std::string title;
    std::vector<TransferTicket> tickets;
};
TransferFacts transferFacts(Tx& tx, const domain::BookingId& booking);
// The account of `email`, made now (an attendee without a password) when there is none.
struct Recipient
{
    domain::UserId id;
    std::string email;
    std::optional<std::string> name;
    std::string locale = "en";
    bool created = false;
};
Recipient recipientFor(Tx& tx, const std::string& email, const std::string& emailKey,
                       domain::Clock::TimePoint now);
// `old` given away: it becomes `transferred` (revoked: on the scanners' list) and names the
// ticket issued in its place, `fresh` with its credential, held by `to`.
void replaceTicket(Tx& tx, const domain::BookingId& booking, const domain::EventId& event,
                   const TransferTicket& old, const domain::TicketId& fresh,
                   const std::string& credential, const std::string& keyIdHex, const Recipient& to,
                   domain::Clock::TimePoint now);
// The receiver's e-mail (the outbox, kind tickets_received): the event, the tickets, and for an
// account made by this transfer the link to set its password (`passwordToken`, kept as
// `passwordTokenHash` until `linkExpires`).
void tellReceiver(Tx& tx, const domain::Booking& booking, const std::string& eventTitle,
                  const Recipient& to, const std::vector<domain::TicketId>& tickets,
                  const std::optional<std::string>& passwordToken,
                  const std::string& passwordTokenHash, domain::Clock::TimePoint linkExpires,
                  domain::Clock::TimePoint now);
// The transfer on the booking's audit trail.
void recordTransfer(Tx& tx, const domain::BookingId& booking, const domain::UserId& actor,
                    const Recipient& to, const std::vector<domain::TicketId>& given,
                    domain::Clock::TimePoint now);

} // namespace checkout
} // namespace ticketing::db
