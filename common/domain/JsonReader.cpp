#include "domain/JsonReader.h"

#include <cmath>

namespace ticketing::domain {

void JsonReader::addError(std::string path, std::string message)
{
    m_errors.push_back({std::move(path), std::move(message)});
}

std::string JsonReader::join(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string JsonReader::index(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

const boost::json::object* JsonReader::object(const boost::json::value& v, const std::string& path)
{
    if (const auto* o = v.if_object())
        return o;
    addError(path.empty() ? std::string("(body)") : path, "must be an object");
    return nullptr;
}

const boost::json::array* JsonReader::array(const boost::json::value& v, const std::string& path)
{
    if (const auto* a = v.if_array())
        return a;
    addError(path, "must be an array");
    return nullptr;
}

const boost::json::value* JsonReader::member(const boost::json::object& obj, std::string_view key,
                                             const std::string& path, bool required)
{
    const auto* v = obj.if_contains(key);
    if (!v || v->is_null()) {
        if (required)
            addError(join(path, key), "is required");
        return nullptr;
    }
    return v;
}

std::optional<std::string> JsonReader::string(const boost::json::object& obj, std::string_view key,
                                              const std::string& path, bool required)
{
    const auto* v = member(obj, key, path, required);
    if (!v)
        return std::nullopt;
    if (const auto* s = v->if_string())
        return std::string(*s);
    addError(join(path, key), "must be a string");
    return std::nullopt;
}

std::optional<std::int64_t> JsonReader::integer(const boost::json::object& obj,
                                                std::string_view key, const std::string& path,
                                                bool required)
{
    const auto* v = member(obj, key, path, required);
    if (!v)
        return std::nullopt;
    if (const auto* i = v->if_int64())
        return *i;
    if (const auto* u = v->if_uint64(); u && *u <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(*u);
    if (const auto* d = v->if_double(); d && std::trunc(*d) == *d && std::abs(*d) < 9.0e15)
        return static_cast<std::int64_t>(*d);
    addError(join(path, key), "must be an integer");
    return std::nullopt;
}

std::optional<double> JsonReader::number(const boost::json::object& obj, std::string_view key,
                                         const std::string& path, bool required)
{
    const auto* v = member(obj, key, path, required);
    if (!v)
        return std::nullopt;
    if (v->is_number()) {
        const double d = v->to_number<double>();
        if (std::isfinite(d))
            return d;
    }
    addError(join(path, key), "must be a number");
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const boost::json::object& obj, std::string_view key,
                                        const std::string& path, bool required)
{
    const auto* v = member(obj, key, path, required);
    if (!v)
        return std::nullopt;
    if (const auto* b = v->if_bool())
        return *b;
    addError(join(path, key), "must be true or false");
    return std::nullopt;
}

const boost::json::array* JsonReader::arrayMember(const boost::json::object& obj,
                                                  std::string_view key, const std::string& path,
                                                  bool required)
{
    const auto* v = member(obj, key, path, required);
    return v ? array(*v, join(path, key)) : nullptr;
}

const boost::json::object* JsonReader::objectMember(const boost::json::object& obj,
                                                    std::string_view key, const std::string& path,
                                                    bool required)
{
    const auto* v = member(obj, key, path, required);
    return v ? object(*v, join(path, key)) : nullptr;
}

} // namespace ticketing::domain
