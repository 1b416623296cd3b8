// Qt first: moc reads this file and cannot parse <compare> (domain headers) before Qt's own.
#include <QtTest>
// The rest.
#include "services/EventService.h"
#include "services/HoldService.h"
#include "services/VenueService.h"
#include "support/InProcess.h"

#include <pqxx/pqxx>

using namespace ticketing;

// Holds end by time, on the clock the rules are given (API.md "Bookings", DESIGN.md "Holds
// expire by time, not by a sweeper"): the services run in this process on a manual clock against
// a real PostgreSQL (test::InProcess), so the test moves time instead of sleeping.
class TestHoldExpiry : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::InProcess> m_app;

private Q_SLOTS:
    void init() { m_app = std::make_unique<test::InProcess>(); }
    void cleanup() { m_app.reset(); }

    void holdsEndExactlyWhenTheirTimeIsUp()
    {
        auto& clock = m_app->clock;
        const auto org = m_app->addUser("org@example.com", domain::Role::Organizer);
        const auto ann = m_app->addUser("ann@example.com", domain::Role::Attendee);
        const auto bob = m_app->addUser("bob@example.com", domain::Role::Attendee);
        const auto box = m_app->addUser("box@example.com", domain::Role::BoxOffice);
        const auto ttl = test::InProcess::kHoldTtl;
        auto& holds = m_app->holds();
        const auto sale = m_app->openSale(org, 5, 20, 12);
        const auto* event = &sale.event;
        const auto& seatIds = sale.seats;
        const auto floor = event->tiers.at(1).id;

        int keys = 0;
        // Every request its own key (and body hash).
        auto place = [&](const services::Caller& who, const domain::HoldRequest& request) {
            const auto key = std::to_string(++keys);
            return holds.hold(who, "k" + key, key, request);
        };
        auto holdSeat = [&](const services::Caller& who, const domain::SeatId& seat) {
            return place(who, {.event = event->id, .seats = {seat}});
        };
        auto holdFloor = [&](const services::Caller& who, int n) {
            return place(who, {.event = event->id, .tier = floor, .quantity = n});
        };
        auto booked = [](const auto& r) { return std::holds_alternative<domain::Booking>(r); };
        auto code = [](const auto& r) {
            const auto* p = std::get_if<domain::Problem>(&r);
            return p ? p->code() : std::string("(not a problem)");
        };

        QVERIFY(booked(holdFloor(box, 10)));
        const auto held = holdSeat(ann, seatIds[0]);
        QVERIFY(booked(held));
        const auto& annBooking = std::get<domain::Booking>(held);
        QVERIFY(annBooking.holdExpiresAt == clock.now() + ttl);
        QCOMPARE(code(holdFloor(bob, 3)), std::string("sold_out")); // 2 places left
        QCOMPARE(code(holdSeat(bob, seatIds[0])), std::string("seats_unavailable"));

        // One second before the end: still Ann's.
        clock.advance(ttl - std::chrono::seconds(1));
        QCOMPARE(code(holdSeat(bob, seatIds[0])), std::string("seats_unavailable"));
        QVERIFY(holds.get(ann, annBooking.id)->statusAt(clock.now()) ==
                domain::BookingStatus::Held);

        // Its time is up: claimable at once, whatever the sweeper has done so far.
        clock.advance(std::chrono::seconds(1));
        QVERIFY(booked(holdSeat(bob, seatIds[0])));
        QVERIFY(booked(holdFloor(bob, 5))); // the 2 free places and 3 of the lapsed hold's
        QVERIFY(booked(holdFloor(bob, 4)));
        QVERIFY(holds.get(ann, annBooking.id)->statusAt(clock.now()) ==
                domain::BookingStatus::Expired);

        // The sweeper's step marks the lapsed holds expired (Ann's and the box office's) and
        // leaves Bob's alone.
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), clock.now()), 2);
        QVERIFY(holds.get(ann, annBooking.id)->status == domain::BookingStatus::Expired);
        const auto a = holds.availability(event->id);
        QVERIFY(a.ok());
        QVERIFY(a->seats.at(0).status == domain::SeatStatus::Held);
        QCOMPARE(a->tiers.at(1).held, 9); // Bob's 5 and 4
        QCOMPARE(a->tiers.at(1).available, 3);
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), clock.now()), 0);
    }

    // The sweeper's step announces what it ended: the outbox row that the relay turns into the
    // live sync's `seats` delta has the seat going back to available (the relay and the hub are
    // the same for every change; tst_live_sync follows them to a subscriber).
    void anEndedHoldIsAnnouncedByTheSweeper()
    {
        auto& clock = m_app->clock;
        const auto org = m_app->addUser("org@example.com", domain::Role::Organizer);
        const auto ann = m_app->addUser("ann@example.com", domain::Role::Attendee);
        const auto ttl = test::InProcess::kHoldTtl;
        auto& holds = m_app->holds();
        const auto sale = m_app->openSale(org, 5, 20, 12);
        const auto placed =
            holds.hold(ann, "k1", "k1", {.event = sale.event.id, .seats = {sale.seats[1]}});
        QVERIFY(std::holds_alternative<domain::Booking>(placed));

        pqxx::connection c(m_app->database().url());
        const auto announced = [&](const char* status) {
            pqxx::read_transaction tx(c);
            return tx
                .exec_params1("SELECT count(*) FROM outbox WHERE event_id = $1::uuid AND "
                              "payload->'changes' @> jsonb_build_array(jsonb_build_object("
                              "'seat_id', $2::text, 'status', $3::text))",
                              sale.event.id.toString(), sale.seats[1].toString(),
                              std::string(status))[0]
                .as<int>();
        };
        QCOMPARE(announced("held"), 1);
        QCOMPARE(announced("available"), 0);
        clock.advance(ttl - std::chrono::seconds(1));
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), clock.now()), 0);
        clock.advance(std::chrono::seconds(1));
        QCOMPARE(services::HoldSweeper::sweep(m_app->session(), clock.now()), 1);
        QCOMPARE(announced("available"), 1);
        const auto a = holds.availability(sale.event.id);
        QVERIFY(a.ok());
        for (const auto& seat : a->seats)
            QVERIFY(seat.status == domain::SeatStatus::Available);
        QCOMPARE(a->tiers.at(0).held, 0);
    }
};

QTEST_GUILESS_MAIN(TestHoldExpiry)
#include "TestHoldExpiry.moc"
