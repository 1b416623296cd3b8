#pragma once

#include "support/TestEnv.h"

#include <QProcess>
#include <QString>

namespace ticketing::test {

// A real nginx (Debian's) run by the test as the user it is: its configuration, pid file, logs
// and temporary files in a directory of its own, stopped by its PID when it goes away.
class NginxUnderTest
{
public:
    NginxUnderTest() = default;
    ~NginxUnderTest();
    NginxUnderTest(const NginxUnderTest&) = delete;
    NginxUnderTest& operator=(const NginxUnderTest&) = delete;

    // `servers`: what goes inside nginx's `http { }` (server blocks, upstreams). Waits until
    // `readyUrl` answers (any status; "" waits for nothing but the start). False when it does
    // not start (its error log then in log()).
    bool start(const QString& servers, const QString& readyUrl = {});
    void stop();
    QString dir() const { return m_dir.path(); }
    QString log() const;

private:
    TempDir m_dir;
    QProcess m_process;
};

} // namespace ticketing::test
