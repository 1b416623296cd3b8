#include "db/VenueStore.h"

#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::venues {

namespace {
const Statement kInsert{"venues.insert", R"sql(
    INSERT INTO venues (id, organizer_id, name, city, total_capacity, document, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz))sql"};
const Statement kUpdate{"venues.update", R"sql(
    UPDATE venues SET name = $2, city = $3, total_capacity = $4, document = $5, updated_at = $6::timestamptz
    WHERE id = $1::uuid)sql"};
const Statement kFind{"venues.find",
                      "SELECT organizer_id, document FROM venues WHERE id = $1::uuid"};
const Statement kList{"venues.list", R"sql(
    SELECT id, document FROM venues
    WHERE ($1::uuid IS NULL OR organizer_id = $1::uuid) AND ($2::uuid IS NULL OR id > $2::uuid)
    ORDER BY id LIMIT $3)sql"};
const Statement kSectionIds{"venues.section_ids",
                            "SELECT key, id FROM venue_sections WHERE venue_id = $1::uuid"};
const Statement kSeatIds{"venues.seat_ids", R"sql(
    SELECT s.key || '/' || t.row_label || '/' || t.number, t.id
    FROM venue_seats t JOIN venue_sections s ON s.id = t.section_id WHERE t.venue_id = $1::uuid)sql"};
const Statement kDeleteSeats{"venues.delete_seats",
                             "DELETE FROM venue_seats WHERE venue_id = $1::uuid"};
const Statement kDeleteSections{"venues.delete_sections",
                                "DELETE FROM venue_sections WHERE venue_id = $1::uuid"};
// Filled in by the events migration's table; until events exist nothing is in use.
const Statement kInUse{"venues.in_use", R"sql(
    SELECT EXISTS (SELECT 1 FROM events WHERE venue_id = $1::uuid AND status = 'published'))sql"};

void writeRows(pqxx::work& tx, const VenueRow& v)
{
    const auto venueId = v.id.toString();
    {
        pqxx::stream_to sections(
            tx, "venue_sections",
            std::vector<std::string>{"id", "venue_id", "key", "name", "kind", "capacity"});
        for (const auto& s : v.seatMap->sections)
            sections << std::make_tuple(
                s.id->toString(), venueId, s.key, s.name,
                std::string(s.kind == domain::SectionKind::Seated ? "seated" : "standing"),
                s.placeCount());
        sections.complete();
    }
    pqxx::stream_to seats(tx, "venue_seats",
                          std::vector<std::string>{"id", "venue_id", "section_id", "row_label",
                                                   "number", "label", "accessible"});
    for (const auto& s : v.seatMap->sections) {
        const auto sectionId = s.id->toString();
        for (const auto& row : s.rows)
            for (const auto& seat : row.seats)
                seats << std::make_tuple(seat.id->toString(), venueId, sectionId, row.label,
                                         seat.number, domain::seatLabel(s, row, seat),
                                         seat.accessible);
    }
    seats.complete();
}
} // namespace

void insert(Session& s, const VenueRow& v, domain::Clock::TimePoint now)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kInsert.name, v.id.toString(), v.organizer.toString(), v.name, v.city,
                             v.totalCapacity, v.document, toSql(now));
            writeRows(tx, v);
            tx.commit();
        },
        Rerun::Safe);
}

void replace(Session& s, const VenueRow& v, domain::Clock::TimePoint now)
{
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::work tx(c);
            tx.exec_prepared(kUpdate.name, v.id.toString(), v.name, v.city, v.totalCapacity,
                             v.document, toSql(now));
            tx.exec_prepared(kDeleteSeats.name, v.id.toString());
            tx.exec_prepared(kDeleteSections.name, v.id.toString());
            writeRows(tx, v);
            tx.commit();
        },
        Rerun::Safe);
}

ExistingIds existingIds(Session& s, const domain::VenueId& id)
{
    ExistingIds out;
    s.run(
        [&](pqxx::connection_base& c) {
            out = {};
            pqxx::read_transaction tx(c);
            for (const auto& r : tx.exec_prepared(kSectionIds.name, id.toString()))
                out.sections.emplace_back(r[0].as<std::string>(), idFrom<domain::SectionId>(r[1]));
            for (const auto& r : tx.exec_prepared(kSeatIds.name, id.toString()))
                out.seats.emplace_back(r[0].as<std::string>(), idFrom<domain::SeatId>(r[1]));
        },
        Rerun::Safe);
    return out;
}

std::optional<Stored> find(Session& s, const domain::VenueId& id)
{
    std::optional<Stored> out;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            const auto r = tx.exec_prepared(kFind.name, id.toString());
            if (!r.empty())
                out = Stored{idFrom<domain::UserId>(r[0][0]), r[0][1].as<std::string>()};
        },
        Rerun::Safe);
    return out;
}

std::vector<std::string> listDocuments(Session& s, const std::optional<domain::UserId>& organizer,
                                       const std::optional<domain::VenueId>& after, int limit,
                                       std::vector<domain::VenueId>* ids)
{
    std::vector<std::string> out;
    s.run(
        [&](pqxx::connection_base& c) {
            out.clear();
            if (ids)
                ids->clear();
            pqxx::read_transaction tx(c);
            const std::optional<std::string> org =
                organizer ? std::optional(organizer->toString()) : std::nullopt;
            const std::optional<std::string> aft =
                after ? std::optional(after->toString()) : std::nullopt;
            for (const auto& r :
                 tx.exec_prepared(kList.name, nullable(org), nullable(aft), limit)) {
                if (ids)
                    ids->push_back(idFrom<domain::VenueId>(r[0]));
                out.push_back(r[1].as<std::string>());
            }
        },
        Rerun::Safe);
    return out;
}

bool inUse(Session& s, const domain::VenueId& id)
{
    bool used = false;
    s.run(
        [&](pqxx::connection_base& c) {
            pqxx::read_transaction tx(c);
            used = tx.exec_prepared1(kInUse.name, id.toString())[0].as<bool>();
        },
        Rerun::Safe);
    return used;
}

} // namespace ticketing::db::venues
