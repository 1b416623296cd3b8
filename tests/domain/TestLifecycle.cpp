#include "domain/Lifecycle.h"

#include <QtTest>

using namespace ticketing::domain;

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookingTransitionsAreExactlyTheAllowedOnes()
    {
        using B = BookingStatus;
        const std::vector<std::pair<B, B>> allowed{
            {B::Held, B::Confirmed},     {B::Held, B::Cancelled},      {B::Held, B::Expired},
            {B::Confirmed, B::Refunded}, {B::Confirmed, B::Cancelled}, {B::Expired, B::Confirmed}};
        const std::vector<B> all{B::Held, B::Confirmed, B::Cancelled, B::Expired, B::Refunded};
        for (auto from : all) {
            for (auto to : all) {
                const bool expected =
                    std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
                QCOMPARE(canTransition(from, to), expected);
                auto r = transition(from, to);
                QCOMPARE(r.ok(), expected);
                if (!expected) {
                    QCOMPARE(r.error().status(), 409);
                    QCOMPARE(r.error().code(), std::string("invalid_state"));
                }
            }
        }
        QVERIFY(isFinal(B::Cancelled));
        QVERIFY(isFinal(B::Refunded));
        QVERIFY(!isFinal(B::Held));
    }

    void ticketTransitionsLeaveActiveOnly()
    {
        using T = TicketStatus;
        const std::vector<T> all{T::Active, T::Used, T::Cancelled, T::Transferred};
        for (auto from : all)
            for (auto to : all)
                QCOMPARE(canTransition(from, to), from == T::Active && to != T::Active);
        QVERIFY(!canTransition(T::Used, T::Active)); // no re-entry on a used ticket
    }

    void namesMatchTheWire()
    {
        QCOMPARE(toString(BookingStatus::Held), std::string_view("held"));
        QCOMPARE(toString(BookingStatus::Refunded), std::string_view("refunded"));
        QCOMPARE(toString(TicketStatus::Transferred), std::string_view("transferred"));
        QVERIFY(*parseBookingStatus("expired") == BookingStatus::Expired);
        QVERIFY(*parseTicketStatus("used") == TicketStatus::Used);
        QVERIFY(!parseBookingStatus("HELD"));
        QVERIFY(!parseTicketStatus(""));
    }
};

QTEST_APPLESS_MAIN(TestLifecycle)
#include "TestLifecycle.moc"
