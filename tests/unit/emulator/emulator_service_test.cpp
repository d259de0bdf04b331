// The emulator's service logic, without HTTP: status codes and bodies as the reference describes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "emulator_harness.hpp"

using nlohmann::json;

using emulator_test::add_segment;
using emulator_test::Emu;
using emulator_test::kOnce;
using emulator_test::segment;

TEST_CASE("emulator: header checks answer with the gateway's codes", "[emulator]") {
  Emu e;
  struct Case {
    std::map<std::string, std::string> headers;
    int status;
    std::string code;
  };
  auto c = GENERATE(Case{{{"authorization", "<none>"}}, 403, "403010"},
                    Case{{{"authorization", "Bearer wrong"}}, 401, "401013"},
                    Case{{{"x-api-key", "<none>"}}, 403, "403000"},
                    Case{{{"x-api-key", "other"}}, 403, "403003"},
                    Case{{{"x-gw-ims-org-id", "<none>"}}, 400, "400003"},
                    Case{{{"x-gw-ims-org-id", "not-an-org"}}, 403, "403027"},
                    Case{{{"x-gw-ims-org-id", "ORG\n@AdobeOrg"}}, 403, "403027"});
  auto r = e.call("GET", "/flows", nullptr, c.headers);
  CHECK(r.status == c.status);
  CHECK(Emu::body(r)["error_code"] == c.code);
  CHECK(Emu::body(r).contains("message"));
}

TEST_CASE("emulator: the sandbox header is required and sandboxes are isolated", "[emulator]") {
  Emu e;
  auto missing = e.call("GET", "/flows", nullptr, {{"x-sandbox-name", "<none>"}});
  CHECK(missing.status == 400);
  CHECK(Emu::body(missing)["type"] == "https://ns.adobe.com/aep/errors/FLOW-2105-400");
  auto unknown = e.call("GET", "/flows", nullptr, {}, "nosuch");
  CHECK(unknown.status == 404);

  auto ids = e.tutorial("prod");
  CHECK(e.call("GET", "/flows/" + ids[4], nullptr, {}, "prod").status == 200);
  auto other = e.call("GET", "/flows/" + ids[4], nullptr, {}, "dev");
  CHECK(other.status == 404);
  CHECK(Emu::body(other)["report"]["detailed-message"].get<std::string>().find(ids[4]) !=
        std::string::npos);
  CHECK(Emu::body(e.call("GET", "/flows", nullptr, {}, "dev"))["items"].empty());
}

TEST_CASE("emulator: creates answer 201 {id, etag} with the etag quotes and GET wraps in items",
          "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  auto r = e.call("GET", "/connections/" + ids[2]);
  REQUIRE(r.status == 200);
  json conn = Emu::body(r)["items"][0];
  std::string etag = conn["etag"];
  CHECK(etag.front() == '"');
  CHECK(etag.back() == '"');
  CHECK(conn["version"] == etag);
  CHECK(conn["sandboxName"] == "prod");
  CHECK(conn["auth"]["params"]["secretKey"] != "S3-SECRET");  // never stored or returned
  CHECK(r.headers.count("x-request-id") == 1);

  json flow = e.get_flow(ids[4]);
  CHECK(flow["inheritedAttributes"]["properties"]["isDestinationFlow"] == true);
  CHECK(flow["inheritedAttributes"]["targetConnections"][0]["connectionSpec"]["id"] ==
        Emu::kCampaign);
  CHECK(flow["runs"] == "/runs?property=flowId==" + ids[4]);
}

