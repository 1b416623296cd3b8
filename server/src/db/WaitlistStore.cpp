#include "db/WaitlistStore.h"

#include "db/Internal.h"
#include "db/NotificationStore.h"
#include "db/Pool.h"
#include "db/Sql.h"

#include <atomic>
#include <boost/json/serialize.hpp>

namespace ticketing::db::waitlist {

namespace {
std::atomic<long long> g_offerSeconds{900};

#define ENTRY_COLUMNS                                                                              \
    "w.id, w.event_id, w.tier_id, w.user_id, w.quantity, w.status, "                               \
    "CASE WHEN w.status = 'waiting' THEN (SELECT count(*) FROM waitlist_entries o "                \
    "WHERE o.tier_id = w.tier_id AND o.status = 'waiting' AND o.seq <= w.seq) ELSE 0 END, "        \
    "w.booking_id, (extract(epoch from w.offer_expires_at) * 1000000)::bigint, "                   \
    "(extract(epoch from w.created_at) * 1000000)::bigint"
const Statement kTierFree{"waitlist.tier_free", R"sql(
    SELECT (SELECT count(*) FROM inventory_units u WHERE u.tier_id = t.id AND u.status = 'available')
    FROM ticket_tiers t JOIN events e ON e.id = t.event_id
    WHERE t.id = $2::uuid AND t.event_id = $1::uuid AND e.status = 'published')sql"};
const Statement kJoin{"waitlist.join", R"sql(
    INSERT INTO waitlist_entries (id, event_id, tier_id, user_id, quantity, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6::timestamptz, $6::timestamptz)
    ON CONFLICT DO NOTHING)sql"};
const Statement kEntry{"waitlist.entry",
                       "SELECT " ENTRY_COLUMNS " FROM waitlist_entries w WHERE w.id = $1::uuid"};
const Statement kMine{"waitlist.mine", "SELECT " ENTRY_COLUMNS R"sql(
    FROM waitlist_entries w
    WHERE w.user_id = $1::uuid AND (w.status IN ('waiting', 'offered') OR w.updated_at > $2::timestamptz)
    ORDER BY w.created_at DESC LIMIT 200)sql"};
const Statement kForEvent{"waitlist.for_event", "SELECT " ENTRY_COLUMNS R"sql(
    FROM waitlist_entries w WHERE w.event_id = $1::uuid ORDER BY w.seq LIMIT 5000)sql"};
#undef ENTRY_COLUMNS
const Statement kLeave{"waitlist.leave", R"sql(
    UPDATE waitlist_entries SET status = 'left', updated_at = $3::timestamptz
    WHERE id = $1::uuid AND user_id = $2::uuid AND status IN ('waiting', 'offered')
    RETURNING booking_id)sql"};
// Offers whose hold ended (expired, released, cancelled) lapse.
const Statement kLapse{"waitlist.lapse", R"sql(
    UPDATE waitlist_entries w SET status = 'lapsed', updated_at = $2::timestamptz
    FROM bookings b
    WHERE w.event_id = $1::uuid AND w.status = 'offered' AND b.id = w.booking_id
      AND b.status IN ('expired', 'cancelled', 'refunded'))sql"};
// The tiers of the event with people waiting, and each one's free units.
const Statement kWaitingTiers{"waitlist.waiting_tiers", R"sql(
    SELECT t.id, t.price_minor, e.currency,
           (SELECT count(*) FROM inventory_units u WHERE u.tier_id = t.id AND u.status = 'available')
    FROM ticket_tiers t JOIN events e ON e.id = t.event_id
    WHERE t.event_id = $1::uuid AND e.status = 'published'
      AND EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.tier_id = t.id AND w.status = 'waiting'))sql"};
// The first waiting entry of the tier that `$2` free units can serve, locked.
const Statement kFirstServed{"waitlist.first_served", R"sql(
    SELECT id, user_id, quantity FROM waitlist_entries
    WHERE tier_id = $1::uuid AND status = 'waiting' AND quantity <= $2
    ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)sql"};
// The offer: units of the tier held for the entrant, in a booking of theirs.
const Statement kOffer{"waitlist.offer", R"sql(
    WITH picked AS (
        SELECT id, seat_id FROM inventory_units
        WHERE tier_id = $3::uuid AND status = 'available' ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED),
    enough AS (SELECT count(*) = $4 AS ok FROM picked),
    booking AS (
        INSERT INTO bookings (id, event_id, user_id, status, hold_expires_at, currency, subtotal_minor, discount_minor,
                              total_minor, created_at, updated_at, units, split)
        SELECT $1::uuid, $2::uuid, $5::uuid, 'held', $7::timestamptz, $8, $6 * $4, 0, $6 * $4, $9::timestamptz,
               $9::timestamptz, $4, false
        FROM enough WHERE ok
        RETURNING id),
    held AS (
        UPDATE inventory_units u SET status = 'held', booking_id = $1::uuid, hold_expires_at = $7::timestamptz
        FROM picked p, enough WHERE enough.ok AND u.id = p.id
        RETURNING u.id, u.seat_id),
    items AS (
        INSERT INTO booking_items (booking_id, unit_id, tier_id, seat_id, price_minor)
        SELECT $1::uuid, h.id, $3::uuid, h.seat_id, $6 FROM held h JOIN booking b ON true)
    SELECT id FROM held)sql"};
const Statement kOffered{"waitlist.offered", R"sql(
    UPDATE waitlist_entries SET status = 'offered', booking_id = $2::uuid, offer_expires_at = $3::timestamptz,
           updated_at = $4::timestamptz
    WHERE id = $1::uuid)sql"};
const Statement kOfferAudit{"waitlist.offer_audit", R"sql(
    INSERT INTO booking_events (booking_id, event_id, kind, actor_id, detail, at)
    VALUES ($1::uuid, $2::uuid, 'held', NULL, jsonb_build_object('waitlist_entry', $3::text, 'units', $4::int),
            $5::timestamptz))sql"};
const Statement kClaimed{"waitlist.claimed", R"sql(
    UPDATE waitlist_entries SET status = 'claimed', updated_at = $2::timestamptz
    WHERE booking_id = $1::uuid AND status = 'offered')sql"};

domain::WaitlistEntry toEntry(const pqxx::row& r)
{
    domain::WaitlistEntry e;
    e.id = *domain::Uuid::parse(r[0].as<std::string>());
    e.event = idFrom<domain::EventId>(r[1]);
    e.tier = idFrom<domain::TierId>(r[2]);
    e.user = idFrom<domain::UserId>(r[3]);
    e.quantity = r[4].as<int>();
    e.status = domain::parseWaitlistStatus(r[5].as<std::string>())
                   .value_or(domain::WaitlistStatus::Waiting);
    e.position = r[6].as<int>();
    if (!r[7].is_null())
        e.booking = idFrom<domain::BookingId>(r[7]);
    e.offerExpiresAt = optionalTime(r[8]);
    e.createdAt = fromMicros(r[9].as<long long>());
    return e;
}
} // namespace

