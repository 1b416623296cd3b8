#include "db/EventStore.h"

#include "db/Pool.h"
#include "db/Sql.h"
#include "domain/Promo.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
namespace ticketing::db::events {

namespace {
using domain::Clock;

#define EVENT_COLUMNS                                                                              \
    "e.id, e.organizer_id, e.venue_id, e.title, e.description, e.genre, e.city, "                  \
    "(extract(epoch from e.start_time) * 1000000)::bigint, (extract(epoch from e.end_time) * "     \
    "1000000)::bigint, "                                                                           \
    "(extract(epoch from e.sale_start) * 1000000)::bigint, (extract(epoch from e.sale_end) * "     \
    "1000000)::bigint, "                                                                           \
    "e.currency, e.status, e.refund_policy::text, (extract(epoch from e.created_at) * "            \
    "1000000)::bigint, "                                                                           \
    "(extract(epoch from e.updated_at) * 1000000)::bigint, (extract(epoch from e.published_at) * " \
    "1000000)::bigint, e.group_discounts::text, e.transfers_allowed, "                             \
    "(extract(epoch from e.transfer_until) * 1000000)::bigint"

const Statement kVenueFacts{"events.venue_facts",
                            "SELECT organizer_id, city FROM venues WHERE id = $1::uuid"};
const Statement kVenueSections{
    "events.venue_sections",
    "SELECT key, kind, capacity FROM venue_sections WHERE venue_id = $1::uuid ORDER BY key"};
const Statement kInsert{"events.insert", R"sql(
    INSERT INTO events (id, organizer_id, venue_id, title, description, genre, city, start_time, end_time,
                        sale_start, sale_end, currency, status, refund_policy, created_at, updated_at,
                        group_discounts, transfers_allowed, transfer_until)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz,
            $11::timestamptz, $12, 'draft', $13::jsonb, $14::timestamptz, $14::timestamptz, $15::jsonb, $16::boolean,
            $17::timestamptz))sql"};
const Statement kInsertTier{"events.insert_tier", R"sql(
    INSERT INTO ticket_tiers (id, event_id, position, name, price_minor, kind, section_keys, quantity, quantity_total)
    VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::text[], $8, $9))sql"};
const Statement kUpdateAll{"events.update_all", R"sql(
    UPDATE events SET venue_id = $2::uuid, title = $3, description = $4, genre = $5, city = $6,
           start_time = $7::timestamptz, end_time = $8::timestamptz, sale_start = $9::timestamptz,
           sale_end = $10::timestamptz, currency = $11, refund_policy = $12::jsonb, updated_at = $13::timestamptz,
           group_discounts = $14::jsonb, transfers_allowed = $15::boolean, transfer_until = $16::timestamptz
    WHERE id = $1::uuid)sql"};
const Statement kUpdateDescriptive{"events.update_descriptive", R"sql(
    UPDATE events SET title = $2, description = $3, genre = $4, updated_at = $5::timestamptz WHERE id = $1::uuid)sql"};
const Statement kDeleteTiers{"events.delete_tiers",
                             "DELETE FROM ticket_tiers WHERE event_id = $1::uuid"};
const Statement kSeatPrices{"events.seat_prices", R"sql(
    SELECT u.seat_id, u.tier_id, t.price_minor FROM inventory_units u JOIN ticket_tiers t ON t.id = u.tier_id
    WHERE u.event_id = $1::uuid AND u.seat_id = ANY($2::uuid[]))sql"};
const Statement kTierPrice{
    "events.tier_price",
    "SELECT price_minor FROM ticket_tiers WHERE event_id = $1::uuid AND id = $2::uuid"};
const Statement kFind{"events.find",
                      "SELECT " EVENT_COLUMNS " FROM events e WHERE e.id = $1::uuid"};
const Statement kTiers{"events.tiers", R"sql(
    SELECT event_id, id, name, price_minor, kind, array_to_json(section_keys)::text, coalesce(quantity, 0), quantity_total
    FROM ticket_tiers WHERE event_id = ANY($1::uuid[]) ORDER BY event_id, position)sql"};
