#include "domain/Uuid.h"

#include <QtTest>
#include <set>

using namespace ticketing::domain;

class TestUuid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatesVersion7()
    {
        const auto id = Uuid::generateV7();
        QCOMPARE(id.version(), 7);
        QCOMPARE(id.bytes()[8] & 0xC0, 0x80); // RFC 9562 variant
        QVERIFY(!id.isNil());
    }

    void idsAreUniqueAndTimeOrdered()
    {
        std::set<Uuid> seen;
        Uuid previous;
        for (int i = 0; i < 10000; ++i) {
            const auto id = Uuid::generateV7();
            QVERIFY(seen.insert(id).second);
            // The first 48 bits are milliseconds, so ids of later milliseconds sort later.
            if (i > 0) {
                const auto ms = [](const Uuid& u) {
                    std::uint64_t v = 0;
                    for (int k = 0; k < 6; ++k)
                        v = v << 8 | u.bytes()[k];
                    return v;
                };
                QVERIFY(ms(id) >= ms(previous));
            }
            previous = id;
        }
    }

    void parsesAndPrintsCanonicalForm()
    {
        const auto text = std::string("0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d");
        auto id = Uuid::parse(text);
        QVERIFY(id);
        QCOMPARE(id->toString(), text);
        auto upper = Uuid::parse("0190F2A4-6C1E-7B3A-9C2D-5E6F7A8B9C0D");
        QVERIFY(upper);
        QCOMPARE(*upper, *id);
        const auto generated = Uuid::generateV7();
        QCOMPARE(*Uuid::parse(generated.toString()), generated);
    }

    void refusesOtherForms()
    {
        for (const char* bad :
             {"", "0190f2a4", "0190f2a46c1e7b3a9c2d5e6f7a8b9c0d",
              "{0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d}", "0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0g",
              "0190f2a4_6c1e-7b3a-9c2d-5e6f7a8b9c0d", "0190f2a4-6c1e-7b3a-9c2d-5e6f7a8b9c0d0"})
            QVERIFY2(!Uuid::parse(bad), bad);
    }

    void typedIdsDoNotMix()
    {
        const auto e = EventId::generate();
        const auto parsed = EventId::parse(e.toString());
        QVERIFY(parsed);
        QCOMPARE(*parsed, e);
        static_assert(!std::is_convertible_v<EventId, SeatId>);
    }
};

QTEST_APPLESS_MAIN(TestUuid)
#include "TestUuid.moc"
