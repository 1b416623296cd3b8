#pragma once

#include "support/HttpClient.h"
#include "support/TestEnv.h"
#include "support/TicketdProcess.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace ticketing::test {

// What every integration test of the HTTP API sets up: a fresh database on the harness's
// PostgreSQL, the shared Redis, and a real ticketd on them (auth rate limit off), with a client.
struct TicketdUnderTest
{
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TicketdProcess> server;
    std::unique_ptr<HttpClient> http;
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

} // namespace ticketing::test
