#pragma once

#include "domain/Problem.h"

#include <exception>
#include <functional>
#include <optional>

namespace ticketing::http {

// Where the router runs the routes that may block (everything but health and metrics): off
// the I/O threads, on workers that app/ provides (the database pool). The transport knows only
// this interface, never the database behind it.
class Executor
{
public:
    virtual ~Executor() = default;
    // Queues `job`; false, at once, when the queue is full or stopping (the router then answers
    // 503 overloaded). A job must not throw.
    virtual bool trySubmit(std::function<void()> job) = 0;
};

// The problem to answer for an exception that escaped a route: infrastructure failures that
// the layers below know (the database unreachable, a commit whose outcome is unknown) become
// their 503s; nullopt leaves it a 500 internal_error. Set by app/, which knows those layers.
using ErrorTranslator = std::function<std::optional<domain::Problem>(const std::exception&)>;

} // namespace ticketing::http
