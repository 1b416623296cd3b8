#include "domain/Credential.h"
#include "domain/RefundPolicy.h"

#include <QtTest>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>

using namespace ticketing::domain;
namespace json = boost::json;

namespace {
std::array<std::uint8_t, 32> bytes32(std::string_view hex)
{
    std::array<std::uint8_t, 32> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] =
            static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i * 2, 2)), nullptr, 16));
    return out;
}

std::string hex(const std::array<std::uint8_t, 32>& b)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto c : b) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

json::value vectors()
{
    std::ifstream in(TICKETING_TEST_DATA_DIR "/credentials/vectors.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

std::string text(const json::value& v, std::string_view key)
{
    return std::string(v.as_object().at(key).as_string());
}

TicketClaims claimsOf(const json::value& c)
{
    TicketClaims claims;
    claims.ticket = *TicketId::parse(text(c, "ticket_id"));
    claims.event = *EventId::parse(text(c, "event_id"));
    claims.tier = *TierId::parse(text(c, "tier_id"));
    if (!c.as_object().at("seat_id").is_null())
        claims.seat = SeatId::parse(text(c, "seat_id"));
    claims.validFrom = Clock::TimePoint(
        std::chrono::seconds(c.as_object().at("valid_from").to_number<long long>()));
    claims.validUntil = Clock::TimePoint(
        std::chrono::seconds(c.as_object().at("valid_until").to_number<long long>()));
    return claims;
}

// "ok" or the error's name, for QCOMPARE.
QString outcome(const Result<TicketClaims, CredentialError>& r)
{
    return r.ok() ? QStringLiteral("ok")
                  : QString::fromUtf8(toString(r.error()).data(),
                                      static_cast<qsizetype>(toString(r.error()).size()));
}

QString name(CredentialError e)
{
    return QString::fromUtf8(toString(e).data(), static_cast<qsizetype>(toString(e).size()));
}

Clock::TimePoint at(int day, int hour = 0)
{
    return Clock::TimePoint(std::chrono::hours(24 * day + hour));
}
} // namespace

// The ticket credential and the refund policy of common/domain (docs/ticket-credentials.md).
class TestCredential : public QObject
{
    Q_OBJECT

    std::vector<SigningKey> m_keys;
    std::vector<TrustedKey> m_trusted;
    json::value m_vectors;

private Q_SLOTS:
    void initTestCase()
    {
        m_vectors = vectors();
        for (const auto& k : m_vectors.at("keys").as_array()) {
            m_keys.push_back(SigningKey::fromSeed(bytes32(text(k, "seed"))));
            m_trusted.push_back(
                TrustedKey::of(*EventId::parse(text(k, "event_id")), m_keys.back().publicKey));
        }
        QCOMPARE(m_keys.size(), std::size_t(2));
    }

    void publishedVectorsVerify()
    {
        const auto& keys = m_vectors.at("keys").as_array();
        for (std::size_t i = 0; i < keys.size(); ++i) {
            QCOMPARE(hex(m_keys[i].publicKey), text(keys[i], "public_key"));
            QCOMPARE(keyIdHex(m_keys[i].keyId()), text(keys[i], "key_id"));
        }
        for (const auto& v : m_vectors.at("valid").as_array()) {
            const auto claims = claimsOf(v.at("claims"));
            // Ed25519 is deterministic: our signer makes exactly the published text.
            QCOMPARE(signCredential(claims, m_keys[0]), text(v, "credential"));
            const auto back = verifyCredential(text(v, "credential"), m_trusted);
            QVERIFY(back.ok());
            QVERIFY(back.value().ticket == claims.ticket);
            QVERIFY(back.value().event == claims.event);
            QVERIFY(back.value().tier == claims.tier);
            QVERIFY(back.value().seat == claims.seat);
            QVERIFY(back.value().validFrom == claims.validFrom);
            QVERIFY(back.value().validUntil == claims.validUntil);
            QCOMPARE(keyIdHex(back.value().keyId), keyIdHex(m_keys[0].keyId()));
        }
        for (const auto& v : m_vectors.at("invalid").as_array()) {
            const auto r = verifyCredential(text(v, "credential"), m_trusted);
            QVERIFY2(!r.ok(), text(v, "why").c_str());
            QCOMPARE(std::string(toString(r.error())), text(v, "error"));
        }
    }

    void anyChangedCharacterIsRefused()
    {
        const auto good = text(m_vectors.at("valid").as_array().at(0), "credential");
        const std::string alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        int tried = 0;
        for (std::size_t i = 0; i < good.size(); ++i) {
            for (char c : {alphabet[i % alphabet.size()], alphabet[(i * 7 + 3) % alphabet.size()],
                           'A', '_'}) {
                if (c == good[i])
                    continue;
                auto bad = good;
                bad[i] = c;
                QVERIFY2(!verifyCredential(bad, m_trusted).ok(),
                         qPrintable(QStringLiteral("position %1").arg(i)));
                ++tried;
            }
        }
        QVERIFY(tried > 3 * static_cast<int>(good.size()));
        QVERIFY(!verifyCredential(good + "A", m_trusted).ok());
        QVERIFY(!verifyCredential(good.substr(0, good.size() - 1), m_trusted).ok());
        QVERIFY(!verifyCredential("", m_trusted).ok());
    }

    void aWrongKeyOrAnotherEventsKeyIsRefused()
    {
        const auto claims = claimsOf(m_vectors.at("valid").as_array().at(0).at("claims"));
        const auto stranger = SigningKey::generate();
        const auto forged = signCredential(claims, stranger);
        QCOMPARE(outcome(verifyCredential(forged, m_trusted)), name(CredentialError::UnknownKey));
        // The stranger's key claimed under event A's key id: the signature gives it away.
        auto trustedForA = m_trusted;
        trustedForA[0].publicKey = stranger.publicKey; // key id of A, another public key
        QCOMPARE(outcome(verifyCredential(signCredential(claims, m_keys[0]), trustedForA)),
                 name(CredentialError::BadSignature));
        // Event B's key signing a ticket of event A.
        QCOMPARE(outcome(verifyCredential(signCredential(claims, m_keys[1]), m_trusted)),
                 name(CredentialError::WrongEvent));
        // A rotated key: tickets signed by the old key verify while it is still trusted.
        const auto rotated = SigningKey::generate();
        auto both = m_trusted;
        both.push_back(TrustedKey::of(claims.event, rotated.publicKey));
        QVERIFY(verifyCredential(signCredential(claims, rotated), both).ok());
        QVERIFY(verifyCredential(signCredential(claims, m_keys[0]), both).ok());
        QCOMPARE(outcome(verifyCredential(signCredential(claims, rotated), m_trusted)),
                 name(CredentialError::UnknownKey));
    }

    void revokedOrOutOfTimeCredentialsDoNotOpenTheGate()
    {
        const auto claims = claimsOf(m_vectors.at("valid").as_array().at(0).at("claims"));
        const auto code = signCredential(claims, m_keys[0]);
        const auto during = claims.validFrom + std::chrono::hours(1);
        QVERIFY(checkCredential(code, m_trusted, {}, during).ok());
        std::vector<TicketId> revoked{TicketId::generate(), claims.ticket, TicketId::generate()};
        std::sort(revoked.begin(), revoked.end());
        QCOMPARE(outcome(checkCredential(code, m_trusted, revoked, during)),
                 name(CredentialError::Revoked));
        QCOMPARE(outcome(checkCredential(code, m_trusted, {},
                                         claims.validFrom - std::chrono::seconds(1))),
                 name(CredentialError::NotYetValid));
        QCOMPARE(outcome(checkCredential(code, m_trusted, {}, claims.validUntil)),
                 name(CredentialError::Expired));
    }

    void aTicketIsValidFromItsIssueUntilSixHoursAfterTheEnd()
    {
        const auto issued = at(10, 12) + std::chrono::milliseconds(1500);
        const auto end = at(40, 23);
        const auto c = ticketClaims(TicketId::generate(), EventId::generate(), TierId::generate(),
                                    std::nullopt, issued, end);
        QVERIFY(c.validFrom == at(10, 12) + std::chrono::seconds(1)); // whole seconds
        QVERIFY(c.validUntil == at(41, 5));
        QVERIFY(!c.seat);
    }

    void theStandardRefundPolicyIsTheSeeds()
    {
        const auto policy = RefundPolicy::standard();
        const auto start = at(100, 20);
        const auto paid = *Money::parse("150.01", *Currency::fromCode("EUR"));
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(8 * 24)), 100);
        QCOMPARE(
            policy.percentAt(start, start - std::chrono::hours(7 * 24) - std::chrono::seconds(1)),
            100);
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(7 * 24)),
                 50); // the deadline itself is past it
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(2 * 24)), 50);
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(12)), 0);
        QCOMPARE(policy.percentAt(start, start + std::chrono::hours(1)), 0);
        QCOMPARE(
            policy.refundFor(paid, start, start - std::chrono::hours(8 * 24)).toDecimalString(),
            std::string("150.01"));
        QCOMPARE(policy.refundFor(paid, start, start - std::chrono::hours(48)).toDecimalString(),
                 std::string("75.01"));
        QCOMPARE(policy.refundFor(paid, start, start - std::chrono::hours(12)).toDecimalString(),
                 std::string("0.00"));
    }

    void anOrganizersPolicyIsReadAndChecked()
    {
        JsonReader r;
        const auto policy = readRefundPolicy(
            r,
            json::parse(
                R"({"rules": [{"hours_before_start": 48, "refund_percent": 80}, {"hours_before_start": 720, "refund_percent": 100}]})"),
            "refund_policy");
        QVERIFY(r.ok());
        QCOMPARE(policy.rules.size(), std::size_t(2));
        QCOMPARE(policy.rules[0].before.count(), 720); // most hours first
        const auto start = at(100);
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(100)), 80);
        QCOMPARE(policy.percentAt(start, start - std::chrono::hours(47)), 0);

        JsonReader bad;
        readRefundPolicy(
            bad,
            json::parse(
                R"({"rules": [{"hours_before_start": -1, "refund_percent": 101}, {"refund_percent": 5}, 3]})"),
            "refund_policy");
        QStringList paths;
        for (const auto& e : bad.errors())
            paths << QString::fromStdString(e.field);
        QCOMPARE(paths, (QStringList{QStringLiteral("refund_policy.rules[0].hours_before_start"),
                                     QStringLiteral("refund_policy.rules[0].refund_percent"),
                                     QStringLiteral("refund_policy.rules[1].hours_before_start"),
                                     QStringLiteral("refund_policy.rules[2]")}));
    }
};

QTEST_GUILESS_MAIN(TestCredential)
#include "TestCredential.moc"
