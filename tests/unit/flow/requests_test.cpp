#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aepflow/flow/client.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {
const std::string* header(const Request& r, const char* name) {
  return find_header(r.headers, name);
}
}  // namespace

TEST_CASE("list requests carry each filter as its own property parameter", "[requests]") {
  ListQuery q;
  q.properties = {"name==Adobe Campaign", "state==enabled"};
  q.limit = 20;
  q.order_by = "-createdAt";
  Request r = requests::list(Collection::flows, q);
  CHECK(r.method == Method::get);
  CHECK(r.path == "/flows");
  CHECK(r.query == QueryParams{{"property", "name==Adobe Campaign"},
                               {"property", "state==enabled"},
                               {"orderby", "-createdAt"},
                               {"limit", "20"}});
  CHECK(r.body.empty());
  CHECK(build_url("https://h/base/", r) ==
        "https://h/base/flows?property=name%3D%3DAdobe%20Campaign&property=state%3D%3Denabled"
        "&orderby=-createdAt&limit=20");
}

TEST_CASE("a followed next link keeps its query and gets more with &", "[requests]") {
  Request r = requests::follow("/flows?continuationToken=abc&limit=5");
  r.query.emplace_back("x", "y");
  CHECK(build_url("https://h/b", r) == "https://h/b/flows?continuationToken=abc&limit=5&x=y");
}

TEST_CASE("get by ID encodes the ID into the path", "[requests]") {
  CHECK(requests::get(Collection::connection_specs, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97").path ==
        "/connectionSpecs/0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  CHECK(requests::get(Collection::flows, "a/b c").path == "/flows/a%2Fb%20c");
  CHECK(requests::get(Collection::source_connections, "x").path == "/sourceConnections/x");
  CHECK(requests::get(Collection::target_connections, "x").path == "/targetConnections/x");
  CHECK(requests::get(Collection::flow_specs, "x").path == "/flowSpecs/x");
  CHECK(requests::get(Collection::connections, "x").path == "/connections/x");
}

TEST_CASE("the Profile Store base connection has no auth block", "[requests]") {
  NewConnection c;
  c.name = "Base connection to Experience Platform";
  c.description = "This call establishes the connection to Experience Platform data";
  c.spec.id = std::string(profile_store_spec_id);
  Request r = requests::create_connection(c);
  CHECK(r.method == Method::post);
  CHECK(r.path == "/connections");
  REQUIRE(header(r, "content-type"));
  CHECK(*header(r, "content-type") == "application/json");
  CHECK(json::parse(r.body) ==
        json{{"name", "Base connection to Experience Platform"},
             {"description", "This call establishes the connection to Experience Platform data"},
             {"connectionSpec",
              {{"id", "8a9c3494-9708-43d7-ae3f-cda01e5030e1"}, {"version", "1.0"}}}});
}

TEST_CASE("a destination base connection carries its auth spec and params", "[requests]") {
  NewConnection c;
  c.name = "S3 Connection for Adobe Campaign";
  c.spec.id = "0b23e41a-cb4a-4321-a78f-3b654f5d7d97";
  c.auth_spec = "S3";
  c.auth_params = {{"accessId", "AKIA"}, {"secretKey", "s"}};
  json body = json::parse(requests::create_connection(c).body);
  CHECK(body["auth"] ==
        json{{"specName", "S3"}, {"params", {{"accessId", "AKIA"}, {"secretKey", "s"}}}});
  CHECK_FALSE(body.contains("description"));
}

TEST_CASE("the source connection reads CSV from the Profile Store", "[requests]") {
  NewSourceConnection s;
  s.name = "Connecting to Profile Store";
  s.description = "Optional";
  s.base_connection_id = "1ed86558-59b5-42f7-9865-5859b552f7f4";
  Request r = requests::create_source_connection(s);
  CHECK(r.path == "/sourceConnections");
  CHECK(
      json::parse(r.body) ==
      json{{"name", "Connecting to Profile Store"},
           {"description", "Optional"},
           {"connectionSpec", {{"id", "8a9c3494-9708-43d7-ae3f-cda01e5030e1"}, {"version", "1.0"}}},
           {"baseConnectionId", "1ed86558-59b5-42f7-9865-5859b552f7f4"},
           {"data", {{"format", "CSV"}, {"schema", nullptr}}},
           {"params", json::object()}});
}

TEST_CASE("a target connection carries the base connection, spec and params", "[requests]") {
  NewTargetConnection t;
  t.name = "TargetConnection for Adobe Campaign";
  t.base_connection_id = "1ed86558-59b5-42f7-9865-5859b552f7f4";
  t.spec.id = "0b23e41a-cb4a-4321-a78f-3b654f5d7d97";
  t.params = {{"mode", "S3"}, {"bucketName", "b"}, {"path", "p"}, {"format", "CSV"}};
  Request r = requests::create_target_connection(t);
  CHECK(r.path == "/targetConnections");
  json body = json::parse(r.body);
  CHECK(body["baseConnectionId"] == "1ed86558-59b5-42f7-9865-5859b552f7f4");
  CHECK(body["connectionSpec"] ==
        json{{"id", "0b23e41a-cb4a-4321-a78f-3b654f5d7d97"}, {"version", "1.0"}});
  CHECK(body["params"] == t.params);
}

TEST_CASE("a dataflow is created with one empty GeneralTransform", "[requests]") {
  NewFlow f;
  f.name = "activate audiences to Adobe Campaign";
  f.flow_spec.id = "71471eba-b620-49e4-90fd-23f1fa0174d8";
  f.source_connection_id = "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97";
  f.target_connection_id = "12ab90c7-519c-4291-bd20-d64186b62da8";
  Request r = requests::create_flow(f);
  CHECK(r.path == "/flows");
  json body = json::parse(r.body);
  CHECK(body["flowSpec"] ==
        json{{"id", "71471eba-b620-49e4-90fd-23f1fa0174d8"}, {"version", "1.0"}});
  CHECK(body["sourceConnectionIds"] == json::array({"ed48ae9b-c774-4b6e-88ae-9bc7748b6e97"}));
  CHECK(body["targetConnectionIds"] == json::array({"12ab90c7-519c-4291-bd20-d64186b62da8"}));
  CHECK(body["transformations"] ==
        json::parse(R"([{"name":"GeneralTransform","params":{"segmentSelectors":{"selectors":[]},
                                                             "profileSelectors":{"selectors":[]}}}])"));
  CHECK_FALSE(body.contains("state"));
}

TEST_CASE("the activation PATCH sends If-Match and the ops", "[requests]") {
  json ops = json::array({{{"op", "add"}, {"path", "/x"}, {"value", 1}}});
  Request r = requests::patch_flow("8256cfb4-17e6-432c-a469-6aedafb16cd5", "\"abc\"", ops);
  CHECK(r.method == Method::patch);
  CHECK(r.path == "/flows/8256cfb4-17e6-432c-a469-6aedafb16cd5");
  REQUIRE(header(r, "If-Match"));
  CHECK(*header(r, "if-match") == "\"abc\"");
  CHECK(*header(r, "Content-Type") == "application/json");
  CHECK(json::parse(r.body) == ops);
}

TEST_CASE("url_encode keeps unreserved characters only", "[requests]") {
  CHECK(url_encode("aZ09-_.~") == "aZ09-_.~");
  CHECK(url_encode("a b=c,d/é") == "a%20b%3Dc%2Cd%2F%C3%A9");
}
