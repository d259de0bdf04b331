// Operations and reliability against the emulator: listing at scale, lost answers, Ctrl-C, and
// the soak test (the tutorial over and over with faults of every kind).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "audiences.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::kBiking;
using test::kLoyalty;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// A failure must be one clear line on stderr, never a crash or a stack trace.
void check_clear_failure(const test::Exit& r) {
  INFO(r.err);
  CHECK(r.code != 0);
  CHECK(r.code < 128);
  CHECK_THAT(r.err, Catch::Contains("error: "));
  CHECK(r.err.find("internal error") == std::string::npos);
  CHECK(r.err.find("terminate called") == std::string::npos);
}

// Runs steps 1 to 6 of the tutorial with names unique to `run`; the flow ID once activation
// reported success, or "" after a step that failed (cleanly).
std::string tutorial_chain(const Emulator& emu, int run) {
  const std::string tag = "soak-" + std::to_string(run);
  std::string flow;
  auto step = [&](std::vector<std::string> args,
                  std::map<std::string, std::string> env = {}) -> std::string {
    args.insert(args.end(), {"-o", "id"});
    auto r = aepflow(emu, args, env);
    if (r.code != 0) {
      check_clear_failure(r);
      return "";
    }
    INFO(r.err);
    REQUIRE(r.out.size() == 37);
    return r.out.substr(0, 36);
  };
  auto base = step({"connection", "create", "--name", tag + "-base"});
  if (base.empty()) return "";
  auto source = step({"source", "create", "--name", tag + "-source", "--base-connection", base});
  if (source.empty()) return "";
  auto dest = step(
      {"connection", "create", "--name", tag + "-dest", "--spec", "Adobe Campaign", "--auth-spec",
       "S3", "--param", "accessId=env:S3_ID", "--param", "secretKey=env:S3_SECRET"},
      {{"S3_ID", "AKIAIOSFODNN7EXAMPLE"}, {"S3_SECRET", "s3-SECRET-soak-0001"}});
  if (dest.empty()) return "";
  auto target = step({"target", "create", "--name", tag + "-target", "--base-connection", dest,
                      "--spec", "Adobe Campaign", "--mode", "S3", "--bucket", "acme-exports",
                      "--path", "daily", "--format", "CSV"});
  if (target.empty()) return "";
  flow = step({"flow", "create", "--name", tag + "-flow", "--flow-spec", "Adobe Campaign",
               "--source", source, "--target", target});
  if (flow.empty()) return "";
  auto activated = step({"flow", "activate", flow, "--audience", kBiking, "--audience", kLoyalty,
                         "--attribute", "person.name.firstName", "--start-time", "17:00"});
  return activated.empty() ? "" : flow;
}

}  // namespace

TEST_CASE("2,500 flows: --all lists every one exactly once, page by page, in flat memory",
          "[integration][list]") {
  Emulator emu({"--seed-flows", "2500"});
  // No quarantine of freed memory under AddressSanitizer, so peak memory means the same there.
  const char* asan = std::getenv("ASAN_OPTIONS");
  std::map<std::string, std::string> env = {
      {"ASAN_OPTIONS", std::string(asan ? asan : "").append(":quarantine_size_mb=0")}};
  auto all = aepflow(emu, {"flow", "list", "--all", "-o", "id"}, env);
  INFO(all.err);
  REQUIRE(all.code == 0);
  auto ids = lines(all.out);
  CHECK(ids.size() == 2500);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 2500);
  CHECK(emu.count("reads") == 25);  // 25 pages of 100, each read once

  auto as_json = aepflow(emu, {"flow", "list", "--all", "-o", "json"}, env);
  REQUIRE(as_json.code == 0);
  CHECK(json::parse(as_json.out).size() == 2500);

  // One page against all 25: the peak does not grow with the count (the JSON alone is ~5 MB).
  auto one_page = aepflow(emu, {"flow", "list", "-o", "json"}, env);
  REQUIRE(one_page.code == 0);
  CHECK(json::parse(one_page.out).size() == 100);
  CAPTURE(one_page.max_rss_kb, as_json.max_rss_kb);
  CHECK(as_json.max_rss_kb < one_page.max_rss_kb + 3 * 1024);
}

