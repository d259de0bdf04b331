// Data Prep's conversion service as the emulator serves it: schemas and mapping sets, their
// validation and versions (schemas.md, mapping-set.md, data-prep.yaml, the activation tutorial).
#include <catch2/catch.hpp>

#include "conversion_helpers.hpp"

using namespace conversion_test;
using emulator_test::Emu;
using nlohmann::json;

TEST_CASE("conversion: the gateway's checks, and the sandbox in the service's own shape",
          "[emulator][conversion]") {
  Emu e;
  auto no_token =
      e.call("GET", conv("/schemas?limit=1&start=0"), nullptr, {{"authorization", "<none>"}});
  CHECK(no_token.status == 403);
  CHECK(Emu::body(no_token)["error_code"] == "403010");
  auto no_key = e.call("GET", conv("/schemas?limit=1&start=0"), nullptr, {{"x-api-key", "<none>"}});
  CHECK(Emu::body(no_key)["error_code"] == "403000");
  auto no_sandbox =
      e.call("GET", conv("/schemas?limit=1&start=0"), nullptr, {{"x-sandbox-name", "<none>"}});
  CHECK(no_sandbox.status == 400);
  CHECK(type_of(no_sandbox) == "https://ns.adobe.com/aep/errors/CONVERSION-2105-400");
  auto unknown = e.call("GET", conv("/schemas?limit=1&start=0"), nullptr, {}, "nosuch");
  CHECK(unknown.status == 404);
  CHECK(type_of(unknown) == "https://ns.adobe.com/aep/errors/CONVERSION-2100-404");
  CHECK(Emu::body(unknown)["report"].contains("request-id"));
  CHECK(e.call("GET", conv("/nothing")).status == 404);
  CHECK(e.call("DELETE", conv("/schemas")).status == 405);
}

TEST_CASE("conversion: a schema from a JSON schema answers 200 {id, version 0, jsonSchema}",
          "[emulator][conversion]") {
  Emu e;
  const json shorthand = {{"id", "string"}, {"firstName", "string"}, {"lastName", "string"}};
  auto r = e.call("POST", conv("/schemas"), {{"jsonSchema", shorthand}});
  REQUIRE(r.status == 200);
  json made = Emu::body(r);
  CHECK(hex32(made["id"]));
  CHECK(made["version"] == 0);
  CHECK(made["jsonSchema"] == shorthand);
  CHECK(made.contains("createdDate"));

  auto got = e.call("GET", conv("/schemas/" + made["id"].get<std::string>()));
  REQUIRE(got.status == 200);
  CHECK(Emu::body(got)["jsonSchema"] == shorthand);
  // Sandboxes are isolated, as Flow Service's are.
  CHECK(
      e.call("GET", conv("/schemas/" + made["id"].get<std::string>()), nullptr, {}, "dev").status ==
      404);
  auto missing = e.call("GET", conv("/schemas/0f868d3a1b804fb0abf738306290ae79"));
  CHECK(missing.status == 404);
  CHECK(type_of(missing).ends_with("CONVERSION-1101-404"));
}

TEST_CASE("conversion: a schema from a Schema Registry reference, or refused",
          "[emulator][conversion]") {
  Emu e;
  auto r = e.call(
      "POST", conv("/schemas"),
      {{"name", "outputSchema1"},
       {"schemaRef",
        {{"id", kUnionId}, {"contentType", "application/vnd.adobe.xed-full+json;version=1"}}}});
  REQUIRE(r.status == 200);
  json made = Emu::body(r);
  CHECK(made["name"] == "outputSchema1");
  // schemas.md prints this form's jsonSchema as a string; GET shows the object.
  REQUIRE(made["jsonSchema"].is_string());
  CHECK(json::parse(made["jsonSchema"].get<std::string>())["title"] == "XDM Individual Profile");
  CHECK(made["schemaRef"]["id"] == kUnionId);
  auto got = Emu::body(e.call("GET", conv("/schemas/" + made["id"].get<std::string>())));
  CHECK(got["jsonSchema"]["title"] == "XDM Individual Profile");

  struct Case {
    json body;
    int status;
    std::string says;
  };
  auto c =
      GENERATE(Case{{{"name", "x"},
                     {"schemaRef",
                      {{"id", "https://ns.adobe.com/acme/schemas/0d555890502224d187b619f23c35c8d1"},
                       {"contentType", "application/vnd.adobe.xed-full+json;version=1"}}}},
                    400,
                    "is not a schema of the Schema Registry"},
               Case{{{"sampleId", "45439a93d48d47d098d26e0f0840cc02"}}, 400, "sample"},
               Case{{{"jsonSchema", "string"}}, 400, "jsonSchema must be a JSON object"},
               Case{{{"name", "only a name"}}, 400, "exactly one of"},
               Case{{{"jsonSchema", json::object()}, {"sampleId", "x"}}, 400, "exactly one of"},
               Case{{{"name", 7}, {"jsonSchema", json::object()}}, 400, "name must be a string"});
  auto refused = e.call("POST", conv("/schemas"), c.body);
  INFO(refused.body);
  CHECK(refused.status == c.status);
  CHECK(detail_of(refused).find(c.says) != std::string::npos);
}