TEST_CASE("emulator: create requests are validated as the service does", "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  json spec = {{"id", Emu::kCampaign}, {"version", "1.0"}};
  struct Case {
    std::string path;
    json body;
    int status;
    std::string says;
  };
  // The cases use this run's IDs, so they are built after the generator picks an index.
  const std::vector<Case> cases = {
      Case{"/connections",
           {{"name", "x"}, {"connectionSpec", {{"id", "nope"}, {"version", "1.0"}}}},
           400,
           "valid spec ID"},
      Case{"/connections",
           {{"name", "x"}, {"connectionSpec", {{"id", Emu::kCampaign}}}},
           422,
           "version"},
      Case{"/connections", {{"connectionSpec", spec}}, 400, "name is required"},
      Case{"/connections", {{"name", "x"}, {"connectionSpec", spec}}, 400, "auth is required"},
      Case{"/connections",
           {{"name", "x"},
            {"connectionSpec", spec},
            {"auth", {{"specName", "S4"}, {"params", json::object()}}}},
           400,
           "Use one of: S3"},
      Case{"/connections",
           {{"name", "x"},
            {"connectionSpec", spec},
            {"auth",
             {{"specName", "SFTP with SSH Key"},
              {"params",
               {{"domain", "d"},
                {"host", "h"},
                {"username", "u"},
                {"sshKey", "k"},
                {"port", "22"}}}}}},
           400,
           "auth.params.port must be of type integer"},
      Case{
          "/connections",
          {{"name", "x"},
           {"connectionSpec", {{"id", "4890fc95-5a1f-4983-94bb-e060c08e3f81"}, {"version", "1.0"}}},
           {"auth",
            {{"specName", "Access Key"},
             {"params", {{"s3AccessKey", "lowercase"}, {"s3SecretKey", "x"}}}}}},
          400,
          "auth.params.s3AccessKey does not match the pattern"},
      Case{"/targetConnections",
           {{"name", "t"},
            {"baseConnectionId", ids[2]},
            {"connectionSpec", spec},
            {"params", {{"mode", "S3"}, {"bucketName", "b-ok"}}}},
           400,
           "params.path is required"},
      Case{"/targetConnections",
           {{"name", "t"},
            {"baseConnectionId", ids[2]},
            {"connectionSpec", spec},
            {"params", {{"mode", "FTP"}}}},
           400,
           "params.remotePath is required"},
      Case{"/targetConnections",
           {{"name", "t"},
            {"baseConnectionId", ids[2]},
            {"connectionSpec", spec},
            {"params", {{"mode", "GCS"}, {"remotePath", "r"}}}},
           400,
           "params.mode must be one of"},
      Case{"/targetConnections",
           {{"name", "t"},
            {"baseConnectionId", "0b23e41a-0000-4321-a78f-3b654f5d7d97"},
            {"connectionSpec", spec},
            {"params", {{"mode", "FTP"}, {"remotePath", "r"}}}},
           400,
           "does not exist"},
      Case{"/targetConnections",
           {{"name", "t"},
            {"baseConnectionId", ids[0]},
            {"connectionSpec", spec},
            {"params", {{"mode", "FTP"}, {"remotePath", "r"}}}},
           400,
           "is for connection spec"},
      Case{"/flows", {{"name", "f"}, {"state", "enabled"}}, 400, "State is not allowed"},
      Case{"/flows",
           {{"name", "f"},
            {"flowSpec", {{"id", "51d675ce-e270-408d-91fc-22717bdf2148"}, {"version", "1.0"}}},
            {"sourceConnectionIds", {ids[1]}},
            {"targetConnectionIds", {ids[3]}}},
           400,
           "does not export to connection spec"},
      Case{"/flows",
           {{"name", "f"},
            {"flowSpec", {{"id", Emu::kLegacyFlowSpec}, {"version", "1.0"}}},
            {"sourceConnectionIds", {"missing"}},
            {"targetConnectionIds", {ids[3]}}},
           400,
           "source connection missing does not exist"}};
  const Case& c = cases.at(static_cast<std::size_t>(GENERATE(range(0, 15))));
  REQUIRE(cases.size() == 15);
  CAPTURE(c.path, c.body.dump());
  auto r = e.call("POST", c.path, c.body);
  CHECK(r.status == c.status);
  CHECK_THAT(Emu::body(r)["errorMessage"].get<std::string>(), Catch::Contains(c.says));
}

TEST_CASE("emulator: a body without a JSON content type is refused", "[emulator]") {
  Emu e;
  auto r = e.call("POST", "/connections", {{"name", "x"}}, {{"content-type", "text/plain"}});
  CHECK(r.status == 400);
  CHECK(Emu::body(r)["detail"] == "A valid content-type must be specified");
}

