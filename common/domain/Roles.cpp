#include "domain/Roles.h"

#include <array>
#include <initializer_list>

namespace ticketing::domain {

namespace {
constexpr std::array<Role, 5> kRoles{Role::Attendee, Role::Organizer, Role::BoxOffice, Role::Gate,
                                     Role::Admin};

struct Grant
{
    Role role;
    std::initializer_list<Permission> permissions;
};

using P = Permission;
// Admin may do everything and is not listed. `gate` may only scan (not even its profile: a
// gate account is a device credential, managed by staff).
const std::array<Grant, 4> kGrants{{
    {Role::Attendee,
     {P::BookingsCreate, P::BookingsReadOwn, P::BookingsCancelOwn, P::PaymentsCreate}},
    {Role::Organizer,
     {P::VenuesManage, P::EventsManage, P::BookingsReadOwn, P::BookingsSearch, P::PaymentsRefund}},
    {Role::BoxOffice,
     {P::BookingsCreate, P::BookingsReadOwn, P::BookingsReadAny, P::BookingsSearch,
      P::BookingsCancelOwn, P::BookingsCancelAny, P::PaymentsCreate, P::PaymentsTakeCash,
      P::PaymentsRefund, P::TicketsScan}},
    {Role::Gate, {P::TicketsScan}},
}};
} // namespace

std::string_view toString(Role role)
{
    switch (role) {
    case Role::Attendee:
        return "attendee";
    case Role::Organizer:
        return "organizer";
    case Role::BoxOffice:
        return "box_office";
    case Role::Gate:
        return "gate";
    case Role::Admin:
        return "admin";
    }
    return "attendee";
}

std::optional<Role> parseRole(std::string_view text)
{
    for (auto r : kRoles)
        if (toString(r) == text)
            return r;
    return std::nullopt;
}

std::span<const Role> allRoles()
{
    return kRoles;
}

std::string_view toString(Permission p)
{
    switch (p) {
    case P::UsersAdminister:
        return "users:administer";
    case P::VenuesManage:
        return "venues:manage";
    case P::EventsManage:
        return "events:manage";
    case P::BookingsCreate:
        return "bookings:create";
    case P::BookingsReadOwn:
        return "bookings:read:own";
    case P::BookingsReadAny:
        return "bookings:read";
    case P::BookingsSearch:
        return "bookings:search";
    case P::BookingsCancelOwn:
        return "bookings:cancel:own";
    case P::BookingsCancelAny:
        return "bookings:cancel";
    case P::PaymentsCreate:
        return "payments:create";
    case P::PaymentsTakeCash:
        return "payments:cash";
    case P::PaymentsRefund:
        return "payments:refund";
    case P::TicketsScan:
        return "tickets:scan";
    }
    return "unknown";
}

bool allows(Role role, Permission permission)
{
    if (role == Role::Admin)
        return true;
    for (const auto& g : kGrants)
        if (g.role == role)
            for (auto p : g.permissions)
                if (p == permission)
                    return true;
    return false;
}

bool mayAccessBooking(BookingAccess access, Role role, const UserId& caller, const UserId& owner,
                      const UserId& organizer)
{
    const bool isOwner = caller == owner;
    switch (access) {
    case BookingAccess::Read:
        return isOwner || allows(role, Permission::BookingsReadAny) || caller == organizer;
    case BookingAccess::ReadPayments:
        return isOwner || allows(role, Permission::BookingsReadAny);
    case BookingAccess::Pay:
        return isOwner || role == Role::BoxOffice || role == Role::Admin;
    case BookingAccess::Cancel:
        return (isOwner && allows(role, Permission::BookingsCancelOwn)) ||
               allows(role, Permission::BookingsCancelAny);
    case BookingAccess::Refund:
        return role == Role::BoxOffice || role == Role::Admin || caller == organizer;
    }
    return false;
}

} // namespace ticketing::domain
