#pragma once

#include "domain/Clock.h"
#include "domain/Pricing.h"

#include <QDateTime>
#include <QString>
#include <cstdint>
#include <string>

namespace ticketing::client {

// How the apps show the domain's values: one place, so that a localized display (a decimal
// comma, a currency sign) changes every screen and printout at once.

// "80.00 GBP": the amount in the currency's minor digits, then its code.
QString moneyText(std::int64_t minor, const std::string& currency);
// What gave a discount, for a cart, a receipt or a list: "Promo code SUMMER25 (25 %)",
// "Group discount: 4 or more (10 %)".
QString appliedText(const domain::Applied& applied);
// A domain time as a Qt one, in UTC.
QDateTime dateTimeOf(domain::Clock::TimePoint t);

} // namespace ticketing::client
