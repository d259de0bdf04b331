// What every command shares: usage errors before anything is sent, credentials, exit codes, help,
// typo suggestions and --query.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "help/suggest.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

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
      Case{{"flow", "activate", kFlow, "--attribute", "person..name"},
           "--attribute 'person..name' is not an XDM path"},
      Case{{"flow", "activate", kFlow, "--mandatory", ".name"}, "--mandatory '.name' is not an"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00", "--etag",
            ""},
           "the etag '' is empty"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00", "--etag",
            "'abc'"},
           "holds single quotes"},
      Case{{"flow", "activate", kFlow, "--audience", "segment 1", "--start-time", "17:00"},
           "--audience 'segment 1': invalid audience ID"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00",
            "--filename-template", "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(bad)%"},
           "a date format Adobe does not document"},
      Case{{"flow", "deactivate", kFlow, "--audience", "x,y"},
           "--audience 'x,y': invalid audience"},
      Case{{"flow", "activate", kFlow, "--audience", kSegment, "--start-time", "17:00",
            "--frequency", "ONCE", "--export-mode", "FIRST_FULL_THEN_INCREMENTAL"},
           "schedule.frequency 'ONCE' is not valid with exportMode FIRST_FULL_THEN_INCREMENTAL "
           "(allowed: DAILY, EVERY_3_HOURS, EVERY_6_HOURS, EVERY_8_HOURS, EVERY_12_HOURS)\n"},
      Case{{"api", "GET", "/flows", "-H", "X-A: 1\nX-B: 2"}, "--header X-A holds a control"},
      Case{{"--sandbox", "dev\r\nX: 1", "flow", "get", kFlow}, "--sandbox holds a control"},
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

TEST_CASE("the version and help flags exit 0", "[commands]") {
  auto v = run_cli({"--version"}, fake());
  CHECK(v.code == 0);
  CHECK(v.out == "aepflow " AEPFLOW_VERSION "\n");
  auto h = run_cli({"flow", "activate", "--help"}, fake());
  CHECK(h.code == 0);
  CHECK_THAT(h.out, Catch::Contains("--etag"));
  CHECK_THAT(h.out, Catch::Contains("Examples:"));
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