TEST_CASE("conversion: bodies need a JSON content type and JSON", "[emulator][conversion]") {
  Emu e;
  emulator::Request req;
  req.method = "POST";
  req.path = conv("/schemas");
  req.headers = {{"authorization", "Bearer emulator-token"},
                 {"x-api-key", "emulator-api-key"},
                 {"x-gw-ims-org-id", "ORG@AdobeOrg"},
                 {"x-sandbox-name", "prod"}};
  req.body = R"({"jsonSchema":{}})";
  auto no_type = e.service.handle(req);
  CHECK(no_type.status == 400);
  CHECK(Emu::body(no_type)["detail"] == "A valid content-type must be specified");
  req.headers["content-type"] = "application/json";
  req.body = R"({"name":"x", "jsonSchema":{...insert response from union schema response here})";
  auto broken = e.service.handle(req);
  CHECK(broken.status == 400);
  CHECK(detail_of(broken).find("not valid JSON") != std::string::npos);
  req.body = "";
  CHECK(e.service.handle(req).status == 400);
}

TEST_CASE("conversion: lists take start and limit, both required, and page with _page",
          "[emulator][conversion]") {
  Emu e;
  for (int i = 0; i < 3; ++i) {
    ++e.now;
    e.call("POST", conv("/schemas"),
           {{"name", "s" + std::to_string(i)}, {"jsonSchema", {{"id", "string"}}}});
  }
  for (const char* query : {"", "?limit=2", "?start=0", "?limit=0&start=0", "?limit=x&start=0",
                            "?limit=2&start=0&color=red", "?limit=2&start=0&orderBy=size"}) {
    auto r = e.call("GET", conv(std::string("/schemas") + query));
    INFO(query << ": " << r.body);
    CHECK(r.status == 400);
  }
  auto page = Emu::body(e.call("GET", conv("/schemas?limit=2&start=0")));
  REQUIRE(page["data"].size() == 2);
  CHECK(page["_page"] == json{{"count", 2}, {"limit", 2}});
  CHECK(page["data"][0]["name"] == "s2");  // newest first: "the last schemas created"
  auto rest = Emu::body(e.call("GET", conv("/schemas?limit=2&start=2")));
  CHECK(rest["data"].size() == 1);
  auto oldest = Emu::body(e.call("GET", conv("/schemas?limit=1&start=0&orderBy=%2BcreatedDate")));
  CHECK(oldest["data"][0]["name"] == "s0");
  auto named = Emu::body(e.call("GET", conv("/schemas?limit=10&start=0&name=s1")));
  REQUIRE(named["data"].size() == 1);
  CHECK(named["data"][0]["name"] == "s1");
}

