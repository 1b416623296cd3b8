#include "paysim/PaySim.h"

#include "domain/WebhookSignature.h"
#include "log/Log.h"
#include "outbound/HttpClient.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cctype>
#include <sodium.h>

namespace ticketing::paysim {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {
std::string randomToken(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                   raw.size());
    hex.pop_back();
    return hex;
}

long long unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Stripe's error shape: {"error": {"type", "code", "message"}}.
Response error(int status, const std::string& type, const std::string& code,
               const std::string& message)
{
    return Response::json(
        status, json::object{
                    {"error", json::object{{"type", type}, {"code", code}, {"message", message}}}});
}

// application/x-www-form-urlencoded, as Stripe's API takes it. Written here because clients
// send brackets unencoded ("metadata[booking_id]=..."), which Boost.URL's strict query parser
// refuses.
std::string formDecode(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::map<std::string, std::string> form(std::string_view body)
{
    std::map<std::string, std::string> out;
    while (!body.empty()) {
        const auto amp = body.find('&');
        const auto pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
        const auto eq = pair.find('=');
        if (!pair.empty())
            out[formDecode(pair.substr(0, eq))] =
                eq == std::string_view::npos ? std::string() : formDecode(pair.substr(eq + 1));
    }
    return out;
}

std::optional<long long> amountOf(const std::string& text)
{
    if (text.empty() || text.size() > 15 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(text);
}

// The test cards (server/paysim/README.md).
enum class Card
{
    Succeeds,
    Declined,
    InsufficientFunds,
    SucceedsLate,
    Unknown
};
Card cardOf(const std::string& paymentMethod)
{
    if (paymentMethod == "4242424242424242" || paymentMethod == "pm_card_visa")
        return Card::Succeeds;
    if (paymentMethod == "4000000000000002" || paymentMethod == "pm_card_chargeDeclined")
        return Card::Declined;
    if (paymentMethod == "4000000000009995" ||
        paymentMethod == "pm_card_chargeDeclinedInsufficientFunds")
        return Card::InsufficientFunds;
    if (paymentMethod == "4000000000000077" || paymentMethod == "pm_card_succeedsLate")
        return Card::SucceedsLate;
    return Card::Unknown;
}
} // namespace

Simulator::Simulator(Options options)
    : m_options(std::move(options)), m_sender([this] { sendLoop(); })
{
}

Simulator::~Simulator()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_sender.join();
}

void Simulator::handle(Request request, http::Responder done)
{
    Response response;
    try {
        response = route(request);
    } catch (const std::exception& e) {
        response = error(500, "api_error", "internal", e.what());
    }
    response.headers.emplace_back("Request-Id", request.requestId);
    done(std::move(response));
}

Response Simulator::route(const Request& request)
{
    const auto& path = request.path;
    if (request.method == "GET" && path == "/healthz")
        return Response::text(200, "ok\n");
    const auto auth = request.header("authorization");
    const bool secret = auth && *auth == "Bearer " + m_options.secretKey;
    constexpr std::string_view intents = "/v1/payment_intents/";

    // Confirmation is what a buyer's browser does, with the intent's client secret; the
    // merchant's secret key works too.
    if (request.method == "POST" && path.starts_with(intents) && path.ends_with("/confirm")) {
        const auto id = path.substr(intents.size(), path.size() - intents.size() -
                                                        std::string_view("/confirm").size());
        return confirmIntent(request, id);
    }
    if (request.method == "GET" && path == "/_sim/webhooks") {
        // For tests and demos: every webhook sent, exactly as sent (to replay or alter one).
        const std::lock_guard lock(m_mutex);
        json::array out;
        for (const auto& w : m_sent)
            out.push_back(json::object{{"id", w.id},
                                       {"type", w.type},
                                       {"body", w.body},
                                       {"signature", w.signature},
                                       {"attempts", w.attempts},
                                       {"last_status", w.lastStatus}});
        return Response::json(200, json::object{{"data", std::move(out)}});
    }
    if (!secret)
        return error(401, "invalid_request_error", "invalid_api_key",
                     "send Authorization: Bearer <secret key>");
    if (request.method == "POST" && path == "/v1/payment_intents")
        return createIntent(request);
    if (request.method == "GET" && path.starts_with(intents)) {
        const std::lock_guard lock(m_mutex);
        const auto it = m_intents.find(path.substr(intents.size()));
        if (it == m_intents.end())
            return error(404, "invalid_request_error", "resource_missing",
                         "no such payment intent");
        return Response::text(200, intentJson(it->second), "application/json");
    }
    if (request.method == "POST" && path.starts_with(intents) && path.ends_with("/cancel"))
        return cancelIntent(path.substr(intents.size(), path.size() - intents.size() -
                                                            std::string_view("/cancel").size()));
    if (request.method == "POST" && path == "/v1/refunds")
        return createRefund(request);
    // The counter's card reader (Stripe Terminal's shape): it reads the card of a card_present
    // intent, which is processing until the terminal decides.
    constexpr std::string_view readers = "/v1/terminal/readers/";
    constexpr std::string_view process = "/process_payment_intent";
    if (request.method == "POST" && path.starts_with(readers) && path.ends_with(process))
        return processAtReader(
            request, path.substr(readers.size(), path.size() - readers.size() - process.size()));
    return error(404, "invalid_request_error", "resource_missing",
                 "unknown route " + request.method + " " + path);
}

std::string Simulator::intentJson(const Intent& i)
{
    json::object metadata;
    for (const auto& [k, v] : i.metadata)
        metadata[k] = v;
    json::object o{{"id", i.id},
                   {"object", "payment_intent"},
                   {"amount", i.amount},
                   {"amount_refunded", i.refunded},
                   {"currency", i.currency},
                   {"status", i.status},
                   {"client_secret", i.clientSecret},
                   {"metadata", std::move(metadata)},
                   {"created", i.created},
                   {"payment_method_types", json::array{i.cardPresent ? "card_present" : "card"}}};
    o["last_payment_error"] =
        i.lastError.empty()
            ? json::value(nullptr)
            : json::value(json::object{{"code", i.lastError}, {"type", "card_error"}});
    return json::serialize(o);
}

Response Simulator::createIntent(const Request& request)
{
    const auto f = form(request.body);
    const auto amount = f.count("amount") ? amountOf(f.at("amount")) : std::nullopt;
    if (!amount || *amount <= 0)
        return error(400, "invalid_request_error", "parameter_invalid_integer",
                     "amount: a positive whole number of minor units");
    if (!f.count("currency") || f.at("currency").size() != 3)
        return error(400, "invalid_request_error", "parameter_missing",
                     "currency: a three-letter ISO code");
    const std::lock_guard lock(m_mutex);
    const auto key = request.header("idempotency-key");
    if (key)
        if (const auto it = m_idempotency.find("intent:" + std::string(*key));
            it != m_idempotency.end())
            return Response::text(200, intentJson(m_intents.at(it->second)), "application/json");
    Intent i;
    i.id = "pi_" + randomToken(12);
    i.clientSecret = i.id + "_secret_" + randomToken(12);
    i.amount = *amount;
    i.currency = f.at("currency");
    i.status = "requires_payment_method";
    i.created = unixNow();
    for (const auto& [k, v] : f)
        if (k.starts_with("payment_method_types[") && v == "card_present")
            i.cardPresent = true;
    for (const auto& [k, v] : f)
        if (k.starts_with("metadata[") && k.ends_with("]"))
            i.metadata[k.substr(9, k.size() - 10)] = v;
    if (key)
        m_idempotency["intent:" + std::string(*key)] = i.id;
    m_intents[i.id] = i;
    return Response::text(200, intentJson(i), "application/json");
}

Response Simulator::confirmIntent(const Request& request, const std::string& id)
{
    const auto f = form(request.body);
    const std::lock_guard lock(m_mutex);
    const auto it = m_intents.find(id);
    if (it == m_intents.end())
        return error(404, "invalid_request_error", "resource_missing", "no such payment intent");
    auto& intent = it->second;
    const auto auth = request.header("authorization");
    const bool secret = auth && *auth == "Bearer " + m_options.secretKey;
    if (!secret && (!f.count("client_secret") || f.at("client_secret") != intent.clientSecret))
        return error(401, "invalid_request_error", "invalid_client_secret",
                     "client_secret does not match the intent");
    if (intent.status == "succeeded" || intent.status == "processing" ||
        intent.status == "canceled")
        return error(400, "invalid_request_error", "payment_intent_unexpected_state",
                     "the payment intent is already " + intent.status);
    if (intent.cardPresent)
        return error(400, "invalid_request_error", "payment_method_invalid",
                     "a card_present intent is paid at a terminal (process_payment_intent)");
    const auto method = f.count("payment_method") ? f.at("payment_method") : std::string();
    switch (cardOf(method)) {
    case Card::Succeeds:
        settle(id, true, {});
        break;
    case Card::Declined:
        settle(id, false, "card_declined");
        break;
    case Card::InsufficientFunds:
        settle(id, false, "insufficient_funds");
        break;
    case Card::SucceedsLate:
        intent.status = "processing";
        intent.lastError.clear();
        m_late.push_back({std::chrono::steady_clock::now() + m_options.lateDelay, id, {}});
        m_wake.notify_all();
        break;
    case Card::Unknown:
        return error(400, "invalid_request_error", "payment_method_invalid",
                     "payment_method: use a test card of server/paysim/README.md (4242424242424242 "
                     "succeeds)");
    }
    return Response::text(200, intentJson(intent), "application/json");
}

Simulator::Intent* Simulator::namedIntent(const std::map<std::string, std::string>& form)
{
    const auto name = form.find("payment_intent");
    const auto it = name == form.end() ? m_intents.end() : m_intents.find(name->second);
    return it == m_intents.end() ? nullptr : &it->second;
}

Response Simulator::processAtReader(const Request& request, const std::string& reader)
{
    const auto f = form(request.body);
    const std::lock_guard lock(m_mutex);
    auto* found = namedIntent(f);
    if (!found)
        return error(404, "invalid_request_error", "resource_missing",
                     "payment_intent: no such payment intent");
    auto& intent = *found;
    if (!intent.cardPresent)
        return error(400, "invalid_request_error", "payment_intent_invalid",
                     "only a card_present intent is paid at a terminal");
    if (intent.status != "requires_payment_method")
        return error(400, "invalid_request_error", "payment_intent_unexpected_state",
                     "the payment intent is already " + intent.status);
    intent.status = "processing";
    intent.lastError.clear();
    // The simulated terminal: about a second to read the card; amounts ending in 01 declined.
    m_late.push_back({std::chrono::steady_clock::now() + m_options.terminalDelay, intent.id,
                      intent.amount % 100 == 1 ? "card_declined" : ""});
    m_wake.notify_all();
    return Response::json(
        200, json::object{{"id", reader},
                          {"object", "terminal.reader"},
                          {"action", json::object{{"type", "process_payment_intent"},
                                                  {"status", "in_progress"},
                                                  {"process_payment_intent",
                                                   json::object{{"payment_intent", intent.id}}}}}});
}

// Stripe's rule: an intent that is paid, or being paid, cannot be cancelled.
Response Simulator::cancelIntent(const std::string& id)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_intents.find(id);
    if (it == m_intents.end())
        return error(404, "invalid_request_error", "resource_missing", "no such payment intent");
    auto& intent = it->second;
    if (intent.status == "succeeded" || intent.status == "processing")
        return error(400, "invalid_request_error", "payment_intent_unexpected_state",
                     "the payment intent is already " + intent.status);
    if (intent.status != "canceled") {
        intent.status = "canceled";
        queueEvent("payment_intent.canceled", intent);
    }
    return Response::text(200, intentJson(intent), "application/json");
}

