// API.md "Accounts": parse, call AuthService, serialize. No rules here.
#include "domain/Codec.h"
#include "domain/User.h"
#include "handlers/Json.h"
#include "handlers/Routes.h"
#include "services/AuthService.h"
#include "services/NotificationService.h"

#include <algorithm>

namespace ticketing::handlers {

using domain::Problem;
using http::Access;
using http::Context;
using http::Response;

namespace {

domain::Tokens tokensOf(const services::TokenPair& t)
{
    return {t.accessToken, t.refreshToken, "Bearer",
            services::TokenService::kAccessLifetime.count(), t.user};
}

template <class T> domain::Result<T, Problem> read(const Context& c)
{
    return readBody<T>(c.request);
}

Response userAnswer(const domain::Result<domain::User, Problem>& user, const Context& c,
                    int status = 200)
{
    return user.ok() ? Response::json(status, domain::encode(*user))
                     : problem(user.error(), c.request);
}

Response tokensAnswer(const domain::Result<services::TokenPair, Problem>& tokens, const Context& c)
{
    return tokens.ok() ? Response::json(200, domain::encode(tokensOf(*tokens)))
                       : problem(tokens.error(), c.request);
}

Response registerUser(services::AuthService& auth, Context& c)
{
    auto body = http::parseJsonBody(c.request);
    if (!body.ok())
        return problem(body.error(), c.request);
    auto in = domain::decode<domain::Registration>(*body);
    if (!in.ok()) {
        // Name every problem at once: the type errors, and the rules of the fields that did
        // parse.
        auto errors = std::move(in).error();
        services::RegisterInput partial;
        if (const auto* o = body->if_object()) {
            auto text = [&](const char* key) {
                const auto* v = o->if_contains(key);
                return v && v->is_string() ? std::string(v->as_string()) : std::string();
            };
            partial = {text("email"),     text("password"), text("first_name"),
                       text("last_name"), text("phone"),    {}};
        }
        for (auto& e : services::AuthService::validate(partial))
            if (std::none_of(errors.begin(), errors.end(),
                             [&](const auto& x) { return x.field == e.field; }))
                errors.push_back(std::move(e));
        return problem(Problem::validation(std::move(errors)), c.request);
    }
    services::RegisterInput input{in->email,    in->password, in->firstName,
                                  in->lastName, in->phone,    in->locale};
    auto user = auth.registerUser(input);
    if (!user.ok())
        return problem(user.error(), c.request);
    return Response::json(201, {{"user", domain::encode(*user)}});
}

Response login(services::AuthService& auth, Context& c)
{
    auto in = read<domain::Credentials>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    return tokensAnswer(auth.login(in->email, in->password), c);
}

Response refresh(services::AuthService& auth, Context& c)
{
    auto in = read<domain::RefreshRequest>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    return tokensAnswer(auth.refresh(in->refreshToken), c);
}

Response logout(services::AuthService& auth, Context& c)
{
    auto in = read<domain::RefreshRequest>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    auth.logout(in->refreshToken); // 204 also for an unknown token: nothing to tell an attacker
    return Response::noContent();
}

// 202 whether or not the account exists: the answer tells nobody which e-mails have one.
Response forgotPassword(services::AuthService& auth, Context& c)
{
    auto in = read<domain::PasswordForgot>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    auth.forgotPassword(in->email);
    return Response::json(
        202, boost::json::object{{"detail", "if the account exists, a link is on its way"}});
}

Response resetPassword(services::AuthService& auth, Context& c)
{
    auto in = read<domain::PasswordReset>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    auto done = auth.resetPassword(in->token, in->password);
    if (!done.ok())
        return problem(done.error(), c.request);
    return Response::noContent();
}

Response me(services::AuthService& auth, Context& c)
{
    return userAnswer(auth.profile(c.principal->user), c);
}

Response updateMe(services::AuthService& auth, Context& c)
{
    auto in = read<domain::ProfileChange>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    return userAnswer(auth.updateProfile(c.principal->user, *in), c);
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
            return problem(Problem::validation({{"cursor", "is not a cursor this list gave"}}),
                           c.request);
    }
    // One more than asked tells whether there is a next page.
    auto users = auth.listUsers(after, page->limit + 1, c.request.queryParam("q"));
    const bool more = static_cast<int>(users.size()) > page->limit;
    if (more)
        users.pop_back();
    domain::Page<domain::User> out;
    for (const auto& u : users)
        out.items.push_back(u);
    if (more)
        out.nextCursor = encodeCursor(users.back().id.toString());
    return Response::json(200, domain::encode(out));
}

Response setRole(services::AuthService& auth, Context& c)
{
    const auto id = domain::UserId::parse(c.params.at("id"));
    if (!id)
        return problem(Problem(domain::ProblemCode::NotFound, "no such user"), c.request);
    auto in = read<domain::RoleChange>(c);
    if (!in.ok())
        return problem(in.error(), c.request);
    return userAnswer(auth.setRole(*id, in->role), c);
}

} // namespace

