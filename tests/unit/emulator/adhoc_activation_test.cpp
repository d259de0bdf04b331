// The emulator's ad hoc activation API, POST /data/core/activation/disflowprovider/adhocrun: the
// v2 Accept or v1 exportIds, one run per audience readable at its statusURL, and the guardrails
// with the two documented 400 bodies. The clock stands at 2026-11-28 12:00 UTC.
#include <catch2/catch.hpp>

#include "emulator_harness.hpp"

using nlohmann::json;

using emulator_test::add_segment;
using emulator_test::Emu;

namespace {

constexpr const char* kPath = "/data/core/activation/disflowprovider/adhocrun";
constexpr const char* kV2 = "application/vnd.adobe.adhoc.activation+json; version=2";

json daily(const std::string& start_date, const std::string& start_time,
           const std::string& end_date = "2030-12-31") {
  return {{"frequency", "DAILY"},
          {"triggerType", "SCHEDULED"},
          {"startDate", start_date},
          {"startTime", start_time},
          {"endDate", end_date}};
}

json audience(const std::string& id, const std::string& name, const json& schedule) {
  return {{"type", "PLATFORM_SEGMENT"},
          {"value",
           {{"id", id},
            {"name", name},
            {"filenameTemplate", "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%"},
            {"exportMode", "DAILY_FULL_EXPORT"},
            {"schedule", schedule}}}};
}

void add(Emu& e, const std::string& flow, const json& selector) {
  auto etag = e.get_flow(flow)["etag"].get<std::string>();
  REQUIRE(e.call("PATCH", "/flows/" + flow, add_segment(selector), {{"if-match", etag}}).status ==
          200);
}

emulator::Response adhoc(Emu& e, const json& body, std::map<std::string, std::string> h = {}) {
  if (!h.count("accept")) h["accept"] = kV2;
  return e.call("POST", kPath, body, h);
}

json activation(const std::string& flow, std::vector<std::string> audiences) {
  return {{"activationInfo", {{flow, audiences}}}};
}

emulator::Options quiet_runs() {
  emulator::Options o;
  o.seed = 7;
  o.runs.interval = std::chrono::milliseconds(0);  // no scheduled runs unless a test asks
  o.runs.duration = std::chrono::seconds(10);
  o.runs.failure_rate = 0;
  return o;
}

}  // namespace

TEST_CASE("emulator: an ad hoc job starts one run per audience, read at its statusURL",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  add(e, flow, audience("seg-a", "Audience A", daily("2026-01-01", "17:00")));
  add(e, flow, audience("seg-b", "Audience B", daily("2026-01-01", "17:00")));
  const long writes = e.service.stats().writes;
  auto r = adhoc(e, activation(flow, {"seg-a", "seg-b", "seg-a"}));
  INFO(r.body);
  REQUIRE(r.status == 200);
  CHECK(e.service.stats().writes == writes + 1);
  const json order = Emu::body(r)["order"];
  REQUIRE(order.size() == 2);  // a repeated audience is one run
  CHECK(order[0]["segment"] == "seg-a");
  CHECK(order[1]["segment"] == "seg-b");
  for (const auto& o : order) {
    CHECK(o["order"] == flow);
    const std::string url = o["statusURL"];
    const std::string prefix = "https://platform.adobe.io/data/foundation/flowservice/runs/";
    REQUIRE(url.starts_with(prefix));
    const std::string run_id = url.substr(prefix.size());
    auto got = e.call("GET", "/runs/" + run_id);
    REQUIRE(got.status == 200);
    const json run = Emu::body(got)["items"][0];
    CHECK(run["flowId"] == flow);
    CHECK(run["metrics"]["statusSummary"]["status"] == "processing");
    const json sources = run["metrics"]["recordSummary"]["sourceSummaries"];
    REQUIRE(sources.size() == 1);
    CHECK(sources[0]["id"] == o["segment"]);
  }
  e.now += 15;  // 10 s give or take 40%: done
  const std::string last = order[1]["statusURL"];
  auto done = Emu::body(e.call("GET", "/runs/" + last.substr(last.rfind('/') + 1)));
  CHECK(done["items"][0]["metrics"]["statusSummary"]["status"] == "success");
}

