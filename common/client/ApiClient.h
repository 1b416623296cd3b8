#pragma once

#include "client/Failure.h"
#include "domain/Availability.h"
#include "domain/Booking.h"
#include "domain/CheckIn.h"
#include "domain/Codec.h"
#include "domain/Event.h"
#include "domain/Payment.h"
#include "domain/Promo.h"
#include "domain/Report.h"
#include "domain/Shift.h"
#include "domain/User.h"
#include "domain/Venue.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <boost/json/value.hpp>
#include <deque>
#include <functional>
#include <optional>
#include <variant>

namespace ticketing::client {

// One thing a person asked for (a hold, "pay cash"): its Idempotency-Keys are made once, here,
// and sent with every retry, so that a dropped connection never sells twice. An action of
// several calls (a payment intent, then its confirmation) gives each step a key of its own,
// the same on every retry of that step. A new action (the next click) is a new UserAction.
class UserAction
{
public:
    UserAction() : m_key(QUuid::createUuid().toString(QUuid::WithoutBraces)) {}
    // The key of one step of the action ("hold", "intent", "confirm").
    QString key(QLatin1String step) const { return m_key + QLatin1Char('/') + step; }

private:
    QString m_key;
};

// What a call came to: the value read through common/domain's codec, or why not.
template <class T> using Outcome = std::variant<T, Failure>;
template <class T> bool succeeded(const Outcome<T>& o)
{
    return std::holds_alternative<T>(o);
}

// The apps' one way to ticketd (DESIGN.md "The apps"): typed calls over QNetworkAccessManager,
// bodies written and read by common/domain's codec (the wire contract the server uses too), the
// access token refreshed before it runs out (and once more on a 401), retries with back-off
// where that is safe (reads, and writes that carry an Idempotency-Key), and problems turned into
// messages a person can act on. Callbacks run on the client's thread; a call outlived by its
// receiver is dropped with it (pass the receiver as `context`).
class ApiClient : public QObject
{
    Q_OBJECT

public:
    enum class Connectivity
    {
        Online,       // the last call was answered
        Reconnecting, // retrying a call that got no answer
        Offline       // gave up on one: nothing answers
    };
    Q_ENUM(Connectivity)

    struct Options
    {
        int attempts = 6;                            // per call, the first one included
        std::chrono::milliseconds firstBackoff{250}; // doubled each time, at most 4 s
        std::chrono::milliseconds timeout{10000};    // per attempt
        // The access token is refreshed when it has less than this left.
        std::chrono::seconds refreshMargin{30};
    };

    // An answer as it came off the wire, before the client reads it: for diagnostics (the
    // tests check every one against docs/openapi.json). Calls with no answer are not given.
    struct WireAnswer
    {
        QByteArray method;
        QUrl url;
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    // One observer for every ApiClient of the process, called on the client's thread; set it
    // before the clients are made (empty: none).
    static void setWireObserver(std::function<void(const WireAnswer&)> observer);

    explicit ApiClient(QUrl server, QObject* parent = nullptr);
    ApiClient(QUrl server, Options options, QObject* parent = nullptr);

    QUrl server() const { return m_server; }
    Connectivity connectivity() const { return m_connectivity; }
    bool signedIn() const { return !m_access.isEmpty(); }
    const std::optional<domain::User>& user() const { return m_user; }
    QString refreshToken() const { return m_refresh; }

    // A raw call, for what has no typed call yet: `done(status, body)` with status 0 when no
    // answer came (after the retries), the failure already said.
    struct Call
    {
        QByteArray method = "GET";
        QString path; // "/api/v1/..."
        std::optional<boost::json::value> body;
        QString idempotencyKey; // empty: none
        bool authenticated = true;
        QByteArray accept = "application/json"; // "text/csv" for a report's CSV
        // Safe to send again without a key: the body makes repeats harmless (scans carry nonces).
        bool repeatable = false;
    };
    using Raw = std::function<void(int status, const QByteArray& body)>;
    void send(const Call& call, QObject* context, Raw done);

    // POST /auth/login, then every call is signed in.
    void signIn(const QString& email, const QString& password, QObject* context,
                std::function<void(const Outcome<domain::Tokens>&)> done);
    // Resumes a session from a refresh token kept from before (the keychain).
    void resume(const QString& refreshToken, QObject* context,
                std::function<void(const Outcome<domain::Tokens>&)> done);
    void signOut();

