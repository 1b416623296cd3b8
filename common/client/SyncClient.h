#pragma once

#include "domain/Availability.h"
#include "domain/LiveSync.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <map>
#include <unordered_map>
#include <vector>

namespace ticketing::client {

// The live seat map (API.md "Live sync"), one WebSocket per app: subscribes to events, keeps a
// copy of each one's availability that the snapshot and then every delta update (equal to GET
// /availability at the same seq), resumes with `since` after a drop, and reconnects with
// back-off. A message that does not follow on from the last seq makes it ask again from there.
// It pings now and then, so that a quiet socket is not closed by a proxy.
class SyncClient : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Connecting,
        Online,
        Reconnecting // lost; trying again (with back-off)
    };
    Q_ENUM(State)

    struct Options
    {
        std::chrono::milliseconds firstBackoff{500}; // doubled each time, at most 10 s
        std::chrono::milliseconds ping{25000};
        bool compact = true; // seats by index: smaller for big venues
    };

    // `server`: ticketd's base URL (http or https; the socket is ws or wss at /api/v1/ws).
    explicit SyncClient(const QUrl& server, QObject* parent = nullptr);
    SyncClient(const QUrl& server, Options options, QObject* parent = nullptr);
    ~SyncClient() override;

    void subscribe(const domain::EventId& event);
    void unsubscribe(const domain::EventId& event);
    State state() const { return m_state; }
    // The event's seats and tiers as the live sync has them (nullptr before its snapshot).
    const domain::Availability* availability(const domain::EventId& event) const;
    long long reconnections() const { return m_reconnections; }

Q_SIGNALS:
    void stateChanged(ticketing::client::SyncClient::State state);
    // A fresh picture of the event (first, after a gap, or after a new database history).
    void snapshot(const ticketing::domain::EventId& event);
    // Seats that changed (with their new status) and the tiers' counts now.
    void seatsChanged(const ticketing::domain::EventId& event,
                      const std::vector<ticketing::domain::SeatChange>& changes);
    // The server refused a subscription (e.g. not_found): its code and detail.
    void refused(const ticketing::domain::EventId& event, const QString& code,
                 const QString& detail);

private:
    struct Live
    {
        std::optional<domain::Availability> availability;
        std::unordered_map<domain::Uuid, std::size_t> index; // seat id -> position in seats
    };
    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void send(const domain::SyncClientMessage& message);
    void sendSubscribe(const domain::EventId& event);
    void setState(State state);
    void applyChanges(const domain::EventId& event, Live& live,
                      const std::vector<domain::SeatChange>& changes,
                      const std::vector<domain::TierCounts>& tiers, std::int64_t seq);

    QUrl m_url;
    Options m_options;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_ping;
    State m_state = State::Connecting;
    int m_failures = 0;
    long long m_reconnections = 0;
    bool m_everConnected = false;
    bool m_closing = false;
    std::map<domain::EventId, Live> m_events;
};

} // namespace ticketing::client
