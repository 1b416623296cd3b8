#include "domain/Event.h"

#include "domain/Codec.h"
#include "domain/JsonReader.h"
#include "domain/Promo.h"
#include "domain/RefundPolicy.h"

#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <map>
#include <set>

namespace ticketing::domain {

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

constexpr std::array<std::string_view, 4> kStatusNames{"draft", "published", "cancelled",
                                                       "completed"};
} // namespace

std::optional<Clock::TimePoint> parseTimestamp(std::string_view s)
{
    int y, mo, d, h, mi, sec;
    if (s.size() < 20 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
        !digits(s, 17, 2, sec))
        return std::nullopt;
    static constexpr std::array<int, 12> monthDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > monthDays[mo - 1] || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap)
        return std::nullopt;
    std::size_t pos = 19;
    long long micros = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int n = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (n < 6)
                micros = micros * 10 + (s[pos] - '0');
            ++n;
            ++pos;
        }
        if (n == 0)
            return std::nullopt;
        for (int i = n; i < 6; ++i)
            micros *= 10;
    }
    long long offset = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = (oh * 3600LL + om * 60LL) * (s[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return std::nullopt; // RFC 3339 requires a zone
    }
    if (pos != s.size())
        return std::nullopt;
    const long long secs =
        daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400LL +
        h * 3600LL + mi * 60LL + std::min(sec, 59) - offset;
    return Clock::TimePoint(std::chrono::seconds(secs)) + std::chrono::microseconds(micros);
}

std::string_view toString(EventStatus s)
{
    return kStatusNames[static_cast<std::size_t>(s)];
}

std::optional<EventStatus> parseEventStatus(std::string_view s)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == s)
            return static_cast<EventStatus>(i);
    return std::nullopt;
}

namespace {
std::optional<Clock::TimePoint> readTime(JsonReader& r, const boost::json::object& o,
                                         const char* key, bool required)
{
    auto text = r.string(o, key, "", required);
    if (!text)
        return std::nullopt;
    auto t = parseTimestamp(*text);
    if (!t)
        r.addError(key, "must be an RFC 3339 time such as 2026-03-01T19:30:00Z");
    return t;
}

void checkText(JsonReader& r, const std::optional<std::string>& v, const char* key, std::size_t min,
               std::size_t max)
{
    if (!v)
        return;
    if (v->size() < min)
        r.addError(key, "must not be empty");
    else if (v->size() > max)
        r.addError(key, "must be at most " + std::to_string(max) + " characters");
}
// One tier of an event body at `path`; `names` are the names seen so far (unique per event).
TierInput readTier(JsonReader& r, const boost::json::object& t, const std::string& path,
                   const std::optional<Currency>& currency, std::set<std::string>& names)
{
    // Without a valid currency the event has its error already; the price is then not read,
    // and this placeholder is never used.
    TierInput tier{.name = {},
                   .price = Money(0, currency.value_or(*Currency::fromCode("USD"))),
                   .kind = SectionKind::Seated,
                   .sectionKeys = {},
                   .quantity = 0};
    tier.name = r.string(t, "name", path).value_or("");
    if (tier.name.empty() && t.contains("name"))
        r.addError(JsonReader::join(path, "name"), "must not be empty");
    else if (!tier.name.empty() && !names.insert(tier.name).second)
        r.addError(JsonReader::join(path, "name"), "\"" + tier.name + "\" names another tier too");
    if (auto price = r.string(t, "price", path); price && currency) {
        auto money = Money::parse(*price, *currency);
        if (!money.ok())
            r.addError(JsonReader::join(path, "price"), money.error());
        else if (money->isNegative())
            r.addError(JsonReader::join(path, "price"), "must not be negative");
        else
            tier.price = *money;
    }
    if (const auto* keys = t.if_contains("section_keys")) {
        tier.kind = SectionKind::Seated;
        const auto* list = keys->if_array();
        if (!list || list->empty())
            r.addError(JsonReader::join(path, "section_keys"), "must be a list of section keys");
        else
            for (std::size_t k = 0; k < list->size(); ++k) {
                if (const auto* key = (*list)[k].if_string())
                    tier.sectionKeys.emplace_back(*key);
                else
                    r.addError(JsonReader::index(JsonReader::join(path, "section_keys"), k),
                               "must be a string");
            }
    } else if (t.contains("section_key")) {
        tier.kind = SectionKind::Standing;
        if (auto key = r.string(t, "section_key", path))
            tier.sectionKeys.push_back(*key);
        if (auto q = r.integer(t, "quantity", path)) {
            if (*q < 1 || *q > SeatMapLimits::maxStandingCapacity)
                r.addError(JsonReader::join(path, "quantity"), "must be at least 1");
            else
                tier.quantity = static_cast<int>(*q);
        }
    } else {
        r.addError(path, "needs section_keys (seated sections) or section_key and quantity "
                         "(a standing section)");
    }
    return tier;
}

// An event body's group discounts ([{min_quantity, percent}], absent or null: none): read by
// the codec (domain/Promo.h), then held to domain::checkGroupDiscounts' rules.
std::vector<GroupDiscount> readGroupDiscounts(JsonReader& r, const boost::json::object& o)
{
    const auto* v = o.if_contains("group_discounts");
    if (!v || v->is_null())
        return {};
    auto groups = wire::readAs<std::vector<GroupDiscount>>(*v, "group_discounts", r.errors());
    if (!groups)
        return {};
    for (auto& e : checkGroupDiscounts(*groups))
        r.addError(std::move(e.field), std::move(e.message));
    return std::move(*groups);
}

// The tiers of an event body: 1 to 100, each read by readTier.
std::vector<TierInput> readTiers(JsonReader& r, const boost::json::object& o,
                                 const std::optional<Currency>& currency)
{
    std::vector<TierInput> tiers;
    const auto* arr = r.arrayMember(o, "tiers", "");
    if (!arr)
        return tiers;
    if (arr->empty())
        r.addError("tiers", "an event needs at least one tier");
    if (arr->size() > 100)
        r.addError("tiers", "at most 100 tiers");
    std::set<std::string> names;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const auto path = JsonReader::index("tiers", i);
        if (const auto* t = r.object((*arr)[i], path))
            tiers.push_back(readTier(r, *t, path, currency, names));
    }
    return tiers;
}

