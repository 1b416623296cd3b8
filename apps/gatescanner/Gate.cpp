#include "apps/gatescanner/Gate.h"

#include <QCoreApplication>

namespace ticketing::gate {

using namespace std::chrono;

Gate::Gate(OfflineStore& store, client::ApiClient& api, const domain::Clock& clock, QObject* parent)
    : Gate(store, api, clock, Options{}, parent)
{
}

Gate::Gate(OfflineStore& store, client::ApiClient& api, const domain::Clock& clock, Options options,
           QObject* parent)
    : QObject(parent), m_store(store), m_api(api), m_clock(clock), m_options(options)
{
    qRegisterMetaType<GateResult>();
    m_bundleTimer.setInterval(m_options.bundleEvery);
    connect(&m_bundleTimer, &QTimer::timeout, this, &Gate::refresh);
    m_uploadTimer.setSingleShot(true);
    connect(&m_uploadTimer, &QTimer::timeout, this, &Gate::upload);
}

void Gate::start()
{
    m_syncing = true;
    m_bundleTimer.start();
    refresh();
    upload();
}

void Gate::stop()
{
    m_syncing = false;
    m_bundleTimer.stop();
    m_uploadTimer.stop();
}

void Gate::scan(const QString& typed, domain::Direction direction)
{
    const auto code = typed.trimmed();
    if (code.isEmpty())
        return;
    domain::Scan scan;
    scan.nonce = domain::Uuid::generateV7();
    scan.code = code.toStdString();
    scan.direction = direction;
    scan.scannedAt = m_clock.now();
    if (!m_online)
        return decideHere(scan, false);
    // Written before anything else: a scan survives the app being killed while it waits.
    if (!m_store.record(scan, std::nullopt)) {
        GateResult r;
        r.nonce = scan.nonce;
        r.direction = direction;
        r.problem = tr("This scan could not be saved (%1). Nobody was let in: scan again.")
                        .arg(m_store.lastError());
        Q_EMIT decided(r);
        return;
    }
    Q_EMIT waitingChanged(m_store.waiting());
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    const auto key = scan.nonce.toString();
    m_live[key] = Live{scan, timer};
    connect(timer, &QTimer::timeout, this, [this, key] {
        const auto it = m_live.find(key);
        if (it == m_live.end())
            return;
        const auto s = it->second.scan;
        it->second.timer->deleteLater();
        m_live.erase(it);
        failed(client::Failure::network(tr("no answer in time")));
        decideHere(s, true);
    });
    timer->start(m_options.answerWithin);
    domain::ScanBatch batch{*m_store.event(), {scan}};
    const auto nonce = scan.nonce;
    m_api.uploadScans(batch, this,
                      [this, nonce](const auto& outcome) { answered(nonce, outcome); });
}

void Gate::answered(const domain::Uuid& nonce, const client::Outcome<domain::ScanResults>& outcome)
{
    const auto it = m_live.find(nonce.toString());
    const bool waiting = it != m_live.end();
    if (const auto* results = std::get_if<domain::ScanResults>(&outcome)) {
        succeeded();
        // Late or not, the server has the scan: it leaves the queue.
        m_store.acknowledge(results->results, m_clock.now());
        Q_EMIT waitingChanged(m_store.waiting());
        Q_EMIT countsChanged();
        if (!waiting)
            return;
        const auto scan = it->second.scan;
        it->second.timer->deleteLater();
        m_live.erase(it);
        if (!results->results.empty())
            Q_EMIT decided(resultOf(scan, results->results.front()));
        return;
    }
    failed(std::get<client::Failure>(outcome));
    if (!waiting)
        return;
    const auto scan = it->second.scan;
    it->second.timer->deleteLater();
    m_live.erase(it);
    decideHere(scan, true);
}

void Gate::decideHere(const domain::Scan& scan, bool queued)
{
    GateResult refusal;
    refusal.nonce = scan.nonce;
    refusal.direction = scan.direction;
    if (!m_store.hasBundle()) {
        // Without the ticket list every ticket would look forged: say so instead. A scan
        // already queued goes to the server as it is, when it answers.
        refusal.problem = tr("This scanner has not loaded the ticket list yet, and the server "
                             "does not answer. Nobody was let in: scan again in a moment.");
        Q_EMIT decided(refusal);
        return;
    }
    // Judged as of when it was scanned.
    const auto d = m_store.decide(scan.code, scan.direction, scan.scannedAt);
    const bool kept = queued ? m_store.decideLocally(scan.nonce, d) : m_store.record(scan, d);
    if (!kept) {
        refusal.problem = tr("This scan could not be saved (%1). Nobody was let in: scan again.")
                              .arg(m_store.lastError());
        Q_EMIT decided(refusal);
        return;
    }
    Q_EMIT decided(resultOf(scan, d));
    Q_EMIT waitingChanged(m_store.waiting());
    Q_EMIT countsChanged();
    scheduleUpload(m_backoff > milliseconds(0) ? m_backoff : milliseconds(0));
}

GateResult Gate::resultOf(const domain::Scan& scan, const domain::Decision& d) const
{
    GateResult r;
    r.nonce = scan.nonce;
    r.outcome = d.outcome;
    r.direction = scan.direction;
    r.decidedHere = true;
    if (d.claims)
        if (auto info = m_store.ticket(d.claims->ticket)) {
            r.seat = info->seat;
            r.tier = info->tier;
        }
    if (d.firstEntry)
        r.firstEntry =
            domain::FirstEntry{d.firstEntry->at, d.firstEntry->gate, d.firstEntry->device};
    return r;
}

GateResult Gate::resultOf(const domain::Scan& scan, const domain::ScanResult& s) const
{
    GateResult r;
    r.nonce = scan.nonce;
    r.outcome = s.result;
    r.direction = scan.direction;
    r.seat = s.seat;
    r.tier = s.tier;
    r.firstEntry = s.firstEntry;
    return r;
}

void Gate::succeeded()
{
    m_failures = 0;
    m_backoff = milliseconds(0);
    if (!m_online && ++m_successes >= m_options.successesToReturn)
        setOnline(true);
}

void Gate::failed(const client::Failure& failure)
{
    if (failure.status == 401) {
        Q_EMIT deviceRefused();
    } else if (!failure.transient && failure.status != 0 && failure.status < 500) {
        // A refusal, not a network problem: say it; it does not make the gate go offline.
        Q_EMIT problem(failure.message);
        return;
    }
    m_successes = 0;
    if (m_online && ++m_failures >= m_options.failuresToGoOffline)
        setOnline(false);
}

void Gate::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    m_failures = 0;
    m_successes = 0;
    Q_EMIT onlineChanged(online);
}

