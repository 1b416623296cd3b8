#pragma once

#include "client/ApiClient.h"
#include "domain/Roles.h"

#include <QObject>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>
#include <vector>

namespace ticketing::client {

// What an app remembers between runs (DESIGN.md "The apps"): the server and the e-mail last
// used (settings), and the refresh token, kept in the system keychain (QtKeychain), never in a
// file. Without a keychain (no desktop session, no secret service) the app still works: the
// token is kept for this run only, and `keychainProblem()` says why the password will be asked
// next time.
class Session : public QObject
{
    Q_OBJECT

public:
    // `app` names the app's settings and its keychain entries ("boxoffice").
    explicit Session(const QString& app, QObject* parent = nullptr);

    QUrl server() const;
    QString email() const;
    void remember(const QUrl& server, const QString& email);

    // Kept in the keychain under the server and e-mail; `done(true)` when it is.
    void keepRefreshToken(const QString& token, std::function<void(bool kept)> done = {});
    // The token kept for the remembered server and e-mail, or none (never kept, or no keychain).
    void refreshToken(std::function<void(std::optional<QString> token)> done);
    void forgetRefreshToken(std::function<void()> done = {});

    // Signs in through `api` as `role` (or an admin): then the server and e-mail are remembered
    // and the refresh token kept. Any other account is signed out again and refused with
    // `refusal` (a Failure of code "wrong_role").
    void signIn(ApiClient& api, const QString& email, const QString& password, domain::Role role,
                const QString& refusal, QObject* context,
                std::function<void(const Outcome<domain::Tokens>&)> done);

    // Empty while the keychain works (or has not been tried); otherwise what went wrong, for a
    // person ("No keychain is available: you will be asked for your password next time").
    QString keychainProblem() const { return m_problem; }

Q_SIGNALS:
    void keychainProblemChanged(const QString& problem);

private:
    QString entryKey() const;
    void setProblem(const QString& problem);

    QString m_app;
    QSettings m_settings;
    QString m_problem;
    std::optional<QString> m_thisRun; // the token, when the keychain could not keep it
};

} // namespace ticketing::client
