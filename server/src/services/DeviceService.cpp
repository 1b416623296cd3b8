#include "services/DeviceService.h"

#include "db/DeviceStore.h"
#include "db/Pool.h"
#include "services/TokenService.h"

#include <sodium.h>

namespace ticketing::services {

using domain::Problem;
using domain::ProblemCode;

namespace {
constexpr std::string_view kTokenPrefix = "gd_";

std::string newEnrollmentCode()
{
    std::string code;
    for (std::size_t i = 0; i < domain::kEnrollmentCodeLength; ++i)
        code += domain::kEnrollmentAlphabet[randombytes_uniform(
            static_cast<std::uint32_t>(domain::kEnrollmentAlphabet.size()))];
    return code;
}

Problem invalidCode()
{
    return Problem(400, "invalid_enrollment_code", "Invalid enrollment code",
                   "the code is unknown, used or expired: add the device again for a new one");
}

Problem noDevice()
{
    return Problem(ProblemCode::NotFound, "no such device");
}
} // namespace

bool DeviceService::isDeviceToken(std::string_view token)
{
    return token.substr(0, kTokenPrefix.size()) == kTokenPrefix;
}

domain::Result<domain::DeviceEnrollment, Problem>
DeviceService::create(const Caller& caller, Decoded<domain::DeviceInput> input)
{
    if (!input.ok())
        return domain::fail(std::move(input).error());
    const auto now = m_clock.now();
    domain::DeviceEnrollment out;
    out.id = domain::DeviceId::generate();
    out.name = input->name;
    out.gate = input->gate;
    out.enrollmentCode = newEnrollmentCode();
    out.enrollmentExpiresAt = now + kEnrollmentLifetime;
    db::devices::create(db::currentSession(), out.id, caller.user, *input,
                        TokenService::hashRefreshToken(out.enrollmentCode), out.enrollmentExpiresAt,
                        now);
    return out;
}

domain::Result<domain::EnrolledDevice, Problem>
DeviceService::enroll(Decoded<domain::EnrollRequest> request)
{
    if (!request.ok())
        return domain::fail(std::move(request).error());
    const auto code = domain::normalizedEnrollmentCode(request->enrollmentCode);
    if (code.size() != domain::kEnrollmentCodeLength)
        return domain::fail(invalidCode());
    // The token: 256 random bits, as a refresh token is, named for what it is.
    const auto token = std::string(kTokenPrefix) + TokenService::newRefreshToken();
    const auto row = db::devices::enroll(db::currentSession(), TokenService::hashRefreshToken(code),
                                         TokenService::hashRefreshToken(token), m_clock.now());
    if (!row)
        return domain::fail(invalidCode());
    return domain::EnrolledDevice{row->device.id, row->device.name, row->device.gate, token};
}

std::vector<domain::Device> DeviceService::list(const Caller& caller)
{
    return db::devices::list(db::currentSession(),
                             caller.isAdmin() ? std::nullopt : std::optional(caller.user));
}

std::optional<Problem> DeviceService::remove(const Caller& caller, const domain::DeviceId& id)
{
    auto& s = db::currentSession();
    const auto row = db::devices::find(s, id);
    if (!row || (!caller.isAdmin() && row->organizer != caller.user))
        return noDevice();
    if (!db::devices::remove(s, id, m_clock.now()))
        return noDevice();
    return std::nullopt;
}

std::optional<DeviceService::Signed> DeviceService::authenticate(std::string_view token)
{
    if (!isDeviceToken(token))
        return std::nullopt;
    const auto row =
        db::devices::byToken(db::currentSession(), TokenService::hashRefreshToken(token));
    if (!row)
        return std::nullopt;
    return Signed{row->device.id, row->organizer, row->device.gate};
}

} // namespace ticketing::services
