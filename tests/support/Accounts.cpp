#include "support/Accounts.h"

#include "support/HttpClient.h"
#include "support/TicketdProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

namespace ticketing::test {

QString signUpAs(HttpClient& http, const QStringList& env, const QString& role,
                 const QString& email)
{
    const auto password = QStringLiteral("test password 1");
    auto add =
        runTicketd({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--email"), email,
                    QStringLiteral("--password"), password, QStringLiteral("--role"), role},
                   env);
    if (add.exitCode != 0) {
        qWarning() << "user add failed:" << add.err;
        return {};
    }
    auto login = http.send("POST", QStringLiteral("/api/v1/auth/login"),
                           QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                     {QStringLiteral("password"), password}})
                               .toJson(QJsonDocument::Compact));
    if (login.status != 200) {
        qWarning() << "login failed:" << login.status << login.body;
        return {};
    }
    return login.json().value(QStringLiteral("access_token")).toString();
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString& token)
{
    return {{"Authorization", "Bearer " + token.toUtf8()}};
}

} // namespace ticketing::test