void Simulator::settle(const std::string& id, bool succeeded, const std::string& declineCode)
{
    auto& intent = m_intents.at(id);
    intent.status = succeeded ? "succeeded" : "requires_payment_method";
    intent.lastError = declineCode;
    queueEvent(succeeded ? "payment_intent.succeeded" : "payment_intent.payment_failed", intent);
}

Response Simulator::createRefund(const Request& request)
{
    const auto f = form(request.body);
    const std::lock_guard lock(m_mutex);
    const auto key = request.header("idempotency-key");
    if (key)
        if (const auto it = m_idempotency.find("refund:" + std::string(*key));
            it != m_idempotency.end())
            return Response::text(200, it->second, "application/json");
    auto* found = namedIntent(f);
    if (!found)
        return error(404, "invalid_request_error", "resource_missing",
                     "payment_intent: no such payment intent");
    auto& intent = *found;
    if (intent.status != "succeeded")
        return error(400, "invalid_request_error", "charge_not_refundable",
                     "only a succeeded payment can be refunded");
    const auto left = intent.amount - intent.refunded;
    const auto amount = f.count("amount") ? amountOf(f.at("amount")) : std::optional(left);
    if (!amount || *amount <= 0 || *amount > left)
        return error(400, "invalid_request_error", "amount_too_large",
                     "amount: at most " + std::to_string(left) + " minor units are left to refund");
    intent.refunded += *amount;
    const auto body = json::serialize(json::object{{"id", "re_" + randomToken(12)},
                                                   {"object", "refund"},
                                                   {"amount", *amount},
                                                   {"currency", intent.currency},
                                                   {"payment_intent", intent.id},
                                                   {"status", "succeeded"},
                                                   {"created", unixNow()}});
    if (key)
        m_idempotency["refund:" + std::string(*key)] = body;
    return Response::text(200, body, "application/json");
}

