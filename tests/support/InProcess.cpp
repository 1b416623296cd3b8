#include "support/InProcess.h"

#include "db/Migrations.h"
#include "domain/Codec.h"
#include "domain/Venue.h"
#include "services/EventService.h"
#include "services/HoldService.h"
#include "services/VenueService.h"

#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <stdexcept>

namespace ticketing::test {

namespace json = boost::json;

namespace {
json::value hall(int seats, int standing)
{
    json::array row;
    for (int n = 1; n <= seats; ++n)
        row.push_back({{"number", n}, {"x", 1.0 * n}, {"y", 0.0}});
    return {{"name", "Hall"},
            {"address", "1 Road"},
            {"city", "Leeds"},
            {"country", "GB"},
            {"latitude", 53.8},
            {"longitude", -1.5},
            {"timezone", "Europe/London"},
            {"seat_map",
             {{"sections",
               json::array{{{"key", "MAIN"},
                            {"name", "Stalls"},
                            {"kind", "seated"},
                            {"rows", json::array{{{"label", "A"}, {"seats", std::move(row)}}}}},
                           {{"key", "FLOOR"},
                            {"name", "Floor"},
                            {"kind", "standing"},
                            {"capacity", standing}}}}}}};
}

template <class T> T orThrow(domain::Result<T, domain::Problem> r, const char* what)
{
    if (!r.ok())
        throw std::runtime_error(std::string(what) + ": " + r.error().detail());
    return std::move(r).value();
}
} // namespace

InProcess::InProcess() : m_db(std::make_unique<TestDatabase>())
{
    db::migrate(m_db->url(), db::builtinMigrations());
    m_session = std::make_unique<db::Session>(m_db->url());
    m_scope = std::make_unique<db::SessionScope>(*m_session);
    m_redis = std::make_unique<cache::Redis>(
        cache::Redis::Options{"unix:///nonexistent/redis.sock", 1, std::chrono::milliseconds(50),
                              std::chrono::milliseconds(1000)});
    m_venues = std::make_unique<services::VenueService>(clock);
    m_events = std::make_unique<services::EventService>(clock);
    m_holds = std::make_unique<services::HoldService>(*m_redis, clock, kHoldTtl);
}

InProcess::~InProcess()
{
    m_holds.reset();
    m_events.reset();
    m_venues.reset();
    m_redis.reset();
    m_scope.reset();
    m_session.reset();
    m_db.reset();
}

services::Caller InProcess::addUser(const std::string& email, domain::Role role)
{
    pqxx::connection c(m_db->url());
    pqxx::work tx(c);
    const auto id = domain::UserId::generate();
    tx.exec_params("INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, "
                   "role) VALUES ($1::uuid, $2, $2, 'x', 'Test', 'User', $3)",
                   id.toString(), email, std::string(domain::toString(role)));
    tx.commit();
    return {id, role};
}

InProcess::Sale InProcess::openSale(const services::Caller& organizer, int seats, int standing,
                                    int floorQuantity)
{
    auto venueInput = domain::decode<domain::VenueInput>(hall(seats, standing));
    if (!venueInput.ok())
        throw std::runtime_error("the test hall does not read as a venue");
    const auto venue = domain::decodeText<domain::Venue>(
        orThrow(m_venues->create(organizer, std::move(venueInput).value()), "venue"));
    if (!venue.ok())
        throw std::runtime_error("the venue's document does not read back");
    const json::object input{
        {"venue_id", venue->id.toString()},
        {"title", "In process"},
        {"description", ""},
        {"genre", "music"},
        {"start_time", domain::formatTimestamp(clock.now() + std::chrono::hours(24 * 30))},
        {"end_time", domain::formatTimestamp(clock.now() + std::chrono::hours(24 * 30 + 3))},
        {"currency", "GBP"},
        {"tiers", json::array{json::object{{"name", "Stalls"},
                                           {"price", "40.00"},
                                           {"section_keys", json::array{"MAIN"}}},
                              json::object{{"name", "Floor"},
                                           {"price", "25.50"},
                                           {"section_key", "FLOOR"},
                                           {"quantity", floorQuantity}}}}};
    auto eventInput = domain::decode<domain::EventInput>(input);
    if (!eventInput.ok())
        throw std::runtime_error("the test event does not read");
    const auto event = orThrow(m_events->create(organizer, std::move(eventInput).value()), "event");
    Sale sale{orThrow(m_events->publish(organizer, event.id), "publish"), {}};
    for (const auto& seat : venue->details.seatMap.sections.at(0).rows.at(0).seats)
        sale.seats.push_back(*seat.id);
    return sale;
}

} // namespace ticketing::test