TEST_CASE("emulator: ad hoc activation without the v2 Accept needs exportIds (v1)",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  add(e, flow, audience("seg-a", "Audience A", daily("2026-01-01", "17:00")));
  auto v1 = adhoc(e, activation(flow, {"seg-a"}), {{"accept", "<none>"}});
  CHECK(v1.status == 400);
  CHECK_THAT(Emu::body(v1)["message"].get<std::string>(), Catch::Contains("exportIds"));
  auto json_accept = adhoc(e, activation(flow, {"seg-a"}), {{"accept", "application/json"}});
  CHECK(json_accept.status == 400);
  json with_ids = activation(flow, {"seg-a"});
  with_ids["exportIds"] = {"f3b7b8b4-1b2c-3d4e-5f6a-7b8c9d0e1f2a"};
  CHECK(adhoc(e, with_ids, {{"accept", "<none>"}}).status == 200);
}

TEST_CASE("emulator: ad hoc activation checks the gateway headers as Flow Service does",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  CHECK(adhoc(e, activation(flow, {"a"}), {{"authorization", "<none>"}}).status == 403);
  CHECK(adhoc(e, activation(flow, {"a"}), {{"x-api-key", "other"}}).status == 403);
  CHECK(adhoc(e, activation(flow, {"a"}), {{"x-gw-ims-org-id", "<none>"}}).status == 400);
  CHECK(adhoc(e, activation(flow, {"a"}), {{"x-sandbox-name", "<none>"}}).status == 400);
  // Sandboxes are isolated: the flow is not in dev.
  CHECK(e.call("POST", kPath, activation(flow, {"a"}), {{"accept", kV2}}, "dev").status == 404);
  CHECK(e.call("GET", kPath, nullptr, {{"accept", kV2}}).status == 405);
}

TEST_CASE("emulator: a second ad hoc run of an audience while one runs is the documented 400",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  add(e, flow, audience("seg-a", "Audience A", daily("2026-01-01", "17:00")));
  auto first = adhoc(e, activation(flow, {"seg-a"}));
  REQUIRE(first.status == 200);
  const std::string url = Emu::body(first)["order"][0]["statusURL"];
  const std::string run_id = url.substr(url.rfind('/') + 1);
  auto second = adhoc(e, activation(flow, {"seg-a"}));
  CHECK(second.status == 400);
  CHECK(Emu::body(second) == json{{"message", "Run already going on for audience seg-a for order " +
                                                  flow + " with run id " + run_id}});
  e.now += 15;  // the first run has finished
  CHECK(adhoc(e, activation(flow, {"seg-a"})).status == 200);
}

TEST_CASE("emulator: a scheduled run in progress keeps an ad hoc run of its audience off",
          "[emulator][adhoc]") {
  emulator::Options o = quiet_runs();
  o.runs.interval = std::chrono::seconds(60);
  o.runs.first_run_delay = std::chrono::seconds(0);
  Emu e(o);
  const std::string flow = e.tutorial()[4];
  add(e, flow, audience("seg-a", "Audience A", daily("2026-01-01", "17:00")));
  e.call("GET", "/runs");  // the scheduled run starts
  auto runs = Emu::body(e.call("GET", "/runs?property=flowId==" + flow))["items"];
  REQUIRE(runs.size() == 1);
  auto r = adhoc(e, activation(flow, {"seg-a"}));
  CHECK(r.status == 400);
  CHECK(Emu::body(r)["message"] == "Run already going on for audience seg-a for order " + flow +
                                       " with run id " + runs[0]["id"].get<std::string>());
}

TEST_CASE("emulator: audiences off the flow or out of schedule are the documented 400, all named",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  add(e, flow, audience("seg-ok", "Ready", daily("2026-01-01", "17:00")));
  // The emulator's reading of the one-hour guardrail: the first scheduled activation is the
  // selector's startDate at startTime (UTC); 11:00 today is an hour before the clock's 12:00.
  add(e, flow, audience("seg-hour", "Just in time", daily("2026-11-28", "11:00")));
  add(e, flow, audience("seg-recent", "Too recent", daily("2026-11-28", "12:00")));
  add(e, flow, audience("seg-future", "Not started", daily("2026-12-01", "17:00")));
  add(e, flow, audience("seg-ended", "Ended", daily("2026-01-01", "17:00", "2026-11-27")));
  CHECK(adhoc(e, activation(flow, {"seg-hour"})).status == 200);

  auto r = adhoc(
      e, activation(flow, {"seg-ok", "seg-recent", "not-on-flow", "seg-future", "seg-ended"}));
  CHECK(r.status == 400);
  // How several names are joined is not documented: the emulator's choice is ", ", in the order
  // asked; an audience not on the flow is named by its ID.
  CHECK(Emu::body(r) ==
        json{{"message",
              "Segments Too recent, not-on-flow, Not started, Ended are not part of this dataflow "
              "or out of schedule range!"}});
  // Nothing of a refused job starts.
  CHECK(Emu::body(e.call("GET", "/runs?property=flowId==" + flow))["items"].size() == 1);
}

