// Flash-sale benchmark (issue 4). Scenario 1: one event with 20,000 reserved seats and 5,000
// standing places; 1,000 keep-alive clients pick seats that look free to them until all is
// held; then the invariants, and pgbench -N -c 32 on the same PostgreSQL for the ratio.
// Scenario 2: holds of seats already held (refused on the Redis fast path), against
// redis-benchmark SET NX on the same Redis. Run by bench/run-flashsale (see bench/README.md).
#include "domain/Clock.h"
#include "loadgen/HttpLoad.h"
#include "loadgen/WsClients.h"
#include "support/SaleSupport.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

using namespace ticketing;
namespace json = boost::json;

namespace {
struct Args
{
    std::uint16_t port = 18091;
    std::string db;          // the database ticketd uses
    std::string pgbenchDb;   // an initialised pgbench database on the same server
    std::string redisSocket; // the Redis ticketd uses
    std::string organizerEmail, organizerPassword;
    int clients = 1000;
    int subscribers = 2000;
    bool fullDeltas = false; // subscribers ask for the compact format unless --full-deltas 1
    int seconds = 180;
    int sections = 20, rows = 20, seatsPerRow = 50, standing = 5000;
};

bench::LoadResponse call(const Args& a, const std::string& method, const std::string& target,
                         const json::value& body, const std::string& token = {})
{
    return bench::call(a.port, method, target, body, token);
}

Args parseArgs(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--port")
            a.port = static_cast<std::uint16_t>(std::stoi(v));
        else if (k == "--db")
            a.db = v;
        else if (k == "--pgbench-db")
            a.pgbenchDb = v;
        else if (k == "--redis-socket")
            a.redisSocket = v;
        else if (k == "--organizer")
            a.organizerEmail = v;
        else if (k == "--password")
            a.organizerPassword = v;
        else if (k == "--clients")
            a.clients = std::stoi(v);
        else if (k == "--seconds")
            a.seconds = std::stoi(v);
        else if (k == "--sections")
            a.sections = std::stoi(v);
        else if (k == "--subscribers")
            a.subscribers = std::stoi(v);
        else if (k == "--full-deltas")
            a.fullDeltas = v == "1";
    }
    return a;
}

// The sale's event as ticketd made it, and what clients pick from.
struct Setup
{
    std::string org; // the organizer's token
    json::object eventBody;
    std::string eventId;
    std::string floorTier;
    std::vector<std::string> seats; // in the snapshot's order
    std::unordered_map<std::string, std::size_t> seatIndex;
    bench::Buyers buyers;
    int seatCount = 0;
};

// A new event of the sale's venue, published; its id and its standing tier's id.
std::optional<std::pair<std::string, std::string>> publishEvent(const Args& a, const Setup& s)
{
    auto e = call(a, "POST", "/api/v1/events", s.eventBody, s.org);
    if (e.status != 201) {
        std::fprintf(stderr, "event: %d %s\n", e.status, e.body.substr(0, 500).c_str());
        return std::nullopt;
    }
    const auto event = json::parse(e.body);
    std::string id(event.at("id").as_string());
    std::string floor(event.at("tiers").as_array().at(1).at("id").as_string());
    auto published = call(a, "POST", "/api/v1/events/" + id + "/publish", nullptr, s.org);
    if (published.status != 200) {
        std::fprintf(stderr, "publish: %d %s\n", published.status, published.body.c_str());
        return std::nullopt;
    }
    return std::pair{id, floor};
}

