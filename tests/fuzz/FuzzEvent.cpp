// The event body (POST/PUT /events): times, currency, prices, tiers and the refund policy.
#include "FuzzSupport.h"
#include "domain/Event.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    auto event = domain::decodeText<domain::EventInput>(fuzz::text(data, size));
    if (!event.ok())
        return 0;
    fuzz::roundTrip(event.value());
    // The tiers against a venue of one seated and one standing section, as EventService does.
    const std::vector<domain::SectionSummary> sections{
        {"MAIN", domain::SectionKind::Seated, 120}, {"FLOOR", domain::SectionKind::Standing, 500}};
    (void)domain::checkTiers(event.value(), sections);
    for (const auto& tier : event.value().tiers)
        (void)domain::tierCapacity(tier, sections);
    return 0;
}
