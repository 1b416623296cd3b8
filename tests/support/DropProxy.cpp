#include "support/DropProxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace ticketing::test {

DropProxy::DropProxy(quint16 upstreamPort, QObject* parent)
    : QObject(parent), m_upstream(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &DropProxy::accept);
}

bool DropProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void DropProxy::dropAnswers(const QByteArray& marker, int count)
{
    m_marker = marker;
    m_drops = count;
}

void DropProxy::setDown(bool down)
{
    m_down = down;
    if (!down)
        return;
    for (const auto& c : m_clients)
        if (c)
            c->abort();
    m_clients.clear();
}

void DropProxy::setStalled(bool stalled)
{
    m_stalled = stalled;
    if (stalled)
        return;
    for (const auto& c : m_clients)
        if (c && c->property("stalled").toBool())
            c->abort();
}

void DropProxy::accept()
{
    while (auto* client = m_server.nextPendingConnection()) {
        if (m_down) {
            client->abort();
            client->deleteLater();
            continue;
        }
        m_clients << QPointer<QTcpSocket>(client);
        auto* upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
        // Per connection: whether the answer now on its way is to be lost.
        auto dropping = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream, dropping] {
            const auto data = client->readAll();
            if (m_stalled) { // swallowed: no answer will come on this connection
                client->setProperty("stalled", true);
                return;
            }
            // A request's head starts a chunk here (small test requests, one write each).
            const auto headEnd = data.indexOf("\r\n\r\n");
            if (headEnd > 0 && (data.startsWith("GET ") || data.startsWith("POST ") ||
                                data.startsWith("PUT ") || data.startsWith("DELETE "))) {
                const auto head = data.left(headEnd);
                requests << head;
                if (m_drops > 0 && !m_marker.isEmpty() &&
                    head.left(head.indexOf("\r\n")).contains(m_marker)) {
                    --m_drops;
                    *dropping = true;
                }
            }
            upstream->write(data);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [client, upstream, dropping] {
            const auto data = upstream->readAll();
            if (*dropping) { // the server answered: the client never hears it
                client->abort();
                return;
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client,
                [client] { client->disconnectFromHost(); });
    }
}

} // namespace ticketing::test