// The venue, the event, its seats and the buyers.
bool setUp(const Args& a, Setup& s)
{
    auto login = call(a, "POST", "/api/v1/auth/login",
                      json::object{{"email", a.organizerEmail}, {"password", a.organizerPassword}});
    if (login.status != 200) {
        std::fprintf(stderr, "organizer login failed: %d %s\n", login.status, login.body.c_str());
        return false;
    }
    s.org = std::string(json::parse(login.body).at("access_token").as_string());
    auto v = call(a, "POST", "/api/v1/venues",
                  bench::arenaVenue(a.sections, a.rows, a.seatsPerRow, a.standing), s.org);
    if (v.status != 201) {
        std::fprintf(stderr, "venue: %d %s\n", v.status, v.body.substr(0, 300).c_str());
        return false;
    }
    json::array keys;
    for (int i = 0; i < a.sections; ++i)
        keys.emplace_back("S" + std::to_string(i));
    s.eventBody = {
        {"venue_id", json::parse(v.body).at("id")},
        {"title", "Flash sale"},
        {"description", ""},
        {"genre", "music"},
        {"start_time", "2031-06-01T19:00:00Z"},
        {"end_time", "2031-06-01T23:00:00Z"},
        {"currency", "GBP"},
        {"tiers",
         json::array{json::object{{"name", "Seats"}, {"price", "50.00"}, {"section_keys", keys}},
                     json::object{{"name", "Floor"},
                                  {"price", "30.00"},
                                  {"section_key", "FLOOR"},
                                  {"quantity", a.standing}}}}};
    auto event = publishEvent(a, s);
    if (!event)
        return false;
    std::tie(s.eventId, s.floorTier) = *event;
    auto avail = call(a, "GET", "/api/v1/events/" + s.eventId + "/availability", nullptr);
    if (avail.status != 200) {
        std::fprintf(stderr, "availability: %d %s\n", avail.status,
                     avail.body.substr(0, 300).c_str());
        return false;
    }
    const auto availability = json::parse(avail.body);
    for (const auto& seat : availability.at("seats").as_array())
        s.seats.emplace_back(seat.at("seat_id").as_string());
    for (std::size_t i = 0; i < s.seats.size(); ++i)
        s.seatIndex[s.seats[i]] = i;
    s.seatCount = a.sections * a.rows * a.seatsPerRow;
    const int accounts = (s.seatCount + a.standing) / 6 + a.clients;
    bench::makeBuyers(a.db, accounts, s.buyers);
    std::printf(
        "flash sale: %d reserved seats, %d standing places, %d clients, %d buyer accounts\n",
        s.seatCount, a.standing, a.clients, accounts);
    return true;
}

std::int64_t microsSince(std::chrono::steady_clock::time_point epoch,
                         std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(t - epoch).count();
}

// Scenario 3, alongside the sale: live subscribers join before it; 100 of them time, per seat,
// the gap between the buyer's 201 (after its commit) and the delta that shows the seat held: a
// lower bound of the delay from commit to delivery.
class LiveSubscribers
{
public:
    LiveSubscribers(const Args& a, const Setup& s, std::chrono::steady_clock::time_point epoch)
        : m_args(a), m_setup(s), m_epoch(epoch), m_heldAt(s.seats.size()),
          m_clients(
              "127.0.0.1", a.port, "/api/v1/ws", a.subscribers,
              json::serialize(json::object{{"type", "subscribe"},
                                           {"channel", "event:" + s.eventId},
                                           {"since", nullptr},
                                           {"format", a.fullDeltas ? "full" : "compact"}}),
              [this](int client, std::string_view text, std::chrono::steady_clock::time_point at) {
                  onMessage(client, text, at);
              })
    {
    }

    // When the buyer's 201 for seat `index` came (the first one counts).
    void held(std::size_t index, std::chrono::steady_clock::time_point at)
    {
        long long none = 0;
        m_heldAt[index].compare_exchange_strong(none, microsSince(m_epoch, at));
    }

