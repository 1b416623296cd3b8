#pragma once

#include "domain/Uuid.h"

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
    BookingsSearch,  // GET /bookings: staff every event, an organizer its own events
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

// Who may do what with one booking (and its payments and tickets), on top of the routes'
// permissions: written once, for every service that touches a booking. A caller who may not is
// told the booking does not exist (404).
enum class BookingAccess
{
    Read,         // the booking and its tickets: its owner, staff, the event's organizer
    ReadPayments, // its payments: its owner, staff
    Pay,    // pay, confirm, cancel a payment: its owner, the box office acting for them, admin
    Cancel, // release or cancel: its owner (attendees), staff
    Refund, // refund a payment: the box office, admin, the event's organizer
};
bool mayAccessBooking(BookingAccess access, Role role, const UserId& caller, const UserId& owner,
                      const UserId& organizer);

} // namespace ticketing::domain