TEST_CASE("emulator: PATCH needs the current etag, quoted, in If-Match", "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  const std::string path = "/flows/" + ids[4];
  std::string etag = e.get_flow(ids[4])["etag"];
  json ops = add_segment(segment("s1", kOnce));

  auto missing = e.call("PATCH", path, ops);
  CHECK(missing.status == 400);
  CHECK(Emu::body(missing)["type"] == "https://ns.adobe.com/aep/errors/FLOW-1403-400");

  std::string bare = etag.substr(1, etag.size() - 2);
  auto unquoted = e.call("PATCH", path, ops, {{"if-match", bare}});
  CHECK(unquoted.status == 412);

  auto ok = e.call("PATCH", path, ops, {{"if-match", etag}});
  REQUIRE(ok.status == 200);
  std::string next = Emu::body(ok)["etag"];
  CHECK(next != etag);
  CHECK(Emu::body(ok)["id"] == ids[4]);

  auto stale = e.call("PATCH", path, ops, {{"if-match", etag}});
  CHECK(stale.status == 412);
  CHECK(Emu::body(stale)["errorMessage"] == "Supplied version=[" + etag +
                                                "] does not match the current version on entity=[" +
                                                next + "]");
  CHECK(
      e.get_flow(ids[4])["transformations"][0]["params"]["segmentSelectors"]["selectors"].size() ==
      1);
}

