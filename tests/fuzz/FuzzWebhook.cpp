// A card provider's webhook: the Ticketing-Signature header checked against the body, and the
// body read as a Stripe-shaped event (payments::parseWebhookEvent). The input is the header,
// a newline, then the body.
#include "FuzzSupport.h"
#include "domain/WebhookSignature.h"
#include "payments/Provider.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    const auto in = fuzz::text(data, size);
    const auto newline = in.find('\n');
    const auto header = in.substr(0, newline);
    const auto body =
        newline == std::string_view::npos ? std::string_view() : in.substr(newline + 1);
    (void)domain::verifyWebhook(header, body, "whsec_fuzz",
                                domain::Clock::TimePoint(std::chrono::seconds(1772323200)));
    auto event = payments::parseWebhookEvent(body);
    if (event)
        (void)(event->succeeded() || event->failed());
    return 0;
}
