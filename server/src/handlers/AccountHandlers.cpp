// API.md "Accounts": parse, call AuthService, serialize. No rules here.
#include <algorithm>

#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/AuthService.h"

namespace ticketing::handlers {

using domain::JsonReader;
using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

boost::json::object tokensJson(const services::TokenPair& t)
{
    return {{"access_token", t.accessToken},
            {"refresh_token", t.refreshToken},
            {"token_type", "Bearer"},
            {"expires_in", services::TokenService::kAccessLifetime.count()},
            {"user", userJson(t.user)}};
}

// Reads the named string members; a missing or mistyped one is a field error.
template <class Fn>
Response withBody(const Context& c, Fn&& fn)
{
    auto body = bodyObject(c.request);
    if (!body.ok())
        return problem(body.error(), c.request);
    JsonReader reader;
    return fn(*body, reader);
}

Response registerUser(services::AuthService& auth, Context& c)
{
    return withBody(c, [&](const boost::json::object& o, JsonReader& r) {
        services::RegisterInput in;
        in.email = r.string(o, "email", "").value_or("");
        in.password = r.string(o, "password", "").value_or("");
        in.firstName = r.string(o, "first_name", "").value_or("");
        in.lastName = r.string(o, "last_name", "").value_or("");
        in.phone = r.string(o, "phone", "", false);
        if (!r.ok()) {
            // Name every problem at once: the type errors, and the rules of the fields that
            // did parse.
            auto errors = r.errors();
            for (auto& e : services::AuthService::validate(in))
                if (std::none_of(errors.begin(), errors.end(), [&](const auto& x) { return x.field == e.field; }))
                    errors.push_back(std::move(e));
            return problem(Problem::validation(std::move(errors)), c.request);
        }
        auto user = auth.registerUser(c.db, in);
        if (!user.ok())
            return problem(user.error(), c.request);
        return Response::json(201, {{"user", userJson(*user)}});
    });
}

Response login(services::AuthService& auth, Context& c)
{
    return withBody(c, [&](const boost::json::object& o, JsonReader& r) {
        const auto email = r.string(o, "email", "");
        const auto password = r.string(o, "password", "");
        if (!r.ok())
            return problem(Problem::validation(r.errors()), c.request);
        auto tokens = auth.login(c.db, *email, *password);
        if (!tokens.ok())
            return problem(tokens.error(), c.request);
        return Response::json(200, tokensJson(*tokens));
    });
}

Response refresh(services::AuthService& auth, Context& c)
{
    return withBody(c, [&](const boost::json::object& o, JsonReader& r) {
        const auto token = r.string(o, "refresh_token", "");
        if (!r.ok())
            return problem(Problem::validation(r.errors()), c.request);
        auto tokens = auth.refresh(c.db, *token);
        if (!tokens.ok())
            return problem(tokens.error(), c.request);
        return Response::json(200, tokensJson(*tokens));
    });
}

Response logout(services::AuthService& auth, Context& c)
{
    return withBody(c, [&](const boost::json::object& o, JsonReader& r) {
        const auto token = r.string(o, "refresh_token", "");
        if (!r.ok())
            return problem(Problem::validation(r.errors()), c.request);
        auth.logout(c.db, *token); // 204 also for an unknown token: nothing to tell an attacker
        return Response::noContent();
    });
}

// PATCH bodies: absent members stay, present ones change; phone may be null to clear it.
domain::Result<db::accounts::ProfileChange, Problem> profileChange(const boost::json::object& o)
{
    JsonReader r;
    db::accounts::ProfileChange change;
    change.firstName = r.string(o, "first_name", "", false);
    change.lastName = r.string(o, "last_name", "", false);
    if (const auto* phone = o.if_contains("phone")) {
        if (phone->is_null())
            change.phone = std::optional<std::string>{};
        else if (phone->is_string())
            change.phone = std::optional<std::string>(std::string(phone->as_string()));
        else
            r.addError("phone", "must be a string or null");
    }
    if (!r.ok())
        return domain::fail(Problem::validation(r.errors()));
    return change;
}

Response me(services::AuthService& auth, Context& c)
{
    auto user = auth.profile(c.db, c.principal->user);
    return user.ok() ? Response::json(200, userJson(*user)) : problem(user.error(), c.request);
}

Response updateMe(services::AuthService& auth, Context& c)
{
    auto body = bodyObject(c.request);
    if (!body.ok())
        return problem(body.error(), c.request);
    auto change = profileChange(*body);
    if (!change.ok())
        return problem(change.error(), c.request);
    auto user = auth.updateProfile(c.db, c.principal->user, *change);
    return user.ok() ? Response::json(200, userJson(*user)) : problem(user.error(), c.request);
}

Response listUsers(services::AuthService& auth, Context& c)
{
    auto page = pageOf(c.request);
    if (!page.ok())
        return problem(page.error(), c.request);
    std::optional<domain::UserId> after;
    if (page->cursor) {
        after = domain::UserId::parse(*page->cursor);
        if (!after)
            return problem(Problem::validation({{"cursor", "is not a cursor this list gave"}}), c.request);
    }
    // One more than asked tells whether there is a next page.
    auto users = auth.listUsers(c.db, after, page->limit + 1, c.request.queryParam("q"));
    const bool more = static_cast<int>(users.size()) > page->limit;
    if (more)
        users.pop_back();
    boost::json::array items;
    for (const auto& u : users)
        items.push_back(userJson(u));
    boost::json::object out{{"items", std::move(items)}};
    out["next_cursor"] = more ? boost::json::value(encodeCursor(users.back().id.toString())) : boost::json::value(nullptr);
    return Response::json(200, out);
}

Response setRole(services::AuthService& auth, Context& c)
{
    const auto id = domain::UserId::parse(c.params.at("id"));
    if (!id)
        return problem(Problem(domain::ProblemCode::NotFound, "no such user"), c.request);
    return withBody(c, [&](const boost::json::object& o, JsonReader& r) {
        const auto roleName = r.string(o, "role", "");
        std::optional<domain::Role> role;
        if (roleName) {
            role = domain::parseRole(*roleName);
            if (!role)
                r.addError("role", "must be one of attendee, organizer, box_office, gate, admin");
        }
        if (!r.ok())
            return problem(Problem::validation(r.errors()), c.request);
        auto user = auth.setRole(c.db, *id, *role);
        return user.ok() ? Response::json(200, userJson(*user)) : problem(user.error(), c.request);
    });
}

} // namespace