const Statement kList{"events.list", "SELECT " EVENT_COLUMNS R"sql( FROM events e
    WHERE (CASE WHEN $1::uuid IS NULL THEN e.status = 'published' ELSE e.organizer_id = $1::uuid END)
      AND (NOT $10::boolean OR e.status = 'published')
      AND ($2::text IS NULL OR e.title ILIKE '%' || $2 || '%')
      AND ($3::text IS NULL OR lower(e.genre) = lower($3))
      AND ($4::text IS NULL OR lower(e.city) = lower($4))
      AND ($5::timestamptz IS NULL OR e.start_time >= $5::timestamptz)
      AND ($6::timestamptz IS NULL OR e.start_time < $6::timestamptz)
      AND ($7::timestamptz IS NULL OR (e.start_time, e.id) > ($7::timestamptz, $8::uuid))
    ORDER BY e.start_time, e.id LIMIT $9)sql"};
const Statement kLockEvent{"events.lock",
                           "SELECT status, venue_id FROM events WHERE id = $1::uuid FOR UPDATE"};
// One unit per seat of each seated tier's sections, and per place of each standing tier.
const Statement kMakeSeatUnits{"events.make_seat_units", R"sql(
    INSERT INTO inventory_units (event_id, tier_id, seat_id)
    SELECT t.event_id, t.id, seat.id
    FROM ticket_tiers t
    JOIN venue_sections sec ON sec.venue_id = $2::uuid AND sec.key = ANY (t.section_keys)
    JOIN venue_seats seat ON seat.section_id = sec.id
    WHERE t.event_id = $1::uuid AND t.kind = 'seated')sql"};
const Statement kMakeStandingUnits{"events.make_standing_units", R"sql(
    INSERT INTO inventory_units (event_id, tier_id)
    SELECT t.event_id, t.id FROM ticket_tiers t, generate_series(1, t.quantity)
    WHERE t.event_id = $1::uuid AND t.kind = 'standing')sql"};
const Statement kCountTiers{"events.count_tiers", R"sql(
    UPDATE ticket_tiers t SET quantity_total = (SELECT count(*) FROM inventory_units u WHERE u.tier_id = t.id)
    WHERE t.event_id = $1::uuid)sql"};
// The live sync's counts start here (migration 0010): everything is available.
const Statement kStartCounts{"events.start_counts", R"sql(
    INSERT INTO sync_tier_counts (tier_id, event_id, available, held, sold)
    SELECT id, event_id, quantity_total, 0, 0 FROM ticket_tiers WHERE event_id = $1::uuid
    ON CONFLICT (tier_id) DO NOTHING)sql"};
const Statement kSetPublished{"events.set_published", R"sql(
    UPDATE events SET status = 'published', published_at = $2::timestamptz, updated_at = $2::timestamptz
    WHERE id = $1::uuid)sql"};
const Statement kCancel{"events.cancel", R"sql(
    UPDATE events SET status = 'cancelled', updated_at = $2::timestamptz
    WHERE id = $1::uuid AND status IN ('draft', 'published'))sql"};

std::optional<std::string> time(const std::optional<Clock::TimePoint>& t)
{
    return t ? std::optional(toSql(*t)) : std::nullopt;
}

std::string groupDiscountsJson(const EventRow& e)
{
    return boost::json::serialize(boost::json::value_from(e.groupDiscounts));
}

EventRow toEvent(const pqxx::row& r)
{
    EventRow e;
    e.id = idFrom<domain::EventId>(r[0]);
    e.organizer = idFrom<domain::UserId>(r[1]);
    e.venue = idFrom<domain::VenueId>(r[2]);
    e.title = r[3].as<std::string>();
    e.description = r[4].as<std::string>();
    e.genre = r[5].as<std::string>();
    e.city = r[6].as<std::string>();
    e.start = fromMicros(r[7].as<long long>());
    e.end = fromMicros(r[8].as<long long>());
    e.saleStart = optionalTime(r[9]);
    e.saleEnd = optionalTime(r[10]);
    e.currency = r[11].as<std::string>();
    e.status =
        domain::parseEventStatus(r[12].as<std::string>()).value_or(domain::EventStatus::Draft);
    e.refundPolicy = optionalText(r[13]);
    e.createdAt = fromMicros(r[14].as<long long>());
    e.updatedAt = fromMicros(r[15].as<long long>());
    e.publishedAt = optionalTime(r[16]);
    e.groupDiscounts = boost::json::value_to<std::vector<domain::GroupDiscount>>(
        boost::json::parse(r[17].as<std::string>()));
    e.transfersAllowed = r[18].as<bool>();
    e.transferUntil = optionalTime(r[19]);
    return e;
}

