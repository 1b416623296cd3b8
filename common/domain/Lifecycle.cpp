#include "domain/Lifecycle.h"

#include <array>
#include <string>

namespace ticketing::domain {

namespace {
constexpr std::array<std::string_view, 5> kBookingNames{"held", "confirmed", "cancelled", "expired",
                                                        "refunded"};
constexpr std::array<std::string_view, 4> kTicketNames{"active", "used", "cancelled",
                                                       "transferred"};

template <class Status, std::size_t N>
std::optional<Status> parse(const std::array<std::string_view, N>& names, std::string_view s)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s)
            return static_cast<Status>(i);
    return std::nullopt;
}

template <class Status>
Result<Status, Problem> checked(Status from, Status to, std::string_view what)
{
    if (canTransition(from, to))
        return to;
    return fail(Problem(409, "invalid_state", "The change is not allowed in this state",
                        "a " + std::string(what) + " that is " + std::string(toString(from)) +
                            " cannot become " + std::string(toString(to)))
                    .with("current_status", boost::json::string(toString(from))));
}
} // namespace

std::string_view toString(BookingStatus s)
{
    return kBookingNames[static_cast<std::size_t>(s)];
}

std::string_view toString(TicketStatus s)
{
    return kTicketNames[static_cast<std::size_t>(s)];
}

std::optional<BookingStatus> parseBookingStatus(std::string_view s)
{
    return parse<BookingStatus>(kBookingNames, s);
}

std::optional<TicketStatus> parseTicketStatus(std::string_view s)
{
    return parse<TicketStatus>(kTicketNames, s);
}

bool canTransition(BookingStatus from, BookingStatus to)
{
    using B = BookingStatus;
    switch (from) {
    case B::Held:
        return to == B::Confirmed || to == B::Cancelled || to == B::Expired;
    case B::Confirmed:
        return to == B::Refunded || to == B::Cancelled;
    case B::Expired:
        return to == B::Confirmed;
    case B::Cancelled:
    case B::Refunded:
        return false;
    }
    return false;
}

bool canTransition(TicketStatus from, TicketStatus to)
{
    using T = TicketStatus;
    return from == T::Active && (to == T::Used || to == T::Cancelled || to == T::Transferred);
}

bool isFinal(BookingStatus s)
{
    return s == BookingStatus::Cancelled || s == BookingStatus::Refunded;
}

bool isFinal(TicketStatus s)
{
    return s != TicketStatus::Active;
}

Result<BookingStatus, Problem> transition(BookingStatus from, BookingStatus to)
{
    return checked(from, to, "booking");
}

Result<TicketStatus, Problem> transition(TicketStatus from, TicketStatus to)
{
    return checked(from, to, "ticket");
}

} // namespace ticketing::domain
