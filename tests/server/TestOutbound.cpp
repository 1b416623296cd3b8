#include "outbound/HttpClient.h"
#include "support/Nginx.h"
#include "support/TestCa.h"
#include "support/TicketdUnderTest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <atomic>
#include <cstdlib>
#include <future>
#include <thread>

using namespace ticketing;
using namespace ticketing::test;
using outbound::Error;
using Outbound = outbound::HttpClient;
using outbound::Options;

namespace {

// A forward proxy as `https_proxy` names one: it answers CONNECT host:port by opening a tunnel,
// and records each CONNECT it was asked for.
class ConnectProxy : public QTcpServer
{
public:
    QStringList connects;

    ConnectProxy()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (auto* client = nextPendingConnection())
                serve(client);
        });
    }

private:
    void serve(QTcpSocket* client)
    {
        auto* head = new QByteArray;
        connect(client, &QTcpSocket::disconnected, client, [client, head] {
            delete head;
            client->deleteLater();
        });
        connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
            if (client->property("tunnel").toBool())
                return;
            head->append(client->readAll());
            const auto end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const auto line = head->left(head->indexOf("\r\n"));
            const auto parts = line.split(' ');
            if (parts.size() != 3 || parts[0] != "CONNECT") {
                client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            connects.append(QString::fromLatin1(parts[1]));
            const auto target = QString::fromLatin1(parts[1]);
            const auto colon = target.lastIndexOf(QLatin1Char(':'));
            auto* upstream = new QTcpSocket(client);
            client->setProperty("tunnel", true);
            const auto early = head->mid(end + 4);
            connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!early.isEmpty())
                    upstream->write(early);
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                if (client->bytesAvailable() > 0)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::readyRead, client,
                    [client, upstream] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client,
                    [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, upstream,
                    [upstream] { upstream->disconnectFromHost(); });
            upstream->connectToHost(target.left(colon), target.mid(colon + 1).toUShort());
        });
    }
};

// A call made on another thread while this one's event loop runs (the proxy above lives on it).
outbound::Response fetchAside(Outbound& client, const std::string& url)
{
    auto call = std::async(std::launch::async, [&] { return client.fetch("GET", url, {}, ""); });
    // The client's own deadline (10 s) ends the call well before this wait would.
    const bool done = QTest::qWaitFor(
        [&] { return call.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 20000);
    if (!done)
        qFatal("the call through the proxy never ended");
    return call.get();
}

Error::Kind failureOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const Error& e) {
        qInfo().noquote() << "refused as expected:" << e.what();
        return e.kind;
    }
    return Error::Kind::Other;
}

} // namespace

// outbound::HttpClient (libcurl) against a real TLS endpoint: nginx with certificates of a CA
// the test makes, a second CA nobody trusts, a certificate for another name, a proxy from the
// environment, a server that never answers.
class TestOutbound : public QObject
{
    Q_OBJECT

    TempDir m_dir;
    TestCa m_ca;
    TestCa m_stranger;
    NginxUnderTest m_nginx;
    quint16 m_port = 0;      // our CA's certificate for 127.0.0.1 and localhost
    quint16 m_otherName = 0; // our CA's certificate, for another name
    quint16 m_plain = 0;     // plain HTTP

