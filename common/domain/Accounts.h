#pragma once

#include "domain/Problem.h"

#include <optional>
#include <string>
#include <vector>

namespace ticketing::domain {

// The account rules the server enforces and the apps check before sending.
struct AccountRules
{
    static constexpr std::size_t minPasswordLength = 10;
    // Bounded so that hashing cost cannot be driven up by a huge "password".
    static constexpr std::size_t maxPasswordLength = 1024;
    static constexpr std::size_t maxEmailLength = 254;
    static constexpr std::size_t maxNameLength = 100;
    static constexpr std::size_t maxPhoneLength = 32;
};

// Without leading and trailing white space.
std::string trimmed(const std::string& text);

// Emails are unique without regard to case: this is the form that is compared and stored as
// the key (trimmed, lower case). The address as typed is kept for display and mail.
std::string normalizeEmail(const std::string& email);

// Each adds its errors under `field`; nothing added means valid.
void checkEmail(const std::string& email, const std::string& field,
                std::vector<FieldError>& errors);
void checkPassword(const std::string& password, const std::string& field,
                   std::vector<FieldError>& errors);
void checkName(const std::string& name, const std::string& field, std::vector<FieldError>& errors);
void checkPhone(const std::string& phone, const std::string& field,
                std::vector<FieldError>& errors);

} // namespace ticketing::domain
