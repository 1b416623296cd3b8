// Fault benchmark (issue 13): a sale through nginx in front of three ticketd, with live
// subscribers, while on a timeline an instance is killed and restarted, the Redis master is
// restarted, then killed so that Sentinel fails it over, and the PostgreSQL primary is killed and
// its replica promoted. Prints holds/s, what clients saw, recovery times and the invariants.
// Run by bench/run-faults, which starts the deployment with bench/faults-stack (bench/README.md).
#include "domain/Availability.h"
#include "domain/LiveSync.h"
#include "loadgen/HttpLoad.h"
#include "loadgen/WsClients.h"
#include "support/SaleSupport.h"

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace ticketing;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Args
{
    std::uint16_t front = 18200;          // nginx
    std::vector<std::uint16_t> instances; // each ticketd, asked for /readyz directly
    std::string db;                       // the multi-host URL: always the current primary
    std::string stack;                    // bench/faults-stack: the faults
    std::string stackDir;                 // its deployment
    std::string mode = "sync";            // the replication, for the report
    std::string organizerEmail, organizerPassword;
    int clients = 200;
    int subscribers = 100;
    int calm = 15; // seconds between two faults
    int sections = 50, rows = 20, seatsPerRow = 50;
    int releasePercent = 40; // of a client's actions while it holds something
};

Args parseArgs(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--front")
            a.front = static_cast<std::uint16_t>(std::stoi(v));
        else if (k == "--instance")
            a.instances.push_back(static_cast<std::uint16_t>(std::stoi(v)));
        else if (k == "--db")
            a.db = v;
        else if (k == "--stack")
            a.stack = v;
        else if (k == "--stack-dir")
            a.stackDir = v;
        else if (k == "--mode")
            a.mode = v;
        else if (k == "--organizer")
            a.organizerEmail = v;
        else if (k == "--password")
            a.organizerPassword = v;
        else if (k == "--clients")
            a.clients = std::stoi(v);
        else if (k == "--subscribers")
            a.subscribers = std::stoi(v);
        else if (k == "--calm")
            a.calm = std::stoi(v);
        else if (k == "--sections")
            a.sections = std::stoi(v);
        else if (k == "--release-percent")
            a.releasePercent = std::stoi(v);
    }
    return a;
}

double secondsSince(Clock::time_point epoch, Clock::time_point t = Clock::now())
{
    return std::chrono::duration<double>(t - epoch).count();
}

// The event on sale: one tier over every stand; its seats in the availability's order (which is
// also the compact live-sync format's index).
struct Setup
{
    std::string org;
    std::string eventId;
    std::vector<std::string> seats;
    std::unordered_map<std::string, std::size_t> seatIndex;
    bench::Buyers buyers;
};

std::optional<domain::Availability> availability(const Args& a, const std::string& event)
{
    const auto r =
        bench::call(a.front, "GET", "/api/v1/events/" + event + "/availability", nullptr);
    if (r.status != 200) {
        std::fprintf(stderr, "availability: %d %s\n", r.status, r.body.substr(0, 300).c_str());
        return std::nullopt;
    }
    return json::value_to<domain::Availability>(json::parse(r.body));
}

bool setUp(const Args& a, Setup& s)
{
    auto login =
        bench::call(a.front, "POST", "/api/v1/auth/login",
                    json::object{{"email", a.organizerEmail}, {"password", a.organizerPassword}});
    if (login.status != 200) {
        std::fprintf(stderr, "organizer login failed: %d %s\n", login.status, login.body.c_str());
        return false;
    }
    s.org = std::string(json::parse(login.body).at("access_token").as_string());
    auto v = bench::call(a.front, "POST", "/api/v1/venues",
                         bench::arenaVenue(a.sections, a.rows, a.seatsPerRow, 0), s.org);
    if (v.status != 201) {
        std::fprintf(stderr, "venue: %d %s\n", v.status, v.body.substr(0, 300).c_str());
        return false;
    }
    json::array keys;
    for (int i = 0; i < a.sections; ++i)
        keys.emplace_back("S" + std::to_string(i));
    const json::object event{
        {"venue_id", json::parse(v.body).at("id")},
        {"title", "Fault sale"},
        {"description", ""},
        {"genre", "music"},
        {"start_time", "2031-06-01T19:00:00Z"},
        {"end_time", "2031-06-01T23:00:00Z"},
        {"currency", "GBP"},
        {"tiers",
         json::array{json::object{{"name", "Seats"}, {"price", "50.00"}, {"section_keys", keys}}}}};
    auto e = bench::call(a.front, "POST", "/api/v1/events", event, s.org);
    if (e.status != 201) {
        std::fprintf(stderr, "event: %d %s\n", e.status, e.body.substr(0, 300).c_str());
        return false;
    }
    s.eventId = std::string(json::parse(e.body).at("id").as_string());
    auto published =
        bench::call(a.front, "POST", "/api/v1/events/" + s.eventId + "/publish", nullptr, s.org);
    if (published.status != 200) {
        std::fprintf(stderr, "publish: %d %s\n", published.status, published.body.c_str());
        return false;
    }
    const auto av = availability(a, s.eventId);
    if (!av)
        return false;
    for (const auto& seat : av->seats)
        s.seats.push_back(seat.seat.toString());
    for (std::size_t i = 0; i < s.seats.size(); ++i)
        s.seatIndex[s.seats[i]] = i;
    const int accounts = static_cast<int>(s.seats.size()) / 4 + a.clients;
    bench::makeBuyers(a.db, accounts, s.buyers);
    std::printf("fault sale (%s replication): %zu reserved seats, %d clients through nginx, %d "
                "buyer accounts, %d live subscribers\n",
                a.mode.c_str(), s.seats.size(), a.clients, accounts, a.subscribers);
    return true;
}

