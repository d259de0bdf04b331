// What the emulator refuses and shows as the service does, beyond the documented requests of the
// fidelity corpus: each case here is a leniency a client bug could hide behind.
#include <catch2/catch.hpp>

#include "emulator_harness.hpp"

using emulator_test::add_segment;
using emulator_test::Emu;
using emulator_test::kOnce;
using emulator_test::segment;
using nlohmann::json;

namespace {

constexpr const char* kS3 = "4fce964d-3f37-408f-9778-e597338a21ee";
constexpr const char* kS3Flows = "1a0514a6-33d4-4c7f-aff8-594799c47549";
constexpr const char* kUps = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";

std::string type_of(const emulator::Response& r) {
  return Emu::body(r).value("type", "");
}

std::string id_of(const emulator::Response& r) {
  REQUIRE(r.status == 201);
  return Emu::body(r)["id"];
}

json s3_auth(std::string key = "AKIAIOSFODNN7EXAMPLE",
             std::string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") {
  return {{"specName", "Access Key"}, {"params", {{"s3AccessKey", key}, {"s3SecretKey", secret}}}};
}

// A current-card S3 destination: {source, base, target, flow}; the flow made with
// "transformations": [] as the cloud-storage tutorial makes it.
std::vector<std::string> s3_flow(Emu& e) {
  const json ups = {{"id", kUps}, {"version", "1.0"}};
  const json s3 = {{"id", kS3}, {"version", "1.0"}};
  auto source =
      id_of(e.call("POST", "/sourceConnections", {{"name", "s"}, {"connectionSpec", ups}}));
  auto base = id_of(
      e.call("POST", "/connections", {{"name", "b"}, {"auth", s3_auth()}, {"connectionSpec", s3}}));
  auto target = id_of(e.call("POST", "/targetConnections",
                             {{"name", "t"},
                              {"baseConnectionId", base},
                              {"connectionSpec", s3},
                              {"params",
                               {{"mode", "Server-to-server"},
                                {"bucketName", "acme-exports"},
                                {"path", "daily"},
                                {"compression", "NONE"},
                                {"fileType", "CSV"}}}}));
  auto flow = id_of(e.call("POST", "/flows",
                           {{"name", "f"},
                            {"flowSpec", {{"id", kS3Flows}, {"version", "1.0"}}},
                            {"sourceConnectionIds", {source}},
                            {"targetConnectionIds", {target}},
                            {"transformations", json::array()}}));
  return {source, base, target, flow};
}

emulator::Response patch(Emu& e, const std::string& path, const json& ops) {
  auto got = Emu::body(e.call("GET", path))["items"][0];
  return e.call("PATCH", path, ops, {{"if-match", got["etag"].get<std::string>()}});
}

}  // namespace

TEST_CASE("emulator: Flow Service is served under its base path only", "[emulator][strict]") {
  Emu e;
  CHECK(e.call("GET", "/data/foundation/flowservice/flows").status == 200);
  auto root = e.call("GET", "/data/flows");
  CHECK(root.status == 404);
  CHECK(e.call("GET", "/data/foundation/flowservicex/flows").status == 404);
}

TEST_CASE(
    "emulator: a flow made with transformations [] takes the tutorial's PATCHes, and a bad "
    "path is refused in the service's own words",
    "[emulator][strict]") {
  Emu e;
  auto ids = s3_flow(e);
  const std::string flow = "/flows/" + ids[3];
  auto added = patch(e, flow, add_segment(segment("seg-1", kOnce)));
  CHECK(added.status == 200);
  auto mapped = patch(e, flow,
                      json::array({{{"op", "add"},
                                    {"path", "/transformations/0/params/profileMapping"},
                                    {"value", {{"mappingId", "m1"}, {"mappingVersion", 0}}}}}));
  CHECK(mapped.status == 200);
  auto stored = e.get_flow(ids[3]);
  CHECK(stored["transformations"][0]["params"]["segmentSelectors"]["selectors"][0]["value"]["id"] ==
        "seg-1");
  for (const char* path :
       {"/transformations/3/params/segmentSelectors/selectors/-",
        "/transformations/0/params/segmentSelectors/selectors/7", "/transformations/x/params",
        "/transformations/0/params/segmentSelectors/selectors/01", "transformations"}) {
    auto r = patch(e, flow, json::array({{{"op", "replace"}, {"path", path}, {"value", 1}}}));
    INFO(path << ": " << r.body);
    CHECK(r.status == 400);
    CHECK(type_of(r).ends_with("FLOW-1455-400"));
    CHECK(r.body.find("json.exception") == std::string::npos);
    CHECK(r.body.find("[json") == std::string::npos);
  }
  auto move = patch(e, flow, json::array({{{"op", "move"}, {"from", "/name"}, {"path", "/x"}}}));
  CHECK(type_of(move).ends_with("FLOW-1434-400"));
}

