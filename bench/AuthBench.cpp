// Auth benchmark: the median cost of one password hash on this machine, and sign-ins per
// second through a real ticketd over keep-alive HTTP. Run by bench/run-auth (which starts the
// servers); see bench/README.md.
#include "loadgen/HttpLoad.h"
#include "services/PasswordHasher.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace ticketing;

namespace {
struct Args
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string email;
    std::string password;
    int connections = 16;
    int seconds = 10;
};

double medianMs(const std::function<void()>& fn, int runs)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        fn();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a)
                        .count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void report(const char* what, const bench::LoadStats& s, int okStatus)
{
    std::printf("%s: %.1f/s ok (%llu of %llu in %.1f s), latency p50 %.1f ms, p95 %.1f ms, p99 "
                "%.1f ms, other statuses:",
                what, s.count(okStatus) / s.seconds,
                static_cast<unsigned long long>(s.count(okStatus)),
                static_cast<unsigned long long>(s.total()), s.seconds, s.percentile(50),
                s.percentile(95), s.percentile(99));
    for (const auto& [status, n] : s.statuses)
        if (status != okStatus)
            std::printf(" %d x%llu", status, static_cast<unsigned long long>(n));
    std::printf("%s\n", s.transportErrors ? " (transport errors!)" : "");
}
} // namespace

int main(int argc, char** argv)
{
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const std::string v = argv[i + 1];
        if (k == "--host")
            a.host = v;
        else if (k == "--port")
            a.port = static_cast<std::uint16_t>(std::stoi(v));
        else if (k == "--email")
            a.email = v;
        else if (k == "--password")
            a.password = v;
        else if (k == "--connections")
            a.connections = std::stoi(v);
        else if (k == "--seconds")
            a.seconds = std::stoi(v);
    }
    if (a.email.empty() || a.password.empty()) {
        std::fprintf(stderr, "usage: auth_bench --host H --port P --email E --password W "
                             "[--connections N --seconds S]\n");
        return 2;
    }

    const services::PasswordHasher hasher;
    const services::PasswordHasher::Cost cost;
    std::string hash;
    const double hashMs = medianMs([&] { hash = hasher.hash(a.password); }, 15);
    const double verifyMs = medianMs([&] { (void)hasher.verify(hash, a.password); }, 15);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::printf("machine: %u cores\n", cores);
    std::printf("password hash: Argon2id, %llu passes over %zu MiB: median %.1f ms to hash, %.1f "
                "ms to verify (15 runs each)\n",
                cost.opsLimit, cost.memLimitBytes >> 20, hashMs, verifyMs);
    std::printf("ceiling for sign-ins on this machine: %u cores x 1000 / %.1f ms = %.0f/s\n", cores,
                verifyMs, cores * 1000.0 / verifyMs);

    const std::string body =
        boost::json::serialize(boost::json::object{{"email", a.email}, {"password", a.password}});
    bench::HttpLoad load(a.host, a.port, a.connections, 1);
    auto logins = load.run(
        [&](int) {
            return std::optional(bench::LoadRequest{"POST", "/api/v1/auth/login", body, {}});
        },
        [](int, const bench::LoadRequest&, const bench::LoadResponse&) {},
        std::chrono::seconds(a.seconds));
    report("sign-ins (POST /auth/login)", logins, 200);
    std::printf("sign-ins per second / ceiling: %.2f\n",
                (logins.count(200) / logins.seconds) / (cores * 1000.0 / verifyMs));

    // What signing in buys: every later request checks the token and its session instead.
    const auto t = bench::fetch(a.host, a.port, {"POST", "/api/v1/auth/login", body, {}});
    if (t.status != 200) {
        std::fprintf(stderr, "login failed: %d %s\n", t.status, t.body.c_str());
        return 1;
    }
    const auto token = std::string(boost::json::parse(t.body).at("access_token").as_string());
    auto me = load.run(
        [&](int) {
            return std::optional(bench::LoadRequest{
                "GET", "/api/v1/users/me", {}, {{"Authorization", "Bearer " + token}}});
        },
        [](int, const bench::LoadRequest&, const bench::LoadResponse&) {},
        std::chrono::seconds(a.seconds));
    report("authenticated reads (GET /users/me)", me, 200);
    return logins.transportErrors || me.transportErrors ? 1 : 0;
}
