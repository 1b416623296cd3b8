#include "domain/Money.h"

#include <QtTest>
#include <limits>

using namespace ticketing::domain;

class TestMoney : public QObject
{
    Q_OBJECT

    static Currency cur(const char* code) { return *Currency::fromCode(code); }

private Q_SLOTS:
    void minorDigitsFollowIso4217()
    {
        QCOMPARE(cur("USD").minorDigits(), 2);
        QCOMPARE(cur("EUR").minorDigits(), 2);
        QCOMPARE(cur("GBP").minorDigits(), 2);
        QCOMPARE(cur("INR").minorDigits(), 2);
        QCOMPARE(cur("JPY").minorDigits(), 0);
        QCOMPARE(cur("BHD").minorDigits(), 3);
        QVERIFY(!Currency::fromCode("usd")); // ISO codes are upper case
        QVERIFY(!Currency::fromCode("XXX"));
        QVERIFY(!Currency::fromCode(""));
    }

    void parsesWireAmounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("two digits") << "150.00"
                                    << "USD" << qint64(15000);
        QTest::newRow("whole") << "150"
                               << "USD" << qint64(15000);
        QTest::newRow("one digit") << "150.5"
                                   << "EUR" << qint64(15050);
        QTest::newRow("cents") << "0.01"
                               << "GBP" << qint64(1);
        QTest::newRow("zero") << "0"
                              << "INR" << qint64(0);
        QTest::newRow("negative") << "-5.25"
                                  << "USD" << qint64(-525);
        QTest::newRow("yen") << "1500"
                             << "JPY" << qint64(1500);
        QTest::newRow("dinar") << "1.234"
                               << "BHD" << qint64(1234);
        QTest::newRow("leading zeros") << "007.10"
                                       << "USD" << qint64(710);
        QTest::newRow("largest") << "92233720368547758.07"
                                 << "USD" << std::numeric_limits<qint64>::max();
    }
    void parsesWireAmounts()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        auto m = Money::parse(text.toStdString(), cur(currency.toLatin1().constData()));
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        QCOMPARE(m->minorUnits(), minor);
    }

    void refusesWhatIsNotAnAmount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        for (const char* bad :
             {"", "abc", ".5", "5.", "1e3", "+5", " 5", "5 ", "1,000.00", "1.234", "1..2", "--1",
              "-", "0x10", "92233720368547758.08", "99999999999999999999"})
            QTest::newRow(bad) << QString::fromLatin1(bad) << "USD";
        QTest::newRow("yen has no minor unit") << "1500.0"
                                               << "JPY";
        QTest::newRow("dinar has three") << "1.2345"
                                         << "BHD";
    }
    void refusesWhatIsNotAnAmount()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        auto m = Money::parse(text.toStdString(), cur(currency.toLatin1().constData()));
        QVERIFY(!m.ok());
        QVERIFY(!m.error().empty()); // a sentence for the person who typed it
    }

    void printsWithTheCurrencysDigits()
    {
        QCOMPARE(Money(15000, cur("USD")).toDecimalString(), std::string("150.00"));
        QCOMPARE(Money(5, cur("USD")).toDecimalString(), std::string("0.05"));
        QCOMPARE(Money(-5, cur("USD")).toDecimalString(), std::string("-0.05"));
        QCOMPARE(Money(1500, cur("JPY")).toDecimalString(), std::string("1500"));
        QCOMPARE(Money(1, cur("BHD")).toDecimalString(), std::string("0.001"));
        QCOMPARE(Money(std::numeric_limits<std::int64_t>::min(), cur("USD")).toDecimalString(),
                 std::string("-92233720368547758.08"));
    }

    void roundTripsThroughTheWireForm()
    {
        for (std::int64_t v : {0LL, 1LL, 99LL, 100LL, 123456789LL, -42LL}) {
            for (const char* c : {"USD", "JPY", "BHD"}) {
                const Money m(v, cur(c));
                auto back = Money::parse(m.toDecimalString(), cur(c));
                QVERIFY(back.ok());
                QCOMPARE(back->minorUnits(), v);
            }
        }
    }

    void arithmeticStaysInOneCurrency()
    {
        const Money a(1050, cur("EUR"));
        const Money b(250, cur("EUR"));
        QCOMPARE((a + b).minorUnits(), 1300);
        QCOMPARE((a - b).minorUnits(), 800);
        QCOMPARE((a * 3).minorUnits(), 3150);
        QVERIFY(a.compare(b) == std::strong_ordering::greater);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, a + Money(1, cur("USD")));
        QVERIFY_THROWS_EXCEPTION(std::overflow_error,
                                 Money(std::numeric_limits<std::int64_t>::max(), cur("USD")) +
                                     Money(1, cur("USD")));
        QVERIFY_THROWS_EXCEPTION(std::overflow_error,
                                 Money(std::numeric_limits<std::int64_t>::max(), cur("USD")) * 2);
    }

    void percentagesRoundHalfAwayFromZero()
    {
        QCOMPARE(Money(101, cur("USD")).percentage(5000).minorUnits(), 51); // 50.5 -> 51
        QCOMPARE(Money(-101, cur("USD")).percentage(5000).minorUnits(), -51);
        QCOMPARE(Money(10000, cur("USD")).percentage(10000).minorUnits(), 10000);
        QCOMPARE(Money(10000, cur("USD")).percentage(0).minorUnits(), 0);
        QCOMPARE(Money(333, cur("USD")).percentage(3333).minorUnits(), 111); // 110.99 -> 111
        QCOMPARE(Money(std::numeric_limits<std::int64_t>::max(), cur("USD"))
                     .percentage(5000)
                     .minorUnits(),
                 std::numeric_limits<std::int64_t>::max() / 2 + 1);
    }
};

QTEST_APPLESS_MAIN(TestMoney)
#include "TestMoney.moc"
