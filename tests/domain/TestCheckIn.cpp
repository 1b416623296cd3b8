// The gate's decision (issue 16): a table of cases, each result, re-entry, a rotated key,
// another event's ticket, the validity window's edges, and every single changed character.
#include "domain/CheckIn.h"

#include <QtTest>
#include <algorithm>
#include <map>

using namespace ticketing::domain;
using namespace std::chrono_literals;

namespace {
SigningKey key(std::uint8_t n)
{
    std::array<std::uint8_t, 32> seed{};
    seed.fill(n);
    return SigningKey::fromSeed(seed);
}

const EventId kEvent{*Uuid::parse("0192f3a0-0000-7000-8000-00000000000a")};
const EventId kOther{*Uuid::parse("0192f3a0-0000-7000-8000-00000000000b")};
const TierId kTier{*Uuid::parse("0192f3a0-0000-7000-8000-0000000000c1")};
const Clock::TimePoint kIssued{std::chrono::seconds(1'900'000'000)};
const Clock::TimePoint kEnd = kIssued + 30 * 24h;

struct Ticket
{
    TicketId id;
    std::string code;
    TicketClaims claims;
};

Ticket ticket(const EventId& event, const SigningKey& k, int n)
{
    Ticket t;
    t.id = TicketId{*Uuid::parse(QStringLiteral("0192f3a0-0000-7000-8000-%1")
                                     .arg(n, 12, 10, QLatin1Char('0'))
                                     .toStdString())};
    t.claims = ticketClaims(t.id, event, kTier, std::nullopt, kIssued, kEnd);
    t.code = signCredential(t.claims, k);
    return t;
}

// The gate's record of passages, by ticket.
struct Gate
{
    EventId event = kEvent;
    std::vector<TrustedKey> keys;
    std::vector<TicketId> revoked;
    std::map<TicketId, std::vector<Passage>> passages;

    Decision scan(const std::string& code, Direction direction, Clock::TimePoint at,
                  const std::string& gate = "North")
    {
        std::sort(revoked.begin(), revoked.end());
        auto d = decide(
            code, event, keys, revoked,
            [&](const TicketId& id) { return presenceOf(passages[id]); }, direction, at);
        if (opensGate(d.outcome))
            passages[d.claims->ticket].push_back({direction, at, gate, "scanner-1"});
        return d;
    }
};
} // namespace

class TestCheckIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTableOfCases_data()
    {
        QTest::addColumn<QByteArray>("name");
        // Each row: what happened before (entries/exits of the same ticket), then the scan.
        QTest::addColumn<QByteArrayList>("before");
        QTest::addColumn<QByteArray>("direction");
        QTest::addColumn<QByteArray>("expected");
        const QByteArrayList none;
        QTest::newRow("first entry")
            << QByteArray("valid") << none << QByteArray("entry") << QByteArray("admitted");
        QTest::newRow("again") << QByteArray("valid") << QByteArrayList{QByteArray("entry")}
                               << QByteArray("entry") << QByteArray("already_inside");
        QTest::newRow("out") << QByteArray("valid") << QByteArrayList{QByteArray("entry")}
                             << QByteArray("exit") << QByteArray("exited");
        QTest::newRow("out before in")
            << QByteArray("valid") << none << QByteArray("exit") << QByteArray("not_inside");
        QTest::newRow("re-entry") << QByteArray("valid")
                                  << QByteArrayList{QByteArray("entry"), QByteArray("exit")}
                                  << QByteArray("entry") << QByteArray("admitted");
        QTest::newRow("out twice")
            << QByteArray("valid") << QByteArrayList{QByteArray("entry"), QByteArray("exit")}
            << QByteArray("exit") << QByteArray("not_inside");
        QTest::newRow("revoked") << QByteArray("revoked") << none << QByteArray("entry")
                                 << QByteArray("revoked");
        QTest::newRow("another event's, its key unknown here")
            << QByteArray("other-event") << none << QByteArray("entry")
            << QByteArray("wrong_event");
        QTest::newRow("another event's, both keys trusted")
            << QByteArray("other-event-trusted") << none << QByteArray("entry")
            << QByteArray("wrong_event");
        QTest::newRow("not ours") << QByteArray("garbage") << none << QByteArray("entry")
                                  << QByteArray("invalid");
        QTest::newRow("forged: signed by a key we do not trust")
            << QByteArray("forged") << none << QByteArray("entry") << QByteArray("invalid");
        QTest::newRow("signed with the rotated-out key")
            << QByteArray("old-key") << none << QByteArray("entry") << QByteArray("admitted");
    }

    void theTableOfCases()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArrayList, before);
        QFETCH(QByteArray, direction);
        QFETCH(QByteArray, expected);
        const auto current = key(1), retired = key(2), other = key(3), stranger = key(4);
        Gate gate;
        gate.keys = {TrustedKey::of(kEvent, current.publicKey),
                     TrustedKey::of(kEvent, retired.publicKey)};
        std::string code;
        if (name == "valid" || name == "revoked") {
            const auto t = ticket(kEvent, current, 1);
            code = t.code;
            if (name == "revoked")
                gate.revoked.push_back(t.id);
        } else if (name == "other-event") {
            code = ticket(kOther, other, 2).code;
        } else if (name == "other-event-trusted") {
            gate.keys.push_back(TrustedKey::of(kOther, other.publicKey));
            code = ticket(kOther, other, 2).code;
        } else if (name == "garbage") {
            code = "https://example.com/not-a-ticket";
        } else if (name == "forged") {
            code = ticket(kEvent, stranger, 3).code;
        } else if (name == "old-key") {
            code = ticket(kEvent, retired, 4).code;
        }
        auto at = kIssued + 1h;
        for (const auto& step : before) {
            const auto d = gate.scan(code, *parseDirection(step.toStdString()), at);
            QVERIFY(opensGate(d.outcome));
            at += 10min;
        }
        const auto d = gate.scan(code, *parseDirection(direction.toStdString()), at);
        QCOMPARE(QByteArray(toString(d.outcome).data(),
                            static_cast<qsizetype>(toString(d.outcome).size())),
                 expected);
        if (d.outcome == ScanOutcome::AlreadyInside) {
            QVERIFY(d.firstEntry);
            QCOMPARE(d.firstEntry->gate, std::string("North"));
            QVERIFY(d.firstEntry->at == kIssued + 1h);
        }
    }

    // valid from <= now < valid until, to the second.
    void theValidityWindowsEdges()
    {
        const auto k = key(1);
        const auto t = ticket(kEvent, k, 5);
        const auto from = t.claims.validFrom, until = t.claims.validUntil;
        QVERIFY(until == kEnd + 6h); // six hours after the end
        const std::vector<std::pair<Clock::TimePoint, ScanOutcome>> cases{
            {from - 1s, ScanOutcome::NotYetValid},
            {from, ScanOutcome::Admitted},
            {until - 1s, ScanOutcome::Admitted},
            {until, ScanOutcome::Expired},
            {until + 24h, ScanOutcome::Expired}};
        for (const auto& [at, expected] : cases) {
            Gate gate;
            gate.keys = {TrustedKey::of(kEvent, k.publicKey)};
            QCOMPARE(QString::fromLatin1(toString(gate.scan(t.code, Direction::Entry, at).outcome)),
                     QString::fromLatin1(toString(expected)));
        }
    }

    // Any one character changed, anywhere, to any other of the alphabet: never admitted.
    void everyChangedCharacterIsRefused()
    {
        const auto k = key(1);
        const auto t = ticket(kEvent, k, 6);
        const std::string alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        int tried = 0;
        for (std::size_t i = 0; i < t.code.size(); ++i)
            for (const char c :
                 {alphabet[i % alphabet.size()], alphabet[(i * 7 + 3) % alphabet.size()]}) {
                if (c == t.code[i])
                    continue;
                auto changed = t.code;
                changed[i] = c;
                Gate gate;
                gate.keys = {TrustedKey::of(kEvent, k.publicKey)};
                const auto d = gate.scan(changed, Direction::Entry, kIssued + 1h);
                QVERIFY2(d.outcome == ScanOutcome::Invalid,
                         qPrintable(QStringLiteral("position %1 -> %2: %3")
                                        .arg(i)
                                        .arg(QLatin1Char(c))
                                        .arg(QString::fromLatin1(toString(d.outcome)))));
                ++tried;
            }
        QVERIFY(tried > 200);
    }

    // Passages in any order give the same presence; two entries (two offline gates) keep the
    // earlier one.
    void presenceIsTakenInTimeOrder()
    {
        const auto t0 = kIssued + 1h;
        const Passage in1{Direction::Entry, t0, "North", "a"};
        const Passage in2{Direction::Entry, t0 + 5min, "South", "b"};
        const Passage out{Direction::Exit, t0 + 20min, "North", "a"};
        auto p = presenceOf({in2, in1});
        QVERIFY(p.inside);
        QCOMPARE(p.entry->gate, std::string("North"));
        p = presenceOf({out, in2, in1});
        QVERIFY(!p.inside);
        QVERIFY(!presenceOf({out}).inside);
        QVERIFY(presenceOf({}).entry == std::nullopt);
    }

    void namesReadBack()
    {
        for (const auto* s : {"admitted", "exited", "already_inside", "not_inside", "revoked",
                              "invalid", "wrong_event", "not_yet_valid", "expired"})
            QCOMPARE(QString::fromLatin1(toString(*parseScanOutcome(s))), QString::fromLatin1(s));
        QVERIFY(!parseScanOutcome("maybe"));
        QVERIFY(parseDirection("exit") == Direction::Exit);
        QVERIFY(!parseDirection("sideways"));
    }
};

QTEST_GUILESS_MAIN(TestCheckIn)
#include "TestCheckIn.moc"
