#pragma once

#include "domain/Codec.h"
#include "domain/Problem.h"

#include <string>

namespace ticketing::domain {

// API.md "Idempotency": the answer to a request that carried an Idempotency-Key, kept with the
// key in the transaction of its effect and given again, as it was, to a retry with the same key
// and body within 24 hours. The body is the wire contract's JSON, written by the codec.
struct StoredAnswer
{
    int status = 0;
    std::string body;
    bool operator==(const StoredAnswer&) const = default;
};

template <class T> StoredAnswer storedAnswer(int status, const T& value)
{
    return {status, encodeText(value)};
}
inline StoredAnswer storedAnswer(const Problem& problem)
{
    return {problem.status(), encodeText(problem)};
}

// The two refusals of API.md "Idempotency".
Problem keyInFlight(); // 409 idempotency_key_in_flight: the first request still runs
Problem keyReused();   // 422 idempotency_key_reused: the key was sent with another body
// What a key's record compares: the request body's SHA-256, in hex.
std::string requestHash(std::string_view body);

} // namespace ticketing::domain