TEST_CASE("emulator: PATCH ops are applied as RFC 6902, in either case, atomically", "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  const std::string path = "/flows/" + ids[4];
  auto patch = [&](json ops) {
    return e.call("PATCH", path, ops,
                  {{"if-match", e.get_flow(ids[4])["etag"].get<std::string>()}});
  };
  json upper = add_segment(segment("s1", kOnce));
  upper[0]["op"] = "ADD";
  REQUIRE(patch(upper).status == 200);

  json profile =
      json::array({{{"op", "add"},
                    {"path", "/transformations/0/params/profileSelectors/selectors/-"},
                    {"value", {{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}}}});
  REQUIRE(patch(profile).status == 200);
  json flow = e.get_flow(ids[4]);
  json seg = flow["transformations"][0]["params"]["segmentSelectors"]["selectors"][0]["value"];
  CHECK(seg["createTime"] == "1795867200");
  CHECK(seg["updateTime"] == "1795867200");
  json prof = flow["transformations"][0]["params"]["profileSelectors"]["selectors"][0]["value"];
  CHECK(prof["operator"] == "EXISTS");
  CHECK(prof["mapping"]["sourceType"] == "text/x.schema-path");
  CHECK(prof["mapping"]["destinationXdmPath"] == "person.lastName");
  CHECK(flow["lastOperation"]["ops"] == profile);

  auto move = patch(json::array({{{"op", "move"}, {"from", "/name"}, {"path", "/description"}}}));
  CHECK(move.status == 400);
  CHECK(Emu::body(move)["type"] == "https://ns.adobe.com/aep/errors/FLOW-1434-400");
  auto readonly = patch(json::array({{{"op", "replace"}, {"path", "/id"}, {"value", "x"}}}));
  CHECK(readonly.status == 400);
  CHECK(Emu::body(readonly)["type"] == "https://ns.adobe.com/aep/errors/FLOW-1455-400");
  auto badpath = patch(json::array(
      {{{"op", "remove"}, {"path", "/transformations/0/params/segmentSelectors/selectors/7"}}}));
  CHECK(badpath.status == 400);
  // The bad second op leaves the first undone.
  json two = add_segment(segment("s2", kOnce));
  two.push_back({{"op", "remove"}, {"path", "/transformations/9"}});
  CHECK(patch(two).status == 400);
  CHECK(
      e.get_flow(ids[4])["transformations"][0]["params"]["segmentSelectors"]["selectors"].size() ==
      1);
}

TEST_CASE("emulator: activation values that break the rules are refused, naming the field",
          "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  struct Case {
    json schedule;
    std::string mode;
    std::string says;
  };
  auto c = GENERATE(
      Case{{{"frequency", "CHAINED"},
            {"triggerType", "SCHEDULED"},
            {"startDate", "2026-12-20"},
            {"startTime", "17:00"}},
           "DAILY_FULL_EXPORT",
           "schedule.frequency must be one of"},
      Case{{{"frequency", "ONCE"}, {"triggerType", "SCHEDULED"}, {"startDate", "2026-12-20"}},
           "DAILY_FULL_EXPORT",
           "schedule.startTime is required"},
      Case{{{"frequency", "ONCE"},
            {"triggerType", "SCHEDULED"},
            {"startDate", "2026-12-20"},
            {"startTime", "17:15"}},
           "DAILY_FULL_EXPORT",
           "minutes must be 00"},
      Case{{{"frequency", "ONCE"},
            {"triggerType", "SCHEDULED"},
            {"startDate", "2026-02-30"},
            {"startTime", "17:00"}},
           "DAILY_FULL_EXPORT",
           "schedule.startDate must be a date"},
      Case{{{"frequency", "ONCE"},
            {"triggerType", "SCHEDULED"},
            {"startDate", "2026-12-20"},
            {"startTime", "17:00"},
            {"endDate", "2026-12-30"}},
           "DAILY_FULL_EXPORT",
           "endDate is not applicable"},
      Case{{{"frequency", "EVERY_6_HOURS"},
            {"triggerType", "SCHEDULED"},
            {"startDate", "2026-12-20"},
            {"startTime", "17:00"},
            {"endDate", "2026-12-01"}},
           "FIRST_FULL_THEN_INCREMENTAL",
           "is before startDate"},
      Case{{{"frequency", "DAILY"},
            {"triggerType", "AFTER_SEGMENT_EVAL"},
            {"startDate", "2026-12-20"},
            {"startTime", "17:00"},
            {"endDate", "2026-12-30"}},
           "DAILY_FULL_EXPORT",
           "startTime is not applicable"},
      Case{kOnce, "WEEKLY_EXPORT", "exportMode must be one of"});
  CAPTURE(c.schedule.dump(), c.mode);
  auto r = e.call("PATCH", "/flows/" + ids[4], add_segment(segment("s1", c.schedule, c.mode)),
                  {{"if-match", e.get_flow(ids[4])["etag"].get<std::string>()}});
  CHECK(r.status == 400);
  CHECK_THAT(Emu::body(r)["errorMessage"].get<std::string>(),
             Catch::Contains("segmentSelectors.selectors[0].value.") && Catch::Contains(c.says));
}

TEST_CASE("emulator: the tutorial-style 202 with no body when asked", "[emulator]") {
  emulator::Options o;
  o.patch_status = 202;
  Emu e(o);
  auto ids = e.tutorial();
  auto r = e.call("PATCH", "/flows/" + ids[4], add_segment(segment("s1", kOnce)),
                  {{"if-match", e.get_flow(ids[4])["etag"].get<std::string>()}});
  CHECK(r.status == 202);
  CHECK(r.body.empty());
}

TEST_CASE("emulator: lists page with limit and a next link that carries the query", "[emulator]") {
  Emu e;
  for (int i = 0; i < 5; ++i) {
    REQUIRE(e.call("POST", "/connections",
                   {{"name", std::string("c").append(std::to_string(i))},
                    {"connectionSpec", {{"id", Emu::kUps}, {"version", "1.0"}}}})
                .status == 201);
  }
  auto first = Emu::body(
      e.call("GET", "/connections?limit=2&property=connectionSpec.id==" + std::string(Emu::kUps)));
  REQUIRE(first["items"].size() == 2);
  CHECK(first["items"][0]["name"] == "c4");  // newest first
  std::string next = first["_links"]["next"]["href"];
  CHECK_THAT(next, Catch::StartsWith("/connections?continuationToken="));
  CHECK_THAT(next, Catch::Contains("limit=2"));
  auto second = Emu::body(e.call("GET", next));
  CHECK(second["items"][0]["name"] == "c2");
  auto third = Emu::body(e.call("GET", second["_links"]["next"]["href"].get<std::string>()));
  CHECK(third["items"].size() == 1);
  CHECK(third["_links"] == json::object());  // on every page; next only when there is more

  CHECK(Emu::body(e.call("GET", "/connections?count=true"))["count"] == 5);
  CHECK(e.call("GET", "/connections?count=true&limit=2").status == 400);
  CHECK(e.call("GET", "/connections?limit=101").status == 400);
  CHECK(e.call("GET", "/connections?limit=0").status == 400);
  CHECK(Emu::body(e.call(
            "GET", "/connections?property=name==c1,c3&orderby=name"))["items"][0]["name"] == "c1");
  CHECK(Emu::body(e.call(
            "GET", "/connections?property=name==c1,c3&orderby=-name"))["items"][0]["name"] == "c3");
}

