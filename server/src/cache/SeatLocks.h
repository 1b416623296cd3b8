#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ticketing::cache {

class Redis;

// The fast path in front of PostgreSQL (DESIGN.md "Inventory: the heart"): one Lua call tries
// every requested seat key with SET NX PX, all or nothing, so a seat someone else is holding is
// refused without a database round trip. PostgreSQL stays the truth: a lock here only says
// "someone is on it", and every hold is still claimed there.
class SeatLocks
{
public:
    explicit SeatLocks(Redis& redis) : m_redis(redis) {}

    // nullopt: Redis is unavailable (hold through PostgreSQL alone). Otherwise the indexes of
    // the seats owned by someone else (none: every key is now `owner`'s for `ttl`). Keys that
    // `owner` holds already count as its own, so a retry with the same owner passes.
    std::optional<std::vector<std::size_t>> acquire(const std::string& event,
                                                    const std::vector<std::string>& seats,
                                                    const std::string& owner,
                                                    std::chrono::milliseconds ttl);
    // Deletes the keys that `owner` holds (after a hold failed in PostgreSQL).
    void release(const std::string& event, const std::vector<std::string>& seats,
                 const std::string& owner);
    // Deletes the keys outright (the hold was released or has ended in PostgreSQL).
    void clear(const std::string& event, const std::vector<std::string>& seats);

    static std::string key(const std::string& event, const std::string& seat)
    {
        return "seat:" + event + ":" + seat;
    }

private:
    Redis& m_redis;
};

} // namespace ticketing::cache
