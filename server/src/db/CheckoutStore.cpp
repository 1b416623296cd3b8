#include "db/CheckoutStore.h"

#include "db/Internal.h"
#include "db/NotificationStore.h"
#include "db/Pool.h"
#include "db/Sql.h"
#include "domain/Codec.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <sodium.h>

namespace ticketing::db::checkout {

namespace {
using domain::Clock;
namespace json = boost::json;

const Statement kLockBooking{"checkout.lock_booking", R"sql(
    SELECT b.id, b.event_id, b.user_id, b.status, (extract(epoch from b.hold_expires_at) * 1000000)::bigint,
           b.subtotal_minor, b.discount_minor, b.total_minor, b.currency, (extract(epoch from b.created_at) * 1000000)::bigint,
           e.organizer_id, (extract(epoch from e.start_time) * 1000000)::bigint,
           (extract(epoch from e.end_time) * 1000000)::bigint, e.refund_policy::text, b.status_reason, e.status
    FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.id = $1::uuid FOR UPDATE OF b)sql"};

#define PAYMENT_COLUMNS                                                                            \
    "p.id, p.booking_id, p.provider, p.method, p.amount_minor, p.currency, p.status, "             \
    "p.provider_ref, p.client_secret, "                                                            \
    "p.failure_code, p.refunded_minor, p.created_by, (extract(epoch from p.created_at) * "         \
    "1000000)::bigint"
const Statement kInsertPayment{"checkout.insert_payment", R"sql(
    INSERT INTO payments (id, booking_id, provider, method, amount_minor, currency, status, provider_ref, client_secret,
                          created_by, created_at, updated_at, shift_id)
    VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10::uuid, $11::timestamptz, $11::timestamptz,
            $12::uuid))sql"};
const Statement kFindPayment{"checkout.find_payment",
                             "SELECT " PAYMENT_COLUMNS " FROM payments p WHERE p.id = $1::uuid"};
const Statement kLockPayment{"checkout.lock_payment",
                             "SELECT " PAYMENT_COLUMNS
                             " FROM payments p WHERE p.id = $1::uuid FOR UPDATE"};
const Statement kBookingOfPayment{
    "checkout.booking_of_payment",
    "SELECT booking_id, id FROM payments WHERE provider = $1 AND provider_ref = $2"};
const Statement kPaidPayments{"checkout.paid_payments",
                              "SELECT " PAYMENT_COLUMNS
                              " FROM payments p WHERE p.booking_id = $1::uuid AND p.status = "
                              "'succeeded' ORDER BY p.created_at FOR UPDATE"};
const Statement kBookingPayments{"checkout.booking_payments",
                                 "SELECT " PAYMENT_COLUMNS
                                 " FROM payments p WHERE p.booking_id = $1::uuid "
                                 "ORDER BY p.created_at FOR UPDATE"};
const Statement kRefunds{"checkout.refunds", R"sql(
    SELECT amount_minor, reason, (extract(epoch from created_at) * 1000000)::bigint
    FROM payment_refunds WHERE payment_id = $1::uuid ORDER BY id)sql"};
const Statement kSetPaymentStatus{"checkout.set_payment_status", R"sql(
    UPDATE payments SET status = $2, failure_code = $3, updated_at = $4::timestamptz WHERE id = $1::uuid)sql"};
const Statement kInsertRefund{"checkout.insert_refund", R"sql(
    INSERT INTO payment_refunds (payment_id, amount_minor, provider_key, owed, reason, actor_id, created_at, shift_id)
    VALUES ($1::uuid, $2, $3, true, $4, $5::uuid, $6::timestamptz,
            -- the refunding agent's open shift (API.md "Box office"), if any
            (SELECT id FROM box_office_shifts WHERE agent_id = $5::uuid AND closed_at IS NULL)))sql"};
const Statement kAddRefunded{"checkout.add_refunded", R"sql(
    UPDATE payments SET refunded_minor = refunded_minor + $2,
           status = CASE WHEN refunded_minor + $2 >= amount_minor THEN 'refunded' ELSE status END,
           updated_at = $3::timestamptz
    WHERE id = $1::uuid)sql"};
const Statement kAudit{"checkout.audit", R"sql(
    INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at)
    SELECT $1::uuid, event_id, $2, $3::uuid, $4::jsonb, $5::timestamptz FROM bookings WHERE id = $1::uuid)sql"};
const Statement kFirstDelivery{"checkout.first_delivery", R"sql(
    INSERT INTO webhook_events (provider, event_id, type, received_at) VALUES ($1, $2, $3, $4::timestamptz)
    ON CONFLICT DO NOTHING RETURNING 1)sql"};

const Statement kCurrentKey{"checkout.current_key", R"sql(
    SELECT encode(secret_key, 'hex') FROM event_keys WHERE event_id = $1::uuid AND retired_at IS NULL
    ORDER BY created_at DESC LIMIT 1)sql"};
const Statement kInsertKey{"checkout.insert_key", R"sql(
    INSERT INTO event_keys (key_id, event_id, public_key, secret_key, created_at)
    VALUES (decode($1, 'hex'), $2::uuid, decode($3, 'hex'), decode($4, 'hex'), $5::timestamptz))sql"};
