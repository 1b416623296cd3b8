#include "client/Session.h"

#include <QStandardPaths>
#include <QtTest>

using ticketing::client::Session;

// common/client's Session: the server and e-mail remembered, the refresh token in the keychain.
// Run twice by ctest: as it is (no secret service: the app must work and say so), and under
// tests/harness/with-keyring.sh with TICKETING_TEST_KEYCHAIN=1 (a GNOME keyring, as a desktop
// has: the token outlives the run).
class TestSession : public QObject
{
    Q_OBJECT

    static std::optional<QString> tokenOf(Session& s)
    {
        std::optional<std::optional<QString>> out;
        s.refreshToken([&](std::optional<QString> t) { out = t; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return QStringLiteral("(no answer)");
        return *out;
    }

    static bool keep(Session& s, const QString& token)
    {
        std::optional<bool> kept;
        s.keepRefreshToken(token, [&](bool k) { kept = k; });
        return QTest::qWaitFor([&] { return kept.has_value(); }, 20000) && *kept;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void remembersTheServerAndTheEmail()
    {
        {
            Session s(QStringLiteral("session-test"));
            s.remember(QUrl(QStringLiteral("https://tickets.example.com")),
                       QStringLiteral("box@example.com"));
        }
        Session later(QStringLiteral("session-test"));
        QCOMPARE(later.server(), QUrl(QStringLiteral("https://tickets.example.com")));
        QCOMPARE(later.email(), QStringLiteral("box@example.com"));
    }

    void keepsTheRefreshToken()
    {
        const bool keychain = qEnvironmentVariableIntValue("TICKETING_TEST_KEYCHAIN") == 1;
        Session s(QStringLiteral("session-test"));
        s.remember(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                   QStringLiteral("box@example.com"));
        const auto token = QStringLiteral("refresh-%1").arg(QDateTime::currentMSecsSinceEpoch());
        if (!keychain) {
            // No secret service: not kept, and said so; this run still has it.
            QVERIFY(!keep(s, token));
            QVERIFY(s.keychainProblem().contains(QStringLiteral("password next time")));
            QCOMPARE(tokenOf(s), std::optional<QString>(token));
            Session nextRun(QStringLiteral("session-test"));
            QCOMPARE(tokenOf(nextRun), std::optional<QString>());
            return;
        }
        QVERIFY2(keep(s, token), qPrintable(s.keychainProblem()));
        QVERIFY(s.keychainProblem().isEmpty());
        Session nextRun(QStringLiteral("session-test")); // another run of the app
        QCOMPARE(tokenOf(nextRun), std::optional<QString>(token));
        // Signing out forgets it.
        bool forgotten = false;
        nextRun.forgetRefreshToken([&] { forgotten = true; });
        QVERIFY(QTest::qWaitFor([&] { return forgotten; }, 20000));
        Session afterThat(QStringLiteral("session-test"));
        QCOMPARE(tokenOf(afterThat), std::optional<QString>());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "TestSession.moc"