void Gate::scheduleUpload(milliseconds after)
{
    if (!m_syncing)
        return;
    if (!m_uploadTimer.isActive() || m_uploadTimer.remainingTime() > after.count())
        m_uploadTimer.start(after);
}

void Gate::upload()
{
    if (m_uploading || !m_store.event())
        return;
    if (m_batch == 0)
        m_batch = m_options.batch;
    const auto batch = m_store.pending(m_batch, m_clock.now() - m_options.settleAfter);
    if (batch.empty()) {
        if (m_store.waiting() > 0) // live scans still settling
            scheduleUpload(m_options.uploadEvery);
        return;
    }
    domain::ScanBatch body{batch.front().event, {}};
    for (const auto& q : batch)
        body.scans.push_back(q.scan);
    m_uploading = true;
    m_api.uploadScans(body, this, [this](const client::Outcome<domain::ScanResults>& outcome) {
        m_uploading = false;
        if (const auto* results = std::get_if<domain::ScanResults>(&outcome)) {
            succeeded();
            m_batch = std::min(m_options.batch, m_batch * 2);
            if (!m_store.acknowledge(results->results, m_clock.now()))
                Q_EMIT problem(m_store.lastError());
            Q_EMIT waitingChanged(m_store.waiting());
            Q_EMIT countsChanged();
            if (m_store.waiting() > 0)
                scheduleUpload(milliseconds(0));
            return;
        }
        const auto& failure = std::get<client::Failure>(outcome);
        failed(failure);
        m_batch = std::max<std::size_t>(1, m_batch / 2);
        m_backoff = std::min(m_options.maxBackoff,
                             m_backoff.count() == 0 ? m_options.firstBackoff : m_backoff * 2);
        scheduleUpload(m_backoff);
    });
}

void Gate::refresh()
{
    if (m_refreshing || !m_store.event())
        return;
    m_refreshing = true;
    const auto since = m_store.cursor();
    const auto epoch = m_store.epoch();
    const auto event = *m_store.event();
    m_api.checkinBundle(
        event, since, this,
        [this, since, epoch, event](const client::Outcome<domain::Bundle>& outcome) {
            m_refreshing = false;
            if (const auto* b = std::get_if<domain::Bundle>(&outcome)) {
                succeeded();
                if (m_store.event() != event)
                    return; // another event was chosen meanwhile
                if (!m_store.applyBundle(*b, since.has_value(), epoch))
                    return Q_EMIT problem(m_store.lastError());
                Q_EMIT countsChanged();
                Q_EMIT bundleApplied();
                if (m_store.waiting() > 0)
                    scheduleUpload(m_backoff);
                return;
            }
            failed(std::get<client::Failure>(outcome));
        });
}

} // namespace ticketing::gate