void setOfferDuration(std::chrono::seconds duration)
{
    g_offerSeconds = duration.count();
}

std::chrono::seconds offerDuration()
{
    return std::chrono::seconds(g_offerSeconds.load());
}

Joined join(Session& s, const domain::EventId& event, const domain::WaitlistRequest& request,
            const domain::UserId& user, domain::Clock::TimePoint now)
{
    Joined out;
    s.run([&](pqxx::connection_base& c) {
        out = {};
        pqxx::work tx(c);
        const auto free =
            tx.exec_prepared(kTierFree.name, event.toString(), request.tier.toString());
        if (free.empty()) {
            out.outcome = Joined::Outcome::UnknownTier;
            return;
        }
        if (const auto n = free[0][0].as<int>(); n > 0) {
            out.outcome = Joined::Outcome::NotSoldOut;
            out.available = n;
            return;
        }
        const auto id = domain::Uuid::generateV7();
        if (tx.exec_prepared(kJoin.name, id.toString(), event.toString(), request.tier.toString(),
                             user.toString(), request.quantity, toSql(now))
                .affected_rows() == 0) {
            out.outcome = Joined::Outcome::AlreadyWaiting;
            return;
        }
        out.entry = toEntry(tx.exec_prepared1(kEntry.name, id.toString()));
        tx.commit();
    });
    return out;
}

