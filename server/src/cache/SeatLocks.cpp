#include "cache/SeatLocks.h"

#include "cache/Redis.h"

#include <algorithm>

namespace ticketing::cache {

namespace {
// KEYS: seat keys. ARGV[1]: owner, ARGV[2]: ttl in ms. Returns, for each key owned by another,
// its 1-based index, its owner and the ms it has left; when there are any, the keys this call
// set are deleted again.
constexpr const char* kAcquire = R"lua(
local taken = {}
local mine = {}
for i, k in ipairs(KEYS) do
  if redis.call('SET', k, ARGV[1], 'NX', 'PX', ARGV[2]) then
    mine[#mine + 1] = k
  else
    local other = redis.call('GET', k)
    if other == ARGV[1] or other == ARGV[1] .. '!' then
      redis.call('PEXPIRE', k, ARGV[2])
    else
      taken[#taken + 1] = i
      taken[#taken + 1] = other or ''
      taken[#taken + 1] = redis.call('PTTL', k)
    end
  end
end
if #taken > 0 then
  for _, k in ipairs(mine) do redis.call('DEL', k) end
end
return taken)lua";

// KEYS: seat keys; ARGV[i]: the owner of KEYS[i]. Its keys say that its hold is in PostgreSQL.
constexpr const char* kCommitted = R"lua(
for i, k in ipairs(KEYS) do
  if redis.call('GET', k) == ARGV[i] then redis.call('SET', k, ARGV[i] .. '!', 'XX', 'KEEPTTL') end
end
return 0)lua";

constexpr const char* kRelease = R"lua(
for _, k in ipairs(KEYS) do
  if redis.call('GET', k) == ARGV[1] then redis.call('DEL', k) end
end
return 0)lua";

std::vector<std::string> evalArgs(const char* script, const std::string& event,
                                  const std::vector<std::string>& seats)
{
    std::vector<std::string> args{"EVAL", script, std::to_string(seats.size())};
    for (const auto& s : seats)
        args.push_back(SeatLocks::key(event, s));
    return args;
}
} // namespace

std::optional<std::vector<SeatLocks::Taken>>
SeatLocks::acquire(const std::string& event, const std::vector<std::string>& seats,
                   const std::string& owner, std::chrono::milliseconds ttl)
{
    if (!m_redis.isUp())
        return std::nullopt;
    auto args = evalArgs(kAcquire, event, seats);
    args.push_back(owner);
    args.push_back(std::to_string(ttl.count()));
    auto reply = m_redis.command(args);
    if (!reply || reply->type != RedisReply::Type::Array)
        return std::nullopt; // down, or a script error: PostgreSQL decides alone
    std::vector<Taken> taken;
    for (std::size_t i = 0; i + 2 < reply->elements.size(); i += 3)
        taken.push_back({static_cast<std::size_t>(reply->elements[i].integer - 1),
                         reply->elements[i + 1].str,
                         std::chrono::milliseconds(reply->elements[i + 2].integer)});
    return taken;
}

SeatLocks::SeatLocks(Redis& redis, std::chrono::milliseconds keyLifetime)
    : m_redis(redis), m_keyLifetime(keyLifetime), m_worker([this] { workLoop(); })
{
}

SeatLocks::~SeatLocks()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_worker.join();
}

bool SeatLocks::marksTrusted() const
{
    const auto now = std::chrono::steady_clock::now();
    if (const auto trouble = m_redis.lastTrouble(); trouble && now - *trouble < m_keyLifetime)
        return false;
    const std::lock_guard lock(m_mutex);
    return m_toClear.empty() && (!m_lostClearAt || now - *m_lostClearAt >= m_keyLifetime);
}

void SeatLocks::committed(const std::string& event, const std::vector<std::string>& seats,
                          const std::string& owner)
{
    if (seats.empty())
        return;
    {
        const std::lock_guard lock(m_mutex);
        if (m_toMark.size() > 100000)
            return; // Redis cannot keep up: unmarked keys are checked against PostgreSQL
        for (const auto& seat : seats)
            m_toMark.emplace_back(key(event, seat), owner);
    }
    m_wake.notify_one();
}

// Marks and retried deletions, off the requests' path. While deletions wait for Redis to come
// back, it looks again every quarter second.
void SeatLocks::workLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        auto due = [this] { return m_stopping || !m_toMark.empty(); };
        if (m_toClear.empty())
            m_wake.wait(lock, [&] { return due() || !m_toClear.empty(); });
        else
            m_wake.wait_for(lock, std::chrono::milliseconds(250), due);
        if (m_stopping && m_toMark.empty())
            return; // deletions still owed end with their keys' lifetime
        std::vector<std::pair<std::string, std::string>> marks;
        marks.swap(m_toMark);
        std::vector<std::string> clears;
        if (m_redis.isUp())
            clears.swap(m_toClear);
        lock.unlock();
        mark(marks);
        // A retried deletion may remove the key of a hold made since (the seat was free in
        // PostgreSQL, and someone took it): that costs the fast path for that seat, never a
        // wrong answer, since PostgreSQL decides every hold.
        auto failed = deleteKeys(std::move(clears));
        lock.lock();
        m_toClear.insert(m_toClear.end(), failed.begin(), failed.end());
    }
}