TEST_CASE("conversion: the tutorial's mapping set answers 200 and reads back as documented",
          "[emulator][conversion]") {
  Emu e;
  auto s = tutorial_schemas(e);
  auto r = e.call(
      "POST", conv("/mappingSets"),
      mapping_set(
          s, {mapping("firstName", "person.name.firstName"), mapping("Email", "identityMap.Email"),
              mapping("personalEmail_address", "personalEmail.address"),
              mapping("segmentMembership_status", "segmentMembership.ups.seg_id.status")}));
  REQUIRE(r.status == 200);
  json made = Emu::body(r);
  CHECK(hex32(made["id"]));
  CHECK(made["version"] == 0);
  for (const char* field : {"createdDate", "modifiedDate", "createdBy", "modifiedBy"})
    CHECK(made.contains(field));
  CHECK(made.size() == 6);

  const std::string id = made["id"];
  auto got = e.call("GET", conv("/mappingSets/" + id));
  REQUIRE(got.status == 200);
  json set = Emu::body(got);
  CHECK(set["inputSchema"]["id"] == s.input);
  CHECK(set["outputSchema"]["id"] == s.output);
  CHECK_FALSE(set["outputSchema"].contains("jsonSchema"));
  CHECK(set["status"] == "DRAFT");
  CHECK(set["xdmVersion"] == "1.0");
  CHECK(set["strictMapping"] == false);
  REQUIRE(set["mappings"].size() == 4);
  json first = set["mappings"][0];
  CHECK(hex32(first["id"]));
  CHECK(first["sourceType"] == "text/x.schema-path");
  CHECK(first["source"] == "person.name.firstName");
  CHECK(first["destination"] == "firstName");
  CHECK(first["identity"] == false);
  CHECK(first["primaryIdentity"] == false);
  CHECK(first["matchScore"] == 0.0);
  CHECK(first["functionVersion"] == 1);
  CHECK(first["sourceAttribute"] == "person.name.firstName");
  CHECK(first["destinationXdmPath"] == "firstName");

  auto expanded = Emu::body(e.call("GET", conv("/mappingSets/" + id + "?expandSchema=true")));
  CHECK(expanded["outputSchema"]["jsonSchema"]["title"] == "defaultschema");
  CHECK(e.call("GET", conv("/mappingSets/" + id + "?expandSchema=yes")).status == 400);

  auto mappings = e.call("GET", conv("/mappingSets/" + id + "/mappings"));
  REQUIRE(mappings.status == 200);
  CHECK(Emu::body(mappings) == set["mappings"]);
  auto one =
      e.call("GET", conv("/mappingSets/" + id + "/mappings/" + first["id"].get<std::string>()));
  CHECK(Emu::body(one) == first);
  CHECK(e.call("GET", conv("/mappingSets/" + id + "/mappings/nosuch")).status == 404);
  CHECK(e.call("GET", conv("/mappingSets/" + id), nullptr, {}, "dev").status == 404);
}

TEST_CASE("conversion: mapping sets are validated against their schemas and namespaces",
          "[emulator][conversion]") {
  Emu e;
  auto s = tutorial_schemas(e);
  struct Case {
    json body;
    std::string says;
  };
  const std::vector<Case> cases = {
      Case{{{"inputSchema", {{"id", "81d7fc5376e54eb58d5186fd30d5a8c9"}}},
            {"outputSchema", {{"id", s.output}}},
            {"mappings", {mapping("firstName", "person.name.firstName")}}},
           "inputSchema.id \"81d7fc5376e54eb58d5186fd30d5a8c9\" is not a schema"},
      Case{{{"inputSchema", {{"id", s.input}}},
            {"outputSchema", {{"id", "2f4fd51934c1409fb1d8207dd9f43dc9"}}},
            {"mappings", {mapping("firstName", "person.name.firstName")}}},
           "outputSchema.id \"2f4fd51934c1409fb1d8207dd9f43dc9\" is not a schema"},
      Case{{{"inputSchema", {{"id", s.input}}}, {"mappings", json::array()}},
           "outputSchema is required"},
      Case{mapping_set(s, {mapping("personalEmail.address", "personalEmail.address")}),
           "destination personalEmail.address must not contain '.'"},
      Case{mapping_set(s, {mapping("nick", "person.name.nickName")}),
           "no field 'nickName' under person.name"},
      Case{mapping_set(s, {mapping("first", "person.name.firstName[0]")}),
           "person.name.firstName is not an array"},
      Case{mapping_set(s, {mapping("Loyal", "identityMap.Loyalty")}),
           "Loyalty is not an identity namespace code"},
      Case{mapping_set(s, {mapping("Phone", "identityMap.Phone_E.164")}),
           "Phone_E is not an identity namespace code"},
      Case{mapping_set(s, {mapping("Email", "identityMap.Email.id")}), "no field 'id'"},
      Case{mapping_set(s, {mapping("firstName", "person.name.firstName", "text/x.schema-path")}),
           "sourceType must be one of ATTRIBUTE, EXPRESSION, STATIC"},
      Case{mapping_set(s, {{{"destination", "x"}, {"sourceType", "STATIC"}}}),
           "mappings[0].source is required"},
      Case{mapping_set(s, "all"), "mappings is required"},
  };
  for (const auto& c : cases) {
    auto r = e.call("POST", conv("/mappingSets"), c.body);
    INFO(c.body.dump() << " -> " << r.body);
    CHECK(r.status == 400);
    CHECK(type_of(r).ends_with("CONVERSION-1002-400"));
    CHECK(detail_of(r).find(c.says) != std::string::npos);
  }
  // A refused mapping set is not stored.
  auto listed = Emu::body(e.call("GET", conv("/mappingSets?limit=10&start=0")));
  CHECK(listed["data"].empty());

  // What the rules take: a '.' in a namespace code written //., an identity's items by index,
  // array steps, expressions and constants unchecked against the schema.
  auto ok = e.call("POST", conv("/mappingSets"),
                   mapping_set(s, {mapping("Phone_E_164", "identityMap.Phone_E//.164"),
                                   mapping("Email_id", "identityMap.Email[*].id"),
                                   mapping("loyalty_id", "loyalty.loyaltyID[0]"),
                                   mapping("full", "concat(person.name.firstName)", "EXPRESSION"),
                                   mapping("kind", "CUSTOMER", "STATIC")}));
  INFO(ok.body);
  REQUIRE(ok.status == 200);
  auto set =
      Emu::body(e.call("GET", conv("/mappingSets/" + Emu::body(ok)["id"].get<std::string>())));
  CHECK(set["mappings"][3]["sourceType"] == "text/x.aep-xl");
  CHECK(set["mappings"][4]["sourceType"] == "STATIC");
}

