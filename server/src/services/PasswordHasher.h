#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ticketing::services {

// Argon2id through libsodium (crypto_pwhash_str): the hash string carries its own salt and
// cost, so older hashes keep verifying after the cost is raised, and are re-hashed at the next
// successful login. Blocking CPU and memory: call from a worker thread, never an I/O thread.
class PasswordHasher
{
public:
    struct Cost
    {
        // 2 passes over 32 MiB: about 22 ms on this project's 2-core machines (docs/benchmarks.md),
        // above OWASP's minimum for Argon2id (19 MiB, 2 passes). With 8 database workers at most
        // 8 hashes run at once: 256 MiB.
        unsigned long long opsLimit = 2;
        std::size_t memLimitBytes = 32u * 1024 * 1024;
    };

    PasswordHasher(); // the default Cost
    explicit PasswordHasher(Cost cost);

    std::string hash(std::string_view password) const; // throws std::runtime_error (out of memory)
    bool verify(const std::string& storedHash, std::string_view password) const;
    bool needsRehash(const std::string& storedHash) const;
    // Does the work of a verification against a throw-away hash, so that a login for an email
    // that has no account costs the same time as one with a wrong password.
    void verifyDummy(std::string_view password) const;

private:
    Cost m_cost;
    std::string m_dummyHash;
};

} // namespace ticketing::services
