#include "services/PasswordHasher.h"
#include "services/TokenService.h"
#include "support/ManualClock.h"

#include <QtTest>
#include <algorithm>
#include <jwt.h>

using namespace ticketing;
using namespace std::chrono_literals;
using services::TokenService;

namespace {
const std::string kKey(48, 'k');

// A token with the same claims, made by hand with another algorithm or key.
std::string forge(jwt_alg_t alg, const std::string& key, long exp)
{
    jwt_t* j = nullptr;
    jwt_new(&j);
    jwt_add_grant(j, "iss", "ticketd");
    jwt_add_grant(j, "sub", domain::UserId::generate().toString().c_str());
    jwt_add_grant(j, "sid", domain::Uuid::generateV7().toString().c_str());
    jwt_add_grant(j, "role", "admin");
    jwt_add_grant_int(j, "exp", exp);
    jwt_set_alg(j, alg,
                alg == JWT_ALG_NONE ? nullptr : reinterpret_cast<const unsigned char*>(key.data()),
                alg == JWT_ALG_NONE ? 0 : static_cast<int>(key.size()));
    char* s = jwt_encode_str(j);
    std::string out = s ? s : "";
    free(s);
    jwt_free(j);
    return out;
}

long epoch(domain::Clock::TimePoint t)
{
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}
} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accessTokensCarryUserRoleAndSession()
    {
        test::ManualClock clock;
        TokenService tokens(kKey, clock);
        const auto user = domain::UserId::generate();
        const auto session = domain::Uuid::generateV7();
        const auto token = tokens.issueAccess(user, domain::Role::BoxOffice, session);
        auto claims = tokens.verifyAccess(token);
        QVERIFY(claims.ok());
        QCOMPARE(claims->user, user);
        QCOMPARE(claims->session, session);
        QVERIFY(claims->role == domain::Role::BoxOffice);
    }

    void accessTokensExpireAfterFifteenMinutesWithoutSleeping()
    {
        test::ManualClock clock(domain::Clock::TimePoint(std::chrono::seconds(1'800'000'000)));
        TokenService tokens(kKey, clock);
        const auto token = tokens.issueAccess(domain::UserId::generate(), domain::Role::Attendee,
                                              domain::Uuid::generateV7());
        clock.advance(14min + 59s);
        QVERIFY(tokens.verifyAccess(token).ok());
        clock.advance(1s);
        auto expired = tokens.verifyAccess(token);
        QVERIFY(!expired.ok());
        QCOMPARE(expired.error().code(), std::string("token_expired"));
        QCOMPARE(expired.error().status(), 401);
    }

    void anyChangedByteIsRefused()
    {
        test::ManualClock clock;
        TokenService tokens(kKey, clock);
        const auto token = tokens.issueAccess(domain::UserId::generate(), domain::Role::Attendee,
                                              domain::Uuid::generateV7());
        int refused = 0;
        for (std::size_t i = 0; i < token.size(); ++i) {
            auto altered = token;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            if (altered == token)
                continue;
            auto r = tokens.verifyAccess(altered);
            // A base64url character can differ in bits that decode to nothing only in the last
            // character of a segment; everywhere else the token must fail.
            if (!r.ok()) {
                QCOMPARE(r.error().code(), std::string("invalid_token"));
                ++refused;
            }
        }
        QVERIFY2(refused >= static_cast<int>(token.size()) - 3,
                 qPrintable(QString::number(refused)));
    }

    void otherKeysAndAlgorithmsAreRefused()
    {
        test::ManualClock clock;
        TokenService tokens(kKey, clock);
        const long exp = epoch(clock.now() + 10min);
        QVERIFY(tokens.verifyAccess(forge(JWT_ALG_HS256, kKey, exp)).ok()); // the forge is faithful
        QVERIFY(!tokens.verifyAccess(forge(JWT_ALG_HS256, std::string(48, 'x'), exp)).ok());
        QVERIFY(!tokens.verifyAccess(forge(JWT_ALG_HS384, kKey, exp)).ok());
        QVERIFY(!tokens.verifyAccess(forge(JWT_ALG_HS512, kKey, exp)).ok());
        QVERIFY(!tokens.verifyAccess(forge(JWT_ALG_NONE, "", exp)).ok());
        for (const char* junk : {"", "x", "a.b.c", "eyJhbGciOiJIUzI1NiJ9..", "Bearer abc"})
            QVERIFY(!tokens.verifyAccess(junk).ok());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TokenService(std::string(31, 'k'), clock));
    }

    void refreshTokensAreRandomAndStoredAsHashes()
    {
        const auto a = TokenService::newRefreshToken();
        const auto b = TokenService::newRefreshToken();
        QCOMPARE(a.size(), std::size_t(43)); // 256 bits, base64url without padding
        QVERIFY(a != b);
        QCOMPARE(TokenService::hashRefreshToken(a).size(), std::size_t(64));
        QCOMPARE(TokenService::hashRefreshToken(a), TokenService::hashRefreshToken(a));
        QVERIFY(TokenService::hashRefreshToken(a) != TokenService::hashRefreshToken(b));
    }

    void passwordsHashWithArgon2id()
    {
        const services::PasswordHasher hasher;
        const auto h = hasher.hash("correct horse battery");
        QVERIFY(QByteArray::fromStdString(h).startsWith("$argon2id$"));
        QVERIFY(hasher.verify(h, "correct horse battery"));
        QVERIFY(!hasher.verify(h, "correct horse batterY"));
        QVERIFY(!hasher.needsRehash(h));
        const services::PasswordHasher cheaper({1, 8u * 1024 * 1024});
        QVERIFY(hasher.needsRehash(cheaper.hash("x"))); // raised cost: re-hash at next login
        QVERIFY(cheaper.verify(cheaper.hash("pw"), "pw"));
    }

    void anUnknownEmailCostsWhatAWrongPasswordCosts()
    {
        const services::PasswordHasher hasher;
        const auto h = hasher.hash("the real password");
        auto median = [](auto&& fn) {
            std::vector<qint64> t;
            for (int i = 0; i < 7; ++i) {
                QElapsedTimer timer;
                timer.start();
                fn();
                t.push_back(timer.nsecsElapsed());
            }
            std::sort(t.begin(), t.end());
            return static_cast<double>(t[3]);
        };
        const double wrong = median([&] { (void)hasher.verify(h, "a wrong password"); });
        const double unknown = median([&] { hasher.verifyDummy("a wrong password"); });
        qInfo("wrong password %.1f ms, unknown email %.1f ms", wrong / 1e6, unknown / 1e6);
        QVERIFY(unknown > wrong * 0.5 && unknown < wrong * 2.0);
    }
};

QTEST_APPLESS_MAIN(TestTokens)
#include "TestTokens.moc"
