#include "cache/SeatLocks.h"

#include "cache/Redis.h"

namespace ticketing::cache {

namespace {
// KEYS: seat keys. ARGV[1]: owner, ARGV[2]: ttl in ms. Returns the 1-based indexes of keys
// owned by another; when there are any, the keys this call set are deleted again.
constexpr const char* kAcquire = R"lua(
local taken = {}
local mine = {}
for i, k in ipairs(KEYS) do
  if redis.call('SET', k, ARGV[1], 'NX', 'PX', ARGV[2]) then
    mine[#mine + 1] = k
  elseif redis.call('GET', k) == ARGV[1] then
    redis.call('PEXPIRE', k, ARGV[2])
  else
    taken[#taken + 1] = i
  end
end
if #taken > 0 then
  for _, k in ipairs(mine) do redis.call('DEL', k) end
end
return taken)lua";

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

std::optional<std::vector<std::size_t>> SeatLocks::acquire(const std::string& event,
                                                           const std::vector<std::string>& seats,
                                                           const std::string& owner,
                                                           std::chrono::milliseconds ttl)
{
    if (!m_redis.isUp())
        return std::nullopt;
    auto args = evalArgs(kAcquire, event, seats);
    args.push_back(owner);
    args.push_back(std::to_string(ttl.count()));
    auto reply = m_redis.command(args);
    if (!reply || reply->type != RedisReply::Type::Array)
        return std::nullopt; // down, or a script error: PostgreSQL decides alone
    std::vector<std::size_t> taken;
    for (const auto& e : reply->elements)
        taken.push_back(static_cast<std::size_t>(e.integer - 1));
    return taken;
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
    std::vector<std::string> args{"DEL"};
    for (const auto& s : seats)
        args.push_back(key(event, s));
    m_redis.command(args);
}

} // namespace ticketing::cache