TEST_CASE("emulator: writes the service refuses are not stored", "[emulator][strict]") {
  Emu e;
  auto ids = s3_flow(e);
  const json s3 = {{"id", kS3}, {"version", "1.0"}};
  SECTION("an unknown auth spec name is 1415") {
    auto r =
        e.call("POST", "/connections",
               {{"name", "x"}, {"auth", {{"specName", "Access key"}}}, {"connectionSpec", s3}});
    CHECK(type_of(r).ends_with("FLOW-1415-400"));
  }
  SECTION("S3 keys that break the spec's patterns") {
    for (auto auth : {s3_auth("akia-lowercase-key-1"), s3_auth("AKIAIOSFODNN7EXAMPLE", "short")}) {
      auto r =
          e.call("POST", "/connections", {{"name", "x"}, {"auth", auth}, {"connectionSpec", s3}});
      CHECK(r.status == 400);
      CHECK_THAT(Emu::body(r)["errorMessage"].get<std::string>(),
                 Catch::Contains("does not match the pattern"));
    }
  }
  SECTION("a credential PATCH that does not fit the auth spec") {
    const std::string path = "/connections/" + ids[1];
    auto wrong = patch(e, path,
                       json::array({{{"op", "replace"},
                                     {"path", "/auth/params"},
                                     {"value", {{"accessId", "a"}, {"secretKey", "b"}}}}}));
    CHECK(wrong.status == 400);
    auto bad_key = patch(
        e, path,
        json::array({{{"op", "replace"}, {"path", "/auth/params/s3AccessKey"}, {"value", "x"}}}));
    CHECK(bad_key.status == 400);
    auto stored = Emu::body(e.call("GET", path))["items"][0];
    CHECK(stored["auth"]["params"]["s3AccessKey"] == "AKIAIOSFODNN7EXAMPLE");
    CHECK(stored["auth"]["params"]["s3SecretKey"] == "********");  // kept, never shown
    CHECK(stored["auth"]["params"]["authorizedDate"] == "2026-11-28");
    auto rotated = patch(e, path,
                         json::array({{{"op", "replace"},
                                       {"path", "/auth/params/s3AccessKey"},
                                       {"value", "AKIAZ2345672EXAMPLEA"}}}));
    CHECK(rotated.status == 200);
  }
  SECTION("a flow without transformations, or with connections that do not exist") {
    json body = {{"name", "f"},
                 {"flowSpec", {{"id", kS3Flows}, {"version", "1.0"}}},
                 {"sourceConnectionIds", {ids[0]}},
                 {"targetConnectionIds", {ids[2]}}};
    CHECK(e.call("POST", "/flows", body).status == 400);
    auto swap = patch(e, "/flows/" + ids[3],
                      json::array({{{"op", "replace"},
                                    {"path", "/sourceConnectionIds"},
                                    {"value", {"no-such-source"}}}}));
    CHECK(swap.status == 400);
    CHECK(e.get_flow(ids[3])["sourceConnectionIds"][0] == ids[0]);
  }
  SECTION("frequencies outside the spec's enum") {
    for (const char* frequency : {"WEEKLY", "MONTHLY", "CHAINED"}) {
      json schedule = kOnce;
      schedule["frequency"] = frequency;
      auto r = patch(e, "/flows/" + ids[3], add_segment(segment("s", schedule)));
      CHECK(r.status == 400);
    }
  }
  SECTION("scheduleParams on an audience flow") {
    auto r = patch(e, "/flows/" + ids[3],
                   json::array({{{"op", "add"},
                                 {"path", "/scheduleParams"},
                                 {"value", {{"interval", 3}, {"timeUnit", "hour"}}}}}));
    CHECK(r.status == 400);
  }
}

