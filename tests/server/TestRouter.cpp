#include "app/OutboundLane.h"
#include "app/PoolExecutor.h"
#include "db/Pool.h"
#include "http/ClientAddress.h"
#include "http/Metrics.h"
#include "http/Router.h"

#include <QScopeGuard>
#include <QtTest>
#include <algorithm>
#include <boost/json.hpp>
#include <map>

using namespace ticketing;
using namespace ticketing::http;

namespace {
Response call(Router& router, std::string method, std::string path, std::string body = {},
              std::vector<std::pair<std::string, std::string>> headers = {})
{
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.target = r.path;
    r.body = std::move(body);
    r.headers = std::move(headers);
    r.requestId = "req-1";
    std::promise<Response> p;
    auto f = p.get_future();
    router.handle(std::move(r), [&p](Response resp) { p.set_value(std::move(resp)); });
    return f.get();
}

boost::json::object bodyOf(const Response& r)
{
    return boost::json::parse(r.body).as_object();
}
} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesPatternsAndCapturesParameters()
    {
        Router router(nullptr);
        router.add("GET", "/api/v1/events/{id}",
                   InlineHandler([](const Request&, const PathParams& p) {
                       return Response::json(200, {{"id", p.at("id")}});
                   }));
        router.add("GET", "/api/v1/events", InlineHandler([](const Request&, const PathParams&) {
                       return Response::json(200, {{"list", true}});
                   }));
        auto r = call(router, "GET", "/api/v1/events/abc");
        QCOMPARE(r.status, 200);
        QCOMPARE(bodyOf(r).at("id").as_string(), "abc");
        QCOMPARE(r.route, std::string("/api/v1/events/{id}"));
        QCOMPARE(bodyOf(call(router, "GET", "/api/v1/events")).at("list").as_bool(), true);
        QCOMPARE(call(router, "GET", "/api/v1/events/").status, 404); // empty segment is no id
        QCOMPARE(call(router, "GET", "/api/v1/events/a/b").status, 404);
        QCOMPARE(call(router, "HEAD", "/api/v1/events").status, 200);
    }

    void unknownRoutesAndMethodsAreProblems()
    {
        Router router(nullptr);
        router.add("GET", "/x", InlineHandler([](const Request&, const PathParams&) {
                       return Response::noContent();
                   }));
        router.add("DELETE", "/x", InlineHandler([](const Request&, const PathParams&) {
                       return Response::noContent();
                   }));
        auto r = call(router, "GET", "/nothing-here");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.contentType, std::string("application/problem+json"));
        auto b = bodyOf(r);
        QCOMPARE(b.at("code").as_string(), "not_found");
        QCOMPARE(b.at("status").as_int64(), 404);
        QVERIFY(b.contains("type") && b.contains("title") && b.contains("detail"));
        QCOMPARE(b.at("request_id").as_string(), "req-1");
        QCOMPARE(r.route, std::string("unmatched"));

        r = call(router, "PUT", "/x");
        QCOMPARE(r.status, 405);
        QCOMPARE(bodyOf(r).at("code").as_string(), "method_not_allowed");
        QCOMPARE(r.headers.at(0), (std::pair<std::string, std::string>{"Allow", "GET, DELETE"}));
    }

    void aThrowingHandlerIsA500WithTheRequestId()
    {
        Router router(nullptr);
        router.add("GET", "/boom", InlineHandler([](const Request&, const PathParams&) -> Response {
                       throw std::runtime_error("secret internals");
                   }));
        auto r = call(router, "GET", "/boom");
        QCOMPARE(r.status, 500);
        auto b = bodyOf(r);
        QCOMPARE(b.at("code").as_string(), "internal_error");
        QCOMPARE(b.at("request_id").as_string(), "req-1");
        QVERIFY(r.body.find("secret internals") ==
                std::string::npos); // the log has it, the client not
    }

    void bodyLimitsArePerRoute()
    {
        Router router(nullptr);
        router.add("POST", "/api/v1/venues", InlineHandler([](const Request&, const PathParams&) {
                       return Response::noContent();
                   }),
                   RouteOptions{16 * 1024 * 1024, false});
        router.add("POST", "/small", InlineHandler([](const Request&, const PathParams&) {
                       return Response::noContent();
                   }));
        QCOMPARE(router.bodyLimit("POST", "/api/v1/venues"), std::size_t(16 * 1024 * 1024));
        QCOMPARE(router.bodyLimit("POST", "/small"), Router::kDefaultBodyLimit);
        QCOMPARE(router.bodyLimit("POST", "/unknown"), Router::kDefaultBodyLimit);
    }

    void databaseRoutesRunOnThePoolAndRefuseWhenFull()
    {
        // No database is touched by these handlers, so the pool's lazy sessions never connect.
        db::Pool pool({"host=/nonexistent", 1, 1});
        app::PoolExecutor executor(pool);
        Router router(&executor);
        std::mutex gate;
        gate.lock();
        std::atomic<std::thread::id> ranOn;
        router.add("GET", "/slow", Access::anyone(), WorkerHandler([&](Context&) {
                       ranOn = std::this_thread::get_id();
                       const std::lock_guard wait(gate);
                       return Response::json(200, {{"ok", true}});
                   }));
        std::promise<Response> first;
        std::promise<Response> second;
        auto submit = [&](std::promise<Response>& p) {
            Request r;
            r.method = "GET";
            r.path = "/slow";
            r.requestId = "rq";
            router.handle(std::move(r), [&p](Response resp) { p.set_value(std::move(resp)); });
        };
        submit(first); // runs on the one worker, held at the gate
        QTRY_VERIFY(pool.stats().busy == 1);
        submit(second);                            // waits in the queue (limit 1)
        auto third = call(router, "GET", "/slow"); // refused at once
        QCOMPARE(third.status, 503);
        QCOMPARE(bodyOf(third).at("code").as_string(), "overloaded");
        QCOMPARE(third.headers.at(0).first, std::string("Retry-After"));
        QCOMPARE(pool.stats().rejected, std::uint64_t(1));
        gate.unlock();
        QCOMPARE(first.get_future().get().status, 200);
        QCOMPARE(second.get_future().get().status, 200);
        QVERIFY(ranOn.load() != std::this_thread::get_id());
    }

    // Outbound routes run on the outbound lane: a handler there that waits (on a provider) holds
    // no pool worker, and a database route still runs while it waits. What the outbound route
    // asks of the database runs on a pool worker it borrows (db::withSession).
    void outboundRoutesWaitWithoutHoldingAWorker()
    {
        // Declared first, so that they outlive the lane's job whatever happens below.
        std::promise<void> release;
        std::promise<Response> paid;
        auto provider = release.get_future().share();
        std::atomic<std::thread::id> borrowedOn;
        std::atomic<std::thread::id> waitedOn;
        db::Pool pool({"host=/nonexistent", 1, 4});
        app::PoolExecutor executor(pool);
        app::OutboundLane lane(pool, {2, 4});
        Router router(&executor, &lane);
        bool released = false;
        // Whatever happens below, the job is let go and the lane stopped before the router and
        // the promises go.
        const auto finish = qScopeGuard([&] {
            if (!released)
                release.set_value();
            lane.stop();
        });
        http::RouteOptions outbound;
        outbound.lane = http::Lane::Outbound;
        router.add("POST", "/pay", Access::anyone(), WorkerHandler([&](Context&) {
                       db::withSession(
                           [&](db::Session&) { borrowedOn = std::this_thread::get_id(); });
                       waitedOn = std::this_thread::get_id();
                       provider.wait(); // the provider takes its time
                       return Response::json(201, {{"paid", true}});
                   }),
                   outbound);
        router.add("GET", "/read", Access::anyone(), WorkerHandler([](Context&) {
                       return Response::json(200, {{"ok", true}});
                   }));
        Request r;
        r.method = "POST";
        r.path = "/pay";
        r.requestId = "rq";
        router.handle(std::move(r), [&paid](Response resp) { paid.set_value(std::move(resp)); });
        QTRY_COMPARE(lane.stats().busy, 1);
        // The only worker is free while /pay waits (it counts down just after its task).
        QTRY_COMPARE(pool.stats().busy, 0);
        QCOMPARE(call(router, "GET", "/read").status, 200);
        released = true;
        release.set_value();
        QCOMPARE(paid.get_future().get().status, 201);
        QVERIFY(borrowedOn.load() != waitedOn.load()); // the database part ran on the worker
    }

    // TICKETING_TRUSTED_PROXIES: only a trusted peer names the client; the walk goes from the
    // right and stops at the first address that is not a trusted proxy.
    void trustedProxiesNameTheClient()
    {
        const auto proxies = http::TrustedProxies::parse("127.0.0.1, 10.0.0.0/8, fd00::/8").value();
        QVERIFY(proxies.contains("10.200.1.1"));
        QVERIFY(!proxies.contains("11.0.0.1"));
        QVERIFY(proxies.contains("fd12::1"));
        QVERIFY(!proxies.contains("2001:db8::1"));
        auto from = [&](const std::string& peer,
                        std::vector<std::pair<std::string, std::string>> h) {
            Request r;
            r.headers = std::move(h);
            return proxies.clientOf(peer, r);
        };
        QCOMPARE(from("127.0.0.1", {{"x-forwarded-for", "203.0.113.7"}}),
                 std::string("203.0.113.7"));
        QCOMPARE(from("127.0.0.1", {{"x-forwarded-for", "198.51.100.1, 203.0.113.7, 10.1.2.3"}}),
                 std::string("203.0.113.7")); // 198.51.100.1 was written by the client itself
        QCOMPARE(from("192.0.2.9", {{"x-forwarded-for", "203.0.113.7"}}),
                 std::string("192.0.2.9")); // not a proxy of ours: its header means nothing
        QCOMPARE(from("127.0.0.1", {{"forwarded", "for=\"[2001:db8::1]:4711\";proto=https"}}),
                 std::string("2001:db8::1"));
        QCOMPARE(from("127.0.0.1", {{"forwarded", "for=192.0.2.60:80, for=10.0.0.3"}}),
                 std::string("192.0.2.60"));
        QCOMPARE(from("127.0.0.1", {{"x-forwarded-for", "garbage, 10.0.0.2"}}),
                 std::string("10.0.0.2")); // nothing readable beyond the proxies
        QCOMPARE(from("127.0.0.1", {}), std::string("127.0.0.1"));
        QVERIFY(!http::TrustedProxies::parse("10.0.0.0/33").ok());
        QVERIFY(!http::TrustedProxies::parse("proxy.example.com").ok());
        QVERIFY(http::TrustedProxies::parse("").value().empty());
    }

    void anUnreachableDatabaseIsA503()
    {
        db::Pool pool({"host=/nonexistent port=1 connect_timeout=1", 1, 4});
        app::PoolExecutor executor(pool);
        Router router(&executor);
        router.setErrorTranslator(app::translateInfrastructureError); // as app/ wires it
        router.add("GET", "/ping", Access::anyone(), WorkerHandler([](Context&) {
                       db::currentSession().ping();
                       return Response::noContent();
                   }));
        auto r = call(router, "GET", "/ping");
        QCOMPARE(r.status, 503);
        QCOMPARE(bodyOf(r).at("code").as_string(), "database_unavailable");
    }

    // What escapes a route from the database layer is answered as API.md "Conventions" says,
    // and the database's own text stays in the log.
    void infrastructureFailuresHaveTheirCodes()
    {
        db::Pool pool({"host=/nonexistent", 1, 4});
        app::PoolExecutor executor(pool);
        Router router(&executor);
        router.setErrorTranslator(app::translateInfrastructureError);
        router.add("POST", "/doubt", Access::anyone(), WorkerHandler([](Context&) -> Response {
                       throw db::OutcomeUnknown("SECRET server closed the connection");
                   }));
        router.add("POST", "/conflict", Access::anyone(), WorkerHandler([](Context&) -> Response {
                       throw db::Conflict("SECRET duplicate key value violates \"x_pkey\"");
                   }));
        router.add("POST", "/bug", Access::anyone(), WorkerHandler([](Context&) -> Response {
                       throw std::runtime_error("SECRET null pointer");
                   }));
        auto doubt = call(router, "POST", "/doubt");
        QCOMPARE(doubt.status, 503);
        QCOMPARE(bodyOf(doubt).at("code").as_string(), "outcome_unknown");
        QCOMPARE(doubt.headers.at(0).first, std::string("Retry-After"));
        auto conflict = call(router, "POST", "/conflict");
        QCOMPARE(conflict.status, 409);
        QCOMPARE(bodyOf(conflict).at("code").as_string(), "conflict");
        auto bug = call(router, "POST", "/bug");
        QCOMPARE(bug.status, 500);
        for (const auto* r : {&doubt, &conflict, &bug})
            QVERIFY(r->body.find("SECRET") == std::string::npos);
    }

    void routesAdmitOnlyWhomTheirRuleAdmits()
    {
        db::Pool pool({"host=/nonexistent", 2, 16});
        app::PoolExecutor executor(pool);
        Router router(&executor);
        // A stand-in for the token check: "Bearer <role>" signs in as that role.
        router.setAuthenticate(
            [](std::string_view token) -> domain::Result<Principal, domain::Problem> {
                if (auto role = domain::parseRole(token))
                    return Principal{domain::UserId::generate(), *role, domain::Uuid::generateV7()};
                return domain::fail(domain::Problem(domain::ProblemCode::InvalidToken, "bad"));
            });
        int limitCalls = 0;
        router.setRateLimit([&limitCalls](std::string_view) {
            ++limitCalls;
            return Quota{limitCalls <= 2, 2, std::max(2 - limitCalls, 0), std::chrono::seconds(7)};
        });
        // The per-account limit of a route's bucket: one each.
        std::map<std::string, int> perUser;
        router.setUserRateLimit([&perUser](std::string_view bucket, std::string_view user) {
            const int n = ++perUser[std::string(bucket) + "/" + std::string(user)];
            return Quota{n <= 1, 1, std::max(1 - n, 0), std::chrono::seconds(30)};
        });
        auto ok = [](Context& c) {
            return Response::json(200, {{"role", domain::toString(c.principal->role)}});
        };
        router.add("GET", "/mine", Access::signedIn(), ok);
        router.add("GET", "/admin", Access::permitted(domain::Permission::UsersAdminister), ok);
        router.add(
            "POST", "/limited", Access::anyone(), [](Context&) { return Response::noContent(); },
            RouteOptions{Router::kDefaultBodyLimit, true});

        auto as = [&](const char* path, const char* auth, const char* method = "GET") {
            std::vector<std::pair<std::string, std::string>> h;
            if (auth)
                h.emplace_back("authorization", auth);
            return call(router, method, path, {}, h);
        };
        auto none = as("/mine", nullptr);
        QCOMPARE(none.status, 401);
        QCOMPARE(bodyOf(none).at("code").as_string(), "invalid_token");
        QCOMPARE(as("/mine", "Basic abc").status, 401);
        QCOMPARE(as("/mine", "Bearer nobody").status, 401);
        QCOMPARE(as("/mine", "bearer gate").status, 200); // the scheme is case-insensitive
        QCOMPARE(bodyOf(as("/mine", "Bearer attendee")).at("role").as_string(), "attendee");
        auto denied = as("/admin", "Bearer organizer");
        QCOMPARE(denied.status, 403);
        QCOMPARE(bodyOf(denied).at("code").as_string(), "forbidden");
        QCOMPARE(as("/admin", "Bearer admin").status, 200);
        QCOMPARE(as("/admin", nullptr).status, 401);

        auto header = [](const Response& r, const std::string& name) {
            for (const auto& [k, v] : r.headers)
                if (k == name)
                    return v;
            return std::string();
        };
        const auto first = as("/limited", nullptr, "POST");
        QCOMPARE(first.status, 204);
        QCOMPARE(header(first, "RateLimit-Limit"), std::string("2"));
        QCOMPARE(header(first, "RateLimit-Remaining"), std::string("1"));
        QCOMPARE(header(first, "RateLimit-Reset"), std::string("7"));
        QCOMPARE(as("/limited", nullptr, "POST").status, 204);
        auto limited = as("/limited", nullptr, "POST");
        QCOMPARE(limited.status, 429);
        QCOMPARE(bodyOf(limited).at("code").as_string(), "rate_limited");
        QCOMPARE(header(limited, "Retry-After"), std::string("7"));
        QCOMPARE(header(limited, "RateLimit-Remaining"), std::string("0"));

        // Per account, after signing in: each token here is a new user, so one each.
        router.add(
            "POST", "/holds", Access::signedIn(), [](Context&) { return Response::noContent(); },
            RouteOptions{Router::kDefaultBodyLimit, false, Lane::Database, false, "holds"});
        const auto mine = as("/holds", "Bearer attendee", "POST");
        QCOMPARE(mine.status, 204);
        QCOMPARE(header(mine, "RateLimit-Limit"), std::string("1"));
        QCOMPARE(header(mine, "RateLimit-Remaining"), std::string("0"));
        QCOMPARE(perUser.size(), std::size_t(1));
        QCOMPARE(as("/holds", nullptr, "POST").status, 401); // no account: not counted
        QCOMPARE(perUser.size(), std::size_t(1));
    }

    void queryParametersAreDecoded()
    {
        Request r;
        r.query = "q=rock%20%26%20roll&city=S%C3%A3o+Paulo&empty=&flag";
        QCOMPARE(*r.queryParam("q"), std::string("rock & roll"));
        QCOMPARE(*r.queryParam("city"), std::string("S\xc3\xa3o Paulo"));
        QCOMPARE(*r.queryParam("empty"), std::string());
        QVERIFY(!r.queryParam("missing"));
    }

    void jsonBodiesAreParsedOrRefusedClearly()
    {
        Request r;
        r.body = R"({"a": 1})";
        r.headers = {{"content-type", "application/json; charset=utf-8"}};
        QVERIFY(parseJsonBody(r).ok());
        r.headers = {{"content-type", "application/merge-patch+json"}};
        QVERIFY(parseJsonBody(r).ok());
        r.headers = {};
        QVERIFY(parseJsonBody(r).ok()); // undeclared: try it as JSON

        for (const char* garbage : {"{", "{\"a\":}", "nonsense", "{} {}", "[1,2", "\xff\xfe"}) {
            r.body = garbage;
            auto p = parseJsonBody(r);
            QVERIFY2(!p.ok(), garbage);
            QCOMPARE(p.error().status(), 400);
            QCOMPARE(p.error().code(), std::string("invalid_json"));
        }
        r.body = "";
        QCOMPARE(parseJsonBody(r).error().code(), std::string("invalid_json"));
        r.body = "a=1";
        r.headers = {{"content-type", "application/x-www-form-urlencoded"}};
        QCOMPARE(parseJsonBody(r).error().status(), 415);
    }

    void metricsRenderPrometheusText()
    {
        Metrics m;
        m.recordRequest("/healthz", "GET", 200, 0.0004);
        m.recordRequest("/healthz", "GET", 200, 0.03);
        m.recordRequest("unmatched", "GET", 404, 0.0001);
        m.addCollector([] {
            return std::vector<Metrics::Sample>{{"ticketd_redis_up", "Redis.", "gauge", 1}};
        });
        const auto text = m.render();
        QVERIFY(text.find("ticketd_http_requests_total{method=\"GET\",route=\"/"
                          "healthz\",status=\"200\"} 2") != std::string::npos);
        QVERIFY(text.find("ticketd_http_requests_total{method=\"GET\",route=\"unmatched\",status="
                          "\"404\"} 1") != std::string::npos);
        QVERIFY(text.find("ticketd_http_request_duration_seconds_bucket{route=\"/"
                          "healthz\",le=\"0.001\"} 1") != std::string::npos);
        QVERIFY(
            text.find(
                "ticketd_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.05\"} 2") !=
            std::string::npos);
        QVERIFY(text.find("ticketd_http_request_duration_seconds_count{route=\"/healthz\"} 2") !=
                std::string::npos);
        QVERIFY(text.find("# TYPE ticketd_http_request_duration_seconds histogram") !=
                std::string::npos);
        QVERIFY(text.find("ticketd_redis_up 1") != std::string::npos);
    }

    // A request cannot grow the series (issue 17): any method that is not HTTP's counts as
    // "other", any path that matched no route as "unmatched".
    void labelsCannotBeMadeUpByRequests()
    {
        Metrics m;
        m.recordRequest("/healthz", "GET", 200, 0.001);
        m.recordRequest("", "BREW", 405, 0.001);
        const auto lines = [&] {
            const auto text = m.render();
            return std::count(text.begin(), text.end(), '\n');
        };
        const auto before = lines();
        for (int i = 0; i < 200; ++i)
            m.recordRequest("",
                            std::string(6000, static_cast<char>('A' + i % 26)) + std::to_string(i),
                            405, 0.001);
        QCOMPARE(lines(), before);
        const auto text = m.render();
        QVERIFY(text.find("method=\"other\",route=\"unmatched\",status=\"405\"} 201") !=
                std::string::npos);
        QVERIFY(text.size() < 10000);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "TestRouter.moc"
