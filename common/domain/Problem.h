#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// One field that failed validation: "field" is the path in the request
// ("seat_map.sections[2].rows[0].label"), "message" a sentence for a person.
struct FieldError
{
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const FieldError& e);
FieldError tag_invoke(boost::json::value_to_tag<FieldError>, const boost::json::value& v);

// The stable, machine-readable error codes of the API contract. Each has one HTTP status and
// one title; clients switch on the code, people read the detail.
enum class ProblemCode
{
    ValidationFailed,
    InvalidJson,
    BadRequest,
    InvalidToken,
    TokenExpired,
    InvalidCredentials,
    RefreshTokenReused,
    AccountLocked,
    EmailTaken,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    HeadersTooLarge,
    UnsupportedMediaType,
    RateLimited,
    InternalError,
    ServiceUnavailable,
    DatabaseUnavailable,
    OutcomeUnknown,
    Overloaded,
};

struct ProblemInfo
{
    int status;
    std::string_view code;
    std::string_view title;
};

ProblemInfo problemInfo(ProblemCode code);

// An RFC 7807 problem document: {"type","title","status","detail","code"} plus named extra
// members ("errors", "request_id", "unavailable_seat_ids", ...).
class Problem
{
public:
    Problem(ProblemCode code, std::string detail);
    // For codes defined next to their feature (e.g. "seats_unavailable"): status and title given.
    Problem(int status, std::string code, std::string title, std::string detail);

    static Problem validation(std::vector<FieldError> errors);

    int status() const { return m_status; }
    const std::string& code() const { return m_code; }
    const std::string& title() const { return m_title; }
    const std::string& detail() const { return m_detail; }
    const std::vector<FieldError>& errors() const { return m_errors; }
    // "urn:problem-type:ticketing:<code>": a URI that names the problem type and promises no page.
    std::string type() const;

    Problem& with(std::string_view key, boost::json::value value);
    // For 429, 423 and 503: how long the client should wait (the Retry-After header).
    Problem& retryAfter(int seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    const boost::json::object& extra() const { return m_extra; }

    // Field errors on a problem read from the wire (validation_failed has them).
    Problem& withErrors(std::vector<FieldError> errors)
    {
        m_errors = std::move(errors);
        return *this;
    }

    boost::json::object toJson() const;

private:
    int m_status;
    std::string m_code;
    std::string m_title;
    std::string m_detail;
    std::vector<FieldError> m_errors;
    boost::json::object m_extra;
    std::optional<int> m_retryAfter;
};

// RFC 7807 on the wire: written as toJson(); read with `errors` and every other member kept
// (a client reads `unavailable_seat_ids`, `request_id`, ... through extra()).
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Problem& p);
Problem tag_invoke(boost::json::value_to_tag<Problem>, const boost::json::value& v);

} // namespace ticketing::domain
