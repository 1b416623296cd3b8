#include "support/TestEnv.h"

#include "db/Admin.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtDebug>
#include <boost/json/parse.hpp>
#include <pqxx/pqxx>

namespace ticketing::test {

boost::json::value readJsonFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const auto bytes = f.readAll();
    return boost::json::parse(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

QString dataPath(const QString& relative)
{
    return QStringLiteral(TICKETING_TEST_DATA_DIR "/") + relative;
}

QString harnessScript()
{
    return QStringLiteral(TICKETING_TEST_HARNESS);
}

QString ticketdBinary()
{
    return QStringLiteral(TICKETD_BINARY);
}

std::string postgresUrlIn(const QString& servicesDir, const std::string& database)
{
    return "host=" + db::quoteConnValue((servicesDir + QStringLiteral("/pg")).toStdString()) +
           " port=5432 user=postgres dbname=" + db::quoteConnValue(database) + " connect_timeout=5";
}

std::string redisUrlIn(const QString& servicesDir)
{
    return "unix://" + (servicesDir + QStringLiteral("/redis.sock")).toStdString();
}

std::string adminDatabaseUrl()
{
    return postgresUrlIn(QStringLiteral(TICKETING_TEST_SERVICES_DIR), "postgres");
}

std::string sharedRedisUrl()
{
    return redisUrlIn(QStringLiteral(TICKETING_TEST_SERVICES_DIR));
}

bool harness(const QString& command, const QString& dir, const QStringList& more)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(harnessScript(), QStringList{command, dir} + more);
    const bool finished = p.waitForFinished(120000);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "services.sh" << command << dir << "failed:" << p.readAll();
        return false;
    }
    return true;
}

TestDatabase::TestDatabase()
{
    m_name = "t_" + std::to_string(QRandomGenerator::global()->generate64());
    pqxx::connection c(adminDatabaseUrl());
    pqxx::nontransaction tx(c);
    tx.exec("CREATE DATABASE " + tx.quote_name(m_name));
    m_url = postgresUrlIn(QStringLiteral(TICKETING_TEST_SERVICES_DIR), m_name);
}

TestDatabase::~TestDatabase()
{
    try {
        pqxx::connection c(adminDatabaseUrl());
        pqxx::nontransaction tx(c);
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(m_name) + " WITH (FORCE)");
    } catch (const std::exception& e) {
        qWarning() << "could not drop test database" << m_name.c_str() << e.what();
    }
}

TempDir::TempDir()
{
    QTemporaryDir t(QStringLiteral("/tmp/ticketing-test-XXXXXX"));
    t.setAutoRemove(false);
    m_path = t.path();
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                      QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                      QFileDevice::ExeOther);
}

TempDir::~TempDir()
{
    QDir(m_path).removeRecursively();
}

} // namespace ticketing::test