void Simulator::queueEvent(const std::string& type, const Intent& intent)
{
    if (m_options.webhookUrl.empty())
        return;
    Webhook w;
    w.id = "evt_" + randomToken(12);
    w.type = type;
    w.body = json::serialize(
        json::object{{"id", w.id},
                     {"object", "event"},
                     {"type", type},
                     {"created", unixNow()},
                     {"data", json::object{{"object", json::parse(intentJson(intent))}}}});
    w.due = std::chrono::steady_clock::now();
    m_outbox.push_back(std::move(w));
    m_wake.notify_all();
}

// Delivers webhooks signed at the moment of sending, and retries a failed delivery with
// back-off (1, 2, 4, 8 s) up to 5 attempts, as real providers do; a retried one may arrive
// after later ones (real providers do not promise order either).
void Simulator::sendLoop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        const auto now = std::chrono::steady_clock::now();
        for (auto it = m_late.begin(); it != m_late.end();) {
            if (it->at <= now) {
                if (m_intents.at(it->intent).status == "processing")
                    settle(it->intent, it->declineCode.empty(), it->declineCode);
                it = m_late.erase(it);
            } else {
                ++it;
            }
        }
        if (!m_outbox.empty() && m_outbox.front().due <= now) {
            auto w = std::move(m_outbox.front());
            m_outbox.pop_front();
            w.signature = domain::signWebhook(m_options.webhookSecret, unixNow(), w.body);
            lock.unlock();
            int status = 0;
            try {
                status = m_webhooks
                             .fetch("POST", m_options.webhookUrl,
                                    {{"Content-Type", "application/json"},
                                     {"Ticketing-Signature", w.signature}},
                                    w.body, std::chrono::seconds(10))
                             .status;
            } catch (const std::exception& e) {
                log::warn("a webhook could not be delivered",
                          {{"event", w.id}, {"error", e.what()}});
            }
            lock.lock();
            ++w.attempts;
            w.lastStatus = status;
            if ((status < 200 || status >= 300) && w.attempts < 5) {
                w.due =
                    std::chrono::steady_clock::now() + std::chrono::seconds(1 << (w.attempts - 1));
                m_outbox.push_back(w);
            }
            m_sent.push_back(std::move(w));
            if (m_sent.size() > 10000) // a long demo: keep the recent ones
                m_sent.erase(m_sent.begin(), m_sent.begin() + 1000);
            continue;
        }
        auto wakeAt = now + std::chrono::milliseconds(200);
        if (!m_outbox.empty())
            wakeAt = std::min(wakeAt, m_outbox.front().due);
        for (const auto& pending : m_late)
            wakeAt = std::min(wakeAt, pending.at);
        m_wake.wait_until(lock, wakeAt);
    }
}

} // namespace ticketing::paysim
