#include "support/TicketdUnderTest.h"

#include "support/Accounts.h"

#include <QtTest>

namespace ticketing::test {

bool TicketdUnderTest::start(const QStringList& extraEnv, const QStringList& args)
{
    db = std::make_unique<TestDatabase>();
    return restart(extraEnv, args);
}

bool TicketdUnderTest::restart(const QStringList& extraEnv, const QStringList& args)
{
    http.reset();
    server.reset();
    env = {QStringLiteral("TICKETING_DATABASE_URL=") + QString::fromStdString(db->url()),
           QStringLiteral("TICKETING_REDIS_URL=") + QString::fromStdString(sharedRedisUrl()),
           QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0")};
    env += extraEnv;
    server = std::make_unique<TicketdProcess>();
    if (!server->start(args, env)) {
        qWarning().noquote() << "ticketd did not start:\n" << server->log();
        return false;
    }
    http = std::make_unique<HttpClient>(server->baseUrl());
    return true;
}

QString TicketdUnderTest::signUp(const QString& role, const QString& email)
{
    return signUpAs(*http, env, role, email);
}

void TicketdUnderTest::finish()
{
    if (QTest::currentTestFailed() && server)
        qWarning().noquote() << "ticketd said:\n" << server->problems();
    http.reset();
    server.reset();
    db.reset();
}

} // namespace ticketing::test
