#include "support/TicketdUnderTest.h"

#include "support/Accounts.h"

#include <QTcpServer>
#include <QtTest>

namespace ticketing::test {

bool TicketdUnderTest::start(const QStringList& extraEnv, const QStringList& args)
{
    db = std::make_unique<TestDatabase>();
    dataDir = std::make_unique<QTemporaryDir>();
    return restart(extraEnv, args);
}

bool TicketdUnderTest::restart(const QStringList& extraEnv, const QStringList& args)
{
    http.reset();
    server.reset();
    env = {QStringLiteral("TICKETING_DATABASE_URL=") + QString::fromStdString(db->url()),
           QStringLiteral("TICKETING_REDIS_URL=") + QString::fromStdString(sharedRedisUrl()),
           QStringLiteral("TICKETING_AUTH_RATE_LIMIT=0"),
           QStringLiteral("TICKETING_DATA_DIR=") + dataDir->path()};
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
    dataDir.reset();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool PaysimUnderTest::start(quint16 webhookPort, const QStringList& extraArgs)
{
    http.reset();
    process = std::make_unique<TicketdProcess>(QStringLiteral(PAYSIM_BINARY),
                                               QStringLiteral("paysim is serving"));
    if (!process->start(
            QStringList{
                QStringLiteral("--secret-key"), QString::fromLatin1(kSecretKey),
                QStringLiteral("--webhook-url"),
                QStringLiteral("http://127.0.0.1:%1/api/v1/webhooks/paysim").arg(webhookPort),
                QStringLiteral("--webhook-secret"), QString::fromLatin1(kWebhookSecret)} +
                extraArgs,
            {})) {
        qWarning().noquote() << "paysim did not start:\n" << process->log();
        return false;
    }
    http = std::make_unique<HttpClient>(process->baseUrl());
    return true;
}

QStringList PaysimUnderTest::ticketdEnv() const
{
    return {QStringLiteral("TICKETING_PAYMENTS_URL=") + process->baseUrl(),
            QStringLiteral("TICKETING_PAYMENTS_SECRET_KEY=") + QString::fromLatin1(kSecretKey),
            QStringLiteral("TICKETING_WEBHOOK_SECRET=") + QString::fromLatin1(kWebhookSecret)};
}

} // namespace ticketing::test
