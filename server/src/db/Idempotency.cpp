#include "db/Idempotency.h"

#include "db/Internal.h"
#include "db/Pool.h"
#include "db/Sql.h"

namespace ticketing::db::idempotency {

namespace {
using domain::Clock;

// Same key space as holds (user/key): a key is one request, whatever its route.
const Statement kKeyLock{"idempotency.lock",
                         "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7))"};
const Statement kKeyFind{"idempotency.find", R"sql(
    SELECT route, request_hash, status, response FROM idempotency_keys
    WHERE user_id = $1::uuid AND key = $2 AND created_at > $3::timestamptz - interval '24 hours')sql"};
const Statement kKeyStore{"idempotency.store", R"sql(
    INSERT INTO idempotency_keys (user_id, key, route, request_hash, status, response, created_at)
    SELECT u, k, $6, h, s, b, $7::timestamptz
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[]) AS x(u, k, h, s, b)
    ON CONFLICT (user_id, key) DO UPDATE
      SET route = excluded.route, request_hash = excluded.request_hash, status = excluded.status,
          response = excluded.response, created_at = excluded.created_at)sql"};

const Statement kKeyFinish{"idempotency.finish", R"sql(
    UPDATE idempotency_keys SET status = $3, response = $4
    WHERE user_id = $1::uuid AND key = $2 AND status = 0)sql"};
const Statement kKeyForget{"idempotency.forget",
                           "DELETE FROM idempotency_keys WHERE user_id = $1::uuid AND key = $2 AND "
                           "status = 0"};

} // namespace

void store(pqxx::transaction_base& tx, const std::string& route,
           const std::vector<KeyedAnswer>& answers, Clock::TimePoint now)
{
    if (answers.empty())
        return;
    std::vector<std::string> users, keys, hashes, bodies;
    std::vector<long long> statuses;
    for (const auto& a : answers) {
        users.push_back(a.user);
        keys.push_back(a.key);
        hashes.push_back(a.requestHash);
        statuses.push_back(a.status);
        bodies.push_back(a.body);
    }
    tx.exec_prepared(kKeyStore.name, textArray(users), textArray(keys), textArray(hashes),
                     numberArray(statuses), textArray(bodies), route, toSql(now));
}

Outcome run(Session& s, const Request& r,
            const std::function<domain::StoredAnswer(checkout::Tx&)>& effect)
{
    Outcome out;
    s.run(
        [&](pqxx::connection_base& c) {
            out = {};
            pqxx::work w(c);
            checkout::Tx tx{w};
            const auto user = r.user.toString();
            if (!w.exec_prepared1(kKeyLock.name, user + "/" + r.key)[0].as<bool>()) {
                out.inFlight = true;
                return;
            }
            const auto k = w.exec_prepared(kKeyFind.name, user, r.key, toSql(r.now));
            if (!k.empty()) {
                if (k[0][0].as<std::string>() != r.route ||
                    k[0][1].as<std::string>() != r.requestHash) {
                    out.reused = true;
                    return;
                }
                out.answer = {k[0][2].as<int>(), k[0][3].as<std::string>()};
                if (out.answer.status == 0)
                    out.begun = true;
                else
                    out.replayed = true;
                return;
            }
            out.answer = effect(tx);
            out.begun = out.answer.status == 0;
            if (out.answer.status < 500)
                store(w, r.route,
                      {{user, r.key, r.requestHash, out.answer.status, out.answer.body}}, r.now);
            w.commit();
        },
        Rerun::Safe); // the effect's only effects are in the transaction
    return out;
}

void finish(checkout::Tx& tx, const domain::UserId& user, const std::string& key,
            const domain::StoredAnswer& answer)
{
    if (answer.status >= 500)
        tx.w.exec_prepared(kKeyForget.name, user.toString(), key);
    else
        tx.w.exec_prepared(kKeyFinish.name, user.toString(), key, answer.status, answer.body);
}

} // namespace ticketing::db::idempotency
