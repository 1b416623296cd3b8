// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QtTest>
// The rest.
#include "cache/Redis.h"
#include "db/BookingStore.h"
#include "db/Migrations.h"
#include "db/Pool.h"
#include "domain/Codec.h"
#include "domain/Venue.h"
#include "services/EventService.h"
#include "services/HoldService.h"
#include "services/VenueService.h"
#include "support/ManualClock.h"
#include "support/TestEnv.h"

#include <boost/json.hpp>
#include <pqxx/pqxx>

using namespace ticketing;
namespace json = boost::json;

namespace {
// A hall of one row of `seats` seats and a floor of `standing` places, sold from now on.
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

domain::UserId addUser(const std::string& url, const std::string& email, const char* role)
{
    pqxx::connection c(url);
    pqxx::work tx(c);
    const auto id = domain::UserId::generate();
    tx.exec_params("INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, "
                   "role) VALUES ($1::uuid, $2, $2, 'x', 'Test', 'User', $3)",
                   id.toString(), email, std::string(role));
    tx.commit();
    return id;
}
} // namespace

// Holds end by time, on the clock the rules are given (API.md "Bookings", DESIGN.md "Holds
// expire by time, not by a sweeper"): the services run in this process on a manual clock against
// a real PostgreSQL, so the test moves time instead of sleeping. Redis is left out on purpose
// (an address nobody serves): its keys live on the real clock, and without it the holds are
// decided by PostgreSQL alone, which is what this test is about.
class TestHoldExpiry : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<db::Session> m_session;
    std::unique_ptr<db::SessionScope> m_scope;
    std::unique_ptr<cache::Redis> m_redis;
    test::ManualClock m_clock;

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<test::TestDatabase>();
        db::migrate(m_db->url(), db::builtinMigrations());
        m_session = std::make_unique<db::Session>(m_db->url());
        m_scope = std::make_unique<db::SessionScope>(*m_session);
        m_redis = std::make_unique<cache::Redis>(
            cache::Redis::Options{"unix:///nonexistent/redis.sock", 1,
                                  std::chrono::milliseconds(50), std::chrono::milliseconds(1000)});
    }
    void cleanup()
    {
        m_redis.reset();
        m_scope.reset();
        m_session.reset();
        m_db.reset();
    }

    void holdsEndExactlyWhenTheirTimeIsUp()
    {
        const services::Caller org{addUser(m_db->url(), "org@example.com", "organizer"),
                                   domain::Role::Organizer};
        const services::Caller ann{addUser(m_db->url(), "ann@example.com", "attendee"),
                                   domain::Role::Attendee};
        const services::Caller bob{addUser(m_db->url(), "bob@example.com", "attendee"),
                                   domain::Role::Attendee};
        const services::Caller box{addUser(m_db->url(), "box@example.com", "box_office"),
                                   domain::Role::BoxOffice};
        services::VenueService venues(m_clock);
        services::EventService events(m_clock);
        const std::chrono::seconds ttl(300);
        services::HoldService holds(*m_redis, m_clock, ttl);

        auto venueInput = domain::decode<domain::VenueInput>(hall(5, 20));
        QVERIFY(venueInput.ok());
        const auto venue = venues.create(org, std::move(venueInput).value());
        QVERIFY(venue.ok());
        const auto venueDoc = domain::decodeText<domain::Venue>(*venue);
        QVERIFY(venueDoc.ok());
        const auto& seats = venueDoc->details.seatMap.sections[0].rows[0].seats;
        json::object input{
            {"venue_id", venueDoc->id.toString()},
            {"title", "Expiry"},
            {"description", ""},
            {"genre", "music"},
            {"start_time", domain::formatTimestamp(m_clock.now() + std::chrono::hours(24 * 30))},
            {"end_time", domain::formatTimestamp(m_clock.now() + std::chrono::hours(24 * 30 + 3))},
            {"currency", "GBP"},
            {"tiers", json::array{json::object{{"name", "Stalls"},
                                               {"price", "40.00"},
                                               {"section_keys", json::array{"MAIN"}}},
                                  json::object{{"name", "Floor"},
                                               {"price", "25.50"},
                                               {"section_key", "FLOOR"},
                                               {"quantity", 12}}}}};
        auto eventInput = domain::decode<domain::EventInput>(input);
        QVERIFY(eventInput.ok());
        auto event = events.create(org, std::move(eventInput).value());
        QVERIFY(event.ok());
        QVERIFY(events.publish(org, event->id).ok());
        const auto floor = event->tiers.at(1).id;

        int keys = 0;
        // Every request its own key (and body hash).
        auto place = [&](const services::Caller& who, const domain::HoldRequest& request) {
            const auto key = std::to_string(++keys);
            return holds.hold(who, "k" + key, key, request);
        };
        auto holdSeat = [&](const services::Caller& who, const domain::SeatId& seat) {
            return place(who, {event->id, {seat}, std::nullopt, 0, std::nullopt});
        };
        auto holdFloor = [&](const services::Caller& who, int n) {
            return place(who, {event->id, {}, floor, n, std::nullopt});
        };
        auto booked = [](const auto& r) { return std::holds_alternative<domain::Booking>(r); };
        auto code = [](const auto& r) {
            const auto* p = std::get_if<domain::Problem>(&r);
            return p ? p->code() : std::string("(not a problem)");
        };

        QVERIFY(booked(holdFloor(box, 10)));
        const auto held = holdSeat(ann, *seats[0].id);
        QVERIFY(booked(held));
        const auto& annBooking = std::get<domain::Booking>(held);
        QVERIFY(annBooking.holdExpiresAt == m_clock.now() + ttl);
        QCOMPARE(code(holdFloor(bob, 3)), std::string("sold_out")); // 2 places left
        QCOMPARE(code(holdSeat(bob, *seats[0].id)), std::string("seats_unavailable"));

        // One second before the end: still Ann's.
        m_clock.advance(ttl - std::chrono::seconds(1));
        QCOMPARE(code(holdSeat(bob, *seats[0].id)), std::string("seats_unavailable"));
        QVERIFY(holds.get(ann, annBooking.id)->statusAt(m_clock.now()) ==
                domain::BookingStatus::Held);

        // Its time is up: claimable at once, whatever the sweeper has done so far.
        m_clock.advance(std::chrono::seconds(1));
        QVERIFY(booked(holdSeat(bob, *seats[0].id)));
        QVERIFY(booked(holdFloor(bob, 5))); // the 2 free places and 3 of the lapsed hold's
        QVERIFY(booked(holdFloor(bob, 4)));
        QVERIFY(holds.get(ann, annBooking.id)->statusAt(m_clock.now()) ==
                domain::BookingStatus::Expired);

        // The sweeper's step marks the lapsed holds expired (Ann's and the box office's) and
        // leaves Bob's alone.
        QCOMPARE(db::bookings::expireHolds(*m_session, m_clock.now(), 500), 2);
        QVERIFY(holds.get(ann, annBooking.id)->status == domain::BookingStatus::Expired);
        const auto a = holds.availability(event->id);
        QVERIFY(a.ok());
        QVERIFY(a->seats.at(0).status == domain::SeatStatus::Held);
        QCOMPARE(a->tiers.at(1).held, 9); // Bob's 5 and 4
        QCOMPARE(a->tiers.at(1).available, 3);
        QCOMPARE(db::bookings::expireHolds(*m_session, m_clock.now(), 500), 0);
    }
};

QTEST_GUILESS_MAIN(TestHoldExpiry)
#include "TestHoldExpiry.moc"
