// list, delete, enable/disable, api and runs: argv -> requests -> output and exit code.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace aepflow;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

namespace {

constexpr const char* kFlow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";
constexpr const char* kTarget = "12ab90c9-5a3e-4e1d-8d7c-b2ad8e1dd4aa";
constexpr const char* kRun = "4f5b6c7d-1234-4abc-8def-0123456789ab";
constexpr std::int64_t kNowMs = 1795867200000;  // the harness's clock

std::shared_ptr<test::FakeTransport> fake() {
  return std::make_shared<test::FakeTransport>();
}

// A page of `n` flows numbered from `first`, with a next link when `next` is given.
std::string flows_page(int first, int n, const std::string& next = "") {
  json page = {{"items", json::array()}};
  for (int i = first; i < first + n; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    page["items"].push_back({{"id", id},
                             {"name", "flow " + std::to_string(i)},
                             {"state", "enabled"},
                             {"createdAt", kNowMs}});
  }
  if (!next.empty()) page["_links"] = {{"next", {{"href", next}}}};
  return page.dump();
}

std::vector<std::string> query_of(const test::Sent& s) {
  std::vector<std::string> out;
  for (const auto& [k, v] : s.request.query)
    out.push_back(k + "=" + v);
  return out;
}

json run_json(const std::string& status, std::int64_t started, bool done = true) {
  json duration = {{"startedAtUTC", started}};
  if (done) duration["completedAtUTC"] = started + 65'000;
  json errors = json::array();
  if (status == "failed") {
    errors.push_back({{"code", "ACTIVATION_BATCH-0000-FAILED"}, {"message", "access denied"}});
  }
  return {{"id", kRun},
          {"flowId", kFlow},
          {"metrics",
           {{"durationSummary", duration},
            {"recordSummary",
             {{"inputRecordCount", 1000},
              {"outputRecordCount", 990},
              {"skippedRecordCount", 10},
              {"failedRecordCount", 0}}},
            {"statusSummary", {{"status", status}, {"errors", errors}}}}}};
}

std::string runs_page(const json& run) {
  return json{{"items", json::array({run})}}.dump();
}

}  // namespace