TEST_CASE("emulator: the spec catalogues filter by name and by a list of IDs", "[emulator]") {
  Emu e;
  auto byname = Emu::body(e.call("GET", "/connectionSpecs?property=name==Adobe Campaign"));
  REQUIRE(byname["items"].size() == 1);
  CHECK(byname["items"][0]["id"] == Emu::kCampaign);
  auto byid = Emu::body(e.call(
      "GET", std::string("/connectionSpecs?property=id==") + Emu::kCampaign + "," + Emu::kUps));
  CHECK(byid["items"].size() == 2);
  auto one = Emu::body(e.call("GET", std::string("/flowSpecs/") + Emu::kLegacyFlowSpec));
  CHECK(one["items"][0]["targetConnectionSpecIds"].size() == 5);
  CHECK(e.call("GET", "/flowSpecs/nope").status == 404);
}

TEST_CASE("emulator: a connection in use cannot be deleted and DELETE answers 202", "[emulator]") {
  Emu e;
  auto ids = e.tutorial();
  auto in_use = e.call("DELETE", "/connections/" + ids[2]);
  CHECK(in_use.status == 400);
  CHECK_THAT(Emu::body(in_use)["errorMessage"].get<std::string>(),
             Catch::Contains("cannot be deleted because"));
  CHECK(e.call("DELETE", "/flows/" + ids[4]).status == 202);
  CHECK(e.call("GET", "/flows/" + ids[4]).status == 404);
  CHECK(e.call("DELETE", "/targetConnections/" + ids[3]).status == 202);
  CHECK(e.call("DELETE", "/connections/" + ids[2]).status == 202);
}

TEST_CASE("emulator: the OpenAPI file's activation examples are judged by the rules",
          "[emulator]") {
  namespace fs = std::filesystem;
  Emu e;
  auto ids = e.tutorial();
  auto load = [](const char* name) {
    std::ifstream in(fs::path(AEPFLOW_FIXTURES_DIR) / "openapi" / "requests" / name);
    return json::parse(in);
  };
  auto etag = [&] { return e.get_flow(ids[4])["etag"].get<std::string>(); };
  // Its schedule lies in the past; the emulator, like the docs, checks shape, not the calendar.
  CHECK(e.call("PATCH", "/flows/" + ids[4], load("Patch_Batch_Flow_Daily_Full_Once_Scheduled.json"),
               {{"if-match", etag()}})
            .status == 200);
  CHECK(e.call("PATCH", "/flows/" + ids[4], load("Patch_Profile_Selectors.json"),
               {{"if-match", etag()}})
            .status == 200);
  // This example uses frequency CHAINED, which the service does not accept.
  CHECK(e.call("PATCH", "/flows/" + ids[4], load("Patch_Batch_Flow_Daily_Full_Once_Chained.json"),
               {{"if-match", etag()}})
            .status == 400);
}

