#pragma once

#include "domain/Problem.h"

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing::domain {

// Reads typed fields out of a JSON request and collects every problem with its path, so one
// 400 answer names all offending fields at once ("seat_map.sections[1].rows[0].seats[3].x").
// Unknown members are ignored (API.md: requests may carry fields we do not know).
class JsonReader
{
public:
    std::vector<FieldError>& errors() { return m_errors; }
    const std::vector<FieldError>& errors() const { return m_errors; }
    bool ok() const { return m_errors.empty(); }
    void addError(std::string path, std::string message);

    // The object at `v`, or an error at `path` if it is not one.
    const boost::json::object* object(const boost::json::value& v, const std::string& path);
    const boost::json::array* array(const boost::json::value& v, const std::string& path);

    // A member of `obj`: required ones report "is required" when missing; all report a wrong type.
    std::optional<std::string> string(const boost::json::object& obj, std::string_view key,
                                      const std::string& path, bool required = true);
    std::optional<std::int64_t> integer(const boost::json::object& obj, std::string_view key,
                                        const std::string& path, bool required = true);
    std::optional<double> number(const boost::json::object& obj, std::string_view key,
                                 const std::string& path, bool required = true);
    std::optional<bool> boolean(const boost::json::object& obj, std::string_view key,
                                const std::string& path, bool required = true);
    const boost::json::array* arrayMember(const boost::json::object& obj, std::string_view key,
                                          const std::string& path, bool required = true);
    const boost::json::object* objectMember(const boost::json::object& obj, std::string_view key,
                                            const std::string& path, bool required = true);

    static std::string join(const std::string& path, std::string_view key);
    static std::string index(const std::string& path, std::size_t i);

private:
    const boost::json::value* member(const boost::json::object& obj, std::string_view key,
                                     const std::string& path, bool required);
    std::vector<FieldError> m_errors;
};

} // namespace ticketing::domain
