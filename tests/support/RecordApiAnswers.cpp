// Linked into the tests whose apps talk to ticketd through client::ApiClient: every answer the
// apps receive is written down for the contract check (support/Exchanges.h), as the tests'
// own HttpClient does. Compiled into each such test, not a library: a static initialiser in an
// archive that nothing references would be dropped by the linker.
#include "client/ApiClient.h"
#include "support/Exchanges.h"

namespace {
const bool installed = [] {
    ticketing::client::ApiClient::setWireObserver(
        [](const ticketing::client::ApiClient::WireAnswer& a) {
            ticketing::test::recordAnswer(a.method, a.url, a.status, a.headers, a.body);
        });
    return true;
}();
} // namespace
