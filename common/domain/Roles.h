#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace ticketing::domain {

// The five roles of API.md. A user has exactly one.
enum class Role
{
    Attendee,
    Organizer,
    BoxOffice,
    Gate,
    Admin
};

std::string_view toString(Role role);
std::optional<Role> parseRole(std::string_view text);
std::span<const Role> allRoles();

// What a role may do (the seed's section 13.2, extended to the whole API). Ownership ("its own
// venues", "its own bookings") is checked by the services on top of these: the permission says
// a role may use the route at all.
enum class Permission
{
    UsersAdminister, // /admin/users
    VenuesManage,    // create and edit venues (own ones; admin all)
    EventsManage,    // create, edit, publish, cancel events (own ones; admin all)
    BookingsCreate,  // hold seats
    BookingsReadOwn, // own bookings
    BookingsReadAny, // any booking (staff)
    BookingsCancelOwn,
    BookingsCancelAny, // staff
    PaymentsCreate,
    PaymentsTakeCash, // box office only
    PaymentsRefund,   // staff and the event's organizer
    TicketsScan,      // the gate: the only thing it may do
};

std::string_view toString(Permission permission);

// The one table every handler asks (through its route's rule).
bool allows(Role role, Permission permission);

} // namespace ticketing::domain
