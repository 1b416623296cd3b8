#include "domain/Accounts.h"

#include <algorithm>
#include <cctype>

namespace ticketing::domain {

namespace {
std::string trim(const std::string& s);
}

std::string trimmed(const std::string& text)
{
    return trim(text);
}

namespace {
std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool hasControl(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}
} // namespace

std::string normalizeEmail(const std::string& email)
{
    std::string out = trim(email);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void checkEmail(const std::string& raw, const std::string& field, std::vector<FieldError>& errors)
{
    const auto email = trim(raw);
    // Deliberately permissive (RFC 5321 allows much); what matters is that mail can be tried
    // and the address is unambiguous: one '@', something before it, a dotted domain after it.
    const auto at = email.find('@');
    const bool shaped =
        at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
        email.find('.', at) != std::string::npos && email.back() != '.' && email[at + 1] != '.' &&
        email.find(' ') == std::string::npos && !hasControl(email);
    if (email.empty())
        errors.push_back({field, "is required"});
    else if (email.size() > AccountRules::maxEmailLength)
        errors.push_back({field, "must be at most 254 characters"});
    else if (!shaped)
        errors.push_back({field, "is not an email address"});
}

void checkPassword(const std::string& password, const std::string& field,
                   std::vector<FieldError>& errors)
{
    if (password.size() < AccountRules::minPasswordLength)
        errors.push_back({field, "must be at least 10 characters"});
    else if (password.size() > AccountRules::maxPasswordLength)
        errors.push_back({field, "must be at most 1024 characters"});
}

void checkName(const std::string& name, const std::string& field, std::vector<FieldError>& errors)
{
    const auto t = trim(name);
    if (t.empty())
        errors.push_back({field, "must not be empty"});
    else if (t.size() > AccountRules::maxNameLength)
        errors.push_back({field, "must be at most 100 characters"});
    else if (hasControl(t))
        errors.push_back({field, "must not contain control characters"});
}

void checkPhone(const std::string& phone, const std::string& field, std::vector<FieldError>& errors)
{
    if (phone.size() > AccountRules::maxPhoneLength) {
        errors.push_back({field, "must be at most 32 characters"});
        return;
    }
    const bool ok = std::all_of(phone.begin(), phone.end(), [](unsigned char c) {
        return std::isdigit(c) || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' ||
               c == '.';
    });
    const auto digits =
        std::count_if(phone.begin(), phone.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!ok || digits < 3)
        errors.push_back({field, "is not a phone number"});
}

} // namespace ticketing::domain
