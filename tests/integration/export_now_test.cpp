// flow export-now against the emulator: runs started for audiences already on a dataflow and
// followed with --wait (exit 0 / 1 / 6), the service's two documented refusals, 81 audiences sent
// as two jobs, and what is refused offline with nothing sent (exit 2): an audience not on the
// dataflow, a dataset export flow, an audience whose schedule has not started.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "stub_server.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

constexpr const char* kBiking = "25768be6-ebd5-45cc-8913-12fb3f348613";
constexpr const char* kLoyalty = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";

// No scheduled runs (they would keep ad hoc runs of the same audiences off); ad hoc runs take
// `duration` seconds, give or take 40%, and fail at `failure_rate`.
std::vector<std::string> emulator_args(const std::string& duration = "1",
                                       const std::string& failure_rate = "0") {
  return {"--run-interval",     "0",          "--run-duration", duration,
          "--run-failure-rate", failure_rate, "--seed",         "11"};
}

// The tutorial's dataflow (Adobe Campaign over S3), with no audiences yet.
std::string campaign_flow(const Emulator& emu) {
  auto base = id_of(aepflow(emu, {"connection", "create", "--name", "base", "-o", "id"}));
  auto source = id_of(
      aepflow(emu, {"source", "create", "--name", "src", "--base-connection", base, "-o", "id"}));
  auto dest = id_of(aepflow(
      emu,
      {"connection", "create", "--name", "dest", "--spec", "Adobe Campaign", "--auth-spec", "S3",
       "--param", "accessId=env:S3_ID", "--param", "secretKey=env:S3_SECRET", "-o", "id"},
      {{"S3_ID", "AKIAIOSFODNN7EXAMPLE"}, {"S3_SECRET", "s3-SECRET-export-now-0001"}}));
  auto target =
      id_of(aepflow(emu, {"target", "create", "--name", "files", "--base-connection", dest,
                          "--spec", "Adobe Campaign", "--mode", "S3", "--bucket", "acme-exports",
                          "--path", "daily", "--format", "CSV", "-o", "id"}));
  return id_of(
      aepflow(emu, {"flow", "create", "--name", "campaign", "--flow-spec", "Adobe Campaign",
                    "--source", source, "--target", target, "-o", "id"}));
}

