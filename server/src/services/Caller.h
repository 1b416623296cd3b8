#pragma once

#include "domain/Roles.h"
#include "domain/Uuid.h"

namespace ticketing::services {

// Who asks, for ownership rules: an organizer reaches its own venues and events, admin all.
struct Caller
{
    domain::UserId user;
    domain::Role role = domain::Role::Attendee;
    bool isAdmin() const { return role == domain::Role::Admin; }
    // Staff who may read any booking (and its payments and tickets).
    bool seesAllBookings() const
    {
        return domain::allows(role, domain::Permission::BookingsReadAny);
    }
};

} // namespace ticketing::services
