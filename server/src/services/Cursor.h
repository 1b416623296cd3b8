#pragma once

#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
#include <utility>

namespace ticketing::services {

// The position of a list's last item in a (time, id) keyset order: "<epoch micros>_<uuid>".
// Handlers wrap it opaquely (base64url) before clients see it.
std::string keysetCursor(domain::Clock::TimePoint t, const domain::Uuid& id);
std::optional<std::pair<domain::Clock::TimePoint, domain::Uuid>>
parseKeysetCursor(const std::string& cursor);

} // namespace ticketing::services