const Statement kPublicKeys{"checkout.public_keys", R"sql(
    SELECT encode(public_key, 'hex'), encode(key_id, 'hex'), (extract(epoch from created_at) * 1000000)::bigint,
           (extract(epoch from retired_at) * 1000000)::bigint
    FROM event_keys WHERE event_id = $1::uuid ORDER BY created_at)sql"};
const Statement kStalePayments{"checkout.stale_payments", R"sql(
    SELECT id FROM payments
    WHERE status = 'pending' AND method IN ('card', 'card_present') AND provider_ref IS NOT NULL AND updated_at < $1::timestamptz
    ORDER BY updated_at LIMIT $2)sql"};
const Statement kUnansweredIntents{"checkout.unanswered_intents", R"sql(
    SELECT id FROM payments WHERE status = 'pending' AND provider_ref IS NULL AND updated_at < $1::timestamptz
    ORDER BY updated_at LIMIT $2)sql"};
const Statement kSetProviderIntent{"checkout.set_provider_intent", R"sql(
    UPDATE payments SET provider_ref = $2, client_secret = $3, updated_at = $4::timestamptz WHERE id = $1::uuid)sql"};
const Statement kCancelPayment{"checkout.cancel_payment", R"sql(
    UPDATE payments SET status = 'cancelled', cancel_owed = true, updated_at = $2::timestamptz WHERE id = $1::uuid)sql"};
// What is owed to providers: refunds recorded but not made, and cancellations not told, of
// intents that the provider has answered.
const Statement kOwedCalls{"checkout.owed_calls", R"sql(
    SELECT 'refund', p.id, p.booking_id, p.provider, p.provider_ref, f.id, f.amount_minor, f.provider_key
    FROM payment_refunds f JOIN payments p ON p.id = f.payment_id
    WHERE f.owed AND p.provider_ref IS NOT NULL AND p.id = ANY ($1::uuid[])
    UNION ALL
    SELECT 'cancel', p.id, p.booking_id, p.provider, p.provider_ref, 0, 0, ''
    FROM payments p WHERE p.cancel_owed AND p.provider_ref IS NOT NULL AND p.id = ANY ($1::uuid[]))sql"};
const Statement kStaleOwedCalls{"checkout.stale_owed_calls", R"sql(
    (SELECT 'refund', p.id, p.booking_id, p.provider, p.provider_ref, f.id, f.amount_minor, f.provider_key
     FROM payment_refunds f JOIN payments p ON p.id = f.payment_id
     WHERE f.owed AND p.provider_ref IS NOT NULL AND coalesce(f.attempted_at, f.created_at) < $1::timestamptz
     ORDER BY coalesce(f.attempted_at, f.created_at) LIMIT $2)
    UNION ALL
    (SELECT 'cancel', p.id, p.booking_id, p.provider, p.provider_ref, 0, 0, ''
     FROM payments p WHERE p.cancel_owed AND p.provider_ref IS NOT NULL AND p.updated_at < $1::timestamptz
     ORDER BY p.updated_at LIMIT $2))sql"};
const Statement kRefundMade{"checkout.refund_made", R"sql(
    UPDATE payment_refunds SET owed = false, provider_ref = $2, attempts = attempts + 1,
           attempted_at = $3::timestamptz
    WHERE id = $1)sql"};
const Statement kRefundAttempted{"checkout.refund_attempted", R"sql(
    UPDATE payment_refunds SET attempts = attempts + 1, attempted_at = $2::timestamptz WHERE id = $1 AND owed)sql"};
const Statement kCancelTold{"checkout.cancel_told",
                            "UPDATE payments SET cancel_owed = false WHERE id = $1::uuid"};
const Statement kTouchPayment{
    "checkout.touch_payment",
    "UPDATE payments SET updated_at = $2::timestamptz WHERE id = $1::uuid"};
const Statement kConfirmedBookings{"checkout.confirmed_bookings",
                                   "SELECT id FROM bookings WHERE event_id = $1::uuid AND status = "
                                   "'confirmed' ORDER BY created_at"};
const Statement kRetireKeys{"checkout.retire_keys",
                            "UPDATE event_keys SET retired_at = $2::timestamptz WHERE event_id = "
                            "$1::uuid AND retired_at IS NULL"};

// The booking's units: its own held ones, or (its hold having ended) ones that are free
// again. All locked in id order; the caller checks that all of them were taken.
const Statement kSellUnits{"checkout.sell_units", R"sql(
    WITH items AS (SELECT unit_id FROM booking_items WHERE booking_id = $1::uuid),
    target AS (SELECT u.id, u.status FROM inventory_units u JOIN items ON items.unit_id = u.id ORDER BY u.id FOR UPDATE OF u),
    sold AS (UPDATE inventory_units u SET status = 'sold', booking_id = $1::uuid, hold_expires_at = NULL
             FROM target WHERE u.id = target.id
               AND ((u.status = 'held' AND u.booking_id = $1::uuid) OR u.status = 'available'
                    OR (u.status = 'held' AND u.hold_expires_at <= $2::timestamptz AND u.blocked_reason IS NULL))
             RETURNING u.id, u.tier_id, u.seat_id, target.status AS was)
    SELECT id, tier_id, seat_id, was, (SELECT count(*) FROM items) FROM sold ORDER BY id)sql"};
