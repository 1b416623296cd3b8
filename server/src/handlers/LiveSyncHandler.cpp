#include "handlers/LiveSyncHandler.h"

#include "domain/Codec.h"
#include "domain/LiveSync.h"
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

LiveSyncHandler::LiveSyncHandler(services::SyncHub& hub, const services::TokenService& tokens)
    : m_hub(hub), m_tokens(tokens)
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

void LiveSyncHandler::onMessage(const std::shared_ptr<http::WebSocketPeer>& peer, std::string text)
{
    auto message = domain::decodeText<domain::SyncClientMessage>(text);
    if (!message.ok()) {
        const auto& e = message.error().front();
        return sendError(*peer, "invalid_message",
                         e.field == "(body)" ? "messages are JSON objects with a \"type\""
                                             : e.field + ": " + e.message);
    }
    std::visit(
        Overloaded{
            [&](const domain::SyncPing&) { peer->send(encoded(domain::SyncPong{})); },
            [&](const domain::SyncAuth& a) {
                // Public channels need no token; private ones will look at it.
                if (auto claims = m_tokens.verifyAccess(a.token); !claims.ok())
                    sendError(*peer, claims.error().code(), claims.error().detail());
            },
            [&](const domain::SyncSubscribe& s) {
                const auto event = domain::eventOfChannel(s.channel);
                if (!event)
                    return sendError(*peer, "unknown_channel", "channels are \"event:<event id>\"");
                m_hub.subscribe(subscriberOf(peer), *event, s.since,
                                s.format == domain::SyncFormat::Compact);
            },
            [&](const domain::SyncUnsubscribe& u) {
                const auto event = domain::eventOfChannel(u.channel);
                if (!event)
                    return sendError(*peer, "unknown_channel", "channels are \"event:<event id>\"");
                m_hub.unsubscribe(peer->id(), *event);
            },
        },
        *message);
}

void LiveSyncHandler::onClose(const std::shared_ptr<http::WebSocketPeer>& peer)
{
    m_hub.forget(peer->id());
    const std::lock_guard lock(m_mutex);
    m_subscribers.erase(peer->id());
}

} // namespace ticketing::handlers
