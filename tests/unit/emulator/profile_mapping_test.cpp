// The Platform reads a mapping set is built from (the profile union schema, the identity
// namespaces) and what Flow Service makes of a mapping set attached to a dataflow.
#include <catch2/catch.hpp>

#include "conversion_helpers.hpp"

using namespace conversion_test;
using emulator_test::Emu;
using nlohmann::json;

TEST_CASE("platform reads: the profile union schema and the identity namespaces",
          "[emulator][conversion]") {
  Emu e;
  json u = union_schema(e);
  CHECK(u["title"] == "XDM Individual Profile");
  CHECK(u["$id"] == kUnionId);
  const json& p = u["properties"];
  for (const char* path :
       {"/person/properties/name/properties/firstName",
        "/person/properties/name/properties/lastName", "/personalEmail/properties/address",
        "/mobilePhone/properties/number", "/homeAddress/properties/city",
        "/loyalty/properties/tier", "/identityMap/additionalProperties",
        "/segmentMembership/additionalProperties/additionalProperties/properties/status"}) {
    INFO(path);
    CHECK(p.contains(json::json_pointer(path)));
  }
  CHECK(e.call("GET", "/data/core/ups/config/entityTypes/_xdm.context.profile").status == 200);
  CHECK(e.call("GET", "/data/core/ups/config/entityTypes/_xdm.context.experienceevent").status ==
        404);
  auto bad = e.call("GET", "/data/core/ups/config/entityTypes/_xdm.context.profile?property=x==1");
  CHECK(bad.status == 400);
  CHECK(type_of(bad).ends_with("UPS-1001-400"));
  CHECK(e.call("POST", "/data/core/ups/config/entityTypes/_xdm.context.profile", json::object())
            .status == 405);
  CHECK(e.call("GET", "/data/core/ups/config/entityTypes/_xdm.context.profile", nullptr,
               {{"x-api-key", "<none>"}})
            .status == 403);

  auto r = e.call("GET", "/data/core/idnamespace/identities");
  REQUIRE(r.status == 200);
  json all = Emu::body(r);
  REQUIRE(all.is_array());
  std::map<std::string, json> by_code;
  for (const auto& n : all)
    by_code[n["code"]] = n;
  for (const char* code : {"Email", "Phone", "ECID", "GAID", "IDFA", "CORE", "Email_LC_SHA256",
                           "Phone_SHA256", "Phone_E.164"}) {
    INFO(code);
    REQUIRE(by_code.count(code));
    for (const char* field : {"code", "status", "id", "idType", "namespaceType", "name", "custom",
                              "createTime", "updateTime"})
      CHECK(by_code[code].contains(field));
  }
  CHECK(by_code["Email_LC_SHA256"]["hashFunction"] == "SHA256");
  CHECK(by_code["Email_LC_SHA256"]["transform"] == "lowercase");
  CHECK(by_code["Email"]["id"] == 6);
  CHECK(e.call("GET", "/data/core/idnamespace/identities", nullptr, {{"x-sandbox-name", "<none>"}})
            .status == 400);
  CHECK(e.call("GET", "/data/core/idnamespace/identities?limit=1").status == 400);
}

TEST_CASE("flows: a current-card dataflow takes profileMapping and the V2 fields in params",
          "[emulator][conversion]") {
  Emu e;
  const std::string flow = s3_flow(e);
  auto s = tutorial_schemas(e);
  const std::string set =
      id_of(e.call("POST", conv("/mappingSets"),
                   mapping_set(s, {mapping("firstName", "person.name.firstName"),
                                   mapping("Email", "identityMap.Email")})),
            200);
  CHECK(patch(e, flow, "/transformations/0/params/profileMapping",
              {{"mappingId", set}, {"mappingVersion", 0}})
            .status == 200);
  CHECK(patch(e, flow, "/transformations/0/params/mandatoryFields", {"Email"}).status == 200);
  CHECK(patch(e, flow, "/transformations/0/params/primaryFields",
              {{{"identityNamespace", "Email"}, {"fieldType", "IDENTITY"}}})
            .status == 200);
  const json params = e.get_flow(flow)["transformations"][0]["params"];
  CHECK(params["profileMapping"] == json{{"mappingId", set}, {"mappingVersion", 0}});
  CHECK(params["mandatoryFields"] == json{"Email"});
  CHECK(params["primaryFields"][0]["fieldType"] == "IDENTITY");
  CHECK(params["segmentSelectors"]["selectors"].empty());
  CHECK_FALSE(params.contains("profileSelectors"));

  // No document says Flow Service looks the mapping set up: an unknown one is taken.
  CHECK(patch(e, flow, "/transformations/0/params/profileMapping",
              {{"mappingId", "304ca6a2fff244949c956cad1cd9eae6"}, {"mappingVersion", 0}})
            .status == 200);
}