const Statement kOutboxSold{"checkout.outbox_sold", R"sql(
    INSERT INTO outbox (event_id, payload)
    SELECT $1::uuid, jsonb_build_object(
        'changes', coalesce(jsonb_agg(jsonb_build_object('seat_id', u.seat_id, 'tier_id', u.tier_id, 'status', u.status))
                            FILTER (WHERE u.seat_id IS NOT NULL), '[]'::jsonb),
        'tiers', coalesce(jsonb_agg(DISTINCT u.tier_id), '[]'::jsonb),
        'moves', $3::jsonb)
    FROM inventory_units u WHERE u.id = ANY ($2::bigint[]))sql"};
const Statement kConfirmBooking{"checkout.confirm_booking", R"sql(
    UPDATE bookings SET status = 'confirmed', status_reason = NULL, updated_at = $2::timestamptz WHERE id = $1::uuid)sql"};
const Statement kInsertTicket{"checkout.insert_ticket", R"sql(
    INSERT INTO tickets (id, booking_id, event_id, unit_id, tier_id, seat_id, status, credential, key_id, created_at)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::uuid, $6::uuid, 'active', $7, decode($8, 'hex'), $9::timestamptz))sql"};
const Statement kSetReason{"checkout.set_reason", R"sql(
    UPDATE bookings SET status_reason = $2, updated_at = $3::timestamptz WHERE id = $1::uuid)sql"};
const Statement kReleaseSold{"checkout.release_sold", R"sql(
    UPDATE inventory_units
    SET status = CASE WHEN blocked_reason IS NULL THEN 'available' ELSE 'blocked' END, booking_id = NULL,
        hold_expires_at = NULL
    WHERE booking_id = $1::uuid AND status = 'sold' RETURNING id)sql"};
const Statement kRevokeTickets{"checkout.revoke_tickets", R"sql(
    UPDATE tickets SET status = 'cancelled', revoked_at = $2::timestamptz WHERE booking_id = $1::uuid AND status = 'active')sql"};
const Statement kSetBookingStatus{
    "checkout.set_booking_status",
    "UPDATE bookings SET status = $2, updated_at = $3::timestamptz WHERE id = $1::uuid"};
// A ticket's holder: whom it was given to, else the buyer (the box office's customer, or the
// account that bought online); kBookingTickets of db/BookingStore says the same.
const Statement kFindTicket{"checkout.find_ticket", R"sql(
    SELECT t.id, t.booking_id, t.event_id, b.user_id, e.organizer_id, t.seat_id, s.label, tt.name, t.status, t.credential,
           t.holder_user_id,
           coalesce(t.holder_email, b.customer_email, CASE WHEN b.sold_by IS NULL THEN u.email END),
           coalesce(t.holder_name, b.customer_name,
                    CASE WHEN b.sold_by IS NULL THEN nullif(trim(u.first_name || ' ' || u.last_name), '') END)
    FROM tickets t JOIN bookings b ON b.id = t.booking_id JOIN events e ON e.id = t.event_id
    JOIN users u ON u.id = b.user_id
    JOIN ticket_tiers tt ON tt.id = t.tier_id LEFT JOIN venue_seats s ON s.id = t.seat_id
    WHERE t.id = $1::uuid)sql"};
const Statement kTransferEvent{"checkout.transfer_event", R"sql(
    SELECT e.transfers_allowed, (extract(epoch from e.transfer_until) * 1000000)::bigint,
           (extract(epoch from e.start_time) * 1000000)::bigint, (extract(epoch from e.end_time) * 1000000)::bigint,
           e.title
    FROM bookings b JOIN events e ON e.id = b.event_id WHERE b.id = $1::uuid)sql"};
// The tickets' check-in locks (db/CheckInStore's checkin.lock_ticket, in id order): a scan of
// a ticket being given away waits for the transfer, and then finds it revoked.
const Statement kLockTicketsForScans{"checkout.lock_tickets_for_scans", R"sql(
    SELECT count(pg_advisory_xact_lock(hashtextextended(x.id::text, 16)))
    FROM (SELECT id FROM tickets WHERE booking_id = $1::uuid ORDER BY id) x)sql"};
// A ticket the gate has admitted is used (the scans record it; the ticket's row keeps `active`).
const Statement kTransferTickets{"checkout.transfer_tickets", R"sql(
    SELECT t.id,
           CASE WHEN t.status = 'active'
                     AND EXISTS (SELECT 1 FROM checkin_scans c WHERE c.ticket_id = t.id AND c.result = 'admitted')
                THEN 'used' ELSE t.status END,
           t.tier_id, t.seat_id, t.unit_id
    FROM tickets t WHERE t.booking_id = $1::uuid ORDER BY t.id FOR UPDATE OF t)sql"};