    void start()
    {
        if (m_args.subscribers <= 0)
            return;
        m_clients.start();
        for (int i = 0; i < 600 && m_snapshots.load() < m_args.subscribers; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::printf("live subscribers: %d connected, %d snapshots received before the sale\n",
                    m_clients.open(), m_snapshots.load());
    }

    void report()
    {
        if (m_args.subscribers <= 0)
            return;
        std::this_thread::sleep_for(std::chrono::seconds(1)); // the last deltas
        std::vector<double> d;
        {
            const std::lock_guard lock(m_mutex);
            d = m_delays;
        }
        std::sort(d.begin(), d.end());
        auto pct = [&](double p) {
            return d.empty()
                       ? 0.0
                       : d[std::min(d.size() - 1, static_cast<std::size_t>(p / 100 * d.size()))];
        };
        std::printf("scenario 3, %d live subscribers (%s deltas) during the sale: still connected "
                    "%d; %lld deltas delivered; delay from "
                    "the buyer's 201 to the subscriber's delta (%zu samples from 100 subscribers): "
                    "p50 %.1f ms, p95 %.1f ms, "
                    "p99 %.1f ms\n",
                    m_args.subscribers, m_args.fullDeltas ? "full" : "compact", m_clients.open(),
                    m_deltas.load(), d.size(), pct(50), pct(95), pct(99));
        m_clients.stop();
    }

private:
    void onMessage(int client, std::string_view text, std::chrono::steady_clock::time_point at)
    {
        if (text.find("\"type\":\"snapshot\"") != std::string_view::npos) {
            ++m_snapshots;
            return;
        }
        ++m_deltas;
        if (client >= 100)
            return;
        const auto msg = json::parse(text);
        const auto* changes = msg.as_object().if_contains("changes");
        if (!changes)
            return;
        std::vector<double> mine;
        for (const auto& ch : changes->as_array()) {
            std::size_t seat = 0;
            if (ch.is_array()) { // compact: [index in the snapshot, status letter]
                if (ch.as_array().at(1).as_string() != "h")
                    continue;
                seat = static_cast<std::size_t>(ch.as_array().at(0).to_number<long long>());
            } else {
                if (ch.at("status").as_string() != "held")
                    continue;
                auto it = m_setup.seatIndex.find(std::string(ch.at("seat_id").as_string()));
                if (it == m_setup.seatIndex.end())
                    continue;
                seat = it->second;
            }
            if (seat >= m_heldAt.size())
                continue;
            const auto held = m_heldAt[seat].load();
            if (held > 0)
                mine.push_back(std::max<long long>(0, microsSince(m_epoch, at) - held) / 1000.0);
        }
        const std::lock_guard lock(m_mutex);
        m_delays.insert(m_delays.end(), mine.begin(), mine.end());
    }

    const Args& m_args;
    const Setup& m_setup;
    std::chrono::steady_clock::time_point m_epoch;
    std::vector<std::atomic<long long>> m_heldAt;
    std::mutex m_mutex;
    std::vector<double> m_delays;
    std::atomic<int> m_snapshots{0};
    std::atomic<long long> m_deltas{0};
    bench::WsClients m_clients;
};

// Scenario 1 (and 4): buyers hold seats that look free to them until all is held. What every
// buyer can see of the live seat map: seats known to be taken. A client looks at it, with its
// own lag, when it picks seats (it refreshes its view every few attempts).
class Sale
{
public:
    Sale(const Args& a, Setup& s, LiveSubscribers& live)
        : m_args(a), m_setup(s), m_live(live), m_taken(s.seats.size()),
          m_clients(static_cast<std::size_t>(a.clients))
    {
        for (int i = 0; i < a.clients; ++i) {
            m_clients[i].rng.seed(static_cast<unsigned>(i * 7919 + 17));
            m_clients[i].token = s.buyers.tokens[s.buyers.next++];
            m_clients[i].standingBuyer = i % 5 == 0;
        }
    }

    // Closed loop until the time limit or all is held; or open loop at `rate` holds a second.
    bench::LoadStats run(std::chrono::seconds limit, std::optional<double> rate = std::nullopt)
    {
        bench::HttpLoad load("127.0.0.1", m_args.port, m_args.clients, 1);
        auto next = [this](int i) { return nextRequest(i); };
        auto done = [this](int i, const bench::LoadRequest&, const bench::LoadResponse& r) {
            onAnswer(i, r);
        };
        return rate ? load.run(next, done, limit, *rate) : load.run(next, done, limit);
    }

    // The same buyers, on a fresh event.
    void restartOn(const std::string& event, const std::string& floorTier)
    {
        m_setup.eventId = event;
        m_setup.floorTier = floorTier;
        for (auto& t : m_taken)
            t = false;
        m_takenCount = 0;
        m_floorSoldOut = false;
        for (auto& c : m_clients)
            c.unitsOnAccount = 100; // a fresh buyer for the new event
    }

