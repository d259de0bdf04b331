// The real aepflow binary against the real emulator, chaining IDs as a shell script would.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "audiences.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;
using test::kBiking;
using test::kLoyalty;

namespace {

struct Tutorial {
  std::string base, source, destination, target, flow;
};

// Steps 1 to 5 for Adobe Campaign over S3.
Tutorial create_all(const Emulator& emu) {
  Tutorial t;
  t.base = id_of(aepflow(emu, {"connection", "create", "--name",
                               "Base connection to Experience Platform", "-o", "id"}));
  t.source = id_of(aepflow(emu, {"source", "create", "--name", "Connecting to Profile Store",
                                 "--base-connection", t.base, "-o", "id"}));
  t.destination = id_of(aepflow(
      emu,
      {"connection", "create", "--name", "S3 Connection for Adobe Campaign", "--spec",
       "Adobe Campaign", "--auth-spec", "S3", "--param", "accessId=env:TEST_S3_ID", "--param",
       "secretKey=env:TEST_S3_SECRET", "-o", "id"},
      {{"TEST_S3_ID", "AKIAIOSFODNN7EXAMPLE"}, {"TEST_S3_SECRET", "s3-SECRET-value-0001"}}));
  t.target = id_of(
      aepflow(emu, {"target", "create", "--name", "TargetConnection for Adobe Campaign",
                    "--base-connection", t.destination, "--spec", "Adobe Campaign", "--mode", "S3",
                    "--bucket", "acme-exports", "--path", "daily", "--format", "CSV", "-o", "id"}));
  t.flow = id_of(aepflow(
      emu, {"flow", "create", "--name", "activate audiences to Adobe Campaign", "--flow-spec",
            "Adobe Campaign", "--source", t.source, "--target", t.target, "-o", "id"}));
  return t;
}

}  // namespace

TEST_CASE("the tutorial end to end: seven steps chained by ID, then validate", "[integration]") {
  Emulator emu;
  Tutorial t = create_all(emu);
  auto activate =
      aepflow(emu, {"flow", "activate", t.flow, "--audience",
                    std::string(kBiking) + "=Interested in Mountain Biking", "--attribute",
                    "person.name.firstName", "--attribute", "personalEmail.address", "--start-date",
                    "2026-12-20", "--start-time", "17:00", "-o", "json"});
  INFO(activate.err);
  REQUIRE(activate.code == 0);
  json answer = json::parse(activate.out);
  CHECK(answer["id"] == t.flow);
  CHECK(answer["etag"].get<std::string>().front() == '"');

  auto incremental =
      aepflow(emu, {"flow", "activate", t.flow, "--audience", kLoyalty, "--export-mode",
                    "FIRST_FULL_THEN_INCREMENTAL", "--frequency", "EVERY_6_HOURS", "--start-date",
                    "2026-12-22", "--start-time", "17:00", "--end-date", "2026-12-31", "-o", "id"});
  CHECK(incremental.code == 0);

  auto validate =
      aepflow(emu, {"flow", "validate", t.flow, "--expect-audience", kBiking, "--expect-audience",
                    kLoyalty, "--expect-attribute", "person.name.firstName", "-o", "json"});
  CHECK(validate.code == 0);
  json report = json::parse(validate.out);
  CHECK(report["valid"] == true);
  REQUIRE(report["audiences"].size() == 2);
  CHECK(report["audiences"][0]["name"] == "Interested in Mountain Biking");
  CHECK(report["audiences"][1]["schedule"]["frequency"] == "EVERY_6_HOURS");
  CHECK(report["attributes"] == json::array({"person.name.firstName", "personalEmail.address"}));

  auto flow = json::parse(aepflow(emu, {"flow", "get", t.flow, "-o", "json"}).out);
  CHECK(flow["sourceConnectionIds"] == json::array({t.source}));
  CHECK(flow["targetConnectionIds"] == json::array({t.target}));
  CHECK(flow["flowSpec"]["id"] == "71471eba-b620-49e4-90fd-23f1fa0174d8");
  auto selectors = flow["transformations"][0]["params"]["segmentSelectors"]["selectors"];
  CHECK(selectors[0]["value"]["schedule"] == json{{"frequency", "ONCE"},
                                                  {"triggerType", "SCHEDULED"},
                                                  {"startDate", "2026-12-20"},
                                                  {"startTime", "17:00"}});
  CHECK(selectors[0]["value"].contains("createTime"));

  auto missing =
      aepflow(emu, {"flow", "validate", t.flow, "--expect-attribute", "person.lastName"});
  CHECK(missing.code == 7);
  CHECK_THAT(missing.err, Catch::Contains("is missing attributes person.lastName"));
}

