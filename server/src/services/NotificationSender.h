#pragma once

#include "db/NotificationStore.h"
#include "domain/Clock.h"
#include "services/Periodic.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ticketing::services {

// Sends the notification outbox (API.md "Notifications"). Each round takes the messages that
// are due (a lease: db::notifications::claimDue), renders each (mail::render, in the
// receiver's language, with its booking's facts and tickets' QR codes inline), composes it
// (mail::compose; the Message-ID made from the row's id, so every copy is the same message),
// and delivers it: through the SMTP server when there is one, else as an .eml file under the
// data directory. Then the row is marked sent; a failure is tried again after the back-off
// (1 min, 5 min, 30 min), then marked failed for the admins. At most `perUserPerHour` messages
// of one kind go to one user in an hour; more wait for the hour to pass. A sender killed
// between a delivery and its record delivers again when the lease ends: at least once.
class NotificationSender
{
public:
    struct Options
    {
        std::string smtpUrl; // empty: .eml files in `mailDir`
        std::string caFile;
        std::string from = "Ticketing <tickets@localhost>";
        std::string publicUrl = "http://localhost:8080";
        std::filesystem::path mailDir;
        std::vector<std::chrono::seconds> backoff{
            std::chrono::seconds(60), std::chrono::seconds(300), std::chrono::seconds(1800)};
        int perUserPerHour = 5;
        std::chrono::seconds lease{120};
        std::string messageIdHost = "ticketing.local";
    };

    NotificationSender(Options options, const domain::Clock& clock);

    // One round: what was due at the clock's now, sent (or put off). How many were delivered.
    int round(db::Session& session, int limit = 20);

    // The reminders due now (24 h and 2 h before an event starts) written to the outbox, at
    // most once a minute; how many.
    int remind(db::Session& session);

    // The message as it would go out (for a preview, and the tests).
    std::string compose(db::Session& session, const db::notifications::Stored& message) const;

    std::uint64_t sent() const { return m_sent.load(); }
    std::uint64_t failed() const { return m_failed.load(); }

private:
    // Delivers; an error message when it did not go (`permanent`: trying again will not help).
    std::optional<std::string> deliver(const db::notifications::Stored& message,
                                       const std::string& text, bool& permanent) const;

    Options m_options;
    const domain::Clock& m_clock;
    std::atomic<std::uint64_t> m_sent{0};
    std::atomic<std::uint64_t> m_failed{0};
    std::atomic<std::int64_t> m_lastReminders{0}; // steady clock, milliseconds
};

// The sender on a thread of its own, a round every `interval`.
class NotificationJob
{
public:
    NotificationJob(NotificationSender& sender, std::string databaseUrl,
                    std::chrono::milliseconds interval);

private:
    Periodic m_job;
};

} // namespace ticketing::services