const Statement kRecipientInsert{"checkout.recipient_insert", R"sql(
    INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, role, locale)
    VALUES ($1::uuid, $2, $3, NULL, '', '', 'attendee', 'en')
    ON CONFLICT (email_key) DO NOTHING)sql"};
const Statement kRecipient{"checkout.recipient", R"sql(
    SELECT id, email, nullif(trim(first_name || ' ' || last_name), ''), locale FROM users WHERE email_key = $1)sql"};
const Statement kTransferOld{"checkout.transfer_old", R"sql(
    UPDATE tickets SET status = 'transferred', revoked_at = $2::timestamptz, transferred_to = $3::uuid
    WHERE id = $1::uuid AND status = 'active')sql"};
const Statement kInsertHeldTicket{"checkout.insert_held_ticket", R"sql(
    INSERT INTO tickets (id, booking_id, event_id, unit_id, tier_id, seat_id, status, credential, key_id, created_at,
                         holder_user_id, holder_email, holder_name)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::uuid, $6::uuid, 'active', $7, decode($8, 'hex'), $9::timestamptz,
            $10::uuid, $11, $12))sql"};

std::optional<std::string> nullableId(const std::optional<domain::UserId>& id)
{
    return id ? std::optional(id->toString()) : std::nullopt;
}

Payment toPayment(const pqxx::row& r)
{
    Payment p;
    p.id = idFrom<domain::PaymentId>(r[0]);
    p.booking = idFrom<domain::BookingId>(r[1]);
    p.provider = r[2].as<std::string>();
    p.method = r[3].as<std::string>();
    p.amountMinor = r[4].as<long long>();
    p.currency = r[5].as<std::string>();
    const auto status = r[6].as<std::string>();
    p.status = domain::parsePaymentStatus(status).value_or(domain::PaymentStatus::Failed);
    if (!domain::parsePaymentStatus(status))
        throw std::runtime_error("a payment with an unknown status: " + status);
    p.providerRef = optionalText(r[7]);
    p.clientSecret = optionalText(r[8]);
    p.failureCode = optionalText(r[9]);
    p.refundedMinor = r[10].as<long long>();
    p.createdBy = idFrom<domain::UserId>(r[11]);
    p.createdAt = fromMicros(r[12].as<long long>());
    return p;
}

std::optional<Payment> onePayment(pqxx::transaction_base& tx, const pqxx::result& r)
{
    if (r.empty())
        return std::nullopt;
    auto p = toPayment(r[0]);
    for (const auto& f : tx.exec_prepared(kRefunds.name, p.id.toString()))
        p.refunds.push_back(
            {f[0].as<long long>(), f[1].as<std::string>(), fromMicros(f[2].as<long long>())});
    return p;
}

std::string hex(const unsigned char* data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

template <std::size_t N> std::array<std::uint8_t, N> fromHex(const std::string& text)
{
    std::array<std::uint8_t, N> out{};
    std::size_t written = 0;
    sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &written, nullptr);
    return out;
}

void audit(Tx& tx, const domain::BookingId& booking, const char* kind,
           const std::optional<domain::UserId>& actor, const json::object& detail,
           Clock::TimePoint now)
{
    const auto who = nullableId(actor);
    tx.w.exec_prepared(kAudit.name, booking.toString(), kind, nullable(who),
                       json::serialize(detail), toSql(now));
}
} // namespace

void inTransaction(Session& s, const std::function<void(Tx&)>& effect)
{
    // No provider is called inside (what is owed to one is recorded and made after the commit),
    // so a transaction that PostgreSQL ended runs again from its start.
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work w(c);
            Tx tx{w};
            effect(tx);
            w.commit();
        },
        Rerun::Safe);
}

std::optional<BookingForPayment> lockBooking(Tx& tx, const domain::BookingId& id)
{
    const auto r = tx.w.exec_prepared(kLockBooking.name, id.toString());
    if (r.empty())
        return std::nullopt;
    BookingForPayment b;
    auto& k = b.booking;
    k.id = idFrom<domain::BookingId>(r[0][0]);
    k.event = idFrom<domain::EventId>(r[0][1]);
    k.user = idFrom<domain::UserId>(r[0][2]);
    k.status =
        domain::parseBookingStatus(r[0][3].as<std::string>()).value_or(domain::BookingStatus::Held);
    k.holdExpiresAt = fromMicros(r[0][4].as<long long>());
    k.subtotalMinor = r[0][5].as<long long>();
    k.discountMinor = r[0][6].as<long long>();
    k.totalMinor = r[0][7].as<long long>();
    k.currency = r[0][8].as<std::string>();
    k.createdAt = fromMicros(r[0][9].as<long long>());
    k.statusReason = optionalText(r[0][14]);
    b.organizer = idFrom<domain::UserId>(r[0][10]);
    b.eventStart = fromMicros(r[0][11].as<long long>());
    b.eventEnd = fromMicros(r[0][12].as<long long>());
    b.refundPolicy = optionalText(r[0][13]);
    b.eventStatus =
        domain::parseEventStatus(r[0][15].as<std::string>()).value_or(domain::EventStatus::Draft);
    return b;
}