    std::string url(const char* path, quint16 port = 0) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2")
            .arg(port ? port : m_port)
            .arg(QString::fromLatin1(path))
            .toStdString();
    }
    Options trusting(const QString& ca) const
    {
        Options o;
        o.caFile = ca.toStdString();
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_ca.make(m_dir.path(), QStringLiteral("ours")), qPrintable(m_ca.error()));
        QVERIFY2(m_ca.issue(QStringLiteral("provider"),
                            {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")}),
                 qPrintable(m_ca.error()));
        QVERIFY2(m_ca.issue(QStringLiteral("elsewhere"), {QStringLiteral("DNS:elsewhere.example")}),
                 qPrintable(m_ca.error()));
        QVERIFY2(m_stranger.make(m_dir.path(), QStringLiteral("stranger")),
                 qPrintable(m_stranger.error()));
        QFile big(m_dir.path() + QStringLiteral("/big.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(2 * 1024 * 1024, 'x'));
        big.close();
        QFile::setPermissions(big.fileName(), QFileDevice::ReadOwner | QFileDevice::ReadOther);

        m_port = freePort();
        m_otherName = freePort();
        m_plain = freePort();
        const auto locations =
            QStringLiteral("  location = /hello { default_type application/json;"
                           " return 200 '{\"ok\":true}'; }\n"
                           "  location = /echo { return 200 '$request_method $http_idempotency_key"
                           " $content_length $http_user_agent'; }\n"
                           "  location = /moved { return 302 /hello; }\n"
                           "  location = /big { alias %1/big.bin; }\n")
                .arg(m_dir.path());
        const auto servers =
            QStringLiteral("server {\n  listen 127.0.0.1:%1 ssl;\n  ssl_certificate %2;\n"
                           "  ssl_certificate_key %3;\n  keepalive_requests 1000;\n%7}\n"
                           "server {\n  listen 127.0.0.1:%4 ssl;\n  ssl_certificate %5;\n"
                           "  ssl_certificate_key %6;\n%7}\n"
                           "server {\n  listen 127.0.0.1:%8;\n%7}\n")
                .arg(m_port)
                .arg(m_ca.certFile(QStringLiteral("provider")),
                     m_ca.keyFile(QStringLiteral("provider")))
                .arg(m_otherName)
                .arg(m_ca.certFile(QStringLiteral("elsewhere")),
                     m_ca.keyFile(QStringLiteral("elsewhere")), locations)
                .arg(m_plain);
        QVERIFY2(m_nginx.start(servers, QStringLiteral("http://127.0.0.1:%1/hello").arg(m_plain)),
                 qPrintable(m_nginx.log()));
    }

    void aProviderBehindOurCaIsReachedAndItsConnectionKept()
    {
        Outbound client(trusting(m_ca.caFile()));
        const auto first = client.fetch("GET", url("/hello"), {}, "");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, std::string("{\"ok\":true}"));
        QVERIFY(first.header("content-type"));
        QCOMPARE(*first.header("content-type"), std::string("application/json"));
        QVERIFY(!first.reusedConnection);
        // The same connection, and the same TLS session, for the next calls.
        for (int i = 0; i < 5; ++i)
            QVERIFY(client.fetch("GET", url("/hello"), {}, "").reusedConnection);
        // By name too: the certificate names localhost.
        const auto byName = client.fetch(
            "GET", QStringLiteral("https://localhost:%1/hello").arg(m_port).toStdString(), {}, "");
        QCOMPARE(byName.status, 200);
    }

    void whatIsSentArrives()
    {
        Outbound client(trusting(m_ca.caFile()));
        const auto r = client.fetch(
            "POST", url("/echo"),
            {{"Idempotency-Key", "pay-42"}, {"Content-Type", "application/x-www-form-urlencoded"}},
            "amount=1200&currency=eur");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("POST pay-42 24 ticketing-suite"));
        // An empty body is sent as one (Content-Length: 0), as Stripe's cancel wants.
        QCOMPARE(client.fetch("POST", url("/echo"), {{"Idempotency-Key", "c"}}, "").body,
                 std::string("POST c 0 ticketing-suite"));
    }

    void anUntrustedCertificateIsRefused()
    {
        // A CA that did not sign it.
        Outbound stranger(trusting(m_stranger.caFile()));
        QCOMPARE(failureOf([&] { stranger.fetch("GET", url("/hello"), {}, ""); }),
                 Error::Kind::Tls);
        // The system's store: it does not know our test CA either.
        Outbound system;
        QCOMPARE(failureOf([&] { system.fetch("GET", url("/hello"), {}, ""); }), Error::Kind::Tls);
        // Our CA, but a certificate for another name.
        Outbound ours(trusting(m_ca.caFile()));
        QCOMPARE(failureOf([&] { ours.fetch("GET", url("/hello", m_otherName), {}, ""); }),
                 Error::Kind::Tls);
        // And nothing of it is kept: the right call still works afterwards.
        QCOMPARE(ours.fetch("GET", url("/hello"), {}, "").status, 200);
    }

    void aProxyFromTheEnvironmentIsUsed()
    {
        ConnectProxy proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        const auto proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort());
        qputenv("https_proxy", proxyUrl.toUtf8());
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");
        {
            Outbound client(trusting(m_ca.caFile()));
            const auto r = fetchAside(client, url("/hello"));
            QCOMPARE(r.status, 200); // through the tunnel, the certificate checked end to end
            QCOMPARE(proxy.connects, QStringList{QStringLiteral("127.0.0.1:%1").arg(m_port)});
            // no_proxy: straight there.
            qputenv("no_proxy", "127.0.0.1");
            QCOMPARE(fetchAside(client, url("/hello")).status, 200);
            QCOMPARE(proxy.connects.size(), 1);
            qunsetenv("no_proxy");
        }
        {
            // A proxy that is down: unreachable, said so.
            qputenv("https_proxy", QStringLiteral("http://127.0.0.1:%1").arg(freePort()).toUtf8());
            Outbound client(trusting(m_ca.caFile()));
            QCOMPARE(failureOf([&] { client.fetch("GET", url("/hello"), {}, ""); }),
                     Error::Kind::Unreachable);
        }
        qunsetenv("https_proxy");
    }

    void aServerThatNeverAnswersTimesOut()
    {
        // Accepted by the kernel, never read: the TLS handshake waits for ever.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Outbound client(trusting(m_ca.caFile()));
        QElapsedTimer t;
        t.start();
        QCOMPARE(failureOf([&] {
                     client.fetch("GET", url("/hello", silent.serverPort()), {}, "",
                                  std::chrono::milliseconds(500));
                 }),
                 Error::Kind::Timeout);
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        // Nobody listening at all.
        QCOMPARE(failureOf([&] { client.fetch("GET", url("/hello", freePort()), {}, ""); }),
                 Error::Kind::Unreachable);
    }

    void onlyWhatACallerMeansIsSent()
    {
        Outbound client(trusting(m_ca.caFile()));
        // http and https only.
        for (const char* u : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/",
                              "dict://127.0.0.1:11211/stat", "not a url"})
            QCOMPARE(failureOf([&] { client.fetch("GET", u, {}, ""); }), Error::Kind::Invalid);
        // A header value cannot start another header, or another request.
        QCOMPARE(
            failureOf([&] {
                client.fetch("GET", url("/hello"), {{"Idempotency-Key", "k\r\nX-Admin: yes"}}, "");
            }),
            Error::Kind::Invalid);
        QCOMPARE(failureOf([&] {
                     client.fetch("GET", url("/hello"), {{"Bad Name", "v"}}, "");
                 }),
                 Error::Kind::Invalid);
        // A redirect is the provider's answer, not an invitation to go elsewhere.
        const auto moved = client.fetch("GET", url("/moved"), {}, "");
        QCOMPARE(moved.status, 302);
        // An answer too large is refused, not read into memory.
        Options small = trusting(m_ca.caFile());
        small.maxResponseBytes = 1024 * 1024;
        Outbound capped(small);
        QCOMPARE(failureOf([&] { capped.fetch("GET", url("/big"), {}, ""); }),
                 Error::Kind::TooLarge);
        QCOMPARE(client.fetch("GET", url("/big"), {}, "").body.size(),
                 std::size_t(2 * 1024 * 1024));
    }

    void manyThreadsShareTheKeptConnections()
    {
        Options o = trusting(m_ca.caFile());
        o.maxIdleHandles = 8;
        Outbound client(o);
        std::atomic<int> ok{0};
        std::atomic<int> opened{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 25; ++i) {
                    const auto r = client.fetch("GET", url("/hello"), {}, "");
                    ok += r.status == 200;
                    opened += !r.reusedConnection;
                }
            });
        for (auto& t : threads)
            t.join();
        QCOMPARE(ok.load(), 200);
        qInfo() << "200 calls on 8 threads opened" << opened.load() << "connections";
        QVERIFY2(opened.load() <= 16, qPrintable(QString::number(opened.load())));
    }

    void cleanupTestCase() { m_nginx.stop(); }
};

QTEST_GUILESS_MAIN(TestOutbound)
#include "TestOutbound.moc"