namespace {

// Runs examples/SCRIPT against `emu`; it must succeed (its output is shown when a check fails).
test::Exit run_example(const Emulator& emu, const std::string& script) {
  auto r = test::run_process({"bash", test::source_dir() + "/examples/" + script}, emu.env());
  UNSCOPED_INFO(r.out);
  UNSCOPED_INFO(r.err);
  CHECK(r.code == 0);
  return r;
}

}  // namespace

TEST_CASE("each destination's example script runs the tutorial and validates",
          "[integration][examples]") {
  auto script = GENERATE(as<std::string>{}, "quickstart.sh", "adobe-campaign-s3.sh",
                         "adobe-campaign-sftp-password.sh", "adobe-campaign-sftp-key.sh",
                         "adobe-campaign-azure-blob.sh", "oracle-eloqua.sh", "oracle-responsys.sh",
                         "salesforce-marketing-cloud.sh", "amazon-s3-legacy.sh",
                         "azure-blob-legacy.sh", "sftp-legacy.sh");
  CAPTURE(script);
  Emulator emu;
  auto r = run_example(emu, script);
  CHECK_THAT(r.out, Catch::Contains("dataflow:"));
  CHECK_THAT(r.out,
             Catch::Contains("Valid: every expected audience and attribute is on the dataflow."));
  CHECK_THAT(r.out, Catch::Contains(kBiking) && Catch::Contains(kLoyalty));
  CHECK(r.err.find("error") == std::string::npos);
  CHECK(emu.count("writes") == 7);  // 4 connections, 1 flow, 2 activations: nothing twice
}

TEST_CASE("each current cloud-storage card's example script maps attributes and an identity",
          "[integration][examples][cards]") {
  auto script = GENERATE(as<std::string>{}, "amazon-s3.sh", "azure-blob-storage.sh", "adls-gen2.sh",
                         "data-landing-zone.sh", "google-cloud-storage.sh", "sftp.sh");
  CAPTURE(script);
  Emulator emu;
  auto r = run_example(emu, script);
  CHECK_THAT(r.out, Catch::Contains("Valid: every expected"));
  CHECK_THAT(r.out, Catch::Contains(kBiking) && Catch::Contains(kLoyalty));
  CHECK(r.err.find("error") == std::string::npos);
  CHECK(r.err.find("warning") == std::string::npos);  // today's cards: nothing retired
}

TEST_CASE("secrets never reach stdout or stderr, even at -vv", "[integration][secrets]") {
  Emulator emu;
  auto r =
      aepflow(emu,
              {"-vv", "connection", "create", "--name", "SFTP", "--spec", "Oracle Eloqua",
               "--auth-spec", "SFTP with Password", "--param", "domain=example.com", "--param",
               "host=sftp.example.com", "--param", "username=u", "--param", "password=env:TEST_PW"},
              {{"TEST_PW", "pw-SECRET-4242"}});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("> POST"));
  CHECK_THAT(r.err, Catch::Contains("sftp.example.com"));
  // Start-up is measured in the process (the benchmark reads it): before the first request.
  CHECK(r.err.find("ms after start") < r.err.find("> GET"));
  for (const char* secret : {"pw-SECRET-4242", "emulator-token", "emulator-api-key"}) {
    CHECK(r.out.find(secret) == std::string::npos);
    CHECK(r.err.find(secret) == std::string::npos);
  }
  auto bad =
      aepflow(emu, {"-vv", "connection", "create", "--name", "x", "--spec", "Oracle Eloqua",
                    "--auth-spec", "SFTP with Password", "--param", "password=pw-SECRET-4242"});
  CHECK(bad.code == 2);  // checked against the spec before anything is sent
  CHECK_THAT(bad.err, Catch::Contains("missing domain, host, username"));
  CHECK(bad.err.find("pw-SECRET-4242") == std::string::npos);
}