void insertPayment(Tx& tx, const Payment& p)
{
    tx.w.exec_prepared(kInsertPayment.name, p.id.toString(), p.booking.toString(), p.provider,
                       p.method, p.amountMinor, p.currency, std::string(domain::toString(p.status)),
                       nullable(p.providerRef), nullable(p.clientSecret), p.createdBy.toString(),
                       toSql(p.createdAt),
                       p.shift ? std::optional(p.shift->toString()) : std::nullopt);
}

std::optional<Payment> findPayment(Session& s, const domain::PaymentId& id)
{
    std::optional<Payment> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = onePayment(tx, tx.exec_prepared(kFindPayment.name, id.toString()));
        },
        Rerun::Safe);
    return out;
}

std::optional<Payment> lockPayment(Tx& tx, const domain::PaymentId& id)
{
    return onePayment(tx.w, tx.w.exec_prepared(kLockPayment.name, id.toString()));
}

std::optional<std::pair<domain::BookingId, domain::PaymentId>>
bookingOfPayment(Tx& tx, const std::string& provider, const std::string& providerRef)
{
    const auto r = tx.w.exec_prepared(kBookingOfPayment.name, provider, providerRef);
    if (r.empty())
        return std::nullopt;
    return std::pair{idFrom<domain::BookingId>(r[0][0]), idFrom<domain::PaymentId>(r[0][1])};
}

std::optional<domain::Booking> readBooking(Tx& tx, const domain::BookingId& id)
{
    auto found = bookings::findIn(tx.w, id);
    return found ? std::optional(std::move(found->booking)) : std::nullopt;
}

void setPaymentStatus(Tx& tx, const domain::PaymentId& id, domain::PaymentStatus status,
                      const std::optional<std::string>& failureCode, Clock::TimePoint now)
{
    tx.w.exec_prepared(kSetPaymentStatus.name, id.toString(), std::string(domain::toString(status)),
                       nullable(failureCode), toSql(now));
}

void recordRefund(Tx& tx, const Payment& p, long long amountMinor, const std::string& providerKey,
                  const std::string& reason, const std::optional<domain::UserId>& actor,
                  Clock::TimePoint now)
{
    const auto who = nullableId(actor);
    tx.w.exec_prepared(kInsertRefund.name, p.id.toString(), amountMinor, providerKey, reason,
                       nullable(who), toSql(now));
    tx.w.exec_prepared(kAddRefunded.name, p.id.toString(), amountMinor, toSql(now));
    audit(tx, p.booking, "refunded", actor,
          {{"payment_id", p.id.toString()},
           {"amount_minor", amountMinor},
           {"currency", p.currency},
           {"reason", reason}},
          now);
}

void recordPaymentEvent(Tx& tx, const Payment& p, const std::string& kind,
                        const std::optional<domain::UserId>& actor, Clock::TimePoint now)
{
    audit(tx, p.booking, kind.c_str(), actor,
          {{"payment_id", p.id.toString()},
           {"amount_minor", p.amountMinor},
           {"currency", p.currency},
           {"method", p.method},
           {"provider", p.provider}},
          now);
    // The buyer hears of a payment that failed (API.md "Notifications"), once per payment.
    if (kind == "payment_failed")
        notifications::enqueueForBooking(
            tx.w, p.booking, domain::NotificationKind::PaymentFailed,
            "payment_failed:" + p.id.toString(),
            json::serialize(json::object{{"booking_id", p.booking.toString()},
                                         {"payment_id", p.id.toString()},
                                         {"amount", domain::formatMoney(p.amountMinor, p.currency)},
                                         {"currency", p.currency}}),
            now);
}

bool firstDelivery(Tx& tx, const std::string& provider, const std::string& eventId,
                   const std::string& type, Clock::TimePoint now)
{
    return !tx.w.exec_prepared(kFirstDelivery.name, provider, eventId, type, toSql(now)).empty();
}

domain::SigningKey currentKey(Tx& tx, const domain::EventId& event, Clock::TimePoint now)
{
    const auto r = tx.w.exec_prepared(kCurrentKey.name, event.toString());
    if (!r.empty()) {
        // libsodium's secret key is the seed followed by the public key.
        const auto secret = fromHex<64>(r[0][0].as<std::string>());
        std::array<std::uint8_t, 32> seed{};
        std::copy_n(secret.begin(), 32, seed.begin());
        return domain::SigningKey::fromSeed(seed);
    }
    const auto key = domain::SigningKey::generate();
    tx.w.exec_prepared(kInsertKey.name, domain::keyIdHex(key.keyId()), event.toString(),
                       hex(key.publicKey.data(), key.publicKey.size()),
                       hex(key.secretKey.data(), key.secretKey.size()), toSql(now));
    return key;
}

std::vector<PublicKey> publicKeys(Session& s, const domain::EventId& event)
{
    std::vector<PublicKey> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kPublicKeys.name, event.toString()))
                out.push_back({r[1].as<std::string>(), r[0].as<std::string>(),
                               fromMicros(r[2].as<long long>()), optionalTime(r[3])});
        },
        Rerun::Safe);
    return out;
}

