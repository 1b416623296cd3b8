#pragma once

#include "domain/CheckIn.h"
#include "domain/Clock.h"
#include "domain/Uuid.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::db {

class Session;

// Check-in devices (migration 0020). Codes and tokens arrive here already hashed.
namespace devices {

struct Row
{
    domain::Device device;
    domain::UserId organizer;
};

void create(Session& s, const domain::DeviceId& id, const domain::UserId& organizer,
            const domain::DeviceInput& input, const std::string& enrollmentHash,
            domain::Clock::TimePoint expiresAt, domain::Clock::TimePoint now);
// Spends the code (unused, unexpired, its device not deleted) for the token: the device, or
// nullopt when the code is no good. One statement: two enrollments with one code make one.
std::optional<Row> enroll(Session& s, const std::string& enrollmentHash,
                          const std::string& tokenHash, domain::Clock::TimePoint now);
// The live device whose token hashes to `tokenHash`.
std::optional<Row> byToken(Session& s, const std::string& tokenHash);
std::optional<Row> find(Session& s, const domain::DeviceId& id);
// `organizer` none: every organizer's (admin).
std::vector<domain::Device> list(Session& s, const std::optional<domain::UserId>& organizer);
// Deletes it (its token stops); false when there was no such live device.
bool remove(Session& s, const domain::DeviceId& id, domain::Clock::TimePoint now);

} // namespace devices
} // namespace ticketing::db
