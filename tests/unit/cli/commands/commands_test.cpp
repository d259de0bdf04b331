// argv -> requests sent -> stdout, stderr, exit code; over a fake transport.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "help/suggest.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

namespace {

constexpr const char* kFlow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";
constexpr const char* kSegment = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
constexpr const char* kSegment2 = "25768be6-ebd5-45cc-8913-12fb3f348613";

std::shared_ptr<test::FakeTransport> fake() {
  return std::make_shared<test::FakeTransport>();
}

// A line "  KEY   VALUE" of a fields block.
bool has_line(const std::string& text, const std::string& key, const std::string& value) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) continue;
    auto rest = line.substr(start + key.size());
    auto v = rest.find_first_not_of(' ');
    if (v != std::string::npos && v >= 2 && rest.substr(v) == value) return true;
  }
  return false;
}

std::string header_of(const test::Sent& s, const char* name) {
  const std::string* v = find_header(s.request.headers, name);
  return v ? *v : std::string("(absent)");
}

json body_of(const test::Sent& s) {
  return json::parse(s.request.body);
}

std::string flow_json(const std::string& etag, json segments = json::array(),
                      json profiles = json::array()) {
  return json{{"items",
               {{{"id", kFlow},
                 {"name", "activate audiences to Adobe Campaign"},
                 {"state", "enabled"},
                 {"etag", etag},
                 {"transformations",
                  {{{"name", "GeneralTransform"},
                    {"params",
                     {{"segmentSelectors", {{"selectors", segments}}},
                      {"profileSelectors", {{"selectors", profiles}}}}}}}}}}}}
      .dump();
}

}  // namespace

TEST_CASE("connection create without --auth-spec creates the Profile Store connection",
          "[commands]") {
  auto f = fake();
  f->on(
      Method::post, "/connections", 201,
      R"({"id":"1ed86558-59b5-42f7-9865-5859b552f7f4","etag":"\"0000d781-0000-0200-0000-63e29f420000\""})");
  auto format = GENERATE(as<std::string>{}, "id", "json", "table");
  auto r = run_cli(
      with_credentials({"connection", "create", "--name", "Base connection", "-o", format}), f);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  REQUIRE(f->sent.size() == 1);
  CHECK(body_of(f->sent[0]) ==
        json{{"name", "Base connection"},
             {"connectionSpec",
              {{"id", "8a9c3494-9708-43d7-ae3f-cda01e5030e1"}, {"version", "1.0"}}}});
  if (format == "id") CHECK(r.out == "1ed86558-59b5-42f7-9865-5859b552f7f4\n");
  if (format == "json") {
    CHECK(json::parse(r.out) == json{{"id", "1ed86558-59b5-42f7-9865-5859b552f7f4"},
                                     {"etag", "\"0000d781-0000-0200-0000-63e29f420000\""}});
  }
  if (format == "table") {
    CHECK_THAT(r.out, Catch::Contains("Created base connection in sandbox prod"));
    CHECK_THAT(r.out, Catch::Contains("1ed86558-59b5-42f7-9865-5859b552f7f4"));
    CHECK_THAT(r.out, Catch::Contains("\"0000d781-0000-0200-0000-63e29f420000\""));
  }
}

