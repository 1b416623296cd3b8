#pragma once

#include "domain/CheckIn.h"
#include "domain/Clock.h"
#include "domain/Problem.h"
#include "domain/Result.h"
#include "services/Caller.h"
#include "services/Decoded.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ticketing::services {

// Check-in devices (API.md "Check-in"): an organizer adds a scanner for a gate and gets a
// one-time enrollment code (valid 24 h); the scanner trades it for a device token, which signs
// it in as role `gate` for that organizer's events until the device is deleted (at once: every
// request looks the token up).
class DeviceService
{
public:
    explicit DeviceService(const domain::Clock& clock) : m_clock(clock) {}

    domain::Result<domain::DeviceEnrollment, domain::Problem>
    create(const Caller& caller, Decoded<domain::DeviceInput> input);
    domain::Result<domain::EnrolledDevice, domain::Problem>
    enroll(Decoded<domain::EnrollRequest> request);
    // The caller's devices (an admin's: everyone's).
    std::vector<domain::Device> list(const Caller& caller);
    // Deletes the caller's device; its token stops working.
    std::optional<domain::Problem> remove(const Caller& caller, const domain::DeviceId& id);

    // A device token ("gd_..."): the device and the organizer it acts for, or nullopt.
    struct Signed
    {
        domain::DeviceId device;
        domain::UserId organizer;
        std::string gate;
    };
    static bool isDeviceToken(std::string_view token);
    std::optional<Signed> authenticate(std::string_view token);

    static constexpr std::chrono::hours kEnrollmentLifetime{24};

private:
    const domain::Clock& m_clock;
};

} // namespace ticketing::services
