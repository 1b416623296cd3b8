// A ticket's QR code as a gate reads it: verified against the two keys of
// docs/ticket-credentials.md's test vectors, checked at a time inside their validity, and read
// without verifying (to name the event of a ticket for another gate).
#include "FuzzSupport.h"
#include "domain/Credential.h"

namespace {
const std::vector<ticketing::domain::TrustedKey>& keys()
{
    using namespace ticketing::domain;
    static const auto k = [] {
        std::vector<TrustedKey> out;
        std::array<std::uint8_t, 32> seed{};
        for (std::uint8_t i = 0; i < 32; ++i)
            seed[i] = i;
        out.push_back(TrustedKey::of(*EventId::parse("0192f3a0-0000-7000-8000-00000000000a"),
                                     SigningKey::fromSeed(seed).publicKey));
        for (std::uint8_t i = 0; i < 32; ++i)
            seed[i] = static_cast<std::uint8_t>(32 + i);
        out.push_back(TrustedKey::of(*EventId::parse("0192f3a0-0000-7000-8000-00000000000b"),
                                     SigningKey::fromSeed(seed).publicKey));
        return out;
    }();
    return k;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    const auto code = fuzz::text(data, size);
    (void)domain::verifyCredential(code, keys());
    (void)domain::readClaims(code);
    const std::vector<domain::TicketId> revoked{
        *domain::TicketId::parse("0192f3a0-1111-7111-8111-111111111111")};
    (void)domain::checkCredential(
        code, keys(), revoked, domain::Clock::TimePoint(std::chrono::seconds(1772323200 + 3600)));
    return 0;
}
