#pragma once

#include "domain/Problem.h"

#include <string>

namespace ticketing::services {

// An answer already rendered, as stored with an idempotency key and replayed as it is
// (API.md "Idempotency").
struct Answer
{
    int status = 0;
    std::string body;
    bool replayed = false;
};

// RFC 7807 with the request id.
Answer problemAnswer(const domain::Problem& p, const std::string& requestId);
// The two refusals of API.md "Idempotency": 409 idempotency_key_in_flight while the first
// request with the key runs, 422 idempotency_key_reused for the key with another body.
Answer keyInFlight(const std::string& requestId);
Answer keyReused(const std::string& requestId);
// What an idempotency key's record compares: the request body's SHA-256, in hex.
std::string sha256Hex(const std::string& text);

} // namespace ticketing::services