void rotateKey(Session& s, const domain::EventId& event, Clock::TimePoint now)
{
    inTransaction(s, [&](Tx& tx) {
        tx.w.exec_prepared(kRetireKeys.name, event.toString(), toSql(now));
        currentKey(tx, event, now); // none left unretired: a new one
    });
}

ConfirmOutcome confirm(Tx& tx, const BookingForPayment& b, const domain::PaymentId& payment,
                       const domain::SigningKey& key, Clock::TimePoint now)
{
    using B = domain::BookingStatus;
    if (b.booking.status == B::Confirmed)
        return ConfirmOutcome::AlreadyConfirmed;
    if (b.booking.status == B::Cancelled || b.booking.status == B::Refunded)
        return ConfirmOutcome::NotConfirmable;
    const auto id = b.booking.id.toString();
    tx.w.exec("SAVEPOINT sell");
    const auto sold = tx.w.exec_prepared(kSellUnits.name, id, toSql(now));
    if (sold.empty() || static_cast<long long>(sold.size()) != sold[0][4].as<long long>()) {
        tx.w.exec("ROLLBACK TO SAVEPOINT sell");
        return ConfirmOutcome::SeatsGone;
    }
    tx.w.exec("RELEASE SAVEPOINT sell");

    std::vector<long long> units;
    std::map<std::pair<std::string, std::string>, int> moves; // (tier, from) -> n
    for (const auto& r : sold) {
        units.push_back(r[0].as<long long>());
        ++moves[{r[1].as<std::string>(), r[3].as<std::string>()}];
    }
    json::array moveList;
    for (const auto& [k, n] : moves)
        moveList.push_back(
            json::object{{"tier_id", k.first}, {"from", k.second}, {"to", "sold"}, {"n", n}});
    tx.w.exec_prepared(kOutboxSold.name, b.booking.event.toString(), numberArray(units),
                       json::serialize(moveList));
    tx.w.exec_prepared(kConfirmBooking.name, id, toSql(now));
    waitlist::claimed(tx.w, id, now); // an offer from the waitlist, paid
    audit(tx, b.booking.id, "confirmed", std::nullopt,
          {{"payment_id", payment.toString()}, {"units", sold.size()}}, now);

    const auto keyId = domain::keyIdHex(key.keyId());
    for (const auto& r : sold) {
        const auto claims = domain::ticketClaims(
            domain::TicketId::generate(), b.booking.event, idFrom<domain::TierId>(r[1]),
            r[2].is_null() ? std::nullopt : std::optional(idFrom<domain::SeatId>(r[2])), now,
            b.eventEnd);
        const auto credential = domain::signCredential(claims, key);
        const std::optional<std::string> seat =
            claims.seat ? std::optional(claims.seat->toString()) : std::nullopt;
        tx.w.exec_prepared(kInsertTicket.name, claims.ticket.toString(), id,
                           b.booking.event.toString(), r[0].as<long long>(), claims.tier.toString(),
                           nullable(seat), credential, keyId, toSql(now));
    }
    // The e-tickets by mail, in the transaction that issued them (the sender renders the QR
    // codes and the PDF from the booking).
    notifications::enqueueForBooking(
        tx.w, b.booking.id, domain::NotificationKind::BookingConfirmed, "booking_confirmed:" + id,
        json::serialize(json::object{{"booking_id", id}, {"event_id", b.booking.event.toString()}}),
        now);
    return ConfirmOutcome::Confirmed;
}

void setStatusReason(Tx& tx, const domain::BookingId& id, const std::string& reason,
                     Clock::TimePoint now)
{
    tx.w.exec_prepared(kSetReason.name, id.toString(), reason, toSql(now));
}

void cancelConfirmed(Tx& tx, const BookingForPayment& b, bool refunded,
                     const std::optional<domain::UserId>& actor, Clock::TimePoint now)
{
    const auto id = b.booking.id.toString();
    std::vector<long long> units;
    for (const auto& r : tx.w.exec_prepared(kReleaseSold.name, id))
        units.push_back(r[0].as<long long>());
    bookings::outboxUnits(tx.w, b.booking.event.toString(), units, "sold");
    tx.w.exec_prepared(kRevokeTickets.name, id, toSql(now));
    tx.w.exec_prepared(kSetBookingStatus.name, id, std::string(refunded ? "refunded" : "cancelled"),
                       toSql(now));
    if (b.eventStatus != domain::EventStatus::Cancelled) // the units, to whoever waits for them
        waitlist::offerFreed(tx.w, b.booking.event.toString(), now);
    audit(tx, b.booking.id, "cancelled", actor, {{"units", units.size()}, {"refunded", refunded}},
          now);
    // The buyer hears of it: the event's cancellation, or the booking's (with what is refunded).
    const bool eventCancelled = b.eventStatus == domain::EventStatus::Cancelled;
    const auto kind = eventCancelled ? domain::NotificationKind::EventCancelled
                      : refunded     ? domain::NotificationKind::BookingRefunded
                                     : domain::NotificationKind::BookingCancelled;
    notifications::enqueueForBooking(
        tx.w, b.booking.id, kind, std::string(domain::toString(kind)) + ":" + id,
        json::serialize(json::object{
            {"booking_id", id}, {"event_id", b.booking.event.toString()}, {"refunded", refunded}}),
        now);
}

