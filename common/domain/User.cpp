#include "domain/User.h"

#include "domain/Codec.h"

namespace ticketing::domain {

namespace json = boost::json;

bool isSupportedLocale(std::string_view locale)
{
    return locale == "en" || locale == "de";
}

void tag_invoke(json::value_from_tag, json::value& out, Role role)
{
    out = toString(role);
}

Role tag_invoke(json::value_to_tag<Role>, const json::value& v)
{
    if (const auto* s = v.if_string())
        if (auto role = parseRole(*s))
            return *role;
    throw WireError("", "must be one of attendee, organizer, box_office, gate, admin");
}

void tag_invoke(json::value_from_tag, json::value& out, const User& u)
{
    out = json::object{{"id", u.id.toString()},      {"email", u.email},
                       {"first_name", u.firstName},  {"last_name", u.lastName},
                       {"phone", nullable(u.phone)}, {"role", toString(u.role)},
                       {"locale", u.locale},         {"created_at", formatTimestamp(u.createdAt)}};
}

User tag_invoke(json::value_to_tag<User>, const json::value& v)
{
    WireReader r(v);
    User u;
    u.id = r.required<UserId>("id").value_or(UserId{});
    u.email = r.required<std::string>("email").value_or("");
    u.firstName = r.required<std::string>("first_name").value_or("");
    u.lastName = r.required<std::string>("last_name").value_or("");
    u.phone = r.optional<std::string>("phone");
    u.role = r.required<Role>("role").value_or(Role::Attendee);
    u.locale = r.optionalOr<std::string>("locale", "en");
    u.createdAt = r.time("created_at").value_or(Clock::TimePoint{});
    r.finish();
    return u;
}

void tag_invoke(json::value_from_tag, json::value& out, const Tokens& t)
{
    out = json::object{{"access_token", t.accessToken},
                       {"refresh_token", t.refreshToken},
                       {"token_type", t.tokenType},
                       {"expires_in", t.expiresIn},
                       {"user", json::value_from(t.user)}};
}

Tokens tag_invoke(json::value_to_tag<Tokens>, const json::value& v)
{
    WireReader r(v);
    Tokens t;
    t.accessToken = r.required<std::string>("access_token").value_or("");
    t.refreshToken = r.required<std::string>("refresh_token").value_or("");
    t.tokenType = r.required<std::string>("token_type").value_or("Bearer");
    t.expiresIn = r.required<std::int64_t>("expires_in").value_or(0);
    if (auto user = r.required<User>("user"))
        t.user = std::move(*user);
    r.finish();
    return t;
}

void tag_invoke(json::value_from_tag, json::value& out, const Registration& g)
{
    json::object o{{"email", g.email},
                   {"password", g.password},
                   {"first_name", g.firstName},
                   {"last_name", g.lastName}};
    if (g.phone)
        o["phone"] = *g.phone;
    if (g.locale)
        o["locale"] = *g.locale;
    out = std::move(o);
}

Registration tag_invoke(json::value_to_tag<Registration>, const json::value& v)
{
    WireReader r(v);
    Registration g;
    g.email = r.required<std::string>("email").value_or("");
    g.password = r.required<std::string>("password").value_or("");
    g.firstName = r.required<std::string>("first_name").value_or("");
    g.lastName = r.required<std::string>("last_name").value_or("");
    g.phone = r.optional<std::string>("phone");
    g.locale = r.optional<std::string>("locale");
    r.finish();
    return g;
}

void tag_invoke(json::value_from_tag, json::value& out, const Credentials& c)
{
    out = json::object{{"email", c.email}, {"password", c.password}};
}

Credentials tag_invoke(json::value_to_tag<Credentials>, const json::value& v)
{
    WireReader r(v);
    Credentials c;
    c.email = r.required<std::string>("email").value_or("");
    c.password = r.required<std::string>("password").value_or("");
    r.finish();
    return c;
}

void tag_invoke(json::value_from_tag, json::value& out, const RefreshRequest& q)
{
    out = json::object{{"refresh_token", q.refreshToken}};
}

RefreshRequest tag_invoke(json::value_to_tag<RefreshRequest>, const json::value& v)
{
    WireReader r(v);
    RefreshRequest q;
    q.refreshToken = r.required<std::string>("refresh_token").value_or("");
    r.finish();
    return q;
}

void tag_invoke(json::value_from_tag, json::value& out, const PasswordForgot& f)
{
    out = json::object{{"email", f.email}};
}

PasswordForgot tag_invoke(json::value_to_tag<PasswordForgot>, const json::value& v)
{
    WireReader r(v);
    PasswordForgot f;
    f.email = r.required<std::string>("email").value_or("");
    r.finish();
    return f;
}

void tag_invoke(json::value_from_tag, json::value& out, const PasswordReset& p)
{
    out = json::object{{"token", p.token}, {"password", p.password}};
}

PasswordReset tag_invoke(json::value_to_tag<PasswordReset>, const json::value& v)
{
    WireReader r(v);
    PasswordReset p;
    p.token = r.required<std::string>("token").value_or("");
    p.password = r.required<std::string>("password").value_or("");
    r.finish();
    return p;
}

void tag_invoke(json::value_from_tag, json::value& out, const ProfileChange& c)
{
    json::object o;
    if (c.firstName)
        o["first_name"] = *c.firstName;
    if (c.lastName)
        o["last_name"] = *c.lastName;
    if (c.phone)
        o["phone"] = nullable(*c.phone);
    if (c.locale)
        o["locale"] = *c.locale;
    out = std::move(o);
}

ProfileChange tag_invoke(json::value_to_tag<ProfileChange>, const json::value& v)
{
    WireReader r(v);
    ProfileChange c;
    c.firstName = r.optional<std::string>("first_name");
    c.lastName = r.optional<std::string>("last_name");
    if (const auto* o = r.object(); o && o->contains("phone")) {
        const auto& phone = o->at("phone");
        if (phone.is_null())
            c.phone = std::optional<std::string>{};
        else if (phone.is_string())
            c.phone = std::optional<std::string>(std::string(phone.as_string()));
        else
            r.error("phone", "must be a string or null");
    }
    c.locale = r.optional<std::string>("locale");
    if (c.locale && !isSupportedLocale(*c.locale))
        r.error("locale", "must be \"en\" or \"de\"");
    r.finish();
    return c;
}

void tag_invoke(json::value_from_tag, json::value& out, const RoleChange& c)
{
    out = json::object{{"role", toString(c.role)}};
}

RoleChange tag_invoke(json::value_to_tag<RoleChange>, const json::value& v)
{
    WireReader r(v);
    RoleChange c;
    c.role = r.required<Role>("role").value_or(Role::Attendee);
    r.finish();
    return c;
}

} // namespace ticketing::domain
