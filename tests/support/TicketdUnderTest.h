#pragma once

#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace ticketing::test {

// What every integration test of the HTTP API sets up: a fresh database on the harness's
// PostgreSQL, the shared Redis, and a real ticketd on them (auth rate limit off), with a client.
struct TicketdUnderTest
{
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TicketdProcess> server;
    std::unique_ptr<HttpClient> http;
    // ticketd's data directory (its mail, when no SMTP server is set), made with the database
    // and dropped with it; an extraEnv TICKETING_DATA_DIR overrides it.
    std::unique_ptr<QTemporaryDir> dataDir;
    QStringList env; // ticketd's environment, also for `ticketd user add` (signUp)

    // A fresh database and ticketd on it; `extraEnv` (NAME=value) adds or overrides settings.
    // False when ticketd does not start (its log is printed).
    bool start(const QStringList& extraEnv = {}, const QStringList& args = {});
    // ticketd again, on the same database, with other settings.
    bool restart(const QStringList& extraEnv = {}, const QStringList& args = {});
    // An account made with `ticketd user add` and signed in: its access token.
    QString signUp(const QString& role, const QString& email);
    // After a test: what ticketd said if the test failed; then everything stopped and dropped.
    void finish();
};

// A loopback port free at this moment (for a server to listen on, or for webhooks that must
// reach nobody).
quint16 freePort();

// The payment simulator (server/paysim) for a test, with the test secrets, sending its webhooks
// to `webhookPort` on loopback; `extraArgs` adds options (--late-ms 500).
struct PaysimUnderTest
{
    static constexpr const char* kSecretKey = "sk_test_paysim";
    static constexpr const char* kWebhookSecret = "whsec_paysim";

    std::unique_ptr<TicketdProcess> process;
    std::unique_ptr<HttpClient> http;

    bool start(quint16 webhookPort, const QStringList& extraArgs = {});
    // What ticketd needs to use it (TICKETING_PAYMENTS_URL and the secrets).
    QStringList ticketdEnv() const;
};

} // namespace ticketing::test
