#include "domain/Venue.h"

#include "domain/Codec.h"
#include "domain/JsonReader.h"

#include <boost/json/value.hpp>
#include <cctype>

namespace ticketing::domain {

namespace {
void checkText(JsonReader& r, const std::string& value, const char* field, std::size_t max)
{
    if (value.empty())
        r.addError(field, "must not be empty");
    else if (value.size() > max)
        r.addError(field, "must be at most " + std::to_string(max) + " characters");
}

bool looksLikeTimezone(const std::string& tz)
{
    if (tz.empty() || tz.size() > 64 || tz.front() == '/' || tz.back() == '/' ||
        tz.find("..") != std::string::npos)
        return false;
    for (char c : tz)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
              c == '+'))
            return false;
    return true;
}
} // namespace

namespace {
void writeDetails(boost::json::object& o, const VenueInput& v)
{
    o["name"] = v.name;
    o["address"] = v.address;
    o["city"] = v.city;
    o["country"] = v.country;
    o["latitude"] = v.latitude;
    o["longitude"] = v.longitude;
    o["timezone"] = v.timezone;
}
} // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const VenueInput& v)
{
    boost::json::object o;
    writeDetails(o, v);
    o["seat_map"] = boost::json::value_from(v.seatMap);
    out = std::move(o);
}

VenueInput tag_invoke(boost::json::value_to_tag<VenueInput>, const boost::json::value& v)
{
    return valueOrThrow(parseVenue(v));
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Venue& v)
{
    boost::json::object o;
    o.reserve(13);
    o["id"] = v.id.toString();
    o["organizer_id"] = v.organizer.toString();
    writeDetails(o, v.details);
    o["total_capacity"] = v.totalCapacity();
    o["seat_map"] = boost::json::value_from(v.details.seatMap);
    o["created_at"] = formatTimestamp(v.createdAt);
    o["updated_at"] = formatTimestamp(v.updatedAt);
    out = std::move(o);
}

Venue tag_invoke(boost::json::value_to_tag<Venue>, const boost::json::value& v)
{
    WireReader r(v);
    Venue venue;
    venue.id = r.required<VenueId>("id").value_or(VenueId{});
    venue.organizer = r.required<UserId>("organizer_id").value_or(UserId{});
    const auto capacity = r.required<int>("total_capacity");
    venue.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    venue.updatedAt = r.time("updated_at").value_or(Clock::TimePoint{});
    if (r.isObject()) {
        auto details = parseVenue(v);
        if (details.ok())
            venue.details = std::move(details).value();
        else
            for (auto& e : std::move(details).error())
                r.errors().push_back(std::move(e));
    }
    if (capacity && r.errors().empty() && *capacity != venue.totalCapacity())
        r.error("total_capacity", "does not match the seat map");
    r.finish();
    return venue;
}

Result<VenueInput, std::vector<FieldError>> parseVenue(const boost::json::value& body)
{
    JsonReader r;
    VenueInput v;
    const auto* o = r.object(body, "");
    if (!o)
        return fail(std::move(r.errors()));
    v.name = r.string(*o, "name", "").value_or("");
    v.address = r.string(*o, "address", "").value_or("");
    v.city = r.string(*o, "city", "").value_or("");
    v.country = r.string(*o, "country", "").value_or("");
    const auto lat = r.number(*o, "latitude", "");
    const auto lon = r.number(*o, "longitude", "");
    v.timezone = r.string(*o, "timezone", "").value_or("");
    if (o->contains("name"))
        checkText(r, v.name, "name", 200);
    if (o->contains("address"))
        checkText(r, v.address, "address", 500);
    if (o->contains("city"))
        checkText(r, v.city, "city", 200);
    if (o->contains("country") &&
        (v.country.size() != 2 || !std::isupper(static_cast<unsigned char>(v.country[0])) ||
         !std::isupper(static_cast<unsigned char>(v.country[1]))))
        r.addError("country", "must be an ISO 3166-1 alpha-2 code such as \"GB\"");
    if (lat && (*lat < -90 || *lat > 90))
        r.addError("latitude", "must be between -90 and 90");
    if (lon && (*lon < -180 || *lon > 180))
        r.addError("longitude", "must be between -180 and 180");
    v.latitude = lat.value_or(0);
    v.longitude = lon.value_or(0);
    if (o->contains("timezone") && !looksLikeTimezone(v.timezone))
        r.addError("timezone", "must be an IANA time zone such as \"Europe/London\"");
    if (const auto* map = o->if_contains("seat_map")) {
        auto parsed = parseSeatMap(*map, "seat_map");
        if (parsed.ok())
            v.seatMap = std::move(parsed).value();
        else
            for (auto& e : std::move(parsed).error())
                r.errors().push_back(std::move(e));
    } else {
        r.addError("seat_map", "is required");
    }
    if (!r.ok())
        return fail(std::move(r.errors()));
    return v;
}

} // namespace ticketing::domain
