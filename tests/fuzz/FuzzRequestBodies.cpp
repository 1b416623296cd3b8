// Every other request body ticketd reads through the codec. The first byte chooses the type
// (the seed corpus has one file per type, from tests/data/wire), the rest is the body.
#include "FuzzSupport.h"
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/CheckIn.h"
#include "domain/Payment.h"
#include "domain/Promo.h"
#include "domain/Shift.h"
#include "domain/User.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    using namespace ticketing::domain;
    if (size == 0)
        return 0;
    const auto body = fuzz::text(data + 1, size - 1);
    switch (data[0] % 15) {
    case 0:
        fuzz::readBody<Registration>(body);
        break;
    case 1:
        fuzz::readBody<Credentials>(body);
        break;
    case 2:
        fuzz::readBody<RefreshRequest>(body);
        break;
    case 3:
        fuzz::readBody<ProfileChange>(body);
        break;
    case 4:
        fuzz::readBody<RoleChange>(body);
        break;
    case 5:
        fuzz::readBody<ConfirmRequest>(body);
        break;
    case 6:
        fuzz::readBody<IntentRequest>(body);
        break;
    case 7:
        fuzz::readBody<RefundRequest>(body);
        break;
    case 8:
        fuzz::readBody<ShiftOpening>(body);
        break;
    case 9:
        fuzz::readBody<BlockRequest>(body);
        break;
    case 10:
        fuzz::readBody<UnblockRequest>(body);
        break;
    case 11:
        fuzz::readBody<DeviceInput>(body);
        break;
    case 12:
        fuzz::readBody<EnrollRequest>(body);
        break;
    case 13:
        fuzz::readBody<ScanBatch>(body);
        break;
    }
    return 0;
}
