#pragma once

#include "domain/Roles.h"
#include "domain/Uuid.h"

#include <optional>

namespace ticketing::services {

// Who asks, for ownership rules: an organizer reaches its own venues and events, admin all.
struct Caller
{
    domain::UserId user;
    domain::Role role = domain::Role::Attendee;
    // A check-in device acting for this organizer (`user` is then the device's id).
    std::optional<domain::UserId> deviceOrganizer{};
    bool isAdmin() const { return role == domain::Role::Admin; }
    // domain::mayAccessBooking for this caller.
    bool may(domain::BookingAccess access, const domain::UserId& owner,
             const domain::UserId& organizer) const
    {
        return domain::mayAccessBooking(access, role, user, owner, organizer);
    }
};

} // namespace ticketing::services