TEST_CASE("emulator: actions take the documented ops only", "[emulator][strict]") {
  Emu e;
  auto ids = s3_flow(e);
  const std::string action = "/flows/" + ids[3] + "/action";
  CHECK(type_of(e.call("POST", action + "?op=finalize")).ends_with("FLOW-1402-400"));
  CHECK(type_of(e.call("POST", action)).ends_with("FLOW-1402-400"));
  CHECK(type_of(e.call("POST", action + "?op=disable&subOp=PROGRESS")).ends_with("FLOW-1436-400"));
  CHECK(type_of(e.call("POST", action + "?op=disable&x=1")).ends_with("FLOW-1451-400"));
  CHECK(e.call("POST", action + "?op=DISABLE&subOp=APPLY").status == 200);
  CHECK(e.get_flow(ids[3])["state"] == "disabled");
  CHECK(type_of(e.call("POST", action + "?op=disable")).ends_with("FLOW-1422-400"));  // already
}

TEST_CASE("emulator: query parameters are checked as the catalogue lists", "[emulator][strict]") {
  Emu e;
  s3_flow(e);
  struct Case {
    std::string query;
    std::string code;
  };
  auto c = GENERATE(
      Case{"/flows?proprety=state==enabled", "1451"}, Case{"/flows?property=stat==enabled", "1449"},
      Case{"/flows?property=state=enabled", "1450"}, Case{"/flows?property=state!>enabled", "1450"},
      Case{"/flows?property=name~f", "1440"}, Case{"/flows?property=createdAt>yesterday", "1452"},
      Case{"/flows?property=createdAt==", "1453"}, Case{"/flows?property=id>=a", "1448"},
      Case{"/flows?property=createdAt<=1,2", "1443"}, Case{"/flows?orderby=name-", "1432"},
      Case{"/flows?orderby=%23id", "1433"}, Case{"/flows?limit=0", "1453"},
      Case{"/flows?limit=101", "1453"}, Case{"/flows?limit=ten", "1453"},
      Case{"/flows?count=yes", "1453"}, Case{"/flows?limit=1&count=true", "1401"},
      Case{"/flows?continuationToken=ct2garbage", "1453"}, Case{"/flows/x?limit=1", "1451"});
  auto r = e.call("GET", c.query);
  INFO(c.query << ": " << r.body);
  CHECK(r.status == 400);
  CHECK(type_of(r).ends_with("FLOW-" + c.code + "-400"));
}

TEST_CASE("emulator: filters as Adobe writes them", "[emulator][strict]") {
  Emu e;
  auto a = s3_flow(e);
  auto b = s3_flow(e);
  REQUIRE(e.call("POST", "/flows/" + b[3] + "/action?op=disable").status == 200);
  auto count = [&](const std::string& query) {
    auto r = e.call("GET", "/flows?" + query + "&count=true");
    INFO(query << ": " << r.body);
    REQUIRE(r.status == 200);
    return Emu::body(r)["count"].get<int>();
  };
  CHECK(count("property=state==enabled") == 1);
  CHECK(count("property=state!=enabled") == 1);
  CHECK(count("property=state==enabled,disabled") == 2);
  CHECK(count("property=sourceConnectionIds[]==" + a[0] + "," + b[0]) == 2);
  CHECK(count("property=sourceConnectionIds[]==" + a[0] + "&property=state==enabled") == 1);
  CHECK(count("property=inheritedAttributes.targetConnections[].connectionSpec.id==" +
              std::string(kS3)) == 2);
  CHECK(count("property=createdAt>0&property=createdAt<=99999999999999") == 2);
  CHECK(count("property=description") == 2);      // exists
  CHECK(count("property=!scheduleParams") == 2);  // does not exist
  CHECK(count("property=scheduleParams") == 0);
}

