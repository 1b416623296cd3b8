#pragma once

// What the sale benchmarks share (bench/run-flashsale, bench/run-faults): requests to a ticketd,
// a seat map of the wanted size, buyer accounts, and the printing of a run's figures.

#include "loadgen/HttpLoad.h"

#include <atomic>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace ticketing::bench {

// One request on a fresh connection to 127.0.0.1:port, with a JSON body unless it is null.
LoadResponse call(std::uint16_t port, const std::string& method, const std::string& target,
                  const boost::json::value& body, const std::string& token = {});

// The output of a shell command.
std::string run(const std::string& command);

// The number written right before `marker`'s last occurrence in `text` (or right after it).
double numberAt(const std::string& text, const std::string& marker, bool after = false);

// A venue body: `sections` stands of `rows` x `perRow` seats ("S<n>", rows "R<n>"), and a
// standing floor ("FLOOR") of `standing` places when that is above zero.
boost::json::object arenaVenue(int sections, int rows, int perRow, int standing);

// Attendee accounts straight in the database, each signed in with a token minted with the
// server's key: the sign-in path (Argon2id) is measured by bench/run-auth, not by the sales.
struct Buyers
{
    std::vector<std::string> tokens;
    std::atomic<std::size_t> next{0};
};
void makeBuyers(const std::string& databaseUrl, int count, Buyers& buyers,
                const std::string& prefix = "buyer");

// "  <what>: N requests in S s = R/s; latency p50 ..., p95 ..., p99 ...; statuses: 201 xN ..."
void printLoad(const char* what, const LoadStats& stats);

} // namespace ticketing::bench
