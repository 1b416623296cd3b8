#pragma once

#include "domain/CheckIn.h"
#include "domain/Clock.h"
#include "domain/Credential.h"
#include "domain/Uuid.h"

#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ticketing::gate {

// What a scanner keeps on its own disk (DESIGN.md "Tickets and the gate"), so that the gate
// goes on when the network does not: the device it is, the event it scans, the event's bundle
// (keys, revocations, tickets, passages) and the queue of scans not yet acknowledged by the
// server. SQLite through Qt Sql, the schema versioned (`PRAGMA user_version`) with ordered
// migrations; every change is one transaction, written through (synchronous = FULL) before
// the caller shows anything, so a scan survives the app being killed or the power going.
//
// The bundle is also kept in memory (keys, sorted revocations, tickets, passages by ticket), so
// a decision is domain::decide on memory alone: thousands per second.
//
// Passages are the server's (from the bundle) and this device's own. A local passage is made
// when this device lets a ticket in or out; once the server has acknowledged its scan it is
// marked with the store's epoch at that moment, and a bundle asked for at a later epoch
// carries it, so it is then dropped (never counted twice, never missing in between).
//
// Not thread-safe: the GUI thread owns it.
class OfflineStore
{
public:
    static constexpr int kSchemaVersion = 1;

    // Opens the database at `path` (made when missing, with its folder), migrated to
    // kSchemaVersion; none, with `error` set, when it cannot be (a newer schema included).
    static std::unique_ptr<OfflineStore> open(const QString& path, QString* error);
    ~OfflineStore();
    OfflineStore(const OfflineStore&) = delete;
    OfflineStore& operator=(const OfflineStore&) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;
    // The last write that failed (disk full, read-only), for a person; empty when none.
    QString lastError() const { return m_error; }

    // The device, once enrolled (its token is kept apart: DeviceToken).
    struct Device
    {
        QString id;
        QString name;
        QString gate;
        QString server; // the ticketd it enrolled with
    };
    std::optional<Device> device() const;
    bool setDevice(const Device& device);
    bool forgetDevice(); // and the event, and its bundle; the queue stays until it uploads

    // The event this gate scans; choosing another drops the bundle (not the queue).
    std::optional<domain::EventId> event() const;
    QString eventTitle() const;
    bool setEvent(const domain::EventId& event, const QString& title);

    // The bundle: its cursor (none before the first), and a bundle applied (with `since`, the
    // changes after the cursor; without, everything). `askedAtEpoch`: epoch() when it was asked
    // for. False (lastError) when it could not be written; memory is then unchanged.
    std::optional<std::int64_t> cursor() const { return m_cursor; }
    std::int64_t epoch() const { return m_epoch; }
    bool applyBundle(const domain::Bundle& bundle, bool incremental, std::int64_t askedAtEpoch);
    std::size_t ticketCount() const { return m_tickets.size(); }
    bool hasBundle() const { return m_cursor.has_value(); }

    // The gate's decision on this device, from memory.
    domain::Decision decide(std::string_view code, domain::Direction direction,
                            domain::Clock::TimePoint now) const;
    struct TicketInfo
    {
        std::optional<std::string> seat;
        std::string tier;
    };
    std::optional<TicketInfo> ticket(const domain::TicketId& ticket) const;

    // A scan written to the queue before its result shows. With `local` (decided here) the
    // decision is kept with it, and a passage made when it opened the gate: one transaction.
    bool record(const domain::Scan& scan, const std::optional<domain::Decision>& local);
    // A queued scan decided here after all (the server did not answer in time).
    bool decideLocally(const domain::Uuid& nonce, const domain::Decision& local);
    // The server's answers: their scans leave the queue; a gate the server opened that this
    // device had not recorded becomes a local passage, acknowledged.
    bool acknowledge(const std::vector<domain::ScanResult>& results, domain::Clock::TimePoint now);

    struct Queued
    {
        domain::EventId event;
        domain::Scan scan;
    };
    // The oldest queued scans to upload, all of one event, at most `limit`: those decided here,
    // and those still waiting for a live answer after `settled` (or from an earlier run).
    std::vector<Queued> pending(std::size_t limit, domain::Clock::TimePoint settledBefore) const;
    int waiting() const;

    // The counters of the scan view: entries through this device's gate, tickets inside now.
    std::int64_t admittedHere() const { return m_admittedHere; }
    std::int64_t inside() const { return m_inside; }

private:
    explicit OfflineStore(QString path, QString connection);
    bool migrate(QString* error);
    void load();
    QString value(const QString& key) const;
    bool setValues(const std::vector<std::pair<QString, QString>>& values);
    bool fail(const QString& what);
    void countPassages(const std::vector<domain::Passage>& passages, int sign);

    struct LocalPassage
    {
        std::string nonce;
        domain::Passage passage;
        std::optional<std::int64_t> ackedAt; // the epoch it was acknowledged at
    };
    // The ticket's passages as decide() sees them: the server's, and this device's own but
    // those the server's already hold (acknowledged, same direction and gate, within seconds).
    void merge(const std::string& ticket);
    void dropCarried(std::int64_t askedAtEpoch); // local passages a bundle now carries

    QString m_path;
    QString m_connection; // the QSqlDatabase connection's name, one per store
    QString m_error;
    std::optional<domain::EventId> m_event;
    QString m_gate;
    std::optional<std::int64_t> m_cursor;
    std::int64_t m_epoch = 0;
    std::vector<domain::TrustedKey> m_keys;
    std::vector<domain::TicketId> m_revoked; // sorted
    std::unordered_map<std::string, TicketInfo> m_tickets;
    // Server passages and this device's, by ticket id, as decide() sees them.
    std::unordered_map<std::string, std::vector<domain::Passage>> m_serverPassages;
    std::unordered_map<std::string, std::vector<LocalPassage>> m_localPassages;
    std::unordered_map<std::string, std::vector<domain::Passage>> m_passages;
    int m_waiting = 0;
    std::int64_t m_run = 0; // this run of the app: scans of earlier runs upload at once
    std::int64_t m_admittedHere = 0;
    std::int64_t m_inside = 0;
};

} // namespace ticketing::gate