TEST_CASE("connection create reads secrets from the environment and files", "[commands][secrets]") {
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"-vv",
                                     "connection",
                                     "create",
                                     "--name",
                                     "SFTP",
                                     "--spec",
                                     "adobe campaign",
                                     "--auth-spec",
                                     "SFTP with SSH Key",
                                     "--param",
                                     "domain=example.com",
                                     "--param",
                                     "host=sftp.example.com",
                                     "--param",
                                     "username=u",
                                     "--param",
                                     "sshKey=@/keys/id.b64",
                                     "--param",
                                     "port:=22",
                                     "-o",
                                     "id"}),
                   f, {}, {{"/keys/id.b64", "S1NILUtFWS1TRUNSRVQ=\n"}});
  CHECK(r.code == 0);
  // The name resolved from the catalogue (no lookup); the spec is read to check the params.
  REQUIRE(f->sent.size() == 2);
  CHECK(f->sent[0].request.path == "/connectionSpecs/0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  json body = body_of(f->sent[1]);
  CHECK(body["connectionSpec"]["id"] == "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  CHECK(body["auth"] == json{{"specName", "SFTP with SSH Key"},
                             {"params",
                              {{"domain", "example.com"},
                               {"host", "sftp.example.com"},
                               {"username", "u"},
                               {"sshKey", "S1NILUtFWS1TRUNSRVQ="},
                               {"port", 22}}}});
  CHECK_THAT(r.err, Catch::Contains("> POST"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("S1NILUtFWS1TRUNSRVQ="));
  CHECK_THAT(r.out + r.err, !Catch::Contains("test-token-SECRET"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("test-api-key-123456"));
}

TEST_CASE("a spec name outside the built-in catalogue is looked up case-insensitively",
          "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs", 200,
        R"({"items":[{"id":"11111111-2222-4333-8444-555555555555","name":"Acme Files"}]})");
  f->on(Method::get, "/connectionSpecs/11111111-2222-4333-8444-555555555555", 200,
        R"({"items":[{"id":"11111111-2222-4333-8444-555555555555","name":"Acme Files",
            "authSpec":[{"name":"Key","spec":{"properties":{"k":{"type":"string"}},"required":["k"]}}]}]})");
  f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"connection", "create", "--name", "n", "--spec", "ACME FILES",
                                     "--auth-spec", "Key", "--param", "k=v", "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(body_of(f->sent[2])["connectionSpec"]["id"] == "11111111-2222-4333-8444-555555555555");
}

TEST_CASE("an unknown spec name is a usage error and nothing is created", "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs", 200, R"({"items":[{"id":"x","name":"Other"}]})");
  auto r = run_cli(with_credentials({"target", "create", "--name", "t", "--base-connection",
                                     "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Mailchimp",
                                     "--mode", "S3"}),
                   f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("error: unknown connection spec 'Mailchimp'"));
  CHECK_THAT(r.err, Catch::Contains("Adobe Campaign"));
  CHECK(r.out.empty());
  CHECK(f->sent.size() == 1);  // the catalogue lookup only
}

TEST_CASE("usage errors are found before anything is sent", "[commands]") {
  auto f = fake();
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  auto c = GENERATE(
      Case{{"connection", "create"}, "--name is required"},
      Case{{"connection", "create", "--name", "n", "--param", "a=b"}, "--param needs --auth-spec"},
      Case{{"connection", "create", "--name", "n", "--auth-spec", "S3"},
           "--auth-spec needs --spec"},
      Case{{"source", "create", "--name", "n", "--base-connection", "nope"},
           "invalid base connection ID 'nope'"},
      Case{{"target", "create", "--name", "n", "--spec", "SFTP"}, "--base-connection is required"},
      Case{{"target", "create", "--name", "n", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "SFTP", "--remote-path", "/a",
            "--param", "remotePath=/b"},
           "target param remotePath is given twice"},
      Case{{"flow", "create", "--name", "n", "--flow-spec", "SFTP", "--source", "x", "--target",
            "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           "invalid source connection ID 'x'"},
      Case{{"flow", "create", "--name", "n", "--source", "x"}, "--flow-spec is required"},
      Case{{"flow", "get", "not-a-uuid"}, "invalid flow ID 'not-a-uuid'"},
      Case{{"flow", "validate", "1234"}, "invalid flow ID '1234'"},
      Case{{"flow", "activate", kFlow}, "nothing to activate"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment}, "schedule.startTime is required"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00",
            "--export-mode", "HOURLY"},
           "exportMode 'HOURLY' is not valid"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00",
            "--start-date", "2026-02-29"},
           "schedule.startDate '2026-02-29' is not a calendar date"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00", "--etag",
            "\"a b\""},
           "etag"},
      Case{{"flow", "activate", kFlow, "--attribute", "person name"}, "--attribute 'person name'"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--audience", kSegment,
            "--start-time", "17:00"},
           "is given more than once"},
      Case{{"-o", "xml", "flow", "get", kFlow}, "xml not in {table,json,yaml,env,id}"},
      Case{{"nonsense"}, "nonsense"}, Case{{"--timeout", "-1", "flow", "get", kFlow}, "--timeout"});
  CAPTURE(c.args);
  auto r = run_cli(with_credentials(c.args), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.message));
  CHECK(r.out.empty());
  CHECK(f->sent.empty());
}