    std::uint64_t unitsHeld() const { return m_unitsHeld.load(); }
    std::uint64_t conflicts() const { return m_conflicts.load(); }
    std::uint64_t soldOut() const { return m_soldOut.load(); }

private:
    struct Client
    {
        std::mt19937 rng;
        std::string token;
        int unitsOnAccount = 0;
        bool standingBuyer = false;
        std::vector<std::size_t> lastPick;
        std::uint64_t attempt = 0;
    };

    void markTaken(const std::string& id)
    {
        if (auto it = m_setup.seatIndex.find(id);
            it != m_setup.seatIndex.end() && !m_taken[it->second].exchange(true))
            ++m_takenCount;
    }

    // Seats that look free to client `c`: up to `want`, or the last free ones.
    std::optional<json::array> pickSeats(Client& c)
    {
        const auto& seats = m_setup.seats;
        if (m_takenCount.load() >= static_cast<int>(seats.size()))
            return std::nullopt; // nothing left to try for
        const int want = 1 + static_cast<int>(c.rng() % 4);
        json::array ids;
        c.lastPick.clear();
        for (int tries = 0; tries < 200 && static_cast<int>(ids.size()) < want; ++tries) {
            const auto pick = c.rng() % seats.size();
            if (m_taken[pick] ||
                std::find(c.lastPick.begin(), c.lastPick.end(), pick) != c.lastPick.end())
                continue;
            c.lastPick.push_back(pick);
            ids.emplace_back(seats[pick]);
        }
        if (ids.empty()) { // the free seats are few: look through them all
            for (std::size_t k = 0; k < seats.size() && ids.size() < 2; ++k)
                if (!m_taken[k]) {
                    c.lastPick.push_back(k);
                    ids.emplace_back(seats[k]);
                }
            if (ids.empty())
                return std::nullopt;
        }
        return ids;
    }

    std::optional<bench::LoadRequest> nextRequest(int i)
    {
        auto& c = m_clients[static_cast<std::size_t>(i)];
        ++c.attempt;
        if (c.unitsOnAccount >= 7) { // the per-user limit (per event): the next buyer
            c.token = m_setup.buyers.tokens[m_setup.buyers.next++ % m_setup.buyers.tokens.size()];
            c.unitsOnAccount = 0;
        }
        json::object body{{"event_id", m_setup.eventId}};
        if (c.standingBuyer && !m_floorSoldOut) {
            body["ticket_tier_id"] = m_setup.floorTier;
            body["quantity"] = 1 + static_cast<int>(c.rng() % 4);
        } else {
            auto ids = pickSeats(c);
            if (!ids)
                return std::nullopt;
            body["seat_ids"] = std::move(*ids);
        }
        return bench::LoadRequest{
            "POST",
            "/api/v1/bookings/hold",
            json::serialize(body),
            {{"Authorization", "Bearer " + c.token},
             {"Idempotency-Key", "fs-" + std::to_string(i) + "-" + std::to_string(c.attempt)}}};
    }

    void onAnswer(int i, const bench::LoadResponse& r)
    {
        auto& c = m_clients[static_cast<std::size_t>(i)];
        if (r.status == 201) {
            const auto b = json::parse(r.body);
            const auto& items = b.at("line_items").as_array();
            m_unitsHeld += items.size();
            c.unitsOnAccount += static_cast<int>(items.size());
            const auto now = std::chrono::steady_clock::now();
            for (const auto& item : items)
                if (item.at("seat_id").is_string()) {
                    const std::string id(item.at("seat_id").as_string());
                    markTaken(id);
                    if (auto it = m_setup.seatIndex.find(id); it != m_setup.seatIndex.end())
                        m_live.held(it->second, now);
                }
        } else if (r.status == 409) {
            const auto b = json::parse(r.body);
            const auto code = b.at("code").as_string();
            if (code == "seats_unavailable") {
                ++m_conflicts;
                for (const auto& id : b.at("unavailable_seat_ids").as_array())
                    markTaken(std::string(id.as_string()));
            } else if (code == "sold_out") {
                ++m_soldOut;
                if (b.at("available").to_number<int>() == 0)
                    m_floorSoldOut = true;
            } else if (code == "hold_limit_reached") {
                c.unitsOnAccount = 100; // switch account on the next attempt
            }
        }
    }

