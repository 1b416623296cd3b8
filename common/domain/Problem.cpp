#include "domain/Problem.h"

#include "domain/Codec.h"

#include <boost/json/value.hpp>

namespace ticketing::domain {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const FieldError& e)
{
    out = boost::json::object{{"field", e.field}, {"message", e.message}};
}

ProblemInfo problemInfo(ProblemCode code)
{
    switch (code) {
    case ProblemCode::ValidationFailed:
        return {400, "validation_failed", "The request is not valid"};
    case ProblemCode::InvalidJson:
        return {400, "invalid_json", "The request body is not valid JSON"};
    case ProblemCode::BadRequest:
        return {400, "bad_request", "The request cannot be understood"};
    case ProblemCode::InvalidToken:
        return {401, "invalid_token", "The access token is missing or not valid"};
    case ProblemCode::TokenExpired:
        return {401, "token_expired", "The token has expired"};
    case ProblemCode::InvalidCredentials:
        return {401, "invalid_credentials", "The email or password is wrong"};
    case ProblemCode::RefreshTokenReused:
        return {401, "refresh_token_reused", "The refresh token was already used"};
    case ProblemCode::AccountLocked:
        return {423, "account_locked", "The account is locked for a while"};
    case ProblemCode::EmailTaken:
        return {409, "email_taken", "An account with this email exists"};
    case ProblemCode::Forbidden:
        return {403, "forbidden", "Not allowed"};
    case ProblemCode::NotFound:
        return {404, "not_found", "Not found"};
    case ProblemCode::MethodNotAllowed:
        return {405, "method_not_allowed", "Method not allowed"};
    case ProblemCode::Conflict:
        return {409, "conflict", "Conflict"};
    case ProblemCode::PayloadTooLarge:
        return {413, "payload_too_large", "The request body is too large"};
    case ProblemCode::HeadersTooLarge:
        return {431, "headers_too_large", "The request's header fields are too large"};
    case ProblemCode::UnsupportedMediaType:
        return {415, "unsupported_media_type", "The request body must be JSON"};
    case ProblemCode::RateLimited:
        return {429, "rate_limited", "Too many requests"};
    case ProblemCode::InternalError:
        return {500, "internal_error", "Internal error"};
    case ProblemCode::ServiceUnavailable:
        return {503, "service_unavailable", "The service is not available"};
    case ProblemCode::DatabaseUnavailable:
        return {503, "database_unavailable", "The database cannot be reached"};
    case ProblemCode::OutcomeUnknown:
        return {503, "outcome_unknown", "The outcome is not known"};
    case ProblemCode::Overloaded:
        return {503, "overloaded", "The server is busy"};
    }
    return {500, "internal_error", "Internal error"};
}

Problem::Problem(ProblemCode code, std::string detail)
{
    const auto info = problemInfo(code);
    m_status = info.status;
    m_code = info.code;
    m_title = info.title;
    m_detail = std::move(detail);
}

Problem::Problem(int status, std::string code, std::string title, std::string detail)
    : m_status(status), m_code(std::move(code)), m_title(std::move(title)),
      m_detail(std::move(detail))
{
}

Problem Problem::validation(std::vector<FieldError> errors)
{
    std::string detail = errors.empty() ? std::string("The request is not valid.")
                                        : errors.front().field + ": " + errors.front().message;
    if (errors.size() > 1)
        detail += " (and " + std::to_string(errors.size() - 1) + " more)";
    Problem p(ProblemCode::ValidationFailed, std::move(detail));
    p.m_errors = std::move(errors);
    return p;
}

std::string Problem::type() const
{
    return "urn:problem-type:ticketing:" + m_code;
}

Problem& Problem::with(std::string_view key, boost::json::value value)
{
    m_extra[key] = std::move(value);
    return *this;
}

boost::json::object Problem::toJson() const
{
    boost::json::object o;
    o["type"] = type();
    o["title"] = m_title;
    o["status"] = m_status;
    o["detail"] = m_detail;
    o["code"] = m_code;
    if (!m_errors.empty())
        o["errors"] = boost::json::value_from(m_errors);
    for (const auto& [k, v] : m_extra)
        o[k] = v;
    return o;
}

FieldError tag_invoke(boost::json::value_to_tag<FieldError>, const boost::json::value& v)
{
    WireReader r(v);
    FieldError e;
    e.field = r.required<std::string>("field").value_or("");
    e.message = r.required<std::string>("message").value_or("");
    r.finish();
    return e;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Problem& p)
{
    out = p.toJson();
}

Problem tag_invoke(boost::json::value_to_tag<Problem>, const boost::json::value& v)
{
    WireReader r(v);
    const auto type = r.required<std::string>("type");
    const auto title = r.required<std::string>("title");
    const auto status = r.required<int>("status");
    const auto detail = r.optionalOr<std::string>("detail", "");
    const auto code = r.required<std::string>("code");
    const auto errors = r.optional<std::vector<FieldError>>("errors");
    if (status && (*status < 400 || *status > 599))
        r.error("status", "must be an HTTP error status (400 to 599)");
    r.finish();
    Problem p(*status, *code, *title, detail);
    if (errors)
        p.withErrors(*errors);
    for (const auto& [key, value] : *r.object())
        if (key != "type" && key != "title" && key != "status" && key != "detail" &&
            key != "code" && key != "errors")
            p.with(key, value);
    return p;
}

} // namespace ticketing::domain
