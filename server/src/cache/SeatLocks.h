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
    // `keyLifetime`: the longest a seat key lives (a hold's time to live).
    SeatLocks(Redis& redis, std::chrono::milliseconds keyLifetime);
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
    // Whether a mark may be believed. A mark stays when its hold ends but the key's deletion
    // never reached Redis: sent while Redis was unreachable (those deletions are retried until
    // it takes them), or acknowledged by a master that died before its replica had it (a
    // Sentinel fail-over). So marks are believed only once Redis has given no trouble for a
    // key's whole lifetime: every key from before the trouble has expired by then.
    bool marksTrusted() const;
    // Deletes a seat's key if `owner` still has it (a key whose hold never reached PostgreSQL:
    // its process died between the two).
    void removeStale(const std::string& event, const std::string& seat, const std::string& owner);
    // Deletes the keys that `owner` holds (after a hold failed in PostgreSQL).
    void release(const std::string& event, const std::vector<std::string>& seats,
                 const std::string& owner);
    // Deletes the keys outright (the hold was released or has ended in PostgreSQL). When Redis
    // does not take it, it is retried in the background until it does.
    void clear(const std::string& event, const std::vector<std::string>& seats);

    static std::string key(const std::string& event, const std::string& seat)
    {
        return "seat:" + event + ":" + seat;
    }

private:
    void workLoop();
    void mark(const std::vector<std::pair<std::string, std::string>>& batch);
    // The keys that Redis did not delete (none: all done).
    std::vector<std::string> deleteKeys(std::vector<std::string> keys);

    Redis& m_redis;
    std::chrono::milliseconds m_keyLifetime;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::pair<std::string, std::string>> m_toMark;          // key, owner
    std::vector<std::string> m_toClear;                                 // keys Redis did not delete
    std::optional<std::chrono::steady_clock::time_point> m_lostClearAt; // one given up on
    bool m_stopping = false;
    std::thread m_worker;
};

} // namespace ticketing::cache
