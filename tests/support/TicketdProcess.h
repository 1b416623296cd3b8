#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryFile>

namespace ticketing::test {

// The real ticketd binary, started for a test with its own environment (no TICKETING_* from
// the caller's shell leaks in) and stopped with SIGTERM as an operator would.
struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Runs `ticketd <args>` to completion (a sub-command such as `user add`) with `env` only.
CommandResult runTicketd(const QStringList& args, const QStringList& env,
                         const QByteArray& input = {});

class TicketdProcess
{
public:
    TicketdProcess() = default;
    // Another server of the suite that logs the same way (paysim: "paysim is serving").
    TicketdProcess(QString binary, QString readyMessage)
        : m_binary(std::move(binary)), m_ready(std::move(readyMessage))
    {
    }
    ~TicketdProcess(); // SIGTERM, then SIGKILL if it hangs

    // Starts `ticketd --listen 127.0.0.1:0 <args>` with `env` (NAME=value) and waits for its
    // "ticketd is serving" line. False when it exits or does not serve within the timeout.
    bool start(const QStringList& args, const QStringList& env, int timeoutMs = 90000);
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    qint64 pid() const { return m_process.processId(); }

    // SIGTERM and wait; the exit code (-1 if it had to be killed or crashed).
    int stop(int timeoutMs = 60000);
    // SIGSTOP: it keeps its port, accepts connections and answers nothing, as a stalled server
    // does; SIGCONT carries on.
    void pause();
    void resume();
    // SIGKILL, as a crash: nothing of it runs after this, and nothing is cleaned up.
    void kill();
    // Everything it wrote to stderr so far.
    QByteArray log();
    // Its warning and error lines, to print when a test fails.
    QByteArray problems();

private:
    // The log goes to a file, not a pipe: a pipe nobody drains while a test is busy fills up,
    // and then ticketd blocks writing its log.
    QProcess m_process;
    QString m_logPath;
    quint16 m_port = 0;
    QString m_binary; // empty: ticketd
    QString m_ready = QStringLiteral("ticketd is serving");
};

} // namespace ticketing::test
