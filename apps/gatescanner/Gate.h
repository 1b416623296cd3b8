#pragma once

#include "apps/gatescanner/OfflineStore.h"
#include "client/ApiClient.h"
#include "domain/CheckIn.h"
#include "domain/Clock.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <map>
#include <optional>

namespace ticketing::gate {

// What the gate said about one scan, for the scan view.
struct GateResult
{
    domain::Uuid nonce;
    domain::ScanOutcome outcome = domain::ScanOutcome::Invalid;
    domain::Direction direction = domain::Direction::Entry;
    std::optional<std::string> seat;
    std::optional<std::string> tier;
    std::optional<domain::FirstEntry> firstEntry; // already inside: when, where, which device
    bool decidedHere = false; // by this device (offline, or the server too slow)
    // Not empty when the scan could not be kept (the disk) or decided (no ticket list yet):
    // nobody is let in, and the scan is to be made again.
    QString problem;
};

// The gate's brain (DESIGN.md "Tickets and the gate"): each code read is written to the
// OfflineStore before anything shows, then decided. Online, the server decides first; without
// an answer within `answerWithin` (or on an error) this device decides alone, says so, and
// keeps its decision with the scan for the upload. After `failuresToGoOffline` failed calls in a
// row the device decides alone at once; after `successesToReturn` good answers in a row (the
// bundle and the uploads keep asking) it asks the server first again.
//
// In the background: the bundle refreshed every `bundleEvery` (only the changes since its
// cursor), and the queue uploaded in batches of up to 500 as soon as there is something to
// send, with back-off (doubling up to `maxBackoff`) while the server does not answer.
//
// The ApiClient is the gate's own, signed in with the device token and made with one attempt
// per call (the gate retries in its own rhythm). GUI thread.
class Gate final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::chrono::milliseconds answerWithin{700};
        int failuresToGoOffline = 3;
        int successesToReturn = 3;
        std::chrono::milliseconds bundleEvery{5000};
        std::chrono::milliseconds uploadEvery{2000};
        std::chrono::milliseconds firstBackoff{1000};
        std::chrono::milliseconds maxBackoff{30000};
        // A queued scan still waiting for its live answer this long is uploaded anyway.
        std::chrono::milliseconds settleAfter{3000};
        std::size_t batch = 500;
    };

    Gate(OfflineStore& store, client::ApiClient& api, const domain::Clock& clock, Options options,
         QObject* parent = nullptr);
    Gate(OfflineStore& store, client::ApiClient& api, const domain::Clock& clock,
         QObject* parent = nullptr);

    // Syncing for the store's event: the bundle now and then, the queue when it has scans.
    void start();
    void stop();

    // A code read by the camera or typed by a handheld scanner (without its Enter).
    void scan(const QString& code, domain::Direction direction);

    bool online() const { return m_online; }
    int waiting() const { return m_store.waiting(); }
    std::int64_t admittedHere() const { return m_store.admittedHere(); }
    std::int64_t inside() const { return m_store.inside(); }
    bool syncing() const { return m_syncing; }

    // Sends the queue now (after a scan decided here; also on a timer).
    void upload();
    // Asks for the bundle's changes now.
    void refresh();

Q_SIGNALS:
    void decided(const ticketing::gate::GateResult& result);
    void onlineChanged(bool online);
    void waitingChanged(int waiting);
    void countsChanged();
    void bundleApplied();
    // The server refused the device's token (it was removed): enroll again.
    void deviceRefused();
    void problem(const QString& message);

private:
    struct Live
    {
        domain::Scan scan;
        QTimer* timer = nullptr;
    };
    void decideHere(const domain::Scan& scan, bool queued);
    void answered(const domain::Uuid& nonce, const client::Outcome<domain::ScanResults>& outcome);
    GateResult resultOf(const domain::Scan& scan, const domain::Decision& d) const;
    GateResult resultOf(const domain::Scan& scan, const domain::ScanResult& r) const;
    void succeeded();
    void failed(const client::Failure& failure);
    void setOnline(bool online);
    void scheduleUpload(std::chrono::milliseconds after);

    OfflineStore& m_store;
    client::ApiClient& m_api;
    const domain::Clock& m_clock;
    Options m_options;
    bool m_online = true;
    bool m_syncing = false;
    int m_failures = 0;
    int m_successes = 0;
    bool m_uploading = false;
    bool m_refreshing = false;
    std::chrono::milliseconds m_backoff{0};
    // Scans per upload: halved after a failed one (a batch the server or a proxy will not take
    // goes up in smaller ones), doubled back after a good one.
    std::size_t m_batch = 0;
    std::map<std::string, Live> m_live; // scans waiting for the server's answer, by nonce
    QTimer m_bundleTimer;
    QTimer m_uploadTimer;
};

} // namespace ticketing::gate

Q_DECLARE_METATYPE(ticketing::gate::GateResult)
