#include "services/PasswordHasher.h"

#include <sodium.h>
#include <stdexcept>

namespace ticketing::services {

PasswordHasher::PasswordHasher() : PasswordHasher(Cost{}) {}

PasswordHasher::PasswordHasher(Cost cost) : m_cost(cost)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot initialise");
    m_dummyHash = hash("not a password anyone has: used to spend equal time on unknown emails");
}

std::string PasswordHasher::hash(std::string_view password) const
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), m_cost.opsLimit,
                              m_cost.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return out;
}

bool PasswordHasher::verify(const std::string& storedHash, std::string_view password) const
{
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needsRehash(const std::string& storedHash) const
{
    return crypto_pwhash_str_needs_rehash(storedHash.c_str(), m_cost.opsLimit,
                                          m_cost.memLimitBytes) != 0;
}

void PasswordHasher::verifyDummy(std::string_view password) const
{
    (void)verify(m_dummyHash, password);
}

} // namespace ticketing::services
