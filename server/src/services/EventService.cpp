#include "services/EventService.h"

#include "db/BlockStore.h"
#include "db/CheckInStore.h"
#include "db/Pool.h"
#include "db/PromoStore.h"
#include "db/ReportStore.h"
#include "domain/Booking.h"
#include "domain/CheckIn.h"
#include "domain/RefundPolicy.h"
#include "services/Cursor.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

namespace ticketing::services {

using domain::EventStatus;
using domain::Problem;
using domain::ProblemCode;

namespace {
Problem notFound()
{
    return Problem(ProblemCode::NotFound, "no such event");
}

bool mayManage(const Caller& caller, const db::EventRow& e)
{
    return caller.isAdmin() || e.organizer == caller.user;
}

// The stored event as the input it came from, to compare an edit with it.
domain::EventInput asInput(const db::EventRow& e)
{
    const auto currency = *domain::Currency::fromCode(e.currency);
    domain::EventInput in{.venue = e.venue,
                          .title = e.title,
                          .description = e.description,
                          .genre = e.genre,
                          .start = e.start,
                          .end = e.end,
                          .saleStart = e.saleStart,
                          .saleEnd = e.saleEnd,
                          .currency = currency,
                          .tiers = {},
                          .refundPolicy = std::nullopt,
                          .groupDiscounts = e.groupDiscounts,
                          .transfersAllowed = e.transfersAllowed,
                          .transferUntil = e.transferUntil};
    if (e.refundPolicy)
        in.refundPolicy = boost::json::parse(*e.refundPolicy).as_object();
    for (const auto& t : e.tiers)
        in.tiers.push_back(
            {t.name, domain::Money(t.priceMinor, currency), t.kind, t.sectionKeys, t.quantity});
    return in;
}

} // namespace

domain::Result<db::EventRow, Problem> EventService::build(db::Session& s, const Caller& caller,
                                                          const domain::EventInput& in,
                                                          const domain::EventId& id,
                                                          const domain::UserId& organizer)
{
    // An organizer schedules events at its own venues; a venue it may not see "does not exist".
    auto venue = db::events::venueFacts(s, in.venue);
    if (!venue || (!caller.isAdmin() && !(venue->organizer == caller.user)))
        return domain::fail(Problem::validation({{"venue_id", "no such venue"}}));
    if (auto errors = domain::checkTiers(in, venue->sections); !errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));
    db::EventRow e;
    e.id = id;
    e.organizer = organizer;
    e.venue = in.venue;
    e.title = in.title;
    e.description = in.description;
    e.genre = in.genre;
    e.city = venue->city;
    e.start = in.start;
    e.end = in.end;
    e.saleStart = in.saleStart;
    e.saleEnd = in.saleEnd;
    e.currency = std::string(in.currency.code());
    if (in.refundPolicy)
        e.refundPolicy = boost::json::serialize(*in.refundPolicy);
    e.groupDiscounts = in.groupDiscounts;
    e.transfersAllowed = in.transfersAllowed;
    e.transferUntil = in.transferUntil;
    e.createdAt = e.updatedAt = m_clock.now();
    for (const auto& t : in.tiers)
        e.tiers.push_back({domain::TierId::generate(), t.name, t.price.minorUnits(), t.kind,
                           t.sectionKeys, t.quantity, domain::tierCapacity(t, venue->sections)});
    return e;
}

domain::Result<db::EventRow, Problem> EventService::createRow(const Caller& caller,
                                                              Decoded<domain::EventInput> input)
{
    db::Session& s = db::currentSession();
    if (!input.ok())
        return domain::fail(std::move(input).error());
    auto event = build(s, caller, *input, domain::EventId::generate(), caller.user);
    if (!event.ok())
        return event;
    db::events::insert(s, *event);
    return *db::events::find(s, event->id);
}

