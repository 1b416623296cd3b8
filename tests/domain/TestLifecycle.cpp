#include "domain/Lifecycle.h"
#include "domain/Roles.h"

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

    // Who may do what with a booking: one rule (domain::mayAccessBooking) for every service.
    void bookingAccessIsOneRule()
    {
        const auto owner = UserId::generate(), organizer = UserId::generate(),
                   other = UserId::generate();
        auto may = [&](BookingAccess a, Role role, const UserId& who) {
            return mayAccessBooking(a, role, who, owner, organizer);
        };
        using A = BookingAccess;
        QVERIFY(may(A::Read, Role::Attendee, owner));
        QVERIFY(!may(A::Read, Role::Attendee, other));
        QVERIFY(may(A::Read, Role::Organizer, organizer));
        QVERIFY(!may(A::Read, Role::Organizer, other));
        QVERIFY(may(A::Read, Role::BoxOffice, other) && may(A::Read, Role::Admin, other));
        QVERIFY(!may(A::Read, Role::Gate, other));
        QVERIFY(!may(A::ReadPayments, Role::Organizer, organizer)); // sales, not payments
        QVERIFY(may(A::ReadPayments, Role::Attendee, owner));
        QVERIFY(may(A::Pay, Role::Attendee, owner) && may(A::Pay, Role::BoxOffice, other));
        QVERIFY(!may(A::Pay, Role::Organizer, organizer));
        QVERIFY(may(A::Cancel, Role::Attendee, owner) && may(A::Cancel, Role::Admin, other));
        QVERIFY(!may(A::Cancel, Role::Attendee, other) && !may(A::Cancel, Role::Gate, owner));
        QVERIFY(may(A::Refund, Role::Organizer, organizer) &&
                may(A::Refund, Role::BoxOffice, other));
        QVERIFY(!may(A::Refund, Role::Attendee, owner));
    }
};

QTEST_APPLESS_MAIN(TestLifecycle)
#include "TestLifecycle.moc"
