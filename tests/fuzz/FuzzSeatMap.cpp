// The venue body (POST/PUT /venues): its seat map is the largest thing a client sends (up to
// 12 MB), read by parseVenue and checked by every rule of domain::SeatMap.
#include "FuzzSupport.h"
#include "domain/Venue.h"

#include <boost/json/parse.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    const auto in = fuzz::text(data, size);
    fuzz::readBody<domain::VenueInput>(in);
    // A map alone, as the organizer's designer opens a file.
    boost::system::error_code ec;
    const auto json = boost::json::parse(in, ec);
    if (!ec) {
        auto map = domain::parseSeatMap(json);
        if (map.ok())
            (void)domain::validateSeatMap(map.value());
    }
    return 0;
}