domain::Result<db::EventRow, Problem> EventService::getRow(const std::optional<Caller>& caller,
                                                           const domain::EventId& id)
{
    db::Session& s = db::currentSession();
    auto e = db::events::find(s, id);
    if (!e || (e->status == EventStatus::Draft && !(caller && mayManage(*caller, *e))))
        return domain::fail(notFound());
    return std::move(*e);
}

domain::Result<db::EventRow, Problem> EventService::owned(db::Session& s, const Caller& caller,
                                                          const domain::EventId& id)
{
    auto e = db::events::find(s, id);
    if (!e || !mayManage(caller, *e))
        return domain::fail(notFound());
    return std::move(*e);
}

domain::Result<db::EventRow, Problem> EventService::updateRow(const Caller& caller,
                                                              const domain::EventId& id,
                                                              Decoded<domain::EventInput> input)
{
    db::Session& s = db::currentSession();
    auto current = owned(s, caller, id);
    if (!current.ok())
        return current;
    if (current->status == EventStatus::Cancelled || current->status == EventStatus::Completed)
        return domain::fail(Problem(409, "event_closed", "The event is closed",
                                    "a " + std::string(domain::toString(current->status)) +
                                        " event cannot change"));
    if (!input.ok())
        return domain::fail(std::move(input).error());
    const bool published = current->status == EventStatus::Published;
    if (published) {
        // Its inventory and prices are on sale: only what describes it may change.
        if (!domain::sameExceptDescription(asInput(*current), *input))
            return domain::fail(
                Problem(409, "event_published", "The event is published",
                        "once published, only title, description and genre can change"));
        auto e = std::move(current).value();
        e.title = input->title;
        e.description = input->description;
        e.genre = input->genre;
        e.updatedAt = m_clock.now();
        db::events::update(s, e, true);
        return *db::events::find(s, id);
    }
    auto e = build(s, caller, *input, id, current->organizer);
    if (!e.ok())
        return e;
    e->createdAt = current->createdAt;
    db::events::update(s, *e, false);
    return *db::events::find(s, id);
}

domain::Result<db::EventRow, Problem> EventService::publishRow(const Caller& caller,
                                                               const domain::EventId& id)
{
    db::Session& s = db::currentSession();
    auto current = owned(s, caller, id);
    if (!current.ok())
        return current;
    if (current->end <= m_clock.now())
        return domain::fail(Problem(409, "event_over", "The event is over",
                                    "an event that has ended cannot be published"));
    // The venue may have changed since the draft was written: its tiers must still fit.
    auto venue = db::events::venueFacts(s, current->venue);
    if (auto errors = domain::checkTiers(
            asInput(*current), venue ? venue->sections : std::vector<domain::SectionSummary>{});
        !errors.empty()) {
        auto p = Problem(409, "venue_changed", "The venue no longer fits the tiers",
                         "the venue's map changed since the tiers were written; edit the event");
        return domain::fail(std::move(p.with("errors", boost::json::value_from(errors))));
    }
    switch (db::events::publish(s, id, m_clock.now())) {
    case db::events::PublishOutcome::Published:
        return *db::events::find(s, id);
    case db::events::PublishOutcome::NotDraft:
        return domain::fail(
            Problem(409, "not_draft", "The event is not a draft", "only a draft can be published"));
    case db::events::PublishOutcome::NotFound:
        break;
    }
    return domain::fail(notFound());
}

domain::Result<db::EventRow, Problem> EventService::cancelRow(const Caller& caller,
                                                              const domain::EventId& id)
{
    db::Session& s = db::currentSession();
    auto current = owned(s, caller, id);
    if (!current.ok())
        return current;
    if (current->status == EventStatus::Completed)
        return domain::fail(Problem(409, "event_closed", "The event is closed",
                                    "a completed event cannot be cancelled"));
    db::events::cancel(s, id, m_clock.now()); // cancelling a cancelled event changes nothing
    return *db::events::find(s, id);
}