TEST_CASE("missing credentials name each flag and variable and nothing is sent", "[commands]") {
  auto f = fake();
  auto r = run_cli({"--base-url", "https://h.test", "flow", "get", kFlow}, f);
  CHECK(r.code == 2);
  CHECK(r.err ==
        "error: missing credentials: --access-token (or AEP_ACCESS_TOKEN), or a client ID and "
        "secret (--client-id and --client-secret, AEP_CLIENT_ID and AEP_CLIENT_SECRET, or a "
        "profile); --api-key (or AEP_API_KEY, or a client ID); --org-id (or AEP_ORG_ID, or org_id "
        "in a profile)\n");
  CHECK(f->sent.empty());
}

TEST_CASE("target create maps the shorthands onto params", "[commands]") {
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  f->on(Method::post, "/targetConnections", 201, R"({"id":"t","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"target",
                                     "create",
                                     "--name",
                                     "T",
                                     "--base-connection",
                                     "1ed86558-59b5-42f7-9865-5859b552f7f4",
                                     "--spec",
                                     "Adobe Campaign",
                                     "--mode",
                                     "AZURE_BLOB",
                                     "--container",
                                     "c",
                                     "--path",
                                     "p",
                                     "--format",
                                     "CSV",
                                     "--param",
                                     "includeFileManifest:=true",
                                     "-o",
                                     "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == "t\n");
  CHECK(body_of(f->sent[1])["params"] == json{{"mode", "AZURE_BLOB"},
                                              {"container", "c"},
                                              {"path", "p"},
                                              {"format", "CSV"},
                                              {"includeFileManifest", true}});
}

TEST_CASE("flow create resolves a destination name to its flow spec", "[commands]") {
  struct Dest {
    const char* given;
    const char* flow_spec;
    const char* target_spec;
  };
  auto dest = GENERATE(
      Dest{"Oracle Responsys", "51d675ce-e270-408d-91fc-22717bdf2148",
           "a5e28ddf-e265-426e-83a1-9d03a3a6822b"},
      Dest{"sfmc", "493b2bd6-26e4-4167-ab3b-5e910bba44f0", "f599a5b3-60a7-4951-950a-cc4115c7ea27"},
      Dest{"Adobe Campaign", "71471eba-b620-49e4-90fd-23f1fa0174d8",
           "0b23e41a-cb4a-4321-a78f-3b654f5d7d97"},
      Dest{"71471eba-b620-49e4-90fd-23f1fa0174d8", "71471eba-b620-49e4-90fd-23f1fa0174d8",
           "4890fc95-5a1f-4983-94bb-e060c08e3f81"});
  auto f = fake();
  test::stub_flow_checks(*f, dest.flow_spec, "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
                         "8a9c3494-9708-43d7-ae3f-cda01e5030e1",
                         "12ab90c7-519c-4291-bd20-d64186b62da8", dest.target_spec);
  f->on(Method::post, "/flows", 201, R"({"id":"flow-1","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec", dest.given,
                                     "--source", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97", "--target",
                                     "12ab90c7-519c-4291-bd20-d64186b62da8", "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == "flow-1\n");
  CHECK(body_of(f->sent[3])["flowSpec"]["id"] == dest.flow_spec);
}

TEST_CASE("activate reads the etag, then sends one PATCH with every audience and attribute",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"etag-1\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"etag-2\""}}.dump());
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audience",
                                     std::string(kSegment) + "=Interested in Mountain Biking",
                                     "--audience", kSegment2, "--attribute", "person.lastName",
                                     "--start-time", "17:00", "-o", "table"}),
                   f);
  CHECK(r.code == 0);
  REQUIRE(f->sent.size() == 2);
  const auto& patch = f->sent[1].request;
  CHECK(header_of(f->sent[1], "If-Match") == "\"etag-1\"");
  json ops = json::parse(patch.body);
  REQUIRE(ops.size() == 3);
  CHECK(ops[0]["value"]["value"] ==
        json{{"id", kSegment},
             {"name", "Interested in Mountain Biking"},
             {"filenameTemplate", "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%"},
             {"exportMode", "DAILY_FULL_EXPORT"},
             {"schedule",
              {{"frequency", "ONCE"},
               {"triggerType", "SCHEDULED"},
               {"startDate", "2026-11-28"},  // today in UTC
               {"startTime", "17:00"}}}});
  CHECK(ops[1]["value"]["value"]["id"] == kSegment2);
  CHECK(ops[2] ==
        json{{"op", "add"},
             {"path", "/transformations/0/params/profileSelectors/selectors/-"},
             {"value", {{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}}});
  CHECK_THAT(r.out, Catch::StartsWith("Activated in sandbox prod\n"));
  CHECK(has_line(r.out, "added", std::string("2: ") + kSegment + ", " + kSegment2));
  CHECK(has_line(r.out, "attributes", "1: person.lastName"));
  CHECK(has_line(r.out, "etag", "\"etag-2\""));
}