TEST_CASE("conversion: an XDM output schema takes dotted destinations, by schemaRef inline",
          "[emulator][conversion]") {
  Emu e;
  json body = {
      {"outputSchema",
       {{"schemaRef",
         {{"id", kUnionId}, {"contentType", "application/vnd.adobe.xed-full+json;version=1"}}}}},
      {"mappings",
       {mapping("_id", "id"), mapping("person.name.firstName", "firstName"),
        mapping("person.name.lastName", "lastName")}}};
  auto r = e.call("POST", conv("/mappingSets"), body);
  INFO(r.body);
  REQUIRE(r.status == 200);
  auto set =
      Emu::body(e.call("GET", conv("/mappingSets/" + Emu::body(r)["id"].get<std::string>())));
  // The service made the output schema of the reference, as mapping-set.md's read shows.
  CHECK(hex32(set["outputSchema"]["id"]));
  CHECK(set["outputSchema"]["schemaRef"]["id"] == kUnionId);
  CHECK(set["xdmSchema"] == kUnionId);
  CHECK(set["xdmVersion"] == "application/vnd.adobe.xed-full+json;version=1");
  CHECK_FALSE(set.contains("inputSchema"));
}

TEST_CASE("conversion: PUT makes a new version, and the old one stays readable",
          "[emulator][conversion]") {
  Emu e;
  auto s = tutorial_schemas(e);
  const std::string id =
      id_of(e.call("POST", conv("/mappingSets"),
                   mapping_set(s, {mapping("firstName", "person.name.firstName")})),
            200);
  e.now += 60;
  auto put = e.call("PUT", conv("/mappingSets/" + id),
                    mapping_set(s, {mapping("firstName", "person.name.firstName"),
                                    mapping("person_nationality", "person.nationality")}));
  REQUIRE(put.status == 200);
  json v1 = Emu::body(put);
  CHECK(v1["version"] == 1);
  CHECK(v1["mappings"].size() == 2);
  CHECK(v1["outputSchema"]["jsonSchema"]["title"] == "defaultschema");
  CHECK(v1["modifiedDate"].get<long long>() > v1["createdDate"].get<long long>());

  CHECK(Emu::body(e.call("GET", conv("/mappingSets/" + id)))["version"] == 1);
  auto v0 = Emu::body(e.call("GET", conv("/mappingSets/" + id + "?version=0")));
  CHECK(v0["version"] == 0);
  CHECK(v0["mappings"].size() == 1);
  CHECK(e.call("GET", conv("/mappingSets/" + id + "?version=2")).status == 404);
  CHECK(e.call("GET", conv("/mappingSets/" + id + "?version=-1")).status == 400);
  CHECK(Emu::body(e.call("GET", conv("/mappingSets/" + id + "/mappings"))).size() == 2);

  auto bad = e.call("PUT", conv("/mappingSets/" + id),
                    mapping_set(s, {mapping("a.b", "person.name.firstName")}));
  CHECK(bad.status == 400);
  CHECK(Emu::body(e.call("GET", conv("/mappingSets/" + id)))["version"] == 1);
  CHECK(e.call("PUT", conv("/mappingSets/e7c80e4c0d8f4a98a7d400b4e178b635"),
               mapping_set(s, {mapping("firstName", "person.name.firstName")}))
            .status == 404);

  auto list = Emu::body(e.call("GET", conv("/mappingSets?limit=5&start=0")));
  REQUIRE(list["data"].size() == 1);
  CHECK(list["data"][0]["version"] == 1);
  CHECK(list["_page"]["limit"] == 5);
  CHECK(e.call("GET", conv("/mappingSets?limit=5")).status == 400);
  CHECK(e.call("GET", conv("/mappingSets?limit=5&start=0&orderBy=-updatedDate")).status == 200);
}
