#pragma once

#include "client/ApiClient.h"

#include <QObject>
#include <QTimer>
#include <vector>

namespace ticketing::client {

// Paying for a sale's holds at the counter, exactly once (issue 14): for each hold a payment
// intent and then the booking's confirmation, each step sent with its own Idempotency-Key
// (UserAction), the same on every retry. A step that gets no answer is not given up: the
// checkout waits and sends it again, with the same key, until the connection returns, so a
// payment in flight completes once, never twice. A card at the counter's terminal
// (`card_present`) is watched until the provider's answer has come through its webhook, however
// slow that is; the agent may cancel it while it waits.
class Checkout : public QObject
{
    Q_OBJECT

public:
    enum class Method
    {
        Cash,
        CardPresent
    };
    Q_ENUM(Method)
    enum class State
    {
        Idle,
        Paying,             // a step sent, its answer awaited
        WaitingForTerminal, // the card is to be presented; the provider's answer awaited
        WaitingForNetwork,  // no answer: the same step is sent again when the connection returns
        Done,
        Failed
    };
    Q_ENUM(State)

    struct Options
    {
        std::chrono::milliseconds poll{400};        // how often a terminal payment is looked at
        std::chrono::milliseconds slow{6000};       // a terminal answer later than this is "slow"
        std::chrono::milliseconds retryFirst{1000}; // after no answer; doubled, at most 8 s
    };

    explicit Checkout(ApiClient& api, QObject* parent = nullptr);
    Checkout(ApiClient& api, Options options, QObject* parent = nullptr);

    // Pays `holds` (a sale's bookings, held) by `method`. Not while another is under way.
    void start(std::vector<domain::Booking> holds, Method method);
    // A card payment waiting at the terminal is cancelled (at the provider too). Returns false
    // when nothing can be cancelled now.
    bool cancel();

    void setOptions(Options options) { m_options = options; }
    State state() const { return m_state; }
    bool busy() const
    {
        return m_state == State::Paying || m_state == State::WaitingForTerminal ||
               m_state == State::WaitingForNetwork;
    }
    Method method() const { return m_method; }
    // Bookings confirmed by this checkout so far (all of them once Done).
    const std::vector<domain::Booking>& confirmed() const { return m_confirmed; }
    // The payments taken, one per booking confirmed.
    const std::vector<domain::Payment>& payments() const { return m_payments; }
    // Holds not paid (after a failure: what is still in the cart).
    std::vector<domain::Booking> unpaid() const;

Q_SIGNALS:
    void stateChanged(ticketing::client::Checkout::State state);
    // What is happening, for a person ("Present the card at the terminal…").
    void progress(const QString& message);
    void finished();
    void failed(const ticketing::client::Failure& failure);

private:
    void next();
    void sendIntent();
    void poll();
    // A payment as the server answered it: confirmed when it went through, watched while it
    // waits at the terminal, a failure otherwise.
    void follow(const domain::Payment& payment);
    void sendConfirm();
    void setState(State s);
    // No answer: the same step again later, with the same key.
    void again(void (Checkout::*step)());
    void fail(const Failure& f);

    ApiClient& m_api;
    Options m_options;
    State m_state = State::Idle;
    Method m_method = Method::Cash;
    std::vector<domain::Booking> m_holds;
    std::size_t m_current = 0;
    UserAction m_action; // the current hold's
    std::optional<domain::Payment> m_payment;
    std::vector<domain::Booking> m_confirmed;
    std::vector<domain::Payment> m_payments;
    QTimer m_timer;
    std::chrono::milliseconds m_retry{0};
    QDateTime m_waitingSince;
    bool m_saidSlow = false;
    bool m_cancelling = false;
};

} // namespace ticketing::client
