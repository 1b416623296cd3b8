#pragma once

#include "domain/Clock.h"
#include "domain/Idempotency.h"
#include "domain/Uuid.h"

#include <functional>
#include <string>

namespace ticketing::db {

class Session;
namespace checkout {
struct Tx;
}

// API.md "Idempotency": the keys' records (table idempotency_keys), one store for every route
// that takes a key. A key belongs to its user; its record keeps the request body's hash and the
// answer, written in the transaction of the effect, so the effect happens exactly once.
namespace idempotency {

struct Request
{
    domain::UserId user;
    std::string key;
    std::string route; // "POST /payments/intent"
    std::string requestHash;
    domain::Clock::TimePoint now;
};
struct Outcome
{
    domain::StoredAnswer answer; // the effect's, or the first one's (replayed)
    bool replayed = false;
    bool inFlight = false; // the first request with the key still runs
    bool reused = false;   // the key was used with another body (or route)
    // The first request recorded its effect but has not answered yet (its answer waits on a
    // payment provider, or it crashed there): `answer.body` is the reference it recorded.
    bool begun = false;
};

// What an effect answers that is not finished in its transaction: the key's record keeps
// `reference` (a payment id) until finish() stores the answer.
inline domain::StoredAnswer begun(std::string reference)
{
    return {0, std::move(reference)};
}

// Runs `effect` in one transaction with the key's record, which stores its answer; a retry with
// the same key and body gets that answer again, one with another body `reused`, one while the
// first runs `inFlight`. An answer of 5xx is not stored (a retry tries again).
Outcome run(Session& s, const Request& r,
            const std::function<domain::StoredAnswer(checkout::Tx&)>& effect);

// Stores the answer of a begun record (one of 5xx removes the record: a retry tries again).
void finish(checkout::Tx& tx, const domain::UserId& user, const std::string& key,
            const domain::StoredAnswer& answer);

} // namespace idempotency
} // namespace ticketing::db
