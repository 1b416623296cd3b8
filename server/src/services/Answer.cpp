#include "services/Answer.h"

#include <boost/json/serialize.hpp>
#include <sodium.h>

namespace ticketing::services {

Answer problemAnswer(const domain::Problem& p, const std::string& requestId)
{
    auto o = p.toJson();
    o["request_id"] = requestId;
    return {p.status(), boost::json::serialize(o), false};
}

Answer keyInFlight(const std::string& requestId)
{
    return problemAnswer(domain::Problem(409, "idempotency_key_in_flight",
                                         "The first request with this key is still running",
                                         "wait for its answer, then retry"),
                         requestId);
}

Answer keyReused(const std::string& requestId)
{
    return problemAnswer(
        domain::Problem(422, "idempotency_key_reused", "The key was used for another request",
                        "an Idempotency-Key stands for one request body; use a new key"),
        requestId);
}

std::string sha256Hex(const std::string& text)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

} // namespace ticketing::services
