#include "domain/WebhookSignature.h"

#include <array>
#include <charconv>
#include <optional>
#include <sodium.h>
#include <stdexcept>
#include <vector>

namespace ticketing::domain {

namespace {
using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Mac mac(std::string_view secret, std::int64_t t, std::string_view body)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium cannot be initialised");
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    const auto prefix = std::to_string(t) + ".";
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                                  prefix.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                  body.size());
    Mac out{};
    crypto_auth_hmacsha256_final(&state, out.data());
    return out;
}
} // namespace

std::string signWebhook(std::string_view secret, std::int64_t unixSeconds, std::string_view body)
{
    const auto m = mac(secret, unixSeconds, body);
    std::string hex(m.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), m.data(), m.size());
    hex.pop_back();
    return "t=" + std::to_string(unixSeconds) + ",v1=" + hex;
}

std::string_view toString(WebhookSignatureError e)
{
    switch (e) {
    case WebhookSignatureError::Malformed:
        return "malformed";
    case WebhookSignatureError::Stale:
        return "stale";
    case WebhookSignatureError::Mismatch:
        return "mismatch";
    }
    return "malformed";
}

Result<std::int64_t, WebhookSignatureError>
verifyWebhook(std::string_view header, std::string_view body, std::string_view secret,
              Clock::TimePoint now, std::chrono::seconds tolerance)
{
    std::optional<std::int64_t> t;
    std::vector<Mac> candidates;
    while (!header.empty()) {
        const auto comma = header.find(',');
        auto item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        if (item.substr(0, 2) == "t=") {
            std::int64_t v = 0;
            const auto digits = item.substr(2);
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
            if (ec != std::errc() || end != digits.data() + digits.size())
                return fail(WebhookSignatureError::Malformed);
            t = v;
        } else if (item.substr(0, 3) == "v1=") {
            Mac m{};
            std::size_t written = 0;
            const auto hex = item.substr(3);
            if (hex.size() == m.size() * 2 &&
                sodium_hex2bin(m.data(), m.size(), hex.data(), hex.size(), nullptr, &written,
                               nullptr) == 0 &&
                written == m.size())
                candidates.push_back(m);
        }
    }
    if (!t || candidates.empty())
        return fail(WebhookSignatureError::Malformed);
    const auto nowSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    if (*t < nowSeconds - tolerance.count() || *t > nowSeconds + tolerance.count())
        return fail(WebhookSignatureError::Stale);
    const auto expected = mac(secret, *t, body);
    for (const auto& c : candidates)
        if (sodium_memcmp(c.data(), expected.data(), expected.size()) == 0)
            return *t;
    return fail(WebhookSignatureError::Mismatch);
}

} // namespace ticketing::domain
