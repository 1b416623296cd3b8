#include "client/Checkout.h"

#include "client/Display.h"

namespace ticketing::client {

namespace {
bool noAnswer(const Failure& f)
{
    return f.status == 0 || f.transient;
}

// A payment that did not go through, said as the API's problems are (its message translated).
Failure refusal(const std::string& code, int status)
{
    return Failure::fromProblem(
        status, QByteArrayLiteral(R"({"code":")") + QByteArray::fromStdString(code) +
                    QByteArrayLiteral(R"(","status":)") + QByteArray::number(status) + '}');
}

} // namespace

Checkout::Checkout(ApiClient& api, QObject* parent) : Checkout(api, Options{}, parent) {}

Checkout::Checkout(ApiClient& api, Options options, QObject* parent)
    : QObject(parent), m_api(api), m_options(options)
{
    m_timer.setSingleShot(true);
}

std::vector<domain::Booking> Checkout::unpaid() const
{
    if (m_current >= m_holds.size())
        return {};
    return {m_holds.begin() + static_cast<std::ptrdiff_t>(m_current), m_holds.end()};
}

void Checkout::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void Checkout::start(std::vector<domain::Booking> holds, Method method)
{
    if (busy())
        return;
    m_holds = std::move(holds);
    m_method = method;
    m_current = 0;
    m_confirmed.clear();
    m_payments.clear();
    next();
}

void Checkout::next()
{
    m_timer.stop();
    if (m_current >= m_holds.size()) {
        setState(State::Done);
        Q_EMIT finished();
        return;
    }
    m_action = UserAction(); // each hold's payment is a step of its own
    m_payment.reset();
    m_retry = std::chrono::milliseconds(0);
    m_saidSlow = false;
    m_cancelling = false;
    sendIntent();
}

void Checkout::fail(const Failure& f)
{
    m_timer.stop();
    setState(State::Failed);
    Q_EMIT failed(f);
}

void Checkout::again(void (Checkout::*step)())
{
    setState(State::WaitingForNetwork);
    Q_EMIT progress(tr("No answer from the server. The payment goes on by itself when the "
                       "connection is back; it will not be taken twice."));
    m_retry = m_retry.count() == 0 ? m_options.retryFirst
                                   : std::min(m_retry * 2, std::chrono::milliseconds(8000));
    m_timer.disconnect();
    connect(&m_timer, &QTimer::timeout, this, [this, step] { (this->*step)(); });
    m_timer.start(m_retry);
}

void Checkout::sendIntent()
{
    setState(State::Paying);
    const auto& hold = m_holds[m_current];
    Q_EMIT progress(m_method == Method::Cash ? tr("Recording the cash payment…")
                                             : tr("Starting the payment at the terminal…"));
    m_api.payIntent({hold.id, m_method == Method::Cash ? "cash" : "card_present"}, m_action, this,
                    [this](const Outcome<domain::Payment>& o) {
                        if (const auto* f = std::get_if<Failure>(&o))
                            return noAnswer(*f) ? again(&Checkout::sendIntent) : fail(*f);
                        m_waitingSince = {}; // a terminal payment's wait starts here
                        follow(std::get<domain::Payment>(o));
                    });
}

void Checkout::poll()
{
    if (!m_payment)
        return;
    m_api.payment(m_payment->id, this, [this](const Outcome<domain::Payment>& o) {
        if (m_state == State::Failed || m_state == State::Done)
            return;
        if (const auto* f = std::get_if<Failure>(&o))
            return noAnswer(*f) ? again(&Checkout::poll) : fail(*f);
        follow(std::get<domain::Payment>(o));
    });
}

void Checkout::follow(const domain::Payment& payment)
{
    m_retry = std::chrono::milliseconds(0);
    m_payment = payment;
    switch (payment.status) {
    case domain::PaymentStatus::Succeeded:
        return sendConfirm();
    case domain::PaymentStatus::Pending: {
        setState(State::WaitingForTerminal);
        const auto now = QDateTime::currentDateTimeUtc();
        if (!m_waitingSince.isValid()) {
            m_waitingSince = now;
            Q_EMIT progress(tr("Present the card at the terminal: %1.")
                                .arg(moneyText(payment.amountMinor, payment.currency)));
        } else if (!m_saidSlow && m_waitingSince.msecsTo(now) > m_options.slow.count()) {
            m_saidSlow = true;
            Q_EMIT progress(tr("Still waiting for the card provider's answer. The sale "
                               "completes as soon as it comes; nothing is charged twice."));
        }
        m_timer.disconnect();
        connect(&m_timer, &QTimer::timeout, this, &Checkout::poll);
        m_timer.start(m_options.poll);
        return;
    }
    case domain::PaymentStatus::Cancelled:
        return fail(refusal("payment_cancelled", 409));
    default: // failed (or refunded meanwhile): the provider's reason
        return fail(refusal(payment.failureCode.value_or("payment_failed"), 402));
    }
}

bool Checkout::cancel()
{
    if (m_state != State::WaitingForTerminal || !m_payment || m_cancelling)
        return false;
    m_cancelling = true;
    Q_EMIT progress(tr("Cancelling the payment at the terminal…"));
    // A payment that went through meanwhile cannot be cancelled (409 not_cancellable): the
    // watching goes on and the sale completes.
    m_api.cancelPayment(m_payment->id, this, [this](const Outcome<domain::Payment>& o) {
        m_cancelling = false;
        if (const auto* p = std::get_if<domain::Payment>(&o);
            p && p->status == domain::PaymentStatus::Cancelled) {
            m_payment = *p;
            fail(refusal("payment_cancelled", 409));
        }
    });
    return true;
}

void Checkout::sendConfirm()
{
    m_timer.stop();
    setState(State::Paying);
    Q_EMIT progress(tr("Paid. Issuing the tickets…"));
    const auto& hold = m_holds[m_current];
    m_api.confirm({hold.id, m_payment->id}, m_action, this,
                  [this](const Outcome<domain::Booking>& o) {
                      if (const auto* f = std::get_if<Failure>(&o))
                          return noAnswer(*f) ? again(&Checkout::sendConfirm) : fail(*f);
                      m_retry = std::chrono::milliseconds(0);
                      m_confirmed.push_back(std::get<domain::Booking>(o));
                      m_payments.push_back(*m_payment);
                      ++m_current;
                      next();
                  });
}

} // namespace ticketing::client
