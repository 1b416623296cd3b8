// The hold body (POST /bookings/hold): seats, a tier and quantity, best available, a customer.
#include "FuzzSupport.h"
#include "domain/Booking.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    fuzz::readBody<domain::HoldRequest>(fuzz::text(data, size));
    return 0;
}