    const Args& m_args;
    Setup& m_setup;
    LiveSubscribers& m_live;
    std::vector<std::atomic<bool>> m_taken;
    std::atomic<int> m_takenCount{0};
    std::atomic<bool> m_floorSoldOut{false};
    std::vector<Client> m_clients;
    std::atomic<std::uint64_t> m_unitsHeld{0}, m_conflicts{0}, m_soldOut{0};
};

void reportSale(const Args& a, const Setup& s, const Sale& sale, const bench::LoadStats& stats)
{
    const auto holds = stats.count(201);
    std::printf("scenario 1, the sale:\n");
    bench::printLoad("hold attempts", stats);
    std::printf("  successful holds: %llu = %.0f/s; attempts %.0f/s; units held %llu of %d; "
                "conflict rate %.1f %% "
                "(seats_unavailable / attempts); sold_out answers %llu\n",
                static_cast<unsigned long long>(holds), holds / stats.seconds,
                stats.total() / stats.seconds, static_cast<unsigned long long>(sale.unitsHeld()),
                s.seatCount + a.standing,
                100.0 * sale.conflicts() / std::max<double>(1, stats.total()),
                static_cast<unsigned long long>(sale.soldOut()));
    const auto metrics = call(a, "GET", "/metrics", nullptr).body;
    const double batches = bench::numberAt(metrics, "\nticketd_hold_batches_total ", true);
    const double batched = bench::numberAt(metrics, "\nticketd_hold_batched_total ", true);
    std::printf("  hold transactions: %.0f for %.0f holds placed (%.1f per transaction)\n", batches,
                batched, batches > 0 ? batched / batches : 0.0);
}

// The invariants, from the database: no unit in two live bookings, and the held rows, the
// booking items, availability and the clients' count agree.
void checkInvariants(const Args& a, const Setup& s, std::uint64_t unitsHeld)
{
    // A run cut by its time limit leaves requests in flight: let them finish, then read one
    // snapshot.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    pqxx::connection c(a.db);
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
    const auto twice =
        tx.exec_params1(
              R"sql(SELECT count(*) FROM (SELECT i.unit_id FROM booking_items i JOIN bookings b
            ON b.id = i.booking_id WHERE b.event_id = $1::uuid AND b.status IN ('held', 'confirmed')
            GROUP BY i.unit_id HAVING count(*) > 1) d)sql",
              s.eventId)[0]
            .as<long long>();
    const auto rows = tx.exec_params1("SELECT count(*) FROM inventory_units WHERE event_id = "
                                      "$1::uuid AND status = 'held'",
                                      s.eventId)[0]
                          .as<long long>();
    const auto items =
        tx.exec_params1(
              R"sql(SELECT count(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id
            WHERE b.event_id = $1::uuid AND b.status = 'held')sql",
              s.eventId)[0]
            .as<long long>();
    const auto av =
        json::parse(call(a, "GET", "/api/v1/events/" + s.eventId + "/availability", nullptr).body);
    long long availHeld = 0;
    for (const auto& t : av.at("tiers").as_array())
        availHeld += t.at("held").to_number<long long>();
    // Clients count only the answers they received before the time limit.
    const bool soldOutInTime = static_cast<int>(unitsHeld) == s.seatCount + a.standing;
    const bool ok = twice == 0 && rows == items && availHeld == rows &&
                    (!soldOutInTime || rows == static_cast<long long>(unitsHeld));
    std::printf("  invariants: units in two live bookings: %lld; held rows %lld, booking items "
                "%lld, availability "
                "says %lld, clients counted %llu%s: %s\n",
                twice, rows, items, availHeld, static_cast<unsigned long long>(unitsHeld),
                soldOutInTime ? "" : " (cut by the time limit)", ok ? "OK" : "BROKEN");
}

