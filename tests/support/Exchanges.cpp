#include "support/Exchanges.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTest>

namespace ticketing::test {

void recordAnswer(const QByteArray& method, const QUrl& url, int status,
                  const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body)
{
    const auto path = url.path();
    if (!path.startsWith(QStringLiteral("/api/")) && path != QStringLiteral("/healthz") &&
        path != QStringLiteral("/readyz") && path != QStringLiteral("/metrics"))
        return;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    static QFile* file = [] {
        const QString dir = QStringLiteral(TICKETING_TEST_EXCHANGES_DIR);
        QDir().mkpath(dir);
        auto* f = new QFile(dir + QStringLiteral("/%1-%2.jsonl")
                                      .arg(QCoreApplication::applicationName())
                                      .arg(QCoreApplication::applicationPid()));
        if (!f->open(QIODevice::WriteOnly | QIODevice::Append))
            qWarning() << "cannot record answers in" << f->fileName();
        return f;
    }();
    if (!file->isOpen())
        return;
    QJsonObject fields;
    QByteArray type;
    QByteArray encoding;
    for (const auto& [k, v] : headers) {
        const auto name = k.toLower();
        fields.insert(QString::fromLatin1(name), QString::fromLatin1(v));
        if (name == "content-type")
            type = v;
        else if (name == "content-encoding")
            encoding = v;
    }
    QJsonObject line{
        {QStringLiteral("test"), QCoreApplication::applicationName() + QStringLiteral("::") +
                                     QString::fromLatin1(QTest::currentTestFunction())},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), path},
        {QStringLiteral("query"), url.query()},
        {QStringLiteral("status"), status},
        {QStringLiteral("headers"), fields},
        {QStringLiteral("body_size"), body.size()},
    };
    // Text as it is; a compressed or binary body only by its size and type.
    if ((type.contains("json") || type.startsWith("text/")) && encoding.isEmpty())
        line.insert(QStringLiteral("body"), QString::fromUtf8(body));
    file->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    file->flush();
}

} // namespace ticketing::test
