#include "support/TicketdProcess.h"

#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>
#include <QtDebug>
#include <csignal>
#include <sys/prctl.h>

namespace ticketing::test {

namespace {
QProcessEnvironment environmentOf(const QStringList& env)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    e.insert(QStringLiteral("HOME"), qEnvironmentVariable("HOME"));
    e.insert(QStringLiteral("TICKETING_IO_THREADS"), QStringLiteral("2"));
    // Sanitizer settings reach the server too (the debug preset sets them).
    for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        if (qEnvironmentVariableIsSet(name))
            e.insert(QString::fromLatin1(name), qEnvironmentVariable(name));
    for (const auto& kv : env) {
        const auto eq = kv.indexOf(QLatin1Char('='));
        e.insert(kv.left(eq), kv.mid(eq + 1));
    }
    return e;
}
} // namespace

CommandResult runTicketd(const QStringList& args, const QStringList& env, const QByteArray& input)
{
    QProcess p;
    p.setProcessEnvironment(environmentOf(env));
    p.start(ticketdBinary(), args);
    CommandResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

TicketdProcess::~TicketdProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop(30000);
    if (!m_logPath.isEmpty())
        QFile::remove(m_logPath);
}

void TicketdProcess::pause()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void TicketdProcess::resume()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

void TicketdProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool TicketdProcess::start(const QStringList& args, const QStringList& env, int timeoutMs)
{
    m_process.setProcessEnvironment(environmentOf(env));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    {
        QTemporaryFile file(QStringLiteral("/tmp/ticketd-test-log-XXXXXX"));
        file.setAutoRemove(false);
        file.open();
        m_logPath = file.fileName();
    }
    m_process.setStandardErrorFile(m_logPath);
    // A test that dies (a watchdog's abort, a crash) takes its ticketd with it: SIGTERM to the
    // child when this thread's process goes, so no server is left running on the test's
    // database.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QStringList all{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    all += args;
    m_process.start(m_binary.isEmpty() ? ticketdBinary() : m_binary, all);
    if (!m_process.waitForStarted(10000))
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        m_process.waitForFinished(50);
        for (const auto& line : log().split('\n')) {
            const auto o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("msg")).toString() == m_ready) {
                m_port =
                    static_cast<quint16>(QUrl(o.value(QStringLiteral("url")).toString()).port());
                return m_port != 0;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            qWarning().noquote() << "ticketd exited while starting:\n" << log();
            return false;
        }
    }
    qWarning().noquote() << "ticketd did not start in time:\n" << log();
    return false;
}

QString TicketdProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

int TicketdProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate(); // SIGTERM
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray TicketdProcess::problems()
{
    QByteArray out;
    for (const auto& line : log().split('\n'))
        if (line.contains("\"level\":\"error\"") || line.contains("\"level\":\"warn\""))
            out += line + '\n';
    return out;
}

QByteArray TicketdProcess::log()
{
    QFile f(m_logPath);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace ticketing::test