void attachTiers(pqxx::transaction_base& tx, std::vector<EventRow>& events)
{
    if (events.empty())
        return;
    std::vector<std::string> ids;
    for (const auto& e : events)
        ids.push_back(e.id.toString());
    for (const auto& r : tx.exec_prepared(kTiers.name, textArray(ids))) {
        const auto eventId = idFrom<domain::EventId>(r[0]);
        TierRow t;
        t.id = idFrom<domain::TierId>(r[1]);
        t.name = r[2].as<std::string>();
        t.priceMinor = r[3].as<long long>();
        t.kind = r[4].as<std::string>() == "standing" ? domain::SectionKind::Standing
                                                      : domain::SectionKind::Seated;
        const auto keys = boost::json::parse(r[5].as<std::string>()); // kept alive for the loop
        for (const auto& k : keys.as_array())
            t.sectionKeys.emplace_back(k.as_string());
        t.quantity = r[6].as<int>();
        t.quantityTotal = r[7].as<int>();
        for (auto& e : events)
            if (e.id == eventId)
                e.tiers.push_back(std::move(t));
    }
}

void writeTiers(pqxx::work& tx, const EventRow& e)
{
    int position = 0;
    for (const auto& t : e.tiers)
        tx.exec_prepared(
            kInsertTier.name, t.id.toString(), e.id.toString(), position++, t.name, t.priceMinor,
            std::string(t.kind == domain::SectionKind::Standing ? "standing" : "seated"),
            textArray(t.sectionKeys),
            t.kind == domain::SectionKind::Standing ? std::optional(t.quantity) : std::nullopt,
            t.quantityTotal);
}
} // namespace

std::optional<VenueFacts> venueFacts(Session& s, const domain::VenueId& venue)
{
    std::optional<VenueFacts> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::read_transaction tx(c);
            const auto v = tx.exec_prepared(kVenueFacts.name, venue.toString());
            if (v.empty())
                return;
            VenueFacts f{idFrom<domain::UserId>(v[0][0]), v[0][1].as<std::string>(), {}};
            for (const auto& r : tx.exec_prepared(kVenueSections.name, venue.toString()))
                f.sections.push_back({r[0].as<std::string>(),
                                      r[1].as<std::string>() == "standing"
                                          ? domain::SectionKind::Standing
                                          : domain::SectionKind::Seated,
                                      r[2].as<int>()});
            out = std::move(f);
        },
        Rerun::Safe);
    return out;
}

void insert(Session& s, const EventRow& e)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kInsert.name, e.id.toString(), e.organizer.toString(),
                             e.venue.toString(), e.title, e.description, e.genre, e.city,
                             toSql(e.start), toSql(e.end), nullable(time(e.saleStart)),
                             nullable(time(e.saleEnd)), e.currency, nullable(e.refundPolicy),
                             toSql(e.createdAt), groupDiscountsJson(e), e.transfersAllowed,
                             nullable(time(e.transferUntil)));
            writeTiers(tx, e);
            tx.commit();
        },
        Rerun::Safe);
}

void update(Session& s, const EventRow& e, bool descriptiveOnly)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            if (descriptiveOnly) {
                tx.exec_prepared(kUpdateDescriptive.name, e.id.toString(), e.title, e.description,
                                 e.genre, toSql(e.updatedAt));
            } else {
                tx.exec_prepared(kUpdateAll.name, e.id.toString(), e.venue.toString(), e.title,
                                 e.description, e.genre, e.city, toSql(e.start), toSql(e.end),
                                 nullable(time(e.saleStart)), nullable(time(e.saleEnd)), e.currency,
                                 nullable(e.refundPolicy), toSql(e.updatedAt),
                                 groupDiscountsJson(e), e.transfersAllowed,
                                 nullable(time(e.transferUntil)));
                tx.exec_prepared(kDeleteTiers.name, e.id.toString());
                writeTiers(tx, e);
            }
            tx.commit();
        },
        Rerun::Safe);
}