std::vector<domain::PaymentId> stalePayments(Session& s, Clock::TimePoint olderThan, int limit)
{
    std::vector<domain::PaymentId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kStalePayments.name, toSql(olderThan), limit))
                out.push_back(idFrom<domain::PaymentId>(r[0]));
        },
        Rerun::Safe);
    return out;
}

void setProviderIntent(Tx& tx, const domain::PaymentId& id, const std::string& providerRef,
                       const std::optional<std::string>& clientSecret, Clock::TimePoint now)
{
    tx.w.exec_prepared(kSetProviderIntent.name, id.toString(), providerRef, nullable(clientSecret),
                       toSql(now));
}

void cancelPayment(Tx& tx, const domain::PaymentId& id, Clock::TimePoint now)
{
    tx.w.exec_prepared(kCancelPayment.name, id.toString(), toSql(now));
}

std::vector<domain::PaymentId> unansweredIntents(Session& s, Clock::TimePoint olderThan, int limit)
{
    std::vector<domain::PaymentId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kUnansweredIntents.name, toSql(olderThan), limit))
                out.push_back(idFrom<domain::PaymentId>(r[0]));
        },
        Rerun::Safe);
    return out;
}

namespace {
std::vector<OwedCall> owedFrom(const pqxx::result& result)
{
    std::vector<OwedCall> out;
    for (const auto& r : result) {
        OwedCall call;
        call.kind =
            r[0].as<std::string>() == "refund" ? OwedCall::Kind::Refund : OwedCall::Kind::Cancel;
        call.payment = idFrom<domain::PaymentId>(r[1]);
        call.booking = idFrom<domain::BookingId>(r[2]);
        call.provider = r[3].as<std::string>();
        call.providerRef = r[4].as<std::string>();
        call.refundId = r[5].as<long long>();
        call.amountMinor = r[6].as<long long>();
        call.key = r[7].is_null() ? std::string() : r[7].as<std::string>();
        out.push_back(std::move(call));
    }
    return out;
}
} // namespace

std::vector<OwedCall> owedCalls(Session& s, const std::vector<domain::PaymentId>& payments)
{
    std::vector<OwedCall> out;
    if (payments.empty())
        return out;
    std::vector<std::string> ids;
    for (const auto& p : payments)
        ids.push_back(p.toString());
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = owedFrom(tx.exec_prepared(kOwedCalls.name, textArray(ids)));
        },
        Rerun::Safe);
    return out;
}

std::vector<OwedCall> staleOwedCalls(Session& s, Clock::TimePoint olderThan, int limit)
{
    std::vector<OwedCall> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            out = owedFrom(tx.exec_prepared(kStaleOwedCalls.name, toSql(olderThan), limit));
        },
        Rerun::Safe);
    return out;
}

void callMade(Session& s, const OwedCall& call, const std::string& providerRef,
              Clock::TimePoint now)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work w(c);
            if (call.kind == OwedCall::Kind::Refund)
                w.exec_prepared(kRefundMade.name, call.refundId, providerRef, toSql(now));
            else
                w.exec_prepared(kCancelTold.name, call.payment.toString());
            w.commit();
        },
        Rerun::Safe);
}

void callFailed(Session& s, const OwedCall& call, Clock::TimePoint now)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work w(c);
            if (call.kind == OwedCall::Kind::Refund)
                w.exec_prepared(kRefundAttempted.name, call.refundId, toSql(now));
            else
                w.exec_prepared(kTouchPayment.name, call.payment.toString(), toSql(now));
            w.commit();
        },
        Rerun::Safe);
}

void touchPayment(Tx& tx, const domain::PaymentId& id, Clock::TimePoint now)
{
    tx.w.exec_prepared(kTouchPayment.name, id.toString(), toSql(now));
}

std::vector<domain::BookingId> confirmedBookings(Session& s, const domain::EventId& event)
{
    std::vector<domain::BookingId> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kConfirmedBookings.name, event.toString()))
                out.push_back(idFrom<domain::BookingId>(r[0]));
        },
        Rerun::Safe);
    return out;
}

std::vector<Payment> bookingPayments(Tx& tx, const domain::BookingId& booking)
{
    std::vector<Payment> out;
    for (const auto& r : tx.w.exec_prepared(kBookingPayments.name, booking.toString()))
        out.push_back(toPayment(r));
    return out;
}

std::vector<Payment> paidPayments(Tx& tx, const domain::BookingId& booking)
{
    std::vector<Payment> out;
    for (const auto& r : tx.w.exec_prepared(kPaidPayments.name, booking.toString()))
        out.push_back(toPayment(r));
    return out;
}