TEST_CASE("an etag given in any form goes out as If-Match with one pair of quotes",
          "[commands][activate]") {
  auto given = GENERATE(as<std::string>{}, "0000d781-0000-0200-0000-63e29f420000",
                        "\"0000d781-0000-0200-0000-63e29f420000\"",
                        "\\\"0000d781-0000-0200-0000-63e29f420000\\\"");
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200,
        flow_json("\"0000d781-0000-0200-0000-63e29f420000\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", given, "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == std::string(kFlow) + "\n");
  REQUIRE(f->sent.size() == 2);  // the read that plans the change, then the patch
  CHECK(header_of(f->sent[1], "If-Match") == "\"0000d781-0000-0200-0000-63e29f420000\"");
}

TEST_CASE("an etag that is no longer current exits 5 before anything is sent",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"newer\""));
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "older"}),
                   f);
  CHECK(r.code == 5);
  CHECK_THAT(r.err, Catch::Contains("the dataflow has changed since etag \"older\" (it is now "
                                    "\"newer\"); nothing was sent"));
  CHECK(f->sent.size() == 1);
}

TEST_CASE("audiences and attributes already on the flow are not added twice",
          "[commands][activate]") {
  json present = json::array({{{"type", "PLATFORM_SEGMENT"}, {"value", {{"id", kSegment}}}}});
  json attrs = json::array({{{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}});
  SECTION("some new: only they are sent") {
    auto f = fake();
    f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
    f->on(Method::patch, std::string("/flows/") + kFlow, 200,
          json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
    auto r = run_cli(
        with_credentials({"flow", "activate", kFlow, "--audience", kSegment, "--audience",
                          kSegment2, "--attribute", "person.lastName", "--start-time", "17:00"}),
        f);
    CHECK(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains(std::string("audience ") + kSegment +
                                      " is already on the dataflow"));
    CHECK_THAT(r.err, Catch::Contains("attribute person.lastName is already on the dataflow"));
    json ops = json::parse(f->sent[1].request.body);
    REQUIRE(ops.size() == 1);
    CHECK(ops[0]["value"]["value"]["id"] == kSegment2);
  }
  SECTION("nothing new: no PATCH at all") {
    auto f = fake();
    f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
    auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audience", kSegment,
                                       "--start-time", "17:00", "-o", "id"}),
                     f);
    CHECK(r.code == 0);
    CHECK(r.out == std::string(kFlow) + "\n");
    CHECK_THAT(r.err, Catch::Contains("nothing to do"));
    CHECK(f->sent.size() == 1);
  }
}

TEST_CASE("a stale etag exits 5 and says how to recover", "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"old\""));
  f->on(
      Method::patch, std::string("/flows/") + kFlow, 412,
      R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1404-412","title":"Version not matching","status":412,
            "report":{"detailed-message":"Supplied version=[\"old\"] does not match the current version on entity=[\"new\"]","request-id":"r-9"}})");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "old"}),
                   f);
  CHECK(r.code == 5);
  CHECK_THAT(r.err, Catch::StartsWith("error: update dataflow " + std::string(kFlow) +
                                      ": HTTP 412 [FLOW-1404-412]"));
  CHECK_THAT(r.err, Catch::Contains("run again without --etag"));
  CHECK_THAT(r.err, Catch::Contains("(request id r-9)"));
  CHECK(r.out.empty());
}

TEST_CASE("a 202 with no body is a success without a new etag", "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 202, "");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "e", "-o", "table"}),
                   f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("accepted; the service returned no etag"));
  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  g->on(Method::patch, std::string("/flows/") + kFlow, 202, "");
  auto j = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "e", "-o", "json"}),
                   g);
  CHECK(j.code == 0);
  json answer = json::parse(j.out);
  CHECK(answer["id"] == kFlow);
  CHECK(answer["status"] == 202);
  CHECK(answer["changed"] == true);
  CHECK_FALSE(answer.contains("etag"));
}

