#pragma once

#include "domain/Problem.h"
#include "domain/Result.h"

namespace ticketing::services {

// A request body as its handler read it through the codec: the value, or the 400 that says what
// is wrong with it (validation_failed, naming every field). Services that first decide who may
// act on what take it whole, so that a 404 or a 409 is answered before what is wrong with the
// body, as before the codec moved to the handlers.
template <class T> using Decoded = domain::Result<T, domain::Problem>;

} // namespace ticketing::services
