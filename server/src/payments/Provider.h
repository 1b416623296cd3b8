#pragma once

#include "domain/Uuid.h"

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ticketing::outbound {
class HttpClient;
}

namespace ticketing::payments {

// A payment provider as the checkout sees it (DESIGN.md "Payments"): it takes money for a
// payment and gives some back. `cash` is the box office's drawer; card payments go to a
// Stripe-shaped provider over HTTP (our simulator, or a real one by configuration).
struct ProviderIntent
{
    std::string ref;                         // the provider's id for it
    std::optional<std::string> clientSecret; // for the buyer's browser to confirm with
    bool succeeded = false;                  // taken at once (cash)
};

// What the provider says of an intent now (to catch a webhook that never came).
struct ProviderStatus
{
    enum class State
    {
        Pending,
        Succeeded,
        Failed
    } state = State::Pending;
    std::optional<std::string> failureCode;
};

// The provider could not be reached or refused the call; nothing was done on our side.
struct ProviderError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

class PaymentProvider
{
public:
    virtual ~PaymentProvider() = default;
    virtual std::string name() const = 0;
    // Whether its calls go over the network (and so are never made inside a transaction or on
    // a database worker). Cash is taken at the counter: false.
    virtual bool remote() const { return true; }
    // How long one call may wait for an answer (0: it never waits).
    virtual std::chrono::seconds timeout() const { return std::chrono::seconds(0); }
    // `payment` doubles as the provider's idempotency key: a retry makes no second intent.
    // `method` "card_present": a card read by the counter's terminal (Stripe Terminal's shape:
    // the intent is handed to the reader, and its outcome arrives by webhook).
    virtual ProviderIntent createIntent(long long amountMinor, const std::string& currency,
                                        const domain::PaymentId& payment,
                                        const domain::BookingId& booking,
                                        const std::string& method) = 0;
    // Returns the refund's provider id. `idempotencyKey` makes a retried refund a no-op.
    virtual std::string refund(const std::string& ref, long long amountMinor,
                               const std::string& idempotencyKey) = 0;
    virtual ProviderStatus status(const std::string& ref) = 0;
    // Cancels an intent not paid yet. False when the provider says it succeeded meanwhile (its
    // success then arrives as usual); ProviderError when it cannot be reached.
    virtual bool cancel(const std::string& ref) = 0;
};

// A provider's webhook event as its body says (its signature checked before), Stripe-shaped:
// {"id", "type", "data": {"object": {"id", "last_payment_error"?: {"code"}}}}.
struct WebhookEvent
{
    std::string id;        // the event's, for deduplication
    std::string type;      // "payment_intent.succeeded", "payment_intent.payment_failed", ...
    std::string intentRef; // the intent it is about
    std::optional<std::string> failureCode;

    bool succeeded() const { return type == "payment_intent.succeeded"; }
    bool failed() const { return type == "payment_intent.payment_failed"; }
};
// nullopt when the body is not such an event.
std::optional<WebhookEvent> parseWebhookEvent(std::string_view body);

// The box office's cash: paid at once at the counter, refunds handed back there.
std::unique_ptr<PaymentProvider> makeCashProvider();

// A Stripe-shaped card provider at `baseUrl` (e.g. paysim's "http://127.0.0.1:8099", or a real
// one's "https://..."), called through `client`; a call that has no answer within `timeout` is
// a ProviderError. `terminal`: the reader that card_present intents go to.
std::unique_ptr<PaymentProvider> makeCardProvider(std::shared_ptr<outbound::HttpClient> client,
                                                  std::string name, std::string baseUrl,
                                                  std::string secretKey,
                                                  std::chrono::seconds timeout,
                                                  std::string terminal = "tmr_counter");

} // namespace ticketing::payments
