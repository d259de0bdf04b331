// Dataset exports against the emulator: a Data Lake source, a target with its dataset file type,
// a flow with its schedule, to S3 and to SFTP; listed by kind, its end date and cadence moved, its
// datasets swapped through a new source connection, deleted; bad input refused with nothing sent.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

const std::map<std::string, std::string> kEnv = {
    {"S3_KEY", "AKIAIOSFODNN7EXAMPLE"},
    {"S3_SECRET", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY01"},
    {"PW", "sftp-password-7f3a"}};

test::Exit run(const Emulator& emu, const std::vector<std::string>& args) {
  return aepflow(emu, args, kEnv);
}

std::vector<std::string> first_datasets(const Emulator& emu, int n) {
  auto r = run(emu, {"datasets", "list", "--limit", std::to_string(n), "-o", "json"});
  REQUIRE(r.code == 0);
  std::vector<std::string> ids;
  for (const auto& d : json::parse(r.out))
    ids.push_back(d["id"].get<std::string>());
  return ids;
}

struct Ends {
  std::string source, target;
};

Ends s3_ends(const Emulator& emu, const std::string& datasets) {
  const std::string conn =
      id_of(run(emu, {"connection", "create", "--name", "S3", "--spec", "Amazon S3", "--auth-spec",
                      "Access Key", "--param", "s3AccessKey=env:S3_KEY", "--param",
                      "s3SecretKey=env:S3_SECRET", "-o", "id"}));
  Ends e;
  e.source =
      id_of(run(emu, {"source", "create", "--name", "lake", "--datasets", datasets, "-o", "id"}));
  e.target =
      id_of(run(emu, {"target", "create", "--name", "S3 datasets", "--base-connection", conn,
                      "--spec", "Amazon S3", "--bucket", "acme-exports", "--path", "datasets",
                      "--dataset-file-type", "PARQUET", "--compression", "GZIP", "-o", "id"}));
  return e;
}

}  // namespace