TEST_CASE("emulator: ad hoc jobs refuse more than 80 audiences, unknown flows and dataset flows",
          "[emulator][adhoc]") {
  Emu e(quiet_runs());
  const std::string flow = e.tutorial()[4];
  std::vector<std::string> many;
  for (int i = 0; i < 81; ++i)
    many.push_back("seg-" + std::to_string(i));
  // The status for more than 80 is not documented: the emulator answers 400.
  auto too_many = adhoc(e, activation(flow, many));
  CHECK(too_many.status == 400);
  CHECK_THAT(Emu::body(too_many)["message"].get<std::string>(), Catch::Contains("up to 80"));

  auto unknown = adhoc(e, activation("0b2e2f7a-3a5c-4d1e-9b8f-6a7c8d9e0f10", {"seg-a"}));
  CHECK(unknown.status == 404);
  CHECK(Emu::body(unknown).contains("message"));

  CHECK(adhoc(e, json{{"activationInfo", json::object()}}).status == 400);
  CHECK(adhoc(e, json{{"activationInfo", {{flow, json::array()}}}}).status == 400);
  CHECK(adhoc(e, json{{"activationInfo", {{flow, {1}}}}}).status == 400);
  CHECK(e.call("POST", kPath, nullptr, {{"accept", kV2}}).status == 400);

  // A dataset export flow: a Data Lake source on the S3 dataset flow spec.
  auto id = [](const emulator::Response& r) {
    INFO(r.body);
    REQUIRE(r.status == 201);
    return Emu::body(r)["id"].get<std::string>();
  };
  const std::string source = id(e.call(
      "POST", "/sourceConnections",
      {{"name", "lake"},
       {"connectionSpec", {{"id", "23598e46-f560-407b-88d5-ea6207e49db0"}, {"version", "1.0"}}},
       {"params", {{"datasets", {{{"dataSetId", "5ef3e3259ad2a1191ab70000"}}}}}}}));
  const std::string base = id(e.call(
      "POST", "/connections",
      {{"name", "s3"},
       {"auth",
        {{"specName", "Access Key"},
         {"params",
          {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"},
           {"s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}}}},
       {"connectionSpec", {{"id", "4fce964d-3f37-408f-9778-e597338a21ee"}, {"version", "1.0"}}}}));
  const std::string target = id(e.call(
      "POST", "/targetConnections",
      {{"name", "files"},
       {"baseConnectionId", base},
       {"connectionSpec", {{"id", "4fce964d-3f37-408f-9778-e597338a21ee"}, {"version", "1.0"}}},
       {"params",
        {{"mode", "Server-to-server"},
         {"bucketName", "acme-exports"},
         {"path", "datasets"},
         {"compression", "GZIP"},
         {"datasetFileType", "JSON"}}}}));
  const std::string datasets =
      id(e.call("POST", "/flows",
                {{"name", "datasets"},
                 {"flowSpec", {{"id", "269ba276-16fc-47db-92b0-c1049a3c131f"}, {"version", "1.0"}}},
                 {"sourceConnectionIds", {source}},
                 {"targetConnectionIds", {target}},
                 {"transformations", json::array()},
                 {"scheduleParams",
                  {{"exportMode", "FIRST_FULL_THEN_INCREMENTAL"},
                   {"interval", 3},
                   {"timeUnit", "hour"},
                   {"startTime", 1795000000},
                   {"endTime", 1895000000}}}}));
  auto refused = adhoc(e, activation(datasets, {"seg-a"}));
  CHECK(refused.status == 400);
  CHECK_THAT(Emu::body(refused)["message"].get<std::string>(), Catch::Contains("datasets"));
}