// The times of an event body, and how they must relate.
void checkTimes(JsonReader& r, const std::optional<Clock::TimePoint>& start,
                const std::optional<Clock::TimePoint>& end,
                const std::optional<Clock::TimePoint>& saleStart,
                const std::optional<Clock::TimePoint>& saleEnd)
{
    if (start && end && *end <= *start)
        r.addError("end_time", "must be after start_time");
    if (saleStart && saleEnd && *saleEnd <= *saleStart)
        r.addError("sale_end", "must be after sale_start");
    if (saleEnd && end && *saleEnd > *end)
        r.addError("sale_end", "must not be after end_time");
}
} // namespace

Result<EventInput, std::vector<FieldError>> parseEvent(const boost::json::value& body)
{
    JsonReader r;
    const auto* o = r.object(body, "");
    if (!o)
        return fail(std::move(r.errors()));
    const auto venue = r.string(*o, "venue_id", "");
    const auto title = r.string(*o, "title", "");
    const auto description = r.string(*o, "description", "");
    const auto genre = r.string(*o, "genre", "");
    const auto start = readTime(r, *o, "start_time", true);
    const auto end = readTime(r, *o, "end_time", true);
    const auto saleStart = readTime(r, *o, "sale_start", false);
    const auto saleEnd = readTime(r, *o, "sale_end", false);
    const auto currencyCode = r.string(*o, "currency", "");
    checkText(r, title, "title", 1, 200);
    checkText(r, description, "description", 0, 10000);
    checkText(r, genre, "genre", 1, 50);
    std::optional<VenueId> venueId;
    if (venue && !(venueId = VenueId::parse(*venue)))
        r.addError("venue_id", "must be a venue id");
    std::optional<Currency> currency;
    if (currencyCode && !(currency = Currency::fromCode(*currencyCode)))
        r.addError(
            "currency",
            "must be an ISO 4217 code the suite sells in, such as USD, EUR, GBP, INR or JPY");
    checkTimes(r, start, end, saleStart, saleEnd);
    std::optional<boost::json::object> refundPolicy;
    if (const auto* rp = o->if_contains("refund_policy"); rp && !rp->is_null()) {
        // Stored in its normal form: rules sorted, most hours first.
        if (const auto policy = readRefundPolicy(r, *rp, "refund_policy"); rp->is_object())
            refundPolicy = policy.toJson();
    }

    auto tiers = readTiers(r, *o, currency);
    auto groups = readGroupDiscounts(r, *o);
    bool transfersAllowed = true;
    if (const auto* t = o->if_contains("transfers_allowed"); t && !t->is_null()) {
        if (t->is_bool())
            transfersAllowed = t->get_bool();
        else
            r.addError("transfers_allowed", "must be true or false");
    }
    const auto transferUntil = readTime(r, *o, "transfer_until", false);
    if (transferUntil && end && *transferUntil > *end)
        r.addError("transfer_until", "must not be after end_time");
    if (!r.ok())
        return fail(std::move(r.errors()));
    EventInput e{.venue = *venueId,
                 .title = *title,
                 .description = *description,
                 .genre = *genre,
                 .start = *start,
                 .end = *end,
                 .saleStart = saleStart,
                 .saleEnd = saleEnd,
                 .currency = *currency,
                 .tiers = std::move(tiers),
                 .refundPolicy = std::move(refundPolicy),
                 .groupDiscounts = std::move(groups),
                 .transfersAllowed = transfersAllowed,
                 .transferUntil = transferUntil};
    return e;
}

