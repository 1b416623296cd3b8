#include "apps/gatescanner/Scanner.h"

#include "client/Enrollment.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QTimeZone>

namespace ticketing::gate {

namespace {
Scanner* g_instance = nullptr;

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QDateTime local(domain::Clock::TimePoint t)
{
    return QDateTime::fromMSecsSinceEpoch(
               std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count(),
               QTimeZone::utc())
        .toLocalTime();
}
} // namespace

Scanner::Scanner(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_server(m_options.defaultServer.toString())
{
    m_resultTimer.setSingleShot(true);
    connect(&m_resultTimer, &QTimer::timeout, this, &Scanner::dismissResult);
    // From the decoder's thread: queued to this one.
    connect(&m_decoder, &FrameDecoder::decoded, this, &Scanner::codeRead);
}

Scanner::~Scanner()
{
    if (g_instance == this)
        g_instance = nullptr;
}

void Scanner::setInstance(Scanner* scanner)
{
    g_instance = scanner;
}

Scanner* Scanner::create(QQmlEngine*, QJSEngine*)
{
    // The engine must not take it: main() owns it.
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

bool Scanner::start(QString* error)
{
    m_store =
        OfflineStore::open(QDir(m_options.dataDir).filePath(QStringLiteral("gate.db")), error);
    if (!m_store)
        return false;
    m_token =
        new DeviceToken(QDir(m_options.dataDir).filePath(QStringLiteral("device-token")), this);
    const auto device = m_store->device();
    if (!device) {
        setScreen(Screen::Enroll);
        return true;
    }
    m_server = device->server;
    Q_EMIT serverChanged();
    Q_EMIT deviceChanged();
    setBusy(true);
    m_token->read(device->id, [this](std::optional<QString> token) {
        setBusy(false);
        if (!token) {
            setMessage(tr("This scanner's key is gone (the keychain was reset). Enroll it again "
                          "with a new code from the organizer."));
            setScreen(Screen::Enroll);
            return;
        }
        signedIn(*token);
    });
    return true;
}

void Scanner::signedIn(const QString& token)
{
    client::ApiClient::Options once; // the gate retries in its own rhythm
    once.attempts = 1;
    once.timeout = std::chrono::seconds(10);
    m_api = std::make_unique<client::ApiClient>(QUrl(m_server), once);
    m_api->useDeviceToken(token);
    Q_EMIT deviceChanged();
    if (m_store->event()) {
        startGate();
        setScreen(Screen::Scan);
    } else {
        setScreen(Screen::ChooseEvent);
        reloadEvents();
    }
}

void Scanner::setScreen(Screen s)
{
    if (s == m_screen)
        return;
    m_screen = s;
    Q_EMIT screenChanged();
}

void Scanner::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void Scanner::setMessage(const QString& message)
{
    if (message == m_message)
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

void Scanner::setServer(const QString& server)
{
    if (server == m_server)
        return;
    m_server = server;
    Q_EMIT serverChanged();
}

QString Scanner::deviceName() const
{
    const auto d = m_store ? m_store->device() : std::nullopt;
    return d ? d->name : QString();
}

QString Scanner::gateName() const
{
    const auto d = m_store ? m_store->device() : std::nullopt;
    return d ? d->gate : QString();
}

QString Scanner::tokenWhere() const
{
    if (!m_token)
        return {};
    switch (m_token->where()) {
    case DeviceToken::Where::Keychain:
        return tr("Its key is in the system keychain.");
    case DeviceToken::Where::File:
        return tr("No keychain here: its key is in a file only this account can read.");
    case DeviceToken::Where::Nowhere:
        break;
    }
    return {};
}

QString Scanner::eventTitle() const
{
    return m_store ? m_store->eventTitle() : QString();
}

void Scanner::setExitMode(bool exit)
{
    if (exit == m_exit)
        return;
    m_exit = exit;
    Q_EMIT exitModeChanged();
}

bool Scanner::online() const
{
    return !m_gate || m_gate->online();
}

int Scanner::waiting() const
{
    return m_store ? m_store->waiting() : 0;
}

QString Scanner::statusText() const
{
    if (online())
        return waiting() > 0 ? tr("Online: %n scan(s) to upload", "", waiting()) : tr("Online");
    return tr("Offline: deciding here, %n scan(s) waiting", "", waiting());
}

qint64 Scanner::admittedHere() const
{
    return m_store ? m_store->admittedHere() : 0;
}

qint64 Scanner::inside() const
{
    return m_store ? m_store->inside() : 0;
}

bool Scanner::ticketListReady() const
{
    return m_store && m_store->hasBundle();
}

void Scanner::setVideoSink(QVideoSink* sink)
{
    if (sink == m_sink)
        return;
    m_sink = sink;
    m_decoder.setVideoSink(sink);
    Q_EMIT videoSinkChanged();
}

void Scanner::enroll(const QString& typed)
{
    if (m_busy)
        return;
    const auto link = client::parseEnrollmentLink(typed);
    if (!link) {
        setMessage(tr("That is not an enrollment code. It has 12 letters and digits; or scan the "
                      "organizer's QR code."));
        return;
    }
    if (!link->server.isEmpty())
        setServer(link->server.toString());
    const QUrl server(m_server);
    if (!server.isValid() || server.host().isEmpty()) {
        setMessage(tr("Which server? Type its address (such as https://tickets.example.org) or "
                      "scan the organizer's QR code."));
        return;
    }
    setMessage({});
    setBusy(true);
    client::ApiClient::Options options;
    options.attempts = 2;
    m_api = std::make_unique<client::ApiClient>(server, options);
    m_api->enrollDevice(
        link->code, this, [this](const client::Outcome<domain::EnrolledDevice>& outcome) {
            if (const auto* f = std::get_if<client::Failure>(&outcome)) {
                setBusy(false);
                if (f->code == QLatin1String("invalid_enrollment_code"))
                    return setMessage(tr("This code was used already, has expired, or is not "
                                         "known. Ask the organizer for a new one."));
                if (f->status == 0)
                    return setMessage(
                        tr("The server does not answer (%1). Check the address and the "
                           "network, then try again.")
                            .arg(m_server));
                return setMessage(f->message);
            }
            const auto& d = std::get<domain::EnrolledDevice>(outcome);
            if (!m_store->setDevice(
                    {text(d.id.toString()), text(d.name), text(d.gate), m_server})) {
                setBusy(false);
                return setMessage(
                    tr("This scanner cannot save its settings: %1").arg(m_store->lastError()));
            }
            const auto token = text(d.deviceToken);
            m_token->keep(text(d.id.toString()), token, [this, token](bool kept) {
                setBusy(false);
                if (!kept)
                    setMessage(tr("This scanner could not keep its key: it works until it is "
                                  "restarted, then it must be enrolled again."));
                signedIn(token);
            });
        });
}

void Scanner::reloadEvents()
{
    if (!m_api)
        return;
    setBusy(true);
    m_api->myEvents(this, [this](const client::Outcome<domain::Page<domain::Event>>& outcome) {
        setBusy(false);
        if (const auto* f = std::get_if<client::Failure>(&outcome)) {
            if (f->status == 401) {
                setMessage(tr("The organizer removed this scanner. Enroll it again."));
                return unenroll();
            }
            return setMessage(f->status == 0 ? tr("The server does not answer: the events "
                                                  "cannot be listed yet. Try again.")
                                             : f->message);
        }
        setMessage({});
        m_events.clear();
        m_eventIds.clear();
        const auto now = std::chrono::system_clock::now();
        for (const auto& e : std::get<domain::Page<domain::Event>>(outcome).items) {
            if (e.status != domain::EventStatus::Published ||
                e.end < now - domain::kGateOpenAfterEnd)
                continue;
            const auto title = text(e.title);
            m_eventIds.emplace_back(e.id, title);
            m_events.append(
                QVariantMap{{QStringLiteral("title"), title},
                            {QStringLiteral("when"),
                             QLocale().toString(local(e.start), QLocale::ShortFormat)}});
        }
        Q_EMIT eventsChanged();
        for (std::size_t i = 0; i < m_eventIds.size(); ++i)
            if (!m_options.event.isEmpty() &&
                text(m_eventIds[i].first.toString()) == m_options.event) {
                m_options.event.clear(); // once: a person may change it later
                chooseEvent(static_cast<int>(i));
                break;
            }
    });
}

void Scanner::chooseEvent(int index)
{
    if (index < 0 || index >= static_cast<int>(m_eventIds.size()))
        return;
    const auto& [id, title] = m_eventIds[static_cast<std::size_t>(index)];
    if (!m_store->setEvent(id, title))
        return setMessage(
            tr("This scanner cannot save its settings: %1").arg(m_store->lastError()));
    Q_EMIT eventChanged();
    Q_EMIT countsChanged();
    startGate();
    setScreen(Screen::Scan);
}

void Scanner::changeEvent()
{
    if (m_gate)
        m_gate->stop();
    setScreen(Screen::ChooseEvent);
    reloadEvents();
}

void Scanner::startGate()
{
    m_gate =
        std::make_unique<Gate>(*m_store, *m_api, domain::SystemClock::instance(), m_options.gate);
    connect(m_gate.get(), &Gate::decided, this, &Scanner::show);
    connect(m_gate.get(), &Gate::onlineChanged, this, &Scanner::statusChanged);
    connect(m_gate.get(), &Gate::waitingChanged, this, &Scanner::statusChanged);
    connect(m_gate.get(), &Gate::countsChanged, this, &Scanner::countsChanged);
    connect(m_gate.get(), &Gate::bundleApplied, this, &Scanner::countsChanged);
    connect(m_gate.get(), &Gate::problem, this, &Scanner::setMessage);
    connect(m_gate.get(), &Gate::deviceRefused, this, [this] {
        setMessage(tr("The organizer removed this scanner. Its scans not yet sent are kept; "
                      "enroll it again to send them."));
        unenroll();
    });
    m_gate->start();
    Q_EMIT eventChanged();
    Q_EMIT statusChanged();
    Q_EMIT countsChanged();
}

void Scanner::codeRead(const QString& code)
{
    if (m_screen == Screen::Enroll)
        return enroll(code);
    if (m_screen == Screen::Scan)
        scan(code);
}

void Scanner::scan(const QString& code)
{
    if (!m_gate || m_screen != Screen::Scan)
        return;
    m_gate->scan(code, m_exit ? domain::Direction::Exit : domain::Direction::Entry);
}

void Scanner::show(const GateResult& r)
{
    using O = domain::ScanOutcome;
    QString detail;
    if (r.seat || r.tier) {
        const auto tier = r.tier ? text(*r.tier) : QString();
        detail = r.seat ? tr("Seat %1, %2").arg(text(*r.seat), tier) : tier;
    }
    m_resultNote = r.decidedHere ? tr("Decided on this scanner: the server did not answer in time.")
                                 : QString();
    if (!r.problem.isEmpty()) {
        m_resultKind = QStringLiteral("problem");
        m_resultTitle = tr("Not recorded");
        m_resultDetail = r.problem;
        m_resultNote.clear();
    } else {
        switch (r.outcome) {
        case O::Admitted:
            m_resultKind = QStringLiteral("admitted");
            m_resultTitle = tr("Admitted");
            m_resultDetail = detail;
            break;
        case O::Exited:
            m_resultKind = QStringLiteral("exited");
            m_resultTitle = tr("Exit recorded");
            m_resultDetail = detail;
            break;
        case O::AlreadyInside:
            m_resultKind = QStringLiteral("inside");
            m_resultTitle = tr("Already inside");
            m_resultDetail =
                r.firstEntry ? tr("Came in at %1 through %2 (%3). %4")
                                   .arg(QLocale().toString(local(r.firstEntry->at).time(),
                                                           QLocale::ShortFormat),
                                        text(r.firstEntry->gate),
                                        r.firstEntry->device.empty() ? tr("another scanner")
                                                                     : text(r.firstEntry->device),
                                        detail)
                                   .trimmed()
                             : detail;
            break;
        case O::NotInside:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Not inside");
            m_resultDetail = tr("This ticket has no entry to leave by. %1").arg(detail).trimmed();
            break;
        case O::Revoked:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Refused: cancelled ticket");
            m_resultDetail =
                tr("This ticket was cancelled, refunded or transferred. %1").arg(detail).trimmed();
            break;
        case O::Invalid:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Refused: not a valid ticket");
            m_resultDetail = tr("Forged, altered, or not a ticket of ours.");
            break;
        case O::WrongEvent:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Refused: another event");
            m_resultDetail = tr("This ticket is for a different event.");
            break;
        case O::NotYetValid:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Refused: not valid yet");
            m_resultDetail = detail;
            break;
        case O::Expired:
            m_resultKind = QStringLiteral("refused");
            m_resultTitle = tr("Refused: expired");
            m_resultDetail = detail;
            break;
        }
    }
    m_resultShown = true;
    Q_EMIT resultChanged();
    Q_EMIT sound(m_resultKind);
    Q_EMIT statusChanged();
    m_resultTimer.start(m_options.resultMs);
}

void Scanner::dismissResult()
{
    m_resultTimer.stop();
    if (!m_resultShown)
        return;
    m_resultShown = false;
    Q_EMIT resultChanged();
}

void Scanner::unenroll()
{
    if (m_gate)
        m_gate->stop();
    m_gate.reset();
    const auto device = m_store->device();
    if (device)
        m_token->forget(device->id, {});
    m_store->forgetDevice();
    m_events.clear();
    m_eventIds.clear();
    Q_EMIT eventsChanged();
    Q_EMIT deviceChanged();
    Q_EMIT eventChanged();
    Q_EMIT statusChanged();
    Q_EMIT countsChanged();
    setScreen(Screen::Enroll);
}

} // namespace ticketing::gate
