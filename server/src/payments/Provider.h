#pragma once

#include "domain/Uuid.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

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
    // `payment` doubles as the provider's idempotency key: a retry makes no second intent.
    virtual ProviderIntent createIntent(long long amountMinor, const std::string& currency,
                                        const domain::PaymentId& payment,
                                        const domain::BookingId& booking) = 0;
    // Returns the refund's provider id. `idempotencyKey` makes a retried refund a no-op.
    virtual std::string refund(const std::string& ref, long long amountMinor,
                               const std::string& idempotencyKey) = 0;
    virtual ProviderStatus status(const std::string& ref) = 0;
    // Cancels an intent not paid yet. False when the provider says it succeeded meanwhile (its
    // success then arrives as usual); ProviderError when it cannot be reached.
    virtual bool cancel(const std::string& ref) = 0;
};

// The box office's cash: paid at once at the counter, refunds handed back there.
std::unique_ptr<PaymentProvider> makeCashProvider();

// A Stripe-shaped card provider at `baseUrl` (e.g. paysim's "http://127.0.0.1:8099").
std::unique_ptr<PaymentProvider> makeCardProvider(std::string name, std::string baseUrl,
                                                  std::string secretKey);

} // namespace ticketing::payments