void registerAccountRoutes(http::Router& router, Services& s)
{
    auto& auth = s.auth;
    const http::RouteOptions limited{http::Router::kDefaultBodyLimit, true};
    router.add("POST", "/api/v1/auth/register", Access::anyone(), [&auth](Context& c) { return registerUser(auth, c); }, limited);
    router.add("POST", "/api/v1/auth/login", Access::anyone(), [&auth](Context& c) { return login(auth, c); }, limited);
    router.add("POST", "/api/v1/auth/refresh", Access::anyone(), [&auth](Context& c) { return refresh(auth, c); }, limited);
    router.add("POST", "/api/v1/auth/logout", Access::anyone(), [&auth](Context& c) { return logout(auth, c); }, limited);
    router.add("GET", "/api/v1/users/me", Access::signedIn(), [&auth](Context& c) { return me(auth, c); });
    router.add("PATCH", "/api/v1/users/me", Access::signedIn(), [&auth](Context& c) { return updateMe(auth, c); });
    router.add("GET", "/api/v1/admin/users", Access::permitted(domain::Permission::UsersAdminister),
               [&auth](Context& c) { return listUsers(auth, c); });
    router.add("PATCH", "/api/v1/admin/users/{id}", Access::permitted(domain::Permission::UsersAdminister),
               [&auth](Context& c) { return setRole(auth, c); });
}

} // namespace ticketing::handlers
