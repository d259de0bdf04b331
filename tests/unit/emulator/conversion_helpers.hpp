#pragma once
// What the tests of the Platform APIs a destination's mapping set is built with share: paths,
// the activation tutorial's schemas and mapping sets, and a current-card S3 dataflow.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "emulator_harness.hpp"

namespace conversion_test {

using emulator_test::Emu;
using nlohmann::json;

inline constexpr const char* kConversion = "/data/foundation/conversion";
inline constexpr const char* kS3 = "4fce964d-3f37-408f-9778-e597338a21ee";
inline constexpr const char* kS3Flows = "1a0514a6-33d4-4c7f-aff8-594799c47549";
inline constexpr const char* kUps = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";
inline constexpr const char* kUnionId = "https://ns.adobe.com/xdm/context/profile__union";

inline std::string conv(const std::string& path) {
  return kConversion + path;
}

inline std::string type_of(const emulator::Response& r) {
  return Emu::body(r).value("type", "");
}

inline std::string detail_of(const emulator::Response& r) {
  return Emu::body(r).value("detail", "");
}

inline bool hex32(const json& v) {
  return v.is_string() && std::regex_match(v.get<std::string>(), std::regex("^[0-9a-f]{32}$"));
}

inline json union_schema(Emu& e) {
  auto r = e.call("GET",
                  "/data/core/ups/config/entityTypes/"
                  "_xdm.context.profile?property=fullSchema==true&property="
                  "includeRelationshipDescriptors==true");
  REQUIRE(r.status == 200);
  return Emu::body(r);
}

inline json partner_schema(Emu& e) {
  auto r = e.call("GET", std::string("/connectionSpecs/") + kS3);
  REQUIRE(r.status == 200);
  return Emu::body(r)["items"][0]["targetSpec"]["attributes"]["partnerSchema"]["jsonSchema"];
}

inline std::string schema_id(Emu& e, const json& json_schema, std::string sandbox = "prod") {
  auto r = e.call("POST", conv("/schemas"),
                  {{"name", "Sample Schema for Flow Mapping"}, {"jsonSchema", json_schema}}, {},
                  sandbox);
  REQUIRE(r.status == 200);
  return Emu::body(r)["id"];
}

inline json mapping(const std::string& destination, const std::string& source,
                    const std::string& type = "ATTRIBUTE") {
  return {{"destination", destination}, {"source", source}, {"sourceType", type}};
}

// The activation tutorial's input (the profile union) and output (the S3 partner schema).
struct Schemas {
  std::string input, output;
};

inline Schemas tutorial_schemas(Emu& e) {
  return {schema_id(e, union_schema(e)), schema_id(e, partner_schema(e))};
}

inline json mapping_set(const Schemas& s, json mappings) {
  return {{"inputSchema", {{"id", s.input}}},
          {"outputSchema", {{"id", s.output}}},
          {"mappings", std::move(mappings)},
          {"xdmVersion", "1.0"}};
}

inline std::string id_of(const emulator::Response& r, int status = 201) {
  REQUIRE(r.status == status);
  return Emu::body(r)["id"];
}

// A current-card S3 dataflow made with "transformations": [], as the tutorial makes it.
inline std::string s3_flow(Emu& e) {
  const json ups = {{"id", kUps}, {"version", "1.0"}};
  const json s3 = {{"id", kS3}, {"version", "1.0"}};
  auto source =
      id_of(e.call("POST", "/sourceConnections", {{"name", "s"}, {"connectionSpec", ups}}));
  auto base = id_of(e.call("POST", "/connections",
                           {{"name", "b"},
                            {"auth",
                             {{"specName", "Access Key"},
                              {"params",
                               {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"},
                                {"s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}}}},
                            {"connectionSpec", s3}}));
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
  return id_of(e.call("POST", "/flows",
                      {{"name", "f"},
                       {"flowSpec", {{"id", kS3Flows}, {"version", "1.0"}}},
                       {"sourceConnectionIds", {source}},
                       {"targetConnectionIds", {target}},
                       {"transformations", json::array()}}));
}

inline emulator::Response patch(Emu& e, const std::string& flow, const std::string& path,
                                const json& value) {
  auto got = e.get_flow(flow);
  return e.call("PATCH", "/flows/" + flow,
                json::array({{{"op", "add"}, {"path", path}, {"value", value}}}),
                {{"if-match", got["etag"].get<std::string>()}});
}

}  // namespace conversion_test
