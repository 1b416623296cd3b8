#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace ticketing::test {

// Writes down an answer of ticketd that a test received, one JSON line in the build's
// test-exchanges directory, for tests/contract/validate_responses.py to check against
// docs/openapi.json once the tests are done (ctest: contract.responses). Answers of other
// servers (paysim, nginx's own pages) are not ticketd's API: only /api/ and the operations
// paths are kept. Header names in any case.
void recordAnswer(const QByteArray& method, const QUrl& url, int status,
                  const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body);

} // namespace ticketing::test