TEST_CASE("emulator: IMS issues tokens to its clients, which expire", "[emulator][ims]") {
  emulator::Options o;
  o.clients = {{"client-1", "secret-1"}};
  o.token_ttl = std::chrono::seconds(60);
  Emu e(o);
  auto ims = [&](const std::string& body) {
    emulator::Request r;
    r.method = "POST";
    r.path = "/ims/token/v3";
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.body = body;
    return e.service.handle(r);
  };
  auto ok =
      ims("grant_type=client_credentials&client_id=client-1&client_secret=secret-1&scope=openid%"
          "2CAdobeID");
  REQUIRE(ok.status == 200);
  json answer = Emu::body(ok);
  CHECK(answer["token_type"] == "bearer");
  CHECK(answer["expires_in"] == 60);
  const std::string token = answer["access_token"];
  CHECK(std::count(token.begin(), token.end(), '.') == 2);  // JWT-shaped

  auto with_token = [&] {
    return e.call("GET", "/flows", nullptr,
                  {{"authorization", "Bearer " + token}, {"x-api-key", "client-1"}});
  };
  CHECK(with_token().status == 200);  // the client ID is accepted as the API key
  e.now += 61;
  auto expired = with_token();
  CHECK(expired.status == 401);
  CHECK(Emu::body(expired)["error_code"] == "401013");

  auto wrong =
      ims("grant_type=client_credentials&client_id=client-1&client_secret=nope&scope=openid");
  CHECK(wrong.status == 401);
  CHECK(Emu::body(wrong) == json{{"error", "invalid_client"},
                                 {"error_description", "invalid client_secret parameter"}});
  CHECK(ims("grant_type=client_credentials&client_id=other&client_secret=x&scope=openid").status ==
        400);
  CHECK(Emu::body(ims("grant_type=password&client_id=client-1"))["error"] ==
        "unsupported_grant_type");
  CHECK(Emu::body(ims(
            "grant_type=client_credentials&client_id=client-1&client_secret=secret-1"))["error"] ==
        "invalid_scope");
  auto stats = e.service.stats();
  CHECK(stats.token_requests == 5);
  CHECK(stats.tokens == 1);
}

TEST_CASE("emulator: revoked tokens are refused", "[emulator][ims]") {
  Emu e;
  emulator::Request r;
  r.method = "POST";
  r.path = "/ims/token/v3";
  r.body =
      "grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-client-"
      "secret&scope=openid";
  std::string token = Emu::body(e.service.handle(r))["access_token"];
  CHECK(e.call("GET", "/flows", nullptr, {{"authorization", "Bearer " + token}}).status == 200);
  e.service.revoke_tokens();
  CHECK(e.call("GET", "/flows", nullptr, {{"authorization", "Bearer " + token}}).status == 401);
}

// ---- faults, rate limits, runs, seeding --------------------------------------------------------

TEST_CASE("emulator: fault specs from flags and from JSON, globs on paths", "[emulator][faults]") {
  using emulator::FaultAction;
  std::string error;
  auto f =
      emulator::parse_fault("action=503,method=POST,path=/flows*,rate=0.5,retryAfter=2", error);
  REQUIRE(f);
  CHECK(f->action == FaultAction::status);
  CHECK(f->status == 503);
  CHECK(f->method == "POST");
  CHECK(f->rate == 0.5);
  CHECK(f->retry_after == 2);
  auto j = emulator::parse_fault_json(
      json{{"action", "touch"}, {"pathPrefix", "/flows/"}, {"times", 1}}, error);
  REQUIRE(j);
  CHECK(j->action == FaultAction::touch);
  CHECK(j->path == "/flows/*");
  CHECK_FALSE(emulator::parse_fault("action=explode", error));
  CHECK_THAT(error, Catch::Contains("unknown fault action 'explode'"));
  CHECK_FALSE(emulator::parse_fault("rate=2", error));
  CHECK_THAT(error, Catch::Contains("'rate'"));
  CHECK_FALSE(emulator::parse_fault("colour=red", error));
  CHECK_FALSE(emulator::parse_fault("action", error));

  CHECK(emulator::glob_match("*", "/flows"));
  CHECK(emulator::glob_match("/flows*", "/flows/abc/action"));
  CHECK(emulator::glob_match("*/action", "/flows/abc/action"));
  CHECK(emulator::glob_match("/flows/*/action", "/flows/abc/action"));
  CHECK_FALSE(emulator::glob_match("/flows/*/action", "/flows/abc"));
  CHECK_FALSE(emulator::glob_match("/flows", "/flows/abc"));
}

