// Answers whose members have another type than documented (a number for a string, a string for
// an object, an array for the whole answer) are errors or read as absent, never an exception
// (nlohmann's value() throws on them): the readers the response fuzz target drives.
#include <catch2/catch.hpp>

#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/dataprep/client.hpp"
#include "aepflow/specs/file_options.hpp"
#include "aepflow/specs/resolve.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "service_fixture.hpp"

using namespace aepflow;
using nlohmann::json;

TEST_CASE("a dataflow whose id or etag is not a string is read without throwing", "[shapes]") {
  test::ServiceFixture f;
  f.fake->on(Method::get, "/flows/f", 200, R"({"id":"f","etag":7})");
  ApplyOptions options;
  options.max_attempts = 1;
  auto no_ops = [](const json&) -> Result<json> { return json::array(); };
  Result<Applied> applied = fail(ErrorKind::internal, "not run");
  REQUIRE_NOTHROW(applied = apply_flow_change(*f.service, "f", no_ops, options));
  REQUIRE_FALSE(applied);
  CHECK_THAT(applied.error().message, Catch::Contains("no usable etag"));

  ActivationRequest r;
  AudienceSpec audience;
  audience.id = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
  r.audiences.push_back(audience);
  r.new_defaults = activation_defaults("2026-01-01");
  REQUIRE_NOTHROW(plan_activation(json{{"id", 7}, {"transformations", json::array()}}, r));
}

TEST_CASE("a create's recovery reads a createdAt that is not a number", "[shapes]") {
  test::ServiceFixture f;
  // Created (201) with an answer that has no id: looked up by name, never sent again.
  f.fake->on(Method::post, "/connections", 201, R"({"etag":"\"1\""})");
  f.fake->on(Method::get, "/connections", 200,
             R"({"items":[{"id":"c1","name":"n","connectionSpec":{"id":"s"},)"
             R"("createdAt":"yesterday"}]})");
  NewConnection nc;
  nc.name = "n";
  nc.spec.id = "s";
  REQUIRE_NOTHROW(f.service->create_connection(nc));
}

TEST_CASE("a mapping set answer that is not an object is an error", "[shapes]") {
  test::ServiceFixture f;
  DataPrep prep(*f.pipeline, "/conv");
  f.fake->on(Method::get, "/mappingSets/m", 200, R"(["mappings"])");
  Result<std::vector<Mapping>> mappings = fail(ErrorKind::internal, "not run");
  REQUIRE_NOTHROW(mappings = prep.mappings({"m", 0}));
  REQUIRE_FALSE(mappings);
  CHECK_THAT(mappings.error().message, Catch::Contains("no mappings list"));
}

TEST_CASE("specs of another shape are checked without throwing", "[shapes]") {
  const json spec = json::parse(R"({
    "id": "s", "name": "Odd",
    "authSpec": [5, {"name": "Key", "spec": "not an object"}],
    "encryptionSpecs": [{"spec": []}],
    "targetSpec": {"spec": {
      "properties": {"mode": 5, "path": {"type": 3, "format": 1},
                     "csvOptions": "none", "fileType": {"conditional": {"field": 1}}},
      "required": ["path", "fileType", 4], "allOf": [{"if": "x", "then": 2}, 3]}}})");
  std::vector<std::string> warnings;
  json params = {{"mode", "S3"}, {"path", "/x"}, {"fileType", "CSV"}};
  REQUIRE_NOTHROW(check_target_params(spec, params, warnings));
  json auth = {{"key", "v"}};
  REQUIRE_NOTHROW(check_auth_params(spec, "", auth, warnings));
  REQUIRE_NOTHROW(check_auth_params(spec, "Key", auth, warnings));
  REQUIRE_NOTHROW(check_encryption(spec, "a2V5"));
  FileOptions options;
  options.csv = {{"delimiter", ","}};
  Result<void> added;
  REQUIRE_NOTHROW(added = add_file_options(spec, options, params));
  CHECK_FALSE(added);
  json no_mode = json::object();
  REQUIRE_NOTHROW(default_mode(spec, no_mode));

  const json flow_spec = {
      {"name", "F"}, {"attributes", "PROFILES"}, {"sourceConnectionSpecIds", 1}};
  REQUIRE_NOTHROW(check_flow_spec_fits(flow_spec, "fs", {"a", "source connection a", {}},
                                       {"b", "target connection b", {{"fileType", "CSV"}}}));
}

TEST_CASE("a catalogue whose matching IDs are not strings is not a crash", "[shapes]") {
  test::ServiceFixture f;
  f.fake->on(Method::get, "/connectionSpecs", 200,
             R"({"items":[{"name":"Twice","id":1},{"name":"Twice","id":{"x":2}}]})");
  Result<std::string> id = fail(ErrorKind::internal, "not run");
  REQUIRE_NOTHROW(id = resolve_connection_spec(*f.service, "Twice"));
  REQUIRE_FALSE(id);
  CHECK_THAT(id.error().message, Catch::Contains("ambiguous"));
}
