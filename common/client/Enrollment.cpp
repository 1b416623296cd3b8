#include "client/Enrollment.h"

#include "domain/CheckIn.h"

#include <QUrlQuery>

namespace ticketing::client {

namespace {
const QString kScheme = QStringLiteral("ticketing-gate");

std::optional<QString> codeOf(const QString& text)
{
    const auto code = QString::fromStdString(domain::normalizedEnrollmentCode(text.toStdString()));
    if (code.size() != static_cast<qsizetype>(domain::kEnrollmentCodeLength))
        return std::nullopt;
    for (const auto c : code)
        if (!QLatin1String(domain::kEnrollmentAlphabet.data(),
                           static_cast<qsizetype>(domain::kEnrollmentAlphabet.size()))
                 .contains(c))
            return std::nullopt;
    return code;
}
} // namespace

QString enrollmentLink(const QUrl& server, const QString& code)
{
    QUrl link;
    link.setScheme(kScheme);
    link.setPath(QStringLiteral("enroll"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("server"),
                       QString::fromUtf8(QUrl::toPercentEncoding(server.toString())));
    query.addQueryItem(QStringLiteral("code"), code);
    link.setQuery(query);
    return link.toString(QUrl::FullyEncoded);
}

std::optional<EnrollmentLink> parseEnrollmentLink(const QString& text)
{
    const auto trimmed = text.trimmed();
    if (trimmed.startsWith(kScheme + QLatin1Char(':'))) {
        const QUrl link(trimmed);
        const QUrlQuery query(link.query());
        const auto code = codeOf(query.queryItemValue(QStringLiteral("code")));
        const QUrl server(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded));
        if (link.path() != QStringLiteral("enroll") || !code || !server.isValid() ||
            (server.scheme() != QStringLiteral("http") &&
             server.scheme() != QStringLiteral("https")))
            return std::nullopt;
        return EnrollmentLink{server, *code};
    }
    if (auto code = codeOf(trimmed))
        return EnrollmentLink{{}, *code};
    return std::nullopt;
}

} // namespace ticketing::client
