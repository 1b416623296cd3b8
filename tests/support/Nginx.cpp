#include "support/Nginx.h"

#include "support/HttpClient.h"

#include <QFile>
#include <QTest>

namespace ticketing::test {

NginxUnderTest::~NginxUnderTest()
{
    stop();
}

bool NginxUnderTest::start(const QString& servers, const QString& readyUrl)
{
    const auto dir = m_dir.path();
    QFile main(dir + QStringLiteral("/nginx.conf"));
    if (!main.open(QIODevice::WriteOnly))
        return false;
    main.write(QStringLiteral("daemon off;\nworker_processes 1;\npid %1/nginx.pid;\n"
                              "error_log %1/error.log warn;\n"
                              "events { worker_connections 1024; }\n"
                              "http {\n access_log off;\n client_body_temp_path %1/body;\n"
                              " proxy_temp_path %1/proxy;\n fastcgi_temp_path %1/fastcgi;\n"
                              " uwsgi_temp_path %1/uwsgi;\n scgi_temp_path %1/scgi;\n%2\n}\n")
                   .arg(dir, servers)
                   .toUtf8());
    main.close();
    // Its worker may run as another user (nginx started as root).
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                   QFileDevice::WriteOther | QFileDevice::ExeOther);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(
        QStringLiteral("/usr/sbin/nginx"),
        {QStringLiteral("-p"), dir, QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf")});
    if (!m_process.waitForStarted(5000))
        return false;
    if (readyUrl.isEmpty())
        return true;
    const auto slash =
        readyUrl.indexOf(QLatin1Char('/'), readyUrl.indexOf(QStringLiteral("//")) + 2);
    HttpClient probe(readyUrl.left(slash));
    return QTest::qWaitFor(
        [&] {
            return m_process.state() == QProcess::Running &&
                   probe.get(readyUrl.mid(slash)).status > 0;
        },
        10000);
}

void NginxUnderTest::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // by its PID: SIGTERM, then SIGKILL
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(2000);
}

QString NginxUnderTest::log() const
{
    QFile f(m_dir.path() + QStringLiteral("/error.log"));
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll()) +
           QString::fromUtf8(const_cast<QProcess&>(m_process).readAll());
}

} // namespace ticketing::test