TEST_CASE("bad input: right exit code, one clear line, nothing created", "[integration]") {
  Emulator emu;
  struct Case {
    std::vector<std::string> args;
    int code;
    const char* says;
  };
  auto c = GENERATE(
      Case{{"connection", "create"}, 2, "--name is required"},
      Case{{"source", "create", "--base-connection", "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           2,
           "--name is required"},
      Case{{"target", "create", "--name", "t", "--spec", "SFTP"},
           2,
           "--base-connection is required"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           2,
           "--spec is required"},
      Case{{"flow", "create", "--name", "f", "--flow-spec", "SFTP", "--source",
            "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           2,
           "--target is required"},
      Case{{"flow", "activate"}, 2, "flow is required"},
      Case{{"flow", "validate"}, 2, "flow is required"},
      Case{{"connection", "create", "--name", "x", "--spec", "Mailchimp Transactional",
            "--auth-spec", "Key"},
           2,
           "unknown connection spec 'Mailchimp Transactional'"},
      Case{{"flow", "create", "--name", "x", "--flow-spec", "no such flow spec", "--source",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--target",
            "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           2,
           "unknown flow spec 'no such flow spec'"},
      Case{{"flow", "get", "8256cfb4-17e6-432c-a469"},
           2,
           "invalid flow ID '8256cfb4-17e6-432c-a469'"},
      Case{{"target", "create", "--name", "t", "--base-connection", "not-an-id", "--spec", "SFTP"},
           2,
           "invalid base connection ID"},
      Case{{"flow", "get", "8256cfb4-17e6-432c-a469-6aedafb16cd5"}, 4, "HTTP 404 [FLOW-1439-404]"},
      Case{{"--access-token", "env:BAD_TOKEN", "flow", "get",
            "8256cfb4-17e6-432c-a469-6aedafb16cd5"},
           3,
           "HTTP 401 [401013] Oauth token is not valid"},
      Case{{"--api-key", "someone-elses-key", "specs", "list"}, 3, "HTTP 403 [403003]"},
      Case{{"--sandbox", "nosuch", "specs", "list"},
           4,
           "sandbox with the name 'nosuch' could not be found"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "SFTP", "--remote-path", "/x",
            "--param", "compression=NONE", "--param", "fileType=CSV"},
           1,
           "baseConnectionId 1ed86558-59b5-42f7-9865-5859b552f7f4 does not exist"});
  CAPTURE(c.args);
  auto r = aepflow(emu, c.args, {{"BAD_TOKEN", "expired-token"}});
  CHECK(r.code == c.code);
  CHECK_THAT(r.err, Catch::StartsWith("error: ") && Catch::Contains(c.says));
  CHECK(r.out.empty());
  CHECK(emu.count("writes") == (c.code == 1 ? 1 : 0));  // only the refused POST reached the service
  for (const char* collection : {"connection", "source", "target", "flow"}) {
    (void)collection;
  }
  auto flows = test::run_process({"curl", "-sf", "-H", "Authorization: Bearer emulator-token", "-H",
                                  "x-api-key: emulator-api-key", "-H",
                                  "x-gw-ims-org-id: O@AdobeOrg", "-H", "x-sandbox-name: prod",
                                  emu.flow_service_url() + "/connections?count=true"});
  CHECK(json::parse(flows.out)["count"] == 0);
}

TEST_CASE("missing credentials are a usage error and no request is made", "[integration]") {
  Emulator emu;
  auto r = test::run_process(
      {test::bin_dir() + "/aepflow", "--base-url", emu.flow_service_url(), "specs", "list"}, {});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--access-token (or AEP_ACCESS_TOKEN)"));
  CHECK(emu.count("requests") == 0);
}

TEST_CASE("a stale etag exits 5 and leaves the flow as it was", "[integration]") {
  Emulator emu;
  Tutorial t = create_all(emu);
  std::string old_etag =
      json::parse(aepflow(emu, {"flow", "get", t.flow, "-o", "json"}).out)["etag"];
  REQUIRE(aepflow(emu, {"flow", "activate", t.flow, "--attribute", "person.name.firstName"}).code ==
          0);
  auto stale = aepflow(emu, {"flow", "activate", t.flow, "--audience", kBiking, "--start-time",
                             "17:00", "--etag", old_etag});
  CHECK(stale.code == 5);
  CHECK_THAT(stale.err, Catch::Contains("the dataflow has changed since etag " + old_etag) &&
                            Catch::Contains("nothing was sent"));
  auto flow = json::parse(aepflow(emu, {"flow", "get", t.flow, "-o", "json"}).out);
  CHECK(flow["transformations"][0]["params"]["segmentSelectors"]["selectors"].empty());
  // The same etag, pasted in its JSON-escaped form, works while it is current.
  std::string current = flow["etag"];
  std::string escaped = "\\\"" + current.substr(1, current.size() - 2) + "\\\"";
  CHECK(aepflow(emu, {"flow", "activate", t.flow, "--audience", kBiking, "--start-time", "17:00",
                      "--etag", escaped})
            .code == 0);
}

TEST_CASE("the tutorial's 202 with no body is handled", "[integration]") {
  Emulator emu({"--patch-status", "202"});
  Tutorial t = create_all(emu);
  auto r = aepflow(emu, {"flow", "activate", t.flow, "--audience", kBiking, "--start-time", "17:00",
                         "-o", "table"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("accepted; the service returned no etag"));
  CHECK(aepflow(emu, {"flow", "validate", t.flow, "--expect-audience", kBiking}).code == 0);
}

TEST_CASE("a resource created in one sandbox is not found from another", "[integration]") {
  Emulator emu;
  Tutorial t = create_all(emu);
  auto r = aepflow(emu, {"--sandbox", "dev", "flow", "get", t.flow});
  CHECK(r.code == 4);
  auto env = aepflow(emu, {"flow", "get", t.flow}, {{"AEP_SANDBOX", "dev"}});
  CHECK(env.code == 4);
  CHECK(aepflow(emu, {"flow", "get", t.flow}).code == 0);
}

TEST_CASE("an unreachable service exits 6", "[integration]") {
  std::string url;
  {
    Emulator emu;
    url = emu.flow_service_url();
  }  // stopped: nothing listens on that port now
  auto r = test::run_process({test::bin_dir() + "/aepflow", "--base-url", url, "--access-token",
                              "t", "--api-key", "k", "--org-id", "o@AdobeOrg", "--timeout", "5",
                              "specs", "list"});
  CHECK(r.code == 6);
  CHECK_THAT(r.err, Catch::Contains("could not connect"));
}

TEST_CASE("a spec is read once a day, not once a command", "[integration][specs]") {
  Emulator emu;
  const std::vector<std::string> create = {"connection",  "create",
                                           "--name",      "S3",
                                           "--spec",      "Adobe Campaign",
                                           "--auth-spec", "S3",
                                           "--param",     "accessId=AKIAIOSFODNN7EXAMPLE",
                                           "--param",     "secretKey=env:S3_SECRET"};
  const std::map<std::string, std::string> env = {{"S3_SECRET", "s3-SECRET-cache-01"}};
  // Each create also looks its name up first (what it finds is never taken for what it makes).
  REQUIRE(aepflow(emu, create, env).code == 0);
  CHECK(emu.count("reads") == 2);  // the connection spec, to check the params
  REQUIRE(aepflow(emu, create, env).code == 0);
  CHECK(emu.count("reads") == 3);  // the spec from the cache

  std::vector<std::filesystem::path> cached;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(emu.home()) / "cache" / "aepflow" / "specs")) {
    if (e.is_regular_file()) cached.push_back(e.path());
  }
  REQUIRE(cached.size() == 1);
  CHECK(cached[0].filename() == "connectionSpecs-0b23e41a-cb4a-4321-a78f-3b654f5d7d97.json");

  // A day old: read again.
  std::filesystem::last_write_time(
      cached[0], std::filesystem::file_time_type::clock::now() - std::chrono::hours(25));
  REQUIRE(aepflow(emu, create, env).code == 0);
  CHECK(emu.count("reads") == 5);
  // Damaged: read again, and the command still works.
  std::ofstream(cached[0]) << "{\"id\": \"not this one\"";
  REQUIRE(aepflow(emu, create, env).code == 0);
  CHECK(emu.count("reads") == 7);
  REQUIRE(aepflow(emu, create, env).code == 0);
  CHECK(emu.count("reads") == 8);
}

TEST_CASE("aepflow's own JSON answers have exactly the fields `help output` documents",
          "[integration][output]") {
  Emulator emu;
  const Tutorial t = create_all(emu);
  // The documented fields, from the binary itself.
  auto doc = aepflow(emu, {"-o", "json", "help", "output"});
  REQUIRE(doc.code == 0);
  std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> shapes;
  const json documented = json::parse(doc.out);
  for (const auto& s : documented["fields"]) {
    shapes[s["commands"].get<std::string>()] = {s["fields"].get<std::set<std::string>>(),
                                                s["optional"].get<std::set<std::string>>()};
  }
  std::set<std::string> seen;
  auto check = [&](const std::string& shape, std::vector<std::string> args,
                   std::map<std::string, std::string> env = {}) {
    INFO(shape);
    REQUIRE(shapes.count(shape) == 1);
    args.insert(args.end(), {"-o", "json"});
    auto r = aepflow(emu, args, env);
    INFO(r.err);
    auto answer = json::parse(r.out);
    std::set<std::string> keys;
    for (const auto& [k, v] : answer.items())
      keys.insert(k);
    const auto& [fields, optional] = shapes[shape];
    for (const auto& f : fields)
      CHECK(keys.count(f) == 1);
    for (const auto& k : keys)
      CHECK((fields.count(k) + optional.count(k)) == 1);
    seen.insert(shape);
  };
  check("flow activate", {"flow", "activate", t.flow, "--audience", kBiking, "--start-time",
                          "17:00", "--attribute", "person.name.firstName"});
  check("flow validate", {"flow", "validate", t.flow, "--expect-audience", kBiking});
  check("flow deactivate", {"flow", "deactivate", t.flow, "--attribute", "person.name.firstName"});
  check("flow enable|disable", {"flow", "disable", t.flow});
  check("connection|source|target|flow delete", {"flow", "delete", t.flow});
  const std::string pipeline = test::source_dir() + "/examples/pipelines/adobe-campaign-s3.yaml";
  const std::map<std::string, std::string> s3 = {{"S3_ACCESS_ID", "AKIAIOSFODNN7EXAMPLE"},
                                                 {"S3_SECRET_KEY", "s3-SECRET-value-0002"}};
  check("plan|apply|destroy", {"apply", "-f", pipeline}, s3);
  check("auth status", {"auth", "status"});
  auto clients = test::client_env(emu);
  clients["PATH"] = emu.env()["PATH"];
  check("auth login", {"auth", "login"}, clients);
  check("doctor", {"doctor"});
  CHECK(seen.size() == shapes.size());  // every documented answer was looked at
}