TEST_CASE("a dataset export to S3 is created, listed by kind, rescheduled, swapped and deleted",
          "[integration][dataset-export]") {
  Emulator emu;
  const auto ids = first_datasets(emu, 3);
  const auto ends = s3_ends(emu, ids[0] + "," + ids[1]);
  const json source = emu.stored("prod", "sourceConnections", ends.source);
  CHECK(source["connectionSpec"]["id"] == "23598e46-f560-407b-88d5-ea6207e49db0");
  REQUIRE(source["params"]["datasets"].size() == 2);
  CHECK(source["params"]["datasets"][0]["dataSetId"] == ids[0]);
  CHECK(!source["params"]["datasets"][0]["name"].get<std::string>().empty());
  CHECK(!source.contains("baseConnectionId"));
  const json target = emu.stored("prod", "targetConnections", ends.target);
  CHECK(target["params"]["datasetFileType"] == "PARQUET");
  CHECK(!target["params"].contains("fileType"));

  auto made = run(emu, {"flow",
                        "create",
                        "--name",
                        "lake to S3",
                        "--flow-spec",
                        "Amazon S3 datasets",
                        "--source",
                        ends.source,
                        "--target",
                        ends.target,
                        "--every",
                        "6h",
                        "--start",
                        "2030-01-01T06:00:00+02:00",
                        "--end",
                        "2030-06-30",
                        "--folder-template",
                        "%DATASET_NAME%/%EXPORT_TIME%",
                        "-o",
                        "id"});
  INFO(made.err);
  const std::string flow = id_of(made);
  json stored = emu.stored("prod", "flows", flow);
  CHECK(stored["flowSpec"]["id"] == "269ba276-16fc-47db-92b0-c1049a3c131f");
  CHECK(stored["transformations"] == json::array());
  const json s = stored["scheduleParams"];
  CHECK(s["exportMode"] == "FIRST_FULL_THEN_INCREMENTAL");
  CHECK(s["timeUnit"] == "hour");
  CHECK(s["interval"] == 6);
  CHECK(s["startTime"] == 1893470400);  // 2030-01-01T04:00:00Z
  CHECK(s["endTime"] == 1909008000);    // 2030-06-30T00:00:00Z
  CHECK(s["folderNameTemplate"] == "%DATASET_NAME%/%EXPORT_TIME%");

  // An audience flow beside it, to tell the kinds apart.
  const std::string pconn =
      id_of(run(emu, {"connection", "create", "--name", "Profile Store", "-o", "id"}));
  const std::string psource = id_of(
      run(emu, {"source", "create", "--name", "ups", "--base-connection", pconn, "-o", "id"}));
  const std::string atarget =
      id_of(run(emu, {"target", "create", "--name", "S3 audiences", "--base-connection",
                      emu.stored("prod", "targetConnections", ends.target)["baseConnectionId"],
                      "--spec", "Amazon S3", "--bucket", "acme-exports", "--path", "audiences",
                      "--file-type", "CSV", "--compression", "GZIP", "-o", "id"}));
  const std::string aflow =
      id_of(run(emu, {"flow", "create", "--name", "audiences to S3", "--flow-spec", "Amazon S3",
                      "--source", psource, "--target", atarget, "-o", "id"}));
  auto datasets = run(emu, {"flow", "list", "--kind", "datasets", "--all", "-o", "id"});
  REQUIRE(datasets.code == 0);
  CHECK(datasets.out == flow + "\n");
  auto audiences = run(emu, {"flow", "list", "--kind", "audiences", "--all", "-o", "id"});
  REQUIRE(audiences.code == 0);
  CHECK(audiences.out == aflow + "\n");
  auto table = run(emu, {"flow", "list", "--all", "-o", "table"});
  CHECK_THAT(table.out, Catch::Contains("datasets") && Catch::Contains("audiences"));
  CHECK(run(emu, {"flow", "list", "--kind", "profiles"}).code == 2);

  // The end date moved and the cadence changed: one replace of the whole schedule.
  auto moved = run(emu, {"flow", "update", flow, "--end", "2031-01-31", "--every", "12h"});
  INFO(moved.err);
  REQUIRE(moved.code == 0);
  stored = emu.stored("prod", "flows", flow);
  CHECK(stored["scheduleParams"]["endTime"] == 1927584000);  // 2031-01-31T00:00:00Z
  CHECK(stored["scheduleParams"]["interval"] == 12);
  CHECK(stored["scheduleParams"]["startTime"] == 1893470400);  // kept
  CHECK(stored["scheduleParams"]["folderNameTemplate"] == "%DATASET_NAME%/%EXPORT_TIME%");
  const long writes = emu.count("writes");
  CHECK(run(emu, {"flow", "update", flow, "--end", "2031-01-31"}).code == 0);
  CHECK(emu.count("writes") == writes);  // already so: nothing sent

  // The datasets swapped: a new source connection, and the flow moved to it.
  auto swapped = run(emu, {"flow", "update", flow, "--datasets", ids[2]});
  INFO(swapped.err);
  REQUIRE(swapped.code == 0);
  stored = emu.stored("prod", "flows", flow);
  REQUIRE(stored["sourceConnectionIds"].size() == 1);
  const std::string new_source = stored["sourceConnectionIds"][0];
  CHECK(new_source != ends.source);
  const json ns = emu.stored("prod", "sourceConnections", new_source);
  REQUIRE(ns["params"]["datasets"].size() == 1);
  CHECK(ns["params"]["datasets"][0]["dataSetId"] == ids[2]);
  const long after_swap = emu.count("writes");
  CHECK(run(emu, {"flow", "update", flow, "--datasets", ids[2]}).code == 0);
  CHECK(emu.count("writes") == after_swap);  // the same datasets: no new source

  // The schedule flags are a dataset export's: an audience flow refuses them.
  CHECK(run(emu, {"flow", "update", aflow, "--end", "2031-01-31"}).code == 2);

  auto gone = run(emu, {"flow", "delete", flow, "--yes"});
  INFO(gone.err);
  CHECK(gone.code == 0);
  CHECK(run(emu, {"flow", "list", "--kind", "datasets", "--all", "-o", "id"}).out.empty());
}