TEST_CASE("emulator: each kind of fault does what it says to the request", "[emulator][faults]") {
  Emu e;
  const json conn = {{"name", "c"}, {"connectionSpec", {{"id", Emu::kUps}, {"version", "1.0"}}}};
  auto count = [&] { return Emu::body(e.call("GET", "/connections?count=true"))["count"]; };
  auto add = [&](const std::string& spec) {
    std::string error;
    auto f = emulator::parse_fault(spec, error);
    REQUIRE(f);
    e.service.add_fault(*f);
  };
  using Delivery = emulator::Response::Delivery;

  add("action=429,method=POST,path=/connections,times=1,retryAfter=3");
  auto r = e.call("POST", "/connections", conn);
  CHECK(r.status == 429);
  CHECK(r.headers["Retry-After"] == "3");
  CHECK(count() == 0);

  add("action=drop-before,method=POST,times=1");
  CHECK(e.call("POST", "/connections", conn).delivery == Delivery::drop);
  CHECK(count() == 0);  // nothing was done

  add("action=drop-after,method=POST,times=1");
  CHECK(e.call("POST", "/connections", conn).delivery == Delivery::drop);
  CHECK(count() == 1);  // done, but the answer is lost

  add("action=truncate,method=GET,path=/connections,times=1");
  auto t = e.call("GET", "/connections");
  CHECK(t.delivery == Delivery::truncate);
  CHECK(t.status == 200);

  add("action=latency,latency=250,times=1");
  CHECK(e.call("GET", "/connections").delay == std::chrono::milliseconds(250));

  // Used up: requests are normal again, and the stats count what was injected.
  auto normal = e.call("POST", "/connections", conn);
  CHECK(normal.status == 201);
  CHECK(normal.delivery == Delivery::normal);
  CHECK(e.service.stats().faults == 5);

  add("action=500,path=/flows*");
  CHECK(e.call("GET", "/flows").status == 500);
  CHECK(e.call("GET", "/connections").status == 200);
  e.service.clear_faults();
  CHECK(e.call("GET", "/flows").status == 200);
}

TEST_CASE("emulator: the chaos mix hits its share of requests, every kind, repeatably by seed",
          "[emulator][faults]") {
  auto run = [](std::uint64_t seed) {
    emulator::Options o;
    o.seed = seed;
    o.chaos_rate = 0.2;
    Emu e(o);
    std::vector<std::string> outcomes;
    for (int i = 0; i < 3000; ++i) {
      auto r = e.call("GET", "/connections");
      outcomes.push_back(std::to_string(r.status) + "/" +
                         std::to_string(static_cast<int>(r.delivery)) + "/" +
                         std::to_string(r.delay.count()));
    }
    return outcomes;
  };
  auto a = run(7), b = run(7), c = run(8);
  CHECK(a == b);
  CHECK(a != c);
  std::map<std::string, int> kinds;
  int faulted = 0;
  for (const auto& o : a) {
    if (o != "200/0/0") ++faulted;
    ++kinds[o];
  }
  CHECK(faulted > 3000 * 0.16);
  CHECK(faulted < 3000 * 0.24);
  // 429, 500, 502, 503, 504, latency, dropped (before and after look alike here), truncated.
  for (const char* k :
       {"429/0/0", "500/0/0", "502/0/0", "503/0/0", "504/0/0", "200/0/300", "200/2/0"}) {
    CHECK(kinds[k] > 20);
  }
  CHECK(kinds["0/1/0"] + kinds["200/1/0"] > 40);  // drop before (no answer) and after (200)
}