TEST_CASE("emulator: a continuation token is good for its own query only", "[emulator][strict]") {
  Emu e;
  for (int i = 0; i < 3; ++i)
    s3_flow(e);
  auto first = Emu::body(e.call("GET", "/flows?limit=1&orderby=name"));
  const std::string href = first["_links"]["next"]["href"];
  const std::string token = href.substr(href.find("continuationToken=") + 18,
                                        href.find('&') - href.find("continuationToken=") - 18);
  CHECK(e.call("GET", "/flows?limit=1&orderby=name&continuationToken=" + token).status == 200);
  CHECK(e.call("GET", "/flows?limit=2&orderby=name&continuationToken=" + token).status == 400);
  CHECK(e.call("GET", "/connections?limit=1&orderby=name&continuationToken=" + token).status ==
        400);  // the same query on another list
  CHECK(e.call("GET", "/flows?limit=1&orderby=name&continuationToken=" + token + "x").status ==
        400);
}

TEST_CASE("emulator: what Adobe's examples carry is there", "[emulator][strict]") {
  emulator::Options o;
  o.runs.interval = std::chrono::seconds(60);
  o.runs.duration = std::chrono::seconds(0);
  o.runs.failure_rate = 0;
  o.runs.first_run_delay = std::chrono::seconds(0);
  Emu e(o);
  auto ids = s3_flow(e);
  REQUIRE(patch(e, "/flows/" + ids[3], add_segment(segment("seg-1", kOnce))).status == 200);
  e.now += 1;
  auto flow = e.get_flow(ids[3]);
  REQUIRE(flow.contains("lastRunDetails"));
  CHECK(flow["lastRunDetails"]["state"] == "success");
  auto run = Emu::body(e.call("GET", "/runs?property=flowId==" + ids[3]))["items"][0];
  for (const char* field : {"sandboxName", "imsOrgId", "createdClient", "updatedBy"}) {
    CHECK(run.contains(field));
  }
  CHECK(run["sandboxName"] == "prod");
  CHECK(run["metrics"]["recordSummary"]["targetSummaries"][0]["id"] == ids[2]);
  for (const char* summary : {"fileSummary", "sizeSummary", "latencySummary"}) {
    CHECK(run["activities"][0].contains(summary));
  }
  auto spec = Emu::body(e.call("GET", std::string("/flowSpecs/") + kS3Flows))["items"][0];
  for (const char* field : {"scheduleSpec", "optionSpec", "permissionsInfo"}) {
    CHECK(spec.contains(field));
  }
  auto card = Emu::body(e.call("GET", std::string("/connectionSpecs/") + kS3))["items"][0];
  CHECK(card["name"] == "Amazon S3");
}

