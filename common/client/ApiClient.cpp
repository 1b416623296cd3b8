#include "client/ApiClient.h"

#include "domain/Codec.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace ticketing::client {

namespace {
QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string toStd(const QString& s)
{
    return s.toStdString();
}

// A call that may be sent again without doing anything twice: a read, a DELETE (the server
// answers a repeated release with the booking as it is), or a write with an Idempotency-Key.
// A read of `path`, signed in unless it is public.
ApiClient::Call read(const QString& path, bool authenticated = true)
{
    return {"GET", path, std::nullopt, {}, authenticated};
}

bool safeToRepeat(const ApiClient::Call& call)
{
    return call.method == "GET" || call.method == "PUT" || call.method == "DELETE" ||
           !call.idempotencyKey.isEmpty() || call.repeatable;
}
} // namespace

ApiClient::ApiClient(QUrl server, QObject* parent) : ApiClient(std::move(server), {}, parent) {}

ApiClient::ApiClient(QUrl server, Options options, QObject* parent)
    : QObject(parent), m_server(std::move(server)), m_options(options)
{
}

void ApiClient::setConnectivity(Connectivity c)
{
    if (c == m_connectivity)
        return;
    m_connectivity = c;
    Q_EMIT connectivityChanged(c);
}

void ApiClient::send(const Call& call, QObject* context, Raw done)
{
    auto p = std::make_shared<Pending>();
    p->call = call;
    p->context = context;
    p->hasContext = context != nullptr;
    p->done = std::move(done);
    start(std::move(p));
}

namespace {
std::function<void(const ApiClient::WireAnswer&)>& wireObserver()
{
    static std::function<void(const ApiClient::WireAnswer&)> observer;
    return observer;
}
} // namespace

void ApiClient::setWireObserver(std::function<void(const WireAnswer&)> observer)
{
    wireObserver() = std::move(observer);
}

void ApiClient::start(std::shared_ptr<Pending> p)
{
    // The access token is refreshed a little before it runs out, not after a refusal.
    if (p->call.authenticated && !m_refresh.isEmpty() &&
        (m_access.isEmpty() || QDateTime::currentDateTimeUtc().secsTo(m_accessExpires) <
                                   m_options.refreshMargin.count())) {
        refreshThen([this, p](bool ok) {
            if (!ok)
                return finished(p, 401,
                                QByteArrayLiteral(R"({"code":"token_expired","status":401})"),
                                false, {});
            attempt(p);
        });
        return;
    }
    attempt(std::move(p));
}

void ApiClient::attempt(std::shared_ptr<Pending> p)
{
    if (p->hasContext && !p->context)
        return; // its receiver is gone
    ++p->attempt;
    QNetworkRequest request(m_server.resolved(QUrl(p->call.path)));
    request.setTransferTimeout(static_cast<int>(m_options.timeout.count()));
    request.setRawHeader("Accept", p->call.accept);
    if (p->call.authenticated && !m_access.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_access.toUtf8());
    if (!p->call.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", p->call.idempotencyKey.toUtf8());
    QByteArray body;
    if (p->call.body) {
        body = QByteArray::fromStdString(boost::json::serialize(*p->call.body));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    }
    auto* reply = m_net.sendCustomRequest(request, p->call.method, body);
    connect(reply, &QNetworkReply::finished, this, [this, p, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // An HTTP error status is an answer; no status at all is no answer.
        const bool network = status == 0;
        // A connection cut before any answer leaves the reply closed: nothing to read.
        const auto answer = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status != 0 && wireObserver())
            wireObserver()(
                WireAnswer{p->call.method, reply->url(), status, reply->rawHeaderPairs(), answer});
        finished(p, status, answer, network, reply->errorString());
    });
}

