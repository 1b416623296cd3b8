#include "client/SyncClient.h"

#include <QAbstractSocket>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

namespace ticketing::client {

namespace {
QUrl socketUrl(const QUrl& server)
{
    QUrl url = server;
    url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                            : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    return url;
}
} // namespace

SyncClient::SyncClient(const QUrl& server, QObject* parent) : SyncClient(server, {}, parent) {}

SyncClient::SyncClient(const QUrl& server, Options options, QObject* parent)
    : QObject(parent), m_url(socketUrl(server)), m_options(options)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::open);
    m_ping.setInterval(m_options.ping);
    connect(&m_ping, &QTimer::timeout, this, [this] { send(domain::SyncPing{}); });
    connect(&m_socket, &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SyncClient::onText);
    // Qt 6.4 has no errorOccurred on QWebSocket (STACK.md); a failed connect also disconnects.
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
    open();
}

SyncClient::~SyncClient()
{
    m_closing = true;
    m_socket.abort();
}

void SyncClient::open()
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_socket.open(m_url);
}

void SyncClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::onConnected()
{
    if (m_everConnected)
        ++m_reconnections;
    m_everConnected = true;
    m_failures = 0;
    setState(State::Online);
    m_ping.start();
    for (const auto& [event, live] : m_events)
        sendSubscribe(event);
}

void SyncClient::onDisconnected()
{
    m_ping.stop();
    if (m_closing || m_retry.isActive())
        return;
    setState(m_everConnected ? State::Reconnecting : State::Connecting);
    auto wait = m_options.firstBackoff * (1 << std::min(m_failures, 5));
    wait = std::min<std::chrono::milliseconds>(wait, std::chrono::milliseconds(10000));
    ++m_failures;
    m_retry.start(wait);
}

void SyncClient::send(const domain::SyncClientMessage& message)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    m_socket.sendTextMessage(
        QString::fromStdString(boost::json::serialize(boost::json::value_from(message))));
}

void SyncClient::sendSubscribe(const domain::EventId& event)
{
    const auto& live = m_events[event];
    domain::SyncSubscribe s;
    s.channel = domain::eventChannel(event);
    if (live.availability)
        s.since = live.availability->seq; // resume: what was missed, or a fresh snapshot
    s.format = m_options.compact ? domain::SyncFormat::Compact : domain::SyncFormat::Full;
    send(s);
}

void SyncClient::subscribe(const domain::EventId& event)
{
    if (m_events.count(event))
        return;
    m_events[event];
    sendSubscribe(event);
}

void SyncClient::unsubscribe(const domain::EventId& event)
{
    if (m_events.erase(event))
        send(domain::SyncUnsubscribe{domain::eventChannel(event)});
}

const domain::Availability* SyncClient::availability(const domain::EventId& event) const
{
    const auto it = m_events.find(event);
    return it != m_events.end() && it->second.availability ? &*it->second.availability : nullptr;
}

void SyncClient::applyChanges(const domain::EventId& event, Live& live,
                              const std::vector<domain::SeatChange>& changes,
                              const std::vector<domain::TierCounts>& tiers, std::int64_t seq)
{
    auto& a = *live.availability;
    for (const auto& c : changes)
        if (c.seat)
            if (const auto it = live.index.find(c.seat->value); it != live.index.end())
                a.seats[it->second].status = c.status;
    for (const auto& t : tiers)
        for (auto& mine : a.tiers)
            if (mine.tier == t.tier) {
                mine.available = t.available;
                mine.held = t.held;
                mine.sold = t.sold;
                mine.blocked = t.blocked;
            }
    a.seq = seq;
    Q_EMIT seatsChanged(event, changes);
}

void SyncClient::onText(const QString& text)
{
    domain::SyncServerMessage message;
    try {
        message = boost::json::value_to<domain::SyncServerMessage>(
            boost::json::parse(text.toStdString()));
    } catch (const std::exception&) {
        return; // not ours to read (a newer server's message): ignored
    }
    if (const auto* snap = std::get_if<domain::SyncSnapshot>(&message)) {
        const auto event = domain::eventOfChannel(snap->channel);
        if (!event || !m_events.count(*event))
            return;
        auto& live = m_events[*event];
        live.availability = snap->availability;
        live.availability->seq = snap->seq;
        live.index.clear();
        for (std::size_t i = 0; i < live.availability->seats.size(); ++i)
            live.index[live.availability->seats[i].seat.value] = i;
        Q_EMIT snapshot(*event);
        return;
    }
    if (const auto* seats = std::get_if<domain::SyncSeats>(&message)) {
        const auto event = domain::eventOfChannel(seats->channel);
        if (!event || !m_events.count(*event) || !m_events[*event].availability)
            return;
        auto& live = m_events[*event];
        if (seats->seq <= live.availability->seq)
            return; // seen
        if (seats->seq != live.availability->seq + 1)
            return sendSubscribe(*event); // a gap: ask again from the last one applied
        applyChanges(*event, live, seats->delta.changes, seats->delta.tiers, seats->seq);
        return;
    }
    if (const auto* compact = std::get_if<domain::SyncCompactSeats>(&message)) {
        const auto event = domain::eventOfChannel(compact->channel);
        if (!event || !m_events.count(*event) || !m_events[*event].availability)
            return;
        auto& live = m_events[*event];
        if (compact->seq <= live.availability->seq)
            return;
        if (compact->fromSeq != live.availability->seq + 1)
            return sendSubscribe(*event);
        std::vector<domain::SeatChange> changes;
        const auto& seatsNow = live.availability->seats;
        for (const auto& c : compact->changes)
            if (c.index >= 0 && static_cast<std::size_t>(c.index) < seatsNow.size())
                changes.push_back({seatsNow[static_cast<std::size_t>(c.index)].seat,
                                   seatsNow[static_cast<std::size_t>(c.index)].tier, c.status});
        applyChanges(*event, live, changes, compact->tiers, compact->seq);
        return;
    }
    if (const auto* error = std::get_if<domain::SyncError>(&message)) {
        // Which subscription it is about is not said: every event without a picture yet. A
        // busy server (or one whose database is away) is asked again in a second.
        const bool busy = error->code == "overloaded" || error->code == "database_unavailable";
        for (const auto& [event, live] : m_events) {
            if (live.availability)
                continue;
            if (busy)
                QTimer::singleShot(1000, this, [this, e = event] {
                    if (m_events.count(e) && !m_events[e].availability)
                        sendSubscribe(e);
                });
            else
                Q_EMIT refused(event, QString::fromStdString(error->code),
                               QString::fromStdString(error->detail));
        }
    }
}

} // namespace ticketing::client
