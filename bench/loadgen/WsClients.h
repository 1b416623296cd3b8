#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

namespace ticketing::bench {

// Many WebSocket clients (Boost.Beast) on one thread, each sending `hello` after the handshake
// and handing every text message to `onMessage` with the time it arrived. For live-sync
// benchmarks.
class WsClients
{
public:
    using OnMessage = std::function<void(int client, std::string_view text,
                                         std::chrono::steady_clock::time_point at)>;

    // What a client sends after each handshake (a resubscription may name where it stopped).
    using Hello = std::function<std::string(int client)>;

    WsClients(std::string host, std::uint16_t port, std::string target, int count,
              std::string hello, OnMessage onMessage);
    WsClients(std::string host, std::uint16_t port, std::string target, int count, Hello hello,
              OnMessage onMessage);
    // A client whose connection fails or closes connects again after about this pause (0, the
    // default: it stays closed).
    void reconnectAfter(std::chrono::milliseconds pause);
    ~WsClients(); // stop()
    void start();
    void stop();
    int open() const;             // clients past the handshake, now
    long long reconnects() const; // connections made again after a loss

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ticketing::bench
