#include "domain/Codec.h"
#include "domain/Pricing.h"
#include "domain/Promo.h"

#include <QtTest>
#include <numeric>
#include <random>

using namespace ticketing::domain;
using namespace std::chrono_literals;

namespace {
const TierId kA = *TierId::parse("0192f3a0-2222-7222-8222-00000000000a");
const TierId kB = *TierId::parse("0192f3a0-2222-7222-8222-00000000000b");

std::vector<PricedUnit> units(std::initializer_list<std::pair<TierId, std::int64_t>> list)
{
    std::vector<PricedUnit> out;
    for (const auto& [tier, price] : list)
        out.push_back({tier, price});
    return out;
}
std::vector<PricedUnit> many(int n, std::int64_t each, TierId tier = kA)
{
    return std::vector<PricedUnit>(static_cast<std::size_t>(n), PricedUnit{tier, each});
}
PromoCode percentCode(int percent)
{
    PromoCode c;
    c.code = "SUMMER";
    c.kind = PromoCode::Kind::Percent;
    c.percent = percent;
    return c;
}
PromoCode amountCode(std::int64_t minor)
{
    PromoCode c;
    c.code = "TENOFF";
    c.kind = PromoCode::Kind::Amount;
    c.amountMinor = minor;
    return c;
}
// The invariants of every price: the unit discounts add up, none is more than its unit.
void expectConsistent(const std::vector<PricedUnit>& u, const Price& p)
{
    QCOMPARE(std::accumulate(p.unitDiscounts.begin(), p.unitDiscounts.end(), std::int64_t{0}),
             p.discountMinor);
    QCOMPARE(p.unitDiscounts.size(), u.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
        QVERIFY(p.unitDiscounts[i] >= 0);
        QVERIFY(p.unitDiscounts[i] <= u[i].listMinor);
    }
    QCOMPARE(p.totalMinor, p.subtotalMinor - p.discountMinor);
    QVERIFY(p.totalMinor >= 0);
}
// A refusal's reason as API.md writes it, or "ok".
std::string_view refusal(const PromoCode& c, const std::vector<PricedUnit>& u, Clock::TimePoint now,
                         int usesByBuyer)
{
    const auto r = checkPromo(c, u, now, usesByBuyer);
    return r ? toString(*r) : std::string_view("ok");
}
const Clock::TimePoint kNow = Clock::TimePoint(std::chrono::seconds(1772323200));
} // namespace

