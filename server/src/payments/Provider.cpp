#include "payments/Provider.h"

#include "outbound/HttpClient.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cctype>

namespace ticketing::payments {

std::optional<WebhookEvent> parseWebhookEvent(std::string_view body)
{
    boost::system::error_code ec;
    const auto event = boost::json::parse(body, ec);
    const auto* o = ec ? nullptr : event.if_object();
    const auto* id = o ? o->if_contains("id") : nullptr;
    const auto* type = o ? o->if_contains("type") : nullptr;
    const auto* data = o ? o->if_contains("data") : nullptr;
    const auto* object =
        data && data->is_object() ? data->as_object().if_contains("object") : nullptr;
    const auto* ref =
        object && object->is_object() ? object->as_object().if_contains("id") : nullptr;
    if (!id || !id->is_string() || !type || !type->is_string() || !ref || !ref->is_string())
        return std::nullopt;
    WebhookEvent out{std::string(id->as_string()), std::string(type->as_string()),
                     std::string(ref->as_string()), std::nullopt};
    if (const auto* err = object->as_object().if_contains("last_payment_error");
        err && err->is_object())
        if (const auto* c = err->as_object().if_contains("code"); c && c->is_string())
            out.failureCode = std::string(c->as_string());
    return out;
}

namespace {
class CashProvider final : public PaymentProvider
{
public:
    std::string name() const override { return "cash"; }
    bool remote() const override { return false; }
    ProviderIntent createIntent(long long, const std::string&, const domain::PaymentId& payment,
                                const domain::BookingId&, const std::string&) override
    {
        return {"cash-" + payment.toString(), std::nullopt, true};
    }
    std::string refund(const std::string&, long long, const std::string& idempotencyKey) override
    {
        return "cash-refund-" + idempotencyKey; // handed back at the counter
    }
    ProviderStatus status(const std::string&) override
    {
        return {ProviderStatus::State::Succeeded, std::nullopt};
    }
    bool cancel(const std::string&) override
    {
        return false; // cash is taken at once: never pending
    }
};

// Form encoding of the values we send (ids, digits, ISO codes): nothing to escape but these.
std::string formValue(const std::string& v)
{
    std::string out;
    for (char c : v) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
            out += c;
        else {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[(static_cast<unsigned char>(c) >> 4) & 15];
            out += hex[static_cast<unsigned char>(c) & 15];
        }
    }
    return out;
}

class CardProvider final : public PaymentProvider
{
public:
    CardProvider(std::shared_ptr<outbound::HttpClient> client, std::string name,
                 std::string baseUrl, std::string secretKey, std::chrono::seconds timeout,
                 std::string terminal)
        : m_client(std::move(client)), m_name(std::move(name)), m_base(std::move(baseUrl)),
          m_secret(std::move(secretKey)), m_timeout(timeout), m_terminal(std::move(terminal))
    {
        while (!m_base.empty() && m_base.back() == '/')
            m_base.pop_back();
    }
    std::string name() const override { return m_name; }
    std::chrono::seconds timeout() const override { return m_timeout; }

    ProviderIntent createIntent(long long amountMinor, const std::string& currency,
                                const domain::PaymentId& payment, const domain::BookingId& booking,
                                const std::string& method) override
    {
        std::string lower;
        for (char c : currency)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool present = method == "card_present";
        const auto o =
            call("/v1/payment_intents",
                 "amount=" + std::to_string(amountMinor) + "&currency=" + formValue(lower) +
                     "&metadata%5Bbooking_id%5D=" + booking.toString() +
                     "&metadata%5Bpayment_id%5D=" + payment.toString() +
                     (present ? "&payment_method_types%5B%5D=card_present" : ""),
                 payment.toString());
        ProviderIntent out;
        out.ref = std::string(o.at("id").as_string());
        out.succeeded = o.at("status").as_string() == "succeeded";
        if (!present) {
            out.clientSecret = std::string(o.at("client_secret").as_string());
            return out;
        }
        // The counter's terminal reads the card; asked again (a retry, the reconciler), an
        // intent it has already taken is left to it.
        if (o.at("status").as_string() == "requires_payment_method" &&
            !o.at("last_payment_error").is_object())
            call("/v1/terminal/readers/" + formValue(m_terminal) + "/process_payment_intent",
                 "payment_intent=" + formValue(out.ref), payment.toString() + "-terminal");
        return out;
    }

