#include "support/SyncClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace ticketing::test {

bool SyncClient::open(const QString& wsUrl, int timeoutMs)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SyncClient::onText,
            Qt::UniqueConnection);
    m_socket.open(QUrl(wsUrl));
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                     timeoutMs);
}

void SyncClient::close()
{
    m_socket.close();
    waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 3000);
}

void SyncClient::send(const QJsonObject& message)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void SyncClient::subscribe(const QString& event, std::optional<qint64> since)
{
    QJsonObject m{{QStringLiteral("type"), QStringLiteral("subscribe")},
                  {QStringLiteral("channel"), QStringLiteral("event:") + event}};
    m.insert(QStringLiteral("since"), since ? QJsonValue(*since) : QJsonValue(QJsonValue::Null));
    if (compact)
        m.insert(QStringLiteral("format"), QStringLiteral("compact"));
    send(m);
}

bool SyncClient::waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void SyncClient::onText(const QString& text)
{
    const auto m = QJsonDocument::fromJson(text.toUtf8()).object();
    received.append(m);
    const auto type = m.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("snapshot")) {
        ++snapshots;
        seats.clear();
        tiers.clear();
        order.clear();
        const auto a = m.value(QStringLiteral("availability")).toObject();
        for (const auto& s : a.value(QStringLiteral("seats")).toArray()) {
            seats[s.toObject().value(QStringLiteral("seat_id")).toString()] =
                s.toObject().value(QStringLiteral("status")).toString();
            order.append(s.toObject().value(QStringLiteral("seat_id")).toString());
        }
        for (const auto& t : a.value(QStringLiteral("tiers")).toArray())
            tiers[t.toObject().value(QStringLiteral("tier_id")).toString()] = t.toObject();
        seq = m.value(QStringLiteral("seq")).toInteger();
    } else if (type == QStringLiteral("seats")) {
        ++deltas;
        const auto s = m.value(QStringLiteral("seq")).toInteger();
        // A compact message may cover several deltas: from_seq to seq.
        const auto first = m.contains(QStringLiteral("from_seq"))
                               ? m.value(QStringLiteral("from_seq")).toInteger()
                               : s;
        if (seq >= 0 && first != seq + 1)
            gap = true;
        seq = s;
        deltaBytes += text.toUtf8().size();
        if (m.value(QStringLiteral("format")).toString() == QStringLiteral("compact")) {
            static const QMap<QString, QString> statuses{
                {QStringLiteral("a"), QStringLiteral("available")},
                {QStringLiteral("h"), QStringLiteral("held")},
                {QStringLiteral("s"), QStringLiteral("sold")},
                {QStringLiteral("b"), QStringLiteral("blocked")}};
            for (const auto& c : m.value(QStringLiteral("changes")).toArray()) {
                const auto pair = c.toArray();
                const auto i = pair.at(0).toInt(-1);
                if (i < 0 || i >= order.size() || !statuses.contains(pair.at(1).toString()))
                    gap = true; // not understood: as bad as a gap
                else
                    seats[order.at(i)] = statuses.value(pair.at(1).toString());
            }
        } else {
            for (const auto& c : m.value(QStringLiteral("changes")).toArray())
                if (!c.toObject().value(QStringLiteral("seat_id")).isNull())
                    seats[c.toObject().value(QStringLiteral("seat_id")).toString()] =
                        c.toObject().value(QStringLiteral("status")).toString();
        }
        for (const auto& t : m.value(QStringLiteral("tiers")).toArray()) {
            auto& mine = tiers[t.toObject().value(QStringLiteral("tier_id")).toString()];
            for (const char* k : {"available", "held", "sold", "blocked"})
                mine.insert(QLatin1String(k), t.toObject().value(QLatin1String(k)));
        }
    }
}

bool SyncClient::matches(const QJsonObject& a, QString* why) const
{
    for (const auto& s : a.value(QStringLiteral("seats")).toArray()) {
        const auto id = s.toObject().value(QStringLiteral("seat_id")).toString();
        const auto want = s.toObject().value(QStringLiteral("status")).toString();
        if (seats.value(id) != want) {
            if (why)
                *why = QStringLiteral("seat %1: %2, server says %3").arg(id, seats.value(id), want);
            return false;
        }
    }
    for (const auto& t : a.value(QStringLiteral("tiers")).toArray()) {
        const auto id = t.toObject().value(QStringLiteral("tier_id")).toString();
        for (const char* k : {"available", "held", "sold", "blocked"})
            if (tiers.value(id).value(QLatin1String(k)).toInt() !=
                t.toObject().value(QLatin1String(k)).toInt()) {
                if (why)
                    *why = QStringLiteral("tier %1 %2: %3, server says %4")
                               .arg(id, QLatin1String(k))
                               .arg(tiers.value(id).value(QLatin1String(k)).toInt())
                               .arg(t.toObject().value(QLatin1String(k)).toInt());
                return false;
            }
    }
    return true;
}

} // namespace ticketing::test