    // Published events on sale, by start; `text` searches the titles (GET /events?q=).
    void events(const QString& text, QObject* context,
                std::function<void(const Outcome<domain::Page<domain::Event>>&)> done);
    // Will-call (GET /bookings): by event, and text in the id, customer or e-mail.
    void searchBookings(const std::optional<domain::EventId>& event, const QString& text,
                        QObject* context,
                        std::function<void(const Outcome<domain::Page<domain::Booking>>&)> done);
    void event(const domain::EventId& id, QObject* context,
               std::function<void(const Outcome<domain::Event>&)> done);
    void venue(const domain::VenueId& id, QObject* context,
               std::function<void(const Outcome<domain::Venue>&)> done);
    // The organizer's events, every status (API.md "Events and tiers"), and their changes.
    void myEvents(QObject* context,
                  std::function<void(const Outcome<domain::Page<domain::Event>>&)> done);
    void createEvent(const domain::EventInput& event, QObject* context,
                     std::function<void(const Outcome<domain::Event>&)> done);
    void updateEvent(const domain::EventId& id, const domain::EventInput& event, QObject* context,
                     std::function<void(const Outcome<domain::Event>&)> done);
    void publishEvent(const domain::EventId& id, QObject* context,
                      std::function<void(const Outcome<domain::Event>&)> done);
    // Cancels the event; the server refunds every confirmed booking.
    void cancelEvent(const domain::EventId& id, QObject* context,
                     std::function<void(const Outcome<domain::Event>&)> done);
    // How many of the event's bookings are confirmed (those a cancellation refunds).
    void countConfirmedBookings(const domain::EventId& event, QObject* context,
                                std::function<void(const Outcome<int>&)> done);
    // API.md "Reports": JSON read through the codec, or the CSV as the server writes it.
    void report(const domain::EventId& event, domain::ReportInterval interval, QObject* context,
                std::function<void(const Outcome<domain::Report>&)> done);
    void settlement(const domain::EventId& event, QObject* context,
                    std::function<void(const Outcome<domain::Settlement>&)> done);
    void reportCsv(const domain::EventId& event, domain::ReportInterval interval, QObject* context,
                   std::function<void(const Outcome<QByteArray>&)> done);
    // API.md "Seat blocks".
    void seatBlocks(const domain::EventId& event, QObject* context,
                    std::function<void(const Outcome<domain::SeatBlocks>&)> done);
    void blockSeats(const domain::EventId& event, const domain::BlockRequest& request,
                    QObject* context, std::function<void(const Outcome<domain::SeatBlocks>&)> done);
    void unblockSeats(const domain::EventId& event, const domain::UnblockRequest& request,
                      QObject* context,
                      std::function<void(const Outcome<domain::SeatBlocks>&)> done);
    // The organizer's venues (API.md "Venues and seat maps"); a new one (201), or one replaced
    // (409 venue_in_use while a published event uses it).
    void venues(QObject* context,
                std::function<void(const Outcome<domain::Page<domain::Venue>>&)> done);
    void createVenue(const domain::VenueInput& venue, QObject* context,
                     std::function<void(const Outcome<domain::Venue>&)> done);
    void updateVenue(const domain::VenueId& id, const domain::VenueInput& venue, QObject* context,
                     std::function<void(const Outcome<domain::Venue>&)> done);
    void availability(const domain::EventId& event, QObject* context,
                      std::function<void(const Outcome<domain::Availability>&)> done);
    void hold(const domain::HoldRequest& request, const UserAction& action, QObject* context,
              std::function<void(const Outcome<domain::Booking>&)> done);
    void booking(const domain::BookingId& id, QObject* context,
                 std::function<void(const Outcome<domain::Booking>&)> done);
    // DELETE /bookings/{id}: a hold released; a confirmed booking cancelled under its event's
    // refund policy (the answer's refundMinor says how much went back).
    void release(const domain::BookingId& id, QObject* context,
                 std::function<void(const Outcome<domain::Booking>&)> done);
    void payIntent(const domain::IntentRequest& request, const UserAction& action, QObject* context,
                   std::function<void(const Outcome<domain::Payment>&)> done);
    // GET /payments/{id}: how a card payment at the terminal is going.
    void payment(const domain::PaymentId& id, QObject* context,
                 std::function<void(const Outcome<domain::Payment>&)> done);
    // POST /payments/{id}/cancel: a pending one (the terminal's card not presented after all).
    void cancelPayment(const domain::PaymentId& id, QObject* context,
                       std::function<void(const Outcome<domain::Payment>&)> done);
    void confirm(const domain::ConfirmRequest& request, const UserAction& action, QObject* context,
                 std::function<void(const Outcome<domain::Booking>&)> done);
    void currentShift(QObject* context, std::function<void(const Outcome<domain::Shift>&)> done);
    void shift(const domain::ShiftId& id, QObject* context,
               std::function<void(const Outcome<domain::Shift>&)> done);
    void openShift(const domain::ShiftOpening& opening, QObject* context,
                   std::function<void(const Outcome<domain::Shift>&)> done);
    void closeShift(const domain::ShiftId& id, const QString& countedCash, QObject* context,
                    std::function<void(const Outcome<domain::Shift>&)> done);

