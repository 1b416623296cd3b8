#include "db/Migrations.h"
#include "db/Pool.h"
#include "services/AuthService.h"
#include "support/ManualClock.h"
#include "support/TestEnv.h"

#include <QtTest>

using namespace ticketing;
using namespace std::chrono_literals;

// The account rules against a real PostgreSQL, with time moved by hand: lockout windows,
// lock expiry and token lifetimes are tested without sleeping.
class TestAuthService : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<db::Session> m_session;
    std::unique_ptr<db::SessionScope> m_scope; // the services' session on this thread
    test::ManualClock m_clock{domain::Clock::TimePoint(std::chrono::seconds(1'800'000'000))};
    std::unique_ptr<services::TokenService> m_tokens;
    std::unique_ptr<services::PasswordHasher> m_hasher;
    std::unique_ptr<services::AuthService> m_auth;

    void addUser(const std::string& email, const std::string& password)
    {
        auto u =
            m_auth->registerUser({email, password, "Test", "User", std::nullopt, std::nullopt});
        QVERIFY(u.ok());
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<test::TestDatabase>();
        db::migrate(m_db->url(), db::builtinMigrations());
        m_session = std::make_unique<db::Session>(m_db->url());
        m_scope = std::make_unique<db::SessionScope>(*m_session);
        m_tokens = std::make_unique<services::TokenService>(std::string(32, 's'), m_clock);
        m_hasher = std::make_unique<services::PasswordHasher>(
            services::PasswordHasher::Cost{1, 8u * 1024 * 1024});
        m_auth = std::make_unique<services::AuthService>(*m_tokens, *m_hasher, m_clock);
    }
    void cleanup()
    {
        m_auth.reset();
        m_scope.reset();
        m_session.reset();
        m_db.reset();
    }

    void fiveFailuresLockForFifteenMinutesEvenWithTheRightPassword()
    {
        addUser("lock@example.com", "right password");
        for (int i = 0; i < 5; ++i) {
            auto r = m_auth->login("lock@example.com", "wrong password");
            QCOMPARE(r.error().code(), std::string("invalid_credentials"));
            m_clock.advance(1min);
        }
        auto locked = m_auth->login("LOCK@example.com", "right password");
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().status(), 423);
        QCOMPARE(locked.error().code(), std::string("account_locked"));
        QCOMPARE(*locked.error().retryAfterSeconds(),
                 15 * 60 - 60); // locked at the 5th, a minute ago

        m_clock.advance(13min + 59s);
        QCOMPARE(m_auth->login("lock@example.com", "right password").error().status(), 423);
        m_clock.advance(1s);
        QVERIFY(m_auth->login("lock@example.com", "right password").ok());
    }

    void failuresOutsideTheWindowDoNotCount()
    {
        addUser("slow@example.com", "right password");
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login("slow@example.com", "nope nope nope").ok());
        m_clock.advance(15min + 1s);
        QCOMPARE(m_auth->login("slow@example.com", "nope nope nope").error().code(),
                 std::string("invalid_credentials"));
        QVERIFY(m_auth->login("slow@example.com", "right password").ok());
    }

    void aSuccessClearsTheCount()
    {
        addUser("ok@example.com", "right password");
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login("ok@example.com", "wrong wrong").ok());
        QVERIFY(m_auth->login("ok@example.com", "right password").ok());
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login("ok@example.com", "wrong wrong").ok());
        QVERIFY(m_auth->login("ok@example.com", "right password").ok());
    }

    void unknownEmailsLockLikeKnownOnes()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_auth->login("nobody@example.com", "whatever pw").error().code(),
                     std::string("invalid_credentials"));
        QCOMPARE(m_auth->login("nobody@example.com", "whatever pw").error().code(),
                 std::string("account_locked"));
    }

    void refreshTokensLastSevenDaysAndRotate()
    {
        addUser("r@example.com", "right password");
        auto first = m_auth->login("r@example.com", "right password");
        QVERIFY(first.ok());
        m_clock.advance(6 * 24h);
        auto second = m_auth->refresh(first->refreshToken);
        QVERIFY(second.ok());
        QVERIFY(second->refreshToken != first->refreshToken);
        m_clock.advance(7 * 24h + 1s); // the rotated token lives 7 days from its rotation
        auto late = m_auth->refresh(second->refreshToken);
        QCOMPARE(late.error().code(), std::string("token_expired"));
    }

    void accessTokensEndWithTheirLogin()
    {
        addUser("a@example.com", "right password");
        auto t = m_auth->login("a@example.com", "right password");
        QVERIFY(m_auth->authenticate(t->accessToken).ok());
        m_auth->logout(t->refreshToken);
        auto after = m_auth->authenticate(t->accessToken);
        QCOMPARE(after.error().code(), std::string("invalid_token"));
        auto t2 = m_auth->login("a@example.com", "right password");
        m_clock.advance(15min);
        QCOMPARE(m_auth->authenticate(t2->accessToken).error().code(),
                 std::string("token_expired"));
    }

    void aRaisedCostRehashesAtTheNextLogin()
    {
        addUser("old@example.com", "right password");
        const services::PasswordHasher stronger({2, 16u * 1024 * 1024});
        services::AuthService upgraded(*m_tokens, stronger, m_clock);
        QVERIFY(upgraded.login("old@example.com", "right password").ok());
        auto user = m_auth->profile(upgraded.login("old@example.com", "right password")->user.id);
        QVERIFY(!stronger.needsRehash(db::accounts::findById(*m_session, user->id)->passwordHash));
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "TestAuthService.moc"