TEST_CASE("validate exits 7 and names what is missing", "[commands][validate]") {
  json present = json::array(
      {{{"type", "PLATFORM_SEGMENT"},
        {"value",
         {{"id", kSegment},
          {"name", "Interested in Mountain Biking"},
          {"exportMode", "DAILY_FULL_EXPORT"},
          {"schedule",
           {{"frequency", "ONCE"}, {"startDate", "2021-12-20"}, {"startTime", "17:00"}}}}}}});
  json attrs = json::array({{{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}});
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
  auto r = run_cli(
      with_credentials({"flow", "validate", kFlow, "--expect-audience", kSegment,
                        "--expect-audience", kSegment2, "--expect-attribute", "person.lastName",
                        "--expect-attribute", "personalEmail.address", "-o", "json"}),
      f);
  CHECK(r.code == 7);
  json report = json::parse(r.out);
  CHECK(report["valid"] == false);
  CHECK(report["missing"]["audiences"] == json::array({kSegment2}));
  CHECK(report["missing"]["attributes"] == json::array({"personalEmail.address"}));
  CHECK(report["audiences"][0]["name"] == "Interested in Mountain Biking");
  CHECK(report["attributes"] == json::array({"person.lastName"}));
  CHECK_THAT(r.err, Catch::Contains("is missing audiences " + std::string(kSegment2) +
                                    "; attributes personalEmail.address"));

  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
  auto ok = run_cli(
      with_credentials({"flow", "validate", kFlow, "--expect-audience", kSegment, "-o", "table"}),
      g);
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("Interested in Mountain Biking"));
  CHECK_THAT(ok.out, Catch::Contains("ONCE from 2021-12-20 at 17:00 UTC"));
  CHECK_THAT(ok.out, Catch::Contains("Valid: every expected audience"));
}

TEST_CASE("HTTP failures map to exit codes with one clear line", "[commands]") {
  struct Case {
    int status;
    const char* body;
    int code;
    const char* message;
  };
  auto c = GENERATE(
      Case{401, R"({"error_code":"401013","message":"Oauth token is not valid"})", 3,
           "HTTP 401 [401013] Oauth token is not valid"},
      Case{403, R"({"error_code":"403003","message":"Api Key is invalid"})", 3, "[403003]"},
      Case{404, R"({"errorMessage":"flows not found with id = [x]"})", 4, "HTTP 404"},
      Case{500, R"({"message":"boom"})", 1, "HTTP 500"},
      Case{502, "<html>bad gateway</html>", 1, "non-JSON"});
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, c.status, c.body);
  // A read is retried on 5xx: four more attempts (the default), each answered the same.
  if (c.status >= 500) f->times(5);
  auto r = run_cli(with_credentials({"flow", "get", kFlow}), f);
  CHECK(r.code == c.code);
  CHECK_THAT(r.err, Catch::StartsWith("error: get dataflow " + std::string(kFlow) + ": "));
  CHECK_THAT(r.err, Catch::Contains(c.message));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.out.empty());
}

TEST_CASE("a network failure exits 6", "[commands]") {
  auto f = fake();
  f->fail(Method::get, std::string("/flows/") + kFlow, ErrorKind::network,
          "could not connect: Connection refused");
  f->times(3);
  auto r = run_cli(with_credentials({"--retries", "2", "flow", "get", kFlow}), f);
  CHECK(r.code == 6);
  CHECK_THAT(r.err, Catch::Contains("could not connect"));
}