void SeatLocks::mark(const std::vector<std::pair<std::string, std::string>>& batch)
{
    constexpr std::size_t kPerCall = 256;
    for (std::size_t at = 0; at < batch.size(); at += kPerCall) {
        const auto end = std::min(batch.size(), at + kPerCall);
        std::vector<std::string> args{"EVAL", kCommitted, std::to_string(end - at)};
        for (auto i = at; i < end; ++i)
            args.push_back(batch[i].first);
        for (auto i = at; i < end; ++i)
            args.push_back(batch[i].second);
        m_redis.command(args); // best effort: an unmarked key is checked against PostgreSQL
    }
}

std::vector<std::string> SeatLocks::deleteKeys(std::vector<std::string> keys)
{
    constexpr std::size_t kPerCall = 256;
    std::vector<std::string> failed;
    for (std::size_t at = 0; at < keys.size(); at += kPerCall) {
        const auto end = std::min(keys.size(), at + kPerCall);
        std::vector<std::string> args{"DEL"};
        args.insert(args.end(), keys.begin() + static_cast<std::ptrdiff_t>(at),
                    keys.begin() + static_cast<std::ptrdiff_t>(end));
        const auto reply = m_redis.command(args);
        if (!reply || reply->isError())
            failed.insert(failed.end(), keys.begin() + static_cast<std::ptrdiff_t>(at), keys.end());
        if (!reply || reply->isError())
            break;
    }
    return failed;
}

void SeatLocks::removeStale(const std::string& event, const std::string& seat,
                            const std::string& owner)
{
    auto args = evalArgs(kRelease, event, {seat});
    args.push_back(owner);
    m_redis.command(args);
}

void SeatLocks::release(const std::string& event, const std::vector<std::string>& seats,
                        const std::string& owner)
{
    if (seats.empty())
        return;
    auto args = evalArgs(kRelease, event, seats);
    args.push_back(owner);
    m_redis.command(args); // best effort: the keys expire with the hold anyway
}

void SeatLocks::clear(const std::string& event, const std::vector<std::string>& seats)
{
    if (seats.empty())
        return;
    std::vector<std::string> keys;
    for (const auto& s : seats)
        keys.push_back(key(event, s));
    auto failed = deleteKeys(std::move(keys));
    if (failed.empty())
        return;
    {
        const std::lock_guard lock(m_mutex);
        if (m_toClear.size() + failed.size() > 100000) {
            m_lostClearAt = std::chrono::steady_clock::now(); // marks are doubted meanwhile
            return;
        }
        m_toClear.insert(m_toClear.end(), failed.begin(), failed.end());
    }
    m_wake.notify_one();
}

} // namespace ticketing::cache