void ApiClient::finished(std::shared_ptr<Pending> p, int status, const QByteArray& body,
                         bool network, const QString& networkError)
{
    if (p->hasContext && !p->context)
        return;
    const bool busy = status == 502 || status == 503 || status == 504 ||
                      (status == 409 && body.contains("idempotency_key_in_flight"));
    if ((network || busy) && safeToRepeat(p->call) && p->attempt < m_options.attempts) {
        if (network)
            setConnectivity(Connectivity::Reconnecting);
        return retryLater(p);
    }
    if (network) {
        setConnectivity(Connectivity::Offline);
        p->done(0, networkError.toUtf8());
        return;
    }
    setConnectivity(Connectivity::Online);
    // A token refused (expired early, or the server restarted with another key): refresh once.
    if (status == 401 && p->call.authenticated && !p->refreshed && !m_refresh.isEmpty()) {
        p->refreshed = true;
        m_access.clear();
        refreshThen([this, p](bool ok) {
            if (!ok)
                return p->done(401, QByteArrayLiteral(R"({"code":"token_expired","status":401})"));
            p->attempt = 0;
            attempt(p);
        });
        return;
    }
    p->done(status, body);
}

void ApiClient::retryLater(std::shared_ptr<Pending> p)
{
    auto wait = m_options.firstBackoff * (1 << std::min(p->attempt - 1, 4));
    wait = std::min<std::chrono::milliseconds>(wait, std::chrono::milliseconds(4000));
    QTimer::singleShot(wait, this, [this, p] { attempt(p); });
}

void ApiClient::refreshThen(std::function<void(bool)> then)
{
    m_afterRefresh.push_back(std::move(then));
    if (m_refreshing)
        return;
    m_refreshing = true;
    Call call{"POST",
              QStringLiteral("/api/v1/auth/refresh"),
              boost::json::object{{"refresh_token", toStd(m_refresh)}},
              {},
              false};
    send(call, this, [this](int status, const QByteArray& body) {
        bool ok = false;
        if (status == 200) {
            auto tokens = domain::decodeText<domain::Tokens>(body.toStdString());
            if (tokens.ok()) {
                takeTokens(*tokens);
                ok = true;
            }
        }
        m_refreshing = false;
        auto waiting = std::move(m_afterRefresh);
        m_afterRefresh.clear();
        if (!ok && status != 0) { // refused (not unreachable): the session is over
            m_access.clear();
            m_refresh.clear();
            m_user.reset();
            Q_EMIT signedOut();
        }
        for (auto& w : waiting)
            w(ok);
    });
}

void ApiClient::takeTokens(const domain::Tokens& tokens)
{
    m_access = fromStd(tokens.accessToken);
    m_refresh = fromStd(tokens.refreshToken);
    m_accessExpires = QDateTime::currentDateTimeUtc().addSecs(tokens.expiresIn);
    m_user = tokens.user;
    Q_EMIT tokensChanged();
}

template <class T>
void ApiClient::typed(const Call& call, QObject* context,
                      std::function<void(const Outcome<T>&)> done, std::initializer_list<int> ok)
{
    const std::vector<int> expected(ok);
    send(call, context, [this, done, expected](int status, const QByteArray& body) {
        if (status == 0) // the body is then the transport's error
            return done(Failure::network(QString::fromUtf8(body)));
        if (std::find(expected.begin(), expected.end(), status) == expected.end())
            return done(Failure::fromProblem(status, body));
        auto value = domain::decodeText<T>(body.toStdString());
        if (!value.ok()) {
            QStringList why;
            for (const auto& e : value.error())
                why << fromStd(e.field) + QStringLiteral(": ") + fromStd(e.message);
            return done(Failure::unreadable(status, why.join(QStringLiteral("; "))));
        }
        done(std::move(value).value());
    });
}

void ApiClient::signIn(const QString& email, const QString& password, QObject* context,
                       std::function<void(const Outcome<domain::Tokens>&)> done)
{
    typed<domain::Tokens>(
        {"POST",
         QStringLiteral("/api/v1/auth/login"),
         boost::json::object{{"email", toStd(email)}, {"password", toStd(password)}},
         {},
         false},
        context,
        [this, done](const Outcome<domain::Tokens>& o) {
            if (const auto* t = std::get_if<domain::Tokens>(&o))
                takeTokens(*t);
            done(o);
        },
        {200});
}

