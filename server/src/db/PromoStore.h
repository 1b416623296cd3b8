#pragma once

#include "domain/Clock.h"
#include "domain/Promo.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

// An event's promo codes (migration 0023).
namespace promos {

// Adds `code` to the event; false when the event already has a live code of that text, in any
// case ("summer25" is "SUMMER25").
bool create(Session& s, const domain::EventId& event, const domain::PromoCode& code,
            domain::Clock::TimePoint now);
// The live codes of the event, oldest first, with their uses.
std::vector<domain::PromoCodeView> list(Session& s, const domain::EventId& event,
                                        const std::string& currency);
// The live code of that text, in any case.
std::optional<domain::PromoCode> find(Session& s, const domain::EventId& event,
                                      const std::string& code);
// A code with what a buyer has used of it: the bookings naming it that still count (held or
// confirmed), made online by the buyer's account or at the box office for the buyer's e-mail
// (in any case). The buyer is `user` (online; the e-mail is the account's) or `email` (a box
// office customer; the account is the one with that e-mail, if any). With neither, the buyer
// is not counted (0): a walk-in.
struct ForBuyer
{
    std::string id;
    domain::PromoCode code;
    int buyerUses = 0;
};
std::optional<ForBuyer> findForBuyer(Session& s, const domain::EventId& event,
                                     const std::string& code,
                                     const std::optional<domain::UserId>& user,
                                     const std::optional<std::string>& email);

// Deletes the live code of that text; false when there was none.
bool remove(Session& s, const domain::EventId& event, const std::string& code,
            domain::Clock::TimePoint now);

} // namespace promos
} // namespace ticketing::db
