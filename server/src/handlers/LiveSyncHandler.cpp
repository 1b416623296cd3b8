#include "handlers/LiveSyncHandler.h"

#include "domain/Codec.h"
#include "domain/LiveSync.h"
#include "services/CheckInFeed.h"
#include "services/DeviceService.h"
#include "services/SyncHub.h"
#include "services/TokenService.h"

#include <variant>

namespace ticketing::handlers {

namespace {

template <class... Fs> struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template <class... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

std::shared_ptr<const std::string> encoded(const domain::SyncServerMessage& m)
{
    return std::make_shared<const std::string>(domain::encodeText(m));
}

void sendError(http::WebSocketPeer& peer, std::string code, std::string detail)
{
    peer.send(encoded(domain::SyncError{std::move(code), std::move(detail)}));
}

// A connection as the hub sees it. Holds the connection weakly: the transport owns it.
class PeerSubscriber final : public services::SyncSubscriber
{
public:
    explicit PeerSubscriber(const std::shared_ptr<http::WebSocketPeer>& peer)
        : m_peer(peer), m_id(peer->id())
    {
    }
    void send(std::shared_ptr<const std::string> text) override
    {
        if (auto p = m_peer.lock())
            p->send(std::move(text));
    }
    std::size_t backlog() const override
    {
        auto p = m_peer.lock();
        return p ? p->backlog() : 0;
    }
    std::uint64_t id() const override { return m_id; }

private:
    std::weak_ptr<http::WebSocketPeer> m_peer;
    std::uint64_t m_id;
};

} // namespace

LiveSyncHandler::LiveSyncHandler(services::SyncHub& hub, services::CheckInFeed& checkin,
                                 const services::TokenService& tokens)
    : m_hub(hub), m_checkin(checkin), m_tokens(tokens)
{
}

LiveSyncHandler::~LiveSyncHandler() = default;

std::shared_ptr<services::SyncSubscriber>
LiveSyncHandler::subscriberOf(const std::shared_ptr<http::WebSocketPeer>& peer)
{
    const std::lock_guard lock(m_mutex);
    auto& s = m_subscribers[peer->id()];
    if (!s)
        s = std::make_shared<PeerSubscriber>(peer);
    return s;
}

std::string LiveSyncHandler::tokenOf(std::uint64_t peer)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_tokensByPeer.find(peer);
    return it == m_tokensByPeer.end() ? std::string() : it->second;
}

void LiveSyncHandler::onMessage(const std::shared_ptr<http::WebSocketPeer>& peer, std::string text)
{
    auto message = domain::decodeText<domain::SyncClientMessage>(text);
    if (!message.ok()) {
        const auto& e = message.error().front();
        return sendError(*peer, "invalid_message",
                         e.field == "(body)" ? "messages are JSON objects with a \"type\""
                                             : e.field + ": " + e.message);
    }
    std::visit(Overloaded{
                   [&](const domain::SyncPing&) { peer->send(encoded(domain::SyncPong{})); },
                   [&](const domain::SyncAuth& a) {
                       // Public channels need no token; the checkin channel is checked with it when
                       // subscribing (a device token is looked up then). An access token that does
                       // not verify is said at once.
                       if (!services::DeviceService::isDeviceToken(a.token))
                           if (auto claims = m_tokens.verifyAccess(a.token); !claims.ok())
                               return sendError(*peer, claims.error().code(),
                                                claims.error().detail());
                       const std::lock_guard lock(m_mutex);
                       m_tokensByPeer[peer->id()] = a.token;
                   },
                   [&](const domain::SyncSubscribe& s) {
                       if (const auto event = domain::eventOfChannel(s.channel))
                           return m_hub.subscribe(subscriberOf(peer), *event, s.since,
                                                  s.format == domain::SyncFormat::Compact);
                       if (const auto event = domain::eventOfCheckinChannel(s.channel))
                           return m_checkin.subscribe(subscriberOf(peer), *event, s.since,
                                                      tokenOf(peer->id()));
                       sendError(*peer, "unknown_channel",
                                 "channels are \"event:<event id>\" and \"checkin:<event id>\"");
                   },
                   [&](const domain::SyncUnsubscribe& u) {
                       if (const auto event = domain::eventOfChannel(u.channel))
                           return m_hub.unsubscribe(peer->id(), *event);
                       if (const auto event = domain::eventOfCheckinChannel(u.channel))
                           return m_checkin.unsubscribe(peer->id(), *event);
                       sendError(*peer, "unknown_channel",
                                 "channels are \"event:<event id>\" and \"checkin:<event id>\"");
                   },
               },
               *message);
}

void LiveSyncHandler::onClose(const std::shared_ptr<http::WebSocketPeer>& peer)
{
    m_hub.forget(peer->id());
    m_checkin.forget(peer->id());
    const std::lock_guard lock(m_mutex);
    m_subscribers.erase(peer->id());
    m_tokensByPeer.erase(peer->id());
}

} // namespace ticketing::handlers
