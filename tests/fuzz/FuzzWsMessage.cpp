// A WebSocket message from a client (auth, subscribe with since and format, unsubscribe,
// ping), as LiveSyncHandler reads it.
#include "FuzzSupport.h"
#include "domain/LiveSync.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    fuzz::readBody<domain::SyncClientMessage>(fuzz::text(data, size));
    return 0;
}
