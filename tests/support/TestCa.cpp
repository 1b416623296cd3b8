#include "support/TestCa.h"

#include <QFile>
#include <QProcess>

namespace ticketing::test {

bool TestCa::openssl(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1: %2")
                      .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

bool TestCa::make(const QString& dir, const QString& name)
{
    m_dir = dir;
    m_ca = dir + QLatin1Char('/') + name + QStringLiteral("-ca.pem");
    m_caKey = dir + QLatin1Char('/') + name + QStringLiteral("-ca.key");
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + name + QStringLiteral(" test CA"),
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                    QStringLiteral("-keyout"), m_caKey, QStringLiteral("-out"), m_ca});
}

QString TestCa::certFile(const QString& leaf) const
{
    return m_dir + QLatin1Char('/') + leaf + QStringLiteral(".pem");
}

QString TestCa::keyFile(const QString& leaf) const
{
    return m_dir + QLatin1Char('/') + leaf + QStringLiteral(".key");
}

bool TestCa::issue(const QString& leaf, const QStringList& names)
{
    const auto csr = m_dir + QLatin1Char('/') + leaf + QStringLiteral(".csr");
    const auto ext = m_dir + QLatin1Char('/') + leaf + QStringLiteral(".ext");
    QFile e(ext);
    if (!e.open(QIODevice::WriteOnly))
        return false;
    e.write(QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                           "extendedKeyUsage=serverAuth\nsubjectAltName=%1\n")
                .arg(names.join(QLatin1Char(',')))
                .toUtf8());
    e.close();
    if (!openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                  QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                  QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=") + leaf,
                  QStringLiteral("-keyout"), keyFile(leaf), QStringLiteral("-out"), csr}))
        return false;
    if (!openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                  QStringLiteral("-CA"), m_ca, QStringLiteral("-CAkey"), m_caKey,
                  QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-extfile"), ext, QStringLiteral("-out"), certFile(leaf)}))
        return false;
    // nginx's worker may run as another user.
    QFile::setPermissions(keyFile(leaf), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther);
    return true;
}

} // namespace ticketing::test
