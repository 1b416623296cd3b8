#include "support/HttpClient.h"

#include "support/Exchanges.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpSocket>
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
    if (r.status != 0)
        recordAnswer(method, request.url(), r.status, r.headers, r.body);
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