TEST_CASE("emulator: hostile input is refused, never fatal", "[emulator][strict]") {
  Emu e;
  auto ids = s3_flow(e);
  const std::string flow = "/flows/" + ids[3];
  auto refused = [&](const emulator::Response& r, int status = 400) {
    INFO(r.body.substr(0, 300));
    CHECK(r.status == status);
    CHECK(r.body.find("json.exception") == std::string::npos);
  };
  SECTION("values long enough to exhaust a regular expression's stack") {
    json schedule = kOnce;
    auto long_template = segment("s", schedule);
    long_template["value"]["filenameTemplate"] =
        "%DESTINATION_NAME%_%SEGMENT_ID%_%" + std::string(50'000, 'A') + "%";
    refused(patch(e, flow, add_segment(long_template)));
    auto target = Emu::body(e.call("GET", "/targetConnections/" + ids[2]))["items"][0];
    refused(e.call("POST", "/targetConnections",
                   {{"name", "t2"},
                    {"baseConnectionId", ids[1]},
                    {"connectionSpec", target["connectionSpec"]},
                    {"params",
                     {{"mode", "Server-to-server"},
                      {"bucketName", "bbb"},
                      {"compression", "NONE"},
                      {"path", std::string(100'000, 'a') + "#"}}}}));
  }
  SECTION("a body nested a hundred thousand deep") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    auto got = e.get_flow(ids[3]);
    emulator::Request r;
    r.method = "PATCH";
    r.path = "/data/foundation/flowservice" + flow;
    r.headers = {
        {"authorization", "Bearer emulator-token"}, {"x-api-key", "emulator-api-key"},
        {"x-gw-ims-org-id", "ORG@AdobeOrg"},        {"x-sandbox-name", "prod"},
        {"content-type", "application/json"},       {"if-match", got["etag"].get<std::string>()}};
    r.body = R"([{"op":"add","path":"/labels","value":)" + deep + "}]";
    refused(e.service.handle(r));
  }
  SECTION("bytes that are not UTF-8 come back replaced, not as a 500") {
    refused(e.call("GET", "/flows/\xff"), 404);
    refused(e.call("GET", "/flows?limit=\xff"));
    refused(e.call("GET", "/flows?\xff=1"));
    refused(e.call("GET", "/flows", nullptr, {}, "\xff"), 404);
  }
  SECTION("a number too large for any type in a filter") {
    auto r = e.call("GET", "/flows?property=createdAt>1" + std::string(400, '0'));
    CHECK(r.status == 200);
    CHECK(Emu::body(r)["items"].empty());
  }
  SECTION("shapes a create would refuse, given by PATCH") {
    for (const json& op :
         {json{{"op", "replace"}, {"path", "/name"}, {"value", 42}},
          json{{"op", "replace"}, {"path", "/name"}, {"value", ""}},
          json{{"op", "remove"}, {"path", "/name"}},
          json{{"op", "replace"}, {"path", "/description"}, {"value", {{"a", 1}}}},
          json{{"op", "replace"}, {"path", "/sourceConnectionIds"}, {"value", json::array()}},
          json{{"op", "replace"}, {"path", "/targetConnectionIds"}, {"value", nullptr}},
          json{{"op", "replace"},
               {"path", "/transformations/0/params/segmentSelectors"},
               {"value", json::array()}},
          json{{"op", "add"}, {"path", "/labels/a~2b"}, {"value", 1}}}) {
      INFO(op.dump());
      refused(patch(e, flow, json::array({op})));
    }
    refused(patch(e, "/sourceConnections/" + ids[0],
                  json::array({{{"op", "replace"}, {"path", "/params"}, {"value", "garbage"}}})));
    CHECK(e.get_flow(ids[3])["name"] == "f");
  }
  SECTION("an action under a stale If-Match") {
    refused(e.call("POST", flow + "/action?op=disable", nullptr, {{"if-match", "\"stale\""}}), 412);
    CHECK(e.get_flow(ids[3])["state"] == "enabled");
  }
  SECTION("headers and queries a client gets wrong") {
    refused(e.call("GET", "/flows", nullptr, {{"authorization", "emulator-token"}}), 401);
    auto text_json = e.call("PATCH", flow, json::array(), {{"content-type", "text/json"}});
    refused(text_json);
    CHECK(Emu::body(text_json)["detail"] == "A valid content-type must be specified");
    CHECK(type_of(e.call("GET", "/flows?property=name~")).ends_with("FLOW-1440-400"));
    CHECK(type_of(e.call("GET", "/flows?limit=1&limit=2")).ends_with("FLOW-1453-400"));
    CHECK(type_of(e.call("GET", "/flows?orderby=")).ends_with("FLOW-1453-400"));
  }
  SECTION("a continuation token of one sandbox is refused in another") {
    s3_flow(e);
    auto first = Emu::body(e.call("GET", "/flows?limit=1"));
    const std::string href = first["_links"]["next"]["href"];
    const std::string query = href.substr(href.find('?'));
    CHECK(e.call("GET", "/flows" + query).status == 200);
    CHECK(e.call("GET", "/flows" + query, nullptr, {}, "dev").status == 400);
  }
}