std::optional<EventRow> find(Session& s, const domain::EventId& id)
{
    std::optional<EventRow> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.reset();
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kFind.name, id.toString());
            if (r.empty())
                return;
            std::vector<EventRow> one{toEvent(r[0])};
            attachTiers(tx, one);
            out = std::move(one.front());
        },
        Rerun::Safe);
    return out;
}

std::vector<EventRow> list(Session& s, const EventFilter& f)
{
    std::vector<EventRow> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            pqxx::read_transaction tx(c);
            const std::optional<std::string> org =
                f.organizer ? std::optional(f.organizer->toString()) : std::nullopt;
            const std::optional<std::string> afterTime =
                f.after ? std::optional(toSql(f.after->first)) : std::nullopt;
            const std::optional<std::string> afterId =
                f.after ? std::optional(f.after->second.toString()) : std::nullopt;
            for (const auto& r :
                 tx.exec_prepared(kList.name, nullable(org), nullable(f.text), nullable(f.genre),
                                  nullable(f.city), nullable(time(f.from)), nullable(time(f.to)),
                                  nullable(afterTime), nullable(afterId), f.limit, f.publishedOnly))
                out.push_back(toEvent(r));
            attachTiers(tx, out);
        },
        Rerun::Safe);
    return out;
}

PublishOutcome publish(Session& s, const domain::EventId& id, Clock::TimePoint now)
{
    PublishOutcome outcome = PublishOutcome::NotFound;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            const auto r = tx.exec_prepared(kLockEvent.name, id.toString());
            if (r.empty()) {
                outcome = PublishOutcome::NotFound;
                return;
            }
            if (r[0][0].as<std::string>() != "draft") {
                outcome = PublishOutcome::NotDraft;
                return;
            }
            const auto venue = r[0][1].as<std::string>();
            tx.exec_prepared(kMakeSeatUnits.name, id.toString(), venue);
            tx.exec_prepared(kMakeStandingUnits.name, id.toString());
            tx.exec_prepared(kCountTiers.name, id.toString());
            tx.exec_prepared(kStartCounts.name, id.toString());
            tx.exec_prepared(kSetPublished.name, id.toString(), toSql(now));
            tx.commit();
            outcome = PublishOutcome::Published;
        },
        Rerun::Safe);
    return outcome;
}

bool cancel(Session& s, const domain::EventId& id, Clock::TimePoint now)
{
    bool changed = false;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            changed =
                tx.exec_prepared(kCancel.name, id.toString(), toSql(now)).affected_rows() == 1;
            tx.commit();
        },
        Rerun::Safe);
    return changed;
}

domain::Result<std::vector<domain::PricedUnit>, domain::FieldError>
pricedUnits(Session& s, const domain::HoldRequest& request)
{
    std::vector<domain::PricedUnit> units;
    std::optional<domain::FieldError> unknown;
    s.run([&](pqxx::connection_base& c) {
        units.clear();
        unknown.reset();
        pqxx::read_transaction tx(c);
        const auto event = request.event.toString();
        if (request.tier) {
            const auto r = tx.exec_prepared(kTierPrice.name, event, request.tier->toString());
            if (r.empty())
                unknown = domain::FieldError{"ticket_tier_id", "is not a tier of this event"};
            else
                units.assign(static_cast<std::size_t>(std::max(request.quantity, 0)),
                             domain::PricedUnit{*request.tier, r[0][0].as<std::int64_t>()});
            return;
        }
        std::map<domain::SeatId, domain::PricedUnit> bySeat;
        for (const auto& r : tx.exec_prepared(kSeatPrices.name, event, idArray(request.seats)))
            bySeat[idFrom<domain::SeatId>(r[0])] = {idFrom<domain::TierId>(r[1]),
                                                    r[2].as<std::int64_t>()};
        for (std::size_t i = 0; i < request.seats.size(); ++i) {
            const auto it = bySeat.find(request.seats[i]);
            if (it == bySeat.end()) {
                unknown = domain::FieldError{"seat_ids[" + std::to_string(i) + "]",
                                             "is not a seat of this event"};
                return;
            }
            units.push_back(it->second);
        }
    });
    if (unknown)
        return domain::fail(std::move(*unknown));
    return units;
}

} // namespace ticketing::db::events