// API.md "Promo codes and group discounts": the one pricing function.
class TestPricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noDiscountIsTheListPrice()
    {
        const auto u = many(3, 4500);
        const auto p = price(u, nullptr, {});
        QCOMPARE(p.subtotalMinor, 13500);
        QCOMPARE(p.discountMinor, 0);
        QCOMPARE(p.totalMinor, 13500);
        QVERIFY(!p.applied);
        QVERIFY(!p.usesCode());
        expectConsistent(u, p);
    }

    void aPercentCodeIsRoundedHalfUpAndSpreadToTheCent()
    {
        // USD: 25 % of 3 x 10.00 = 7.50, 2.50 each.
        auto u = many(3, 1000);
        const auto c = percentCode(25);
        auto p = price(u, &c, {});
        QCOMPARE(p.discountMinor, 750);
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{250, 250, 250}));
        QVERIFY(p.usesCode());
        QCOMPARE(p.applied->code, std::string("SUMMER"));
        QCOMPARE(p.applied->percent, 25);
        expectConsistent(u, p);
        // 15 % of 9.99 is 1.4985: 1.50 (half up).
        u = many(3, 333);
        const auto c15 = percentCode(15);
        p = price(u, &c15, {});
        QCOMPARE(p.discountMinor, 150);
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{50, 50, 50}));
        // An odd total: 10 % of 1.00 + 1.00 + 1.01 = 0.301 -> 0.30, spread by largest
        // remainder: 0.0996, 0.0996, 0.1006 -> 0.09 each first, the two cents left go to the
        // largest remainders (the two 1.00 units).
        u = units({{kA, 100}, {kA, 100}, {kA, 101}});
        const auto c10 = percentCode(10);
        p = price(u, &c10, {});
        QCOMPARE(p.discountMinor, 30);
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{10, 10, 10}));
        expectConsistent(u, p);
        // 100 % is free.
        const auto all = percentCode(100);
        p = price(u, &all, {});
        QCOMPARE(p.totalMinor, 0);
        expectConsistent(u, p);
    }

    void anAmountCodeIsSpreadInYenAndCappedAtWhatItAppliesTo()
    {
        // JPY has no minor digits: 500 yen over three 1000-yen units is 167, 167, 166.
        auto u = many(3, 1000);
        const auto c = amountCode(500);
        auto p = price(u, &c, {});
        QCOMPARE(p.discountMinor, 500);
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{167, 167, 166}));
        expectConsistent(u, p);
        // USD 100.00 off two 20.00 tickets takes 40.00, not more.
        u = many(2, 2000);
        const auto big = amountCode(10000);
        p = price(u, &big, {});
        QCOMPARE(p.discountMinor, 4000);
        QCOMPARE(p.totalMinor, 0);
        expectConsistent(u, p);
        // Unequal prices: in proportion (0.50 over 30.00 and 10.00: 0.375 and 0.125 ->
        // 0.37 + 0.12, and the cent left to the larger remainder, the 30.00 unit: 0.38, 0.12).
        u = units({{kA, 3000}, {kA, 1000}});
        const auto half = amountCode(50);
        p = price(u, &half, {});
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{38, 12}));
        expectConsistent(u, p);
    }

    void aCodeForSomeTiersDiscountsOnlyThose()
    {
        auto c = percentCode(50);
        c.tiers = {kA};
        const auto u = units({{kA, 2000}, {kB, 5000}, {kA, 2000}});
        const auto p = price(u, &c, {});
        QCOMPARE(p.subtotalMinor, 9000);
        QCOMPARE(p.discountMinor, 2000);
        QCOMPARE(p.unitDiscounts, (std::vector<std::int64_t>{1000, 0, 1000}));
        expectConsistent(u, p);
        // An amount code capped at its tiers' units, not the whole subtotal.
        auto a = amountCode(100000);
        a.tiers = {kB};
        const auto q = price(u, &a, {});
        QCOMPARE(q.discountMinor, 5000);
        QCOMPARE(q.unitDiscounts, (std::vector<std::int64_t>{0, 5000, 0}));
    }

    void groupDiscountAgainstCodeTheLargerWins()
    {
        const std::vector<GroupDiscount> groups{{4, 10}, {8, 15}};
        const auto u = many(8, 1000); // 80.00
        // No code: the best group discount the quantity reaches (15 % from 8).
        auto p = price(u, nullptr, groups);
        QVERIFY(p.applied);
        QCOMPARE(p.applied->kind, Applied::Kind::GroupDiscount);
        QCOMPARE(p.applied->percent, 15);
        QCOMPARE(p.applied->minQuantity, 8);
        QCOMPARE(p.discountMinor, 1200);
        expectConsistent(u, p);
        // Five units reach only the 10 % one.
        QCOMPARE(price(many(5, 1000), nullptr, groups).discountMinor, 500);
        // Three reach none.
        QVERIFY(!price(many(3, 1000), nullptr, groups).applied);
        // A 10 % code (8.00) loses to the group's 12.00: the code's use is not spent.
        const auto ten = percentCode(10);
        p = price(u, &ten, groups);
        QCOMPARE(p.applied->kind, Applied::Kind::GroupDiscount);
        QVERIFY(!p.usesCode());
        // 15.00 off wins over 12.00.
        const auto fifteen = amountCode(1500);
        p = price(u, &fifteen, groups);
        QVERIFY(p.usesCode());
        QCOMPARE(p.discountMinor, 1500);
        expectConsistent(u, p);
        // They never stack, and a tie goes to the group discount.
        const auto same = amountCode(1200);
        p = price(u, &same, groups);
        QCOMPARE(p.discountMinor, 1200);
        QCOMPARE(p.applied->kind, Applied::Kind::GroupDiscount);
    }

    void everyRefusalHasItsReason()
    {
        const auto u = units({{kA, 1000}, {kA, 1000}, {kB, 1000}});
        auto c = percentCode(10);
        QVERIFY(!checkPromo(c, u, kNow, 0));

        c.validFrom = kNow + 1s;
        QCOMPARE(refusal(c, u, kNow, 0), std::string_view("not_yet_valid"));
        c.validFrom = kNow; // from its first second
        QVERIFY(!checkPromo(c, u, kNow, 0));

        c.validUntil = kNow; // until, not including, its last second
        QCOMPARE(refusal(c, u, kNow, 0), std::string_view("expired"));
        c.validUntil = kNow + 1s;
        QVERIFY(!checkPromo(c, u, kNow, 0));

        c.maxUses = 10;
        c.uses = 10;
        QCOMPARE(refusal(c, u, kNow, 0), std::string_view("used_up"));
        c.uses = 9;
        QVERIFY(!checkPromo(c, u, kNow, 0));

        c.perUser = 1;
        QCOMPARE(refusal(c, u, kNow, 1), std::string_view("per_user_limit"));
        QVERIFY(!checkPromo(c, u, kNow, 0));

        c.tiers = {*TierId::parse("0192f3a0-2222-7222-8222-00000000000c")};
        QCOMPARE(refusal(c, u, kNow, 0), std::string_view("not_for_these_tiers"));

        // min_quantity counts the units of its tiers only.
        c.tiers = {kA};
        c.minQuantity = 3;
        QCOMPARE(refusal(c, u, kNow, 0), std::string_view("below_min_quantity"));
        c.minQuantity = 2;
        QVERIFY(!checkPromo(c, u, kNow, 0));

        QCOMPARE(toString(PromoRefusal::Unknown), std::string_view("unknown"));
        QCOMPARE(toString(PromoRefusal::NotForTheseTiers), std::string_view("not_for_these_tiers"));
    }

    void codesMatchWithoutRegardToCase()
    {
        QVERIFY(sameCode("summer25", "SUMMER25"));
        QVERIFY(sameCode("Summer-25", "sUMMER-25"));
        QVERIFY(!sameCode("SUMMER25", "SUMMER2"));
        QVERIFY(!sameCode("SUMMER25", "SUMMER26"));
    }

    void groupDiscountsHaveRules()
    {
        QVERIFY(checkGroupDiscounts({{4, 10}, {8, 15}}).empty());
        const auto errors = checkGroupDiscounts({{1, 10}, {4, 0}, {4, 20}, {5, 101}});
        QCOMPARE(errors.size(), std::size_t(4));
        QCOMPARE(errors[0].field, std::string("group_discounts[0].min_quantity"));
        QCOMPARE(errors[1].field, std::string("group_discounts[1].percent"));
        QCOMPARE(errors[2].field, std::string("group_discounts[2].min_quantity"));
        QCOMPARE(errors[3].field, std::string("group_discounts[3].percent"));
        std::vector<GroupDiscount> eleven;
        for (int i = 0; i < 11; ++i)
            eleven.push_back({2 + i, 5});
        QCOMPARE(checkGroupDiscounts(eleven).size(), std::size_t(1));
    }

    void promoCodeInputsAreChecked()
    {
        // Every field's rule, each named.
        const auto errors = [](const char* body) {
            auto r = decodeText<PromoCodeInput>(body);
            std::vector<std::string> fields;
            if (!r.ok())
                for (const auto& e : r.error())
                    fields.push_back(e.field);
            return fields;
        };
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "percent", "value": 25})"),
                 std::vector<std::string>{});
        QCOMPARE(errors(R"({"code": "ab", "kind": "percent", "value": 25})"),
                 std::vector<std::string>{"code"});
        QCOMPARE(errors(R"({"code": "SUMMER 25", "kind": "percent", "value": 25})"),
                 std::vector<std::string>{"code"});
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "gift", "value": 25})"),
                 std::vector<std::string>{"kind"});
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "percent", "value": 101})"),
                 std::vector<std::string>{"value"});
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "percent", "value": "25"})"),
                 std::vector<std::string>{"value"});
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "amount", "value": 5})"),
                 std::vector<std::string>{"value"});
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "percent", "value": 5, "max_uses": 0,
                            "per_user": -1, "min_quantity": 11})"),
                 (std::vector<std::string>{"max_uses", "per_user", "min_quantity"}));
        QCOMPARE(errors(R"({"code": "SUMMER25", "kind": "percent", "value": 5,
                            "valid_from": "2026-09-01T00:00:00Z",
                            "valid_until": "2026-06-01T00:00:00Z"})"),
                 std::vector<std::string>{"valid_until"});
        // An amount is checked against the event's currency.
        auto in =
            decodeText<PromoCodeInput>(R"({"code": "TENOFF", "kind": "amount", "value": "10.50"})");
        QVERIFY(in.ok());
        QVERIFY(toPromoCode(*in, "EUR").ok());
        QCOMPARE(toPromoCode(*in, "EUR")->amountMinor, std::int64_t(1050));
        QVERIFY(!toPromoCode(*in, "JPY").ok()); // no minor digits in yen
        in->amount = "0.00";
        QVERIFY(!toPromoCode(*in, "EUR").ok());
    }

    void aQuoteSaysWhatApplied()
    {
        const auto u = many(4, 4500);
        const auto p = price(u, nullptr, {{4, 15}});
        const auto q = quoteOf(p, "EUR");
        QCOMPARE(encodeText(q),
                 std::string(R"({"subtotal":"180.00","discount":"27.00","total":"153.00",)"
                             R"("currency":"EUR","applied":[{"kind":"group_discount",)"
                             R"("min_quantity":4,"percent":15,"discount":"27.00"}]})"));
    }

    void anyCartAddsUp()
    {
        // Random carts, codes and group discounts: the invariants always hold.
        std::mt19937 rng(17);
        for (int round = 0; round < 2000; ++round) {
            std::vector<PricedUnit> u;
            const int n = 1 + static_cast<int>(rng() % 10);
            for (int i = 0; i < n; ++i)
                u.push_back({rng() % 2 ? kA : kB, static_cast<std::int64_t>(rng() % 50000)});
            PromoCode c = rng() % 2 ? percentCode(1 + static_cast<int>(rng() % 100))
                                    : amountCode(static_cast<std::int64_t>(rng() % 100000));
            if (rng() % 3 == 0)
                c.tiers = {kB};
            const std::vector<GroupDiscount> groups{{3, 1 + static_cast<int>(rng() % 30)}};
            const auto p = price(u, rng() % 4 ? &c : nullptr, groups);
            expectConsistent(u, p);
        }
    }
};

QTEST_GUILESS_MAIN(TestPricing)
#include "TestPricing.moc"