    // API.md "Check-in". A scanner signs in with its device token (it never expires and is
    // never refreshed; a removed device gets 401), after trading its one-time code for it.
    void useDeviceToken(const QString& token);
    void enrollDevice(const QString& enrollmentCode, QObject* context,
                      std::function<void(const Outcome<domain::EnrolledDevice>&)> done);
    void checkinBundle(const domain::EventId& event, std::optional<std::int64_t> since,
                       QObject* context, std::function<void(const Outcome<domain::Bundle>&)> done);
    void uploadScans(const domain::ScanBatch& batch, QObject* context,
                     std::function<void(const Outcome<domain::ScanResults>&)> done);
    void checkinStats(const domain::EventId& event, QObject* context,
                      std::function<void(const Outcome<domain::CheckInStats>&)> done);
    // The organizer's devices: added for a gate (with the code to show), listed, removed.
    void devices(QObject* context,
                 std::function<void(const Outcome<domain::Page<domain::Device>>&)> done);
    void addDevice(const domain::DeviceInput& device, QObject* context,
                   std::function<void(const Outcome<domain::DeviceEnrollment>&)> done);
    void removeDevice(const domain::DeviceId& id, QObject* context,
                      std::function<void(const Outcome<bool>&)> done);

    // API.md "Promo codes and group discounts": an event's codes with their uses (its
    // organizer's), made and deleted; and the price of a hold before it is made (the request's
    // seats, or tier and quantity, and its promo code), holding nothing.
    void promoCodes(const domain::EventId& event, QObject* context,
                    std::function<void(const Outcome<domain::Page<domain::PromoCodeView>>&)> done);
    void createPromoCode(const domain::EventId& event, const domain::PromoCodeInput& code,
                         QObject* context,
                         std::function<void(const Outcome<domain::PromoCodeView>&)> done);
    void deletePromoCode(const domain::EventId& event, const QString& code, QObject* context,
                         std::function<void(const Outcome<bool>&)> done);
    void quote(const domain::HoldRequest& request, QObject* context,
               std::function<void(const Outcome<domain::Quote>&)> done);

Q_SIGNALS:
    void connectivityChanged(ticketing::client::ApiClient::Connectivity connectivity);
    // The session ended (the refresh token was refused): sign in again.
    void signedOut();
    // New tokens (to keep the refresh token in the keychain).
    void tokensChanged();

private:
    struct Pending
    {
        Call call;
        QPointer<QObject> context;
        bool hasContext = false;
        Raw done;
        int attempt = 0;
        bool refreshed = false; // a 401 made us refresh once already
    };
    void start(std::shared_ptr<Pending> p);
    void attempt(std::shared_ptr<Pending> p);
    void finished(std::shared_ptr<Pending> p, int status, const QByteArray& body, bool network,
                  const QString& networkError);
    void retryLater(std::shared_ptr<Pending> p);
    // A call answered 204 when done: true, or what went wrong.
    void deleted(Call call, QObject* context, std::function<void(const Outcome<bool>&)> done);
    void setConnectivity(Connectivity c);
    void refreshThen(std::function<void(bool)> then);
    void takeTokens(const domain::Tokens& tokens);
    template <class T>
    void typed(const Call& call, QObject* context, std::function<void(const Outcome<T>&)> done,
               std::initializer_list<int> ok);

    QUrl m_server;
    Options m_options;
    QNetworkAccessManager m_net;
    Connectivity m_connectivity = Connectivity::Online;
    QString m_access;
    QString m_refresh;
    QDateTime m_accessExpires;
    std::optional<domain::User> m_user;
    bool m_refreshing = false;
    std::vector<std::function<void(bool)>> m_afterRefresh;
};

} // namespace ticketing::client