TEST_CASE("flows: what a current-card or legacy dataflow's params refuse",
          "[emulator][conversion]") {
  Emu e;
  const std::string flow = s3_flow(e);
  auto s = tutorial_schemas(e);
  const std::string two =
      id_of(e.call("POST", conv("/mappingSets"),
                   mapping_set(s, {mapping("Email", "identityMap.Email"),
                                   mapping("Phone_E_164", "identityMap.Phone_E//.164")})),
            200);
  struct Case {
    std::string path;
    json value;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"/transformations/0/params/profileMapping",
       {{"mappingId", two}},
       "mappingVersion is required"},
      {"/transformations/0/params/profileMapping",
       {{"mappingId", two}, {"mappingVersion", "0"}},
       "mappingVersion is required"},
      {"/transformations/0/params/profileMapping",
       {{"mappingVersion", 0}},
       "mappingId is required"},
      {"/transformations/0/params/profileMapping", json::array(), "must be an object"},
      {"/transformations/0/params/profileMapping",
       {{"mappingId", two}, {"mappingVersion", 0}},
       "exports 2 identities (Email, Phone_E.164)"},
      {"/transformations/0/params/mandatoryFields", "GAID", "must be an array of strings"},
      {"/transformations/0/params/mandatoryFields", {1}, "must be a non-empty string"},
      {"/transformations/0/params/primaryFields",
       {{{"fieldType", "IDENTITY"}}},
       "identityNamespace is required with fieldType IDENTITY"},
      {"/transformations/0/params/primaryFields",
       {{{"fieldType", "ATTRIBUTE"}, {"identityNamespace", "GAID"}}},
       "attributePath is required with fieldType ATTRIBUTE"},
      {"/transformations/0/params/primaryFields",
       {{{"fieldType", "KEY"}}},
       "ATTRIBUTE or IDENTITY"},
      {"/transformations/0/params/profileSelectors",
       {{"selectors", json::array()}},
       "profileSelectors is not a param of this flow spec"},
  };
  for (const auto& c : cases) {
    auto r = patch(e, flow, c.path, c.value);
    INFO(c.path << " " << c.value.dump() << " -> " << r.body);
    CHECK(r.status == 400);
    CHECK(Emu::body(r)["errorMessage"].get<std::string>().find(c.says) != std::string::npos);
  }
  CHECK(e.get_flow(flow)["transformations"][0]["params"]["profileMapping"] == json::object());

  // The legacy flow spec keeps its profile selectors, and has no profileMapping.
  auto legacy = e.tutorial();
  auto r = patch(e, legacy[4], "/transformations/0/params/profileMapping",
                 {{"mappingId", two}, {"mappingVersion", 0}});
  CHECK(r.status == 400);
  CHECK(r.body.find("belongs to the current cloud-storage flow specs") != std::string::npos);
  CHECK(patch(e, legacy[4], "/transformations/0/params/profileSelectors/mandatoryFields",
              {"person.name.lastName"})
            .status == 200);
}

TEST_CASE("flows: a dedup key is one identity namespace or one or two attributes, never both",
          "[emulator][conversion]") {
  Emu e;
  const std::string flow = s3_flow(e);
  const json gaid = {{"fieldType", "IDENTITY"}, {"identityNamespace", "GAID"}};
  const json email = {{"fieldType", "IDENTITY"}, {"identityNamespace", "Email"}};
  auto attribute = [](const char* path) {
    return json{{"fieldType", "ATTRIBUTE"}, {"attributePath", path}};
  };
  const std::string at = "/transformations/0/params/primaryFields";
  auto one = patch(e, flow, at, json::array({gaid}));
  INFO(one.body);
  CHECK(one.status == 200);
  CHECK(patch(e, flow, at, {attribute("person.name.lastName"), attribute("personalEmail.address")})
            .status == 200);
  struct Case {
    json value;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{gaid, attribute("person.name.lastName")}, "mixes IDENTITY and ATTRIBUTE fields"},
      {{gaid, email}, "has 2 IDENTITY fields"},
      {{attribute("a.b"), attribute("c.d"), attribute("e.f")}, "has 3 ATTRIBUTE fields"},
  };
  for (const auto& c : cases) {
    auto r = patch(e, flow, at, c.value);
    INFO(c.value.dump() << " -> " << r.body);
    CHECK(r.status == 400);
    CHECK(r.body.find(c.says) != std::string::npos);
  }
  // The legacy flow spec's dedup key, in its profile selectors, is held to the same rule.
  auto legacy = e.tutorial();
  auto r = patch(e, legacy[4], "/transformations/0/params/profileSelectors/primaryFields",
                 {gaid, attribute("person.name.lastName")});
  CHECK(r.status == 400);
  CHECK(r.body.find("profileSelectors.primaryFields mixes") != std::string::npos);
}

TEST_CASE("flows: a current card's filename template takes the V2 macros, up to 255 characters",
          "[emulator][conversion]") {
  Emu e;
  const std::string flow = s3_flow(e);
  int n = 0;
  auto add = [&](const std::string& flow_id, const std::string& tmpl) {
    const std::string id = "9f7d37fd-7039-4454-94ef-2b0cd6c3206" + std::to_string(n++);
    json s = emulator_test::segment(id, emulator_test::kOnce);
    s["value"]["filenameTemplate"] = tmpl;
    return patch(e, flow_id, "/transformations/0/params/segmentSelectors/selectors/-", s);
  };
  // Batch_Flow_Profile_Mapping_And_Identities_V2's template: no %DESTINATION_NAME%.
  const std::string v2 =
      "%DESTINATION%_%SEGMENT_ID%_%SEGMENT_NAME%_%DESTINATION_INSTANCE_ID%_"
      "%DESTINATION_INSTANCE_NAME%_%DATETIME(YYYYMMdd_HHmmss)%";
  CHECK(add(flow, v2).status == 200);
  auto too_long = add(flow, "%DESTINATION%_" + std::string(242, 'x'));
  CHECK(too_long.status == 400);
  CHECK(too_long.body.find("is 256 characters long; a file name is at most 255") !=
        std::string::npos);
  auto unknown = add(flow, "%DESTINATION%_%FOLDER%");
  CHECK(unknown.status == 400);
  CHECK(unknown.body.find("unknown macro %FOLDER%") != std::string::npos);

  // The legacy flow spec still requires %DESTINATION_NAME% and %SEGMENT_ID%.
  auto legacy = e.tutorial();
  auto r = add(legacy[4], v2);
  CHECK(r.status == 400);
  CHECK(r.body.find("must contain %DESTINATION_NAME%") != std::string::npos);
}