namespace {
const SectionSummary* findSection(const std::vector<SectionSummary>& sections,
                                  const std::string& key)
{
    for (const auto& s : sections)
        if (s.key == key)
            return &s;
    return nullptr;
}
} // namespace

int tierCapacity(const TierInput& tier, const std::vector<SectionSummary>& sections)
{
    if (tier.kind == SectionKind::Standing)
        return tier.quantity;
    int n = 0;
    for (const auto& key : tier.sectionKeys)
        if (const auto* s = findSection(sections, key))
            n += s->capacity;
    return n;
}

std::vector<FieldError> checkTiers(const EventInput& event,
                                   const std::vector<SectionSummary>& sections)
{
    std::vector<FieldError> errors;
    std::map<std::string, std::size_t> seatedOwner;
    std::map<std::string, int> standingUse;
    for (std::size_t i = 0; i < event.tiers.size(); ++i) {
        const auto& tier = event.tiers[i];
        const auto path = JsonReader::index("tiers", i);
        for (std::size_t k = 0; k < tier.sectionKeys.size(); ++k) {
            const auto& key = tier.sectionKeys[k];
            const auto field = tier.kind == SectionKind::Seated
                                   ? JsonReader::index(JsonReader::join(path, "section_keys"), k)
                                   : JsonReader::join(path, "section_key");
            const auto* section = findSection(sections, key);
            if (!section) {
                errors.push_back({field, "the venue has no section \"" + key + "\""});
                continue;
            }
            if (section->kind != tier.kind) {
                errors.push_back({field, "section \"" + key + "\" is " +
                                             (section->kind == SectionKind::Seated
                                                  ? "seated: use section_keys"
                                                  : "standing: use section_key and quantity")});
                continue;
            }
            if (tier.kind == SectionKind::Seated) {
                if (auto [it, fresh] = seatedOwner.emplace(key, i); !fresh)
                    errors.push_back({field, "section \"" + key + "\" is sold by tier \"" +
                                                 event.tiers[it->second].name + "\" already"});
            } else {
                standingUse[key] += tier.quantity;
                if (standingUse[key] > section->capacity)
                    errors.push_back({JsonReader::join(path, "quantity"),
                                      "the standing tiers of \"" + key +
                                          "\" add up to more than its capacity of " +
                                          std::to_string(section->capacity)});
            }
        }
    }
    return errors;
}

