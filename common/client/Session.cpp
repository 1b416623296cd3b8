#include "client/Session.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace ticketing::client {

namespace {
QString service(const QString& app)
{
    return QStringLiteral("ticketing-") + app;
}
} // namespace

Session::Session(const QString& app, QObject* parent)
    : QObject(parent), m_app(app), m_settings(QStringLiteral("ticketing"), app)
{
}

QUrl Session::server() const
{
    return m_settings.value(QStringLiteral("session/server")).toUrl();
}

QString Session::email() const
{
    return m_settings.value(QStringLiteral("session/email")).toString();
}

void Session::remember(const QUrl& server, const QString& email)
{
    m_settings.setValue(QStringLiteral("session/server"), server);
    m_settings.setValue(QStringLiteral("session/email"), email);
    m_settings.sync();
}

void Session::signIn(ApiClient& api, const QString& email, const QString& password,
                     domain::Role role, const QString& refusal, QObject* context,
                     std::function<void(const Outcome<domain::Tokens>&)> done)
{
    const auto server = api.server();
    api.signIn(email, password, context,
               [this, &api, email, role, refusal, server,
                done = std::move(done)](const Outcome<domain::Tokens>& o) {
                   if (const auto* f = std::get_if<Failure>(&o))
                       return done(*f);
                   const auto& tokens = std::get<domain::Tokens>(o);
                   if (tokens.user.role != role && tokens.user.role != domain::Role::Admin) {
                       api.signOut();
                       return done(Failure{403, QStringLiteral("wrong_role"), refusal, {}, false});
                   }
                   remember(server, email);
                   keepRefreshToken(QString::fromStdString(tokens.refreshToken));
                   done(tokens);
               });
}

QString Session::entryKey() const
{
    return server().toString(QUrl::StripTrailingSlash) + QLatin1Char('|') + email();
}

void Session::setProblem(const QString& problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT keychainProblemChanged(problem);
}

// The keychain's jobs have no parent: one still running when its Session goes (a window closed
// just after signing in) must not be deleted under libsecret's pending callback, which would
// then call into freed memory. Each deletes itself when done (autoDelete); the connection's
// context is the Session, so a Session that is gone hears nothing.
void Session::keepRefreshToken(const QString& token, std::function<void(bool)> done)
{
    m_thisRun = token;
    auto* job = new QKeychain::WritePasswordJob(service(m_app), nullptr);
    job->setAutoDelete(true);
    job->setKey(entryKey());
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
        const bool kept = j->error() == QKeychain::NoError;
        setProblem(kept ? QString()
                        : QCoreApplication::translate(
                              "ticketing::client::Session",
                              "No keychain is available (%1): you will be asked for your "
                              "password next time.")
                              .arg(j->errorString()));
        if (done)
            done(kept);
    });
    job->start();
}

void Session::refreshToken(std::function<void(std::optional<QString>)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(service(m_app), nullptr);
    job->setAutoDelete(true);
    job->setKey(entryKey());
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::NoError && !read->textData().isEmpty())
            return done(read->textData());
        if (read->error() != QKeychain::EntryNotFound && read->error() != QKeychain::NoError)
            setProblem(QCoreApplication::translate("ticketing::client::Session",
                                                   "No keychain is available (%1): you will be "
                                                   "asked for your password next time.")
                           .arg(read->errorString()));
        done(m_thisRun);
    });
    job->start();
}

void Session::forgetRefreshToken(std::function<void()> done)
{
    m_thisRun.reset();
    auto* job = new QKeychain::DeletePasswordJob(service(m_app), nullptr);
    job->setAutoDelete(true);
    job->setKey(entryKey());
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job*) {
        if (done)
            done();
    });
    job->start();
}

} // namespace ticketing::client