TEST_CASE("a one-time dataset export to SFTP is created as the schema takes it",
          "[integration][dataset-export]") {
  Emulator emu;
  const auto ids = first_datasets(emu, 1);
  const std::string conn =
      id_of(run(emu, {"connection", "create", "--name", "SFTP", "--spec", "SFTP", "--auth-spec",
                      "SFTP with Password", "--param", "domain=sftp.example.com", "--param",
                      "username=exporter", "--param", "password=env:PW", "-o", "id"}));
  const std::string source =
      id_of(run(emu, {"source", "create", "--name", "lake", "--datasets", ids[0], "-o", "id"}));
  const std::string target =
      id_of(run(emu, {"target", "create", "--name", "SFTP datasets", "--base-connection", conn,
                      "--spec", "SFTP", "--remote-path", "/exports", "--dataset-file-type", "JSON",
                      "--compression", "GZIP", "-o", "id"}));
  const std::string flow = id_of(run(
      emu, {"flow", "create", "--name", "lake to SFTP", "--flow-spec", "SFTP", "--kind", "datasets",
            "--source", source, "--target", target, "--once", "--end", "2030-12-31", "-o", "id"}));
  const json stored = emu.stored("prod", "flows", flow);
  CHECK(stored["flowSpec"]["id"] == "354d6aad-4754-46e4-a576-1b384561c440");
  CHECK(stored["scheduleParams"]["exportMode"] == "DAILY_FULL_EXPORT");
  CHECK(stored["scheduleParams"]["timeUnit"] == "day");
  CHECK(stored["scheduleParams"]["interval"] == 1);
  auto listed = run(emu, {"flow", "list", "--kind", "datasets", "--all", "-o", "id"});
  CHECK(listed.out == flow + "\n");
  CHECK(run(emu, {"flow", "delete", flow, "--yes"}).code == 0);
}

TEST_CASE("bad dataset export input is refused with exit 2 and nothing sent",
          "[integration][dataset-export][hostile]") {
  Emulator emu;
  const auto ids = first_datasets(emu, 1);
  const auto ends = s3_ends(emu, ids[0]);
  const long writes = emu.count("writes");
  const std::vector<std::string> base = {
      "flow",     "create",    "--name",   "x",        "--flow-spec", "Amazon S3 datasets",
      "--source", ends.source, "--target", ends.target};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run(emu, args);
  };
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const std::vector<Case> cases = {
      {{"--every", "6h"}, "--end is required"},
      {{"--every", "8h", "--end", "2030-01-01"}, "3h, 6h, 9h, 12h or 1d"},
      {{"--every", "0h", "--end", "2030-01-01"}, "3h, 6h, 9h, 12h or 1d"},
      {{"--end", "2030-01-01"}, "--every"},
      {{"--every", "6h", "--once", "--end", "2030-01-01"}, "not both"},
      {{"--every", "6h", "--export-mode", "DAILY_FULL_EXPORT", "--end", "2030-01-01"}, "one-time"},
      {{"--every", "6h", "--end", "2030-01-01", "--folder-template", "%NOPE%"},
       "not a folder macro"},
      {{"--every", "6h", "--end", "2030-01-01", "--folder-template", "%DESTINATION_NAME%"},
       "schema does not list it"},
      {{"--every", "6h", "--end", "2030-01-01", "--folder-template",
        "%EXPORT_TIME%_%DATETIME(YYYYMMdd_HHmmss)%"},
       "one of"},
      {{"--every", "6h", "--end", "2030-01-01", "--folder-template", "a\x1b[31mb"},
       "control characters"},
      {{"--every", "6h", "--end", "1893456000000"}, "milliseconds"},
      {{"--every", "6h", "--end", "2030-02-30"}, "is not a date"},
      {{"--every", "6h", "--end", "2001-01-01"}, "in the past"},
      {{"--every", "6h", "--start", "2030-06-01", "--end", "2030-01-01"}, "before it starts"},
      {{"--kind", "audiences", "--every", "6h", "--end", "2030-01-01"}, "dataset export's"},
  };
  for (const auto& c : cases) {
    auto r = with(c.args);
    INFO(c.args.front() << " " << r.err);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.says));
  }
  auto csv = run(emu, {"target", "create", "--name", "t", "--base-connection",
                       emu.stored("prod", "targetConnections", ends.target)["baseConnectionId"],
                       "--spec", "Amazon S3", "--bucket", "acme-exports", "--path", "p",
                       "--dataset-file-type", "CSV", "--compression", "GZIP"});
  CHECK(csv.code == 2);
  CHECK_THAT(csv.err, Catch::Contains("datasetFileType 'CSV'"));
  auto both = run(emu, {"target", "create", "--name", "t", "--base-connection",
                        emu.stored("prod", "targetConnections", ends.target)["baseConnectionId"],
                        "--spec", "Amazon S3", "--bucket", "acme-exports", "--path", "p",
                        "--dataset-file-type", "JSON", "--file-type", "CSV"});
  CHECK(both.code == 2);
  for (const char* bad : {"nope", "5ef3e3259ad2a1191ab7ffff", "a;b", ""}) {
    auto r = run(emu, {"source", "create", "--name", "s", "--datasets", bad});
    INFO(bad << " " << r.err);
    CHECK(r.code == 2);
  }
  CHECK(emu.count("writes") == writes);
}
