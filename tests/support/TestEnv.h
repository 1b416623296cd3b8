#pragma once

#include <QString>
#include <QStringList>
#include <boost/json/value.hpp>
#include <string>

// Paths and servers the tests use, found through values CMake writes at configure time (never
// the working directory).
namespace ticketing::test {

QString dataPath(const QString& relative); // tests/data/<relative>
// A JSON file read and parsed (a golden file); the test aborts when it cannot be read.
boost::json::value readJsonFile(const QString& path);
QString harnessScript();
QString ticketdBinary();

// The harness's shared servers (the `services` fixture).
std::string adminDatabaseUrl(); // the `postgres` database, for CREATE DATABASE
std::string sharedRedisUrl();   // unix:///.../redis.sock
std::string postgresUrlIn(const QString& servicesDir, const std::string& database);
std::string redisUrlIn(const QString& servicesDir);

// Runs `services.sh <command> <dir>`; false (with the output logged) on failure.
bool harness(const QString& command, const QString& dir, const QStringList& more = {});

// A fresh database on the shared server for one test, dropped when it goes away, so tests can
// run in parallel without seeing each other's rows. Throws when the server is not reachable:
// an integration test fails, never skips.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return m_url; }
    const std::string& name() const { return m_name; }

private:
    std::string m_name;
    std::string m_url;
};

// A directory under /tmp removed at the end; reachable by the postgres system user.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace ticketing::test
