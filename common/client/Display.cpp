#include "client/Display.h"

#include "domain/Codec.h"

#include <QCoreApplication>

namespace ticketing::client {

QString moneyText(std::int64_t minor, const std::string& currency)
{
    return QString::fromStdString(domain::formatMoney(minor, currency)) + QLatin1Char(' ') +
           QString::fromStdString(currency);
}

QString appliedText(const domain::Applied& a)
{
    if (a.kind == domain::Applied::Kind::GroupDiscount)
        return QCoreApplication::translate("ticketing::client::Display",
                                           "Group discount: %1 or more (%2 %)")
            .arg(a.minQuantity)
            .arg(a.percent);
    const auto code = QString::fromStdString(a.code);
    if (a.percent > 0)
        return QCoreApplication::translate("ticketing::client::Display", "Promo code %1 (%2 %)")
            .arg(code)
            .arg(a.percent);
    return QCoreApplication::translate("ticketing::client::Display", "Promo code %1").arg(code);
}

QDateTime dateTimeOf(domain::Clock::TimePoint t)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count(),
        Qt::UTC);
}

} // namespace ticketing::client
