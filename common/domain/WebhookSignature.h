#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ticketing::domain {

// The signature of a payment provider's webhook (API.md "Payments", DESIGN.md "Payments"):
//
//   Ticketing-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//
// The provider (our simulator, or a real one through configuration) signs; ticketd verifies.
// Several v1 entries may stand in one header while a secret is being rotated.
std::string signWebhook(std::string_view secret, std::int64_t unixSeconds, std::string_view body);

enum class WebhookSignatureError
{
    Malformed, // no t= or no v1=
    Stale,     // t is more than the tolerance away from now (either way)
    Mismatch   // no v1 matches the body under the secret
};
std::string_view toString(WebhookSignatureError e);

// The signed time, if `header` signs `body` with `secret` within `tolerance` of `now`.
// The comparison is constant-time.
Result<std::int64_t, WebhookSignatureError>
verifyWebhook(std::string_view header, std::string_view body, std::string_view secret,
              Clock::TimePoint now, std::chrono::seconds tolerance = std::chrono::seconds(300));

} // namespace ticketing::domain
