#pragma once

// For code in db/ only: what one store lends another. Includes libpqxx.

#include "db/BookingStore.h"
#include "domain/Clock.h"
#include "domain/Notification.h"

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace ticketing::db {

namespace checkout {
struct Tx
{
    pqxx::work& w;
};
} // namespace checkout

namespace idempotency {
// The answer to one request with an Idempotency-Key (API.md "Idempotency").
struct KeyedAnswer
{
    std::string user, key, requestHash;
    int status = 0;
    std::string body;
};
// Keeps each answer under its user's key, in `tx`, the transaction of the effect (one statement
// for all of them: a batch of holds stores its answers at once).
void store(pqxx::transaction_base& tx, const std::string& route,
           const std::vector<KeyedAnswer>& answers, domain::Clock::TimePoint now);
} // namespace idempotency

namespace accounts {
// A password link for `user` in the caller's transaction (a transfer's new account): the
// token's hash kept until `expires`.
void addPasswordReset(pqxx::transaction_base& tx, const domain::UserId& user,
                      const std::string& tokenHash, domain::Clock::TimePoint now,
                      domain::Clock::TimePoint expires);
} // namespace accounts

namespace notifications {
struct Outgoing;
// Writes `message` to the outbox in `tx`, the transaction of its cause, due at `now`; a second
// message of the same cause (its dedupe key) is not written. True when written.
bool enqueue(pqxx::transaction_base& tx, const Outgoing& message, domain::Clock::TimePoint now);
// A message about a booking to its buyer: the account that bought online, or the box office's
// customer (none for a walk-in without an e-mail: nothing is written).
bool enqueueForBooking(pqxx::transaction_base& tx, const domain::BookingId& booking,
                       domain::NotificationKind kind, const std::string& dedupeKey,
                       const std::string& payloadJson, domain::Clock::TimePoint now);
} // namespace notifications

namespace waitlist {
// Units of the event came back in `tx` (a hold ended, a booking was cancelled, a block was
// lifted): each tier's waiting entries, in queue order, get the free units they can be served
// with, as holds made for them (API.md "Waitlist"), announced on the live sync and by mail.
// Entries whose offer's booking ended in `tx` lapse first. How many offers were made.
int offerFreed(pqxx::transaction_base& tx, const std::string& event, domain::Clock::TimePoint now);
// The offer's booking was paid: its entry is claimed.
void claimed(pqxx::transaction_base& tx, const std::string& booking, domain::Clock::TimePoint now);
} // namespace waitlist

namespace promos {
struct ForBuyer;
// promos::findForBuyer in a hold's transaction, the code's row locked until it ends: racing holds
// of one code take turns, so its uses stay exact.
std::optional<ForBuyer> lockForHold(pqxx::transaction_base& tx, const domain::EventId& event,
                                    const std::string& code,
                                    const std::optional<domain::UserId>& user,
                                    const std::optional<std::string>& email);
} // namespace promos

namespace bookings {
// The outbox row of a change to `units`, which were all in status `from` before it: their
// seats' states now, the tiers whose counts moved, and the moves (migration 0010).
void outboxUnits(pqxx::transaction_base& tx, const std::string& event,
                 const std::vector<long long>& units, const char* from);
// bookings::find inside a transaction of the caller's.
std::optional<Found> findIn(pqxx::transaction_base& tx, const domain::BookingId& id);
} // namespace bookings

} // namespace ticketing::db