void ApiClient::resume(const QString& refreshToken, QObject* context,
                       std::function<void(const Outcome<domain::Tokens>&)> done)
{
    typed<domain::Tokens>({"POST",
                           QStringLiteral("/api/v1/auth/refresh"),
                           boost::json::object{{"refresh_token", toStd(refreshToken)}},
                           {},
                           false},
                          context,
                          [this, done](const Outcome<domain::Tokens>& o) {
                              if (const auto* t = std::get_if<domain::Tokens>(&o))
                                  takeTokens(*t);
                              done(o);
                          },
                          {200});
}

void ApiClient::signOut()
{
    m_access.clear();
    m_refresh.clear();
    m_user.reset();
    Q_EMIT signedOut();
}

void ApiClient::events(const QString& text, QObject* context,
                       std::function<void(const Outcome<domain::Page<domain::Event>>&)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    if (!text.isEmpty())
        query.addQueryItem(QStringLiteral("q"), text);
    typed<domain::Page<domain::Event>>(
        read(QStringLiteral("/api/v1/events?") + query.toString(QUrl::FullyEncoded), signedIn()),
        context, std::move(done), {200});
}

void ApiClient::searchBookings(
    const std::optional<domain::EventId>& event, const QString& text, QObject* context,
    std::function<void(const Outcome<domain::Page<domain::Booking>>&)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    if (event)
        query.addQueryItem(QStringLiteral("event_id"), fromStd(event->toString()));
    if (!text.isEmpty())
        query.addQueryItem(QStringLiteral("q"), text);
    typed<domain::Page<domain::Booking>>(
        read(QStringLiteral("/api/v1/bookings?") + query.toString(QUrl::FullyEncoded)), context,
        std::move(done), {200});
}

void ApiClient::event(const domain::EventId& id, QObject* context,
                      std::function<void(const Outcome<domain::Event>&)> done)
{
    typed<domain::Event>(read(QStringLiteral("/api/v1/events/%1").arg(fromStd(id.toString()))),
                         context, std::move(done), {200});
}
void ApiClient::venue(const domain::VenueId& id, QObject* context,
                      std::function<void(const Outcome<domain::Venue>&)> done)
{
    typed<domain::Venue>(
        read(QStringLiteral("/api/v1/venues/%1").arg(fromStd(id.toString())), false), context,
        std::move(done), {200});
}

void ApiClient::myEvents(QObject* context,
                         std::function<void(const Outcome<domain::Page<domain::Event>>&)> done)
{
    typed<domain::Page<domain::Event>>(read(QStringLiteral("/api/v1/events?mine=true&limit=100")),
                                       context, std::move(done), {200});
}

void ApiClient::createEvent(const domain::EventInput& event, QObject* context,
                            std::function<void(const Outcome<domain::Event>&)> done)
{
    typed<domain::Event>(
        {"POST", QStringLiteral("/api/v1/events"), domain::encode(event), {}, true}, context,
        std::move(done), {201});
}

void ApiClient::updateEvent(const domain::EventId& id, const domain::EventInput& event,
                            QObject* context,
                            std::function<void(const Outcome<domain::Event>&)> done)
{
    typed<domain::Event>({"PUT",
                          QStringLiteral("/api/v1/events/%1").arg(fromStd(id.toString())),
                          domain::encode(event),
                          {},
                          true},
                         context, std::move(done), {200});
}

void ApiClient::publishEvent(const domain::EventId& id, QObject* context,
                             std::function<void(const Outcome<domain::Event>&)> done)
{
    typed<domain::Event>({"POST",
                          QStringLiteral("/api/v1/events/%1/publish").arg(fromStd(id.toString())),
                          boost::json::object{},
                          {},
                          true},
                         context, std::move(done), {200});
}