void registerAccountRoutes(http::Router& router, Services& s)
{
    auto& auth = s.auth;
    const http::RouteOptions limited{http::Router::kDefaultBodyLimit, true};
    router.add(
        "POST", "/api/v1/auth/register", Access::anyone(),
        [&auth](Context& c) { return registerUser(auth, c); }, limited);
    router.add(
        "POST", "/api/v1/auth/login", Access::anyone(),
        [&auth](Context& c) { return login(auth, c); }, limited);
    router.add(
        "POST", "/api/v1/auth/refresh", Access::anyone(),
        [&auth](Context& c) { return refresh(auth, c); }, limited);
    router.add(
        "POST", "/api/v1/auth/logout", Access::anyone(),
        [&auth](Context& c) { return logout(auth, c); }, limited);
    router.add(
        "POST", "/api/v1/auth/password/forgot", Access::anyone(),
        [&auth](Context& c) { return forgotPassword(auth, c); }, limited);
    router.add(
        "POST", "/api/v1/auth/password/reset", Access::anyone(),
        [&auth](Context& c) { return resetPassword(auth, c); }, limited);
    // API.md "Notifications": what could not be sent, and sending it again (admins).
    auto& mail = s.notifications;
    router.add("GET", "/api/v1/admin/notifications",
               Access::permitted(domain::Permission::UsersAdminister), [&mail](Context& c) {
                   auto page = pageOf(c.request);
                   if (!page.ok())
                       return problem(page.error(), c.request);
                   std::optional<std::string> next;
                   auto list =
                       mail.list(c.request.queryParam("status"), page->cursor, page->limit, next);
                   if (!list.ok())
                       return problem(list.error(), c.request);
                   domain::Page<domain::NotificationView> out;
                   out.items = std::move(list).value();
                   if (next)
                       out.nextCursor = encodeCursor(*next);
                   return Response::json(200, domain::encode(out));
               });
    router.add("POST", "/api/v1/admin/notifications/{id}/retry",
               Access::permitted(domain::Permission::UsersAdminister), [&mail](Context& c) {
                   const auto id = domain::Uuid::parse(c.params.at("id"));
                   if (!id)
                       return problem(
                           domain::Problem(domain::ProblemCode::NotFound, "no such notification"),
                           c.request);
                   auto done = mail.retry(*id);
                   if (!done.ok())
                       return problem(done.error(), c.request);
                   return Response::json(200, domain::encode(*done));
               });
    router.add("GET", "/api/v1/users/me", Access::signedIn(),
               [&auth](Context& c) { return me(auth, c); });
    router.add("PATCH", "/api/v1/users/me", Access::signedIn(),
               [&auth](Context& c) { return updateMe(auth, c); });
    router.add("GET", "/api/v1/admin/users", Access::permitted(domain::Permission::UsersAdminister),
               [&auth](Context& c) { return listUsers(auth, c); });
    router.add("PATCH", "/api/v1/admin/users/{id}",
               Access::permitted(domain::Permission::UsersAdminister),
               [&auth](Context& c) { return setRole(auth, c); });
}

} // namespace ticketing::handlers