TEST_CASE("emulator: a rate limit per API key answers 429 with Retry-After", "[emulator][faults]") {
  emulator::Options o;
  o.rate_limit = 5;
  Emu e(o);
  for (int i = 0; i < 5; ++i)
    CHECK(e.call("GET", "/flows").status == 200);
  auto r = e.call("GET", "/flows");
  CHECK(r.status == 429);
  CHECK(r.headers["Retry-After"] == "1");
  CHECK(Emu::body(r)["error_code"] == "429050");
  // Another key has its own allowance.
  CHECK(e.call("GET", "/flows", nullptr, {{"x-api-key", "emulator-client"}}).status == 200);
  CHECK(e.service.stats().throttled == 1);
}

TEST_CASE("emulator: enabled flows with audiences run on the compressed clock",
          "[emulator][runs]") {
  emulator::Options o;
  o.seed = 3;
  o.runs.interval = std::chrono::seconds(60);
  o.runs.duration = std::chrono::seconds(10);
  o.runs.failure_rate = 0.5;
  Emu e(o);
  auto ids = e.tutorial();
  const std::string flow = ids[4];
  auto idle = e.tutorial();  // a flow with no audiences never runs
  e.now += 61;
  CHECK(Emu::body(e.call("GET", "/runs?property=flowId==" + flow))["items"].empty());

  auto etag = e.get_flow(flow)["etag"].get<std::string>();
  REQUIRE(
      e.call("PATCH", "/flows/" + flow, add_segment(segment("seg-1", kOnce)), {{"if-match", etag}})
          .status == 200);
  e.now += 60;
  auto first = Emu::body(e.call("GET", "/runs?property=flowId==" + flow));
  REQUIRE(first["items"].size() == 1);
  json run = first["items"][0];
  CHECK(run["flowId"] == flow);
  CHECK(run["metrics"]["statusSummary"]["status"] == "processing");
  CHECK_FALSE(run["metrics"]["durationSummary"].contains("completedAtUTC"));
  CHECK(run["metrics"]["recordSummary"]["sourceSummaries"][0]["entitySummaries"][0]["id"] ==
        "segment:seg-1");

  e.now += 15;  // 10 s give or take 40%: done
  run = Emu::body(e.call("GET", "/runs/" + run["id"].get<std::string>()))["items"][0];
  const std::string status = run["metrics"]["statusSummary"]["status"];
  CHECK((status == "success" || status == "failed"));
  CHECK(run["metrics"]["durationSummary"].contains("completedAtUTC"));
  if (status == "failed") {
    CHECK(run["metrics"]["statusSummary"]["errors"][0]["code"] == "ACTIVATION_BATCH-0000-FAILED");
  }

  e.now += 600;  // ten more intervals; with half failing, both outcomes appear
  auto all = Emu::body(e.call("GET", "/runs?property=flowId==" + flow));
  CHECK(all["items"].size() == 11);
  CHECK(Emu::body(e.call("GET", "/runs?property=flowId==" + idle[4]))["items"].empty());
  auto failed = Emu::body(e.call(
      "GET", "/runs?property=flowId==" + flow + "&property=metrics.statusSummary.status==failed"));
  CHECK_FALSE(failed["items"].empty());
  CHECK(failed["items"].size() < all["items"].size());

  // Disabled: no more runs.
  REQUIRE(e.call("POST", "/flows/" + flow + "/action?op=disable").status == 200);
  e.now += 600;
  CHECK(Emu::body(e.call("GET", "/runs?property=flowId==" + flow))["items"].size() == 11);
  CHECK(e.call("GET", "/runs/not-a-run").status == 404);
}

TEST_CASE("emulator: seeded flows for listing at scale", "[emulator]") {
  emulator::Options o;
  o.seed_flows = 250;
  Emu e(o);
  CHECK(Emu::body(e.call("GET", "/flows?count=true"))["count"] == 250);
  CHECK(Emu::body(e.call("GET", "/flows?count=true", nullptr, {}, "dev"))["count"] == 0);
  CHECK(e.service.stats().requests == 2);  // seeding is not counted
  auto page = Emu::body(e.call("GET", "/flows?property=name==Seeded flow 00007"));
  REQUIRE(page["items"].size() == 1);
  CHECK(page["items"][0]["inheritedAttributes"]["properties"]["isDestinationFlow"] == true);
}
