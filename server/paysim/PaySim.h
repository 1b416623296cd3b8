#pragma once

#include "http/Router.h"
#include "outbound/HttpClient.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ticketing::paysim {

// The payment simulator that ships with the suite: a small card provider speaking a
// Stripe-shaped protocol over real HTTP (payment intents, confirmation with test cards,
// refunds) and sending signed webhooks, so the whole checkout runs here without the
// internet. Its protocol is in server/paysim/README.md. Pointing ticketd at a real provider
// is configuration (TICKETING_PAYMENTS_URL and the secrets).
struct Options
{
    std::string secretKey;     // what callers send as "Authorization: Bearer <secret key>"
    std::string webhookUrl;    // where events go (empty: none are sent)
    std::string webhookSecret; // signs them: Ticketing-Signature
    std::chrono::milliseconds lateDelay{3000}; // the "succeeds late" card
    // The counter's terminal: how long a card read takes before it is approved (or declined:
    // amounts whose minor units end in 01).
    std::chrono::milliseconds terminalDelay{1000};
};

class Simulator : public http::RequestHandler
{
public:
    explicit Simulator(Options options);
    ~Simulator() override;

    std::size_t bodyLimit(std::string_view, std::string_view) const override { return 64 * 1024; }
    void handle(http::Request request, http::Responder done) override;

private:
    struct Intent
    {
        std::string id;
        std::string clientSecret;
        long long amount = 0;
        long long refunded = 0;
        std::string currency;
        std::string status; // requires_payment_method, processing, succeeded, canceled
        std::map<std::string, std::string> metadata;
        std::string lastError; // a decline's code
        long long created = 0;
        bool cardPresent = false; // payment_method_types[]=card_present: paid at a terminal
    };
    struct Webhook
    {
        std::string id;
        std::string type;
        std::string body;      // exactly as sent
        std::string signature; // the Ticketing-Signature header
        int attempts = 0;
        int lastStatus = 0;
        std::chrono::steady_clock::time_point due;
    };

    http::Response route(const http::Request& request);
    http::Response createIntent(const http::Request& request);
    http::Response confirmIntent(const http::Request& request, const std::string& id);
    http::Response createRefund(const http::Request& request);
    http::Response cancelIntent(const std::string& id);
    http::Response processAtReader(const http::Request& request, const std::string& reader);
    // The intent a form's `payment_intent` names (under m_mutex), or none.
    Intent* namedIntent(const std::map<std::string, std::string>& form);
    static std::string intentJson(const Intent& intent);
    void settle(const std::string& id, bool succeeded,
                const std::string& declineCode);                    // under m_mutex
    void queueEvent(const std::string& type, const Intent& intent); // under m_mutex
    void sendLoop();

    Options m_options;
    outbound::HttpClient m_webhooks; // to ticketd, its connection kept
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::string, Intent> m_intents;
    std::map<std::string, std::string> m_idempotency; // key -> intent or refund answer
    std::deque<Webhook> m_outbox;
    std::vector<Webhook> m_sent;
    // Intents being paid: when each is decided, and how (a decline code; empty: it succeeds).
    struct Pending
    {
        std::chrono::steady_clock::time_point at;
        std::string intent;
        std::string declineCode;
    };
    std::vector<Pending> m_late;
    bool m_stop = false;
    std::thread m_sender;
};

} // namespace ticketing::paysim
