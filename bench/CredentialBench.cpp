// Ticket credentials and their QR images, on one core: how many codes a scanner checks per
// second offline (common/domain/Credential.h), how many ticketd signs, and how many QR PNGs
// it draws (GET /tickets/{id}/qr.png). Prints its figures; bench/README.md.
#include "domain/CheckIn.h"
#include "domain/Credential.h"
#include "services/QrPng.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace ticketing;
using Clock = std::chrono::steady_clock;

namespace {
template <class F> double perSecond(F&& work, std::chrono::milliseconds duration)
{
    const auto start = Clock::now();
    long long n = 0;
    while (Clock::now() - start < duration) {
        for (int i = 0; i < 64; ++i)
            work(n++);
    }
    return static_cast<double>(n) / std::chrono::duration<double>(Clock::now() - start).count();
}
} // namespace

int main(int argc, char** argv)
{
    const auto seconds = std::chrono::milliseconds(argc > 1 ? std::stoi(argv[1]) * 1000 : 3000);
    // A scanner at a festival gate: the event's keys after two rotations.
    const auto event = domain::EventId::generate();
    std::vector<domain::SigningKey> keys{domain::SigningKey::generate(),
                                         domain::SigningKey::generate(),
                                         domain::SigningKey::generate()};
    std::vector<domain::TrustedKey> trusted;
    for (const auto& k : keys)
        trusted.push_back(domain::TrustedKey::of(event, k.publicKey));
    std::vector<std::string> codes;
    for (int i = 0; i < 1000; ++i) {
        domain::TicketClaims c;
        c.ticket = domain::TicketId::generate();
        c.event = event;
        c.tier = domain::TierId::generate();
        c.seat = domain::SeatId::generate();
        c.validFrom =
            std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        c.validUntil = c.validFrom + std::chrono::hours(24);
        codes.push_back(domain::signCredential(c, keys[static_cast<std::size_t>(i) % keys.size()]));
    }
    std::vector<domain::TicketId> revoked(500);
    for (auto& r : revoked)
        r = domain::TicketId::generate();
    std::sort(revoked.begin(), revoked.end());

    long long failures = 0;
    const auto now = std::chrono::system_clock::now();
    const double verify = perSecond(
        [&](long long i) {
            if (!domain::checkCredential(codes[static_cast<std::size_t>(i % 1000)], trusted,
                                         revoked, now)
                     .ok())
                ++failures;
        },
        seconds);
    auto altered = codes[0];
    altered[20] = altered[20] == 'A' ? 'B' : 'A';
    const double refuse = perSecond(
        [&](long long) {
            if (domain::verifyCredential(altered, trusted).ok())
                ++failures;
        },
        seconds);
    // The gate's whole decision offline (issue 16): the credential, revocations, validity and
    // where the ticket is (its passages looked up in a map, as a scanner's store would).
    std::map<domain::TicketId, std::vector<domain::Passage>> passages;
    const double decide = perSecond(
        [&](long long i) {
            const auto d = domain::decide(
                codes[static_cast<std::size_t>(i % 1000)], event, trusted, revoked,
                [&](const domain::TicketId& id) {
                    const auto it = passages.find(id);
                    return it == passages.end() ? domain::Presence{}
                                                : domain::presenceOf(it->second);
                },
                (i / 1000) % 2 == 0 ? domain::Direction::Entry : domain::Direction::Exit, now);
            if (!domain::opensGate(d.outcome))
                ++failures;
            else
                passages[d.claims->ticket].push_back(
                    {(i / 1000) % 2 == 0 ? domain::Direction::Entry : domain::Direction::Exit,
                     now + std::chrono::microseconds(i), "North", "bench"});
        },
        seconds);
    domain::TicketClaims claims;
    claims.event = event;
    const double sign = perSecond(
        [&](long long) {
            claims.ticket = domain::TicketId::generate();
            codes[0] = domain::signCredential(claims, keys[0]);
        },
        seconds);
    std::size_t bytes = 0;
    const double qr = perSecond(
        [&](long long i) {
            bytes = services::qrPng(codes[static_cast<std::size_t>(i % 1000)]).size();
        },
        seconds);

    std::printf("ticket credentials (Ed25519, libsodium), one core, %d-character codes:\n",
                static_cast<int>(codes[1].size()));
    std::printf("  verifications (signature, 3 trusted keys, 500 revocations, validity): %.0f/s = "
                "%.1f us each\n",
                verify, 1e6 / verify);
    std::printf("  refusals of an altered code: %.0f/s\n", refuse);
    std::printf("  gate decisions offline (domain::decide: credential, revocations, validity, "
                "presence; entries and exits): %.0f/s = %.1f us each   (aim: over 10,000/s)\n",
                decide, 1e6 / decide);
    std::printf("  credentials signed: %.0f/s\n", sign);
    std::printf("  QR images (libqrencode + libpng, 6 px a module): %.0f/s, %zu bytes each\n", qr,
                bytes);
    std::printf("  wrong answers: %lld\n", failures);
    return failures == 0 ? 0 : 1;
}
