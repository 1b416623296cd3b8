#pragma once

#include <string>

#include "domain/Problem.h"

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
// What an idempotency key's record compares: the request body's SHA-256, in hex.
std::string sha256Hex(const std::string& text);

} // namespace ticketing::services
