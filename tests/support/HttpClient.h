#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

namespace ticketing::test {

struct HttpResult
{
    int status = 0; // 0: no answer (see error)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QString error;

    QByteArray header(const QByteArray& lowerCaseName) const;
    QJsonObject json() const;
};

// A synchronous HTTP client for tests over QNetworkAccessManager (keep-alive included).
class HttpClient
{
public:
    explicit HttpClient(QString baseUrl) : m_base(std::move(baseUrl)) {}

    HttpResult get(const QString& path) { return send("GET", path); }
    HttpResult send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                    const QList<QPair<QByteArray, QByteArray>>& headers = {},
                    int timeoutMs = 15000);

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

// Sends raw bytes on a fresh connection and returns what came back before the server closed
// the connection (or the timeout passed).
QByteArray rawExchange(quint16 port, const QByteArray& bytes, int timeoutMs = 5000);

} // namespace ticketing::test
