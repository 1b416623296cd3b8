#pragma once

#include "domain/Idempotency.h"
#include "domain/Problem.h"

#include <variant>

namespace ticketing::services {

// The first answer to an Idempotency-Key, given again as it was stored (API.md "Idempotency").
struct Replayed
{
    domain::StoredAnswer answer;
};

// What a request with an Idempotency-Key comes to: this request's own value or problem, or the
// replay of the first answer to its key. The handler writes the first two through the codec and
// the replay as it is, with Idempotent-Replayed.
template <class T> using Keyed = std::variant<T, domain::Problem, Replayed>;

} // namespace ticketing::services
