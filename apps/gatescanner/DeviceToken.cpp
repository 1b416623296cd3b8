#include "apps/gatescanner/DeviceToken.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <qt6keychain/keychain.h>

namespace ticketing::gate {

namespace {
const QString kService = QStringLiteral("ticketing-gatescanner");
}

DeviceToken::DeviceToken(QString file, QObject* parent) : QObject(parent), m_file(std::move(file))
{
}

bool DeviceToken::writeFile(const QString& token)
{
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    // Readable by the app's user only, before the token is in it.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(token.toUtf8());
    return out.commit();
}

std::optional<QString> DeviceToken::readFile() const
{
    QFile in(m_file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto token = QString::fromUtf8(in.readAll()).trimmed();
    return token.isEmpty() ? std::nullopt : std::optional(token);
}

void DeviceToken::keep(const QString& deviceId, const QString& token,
                       std::function<void(bool)> done)
{
    auto* job = new QKeychain::WritePasswordJob(kService, nullptr);
    job->setAutoDelete(true);
    job->setKey(deviceId);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, token, done](QKeychain::Job* j) {
        if (j->error() == QKeychain::NoError) {
            QFile::remove(m_file); // one place only
            m_where = Where::Keychain;
            return done(true);
        }
        const bool kept = writeFile(token);
        m_where = kept ? Where::File : Where::Nowhere;
        done(kept);
    });
    job->start();
}

void DeviceToken::read(const QString& deviceId, std::function<void(std::optional<QString>)> done)
{
    if (auto token = readFile()) { // a kiosk without a keychain kept it here
        m_where = Where::File;
        return done(token);
    }
    auto* job = new QKeychain::ReadPasswordJob(kService, nullptr);
    job->setAutoDelete(true);
    job->setKey(deviceId);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
        auto* r = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (r->error() == QKeychain::NoError && !r->textData().isEmpty()) {
            m_where = Where::Keychain;
            return done(r->textData());
        }
        m_where = Where::Nowhere;
        done(std::nullopt);
    });
    job->start();
}

void DeviceToken::forget(const QString& deviceId, std::function<void()> done)
{
    QFile::remove(m_file);
    m_where = Where::Nowhere;
    auto* job = new QKeychain::DeletePasswordJob(kService, nullptr);
    job->setAutoDelete(true);
    job->setKey(deviceId);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job*) {
        if (done)
            done();
    });
    job->start();
}

} // namespace ticketing::gate
