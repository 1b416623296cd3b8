#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
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
    explicit SeatLocks(Redis& redis);
    ~SeatLocks(); // marks what is queued, then stops its thread
    SeatLocks(const SeatLocks&) = delete;
    SeatLocks& operator=(const SeatLocks&) = delete;

    // A seat whose key someone else has: its index in the request, and that someone.
    struct Taken
    {
        std::size_t index = 0;
        std::string owner;                 // as the key has it (with the '!' of committed())
        std::chrono::milliseconds left{0}; // of its time to live
    };
    // nullopt: Redis is unavailable (hold through PostgreSQL alone). Otherwise the seats owned
    // by someone else (none: every key is now `owner`'s for `ttl`). Keys that `owner` holds
    // already count as its own, so a retry with the same owner passes.
    std::optional<std::vector<Taken>> acquire(const std::string& event,
                                              const std::vector<std::string>& seats,
                                              const std::string& owner,
                                              std::chrono::milliseconds ttl);
    // Marks `owner`'s keys as those of a hold PostgreSQL has (its value gains a '!'): a refusal
    // by such a key needs no question to PostgreSQL. Queued and done off the request's path,
    // many holds' keys in one script call (a key is only checked once it is seconds old).
    void committed(const std::string& event, const std::vector<std::string>& seats,
                   const std::string& owner);
    static bool isCommitted(const std::string& value)
    {
        return !value.empty() && value.back() == '!';
    }
    // Deletes a seat's key if `owner` still has it (a key whose hold never reached PostgreSQL:
    // its process died between the two).
    void removeStale(const std::string& event, const std::string& seat, const std::string& owner);
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
    void markLoop();

    Redis& m_redis;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::pair<std::string, std::string>> m_toMark; // key, owner
    bool m_stopping = false;
    std::thread m_marker;
};

} // namespace ticketing::cache