void ApiClient::cancelEvent(const domain::EventId& id, QObject* context,
                            std::function<void(const Outcome<domain::Event>&)> done)
{
    typed<domain::Event>(
        {"DELETE", QStringLiteral("/api/v1/events/%1").arg(fromStd(id.toString())), {}, {}, true},
        context, std::move(done), {200});
}

void ApiClient::countConfirmedBookings(const domain::EventId& event, QObject* context,
                                       std::function<void(const Outcome<int>&)> done)
{
    // Page by page: a cancellation's confirmation says how many will be refunded.
    auto count = std::make_shared<std::function<void(QString, int)>>();
    *count = [this, event, context, done, count](const QString& cursor, int sofar) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        query.addQueryItem(QStringLiteral("event_id"), fromStd(event.toString()));
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("confirmed"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        typed<domain::Page<domain::Booking>>(
            read(QStringLiteral("/api/v1/bookings?") + query.toString(QUrl::FullyEncoded)), context,
            [done, count, sofar](const Outcome<domain::Page<domain::Booking>>& o) {
                if (const auto* f = std::get_if<Failure>(&o))
                    return done(*f);
                const auto& page = std::get<domain::Page<domain::Booking>>(o);
                const int total = sofar + static_cast<int>(page.items.size());
                if (page.nextCursor)
                    return (*count)(fromStd(*page.nextCursor), total);
                done(total);
                *count = nullptr; // the chain ends
            },
            {200});
    };
    (*count)({}, 0);
}

namespace {
QString reportPath(const domain::EventId& event, domain::ReportInterval interval)
{
    return QStringLiteral("/api/v1/events/%1/report?interval=%2")
        .arg(fromStd(event.toString()), interval == domain::ReportInterval::Hour
                                            ? QStringLiteral("hour")
                                            : QStringLiteral("day"));
}
} // namespace

void ApiClient::report(const domain::EventId& event, domain::ReportInterval interval,
                       QObject* context, std::function<void(const Outcome<domain::Report>&)> done)
{
    typed<domain::Report>(read(reportPath(event, interval)), context, std::move(done), {200});
}

void ApiClient::settlement(const domain::EventId& event, QObject* context,
                           std::function<void(const Outcome<domain::Settlement>&)> done)
{
    typed<domain::Settlement>(
        read(QStringLiteral("/api/v1/events/%1/settlement").arg(fromStd(event.toString()))),
        context, std::move(done), {200});
}

void ApiClient::reportCsv(const domain::EventId& event, domain::ReportInterval interval,
                          QObject* context, std::function<void(const Outcome<QByteArray>&)> done)
{
    auto call = read(reportPath(event, interval));
    call.accept = "text/csv";
    send(call, context, [done](int status, const QByteArray& body) {
        if (status == 0)
            return done(Failure::network(QString::fromUtf8(body)));
        if (status != 200)
            return done(Failure::fromProblem(status, body));
        done(body);
    });
}

void ApiClient::seatBlocks(const domain::EventId& event, QObject* context,
                           std::function<void(const Outcome<domain::SeatBlocks>&)> done)
{
    typed<domain::SeatBlocks>(
        read(QStringLiteral("/api/v1/events/%1/blocks").arg(fromStd(event.toString()))), context,
        std::move(done), {200});
}

void ApiClient::blockSeats(const domain::EventId& event, const domain::BlockRequest& request,
                           QObject* context,
                           std::function<void(const Outcome<domain::SeatBlocks>&)> done)
{
    // A POST without a key is not sent again on its own; blocking the same seats again changes
    // nothing but their reason, so the organizer may simply try again.
    typed<domain::SeatBlocks>(
        {"POST",
         QStringLiteral("/api/v1/events/%1/blocks").arg(fromStd(event.toString())),
         domain::encode(request),
         {},
         true},
        context, std::move(done), {200});
}