bool sameExceptDescription(const EventInput& a, const EventInput& b)
{
    if (!(a.venue == b.venue) || a.start != b.start || a.end != b.end ||
        a.saleStart != b.saleStart || a.saleEnd != b.saleEnd || !(a.currency == b.currency) ||
        a.tiers.size() != b.tiers.size())
        return false;
    for (std::size_t i = 0; i < a.tiers.size(); ++i) {
        const auto& x = a.tiers[i];
        const auto& y = b.tiers[i];
        if (x.name != y.name || !(x.price == y.price) || x.kind != y.kind ||
            x.sectionKeys != y.sectionKeys || x.quantity != y.quantity)
            return false;
    }
    const auto rp = [](const std::optional<boost::json::object>& p) {
        return p ? boost::json::serialize(*p) : std::string();
    };
    return rp(a.refundPolicy) == rp(b.refundPolicy) && a.groupDiscounts == b.groupDiscounts &&
           a.transfersAllowed == b.transfersAllowed && a.transferUntil == b.transferUntil;
}

std::optional<Problem> notOnSale(EventStatus status, std::optional<Clock::TimePoint> saleStart,
                                 std::optional<Clock::TimePoint> saleEnd,
                                 std::optional<Clock::TimePoint> publishedAt,
                                 Clock::TimePoint start, Clock::TimePoint now)
{
    const auto opens = saleStart ? *saleStart : publishedAt.value_or(start);
    const auto closes = saleEnd ? *saleEnd : start;
    if (status == EventStatus::Published && now >= opens && now < closes)
        return std::nullopt;
    return Problem(
        409, "not_on_sale", "The event is not on sale",
        status != EventStatus::Published
            ? "the event is " + std::string(toString(status))
            : (now < opens ? "the sale opens at " + formatTimestamp(opens) : "the sale has ended"));
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, EventStatus status)
{
    out = toString(status);
}

EventStatus tag_invoke(boost::json::value_to_tag<EventStatus>, const boost::json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto status = parseEventStatus(*s))
            return *status;
    throw WireError("", "must be one of draft, published, cancelled, completed");
}

namespace {
// A tier's kind decides its members: seated tiers name sections, a standing tier one section
// and its quantity.
void writeTierSections(boost::json::object& o, SectionKind kind,
                       const std::vector<std::string>& keys, int quantity)
{
    if (kind == SectionKind::Standing) {
        o["section_key"] = keys.empty() ? std::string() : keys.front();
        o["quantity"] = quantity;
    } else {
        boost::json::array list;
        for (const auto& k : keys)
            list.emplace_back(k);
        o["section_keys"] = std::move(list);
    }
}

void readTierSections(WireReader& r, SectionKind& kind, std::vector<std::string>& keys,
                      int& quantity)
{
    if (r.has("section_keys")) {
        kind = SectionKind::Seated;
        keys = r.required<std::vector<std::string>>("section_keys")
                   .value_or(std::vector<std::string>{});
    } else if (r.has("section_key")) {
        kind = SectionKind::Standing;
        if (auto key = r.required<std::string>("section_key"))
            keys = {*key};
        quantity = r.required<int>("quantity").value_or(0);
    } else if (r.isObject()) {
        r.error("", "needs section_keys (seated sections) or section_key and quantity (a standing "
                    "section)");
    }
}
} // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const EventInput& e)
{
    boost::json::array tiers;
    for (const auto& t : e.tiers) {
        boost::json::object o{{"name", t.name}, {"price", t.price.toDecimalString()}};
        writeTierSections(o, t.kind, t.sectionKeys, t.quantity);
        tiers.push_back(std::move(o));
    }
    boost::json::object o{
        {"venue_id", e.venue.toString()},         {"title", e.title},
        {"description", e.description},           {"genre", e.genre},
        {"start_time", formatTimestamp(e.start)}, {"end_time", formatTimestamp(e.end)},
        {"currency", e.currency.code()},          {"tiers", std::move(tiers)}};
    if (e.saleStart)
        o["sale_start"] = formatTimestamp(*e.saleStart);
    if (e.saleEnd)
        o["sale_end"] = formatTimestamp(*e.saleEnd);
    if (e.refundPolicy)
        o["refund_policy"] = *e.refundPolicy;
    if (!e.groupDiscounts.empty())
        o["group_discounts"] = boost::json::value_from(e.groupDiscounts);
    if (!e.transfersAllowed)
        o["transfers_allowed"] = false;
    if (e.transferUntil)
        o["transfer_until"] = formatTimestamp(*e.transferUntil);
    out = std::move(o);
}

