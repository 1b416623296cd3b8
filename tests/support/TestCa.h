#pragma once

#include <QString>
#include <QStringList>

namespace ticketing::test {

// A certificate authority of the test's own, made with the openssl tool in `dir`, and the
// server certificates it signs: what a real provider's TLS looks like, without the internet.
class TestCa
{
public:
    // Makes `<dir>/<name>-ca.pem` and its key. False (with openssl's words in error()) when
    // it cannot.
    bool make(const QString& dir, const QString& name);
    // A server certificate and key signed by this CA for `names` ("DNS:localhost",
    // "IP:127.0.0.1"); the paths are `<dir>/<leaf>.pem` and `<dir>/<leaf>.key`.
    bool issue(const QString& leaf, const QStringList& names);

    QString caFile() const { return m_ca; }
    QString certFile(const QString& leaf) const;
    QString keyFile(const QString& leaf) const;
    QString error() const { return m_error; }

private:
    bool openssl(const QStringList& args);
    QString m_dir;
    QString m_ca;
    QString m_caKey;
    QString m_error;
};

} // namespace ticketing::test
