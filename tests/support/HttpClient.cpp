#include "support/HttpClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace ticketing::test {

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [k, v] : headers)
        if (k == name)
            return v;
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

namespace {

// Every answer of ticketd that a test receives is written down, one JSON line each, for
// tests/contract/validate_responses.py to check against docs/openapi.json after the run
// (ctest: contract.responses). Other servers (paysim, nginx's own pages) are not ticketd's
// API: only /api/ and the operations paths are recorded.
void record(const QByteArray& method, const QUrl& url, const HttpResult& r)
{
    const auto path = url.path();
    if (!path.startsWith(QStringLiteral("/api/")) && path != QStringLiteral("/healthz") &&
        path != QStringLiteral("/readyz") && path != QStringLiteral("/metrics"))
        return;
    if (r.status == 0)
        return; // no answer: nothing to check
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
    QJsonObject headers;
    for (const auto& [k, v] : r.headers)
        headers.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    const auto type = r.header("content-type");
    const bool text = (type.contains("json") || type.startsWith("text/")) &&
                      r.header("content-encoding").isEmpty();
    QJsonObject line{
        {QStringLiteral("test"), QCoreApplication::applicationName() + QStringLiteral("::") +
                                     QString::fromLatin1(QTest::currentTestFunction())},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), path},
        {QStringLiteral("query"), url.query()},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body_size"), r.body.size()},
    };
    if (text)
        line.insert(QStringLiteral("body"), QString::fromUtf8(r.body));
    file->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    file->flush();
}

} // namespace

HttpResult HttpClient::send(const QByteArray& method, const QString& path, const QByteArray& body,
                            const QList<QPair<QByteArray, QByteArray>>& headers, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_base + path));
    for (const auto& [k, v] : headers)
        request.setRawHeader(k, v);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    if (!reply->isFinished()) {
        r.error = QStringLiteral("timed out");
        reply->abort();
    } else {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        for (const auto& [k, v] : reply->rawHeaderPairs())
            r.headers.append({k.toLower(), v});
        if (r.status == 0)
            r.error = reply->errorString();
    }
    reply->deleteLater();
    record(method, request.url(), r);
    return r;
}

QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(100))
            out += socket.readAll();
    }
    out += socket.readAll();
    return out;
}

} // namespace ticketing::test