domain::Result<EventService::RowPage, Problem>
EventService::listRows(const std::optional<Caller>& caller, const Query& q)
{
    db::Session& s = db::currentSession();
    db::EventFilter f;
    if (q.mine) {
        if (!caller)
            return domain::fail(
                Problem(ProblemCode::InvalidToken, "sign in to list your own events"));
        if (caller->deviceOrganizer) { // a scanner: its organizer's published events
            f.organizer = *caller->deviceOrganizer;
            f.publishedOnly = true;
        } else if (!domain::allows(caller->role, domain::Permission::EventsManage))
            return domain::fail(
                Problem(ProblemCode::Forbidden, "only organizers have events of their own"));
        else
            f.organizer = caller->user;
    }
    f.text = q.text;
    f.genre = q.genre;
    f.city = q.city;
    f.from = q.from;
    f.to = q.to;
    if (q.cursor) {
        const auto after = parseKeysetCursor(*q.cursor);
        if (!after)
            return domain::fail(
                Problem::validation({{"cursor", "is not a cursor this list gave"}}));
        f.after = std::pair{after->first, domain::EventId{after->second}};
    }
    f.limit = q.limit + 1;
    RowPage page;
    page.events = db::events::list(s, f);
    if (static_cast<int>(page.events.size()) > q.limit) {
        page.events.pop_back();
        page.nextCursor = keysetCursor(page.events.back().start, page.events.back().id.value);
    }
    return page;
}

domain::Event EventService::toEvent(const db::EventRow& e)
{
    domain::Event out;
    out.id = e.id;
    out.organizer = e.organizer;
    out.venue = e.venue;
    out.title = e.title;
    out.description = e.description;
    out.genre = e.genre;
    out.city = e.city;
    out.start = e.start;
    out.end = e.end;
    out.saleStart = e.saleStart;
    out.saleEnd = e.saleEnd;
    out.currency = e.currency;
    out.status = e.status;
    // The policy in force: the organizer's, or the standard one (seed 10.3).
    out.refundPolicy = domain::refundPolicyOr(
        e.refundPolicy ? std::optional(boost::json::parse(*e.refundPolicy).as_object())
                       : std::nullopt);
    for (const auto& t : e.tiers)
        out.tiers.push_back({t.id, t.name, t.priceMinor, e.currency, t.kind, t.sectionKeys,
                             t.quantity, t.quantityTotal});
    out.groupDiscounts = e.groupDiscounts;
    out.transfersAllowed = e.transfersAllowed;
    out.transferUntil = e.transferUntil;
    out.createdAt = e.createdAt;
    out.updatedAt = e.updatedAt;
    out.publishedAt = e.publishedAt;
    return out;
}

namespace {
domain::Result<domain::Event, Problem> shown(domain::Result<db::EventRow, Problem> row)
{
    if (!row.ok())
        return domain::fail(std::move(row).error());
    return EventService::toEvent(*row);
}
} // namespace

domain::Result<domain::Event, Problem> EventService::create(const Caller& caller,
                                                            Decoded<domain::EventInput> input)
{
    return shown(createRow(caller, std::move(input)));
}

domain::Result<domain::Event, Problem> EventService::get(const std::optional<Caller>& caller,
                                                         const domain::EventId& id)
{
    return shown(getRow(caller, id));
}

domain::Result<domain::Event, Problem> EventService::update(const Caller& caller,
                                                            const domain::EventId& id,
                                                            Decoded<domain::EventInput> input)
{
    return shown(updateRow(caller, id, std::move(input)));
}

domain::Result<domain::Event, Problem> EventService::publish(const Caller& caller,
                                                             const domain::EventId& id)
{
    return shown(publishRow(caller, id));
}

domain::Result<domain::Page<domain::Event>, Problem>
EventService::list(const std::optional<Caller>& caller, const Query& query)
{
    auto rows = listRows(caller, query);
    if (!rows.ok())
        return domain::fail(std::move(rows).error());
    domain::Page<domain::Event> page;
    page.items.reserve(rows->events.size());
    for (const auto& e : rows->events)
        page.items.push_back(toEvent(e));
    page.nextCursor = rows->nextCursor;
    return page;
}

