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

    WsClients(std::string host, std::uint16_t port, std::string target, int count,
              std::string hello, OnMessage onMessage);
    ~WsClients(); // stop()
    void start();
    void stop();
    int open() const; // clients past the handshake

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ticketing::bench
