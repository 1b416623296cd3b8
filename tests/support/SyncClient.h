#pragma once

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace ticketing::test {

// A live-sync client as a front end would write it: applies the snapshot, then the deltas in
// order, and notes any gap in `seq`. Its state can be compared with GET /availability.
class SyncClient : public QObject
{
    Q_OBJECT

public:
    bool open(const QString& wsUrl, int timeoutMs = 5000);
    void close();
    void send(const QJsonObject& message);
    void subscribe(const QString& event, std::optional<qint64> since = std::nullopt);
    bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000);

    bool compact = false; // subscribe with {"format": "compact"} (seats by index, status by letter)
    qint64 seq = -1;
    bool gap = false;
    int snapshots = 0;
    int deltas = 0;
    QMap<QString, QString> seats;     // seat id -> status
    QMap<QString, QJsonObject> tiers; // tier id -> {available, held, sold}
    QList<QJsonObject> received;
    QStringList order; // seat ids in the snapshot's order: what compact deltas index
    qint64 deltaBytes = 0;

    // Equal to what GET /events/{id}/availability says (seat states and tier counts).
    bool matches(const QJsonObject& availability, QString* why = nullptr) const;

private:
    void onText(const QString& text);
    QWebSocket m_socket;
};

} // namespace ticketing::test
