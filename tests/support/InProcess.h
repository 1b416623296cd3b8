#pragma once

#include "cache/Redis.h"
#include "db/Pool.h"
#include "domain/Event.h"
#include "services/Caller.h"
#include "support/ManualClock.h"
#include "support/TestEnv.h"

#include <memory>
#include <string>
#include <vector>

namespace ticketing::services {
class VenueService;
class EventService;
class HoldService;
} // namespace ticketing::services

namespace ticketing::test {

// ticketd's services in this process on a manual clock, against a real PostgreSQL (a fresh,
// migrated database) and without Redis (an address nobody serves: its keys live on the real
// clock, and without it the holds are decided by PostgreSQL alone). For tests that move time
// instead of sleeping (expiry, the payment saga). The database session is this thread's.
class InProcess
{
public:
    InProcess();
    ~InProcess();

    TestDatabase& database() { return *m_db; }
    db::Session& session() { return *m_session; }
    cache::Redis& redis() { return *m_redis; }
    ManualClock clock;
    // The services on that clock; holds last kHoldTtl.
    static constexpr std::chrono::seconds kHoldTtl{300};
    services::VenueService& venues() { return *m_venues; }
    services::EventService& events() { return *m_events; }
    services::HoldService& holds() { return *m_holds; }

    services::Caller addUser(const std::string& email, domain::Role role);
    // A published event on a new venue, starting in 30 days: section MAIN, one row of `seats`
    // seats (their ids in `seats`, by number) sold as tier 0 "Stalls" at GBP 40.00; standing
    // FLOOR of `standing` places of which tier 1 "Floor" sells `floorQuantity` at 25.50.
    struct Sale
    {
        domain::Event event;
        std::vector<domain::SeatId> seats;
    };
    Sale openSale(const services::Caller& organizer, int seats, int standing, int floorQuantity);

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<db::Session> m_session;
    std::unique_ptr<db::SessionScope> m_scope;
    std::unique_ptr<cache::Redis> m_redis;
    std::unique_ptr<services::VenueService> m_venues;
    std::unique_ptr<services::EventService> m_events;
    std::unique_ptr<services::HoldService> m_holds;
};

} // namespace ticketing::test
