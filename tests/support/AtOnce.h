#pragma once

#include "loadgen/HttpLoad.h"

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace ticketing::test {

// The requests sent to ticketd on loopback `port` all at the same moment, one thread and one
// connection each (the races a server must get right); the answers in the same order. For tests
// that link ticketing_loadgen.
inline std::vector<bench::LoadResponse> atOnce(std::uint16_t port,
                                               const std::vector<bench::LoadRequest>& requests)
{
    std::vector<bench::LoadResponse> answers(requests.size());
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    threads.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i)
        threads.emplace_back([&, i] {
            while (!go)
                std::this_thread::yield();
            answers[i] = bench::fetch("127.0.0.1", port, requests[i]);
        });
    go = true;
    for (auto& t : threads)
        t.join();
    return answers;
}

} // namespace ticketing::test