TEST_CASE("specs get shows what each auth spec and the target need", "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs/0b23e41a-cb4a-4321-a78f-3b654f5d7d97", 200, R"({"items":[{
      "id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","name":"Adobe Campaign",
      "authSpec":[{"name":"S3","spec":{"properties":{"accessId":{"type":"string"},
                   "secretKey":{"type":"string","format":"password"}},"required":["accessId","secretKey"]}}],
      "targetSpec":{"spec":{"properties":{"mode":{"enum":["S3","FTP"]},"bucketName":{},"remotePath":{},
                   "format":{"enum":["CSV"]}},"required":["mode"],
                   "allOf":[{"if":{"properties":{"mode":{"const":"S3"}}},"then":{"required":["bucketName"]}},
                            {"if":{"properties":{"mode":{"const":"FTP"}}},"then":{"required":["remotePath"]}}]}}}]})");
  auto r = run_cli(with_credentials({"specs", "get", "Adobe Campaign", "-o", "table"}), f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Auth spec \"S3\""));
  CHECK(has_line(r.out, "required", "accessId, secretKey"));
  CHECK(has_line(r.out, "secret", "secretKey"));
  CHECK(has_line(r.out, "required", "mode"));
  CHECK(has_line(r.out, "when mode=S3", "bucketName"));
  CHECK(has_line(r.out, "when mode=FTP", "remotePath"));
  CHECK(has_line(r.out, "mode is one of", "S3 | FTP"));
  CHECK(has_line(r.out, "optional", "format"));
}

TEST_CASE("specs list filters by name and prints one ID per line with -o id", "[commands]") {
  auto f = fake();
  f->on(
      Method::get, "/connectionSpecs", 200,
      R"j({"items":[{"id":"a","name":"Adobe Campaign"},{"id":"b","name":"Amazon S3"},{"id":"c","name":"Amazon S3 (enhanced)"}]})j");
  auto r = run_cli(with_credentials({"specs", "list", "--name", "s3", "-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(r.out == "b\nc\n");
}

TEST_CASE("specs list --from-file reads a saved catalogue: no credentials, no request",
          "[commands]") {
  const std::map<std::string, std::string> files = {
      {"saved.json",
       R"j({"items":[{"id":"a","name":"Adobe Campaign"},{"id":"b","name":"Amazon S3"}]})j"},
      {"array.json", R"j([{"id":"c","name":"SFTP"},{"id":"d","name":"Amazon S3 (enhanced)"}])j"},
      {"broken.json", R"j({"items":[)j"},
      {"object.json", R"j({"id":"x"})j"}};
  auto f = fake();  // no stubs: any request would fail the command
  auto saved = run_cli({"specs", "list", "--from-file", "saved.json", "-o", "id"}, f, {}, files);
  CHECK(saved.code == 0);
  CHECK(saved.out == "a\nb\n");
  auto array =
      run_cli({"flowspecs", "list", "--from-file", "array.json", "--name", "s3", "-o", "json"}, f,
              {}, files);
  CHECK(array.code == 0);
  CHECK(nlohmann::json::parse(array.out) ==
        nlohmann::json::parse(R"j([{"id":"d","name":"Amazon S3 (enhanced)"}])j"));
  CHECK(f->sent.empty());
  for (auto [file, says] : {std::pair{"broken.json", "not valid JSON"},
                            std::pair{"object.json", "expected a list answer"},
                            std::pair{"missing.json", "No such file"}}) {
    auto bad = run_cli({"specs", "list", "--from-file", file}, f, {}, files);
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err,
               Catch::Contains(std::string("--from-file ") + file) && Catch::Contains(says));
  }
}

TEST_CASE("the version and help flags exit 0", "[commands]") {
  auto v = run_cli({"--version"}, fake());
  CHECK(v.code == 0);
  CHECK(v.out == "aepflow " AEPFLOW_VERSION "\n");
  auto h = run_cli({"flow", "activate", "--help"}, fake());
  CHECK(h.code == 0);
  CHECK_THAT(h.out, Catch::Contains("--etag"));
  CHECK_THAT(h.out, Catch::Contains("Examples:"));
}

TEST_CASE("params are checked against the spec before anything is created", "[commands][spec]") {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  auto c = GENERATE(
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec", "S4",
            "--param", "a=b"},
           "auth spec 'S4' is not one of Adobe Campaign's: S3, SFTP with Password, SFTP with SSH "
           "Key, Azure Blob"},
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec",
            "SFTP with Password", "--param", "host=h"},
           "auth spec 'SFTP with Password' of Adobe Campaign: missing domain, username, password"},
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec",
            "SFTP with SSH Key", "--param", "domain=d", "--param", "host=h", "--param",
            "username=u", "--param", "sshKey=k", "--param", "port=ssh"},
           "port must be an integer"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Adobe Campaign", "--mode", "S3",
            "--bucket", "acme-exports"},
           "target spec of Adobe Campaign: missing path (required when mode=S3)"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Adobe Campaign", "--mode", "GCS"},
           "mode 'GCS' is not one of S3, AZURE_BLOB, FTP"});
  CAPTURE(c.args);
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  auto r = run_cli(with_credentials(c.args), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.says));
  CHECK(f->sent.size() == 1);  // the spec read; no create
}

