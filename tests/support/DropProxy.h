#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace ticketing::test {

// A TCP relay on loopback in front of a real server, that can lose an answer on the way back
// (the request reaches the server and is done there; the client sees its connection drop), as a
// flaky Wi-Fi or a proxy does. For the apps' "a dropped connection never sells twice" tests.
class DropProxy : public QObject
{
    Q_OBJECT

public:
    explicit DropProxy(quint16 upstreamPort, QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    // The next `count` answers to requests whose first line contains `marker` (e.g.
    // "POST /api/v1/bookings/hold") are dropped: the connection closes instead.
    void dropAnswers(const QByteArray& marker, int count = 1);
    // The server "went away": open connections are cut and new ones refused, until resumed.
    void setDown(bool down);
    // The server "hangs": connections are accepted and requests swallowed, never answered
    // (a Wi-Fi that drops packets), until resumed; then the hanging connections are cut.
    void setStalled(bool stalled);

    // Every request that passed, as its head (first line and headers), in order.
    QList<QByteArray> requests;

private:
    void accept();
    QTcpServer m_server;
    quint16 m_upstream;
    QByteArray m_marker;
    int m_drops = 0;
    bool m_down = false;
    bool m_stalled = false;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace ticketing::test