    std::string refund(const std::string& ref, long long amountMinor,
                       const std::string& idempotencyKey) override
    {
        const auto o =
            call("/v1/refunds",
                 "payment_intent=" + formValue(ref) + "&amount=" + std::to_string(amountMinor),
                 idempotencyKey);
        return std::string(o.at("id").as_string());
    }

    ProviderStatus status(const std::string& ref) override
    {
        outbound::Response r;
        try {
            r = m_client->fetch("GET", m_base + "/v1/payment_intents/" + formValue(ref),
                                {{"Authorization", "Bearer " + m_secret}}, "", m_timeout);
        } catch (const outbound::Error& e) {
            throw ProviderError(std::string("the card provider cannot be reached: ") + e.what());
        }
        boost::system::error_code ec;
        const auto v = boost::json::parse(r.body, ec);
        if (r.status != 200 || ec || !v.is_object() || !v.as_object().contains("status"))
            throw ProviderError("the card provider did not say how intent " + ref + " stands (" +
                                std::to_string(r.status) + ")");
        const auto& o = v.as_object();
        ProviderStatus out;
        const auto state = o.at("status").as_string();
        const auto* error = o.if_contains("last_payment_error");
        if (state == "succeeded") {
            out.state = ProviderStatus::State::Succeeded;
        } else if (state == "requires_payment_method" && error && error->is_object()) {
            out.state = ProviderStatus::State::Failed; // declined (and not tried again yet)
            if (const auto* code = error->as_object().if_contains("code");
                code && code->is_string())
                out.failureCode = std::string(code->as_string());
        }
        return out;
    }

    bool cancel(const std::string& ref) override
    {
        outbound::Response r;
        try {
            r = m_client->fetch("POST",
                                m_base + "/v1/payment_intents/" + formValue(ref) + "/cancel",
                                {{"Authorization", "Bearer " + m_secret},
                                 {"Content-Type", "application/x-www-form-urlencoded"},
                                 {"Idempotency-Key", "cancel-" + ref}},
                                "", m_timeout);
        } catch (const outbound::Error& e) {
            throw ProviderError(std::string("the card provider cannot be reached: ") + e.what());
        }
        if (r.status == 200)
            return true;
        // Stripe answers 400 payment_intent_unexpected_state for an intent that succeeded.
        if (r.status == 400 && r.body.find("payment_intent_unexpected_state") != std::string::npos)
            return false;
        throw ProviderError("the card provider refused to cancel intent " + ref + " (" +
                            std::to_string(r.status) + ")");
    }

private:
    boost::json::object call(const std::string& path, const std::string& form,
                             const std::string& idempotencyKey)
    {
        outbound::Response r;
        try {
            r = m_client->fetch("POST", m_base + path,
                                {{"Authorization", "Bearer " + m_secret},
                                 {"Content-Type", "application/x-www-form-urlencoded"},
                                 {"Idempotency-Key", idempotencyKey}},
                                form, m_timeout);
        } catch (const outbound::Error& e) {
            throw ProviderError(std::string("the card provider cannot be reached: ") + e.what());
        }
        boost::system::error_code ec;
        auto v = boost::json::parse(r.body, ec);
        if (r.status != 200 || ec || !v.is_object())
            throw ProviderError("the card provider refused " + path + " (" +
                                std::to_string(r.status) + "): " + r.body.substr(0, 300));
        return std::move(v.as_object());
    }

    std::shared_ptr<outbound::HttpClient> m_client;
    std::string m_name;
    std::string m_base;
    std::string m_secret;
    std::chrono::seconds m_timeout;
    std::string m_terminal;
};
} // namespace

std::unique_ptr<PaymentProvider> makeCashProvider()
{
    return std::make_unique<CashProvider>();
}

std::unique_ptr<PaymentProvider> makeCardProvider(std::shared_ptr<outbound::HttpClient> client,
                                                  std::string name, std::string baseUrl,
                                                  std::string secretKey,
                                                  std::chrono::seconds timeout,
                                                  std::string terminal)
{
    return std::make_unique<CardProvider>(std::move(client), std::move(name), std::move(baseUrl),
                                          std::move(secretKey), timeout, std::move(terminal));
}

} // namespace ticketing::payments