std::optional<Ticket> findTicket(Session& s, const domain::TicketId& id)
{
    std::optional<Ticket> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kFindTicket.name, id.toString());
            if (r.empty())
                return;
            Ticket t;
            t.id = idFrom<domain::TicketId>(r[0][0]);
            t.booking = idFrom<domain::BookingId>(r[0][1]);
            t.event = idFrom<domain::EventId>(r[0][2]);
            t.owner = idFrom<domain::UserId>(r[0][3]);
            t.organizer = idFrom<domain::UserId>(r[0][4]);
            if (!r[0][5].is_null())
                t.seat = idFrom<domain::SeatId>(r[0][5]);
            t.seatLabel = optionalText(r[0][6]);
            t.tierName = r[0][7].as<std::string>();
            t.status = r[0][8].as<std::string>();
            t.credential = r[0][9].as<std::string>();
            if (!r[0][10].is_null())
                t.holderUser = idFrom<domain::UserId>(r[0][10]);
            if (!r[0][11].is_null())
                t.holder = domain::Holder{r[0][11].as<std::string>(), optionalText(r[0][12])};
            out = std::move(t);
        },
        Rerun::Safe);
    return out;
}

TransferFacts transferFacts(Tx& tx, const domain::BookingId& booking)
{
    TransferFacts f;
    const auto e = tx.w.exec_prepared1(kTransferEvent.name, booking.toString());
    f.allowed = e[0].as<bool>();
    f.until = optionalTime(e[1]);
    f.start = fromMicros(e[2].as<long long>());
    f.end = fromMicros(e[3].as<long long>());
    f.title = e[4].as<std::string>();
    tx.w.exec_prepared(kLockTicketsForScans.name, booking.toString());
    for (const auto& r : tx.w.exec_prepared(kTransferTickets.name, booking.toString())) {
        TransferTicket t;
        t.id = idFrom<domain::TicketId>(r[0]);
        t.status = domain::parseTicketStatus(r[1].as<std::string>())
                       .value_or(domain::TicketStatus::Cancelled);
        t.tier = idFrom<domain::TierId>(r[2]);
        if (!r[3].is_null())
            t.seat = idFrom<domain::SeatId>(r[3]);
        t.unit = r[4].as<long long>();
        f.tickets.push_back(t);
    }
    return f;
}

Recipient recipientFor(Tx& tx, const std::string& email, const std::string& emailKey,
                       Clock::TimePoint now)
{
    (void)now;
    const bool created = tx.w.exec_prepared(kRecipientInsert.name,
                                            domain::Uuid::generateV7().toString(), email, emailKey)
                             .affected_rows() == 1;
    const auto r = tx.w.exec_prepared1(kRecipient.name, emailKey);
    return Recipient{idFrom<domain::UserId>(r[0]), r[1].as<std::string>(), optionalText(r[2]),
                     r[3].as<std::string>(), created};
}

void replaceTicket(Tx& tx, const domain::BookingId& booking, const domain::EventId& event,
                   const TransferTicket& old, const domain::TicketId& fresh,
                   const std::string& credential, const std::string& keyIdHex, const Recipient& to,
                   Clock::TimePoint now)
{
    const std::optional<std::string> seat =
        old.seat ? std::optional(old.seat->toString()) : std::nullopt;
    // The new one first: the old one names it.
    tx.w.exec_prepared(kInsertHeldTicket.name, fresh.toString(), booking.toString(),
                       event.toString(), old.unit, old.tier.toString(), seat, credential, keyIdHex,
                       toSql(now), to.id.toString(), to.email, to.name);
    tx.w.exec_prepared(kTransferOld.name, old.id.toString(), toSql(now), fresh.toString());
}

void tellReceiver(Tx& tx, const domain::Booking& booking, const std::string& eventTitle,
                  const Recipient& to, const std::vector<domain::TicketId>& tickets,
                  const std::optional<std::string>& passwordToken,
                  const std::string& passwordTokenHash, Clock::TimePoint linkExpires,
                  Clock::TimePoint now)
{
    json::array ids;
    for (const auto& id : tickets)
        ids.emplace_back(id.toString());
    json::object payload{{"booking_id", booking.id.toString()},
                         {"event_id", booking.event.toString()},
                         {"event_title", eventTitle},
                         {"ticket_ids", std::move(ids)}};
    if (passwordToken) {
        accounts::addPasswordReset(tx.w, to.id, passwordTokenHash, now, linkExpires);
        payload["password_token"] = *passwordToken;
        payload["password_link_expires_at"] = domain::formatTimestamp(linkExpires);
    }
    notifications::Outgoing mail;
    mail.kind = domain::NotificationKind::TicketsReceived;
    mail.user = to.id;
    mail.email = to.email;
    mail.locale = to.locale;
    mail.dedupeKey = "tickets_received:" + tickets.front().toString();
    mail.payloadJson = json::serialize(payload);
    notifications::enqueue(tx.w, mail, now);
}

void recordTransfer(Tx& tx, const domain::BookingId& booking, const domain::UserId& actor,
                    const Recipient& to, const std::vector<domain::TicketId>& given,
                    Clock::TimePoint now)
{
    json::array ids;
    for (const auto& id : given)
        ids.emplace_back(id.toString());
    audit(tx, booking, "transferred", actor,
          {{"to", to.id.toString()}, {"email", to.email}, {"tickets", std::move(ids)}}, now);
}

} // namespace ticketing::db::checkout