TEST_CASE("an unknown param is sent, with a warning", "[commands][spec]") {
  auto f = fake();
  test::stub_connection_spec(*f, "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0");
  f->on(Method::post, "/targetConnections", 201, R"({"id":"t","etag":"\"e\""})");
  auto r =
      run_cli(with_credentials({"target", "create", "--name", "t", "--base-connection",
                                "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "SFTP",
                                "--remote-path", "/x", "--param", "compresion=GZIP", "-o", "id"}),
              f);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: param compresion is not in the target spec of SFTP"));
}

TEST_CASE("a flow spec that does not fit the connections is refused, with the one to use",
          "[commands][spec]") {
  SECTION("a dataset-export flow spec for the Profile Store") {
    auto f = fake();
    test::stub_flow_checks(
        *f, "269ba276-16fc-47db-92b0-c1049a3c131f", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
        "8a9c3494-9708-43d7-ae3f-cda01e5030e1", "12ab90c7-519c-4291-bd20-d64186b62da8",
        "4fce964d-3f37-408f-9778-e597338a21ee");
    auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec",
                                       "269ba276-16fc-47db-92b0-c1049a3c131f", "--source",
                                       "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97", "--target",
                                       "12ab90c7-519c-4291-bd20-d64186b62da8"}),
                     f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("flow spec Amazon S3 - Dataset (269ba276-16fc-47db-92b0-"
                                      "c1049a3c131f) reads from Data Lake"));
    CHECK_THAT(r.err, Catch::Contains("audiences need a flow spec for profile export"));
  }
  SECTION("Responsys's flow spec for an Adobe Campaign target") {
    auto f = fake();
    test::stub_flow_checks(
        *f, "51d675ce-e270-408d-91fc-22717bdf2148", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
        "8a9c3494-9708-43d7-ae3f-cda01e5030e1", "12ab90c7-519c-4291-bd20-d64186b62da8",
        "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
    auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec", "Responsys",
                                       "--source", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
                                       "--target", "12ab90c7-519c-4291-bd20-d64186b62da8"}),
                     f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("does not export to Adobe Campaign"));
    CHECK_THAT(r.err, Catch::Contains("use the flow spec \"Adobe Campaign\" "
                                      "(71471eba-b620-49e4-90fd-23f1fa0174d8)"));
  }
}

TEST_CASE("an audiences file: each row's settings, flags for what a row leaves empty",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
  std::string csv = "id,name,exportMode,frequency,startTime,endDate\n" + std::string(kSegment) +
                    ",Bikers,,,,\n" + kSegment2 +
                    ",Loyal,FIRST_FULL_THEN_INCREMENTAL,EVERY_6_HOURS,18:00,2026-12-31\n";
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audiences-file", "a.csv",
                                     "--start-time", "17:00", "--mandatory", "person.lastName",
                                     "--dedup-key", "identity:Email", "-o", "json"}),
                   f, {}, {{"a.csv", csv}});
  INFO(r.err);
  CHECK(r.code == 0);
  json ops = json::parse(f->sent[1].request.body);
  REQUIRE(ops.size() == 4);
  json first = ops[0]["value"]["value"];
  CHECK(first["name"] == "Bikers");
  CHECK(first["exportMode"] == "DAILY_FULL_EXPORT");  // the default
  CHECK(first["schedule"] == json{{"frequency", "ONCE"},
                                  {"triggerType", "SCHEDULED"},
                                  {"startDate", "2026-11-28"},
                                  {"startTime", "17:00"}});  // the flag
  json second = ops[1]["value"]["value"];
  CHECK(second["schedule"]["startTime"] == "18:00");  // the row wins over the flag
  CHECK(second["schedule"]["frequency"] == "EVERY_6_HOURS");
  CHECK(ops[2] == json{{"op", "add"},
                       {"path", "/transformations/0/params/profileSelectors/mandatoryFields"},
                       {"value", {"person.lastName"}}});
  CHECK(ops[3]["value"] ==
        json::parse(R"([{"fieldType":"IDENTITY","identityNamespace":"Email"}])"));
  json answer = json::parse(r.out);
  CHECK(answer["audiences"]["added"] == json::array({kSegment, kSegment2}));
  CHECK(answer["dedupKeys"] == json::array({"identity:Email"}));

  auto bad = run_cli(with_credentials({"flow", "activate", kFlow, "--audiences-file", "b.csv"}),
                     fake(), {}, {{"b.csv", "id,when\nx,y\n"}});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("b.csv: line 1: unknown column 'when'"));
}