std::vector<domain::WaitlistEntry> mine(Session& s, const domain::UserId& user)
{
    std::vector<domain::WaitlistEntry> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        const auto since = domain::SystemClock::instance().now() - std::chrono::hours(24 * 30);
        for (const auto& r : tx.exec_prepared(kMine.name, user.toString(), toSql(since)))
            out.push_back(toEntry(r));
    });
    return out;
}

std::vector<domain::WaitlistEntry> forEvent(Session& s, const domain::EventId& event)
{
    std::vector<domain::WaitlistEntry> out;
    s.run([&](pqxx::connection_base& c) {
        out.clear();
        pqxx::read_transaction tx(c);
        for (const auto& r : tx.exec_prepared(kForEvent.name, event.toString()))
            out.push_back(toEntry(r));
    });
    return out;
}

Left leave(Session& s, const domain::Uuid& entry, const domain::UserId& user,
           domain::Clock::TimePoint now)
{
    Left out;
    s.run([&](pqxx::connection_base& c) {
        out = {};
        pqxx::work tx(c);
        const auto r = tx.exec_prepared(kLeave.name, entry.toString(), user.toString(), toSql(now));
        if (r.empty())
            return;
        out.done = true;
        if (!r[0][0].is_null())
            out.offeredBooking = idFrom<domain::BookingId>(r[0][0]);
        tx.commit();
    });
    return out;
}

int offerFreed(pqxx::transaction_base& tx, const std::string& event, domain::Clock::TimePoint now)
{
    tx.exec_prepared(kLapse.name, event, toSql(now));
    int offers = 0;
    const auto expires = now + offerDuration();
    for (const auto& tier : tx.exec_prepared(kWaitingTiers.name, event)) {
        const auto tierId = tier[0].as<std::string>();
        const auto price = tier[1].as<long long>();
        const auto currency = tier[2].as<std::string>();
        int free = tier[3].as<int>();
        while (free > 0) {
            const auto first = tx.exec_prepared(kFirstServed.name, tierId, free);
            if (first.empty())
                break;
            const auto entry = first[0][0].as<std::string>();
            const auto user = first[0][1].as<std::string>();
            const int quantity = first[0][2].as<int>();
            const auto booking = domain::BookingId::generate().toString();
            std::vector<long long> units;
            for (const auto& u :
                 tx.exec_prepared(kOffer.name, booking, event, tierId, quantity, user, price,
                                  toSql(expires), currency, toSql(now)))
                units.push_back(u[0].as<long long>());
            if (static_cast<int>(units.size()) != quantity)
                break; // others have them in hand: the next freeing tries again
            tx.exec_prepared(kOffered.name, entry, booking, toSql(expires), toSql(now));
            tx.exec_prepared(kOfferAudit.name, booking, event, entry, quantity, toSql(now));
            bookings::outboxUnits(tx, event, units, "available");
            // The entrant hears of it: the claim link and the deadline.
            notifications::enqueueForBooking(tx, *domain::BookingId::parse(booking),
                                             domain::NotificationKind::WaitlistOffer,
                                             "waitlist_offer:" + entry + ":" + booking,
                                             boost::json::serialize(boost::json::object{
                                                 {"booking_id", booking},
                                                 {"event_id", event},
                                                 {"entry_id", entry},
                                                 {"expires_at", domain::formatTimestamp(expires)}}),
                                             now);
            free -= quantity;
            ++offers;
        }
    }
    return offers;
}

void claimed(pqxx::transaction_base& tx, const std::string& booking, domain::Clock::TimePoint now)
{
    tx.exec_prepared(kClaimed.name, booking, toSql(now));
}

} // namespace ticketing::db::waitlist