EventInput tag_invoke(boost::json::value_to_tag<EventInput>, const boost::json::value& v)
{
    return valueOrThrow(parseEvent(v));
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Tier& t)
{
    boost::json::object o{{"id", t.id.toString()},
                          {"name", t.name},
                          {"price", formatMoney(t.priceMinor, t.currency)},
                          {"currency", t.currency}};
    writeTierSections(o, t.kind, t.sectionKeys, t.quantity);
    o["quantity_total"] = t.quantityTotal;
    out = std::move(o);
}

Tier tag_invoke(boost::json::value_to_tag<Tier>, const boost::json::value& v)
{
    WireReader r(v);
    Tier t;
    t.id = r.required<TierId>("id").value_or(TierId{});
    t.name = r.required<std::string>("name").value_or("");
    t.currency = r.currency("currency").value_or("");
    t.priceMinor = r.money("price", t.currency).value_or(0);
    readTierSections(r, t.kind, t.sectionKeys, t.quantity);
    t.quantityTotal = r.required<int>("quantity_total").value_or(0);
    r.finish();
    return t;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Event& e)
{
    boost::json::array tiers;
    tiers.reserve(e.tiers.size());
    for (const auto& t : e.tiers)
        tiers.push_back(boost::json::value_from(t));
    boost::json::object o;
    o.reserve(20);
    o["id"] = e.id.toString();
    o["organizer_id"] = e.organizer.toString();
    o["venue_id"] = e.venue.toString();
    o["title"] = e.title;
    o["description"] = e.description;
    o["genre"] = e.genre;
    o["city"] = e.city;
    o["start_time"] = formatTimestamp(e.start);
    o["end_time"] = formatTimestamp(e.end);
    o["sale_start"] = nullableTime(e.saleStart);
    o["sale_end"] = nullableTime(e.saleEnd);
    o["currency"] = e.currency;
    o["status"] = toString(e.status);
    o["refund_policy"] = e.refundPolicy.toJson();
    o["tiers"] = std::move(tiers);
    o["group_discounts"] = boost::json::value_from(e.groupDiscounts);
    o["transfers_allowed"] = e.transfersAllowed;
    o["transfer_until"] = nullableTime(e.transferUntil);
    o["created_at"] = formatTimestamp(e.createdAt);
    o["updated_at"] = formatTimestamp(e.updatedAt);
    o["published_at"] = nullableTime(e.publishedAt);
    out = std::move(o);
}

Event tag_invoke(boost::json::value_to_tag<Event>, const boost::json::value& v)
{
    WireReader r(v);
    Event e;
    e.id = r.required<EventId>("id").value_or(EventId{});
    e.organizer = r.required<UserId>("organizer_id").value_or(UserId{});
    e.venue = r.required<VenueId>("venue_id").value_or(VenueId{});
    e.title = r.required<std::string>("title").value_or("");
    e.description = r.required<std::string>("description").value_or("");
    e.genre = r.required<std::string>("genre").value_or("");
    e.city = r.required<std::string>("city").value_or("");
    e.start = r.time("start_time").value_or(Clock::TimePoint{});
    e.end = r.time("end_time").value_or(Clock::TimePoint{});
    e.saleStart = r.time("sale_start", false);
    e.saleEnd = r.time("sale_end", false);
    e.currency = r.currency("currency").value_or("");
    e.status = r.required<EventStatus>("status").value_or(EventStatus::Draft);
    e.refundPolicy = r.required<RefundPolicy>("refund_policy").value_or(RefundPolicy::standard());
    e.tiers = r.required<std::vector<Tier>>("tiers").value_or(std::vector<Tier>{});
    e.groupDiscounts = r.optionalOr<std::vector<GroupDiscount>>("group_discounts", {});
    e.transfersAllowed = r.required<bool>("transfers_allowed").value_or(true);
    e.transferUntil = r.time("transfer_until", false);
    e.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    e.updatedAt = r.time("updated_at").value_or(Clock::TimePoint{});
    e.publishedAt = r.time("published_at", false);
    r.finish();
    return e;
}

} // namespace ticketing::domain