// Audiences on `flow` whose daily schedule began on `start_date` at 17:00 UTC.
void activate(const Emulator& emu, const std::string& flow, const std::vector<std::string>& ids,
              const std::string& start_date = "2024-01-01") {
  std::vector<std::string> args = {"flow", "activate", flow};
  for (const auto& id : ids)
    args.insert(args.end(), {"--audience", id});
  args.insert(args.end(),
              {"--attribute", "person.name.firstName", "--frequency", "DAILY", "--start-date",
               start_date, "--start-time", "17:00", "--end-date", "2030-12-31", "-o", "id"});
  auto r = aepflow(emu, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
}

std::string audience_id(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", i);
  return buf;
}

std::string tomorrow_utc() {
  const std::time_t t = std::time(nullptr) + 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace

TEST_CASE("export-now: two audiences, --wait follows both runs to success",
          "[integration][export-now]") {
  Emulator emu(emulator_args());
  const std::string flow = campaign_flow(emu);
  activate(emu, flow, {kBiking, kLoyalty});
  const long writes = emu.count("writes");
  auto r = aepflow(
      emu, {"flow", "export-now", flow, "--audience", kBiking, "--audience", kLoyalty, "--audience",
            kBiking, "--wait", "--interval", "1s", "--timeout", "2m", "-o", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(emu.count("writes") == writes + 1);  // one job
  const json runs = json::parse(r.out);
  REQUIRE(runs.size() == 2);  // the repeated audience is exported once
  CHECK(runs[0]["audience"] == kBiking);
  CHECK(runs[1]["audience"] == kLoyalty);
  for (const auto& run : runs) {
    CHECK(run["flowId"] == flow);
    CHECK(run["status"] == "success");
    // The run is read through the CLI's base URL (the statusURL names Platform's host).
    auto got = aepflow(emu, {"runs", "get", run["runId"], "-o", "json"});
    INFO(got.err);
    REQUIRE(got.code == 0);
    CHECK(json::parse(got.out)["flowId"] == flow);
  }
  CHECK(runs[0]["runId"] != runs[1]["runId"]);
  CHECK(r.err.find("s3-SECRET") == std::string::npos);
  CHECK(r.out.find("s3-SECRET") == std::string::npos);

  // -o id: the run IDs, one a line, for a script to chain.
  auto ids = aepflow(emu, {"-vv", "flow", "export-now", flow, "--audience", kBiking, "-o", "id"});
  INFO(ids.err);
  REQUIRE(ids.code == 0);
  CHECK(ids.out.size() == 37);
  CHECK_THAT(ids.err, Catch::Contains("application/vnd.adobe.adhoc.activation+json; version=2"));
  CHECK(ids.err.find("emulator-token") == std::string::npos);
}

TEST_CASE("export-now: a second job while the first runs is the service's documented refusal",
          "[integration][export-now]") {
  Emulator emu(emulator_args("30"));
  const std::string flow = campaign_flow(emu);
  activate(emu, flow, {kBiking});
  auto first = aepflow(emu, {"flow", "export-now", flow, "--audience", kBiking, "-o", "id"});
  const std::string run = id_of(first);
  auto second = aepflow(emu, {"flow", "export-now", flow, "--audience", kBiking});
  CHECK(second.code == 1);
  CHECK(second.out.empty());
  CHECK_THAT(second.err, Catch::Contains("audience " + std::string(kBiking) +
                                         " already has a run going on dataflow " + flow + " (run " +
                                         run + ")"));
  CHECK_THAT(second.err, Catch::Contains("HTTP 400"));

  // --wait gives up at its timeout: exit 6.
  auto waited = aepflow(emu, {"flow", "export-now", flow, "--audience", kLoyalty});
  CHECK(waited.code == 2);  // not on the flow yet
  activate(emu, flow, {kLoyalty});
  auto timed_out = aepflow(emu, {"flow", "export-now", flow, "--audience", kLoyalty, "--wait",
                                 "--interval", "1s", "--timeout", "2s", "-o", "id"});
  CHECK(timed_out.code == 6);
  CHECK_THAT(timed_out.err, Catch::Contains("timed out after"));
  CHECK(timed_out.out.size() == 37);  // the run started is still named
}

TEST_CASE("export-now: 81 audiences are sent as two jobs, 80 and 1", "[integration][export-now]") {
  Emulator emu(emulator_args());
  const std::string flow = campaign_flow(emu);
  const std::string file = emu.home() + "/audiences.csv";
  {
    std::ofstream csv(file);
    csv << "id,name\n";
    for (int i = 1; i <= 81; ++i)
      csv << audience_id(i) << ",Audience " << i << "\n";
  }
  auto activated =
      aepflow(emu, {"flow", "activate", flow, "--audiences-file", file, "--attribute",
                    "person.name.firstName", "--frequency", "DAILY", "--start-date", "2024-01-01",
                    "--start-time", "17:00", "--end-date", "2030-12-31"});
  INFO(activated.err);
  REQUIRE(activated.code == 0);
  std::vector<std::string> args = {"flow", "export-now", flow};
  for (int i = 1; i <= 81; ++i)
    args.insert(args.end(), {"--audience", audience_id(i)});
  args.insert(args.end(), {"-o", "json"});
  const long writes = emu.count("writes");
  auto r = aepflow(emu, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(emu.count("writes") == writes + 2);
  const json runs = json::parse(r.out);
  REQUIRE(runs.size() == 81);
  CHECK(runs[80]["audience"] == audience_id(81));
}

TEST_CASE("export-now refuses offline, exit 2 with nothing sent", "[integration][export-now]") {
  Emulator emu(emulator_args());
  const std::string flow = campaign_flow(emu);
  activate(emu, flow, {kBiking});
  const long writes = emu.count("writes");

  auto missing =
      aepflow(emu, {"flow", "export-now", flow, "--audience", kBiking, "--audience", kLoyalty});
  CHECK(missing.code == 2);
  CHECK_THAT(missing.err,
             Catch::Contains("audience " + std::string(kLoyalty) + " is not on dataflow " + flow));
  CHECK(missing.out.empty());

  // A schedule that starts tomorrow: possible an hour after its first activation.
  const std::string later = audience_id(7);
  activate(emu, flow, {later}, tomorrow_utc());
  const long after_activate = emu.count("writes");
  auto early = aepflow(emu, {"flow", "export-now", flow, "--audience", later});
  CHECK(early.code == 2);
  CHECK_THAT(early.err, Catch::Contains("is first activated on its schedule at " + tomorrow_utc() +
                                        " 17:00 UTC") &&
                            Catch::Contains("from " + tomorrow_utc() + " 18:00 UTC"));

  auto none = aepflow(emu, {"flow", "export-now", flow});
  CHECK(none.code == 2);
  auto bad_wait =
      aepflow(emu, {"flow", "export-now", flow, "--audience", kBiking, "--timeout", "x"});
  CHECK(bad_wait.code == 2);
  CHECK(emu.count("writes") == after_activate);
  CHECK(after_activate > writes);

  // A dataset export flow: a Data Lake source on the S3 dataset flow spec.
  auto api = [&](const std::string& path, const json& body) {
    auto r = aepflow(emu, {"api", "POST", path, "-d", body.dump()},
                     {{"S3_SECRET", "s3-SECRET-export-now-0002"}});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out)["id"].get<std::string>();
  };
  const json s3 = {{"id", "4fce964d-3f37-408f-9778-e597338a21ee"}, {"version", "1.0"}};
  const std::string source =
      api("/sourceConnections",
          {{"name", "lake"},
           {"connectionSpec", {{"id", "23598e46-f560-407b-88d5-ea6207e49db0"}, {"version", "1.0"}}},
           {"params", {{"datasets", {{{"dataSetId", "5ef3e3259ad2a1191ab70000"}}}}}}});
  const std::string base =
      api("/connections", {{"name", "s3"},
                           {"auth",
                            {{"specName", "Access Key"},
                             {"params",
                              {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"},
                               {"s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}}}},
                           {"connectionSpec", s3}});
  const std::string target = api("/targetConnections", {{"name", "files"},
                                                        {"baseConnectionId", base},
                                                        {"connectionSpec", s3},
                                                        {"params",
                                                         {{"mode", "Server-to-server"},
                                                          {"bucketName", "acme-exports"},
                                                          {"path", "datasets"},
                                                          {"compression", "GZIP"},
                                                          {"datasetFileType", "JSON"}}}});
  const std::string datasets = api(
      "/flows", {{"name", "datasets"},
                 {"flowSpec", {{"id", "269ba276-16fc-47db-92b0-c1049a3c131f"}, {"version", "1.0"}}},
                 {"sourceConnectionIds", {source}},
                 {"targetConnectionIds", {target}},
                 {"transformations", json::array()},
                 {"scheduleParams",
                  {{"exportMode", "FIRST_FULL_THEN_INCREMENTAL"},
                   {"interval", 3},
                   {"timeUnit", "hour"},
                   {"startTime", 1700000000},
                   {"endTime", 2000000000}}}});
  const long before = emu.count("writes");
  auto refused = aepflow(emu, {"flow", "export-now", datasets, "--audience", kBiking});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("exports datasets"));
  CHECK(emu.count("writes") == before);
}

TEST_CASE("export-now --wait: a run that fails is exit 1 with its audience named",
          "[integration][export-now]") {
  Emulator emu(emulator_args("1", "1"));
  const std::string flow = campaign_flow(emu);
  activate(emu, flow, {kBiking});
  auto r = aepflow(emu, {"flow", "export-now", flow, "--audience", kBiking, "--wait", "--interval",
                         "1s", "--timeout", "2m", "-o", "json"});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("1 of 1 runs of dataflow " + flow + " failed") &&
                        Catch::Contains(kBiking));
  const json runs = json::parse(r.out);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0]["status"] == "failed");
}

TEST_CASE("export-now: the service's two documented 400s become clear errors",
          "[integration][export-now]") {
  const std::string flow = "0b2e2f7a-3a5c-4d1e-9b8f-6a7c8d9e0f10";
  const json body = {
      {"id", flow},
      {"name", "f"},
      {"flowSpec", {{"id", "71471eba-b620-49e4-90fd-23f1fa0174d8"}, {"version", "1.0"}}},
      {"transformations",
       {{{"name", "GeneralTransform"},
         {"params",
          {{"segmentSelectors",
            {{"selectors",
              {{{"type", "PLATFORM_SEGMENT"},
                {"value",
                 {{"id", kBiking},
                  {"name", "Biking"},
                  {"schedule",
                   {{"frequency", "DAILY"},
                    {"startDate", "2024-01-01"},
                    {"startTime", "17:00"},
                    {"endDate", "2030-12-31"}}}}}}}}}}}}}}}};
  struct Case {
    std::string message;
    std::string says;
  };
  auto c = GENERATE(Case{"Run already going on for audience 25768be6-ebd5-45cc-8913-12fb3f348613 "
                         "for order 0b2e2f7a-3a5c-4d1e-9b8f-6a7c8d9e0f10 with run id "
                         "88d6da63-dc97-460e-b781-fc795a7386d9",
                         "audience 25768be6-ebd5-45cc-8913-12fb3f348613 already has a run going "
                         "on dataflow 0b2e2f7a-3a5c-4d1e-9b8f-6a7c8d9e0f10 (run "
                         "88d6da63-dc97-460e-b781-fc795a7386d9)"},
                    Case{"Segments Biking are not part of this dataflow or out of schedule range!",
                         "the service refused audiences Biking: each is not on dataflow "
                         "0b2e2f7a-3a5c-4d1e-9b8f-6a7c8d9e0f10, or outside its schedule"});
  std::atomic<int> posts{0};
  test::StubServer stub([&](const std::string& line, const test::StubServer::Send& send) {
    if (line.starts_with("POST /data/core/activation/disflowprovider/adhocrun")) {
      ++posts;
      send(test::http_answer(400, json{{"message", c.message}}.dump()));
    } else {
      send(test::http_answer(200, json{{"items", {body}}}.dump()));
    }
  });
  test::TempDir home;
  auto env = test::stub_env(stub, home.path().string());
  env["AEP_ASSUME_YES"] = "1";
  auto r = test::run_process(
      {test::bin_dir() + "/aepflow", "flow", "export-now", flow, "--audience", kBiking}, env);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains(c.says));
  CHECK(posts == 1);  // a refusal is not retried
  CHECK(r.err.find("stub-token") == std::string::npos);
}

TEST_CASE("the export-now example script exports both audiences and follows their runs",
          "[integration][export-now][examples]") {
  Emulator emu(emulator_args());
  auto r = test::run_process({"bash", test::source_dir() + "/examples/export-now.sh"}, emu.env());
  INFO(r.out);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("dataflow:"));
  std::size_t succeeded = 0;
  for (auto at = r.out.find("run succeeded:"); at != std::string::npos;
       at = r.out.find("run succeeded:", at + 1))
    ++succeeded;
  CHECK(succeeded == 2);
  CHECK(r.err.find("error") == std::string::npos);
}
