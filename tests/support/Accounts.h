#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ticketing::test {

class HttpClient;

// Makes an account with `ticketd user add` (against the database in `env`) and signs it in
// through `http`; returns the access token, or an empty string (with a warning) on failure.
QString signUpAs(HttpClient& http, const QStringList& env, const QString& role,
                 const QString& email);

QList<QPair<QByteArray, QByteArray>> bearer(const QString& token);

} // namespace ticketing::test