// Live subscribers through nginx, in the compact format. A subscriber that loses its socket (its
// instance killed) connects again and resubscribes with the last seq it applied. Each keeps the
// seat map as the messages make it, and counts the messages that do not follow on from the last.
class Subscribers
{
public:
    Subscribers(const Args& a, const Setup& s)
        : m_args(a), m_setup(s), m_subs(static_cast<std::size_t>(a.subscribers)),
          m_clients(
              "127.0.0.1", a.front, "/api/v1/ws", a.subscribers,
              [this](int client) { return hello(client); },
              [this](int client, std::string_view text, Clock::time_point) {
                  onMessage(client, text);
              })
    {
        m_clients.reconnectAfter(std::chrono::milliseconds(300));
    }

    bool start()
    {
        if (m_args.subscribers <= 0)
            return true;
        m_clients.start();
        for (int i = 0; i < 600; ++i) {
            {
                const std::lock_guard lock(m_mutex);
                if (std::all_of(m_subs.begin(), m_subs.end(),
                                [](const Sub& s) { return s.snapshots > 0; }))
                    return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::fprintf(stderr, "live subscribers: not all got their snapshot\n");
        return false;
    }

    // Waits until every subscriber has applied `seq`, then compares each one's map with
    // `expected` (the availability at that seq).
    void report(const domain::Availability& expected)
    {
        if (m_args.subscribers <= 0)
            return;
        for (int i = 0; i < 200; ++i) {
            {
                const std::lock_guard lock(m_mutex);
                if (std::all_of(m_subs.begin(), m_subs.end(),
                                [&](const Sub& s) { return s.seq >= expected.seq; }))
                    break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        const std::lock_guard lock(m_mutex);
        int behind = 0, ahead = 0, differ = 0;
        long long gaps = 0, overlaps = 0, resnapshots = 0, errors = 0, deltas = 0;
        for (const auto& s : m_subs) {
            gaps += s.gaps;
            overlaps += s.overlaps;
            resnapshots += std::max(0, s.snapshots - 1);
            errors += s.errors;
            deltas += s.deltas;
            if (s.seq < expected.seq) {
                ++behind;
                continue;
            }
            if (s.seq > expected.seq)
                ++ahead;
            bool same = s.status.size() == expected.seats.size();
            for (std::size_t k = 0; same && k < expected.seats.size(); ++k)
                same = s.status[k] == expected.seats[k].status;
            if (!same)
                ++differ;
        }
        std::printf("live subscribers: %d, %d connected at the end, %lld reconnections, %lld "
                    "deltas applied, %lld snapshots after the first, %lld error messages\n",
                    m_args.subscribers, m_clients.open(), m_clients.reconnects(), deltas,
                    resnapshots, errors);
        std::printf("  gap-free: %lld messages that skipped seqs, %lld that went back; at seq "
                    "%lld, %d subscribers behind, %d ahead (history lost), %d whose seat map "
                    "differs from availability: %s\n",
                    gaps, overlaps, static_cast<long long>(expected.seq), behind, ahead, differ,
                    gaps + overlaps == 0 && behind == 0 && ahead == 0 && differ == 0 ? "OK"
                                                                                     : "BROKEN");
        m_ok = gaps + overlaps == 0 && behind == 0 && ahead == 0 && differ == 0;
        m_clients.stop();
    }

    bool ok() const { return m_ok; }

private:
    struct Sub
    {
        std::optional<std::int64_t> seq; // the last one applied
        std::vector<domain::SeatStatus> status;
        int snapshots = 0;
        long long gaps = 0, overlaps = 0, errors = 0, deltas = 0;
    };

    std::string hello(int client)
    {
        const std::lock_guard lock(m_mutex);
        const auto& s = m_subs[static_cast<std::size_t>(client)];
        return json::serialize(
            json::object{{"type", "subscribe"},
                         {"channel", "event:" + m_setup.eventId},
                         {"since", s.seq ? json::value(*s.seq) : json::value(nullptr)},
                         {"format", "compact"}});
    }

    void onMessage(int client, std::string_view text)
    {
        domain::SyncServerMessage msg;
        try {
            msg = json::value_to<domain::SyncServerMessage>(json::parse(text));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "live subscriber: unreadable message: %s\n", e.what());
            return;
        }
        const std::lock_guard lock(m_mutex);
        auto& s = m_subs[static_cast<std::size_t>(client)];
        if (const auto* snap = std::get_if<domain::SyncSnapshot>(&msg)) {
            ++s.snapshots;
            s.seq = snap->seq;
            s.status.clear();
            for (const auto& seat : snap->availability.seats)
                s.status.push_back(seat.status);
        } else if (const auto* d = std::get_if<domain::SyncCompactSeats>(&msg)) {
            ++s.deltas;
            if (s.seq && d->fromSeq > *s.seq + 1)
                ++s.gaps;
            else if (s.seq && d->fromSeq <= *s.seq)
                ++s.overlaps;
            for (const auto& c : d->changes)
                if (c.index >= 0 && static_cast<std::size_t>(c.index) < s.status.size())
                    s.status[static_cast<std::size_t>(c.index)] = c.status;
            s.seq = d->seq;
        } else if (std::holds_alternative<domain::SyncError>(msg)) {
            ++s.errors;
        }
    }

    const Args& m_args;
    const Setup& m_setup;
    std::mutex m_mutex;
    std::vector<Sub> m_subs;
    bool m_ok = true;
    bench::WsClients m_clients;
};

// The deployment's state as each instance reports it (GET /readyz every 100 ms, not through
// nginx), kept as a timeline of changes.
class Monitor
{
public:
    struct State
    {
        bool answering = false, ready = false, database = false, redis = false;
        bool operator==(const State&) const = default;
    };

    Monitor(const Args& a, Clock::time_point epoch) : m_args(a), m_epoch(epoch)
    {
        m_thread = std::thread([this] { loop(); });
    }
    ~Monitor() { stop(); }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    // The first time at or after `from` when every instance reported `pred`.
    std::optional<double> allFrom(double from, bool (*pred)(const State&)) const
    {
        const std::lock_guard lock(m_mutex);
        for (const auto& [t, states] : m_samples) {
            if (t < from)
                continue;
            if (std::all_of(states.begin(), states.end(), pred))
                return t;
        }
        return std::nullopt;
    }
    std::optional<double> instanceFrom(double from, std::size_t instance,
                                       bool (*pred)(const State&)) const
    {
        const std::lock_guard lock(m_mutex);
        for (const auto& [t, states] : m_samples)
            if (t >= from && pred(states[instance]))
                return t;
        return std::nullopt;
    }

private:
    void loop()
    {
        while (!m_stop) {
            std::vector<State> states;
            for (const auto port : m_args.instances) {
                State st;
                const auto r = bench::fetch("127.0.0.1", port, {"GET", "/readyz", {}, {}});
                if (r.status != 0) {
                    st.answering = true;
                    try {
                        const auto j = json::parse(r.body).as_object();
                        st.ready = j.at("status").as_string() == "ready";
                        st.database = j.at("database").at("status").as_string() == "up";
                        st.redis = j.at("redis").at("status").as_string() == "up";
                    } catch (const std::exception&) {
                    }
                }
                states.push_back(st);
            }
            {
                const std::lock_guard lock(m_mutex);
                m_samples.emplace_back(secondsSince(m_epoch), states);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    const Args& m_args;
    Clock::time_point m_epoch;
    mutable std::mutex m_mutex;
    std::vector<std::pair<double, std::vector<State>>> m_samples;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// The faults, each at its time since the sale began.
struct Fault
{
    double at;
    std::string action; // a faults-stack command
    std::string what;
    double done = -1; // when the command returned
};

class Timeline
{
public:
    Timeline(const Args& a, Clock::time_point epoch) : m_args(a), m_epoch(epoch)
    {
        const double c = a.calm;
        m_faults = {{c, "kill-instance", "ticketd 2 killed (SIGKILL)"},
                    {c + 3, "start-instance", "ticketd 2 started again"},
                    {2 * c, "restart-redis", "Redis master restarted (empty)"},
                    {3 * c, "kill-redis-master", "Redis master killed; Sentinel fails over"},
                    {4 * c, "kill-postgres", "PostgreSQL primary killed (SIGKILL)"},
                    {4 * c + 2, "promote", "PostgreSQL replica promoted"}};
        m_end = 5 * c;
    }
    double end() const { return m_end; }
    void start()
    {
        m_thread = std::thread([this] {
            for (auto& f : m_faults) {
                std::this_thread::sleep_until(
                    m_epoch + std::chrono::milliseconds(static_cast<long long>(f.at * 1000)));
                std::string command = m_args.stack + " " + f.action + " " + m_args.stackDir;
                if (f.action == "kill-instance" || f.action == "start-instance")
                    command += " 2";
                if (std::system((command + " >/dev/null").c_str()) != 0)
                    std::fprintf(stderr, "fault step failed: %s\n", command.c_str());
                f.done = secondsSince(m_epoch);
            }
        });
    }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    const std::vector<Fault>& faults() const { return m_faults; }

private:
    const Args& m_args;
    Clock::time_point m_epoch;
    std::vector<Fault> m_faults;
    double m_end = 0;
    std::thread m_thread;
};

enum class Kind
{
    Hold,
    Release
};

struct Acked
{
    std::string booking;
    double at;
};

// Buyers through nginx, as a careful client: a hold or a release that got no answer, a 502 (its
// instance died under it), a 503 (overloaded, database unavailable, outcome unknown) or a 409
// idempotency_key_in_flight is sent again with the same Idempotency-Key after a back-off, until
// it gets an answer that decides it.
class Sale
{
public:
    Sale(const Args& a, Setup& s, Clock::time_point epoch)
        : m_args(a), m_setup(s), m_epoch(epoch), m_taken(s.seats.size()),
          m_clients(static_cast<std::size_t>(a.clients))
    {
        for (int i = 0; i < a.clients; ++i) {
            m_clients[i].rng.seed(static_cast<unsigned>(i * 7919 + 17));
            m_clients[i].token = s.buyers.tokens[s.buyers.next++];
        }
    }

    bench::LoadStats run(std::chrono::milliseconds limit)
    {
        bench::HttpLoad load("127.0.0.1", m_args.front, m_args.clients, 2);
        load.reconnectAfterErrors(std::chrono::milliseconds(200));
        return load.run([this](int i) { return next(i); },
                        [this](int i, const bench::LoadRequest& req, const bench::LoadResponse& r) {
                            try {
                                onAnswer(i, req, r);
                            } catch (const std::exception& e) {
                                std::fprintf(stderr,
                                             "an answer the bench cannot read (%s): %d %s\n",
                                             e.what(), r.status, r.body.substr(0, 300).c_str());
                            }
                        },
                        limit);
    }

    struct Outcomes
    {
        std::map<int, std::uint64_t> holds, releases; // final answers
        std::uint64_t retries = 0, gaveUp = 0;
        std::vector<std::string> serverErrors; // 500s: what they said
    };
    Outcomes outcomes() const
    {
        const std::lock_guard lock(m_mutex);
        return m_outcomes;
    }
    std::vector<Acked> ackedHolds() const
    {
        const std::lock_guard lock(m_mutex);
        return m_ackedHolds;
    }
    std::vector<Acked> ackedReleases() const
    {
        const std::lock_guard lock(m_mutex);
        return m_ackedReleases;
    }
    // Successful holds per second of the sale.
    std::vector<int> holdsPerSecond() const
    {
        const std::lock_guard lock(m_mutex);
        return m_perSecond;
    }
    // The longest stretch in [from, to] without a successful hold, and where it began.
    std::pair<double, double> longestGap(double from, double to) const
    {
        const std::lock_guard lock(m_mutex);
        auto times = m_holdTimes;
        std::sort(times.begin(), times.end());
        double last = from, gap = 0, at = from;
        for (const auto t : times) {
            if (t < from)
                continue;
            if (t > to)
                break;
            if (t - last > gap) {
                gap = t - last;
                at = last;
            }
            last = t;
        }
        if (to - last > gap) {
            gap = to - last;
            at = last;
        }
        return {gap, at};
    }

private:
    struct Held
    {
        std::string booking;
        std::vector<std::size_t> seats;
    };
    struct Client
    {
        std::mt19937 rng;
        std::string token;
        int unitsOnAccount = 0;
        std::uint64_t attempt = 0;
        std::optional<bench::LoadRequest> pending; // to send again
        Kind pendingKind = Kind::Hold;
        int tries = 0;
        Kind kind = Kind::Hold; // of the request in flight
        std::vector<Held> holds;
    };

    std::optional<bench::LoadRequest> next(int i)
    {
        auto& c = m_clients[static_cast<std::size_t>(i)];
        if (c.pending) {
            auto r = *c.pending;
            c.kind = c.pendingKind;
            r.delay = std::chrono::milliseconds(std::min(1000, 50 << std::min(c.tries, 4)));
            return r;
        }
        ++c.attempt;
        if (!c.holds.empty() && static_cast<int>(c.rng() % 100) < m_args.releasePercent) {
            c.kind = Kind::Release;
            return bench::LoadRequest{"DELETE",
                                      "/api/v1/bookings/" + c.holds.front().booking,
                                      {},
                                      {{"Authorization", "Bearer " + c.token}}};
        }
        if (c.unitsOnAccount >= 7) { // the per-user limit: the next buyer
            c.token = m_setup.buyers.tokens[m_setup.buyers.next++ % m_setup.buyers.tokens.size()];
            c.unitsOnAccount = 0;
            c.holds.clear(); // another person now; the last one's holds stay until they expire
        }
        json::array ids;
        const int want = 1 + static_cast<int>(c.rng() % 4);
        std::vector<std::size_t> picked;
        for (int tries = 0; tries < 400 && static_cast<int>(ids.size()) < want; ++tries) {
            const auto pick = c.rng() % m_setup.seats.size();
            if (m_taken[pick] || std::find(picked.begin(), picked.end(), pick) != picked.end())
                continue;
            picked.push_back(pick);
            ids.emplace_back(m_setup.seats[pick]);
        }
        if (ids.empty())
            return std::nullopt; // nothing looks free to this client any more
        c.kind = Kind::Hold;
        return bench::LoadRequest{
            "POST",
            "/api/v1/bookings/hold",
            json::serialize(json::object{{"event_id", m_setup.eventId}, {"seat_ids", ids}}),
            {{"Authorization", "Bearer " + c.token},
             {"Idempotency-Key", "ft-" + std::to_string(i) + "-" + std::to_string(c.attempt)}}};
    }

    static bool transient(const bench::LoadResponse& r)
    {
        if (r.status == 0 || r.status == 502 || r.status == 503 || r.status == 504)
            return true;
        return r.status == 409 && r.body.find("idempotency_key_in_flight") != std::string::npos;
    }

    void mark(const std::string& seat, bool taken)
    {
        if (auto it = m_setup.seatIndex.find(seat); it != m_setup.seatIndex.end())
            m_taken[it->second] = taken;
    }

    void onAnswer(int i, const bench::LoadRequest& req, const bench::LoadResponse& r)
    {
        auto& c = m_clients[static_cast<std::size_t>(i)];
        const double now = secondsSince(m_epoch);
        if (transient(r)) {
            if (++c.tries > 120) { // about two minutes of trying
                const std::lock_guard lock(m_mutex);
                ++m_outcomes.gaveUp;
                c.pending.reset();
                c.tries = 0;
                return;
            }
            c.pending = req;
            c.pendingKind = c.kind;
            const std::lock_guard lock(m_mutex);
            ++m_outcomes.retries;
            return;
        }
        c.pending.reset();
        c.tries = 0;
        const std::lock_guard lock(m_mutex);
        (c.kind == Kind::Hold ? m_outcomes.holds : m_outcomes.releases)[r.status]++;
        if (r.status >= 500 && m_outcomes.serverErrors.size() < 5)
            m_outcomes.serverErrors.push_back(req.method + " " + req.target + " -> " +
                                              std::to_string(r.status) + " " +
                                              r.body.substr(0, 300));
        if (c.kind == Kind::Hold && r.status == 201) {
            const auto b = json::parse(r.body);
            Held held{std::string(b.at("booking_id").as_string()), {}};
            for (const auto& item : b.at("line_items").as_array()) {
                const std::string seat(item.at("seat_id").as_string());
                mark(seat, true);
                if (auto it = m_setup.seatIndex.find(seat); it != m_setup.seatIndex.end())
                    held.seats.push_back(it->second);
            }
            c.unitsOnAccount += static_cast<int>(held.seats.size());
            m_ackedHolds.push_back({held.booking, now});
            c.holds.push_back(std::move(held));
            m_holdTimes.push_back(now);
            const auto second = static_cast<std::size_t>(now);
            if (m_perSecond.size() <= second)
                m_perSecond.resize(second + 1);
            ++m_perSecond[second];
        } else if (c.kind == Kind::Hold && r.status == 409) {
            const auto b = json::parse(r.body);
            if (b.at("code").as_string() == "seats_unavailable") {
                for (const auto& id : b.at("unavailable_seat_ids").as_array())
                    mark(std::string(id.as_string()), true);
            } else if (b.at("code").as_string() == "hold_limit_reached") {
                c.unitsOnAccount = 100;
            }
        } else if (c.kind == Kind::Release && !c.holds.empty()) {
            if (r.status == 200) {
                m_ackedReleases.push_back({c.holds.front().booking, now});
                for (const auto seat : c.holds.front().seats)
                    m_taken[seat] = false;
            }
            c.holds.erase(c.holds.begin());
        }
    }

    const Args& m_args;
    Setup& m_setup;
    Clock::time_point m_epoch;
    std::vector<std::atomic<bool>> m_taken; // what the buyers know is taken
    std::vector<Client> m_clients;
    mutable std::mutex m_mutex;
    Outcomes m_outcomes;
    std::vector<Acked> m_ackedHolds, m_ackedReleases;
    std::vector<double> m_holdTimes;
    std::vector<int> m_perSecond;
};

void printStatuses(const char* what, const std::map<int, std::uint64_t>& statuses)
{
    std::printf("%s", what);
    for (const auto& [status, n] : statuses)
        std::printf(" %s x%llu", status == 0 ? "no answer" : std::to_string(status).c_str(),
                    static_cast<unsigned long long>(n));
    std::printf("\n");
}

void reportSale(const Sale& sale, const bench::LoadStats& stats)
{
    const auto o = sale.outcomes();
    const auto holds = o.holds.count(201) ? o.holds.at(201) : 0;
    std::printf("the sale, %.0f s:\n", stats.seconds);
    std::printf("  successful holds: %llu = %.0f/s\n", static_cast<unsigned long long>(holds),
                holds / stats.seconds);
    bench::printLoad("every answer clients saw, retries included", stats);
    printStatuses("  holds, the answer that decided each:", o.holds);
    printStatuses("  releases, the answer that decided each:", o.releases);
    std::printf("  retries with the same key: %llu; given up after two minutes: %llu\n",
                static_cast<unsigned long long>(o.retries),
                static_cast<unsigned long long>(o.gaveUp));
    for (const auto& e : o.serverErrors)
        std::printf("  a server error: %s\n", e.c_str());
    std::printf("  successful holds per second:");
    for (const auto n : sale.holdsPerSecond())
        std::printf(" %d", n);
    std::printf("\n");
}

bool ready(const Monitor::State& s)
{
    return s.ready;
}
bool redisUp(const Monitor::State& s)
{
    return s.answering && s.redis;
}

// How long each fault cost, from the instances' own reports and from the clients' holds.
void reportRecovery(const Timeline& timeline, const Monitor& monitor, const Sale& sale,
                    const std::string& stackDir)
{
    const auto& f = timeline.faults();
    auto after = [](std::optional<double> t, double from) {
        return t ? std::to_string(static_cast<int>((*t - from) * 10 + 0.5) / 10.0).substr(0, 4) +
                       " s"
                 : std::string("never");
    };
    auto gap = [&](double from, double to) {
        const auto [g, at] = sale.longestGap(from, std::min(to, timeline.end()));
        char buf[96];
        std::snprintf(buf, sizeof buf, "%.2f s without a successful hold (from +%.1f s)", g,
                      at - from);
        return std::string(buf);
    };
    std::printf("recovery:\n");
    std::printf("  %s at %.1f s: restarted at %.1f s and ready %s later; clients: the longest "
                "%s\n",
                f[0].what.c_str(), f[0].at, f[1].done,
                after(monitor.instanceFrom(f[1].done, 1, ready), f[1].done).c_str(),
                gap(f[0].at, f[0].at + 5).c_str());
    std::printf("  %s at %.1f s (back %.1f s later): every instance on Redis again %s later; "
                "clients: the longest %s\n",
                f[2].what.c_str(), f[2].at, f[2].done - f[2].at,
                after(monitor.allFrom(f[2].done, redisUp), f[2].at).c_str(),
                gap(f[2].at, f[2].at + 5).c_str());
    std::printf("  %s at %.1f s: every instance on the new master %s later; clients: the "
                "longest %s\n",
                f[3].what.c_str(), f[3].at,
                after(monitor.allFrom(f[3].done + 0.5, redisUp), f[3].at).c_str(),
                gap(f[3].at, f[3].at + 8).c_str());
    const auto lag = bench::run("cat '" + stackDir + "/replication-lag' 2>/dev/null");
    if (const auto bar = lag.find('|'); bar != std::string::npos)
        std::printf("  WAL the replica had not received / not flushed the moment before the "
                    "primary's kill: %lld / %lld bytes\n",
                    std::atoll(lag.c_str()), std::atoll(lag.c_str() + bar + 1));
    const auto allReady = monitor.allFrom(f[5].done, ready);
    std::printf("  %s at %.2f s, %s at %.1f s: every instance ready %s after the promotion "
                "(%s after the kill); clients: %s\n",
                f[4].what.c_str(), f[4].done, f[5].what.c_str(), f[5].done,
                after(allReady, f[5].done).c_str(), after(allReady, f[4].at).c_str(),
                gap(f[4].at, f[4].at + 15).c_str());
}

// Every seat that availability shows available is held now, by fresh buyers: a seat refused
// then is stuck (shown available, sold to no one).
int sweep(const Args& a, Setup& s)
{
    const auto av = availability(a, s.eventId);
    if (!av)
        return -1;
    std::vector<std::string> free;
    for (const auto& seat : av->seats)
        if (seat.status == domain::SeatStatus::Available)
            free.push_back(seat.seat.toString());
    bench::Buyers sweepers;
    bench::makeBuyers(a.db, static_cast<int>(free.size()) / 10 + 1, sweepers, "sweeper");
    std::atomic<std::size_t> nextSeat{0};
    std::mutex m;
    std::vector<std::string> stuck;
    std::uint64_t retries = 0, other = 0;
    std::vector<std::optional<bench::LoadRequest>> pending(50);
    std::atomic<std::uint64_t> key{0};
    bench::HttpLoad load("127.0.0.1", a.front, 50, 1);
    load.reconnectAfterErrors(std::chrono::milliseconds(200));
    const auto stats = load.run(
        [&](int i) -> std::optional<bench::LoadRequest> {
            if (pending[static_cast<std::size_t>(i)])
                return pending[static_cast<std::size_t>(i)];
            const auto first = nextSeat.fetch_add(5);
            if (first >= free.size())
                return std::nullopt;
            json::array ids;
            for (auto k = first; k < std::min(free.size(), first + 5); ++k)
                ids.emplace_back(free[k]);
            const auto n = key++;
            return bench::LoadRequest{
                "POST",
                "/api/v1/bookings/hold",
                json::serialize(json::object{{"event_id", s.eventId}, {"seat_ids", ids}}),
                {{"Authorization", "Bearer " + sweepers.tokens[(n / 2) % sweepers.tokens.size()]},
                 {"Idempotency-Key", "sweep-" + std::to_string(n)}}};
        },
        [&](int i, const bench::LoadRequest& req, const bench::LoadResponse& r) {
            auto& p = pending[static_cast<std::size_t>(i)];
            const std::lock_guard lock(m);
            if (r.status == 0 || r.status == 502 || r.status == 503) {
                p = req;
                ++retries;
                return;
            }
            p.reset();
            if (r.status == 201)
                return;
            if (r.status == 409) {
                const auto b = json::parse(r.body);
                if (b.at("code").as_string() == "seats_unavailable") {
                    for (const auto& id : b.at("unavailable_seat_ids").as_array())
                        stuck.emplace_back(id.as_string());
                    // The rest of the request's seats again, without the refused ones.
                    return;
                }
            }
            ++other;
            if (other <= 3)
                std::printf("  sweep: %d %s\n", r.status, r.body.substr(0, 200).c_str());
        },
        std::chrono::minutes(5));
    // A request refused for one seat held none of its seats: try the others alone.
    std::vector<std::string> again;
    {
        std::set<std::string> refused(stuck.begin(), stuck.end());
        const auto after = availability(a, s.eventId);
        if (after)
            for (const auto& seat : after->seats)
                if (seat.status == domain::SeatStatus::Available &&
                    !refused.count(seat.seat.toString()))
                    again.push_back(seat.seat.toString());
    }
    int stuckCount = static_cast<int>(stuck.size());
    bench::Buyers more;
    bench::makeBuyers(a.db, static_cast<int>(again.size()) / 10 + 1, more, "sweeper-again");
    std::size_t n = 0;
    for (const auto& seat : again) {
        const auto r = bench::call(
            a.front, "POST", "/api/v1/bookings/hold",
            json::object{{"event_id", s.eventId}, {"seat_ids", json::array{json::value(seat)}}},
            more.tokens[n++ / 10]);
        if (r.status == 409 && r.body.find("seats_unavailable") != std::string::npos)
            ++stuckCount;
    }
    std::printf("stuck seats: %zu shown available after the sale; every one held by a fresh buyer "
                "except %d refused (%llu retries, %llu other answers; %.1f s): %s\n",
                free.size(), stuckCount, static_cast<unsigned long long>(retries),
                static_cast<unsigned long long>(other), stats.seconds,
                stuckCount == 0 ? "OK" : "BROKEN");
    for (std::size_t k = 0; k < std::min<std::size_t>(3, stuck.size()); ++k)
        std::printf("  refused while shown available: %s\n", stuck[k].c_str());
    return stuckCount;
}

// From the new primary: nothing sold twice, every acknowledged write there, and availability
// saying exactly what the rows say.
// True when consistent (nothing twice, availability = rows); `lostWrites` counts the
// acknowledged holds and releases the new primary does not have.
bool invariants(const Args& a, const Setup& s, const Sale& sale, const domain::Availability& av,
                long long& lostWrites)
{
    pqxx::connection c(a.db);
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
    const auto twice =
        tx.exec_params1(
              R"sql(SELECT count(*) FROM (SELECT i.unit_id FROM booking_items i JOIN bookings b
            ON b.id = i.booking_id WHERE b.event_id = $1::uuid AND b.status IN ('held', 'confirmed')
            GROUP BY i.unit_id HAVING count(*) > 1) d)sql",
              s.eventId)[0]
            .as<long long>();
    std::map<std::string, std::string> status;
    for (const auto& row : tx.exec_params("SELECT id::text, status FROM bookings WHERE event_id = "
                                          "$1::uuid",
                                          s.eventId))
        status[row[0].as<std::string>()] = row[1].as<std::string>();
    long long holdsLost = 0, releasesLost = 0;
    double firstLostAt = 1e9, lastLostAt = 0;
    auto lost = [&](double at) {
        firstLostAt = std::min(firstLostAt, at);
        lastLostAt = std::max(lastLostAt, at);
    };
    for (const auto& h : sale.ackedHolds())
        if (!status.count(h.booking)) {
            ++holdsLost;
            lost(h.at);
        }
    for (const auto& r : sale.ackedReleases()) {
        auto it = status.find(r.booking);
        if (it == status.end() || it->second == "held" || it->second == "confirmed") {
            ++releasesLost;
            lost(r.at);
        }
    }
    std::map<std::string, std::string> rows;
    for (const auto& row : tx.exec_params(
             "SELECT seat_id::text, status FROM inventory_units WHERE event_id = $1::uuid",
             s.eventId))
        rows[row[0].as<std::string>()] = row[1].as<std::string>();
    const auto heldByBookings =
        tx.exec_params1(
              R"sql(SELECT count(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id
            WHERE b.event_id = $1::uuid AND b.status = 'held')sql",
              s.eventId)[0]
            .as<long long>();
    long long differ = 0, heldRows = 0;
    for (const auto& seat : av.seats) {
        const auto it = rows.find(seat.seat.toString());
        if (it == rows.end() || it->second != toString(seat.status))
            ++differ;
    }
    for (const auto& [seat, st] : rows)
        heldRows += st == "held";
    long long tierHeld = 0;
    for (const auto& t : av.tiers)
        tierHeld += t.held;
    const bool ok = twice == 0 && differ == 0 && heldRows == heldByBookings && tierHeld == heldRows;
    lostWrites = holdsLost + releasesLost;
    std::printf("invariants on the new primary:\n");
    std::printf("  units in two live bookings: %lld\n", twice);
    std::printf("  acknowledged holds (201) missing: %lld of %zu; acknowledged releases (200) not "
                "released: %lld of %zu\n",
                holdsLost, sale.ackedHolds().size(), releasesLost, sale.ackedReleases().size());
    if (holdsLost + releasesLost > 0)
        std::printf("  (acknowledged to the clients between +%.2f s and +%.2f s of the sale)\n",
                    firstLostAt, lastLostAt);
    std::printf("  availability at seq %lld vs the rows: %lld seats differ; held rows %lld, items "
                "of held bookings %lld, availability's held count %lld: %s\n",
                static_cast<long long>(av.seq), differ, heldRows, heldByBookings, tierHeld,
                ok ? "OK" : "BROKEN");
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const Args a = parseArgs(argc, argv);
    if (a.instances.empty() || a.db.empty() || a.stack.empty()) {
        std::fprintf(stderr, "run by bench/run-faults\n");
        return 2;
    }
    Setup setup;
    if (!setUp(a, setup))
        return 1;
    Subscribers live(a, setup);
    if (!live.start())
        return 1;
    const auto epoch = Clock::now();
    Monitor monitor(a, epoch);
    Timeline timeline(a, epoch);
    Sale sale(a, setup, epoch);
    timeline.start();
    const auto stats =
        sale.run(std::chrono::milliseconds(static_cast<long long>(timeline.end() * 1000)));
    timeline.join();
    std::this_thread::sleep_for(std::chrono::seconds(2)); // what was in flight lands
    monitor.stop();
    reportSale(sale, stats);
    reportRecovery(timeline, monitor, sale, a.stackDir);
    const int stuck = sweep(a, setup);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const auto av = availability(a, setup.eventId);
    if (!av)
        return 1;
    long long lostWrites = 0;
    const bool ok = invariants(a, setup, sale, *av, lostWrites);
    live.report(*av);
    const auto o = sale.outcomes();
    std::uint64_t fiveHundreds = 0;
    for (const auto& m : {o.holds, o.releases})
        for (const auto& [status, n] : m)
            fiveHundreds += status == 500 ? n : 0;
    std::printf("verdict (%s replication): %llu answers 500, %d seats stuck, %lld acknowledged "
                "writes lost, nothing sold twice and availability = rows: %s, live subscribers "
                "%s\n",
                a.mode.c_str(), static_cast<unsigned long long>(fiveHundreds), stuck, lostWrites,
                ok ? "yes" : "NO", live.ok() ? "gap-free" : "NOT gap-free");
    return 0;
}