void ApiClient::unblockSeats(const domain::EventId& event, const domain::UnblockRequest& request,
                             QObject* context,
                             std::function<void(const Outcome<domain::SeatBlocks>&)> done)
{
    typed<domain::SeatBlocks>(
        {"DELETE",
         QStringLiteral("/api/v1/events/%1/blocks").arg(fromStd(event.toString())),
         domain::encode(request),
         {},
         true},
        context, std::move(done), {200});
}

void ApiClient::venues(QObject* context,
                       std::function<void(const Outcome<domain::Page<domain::Venue>>&)> done)
{
    typed<domain::Page<domain::Venue>>(read(QStringLiteral("/api/v1/venues?limit=100")), context,
                                       std::move(done), {200});
}

void ApiClient::createVenue(const domain::VenueInput& venue, QObject* context,
                            std::function<void(const Outcome<domain::Venue>&)> done)
{
    typed<domain::Venue>(
        {"POST", QStringLiteral("/api/v1/venues"), domain::encode(venue), {}, true}, context,
        std::move(done), {201});
}

void ApiClient::updateVenue(const domain::VenueId& id, const domain::VenueInput& venue,
                            QObject* context,
                            std::function<void(const Outcome<domain::Venue>&)> done)
{
    // PUT replaces the whole venue: sending it again changes nothing, so a retry is safe.
    typed<domain::Venue>({"PUT",
                          QStringLiteral("/api/v1/venues/%1").arg(fromStd(id.toString())),
                          domain::encode(venue),
                          {},
                          true},
                         context, std::move(done), {200});
}

void ApiClient::availability(const domain::EventId& event, QObject* context,
                             std::function<void(const Outcome<domain::Availability>&)> done)
{
    typed<domain::Availability>(
        read(QStringLiteral("/api/v1/events/%1/availability").arg(fromStd(event.toString())),
             false),
        context, std::move(done), {200});
}

void ApiClient::hold(const domain::HoldRequest& request, const UserAction& action, QObject* context,
                     std::function<void(const Outcome<domain::Booking>&)> done)
{
    typed<domain::Booking>({"POST", QStringLiteral("/api/v1/bookings/hold"),
                            domain::encode(request), action.key(QLatin1String("hold")), true},
                           context, std::move(done), {201});
}

void ApiClient::booking(const domain::BookingId& id, QObject* context,
                        std::function<void(const Outcome<domain::Booking>&)> done)
{
    typed<domain::Booking>(read(QStringLiteral("/api/v1/bookings/%1").arg(fromStd(id.toString()))),
                           context, std::move(done), {200});
}

void ApiClient::release(const domain::BookingId& id, QObject* context,
                        std::function<void(const Outcome<domain::Booking>&)> done)
{
    typed<domain::Booking>({"DELETE",
                            QStringLiteral("/api/v1/bookings/%1").arg(fromStd(id.toString())),
                            std::nullopt,
                            {},
                            true},
                           context, std::move(done), {200});
}

void ApiClient::payIntent(const domain::IntentRequest& request, const UserAction& action,
                          QObject* context,
                          std::function<void(const Outcome<domain::Payment>&)> done)
{
    typed<domain::Payment>({"POST", QStringLiteral("/api/v1/payments/intent"),
                            domain::encode(request), action.key(QLatin1String("intent")), true},
                           context, std::move(done), {200, 201});
}