// The reference: pgbench on the same PostgreSQL, and the ratio.
void pgbenchReference(const Args& a, double holdsPerSecond)
{
    const auto pg = bench::run("pgbench -n -N -c 32 -j 2 -T 15 '" + a.pgbenchDb + "' 2>&1");
    const double tps = bench::numberAt(pg, "tps = ", true);
    std::printf("  reference: pgbench -N -c 32 -T 15 on the same PostgreSQL: %.0f tps\n", tps);
    std::printf("  ratio successful holds/s / pgbench tps: %.2f\n",
                tps > 0 ? holdsPerSecond / tps : 0.0);
}

// Scenario 4: the same sale, open loop at 70 % of scenario 1's peak. The peak is scenario 1's
// rate of successful holds: a fresh event's attempts are nearly all holds that succeed, while
// scenario 1's attempt rate is swollen by refusals that the Redis fast path answers cheaply once
// most seats are taken.
bool openLoop(const Args& a, Setup& s, Sale& sale, double peak)
{
    auto event = publishEvent(a, s);
    if (!event) {
        std::fprintf(stderr, "second event: publish failed\n");
        return false;
    }
    sale.restartOn(event->first, event->second);
    const double rate = 0.7 * peak;
    const auto run70 = sale.run(std::chrono::seconds(8), rate);
    std::printf("scenario 4, open loop at 70 %% of the peak rate of successful holds (%.0f/s "
                "of %.0f/s), 8 s on a "
                "fresh event:\n",
                rate, peak);
    bench::printLoad("hold attempts", run70);
    std::printf("  p95 latency at 70 %% of the peak: %.1f ms (aim: under 50 ms)\n",
                run70.percentile(95));
    return true;
}

// Scenario 2: refusals of seats already held (the Redis fast path), against redis-benchmark.
void refusals(const Args& a, const Setup& s, const std::string& soldOutEvent)
{
    std::vector<std::mt19937> rngs(200);
    for (std::size_t i = 0; i < rngs.size(); ++i)
        rngs[i].seed(static_cast<unsigned>(i + 1));
    std::atomic<std::uint64_t> k{0};
    bench::HttpLoad load("127.0.0.1", a.port, 200, 1);
    const auto refused = load.run(
        [&](int i) {
            const auto pick = rngs[static_cast<std::size_t>(i)]() % s.seats.size();
            return std::optional(bench::LoadRequest{
                "POST",
                "/api/v1/bookings/hold",
                json::serialize(
                    json::object{{"event_id", soldOutEvent},
                                 {"seat_ids", json::array{json::value(s.seats[pick])}}}),
                {{"Authorization", "Bearer " + s.buyers.tokens[static_cast<std::size_t>(i)]},
                 {"Idempotency-Key", "rf-" + std::to_string(k++)}}});
        },
        [](int, const bench::LoadRequest&, const bench::LoadResponse&) {},
        std::chrono::seconds(10));
    std::printf("scenario 2, holds of seats already held:\n");
    bench::printLoad("refusals", refused);
    const auto rb =
        bench::run("redis-benchmark -s '" + a.redisSocket +
                   "' -n 200000 -c 50 -r 100000 -q SET bench:__rand_int__ x NX PX 300000 2>&1");
    const double setnx = bench::numberAt(rb, " requests per second");
    std::printf("  reference: redis-benchmark SET NX PX (50 clients) on the same Redis: %.0f/s\n",
                setnx);
    std::printf("  ratio refusals/s / redis SET NX/s: %.3f\n",
                setnx > 0 ? (refused.count(409) / refused.seconds) / setnx : 0.0);
}
} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is measured
    const Args a = parseArgs(argc, argv);
    Setup setup;
    if (!setUp(a, setup))
        return 1;
    LiveSubscribers live(a, setup, std::chrono::steady_clock::now());
    live.start();
    Sale sale(a, setup, live);
    const auto stats = sale.run(std::chrono::seconds(a.seconds));
    reportSale(a, setup, sale, stats);
    live.report();
    checkInvariants(a, setup, sale.unitsHeld());
    const double peak = stats.count(201) / stats.seconds;
    pgbenchReference(a, peak);
    const std::string soldOutEvent = setup.eventId;
    if (!openLoop(a, setup, sale, peak))
        return 1;
    refusals(a, setup, soldOutEvent);
    return 0;
}