TEST_CASE("flow list: destination flows only, one page, and a note when more exist",
          "[commands][list]") {
  auto f = fake();
  f->on(Method::get, "/flows", 200, flows_page(1, 3, "/flows?continuationToken=abc"));
  auto r = run_cli(with_credentials({"flow", "list", "-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(r.out ==
        "00000000-0000-4000-8000-000000000001\n00000000-0000-4000-8000-000000000002\n"
        "00000000-0000-4000-8000-000000000003\n");
  CHECK_THAT(r.err, Catch::Contains("pass --all"));
  CHECK(
      query_of(f->sent[0]) ==
      std::vector<std::string>{"property=inheritedAttributes.properties.isDestinationFlow==true"});
}

TEST_CASE("flow list --all follows each next link exactly as given, into one JSON array",
          "[commands][list]") {
  auto f = fake();
  f->on(Method::get, "/flows", 200,
        flows_page(1, 2, "/flows?continuationToken=t%2B1&property=state%3D%3Denabled"));
  f->on(Method::get, "/flows", 200, flows_page(3, 2, "/flows?continuationToken=t2"));
  f->on(Method::get, "/flows", 200, flows_page(5, 1));
  auto r = run_cli(with_credentials({"flow", "list", "--all", "-o", "json"}), f);
  REQUIRE(r.code == 0);
  auto all = json::parse(r.out);
  REQUIRE(all.size() == 5);
  CHECK(all[4]["name"] == "flow 5");
  REQUIRE(f->sent.size() == 3);
  CHECK_THAT(f->sent[1].url,
             Catch::EndsWith("/flows?continuationToken=t%2B1&property=state%3D%3Denabled"));
  CHECK_THAT(f->sent[2].url, Catch::EndsWith("/flows?continuationToken=t2"));
  CHECK(r.err.empty());
}

TEST_CASE("list --limit reads as many pages as it needs and no more", "[commands][list]") {
  auto f = fake();
  f->on(Method::get, "/connections", 200, flows_page(1, 100, "/connections?continuationToken=x"));
  f->on(Method::get, "/connections", 200, flows_page(101, 100, "/connections?continuationToken=y"));
  auto r = run_cli(with_credentials({"connection", "list", "--limit", "150", "-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 150);
  CHECK(f->sent.size() == 2);
  CHECK(query_of(f->sent[0]) == std::vector<std::string>{"limit=100"});
  CHECK(r.err.empty());
}

TEST_CASE("list filters become property expressions", "[commands][list]") {
  auto f = fake();
  f->on(Method::get, "/flows", 200, R"({"items":[]})");
  auto r =
      run_cli(with_credentials({"flow", "list", "--destination", "Amazon S3", "--name", "My flow",
                                "--state", "disabled", "--filter", "createdAt>=1700000000000",
                                "--order-by", "-createdAt", "--include-sources", "-o", "json"}),
              f);
  CHECK(r.code == 0);
  CHECK(r.out == "[]\n");
  CHECK(query_of(f->sent[0]) ==
        std::vector<std::string>{
            "property=inheritedAttributes.targetConnections[].connectionSpec.id=="
            "4fce964d-3f37-408f-9778-e597338a21ee",
            "property=name==My flow", "property=state==disabled",
            "property=createdAt>=1700000000000", "orderby=-createdAt"});
}

TEST_CASE("list input mistakes exit 2 before any request", "[commands][list]") {
  auto f = fake();
  for (auto args : std::vector<std::vector<std::string>>{
           {"flow", "list", "--state", "paused"},
           {"flow", "list", "--limit", "0"},
           {"flow", "list", "--limit", "ten"},
           {"flow", "list", "--name", "a,b"},
           {"runs", "list", "--flow", kFlow, "--status", "great"},
           {"runs", "list", "--flow", kFlow, "--since", "last week"},
           {"runs", "list", "--flow", "not-a-uuid"}}) {
    auto r = run_cli(with_credentials(args), f);
    CAPTURE(args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("error: "));
  }
  CHECK(f->sent.empty());
}

TEST_CASE("a list that fails part way does not look complete", "[commands][list]") {
  auto f = fake();
  f->on(Method::get, "/flows", 200, flows_page(1, 2, "/flows?continuationToken=t2"));
  f->on(Method::get, "/flows", 500, R"({"message":"boom"})").times(5);
  auto r = run_cli(with_credentials({"flow", "list", "--all", "-o", "json"}), f);
  CHECK(r.code == 1);
  CHECK_THAT(r.out, Catch::StartsWith("[\n"));
  CHECK_THAT(r.out, Catch::EndsWith("}\n"));                 // ends on a whole line
  CHECK(json::parse(r.out, nullptr, false).is_discarded());  // no closing bracket
  CHECK_THAT(r.err, Catch::Contains("HTTP 500"));
}

TEST_CASE("delete asks, or needs --yes, and says what it deleted", "[commands][delete]") {
  // No terminal and no --yes: refused before anything is sent.
  {
    auto f = fake();
    std::vector<std::string> args = with_credentials({"flow", "delete", kFlow});
    args.erase(std::find(args.begin(), args.end(), "--yes"));
    auto r = run_cli(args, f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("pass --yes"));
    CHECK(f->sent.empty());
  }
  // A terminal: the answer decides.
  for (std::string answer : {"n", "y"}) {
    auto f = fake();
    if (answer == "y") f->on(Method::delete_, std::string("/flows/") + kFlow, 202);
    std::vector<std::string> args = with_credentials({"flow", "delete", kFlow, "-o", "table"});
    args.erase(std::find(args.begin(), args.end(), "--yes"));
    std::string asked;
    auto r = run_cli(args, f, {}, {}, [&](std::string_view q, bool) -> std::optional<std::string> {
      asked = std::string(q);
      return answer;
    });
    CHECK_THAT(asked,
               Catch::Contains("Delete dataflow " + std::string(kFlow) + " in sandbox prod"));
    CHECK(r.code == (answer == "y" ? 0 : 2));
    if (answer == "y")
      CHECK(r.out == "Deleted dataflow " + std::string(kFlow) + " in sandbox prod\n");
  }
}

TEST_CASE("a delete whose answer was lost and then 404s was done", "[commands][delete]") {
  auto f = fake();
  f->fail(Method::delete_, std::string("/flows/") + kFlow, ErrorKind::network,
          "the connection was dropped");
  f->on(Method::delete_, std::string("/flows/") + kFlow, 404,
        R"({"errorMessage":"flows not found"})");
  auto r = run_cli(with_credentials({"flow", "delete", kFlow, "-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(r.out == std::string(kFlow) + "\n");

  auto g = fake();
  g->on(Method::delete_, std::string("/flows/") + kFlow, 404, R"({"errorMessage":"not found"})");
  auto missing = run_cli(with_credentials({"flow", "delete", kFlow}), g);
  CHECK(missing.code == 4);  // the first answer: it never existed
}

TEST_CASE("deleting a connection in use names what uses it", "[commands][delete]") {
  auto f = fake();
  f->on(Method::delete_, std::string("/targetConnections/") + kTarget, 400,
        R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1418-400","title":"Bad Request",
            "report":{"detailed-message":"The target connection is in use"}})");
  f->on(Method::get, "/flows", 200,
        json{{"items", {{{"id", kFlow}, {"name", "weekly export"}}}}}.dump());
  auto r = run_cli(with_credentials({"target", "delete", kTarget}), f);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("It is used by dataflow " + std::string(kFlow) +
                                    " (weekly export): delete that first"));
  CHECK(query_of(f->sent[1]) ==
        std::vector<std::string>{"property=targetConnectionIds[]==" + std::string(kTarget)});
}

TEST_CASE("enable and disable, and a flow already in that state is fine", "[commands][state]") {
  auto f = fake();
  f->on(Method::post, std::string("/flows/") + kFlow + "/action", 200,
        R"({"id":"x","etag":"\"2\""})");
  auto r = run_cli(with_credentials({"flow", "disable", kFlow, "-o", "table"}), f);
  CHECK(r.code == 0);
  CHECK(r.out == "Disabled dataflow " + std::string(kFlow) + " in sandbox prod\n");
  CHECK(query_of(f->sent[0]) == std::vector<std::string>{"op=disable"});

  auto g = fake();
  g->on(Method::post, std::string("/flows/") + kFlow + "/action", 400,
        R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1422-400","title":"Bad Request"})");
  g->on(Method::get, std::string("/flows/") + kFlow, 200,
        json{{"items", {{{"id", kFlow}, {"state", "enabled"}, {"etag", "\"3\""}}}}}.dump());
  auto already = run_cli(with_credentials({"flow", "enable", kFlow, "-o", "json"}), g);
  CHECK(already.code == 0);
  CHECK(json::parse(already.out)["changed"] == false);

  // 1422 for another reason (the flow is not in the asked state): the error stands.
  auto h = fake();
  h->on(Method::post, std::string("/flows/") + kFlow + "/action", 400,
        R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1422-400","title":"Bad Request"})");
  h->on(Method::get, std::string("/flows/") + kFlow, 200,
        json{{"items", {{{"id", kFlow}, {"state", "disabled"}}}}}.dump());
  CHECK(run_cli(with_credentials({"flow", "enable", kFlow}), h).code == 1);
}

TEST_CASE("api sends any request through the pipeline and exits by status", "[commands][api]") {
  auto f = fake();
  f->on(Method::patch, std::string("/targetConnections/") + kTarget, 200, R"({"id":"t"})");
  auto r = run_cli(with_credentials({"api", "patch", std::string("/targetConnections/") + kTarget,
                                     "-H", "If-Match: \"5\"", "--data", "@patch.json"}),
                   f, {}, {{"patch.json", R"([{"op":"add","path":"/params/x","value":1}])"}});
  CHECK(r.code == 0);
  CHECK(json::parse(r.out)["id"] == "t");
  const auto& sent = f->sent[0].request;
  CHECK(*find_header(sent.headers, "If-Match") == "\"5\"");
  CHECK(*find_header(sent.headers, "Authorization") == "Bearer test-token-SECRET");
  CHECK(sent.body == R"([{"op":"add","path":"/params/x","value":1}])");

  auto g = fake();
  g->on(Method::get, "/flows/nope", 404, R"({"errorMessage":"flows not found with id = [nope]"})");
  auto missing = run_cli(with_credentials({"api", "GET", "flows/nope"}), g);
  CHECK(missing.code == 4);
  CHECK(json::parse(missing.out)["errorMessage"] == "flows not found with id = [nope]");
  CHECK_THAT(missing.err, Catch::Contains("HTTP 404"));

  auto h = fake();
  h->on(Method::get, "/flows", 200, flows_page(1, 2, "/flows?continuationToken=n"));
  h->on(Method::get, "/flows", 200, flows_page(3, 2));
  auto all =
      run_cli(with_credentials({"api", "GET", "/flows?property=state==enabled", "--paginate"}), h);
  CHECK(all.code == 0);
  CHECK(json::parse(all.out).size() == 4);
  CHECK_THAT(h->sent[0].url, Catch::EndsWith("/flows?property=state==enabled"));

  auto none = fake();
  for (auto args : std::vector<std::vector<std::string>>{
           {"api", "GET", "/flows", "-H", "Authorization: Bearer other"},
           {"api", "GET", "/flows", "-H", "no-colon"},
           {"api", "FETCH", "/flows"},
           {"api", "GET", "https://elsewhere.example/flows"},
           {"api", "POST", "/flows", "--paginate"}}) {
    CAPTURE(args);
    CHECK(run_cli(with_credentials(args), none).code == 2);
  }
  CHECK(none->sent.empty());
}

TEST_CASE("runs list filters by flow, status and start time", "[commands][runs]") {
  auto f = fake();
  f->on(Method::get, "/runs", 200, runs_page(run_json("failed", kNowMs - 3'600'000)));
  auto r = run_cli(with_credentials({"runs", "list", "--flow", kFlow, "--status", "Failed",
                                     "--since", "2h", "-o", "table"}),
                   f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("ID  "));
  CHECK_THAT(r.out, Catch::Contains("failed"));
  CHECK_THAT(r.out, Catch::Contains("1m05s"));
  CHECK_THAT(r.out, Catch::Contains("ACTIVATION_BATCH-0000-FAILED"));
  CHECK(query_of(f->sent[0]) ==
        std::vector<std::string>{
            "property=flowId==" + std::string(kFlow),
            "property=metrics.statusSummary.status==failed",
            "property=metrics.durationSummary.startedAtUTC>" + std::to_string(kNowMs - 7'200'000)});

  auto g = fake();
  g->on(Method::get, "/runs", 200, R"({"items":[]})");
  CHECK(run_cli(with_credentials({"runs", "list", "--flow", kFlow, "--since", "2026-11-01"}), g)
            .code == 0);
  CHECK(query_of(g->sent[0])[1] == "property=metrics.durationSummary.startedAtUTC>1793491200000");
}

TEST_CASE("runs get shows metrics, errors and counts", "[commands][runs]") {
  auto f = fake();
  f->on(Method::get, std::string("/runs/") + kRun, 200, runs_page(run_json("failed", kNowMs)));
  auto r = run_cli(with_credentials({"runs", "get", kRun, "-o", "table"}), f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Run " + std::string(kRun)));
  CHECK_THAT(r.out, Catch::Contains("exported    990"));
  CHECK_THAT(r.out, Catch::Contains("ACTIVATION_BATCH-0000-FAILED  access denied"));
}

TEST_CASE("runs watch: 0 on success, 1 with the errors on failure, 6 on timeout",
          "[commands][runs]") {
  auto f = fake();
  // The newest run is chosen from the list, then followed by its ID until it finishes.
  f->on(Method::get, "/runs", 200, runs_page(run_json("processing", kNowMs, false)));
  f->on(Method::get, std::string("/runs/") + kRun, 200, runs_page(run_json("success", kNowMs)));
  auto ok = run_cli(with_credentials({"runs", "watch", "--flow", kFlow, "-o", "id"}), f);
  CHECK(ok.code == 0);
  CHECK(ok.out == std::string(kRun) + "\n");
  CHECK_THAT(ok.err, Catch::Contains("processing"));  // one plain line per change
  CHECK(query_of(f->sent[0]) ==
        std::vector<std::string>{"property=flowId==" + std::string(kFlow), "limit=1"});

  auto g = fake();
  g->on(Method::get, "/runs", 200, runs_page(run_json("failed", kNowMs)));
  auto failed = run_cli(with_credentials({"runs", "watch", "--flow", kFlow}), g);
  CHECK(failed.code == 1);
  CHECK_THAT(failed.err,
             Catch::Contains("the run failed: ACTIVATION_BATCH-0000-FAILED: access denied"));

  // Never finishes: polls every 10 s for 30 s, then gives up.
  auto h = fake();
  h->on(Method::get, "/runs", 200, runs_page(run_json("processing", kNowMs, false)));
  h->on(Method::get, std::string("/runs/") + kRun, 200,
        runs_page(run_json("processing", kNowMs, false)))
      .times(3);
  auto slow = run_cli(
      with_credentials({"runs", "watch", "--flow", kFlow, "--timeout", "30s", "--interval", "10s"}),
      h);
  CHECK(slow.code == 6);
  CHECK_THAT(slow.err, Catch::Contains("timed out after 30s"));

  // --next: a finished run from before the watch started does not count.
  auto n = fake();
  n->on(Method::get, "/runs", 200, runs_page(run_json("success", kNowMs - 60'000))).times(2);
  auto next = run_cli(with_credentials({"runs", "watch", "--flow", kFlow, "--next", "--timeout",
                                        "10s", "--interval", "10s"}),
                      n);
  CHECK(next.code == 6);
  CHECK_THAT(next.err, Catch::Contains("waiting for the next run"));

  CHECK(run_cli(with_credentials({"runs", "watch", "--flow", kFlow, "--timeout", "soon"}), fake())
            .code == 2);

  // On a terminal the status line is rewritten in place, and ends with a newline.
  auto t = fake();
  t->on(Method::get, "/runs", 200, runs_page(run_json("processing", kNowMs, false)));
  t->on(Method::get, std::string("/runs/") + kRun, 200, runs_page(run_json("success", kNowMs)));
  auto live = run_cli(with_credentials({"runs", "watch", "--flow", kFlow}), t, {}, {}, nullptr,
                      [](cli::Io& io) { io.err_is_terminal = true; });
  CHECK(live.code == 0);
  CHECK_THAT(live.err, Catch::StartsWith("\r\x1b[Krun " + std::string(kRun) + ": processing"));
  CHECK_THAT(live.err, Catch::EndsWith("\n"));
}