void ApiClient::payment(const domain::PaymentId& id, QObject* context,
                        std::function<void(const Outcome<domain::Payment>&)> done)
{
    typed<domain::Payment>(read(QStringLiteral("/api/v1/payments/%1").arg(fromStd(id.toString()))),
                           context, std::move(done), {200});
}
void ApiClient::cancelPayment(const domain::PaymentId& id, QObject* context,
                              std::function<void(const Outcome<domain::Payment>&)> done)
{
    // Keyed so that it may be retried: a retry of a cancel that went through answers 409
    // not_cancellable, which Checkout reads as "watch on" (the next look finds it cancelled).
    typed<domain::Payment>(
        {"POST", QStringLiteral("/api/v1/payments/%1/cancel").arg(fromStd(id.toString())),
         boost::json::object{}, QUuid::createUuid().toString(QUuid::WithoutBraces), true},
        context, std::move(done), {200});
}
void ApiClient::confirm(const domain::ConfirmRequest& request, const UserAction& action,
                        QObject* context, std::function<void(const Outcome<domain::Booking>&)> done)
{
    typed<domain::Booking>({"POST", QStringLiteral("/api/v1/bookings/confirm"),
                            domain::encode(request), action.key(QLatin1String("confirm")), true},
                           context, std::move(done), {200});
}

void ApiClient::currentShift(QObject* context,
                             std::function<void(const Outcome<domain::Shift>&)> done)
{
    typed<domain::Shift>(read(QStringLiteral("/api/v1/boxoffice/shifts/current")), context,
                         std::move(done), {200});
}

void ApiClient::shift(const domain::ShiftId& id, QObject* context,
                      std::function<void(const Outcome<domain::Shift>&)> done)
{
    typed<domain::Shift>(
        read(QStringLiteral("/api/v1/boxoffice/shifts/%1").arg(fromStd(id.toString()))), context,
        std::move(done), {200});
}
void ApiClient::openShift(const domain::ShiftOpening& opening, QObject* context,
                          std::function<void(const Outcome<domain::Shift>&)> done)
{
    // Not keyed (the API takes none): a repeat finds the open shift (409 shift_already_open).
    typed<domain::Shift>(
        {"POST", QStringLiteral("/api/v1/boxoffice/shifts"), domain::encode(opening), {}, true},
        context, std::move(done), {201});
}

void ApiClient::closeShift(const domain::ShiftId& id, const QString& countedCash, QObject* context,
                           std::function<void(const Outcome<domain::Shift>&)> done)
{
    typed<domain::Shift>(
        {"POST",
         QStringLiteral("/api/v1/boxoffice/shifts/%1/close").arg(fromStd(id.toString())),
         boost::json::object{{"counted_cash", toStd(countedCash)}},
         {},
         true},
        context, std::move(done), {200});
}

void ApiClient::useDeviceToken(const QString& token)
{
    m_access = token;
    m_refresh.clear();
    m_accessExpires = {};
    m_user.reset();
}

void ApiClient::enrollDevice(const QString& enrollmentCode, QObject* context,
                             std::function<void(const Outcome<domain::EnrolledDevice>&)> done)
{
    typed<domain::EnrolledDevice>({"POST",
                                   QStringLiteral("/api/v1/checkin/devices/enroll"),
                                   domain::encode(domain::EnrollRequest{toStd(enrollmentCode)}),
                                   {},
                                   false},
                                  context, std::move(done), {200});
}

void ApiClient::checkinBundle(const domain::EventId& event, std::optional<std::int64_t> since,
                              QObject* context,
                              std::function<void(const Outcome<domain::Bundle>&)> done)
{
    auto path = QStringLiteral("/api/v1/events/%1/checkin/bundle").arg(fromStd(event.toString()));
    if (since)
        path += QStringLiteral("?since=%1").arg(*since);
    typed<domain::Bundle>(read(path), context, std::move(done), {200});
}

void ApiClient::uploadScans(const domain::ScanBatch& batch, QObject* context,
                            std::function<void(const Outcome<domain::ScanResults>&)> done)
{
    // Each scan carries its nonce: sending a batch again records nothing twice, so the call is
    // safe to repeat (the nonces are its idempotency).
    Call call{"POST", QStringLiteral("/api/v1/checkin/scans"), domain::encode(batch), {}, true};
    call.repeatable = true;
    typed<domain::ScanResults>(call, context, std::move(done), {200});
}