domain::Result<std::pair<db::EventRow, domain::Report>, Problem>
EventService::reportRow(const Caller& caller, const domain::EventId& id,
                        domain::ReportInterval interval)
{
    auto& s = db::currentSession();
    auto event = owned(s, caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    const auto now = m_clock.now();
    auto facts = db::reports::read(s, id, now);
    auto report = domain::buildReport(id, event->currency, now, facts.stock, facts.paid,
                                      std::move(facts.byMethod), interval);
    // The gate's part (API.md `Report.checkin`): entries let in, and tickets inside now.
    domain::GateTally tally;
    for (const auto& [ticket, passages] : db::checkin::eventScans(s, id).passages)
        tally.add(passages);
    report.checkin = domain::Report::CheckIn{tally.entries, tally.inside};
    return std::pair(std::move(event).value(), std::move(report));
}

domain::Result<domain::Report, Problem> EventService::report(const Caller& caller,
                                                             const domain::EventId& id,
                                                             domain::ReportInterval interval)
{
    auto r = reportRow(caller, id, interval);
    if (!r.ok())
        return domain::fail(r.error());
    return std::move(r->second);
}

domain::Result<domain::Settlement, Problem> EventService::settlement(const Caller& caller,
                                                                     const domain::EventId& id)
{
    const auto r = reportRow(caller, id, domain::ReportInterval::Day);
    if (!r.ok())
        return domain::fail(r.error());
    return domain::settle(r->second, r->first.end, m_feeBasisPoints, r->second.generatedAt);
}

domain::Result<db::EventRow, Problem> EventService::onSale(db::Session& s, const Caller& caller,
                                                           const domain::EventId& id)
{
    auto event = owned(s, caller, id);
    if (!event.ok())
        return event;
    if (event->status == EventStatus::Draft)
        return domain::fail(Problem(ProblemCode::Conflict,
                                    "the event is a draft: its seats exist, and can be blocked, "
                                    "once it is published"));
    if (event->status != EventStatus::Published)
        return domain::fail(Problem(409, "event_closed", "The event is closed",
                                    "a " + std::string(domain::toString(event->status)) +
                                        " event's seats cannot change"));
    return event;
}

domain::Result<domain::SeatBlocks, Problem> EventService::blocks(const Caller& caller,
                                                                 const domain::EventId& id)
{
    auto& s = db::currentSession();
    auto event = owned(s, caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    return domain::SeatBlocks{id, db::blocks::list(s, id)};
}

namespace {
// The refusal of a change that named seats not in the event, or (blocking) held or sold ones.
std::optional<Problem> refusal(const db::blocks::Outcome& outcome)
{
    if (!outcome.unknown.empty())
        return domain::holdRefusal(domain::HoldFailure::UnknownSeats, outcome.unknown, 0);
    if (!outcome.unavailable.empty())
        return domain::seatsUnavailable(outcome.unavailable);
    return std::nullopt;
}
} // namespace

domain::Result<domain::SeatBlocks, Problem>
EventService::changeBlocks(const Caller& caller, const domain::EventId& id,
                           std::optional<Problem> badInput,
                           const std::function<db::blocks::Outcome(db::Session&)>& change)
{
    auto& s = db::currentSession();
    auto event = onSale(s, caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    if (badInput)
        return domain::fail(std::move(*badInput));
    if (auto refused = refusal(change(s)))
        return domain::fail(std::move(*refused));
    return domain::SeatBlocks{id, db::blocks::list(s, id)};
}

domain::Result<domain::SeatBlocks, Problem> EventService::block(const Caller& caller,
                                                                const domain::EventId& id,
                                                                Decoded<domain::BlockRequest> input)
{
    return changeBlocks(
        caller, id, input.ok() ? std::nullopt : std::optional(input.error()), [&](db::Session& s) {
            return db::blocks::block(s, id, input->seats, input->reason, m_clock.now());
        });
}

domain::Result<domain::SeatBlocks, Problem>
EventService::unblock(const Caller& caller, const domain::EventId& id,
                      Decoded<domain::UnblockRequest> input)
{
    return changeBlocks(
        caller, id, input.ok() ? std::nullopt : std::optional(input.error()),
        [&](db::Session& s) { return db::blocks::unblock(s, id, input->seats, m_clock.now()); });
}

domain::Result<domain::PromoCodeView, Problem>
EventService::createPromoCode(const Caller& caller, const domain::EventId& id,
                              Decoded<domain::PromoCodeInput> input)
{
    auto& s = db::currentSession();
    auto event = owned(s, caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    if (!input.ok())
        return domain::fail(std::move(input).error());
    std::vector<domain::FieldError> errors;
    for (std::size_t i = 0; i < input->tiers.size(); ++i) {
        const auto& tier = input->tiers[i];
        if (std::none_of(event->tiers.begin(), event->tiers.end(),
                         [&](const db::TierRow& t) { return t.id == tier; }))
            errors.push_back(
                {"tier_ids[" + std::to_string(i) + "]", "is not a tier of this event"});
    }
    auto code = domain::toPromoCode(*input, event->currency);
    if (!code.ok())
        errors.insert(errors.end(), code.error().begin(), code.error().end());
    if (!errors.empty())
        return domain::fail(Problem::validation(std::move(errors)));
    const auto now = m_clock.now();
    if (!db::promos::create(s, id, *code, now))
        return domain::fail(Problem(409, "promo_code_taken", "Promo code taken",
                                    "the event already has the code " + input->code +
                                        " (codes are matched without regard to case)"));
    return domain::PromoCodeView{std::move(code).value(), event->currency, now};
}

domain::Result<std::vector<domain::PromoCodeView>, Problem>
EventService::promoCodes(const Caller& caller, const domain::EventId& id)
{
    auto& s = db::currentSession();
    auto event = owned(s, caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    return db::promos::list(s, id, event->currency);
}

std::optional<Problem> EventService::removePromoCode(const Caller& caller,
                                                     const domain::EventId& id,
                                                     const std::string& code)
{
    auto& s = db::currentSession();
    auto event = owned(s, caller, id);
    if (!event.ok())
        return event.error();
    if (!db::promos::remove(s, id, code, m_clock.now()))
        return Problem(ProblemCode::NotFound, "the event has no promo code " + code);
    return std::nullopt;
}

domain::Result<domain::Quote, Problem> EventService::quote(const std::optional<Caller>& caller,
                                                           const domain::HoldRequest& request)
{
    const auto& id = request.event;
    auto& s = db::currentSession();
    auto event = getRow(caller, id);
    if (!event.ok())
        return domain::fail(event.error());
    auto priced = db::events::pricedUnits(s, request);
    if (!priced.ok())
        return domain::fail(Problem::validation({priced.error()}));
    const auto& units = priced.value();
    std::optional<domain::PromoCode> code;
    if (request.promoCode && !request.promoCode->empty()) {
        // A signed-in buyer's own uses count, as in their hold; the box office's quote is for
        // a customer it does not name, whose uses the hold counts.
        const bool buyer = caller && caller->role != domain::Role::BoxOffice && !caller->isAdmin();
        const auto found = db::promos::findForBuyer(
            s, id, *request.promoCode, buyer ? std::optional(caller->user) : std::nullopt,
            std::nullopt);
        if (!found)
            return domain::fail(
                domain::promoCodeInvalid(domain::PromoRefusal::Unknown, *request.promoCode));
        if (auto refused = domain::checkPromo(found->code, units, m_clock.now(), found->buyerUses))
            return domain::fail(domain::promoCodeInvalid(*refused, *request.promoCode));
        code = found->code;
    }
    return domain::quoteOf(domain::price(units, code ? &*code : nullptr, event->groupDiscounts),
                           event->currency);
}

} // namespace ticketing::services
