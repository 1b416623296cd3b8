#pragma once

#include "http/WebSocket.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace ticketing::services {
class SyncHub;
class CheckInFeed;
class TokenService;
class SyncSubscriber;
} // namespace ticketing::services

namespace ticketing::handlers {

// API.md "Live sync", the socket side: each message read through the wire contract
// (domain::SyncClientMessage), answered (pong, error) or handed to a service - `event:`
// channels to the SyncHub, `checkin:` channels (with the connection's token) to the
// CheckInFeed - whose messages go back on the same connection. No rules here. Called on the
// connection's I/O thread: nothing blocks (the hub reads the database on its pool).
class LiveSyncHandler final : public http::WebSocketHandler
{
public:
    LiveSyncHandler(services::SyncHub& hub, services::CheckInFeed& checkin,
                    const services::TokenService& tokens);
    ~LiveSyncHandler() override;

    void onMessage(const std::shared_ptr<http::WebSocketPeer>& peer, std::string text) override;
    void onClose(const std::shared_ptr<http::WebSocketPeer>& peer) override;

private:
    std::shared_ptr<services::SyncSubscriber>
    subscriberOf(const std::shared_ptr<http::WebSocketPeer>& peer);
    std::string tokenOf(std::uint64_t peer);

    services::SyncHub& m_hub;
    services::CheckInFeed& m_checkin;
    const services::TokenService& m_tokens;
    std::mutex m_mutex;
    std::map<std::uint64_t, std::string> m_tokensByPeer; // the last {"type": "auth"} of each
    // One subscriber per open connection, made at its first subscription; the hub holds it
    // weakly, so it lives as long as the connection.
    std::map<std::uint64_t, std::shared_ptr<services::SyncSubscriber>> m_subscribers;
};

} // namespace ticketing::handlers