void ApiClient::checkinStats(const domain::EventId& event, QObject* context,
                             std::function<void(const Outcome<domain::CheckInStats>&)> done)
{
    typed<domain::CheckInStats>(
        read(QStringLiteral("/api/v1/events/%1/checkin/stats").arg(fromStd(event.toString()))),
        context, std::move(done), {200});
}

void ApiClient::devices(QObject* context,
                        std::function<void(const Outcome<domain::Page<domain::Device>>&)> done)
{
    typed<domain::Page<domain::Device>>(read(QStringLiteral("/api/v1/checkin/devices")), context,
                                        std::move(done), {200});
}

void ApiClient::addDevice(const domain::DeviceInput& device, QObject* context,
                          std::function<void(const Outcome<domain::DeviceEnrollment>&)> done)
{
    typed<domain::DeviceEnrollment>(
        {"POST", QStringLiteral("/api/v1/checkin/devices"), domain::encode(device), {}, true},
        context, std::move(done), {201});
}

void ApiClient::deleted(Call call, QObject* context, std::function<void(const Outcome<bool>&)> done)
{
    send(std::move(call), context, [done = std::move(done)](int status, const QByteArray& body) {
        if (status == 204)
            return done(true);
        done(status == 0 ? Failure::network(QString::fromUtf8(body))
                         : Failure::fromProblem(status, body));
    });
}

void ApiClient::promoCodes(
    const domain::EventId& event, QObject* context,
    std::function<void(const Outcome<domain::Page<domain::PromoCodeView>>&)> done)
{
    typed<domain::Page<domain::PromoCodeView>>(
        read(QStringLiteral("/api/v1/events/%1/promo-codes").arg(fromStd(event.toString()))),
        context, std::move(done), {200});
}

void ApiClient::createPromoCode(const domain::EventId& event, const domain::PromoCodeInput& code,
                                QObject* context,
                                std::function<void(const Outcome<domain::PromoCodeView>&)> done)
{
    typed<domain::PromoCodeView>(
        {"POST",
         QStringLiteral("/api/v1/events/%1/promo-codes").arg(fromStd(event.toString())),
         domain::encode(code),
         {},
         true},
        context, std::move(done), {201});
}

void ApiClient::deletePromoCode(const domain::EventId& event, const QString& code, QObject* context,
                                std::function<void(const Outcome<bool>&)> done)
{
    deleted(
        {"DELETE",
         QStringLiteral("/api/v1/events/%1/promo-codes/%2")
             .arg(fromStd(event.toString()), QString::fromLatin1(QUrl::toPercentEncoding(code))),
         {},
         {},
         true},
        context, std::move(done));
}

void ApiClient::quote(const domain::HoldRequest& request, QObject* context,
                      std::function<void(const Outcome<domain::Quote>&)> done)
{
    QUrlQuery query;
    if (!request.seats.empty()) {
        QStringList seats;
        for (const auto& seat : request.seats)
            seats << fromStd(seat.toString());
        query.addQueryItem(QStringLiteral("seat_ids"), seats.join(QLatin1Char(',')));
    }
    if (request.tier) {
        query.addQueryItem(QStringLiteral("ticket_tier_id"), fromStd(request.tier->toString()));
        query.addQueryItem(QStringLiteral("quantity"), QString::number(request.quantity));
    }
    if (request.promoCode && !request.promoCode->empty())
        query.addQueryItem(QStringLiteral("promo_code"), fromStd(*request.promoCode));
    typed<domain::Quote>(
        read(QStringLiteral("/api/v1/events/%1/quote?").arg(fromStd(request.event.toString())) +
                 query.toString(QUrl::FullyEncoded),
             signedIn()),
        context, std::move(done), {200});
}

void ApiClient::removeDevice(const domain::DeviceId& id, QObject* context,
                             std::function<void(const Outcome<bool>&)> done)
{
    deleted({"DELETE",
             QStringLiteral("/api/v1/checkin/devices/%1").arg(fromStd(id.toString())),
             {},
             {},
             true},
            context, std::move(done));
}

} // namespace ticketing::client
