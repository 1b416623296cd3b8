#include "domain/Idempotency.h"

#include <sodium.h>

namespace ticketing::domain {

Problem keyInFlight()
{
    return Problem(409, "idempotency_key_in_flight",
                   "The first request with this key is still running",
                   "wait for its answer, then retry");
}

Problem keyReused()
{
    return Problem(422, "idempotency_key_reused", "The key was used for another request",
                   "an Idempotency-Key stands for one request body; use a new key");
}

std::string requestHash(std::string_view body)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

} // namespace ticketing::domain