TEST_CASE("a misspelt command or option is named, with the closest known ones", "[commands]") {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  auto c = GENERATE(
      Case{{"flwo", "get", "x"}, "unknown command 'flwo' for 'aepflow'; did you mean 'flow'?"},
      Case{{"flow", "gett", "x"}, "unknown command 'gett' for 'aepflow flow'; did you mean 'get'?"},
      Case{{"flow", "create", "--nmae", "x"},
           "unknown option '--nmae' for 'aepflow flow create'; did you mean '--name'?"},
      Case{{"flow", "list", "--al"}, "did you mean '--all'?"},
      Case{{"--sandbx", "dev", "flow", "list"},
           "unknown option '--sandbx' for 'aepflow'; did you mean '--sandbox'?"},
      Case{{"flow", "zzzzzz"},
           "unknown command 'zzzzzz' for 'aepflow flow'; its commands are 'create', "},
      Case{{"--output", "json", "specs", "lst"}, "did you mean 'list'?"});
  CAPTURE(c.args);
  auto r = run_cli(c.args, fake());
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("error: ") && Catch::Contains(c.says));
  CHECK(r.err.find("not expected") == std::string::npos);
}

TEST_CASE("edit distance counts a swap of neighbours as one edit", "[commands]") {
  using aepflow::cli::closest;
  using aepflow::cli::edit_distance;
  CHECK(edit_distance("flwo", "flow") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(closest("destory", {"destroy", "delete", "deactivate"}) ==
        std::vector<std::string>{"destroy"});
  CHECK(closest("xyz", {"flow", "runs"}).empty());
}

TEST_CASE("the --query option prints one value of the JSON output: text bare, the rest as JSON",
          "[commands][query]") {
  const std::string flow =
      R"j({"items":[{"id":"8256cfb4-17e6-432c-a469-6aedafb16cd5","etag":"\"0a00\"","state":"enabled","transformations":[{"name":"GeneralTransform"}]}]})j";
  auto get = [&](const std::vector<std::string>& extra) {
    auto f = fake();
    f->on(Method::get, std::string("/flows/") + kFlow, 200, flow);
    std::vector<std::string> args = {"flow", "get", kFlow};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(with_credentials(args), f);
  };
  auto state = get({"--query", "/state"});
  CHECK(state.code == 0);
  CHECK(state.out == "enabled\n");
  CHECK(get({"--query", "/etag"}).out == "\"0a00\"\n");  // the etag as the service wrote it
  auto t = get({"--query", "/transformations/0", "-o", "json"});
  CHECK(nlohmann::json::parse(t.out) == nlohmann::json{{"name", "GeneralTransform"}});

  auto missing = get({"--query", "/nope"});
  CHECK(missing.code == 1);
  CHECK(missing.out.empty());
  CHECK_THAT(missing.err, Catch::Contains("--query /nope: the output has no such value"));

  // Refused before anything is sent (the fake has no answers).
  for (auto [args, says] :
       {std::pair{std::vector<std::string>{"--query", "state", "flow", "get", kFlow},
                  "is not a JSON Pointer"},
        std::pair{std::vector<std::string>{"-o", "table", "--query", "/id", "flow", "get", kFlow},
                  "cannot be used with -o table"}}) {
    auto f = fake();
    auto r = run_cli(with_credentials(args), f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(says));
    CHECK(f->sent.empty());
  }

  auto f = fake();
  f->on(Method::get, "/flows", 200,
        R"j({"items":[{"id":"a","name":"one"},{"id":"b","name":"two"}],"_links":{}})j");
  auto listed = run_cli(with_credentials({"flow", "list", "--all", "--query", "/1/name"}), f);
  CHECK(listed.code == 0);
  CHECK(listed.out == "two\n");
}
