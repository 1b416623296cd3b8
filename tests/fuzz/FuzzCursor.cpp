// A list's query as a client sends it (`?limit=&cursor=`): handlers::pageOf reads the limit and
// the opaque cursor (base64url of "<epoch micros>_<uuid>"), and services::parseKeysetCursor
// reads what it wraps. The input is the query string.
#include "FuzzSupport.h"
#include "handlers/Json.h"
#include "services/Cursor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ticketing;
    http::Request request;
    request.method = "GET";
    request.path = "/api/v1/events";
    request.query = std::string(fuzz::text(data, size));
    request.target = request.path + "?" + request.query;
    auto page = handlers::pageOf(request);
    if (!page.ok() || !page->cursor)
        return 0;
    if (auto c = services::parseKeysetCursor(*page->cursor)) {
        // What it names is written back the same way.
        if (services::parseKeysetCursor(services::keysetCursor(c->first, c->second)) != c)
            std::abort();
    }
    return 0;
}
