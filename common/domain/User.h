#pragma once

#include "domain/Clock.h"
#include "domain/Roles.h"
#include "domain/Uuid.h"

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace ticketing::domain {

// API.md `User`.
struct User
{
    UserId id;
    std::string email;
    std::string firstName;
    std::string lastName;
    std::optional<std::string> phone;
    Role role = Role::Attendee;
    std::string locale = "en"; // "en" or "de": the language of the mail the user gets
    Clock::TimePoint createdAt;
    bool operator==(const User&) const = default;
};

// The languages the suite writes mail and screens in.
bool isSupportedLocale(std::string_view locale);

// API.md `Tokens`: the answer to a login or a refresh.
struct Tokens
{
    std::string accessToken;
    std::string refreshToken;
    std::string tokenType = "Bearer";
    std::int64_t expiresIn = 0; // seconds
    User user;
    bool operator==(const Tokens&) const = default;
};

// POST /auth/register. The rules (length, form) are checked by the server after reading.
struct Registration
{
    std::string email;
    std::string password;
    std::string firstName;
    std::string lastName;
    std::optional<std::string> phone;
    std::optional<std::string> locale;
    bool operator==(const Registration&) const = default;
};

// POST /auth/login.
struct Credentials
{
    std::string email;
    std::string password;
    bool operator==(const Credentials&) const = default;
};

// POST /auth/refresh and /auth/logout.
struct RefreshRequest
{
    std::string refreshToken;
    bool operator==(const RefreshRequest&) const = default;
};

// API.md "Passwords": POST /auth/password/forgot {email}; POST /auth/password/reset {token,
// password}.
struct PasswordForgot
{
    std::string email;
    bool operator==(const PasswordForgot&) const = default;
};
struct PasswordReset
{
    std::string token;
    std::string password;
    bool operator==(const PasswordReset&) const = default;
};

// PATCH /users/me: absent members stay; `phone` may be null to clear it.
struct ProfileChange
{
    std::optional<std::string> firstName;
    std::optional<std::string> lastName;
    std::optional<std::optional<std::string>> phone;
    std::optional<std::string> locale;
    bool operator==(const ProfileChange&) const = default;
};

// PATCH /admin/users/{id}.
struct RoleChange
{
    Role role = Role::Attendee;
    bool operator==(const RoleChange&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, Role role);
Role tag_invoke(boost::json::value_to_tag<Role>, const boost::json::value& v);

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const User& user);
User tag_invoke(boost::json::value_to_tag<User>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Tokens& tokens);
Tokens tag_invoke(boost::json::value_to_tag<Tokens>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Registration& r);
Registration tag_invoke(boost::json::value_to_tag<Registration>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Credentials& c);
Credentials tag_invoke(boost::json::value_to_tag<Credentials>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RefreshRequest& r);
RefreshRequest tag_invoke(boost::json::value_to_tag<RefreshRequest>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PasswordForgot& f);
PasswordForgot tag_invoke(boost::json::value_to_tag<PasswordForgot>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PasswordReset& r);
PasswordReset tag_invoke(boost::json::value_to_tag<PasswordReset>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ProfileChange& c);
ProfileChange tag_invoke(boost::json::value_to_tag<ProfileChange>, const boost::json::value& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const RoleChange& c);
RoleChange tag_invoke(boost::json::value_to_tag<RoleChange>, const boost::json::value& v);

} // namespace ticketing::domain