TEST_CASE("a create whose answer is lost is found, not made twice", "[integration][retry]") {
  Emulator emu;
  // The work is done and the connection dropped: aepflow looks it up and reports it.
  emu.admin("POST", "/__emulator/faults",
            R"({"action":"drop-after","method":"POST","path":"/connections","times":1})");
  auto r = aepflow(emu, {"connection", "create", "--name", "lost answer", "-o", "id", "-v"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto list = aepflow(emu, {"connection", "list", "--name", "lost answer", "-o", "id"});
  CHECK(lines(list.out) == std::vector<std::string>{r.out.substr(0, 36)});
  CHECK_THAT(r.err, Catch::Contains("/connections?property=createdAt"));

  // Dropped before the work: not found, so it is sent again, once.
  emu.admin("POST", "/__emulator/faults",
            R"({"action":"drop-before","method":"POST","path":"/connections","times":1})");
  auto again = aepflow(emu, {"connection", "create", "--name", "dropped request", "-o", "id"});
  REQUIRE(again.code == 0);
  CHECK(lines(aepflow(emu, {"connection", "list", "--name", "dropped request", "-o", "id"}).out)
            .size() == 1);

  // A 500 to a create is not blindly re-sent either; a 429 is (nothing was done).
  emu.admin("POST", "/__emulator/faults",
            R"({"action":"429","retryAfter":0,"method":"POST","path":"/connections","times":2})");
  auto throttled = aepflow(emu, {"connection", "create", "--name", "throttled", "-o", "id"});
  REQUIRE(throttled.code == 0);
  CHECK(lines(aepflow(emu, {"connection", "list", "--name", "throttled", "-o", "id"}).out).size() ==
        1);
}

TEST_CASE("reads retry through 5xx and 429 with Retry-After, and give up cleanly",
          "[integration][retry]") {
  Emulator emu;
  emu.admin("POST", "/__emulator/faults",
            R"({"action":"503","retryAfter":1,"method":"GET","path":"/flows","times":2})");
  auto r = aepflow(emu, {"flow", "list", "-o", "id", "-v"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK_THAT(r.err,
             Catch::Contains("retrying GET /flows in 1000 ms after HTTP 503 (attempt 2 of 5)"));
  CHECK(emu.count("faults") == 2);

  emu.admin("POST", "/__emulator/faults", R"({"action":"502","method":"GET","path":"/flows"})");
  auto down = aepflow(emu, {"flow", "list", "--retries", "2", "--retry-max-time", "5"});
  check_clear_failure(down);
  CHECK(down.code == 1);
  CHECK_THAT(down.err, Catch::Contains("HTTP 502"));
  emu.admin("DELETE", "/__emulator/faults");

  // A rate limit per API key: every command still completes.
  Emulator limited({"--rate-limit", "3"});
  for (int i = 0; i < 3; ++i) {
    auto listed = aepflow(limited, {"connection", "list", "-o", "id"});
    CHECK(listed.code == 0);
  }
}

TEST_CASE("Ctrl-C stops a command cleanly with exit 130", "[integration][interrupt]") {
  Emulator emu({"--run-interval", "0"});
  auto base = aepflow(emu, {"connection", "create", "--name", "b", "-o", "id"});
  REQUIRE(base.code == 0);
  // A watch that would wait a minute for a run that never comes.
  const std::string flow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";
  auto r = test::run_process({test::bin_dir() + "/aepflow", "runs", "watch", "--flow", flow,
                              "--interval", "1s", "--timeout", "1m"},
                             emu.env(), "", 1500);
  CHECK(r.code == 130);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("error: interrupted"));
  CHECK(r.err.back() == '\n');  // no half-written line
}

TEST_CASE("runs: an activated flow runs, and watch reports the run", "[integration][runs]") {
  Emulator emu({"--run-interval", "1", "--run-duration", "0.5", "--run-failure-rate", "0"});
  const std::string flow = tutorial_chain(emu, 0);
  REQUIRE_FALSE(flow.empty());
  auto watch = aepflow(emu, {"runs", "watch", "--flow", flow, "--next", "--interval", "1s",
                             "--timeout", "30s", "-o", "json"});
  INFO(watch.err);
  REQUIRE(watch.code == 0);
  json run = json::parse(watch.out);
  CHECK(run["flowId"] == flow);
  CHECK(run["metrics"]["statusSummary"]["status"] == "success");
  auto list = aepflow(emu, {"runs", "list", "--flow", flow, "--status", "success", "-o", "json"});
  REQUIRE(list.code == 0);
  CHECK_FALSE(json::parse(list.out).empty());
  auto get = aepflow(emu, {"runs", "get", run["id"].get<std::string>(), "-o", "table"});
  CHECK(get.code == 0);
  CHECK_THAT(get.out, Catch::Contains("segment:") || Catch::Contains(kBiking));

  // Disable, enable, delete: each says what it did; the flow is gone afterwards.
  CHECK(aepflow(emu, {"flow", "disable", flow}).code == 0);
  CHECK(aepflow(emu, {"flow", "enable", flow}).code == 0);
  auto in_use = aepflow(emu, {"target", "list", "--name", "soak-0-target", "-o", "id"});
  auto refused = aepflow(emu, {"target", "delete", in_use.out.substr(0, 36)});
  CHECK(refused.code == 1);
  CHECK_THAT(refused.err, Catch::Contains("It is used by dataflow " + flow));
  auto dest = aepflow(emu, {"connection", "list", "--name", "soak-0-dest", "-o", "id"});
  auto base_refused = aepflow(emu, {"connection", "delete", dest.out.substr(0, 36)});
  CHECK(base_refused.code == 1);
  CHECK_THAT(base_refused.err, Catch::Contains("It is used by dataflow " + flow) &&
                                   Catch::Contains(", target connection ") &&
                                   Catch::Contains("delete those first"));
  CHECK(aepflow(emu, {"flow", "delete", flow}).code == 0);
  CHECK(aepflow(emu, {"flow", "get", flow}).code == 4);
  CHECK(aepflow(emu, {"target", "delete", in_use.out.substr(0, 36)}).code == 0);
}

TEST_CASE("soak: the tutorial again and again with 20% faults of every kind",
          "[integration][soak]") {
  // AEPFLOW_SOAK_RUNS sets the length (scripts/soak.sh runs 200); CI runs 30.
  const int runs = test::runs_from_env("AEPFLOW_SOAK_RUNS", 30);
  Emulator emu(test::soak_emulator_args("20261129"));
  std::vector<std::string> activated;
  for (int i = 0; i < runs; ++i) {
    auto flow = tutorial_chain(emu, i);
    if (!flow.empty()) activated.push_back(flow);
  }
  emu.admin("DELETE", "/__emulator/faults");
  INFO(activated.size() << " of " << runs
                        << " runs completed; faults injected: " << emu.count("faults"));
  CHECK(emu.count("faults") > 0);
  // Retries carry most runs through; a few may fail, each cleanly (checked in the chain).
  CHECK(activated.size() * 10 >= static_cast<std::size_t>(runs) * 7);

  // Not one duplicate, of anything.
  for (const auto& [name, count] : test::resource_names(emu)) {
    CAPTURE(name);
    CHECK(count == 1);
  }
  // Every flow that reported success holds all it was given.
  for (const auto& flow : activated) {
    auto validate =
        aepflow(emu, {"flow", "validate", flow, "--expect-audience", kBiking, "--expect-audience",
                      kLoyalty, "--expect-attribute", "person.name.firstName"});
    CAPTURE(flow, validate.err);
    CHECK(validate.code == 0);
  }
}
