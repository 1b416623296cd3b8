#include "handlers/Json.h"

#include <charconv>
#include <sodium.h>

namespace ticketing::handlers {

using domain::Problem;

domain::Result<boost::json::object, Problem> bodyObject(const http::Request& request)
{
    auto body = http::parseJsonBody(request);
    if (!body.ok())
        return domain::fail(std::move(body).error());
    if (!body->is_object())
        return domain::fail(Problem::validation({{"(body)", "must be a JSON object"}}));
    return std::move(body->as_object());
}

domain::Result<Page, Problem> pageOf(const http::Request& request)
{
    Page page;
    if (auto limit = request.queryParam("limit")) {
        int v = 0;
        auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), v);
        if (ec != std::errc() || ptr != limit->data() + limit->size() || v < 1 || v > 100)
            return domain::fail(
                Problem::validation({{"limit", "must be a whole number from 1 to 100"}}));
        page.limit = v;
    }
    if (auto cursor = request.queryParam("cursor"); cursor && !cursor->empty()) {
        page.cursor = decodeCursor(*cursor);
        if (!page.cursor)
            return domain::fail(
                Problem::validation({{"cursor", "is not a cursor this list gave"}}));
    }
    return page;
}

std::string encodeCursor(const std::string& key)
{
    std::string out(sodium_base64_ENCODED_LEN(key.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(key.data()),
                      key.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> decodeCursor(const std::string& cursor)
{
    std::string out(cursor.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), cursor.c_str(),
                          cursor.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

domain::Result<std::string, domain::Problem> idempotencyKey(const http::Request& request)
{
    const auto key = request.header("idempotency-key");
    if (!key)
        return domain::fail(domain::Problem(
            400, "idempotency_key_required", "An Idempotency-Key is required",
            "send Idempotency-Key: <a new UUID> with this request, and the same one "
            "when you retry it"));
    bool valid = !key->empty() && key->size() <= 255;
    for (char ch : *key)
        valid = valid && ch >= 0x21 && ch <= 0x7e;
    if (!valid)
        return domain::fail(domain::Problem::validation(
            {{"Idempotency-Key", "must be 1 to 255 visible ASCII characters"}}));
    return std::string(*key);
}

} // namespace ticketing::handlers
