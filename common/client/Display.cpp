#include "client/Display.h"

#include "domain/Codec.h"

namespace ticketing::client {

QString moneyText(std::int64_t minor, const std::string& currency)
{
    return QString::fromStdString(domain::formatMoney(minor, currency)) + QLatin1Char(' ') +
           QString::fromStdString(currency);
}

QDateTime dateTimeOf(domain::Clock::TimePoint t)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count(),
        Qt::UTC);
}

} // namespace ticketing::client
