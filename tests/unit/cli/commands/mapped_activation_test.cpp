// flow activate on a current cloud-storage card's flow: attributes and an identity through a
// Data Prep mapping set, attached in the same PATCH as the audiences.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

namespace {

constexpr const char* kTarget = test::commands::kS3Target;
constexpr const char* kS3 = test::commands::kS3Spec;

std::string s3_flow(json mapping = json::object()) {
  return s3_flow_json(std::move(mapping));
}

const char* kUnion = R"({"title":"XDM Individual Profile","type":"object","properties":{
  "person":{"type":"object","properties":{"name":{"type":"object","properties":{
    "firstName":{"type":"string"},"lastName":{"type":"string"}}}}},
  "personalEmail":{"type":"object","properties":{"address":{"type":"string"}}},
  "loyalty":{"type":"object","properties":{"tier":{"type":"string"}}},
  "identityMap":{"type":"object","additionalProperties":{"type":"array"}}}})";

void stub_schemas_and_set(test::FakeTransport& f) {
  f.on(Method::get, "/config/entityTypes/_xdm.context.profile", 200, kUnion);
  f.on(Method::get, "/targetConnections/" + std::string(kTarget), 200,
       json{{"items", {{{"id", kTarget}, {"connectionSpec", {{"id", kS3}}}}}}}.dump());
  test::stub_connection_spec(f, kS3);
  f.on(Method::post, "/schemas", 200, R"({"id":"81d7fc5376e54eb58d5186fd30d5a8c9","version":0})");
  f.on(Method::post, "/schemas", 200, R"({"id":"2f4fd51934c1409fb1d8207dd9f43dc9","version":0})");
  f.on(Method::post, "/mappingSets", 200,
       R"({"id":"5f0031f8ccd4444dac9c5c391389e9e8","version":0})");
}

// flow activate FLOW ARGS... over `f` exits 2 saying `says`, after `sent` requests (reads).
void refused(std::vector<std::string> args, const std::shared_ptr<test::FakeTransport>& f,
             const std::string& says, std::size_t sent) {
  args.insert(args.begin(), {"flow", "activate", kFlow});
  auto r = run_cli(with_credentials(args), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(says));
  CHECK(f->sent.size() == sent);
}

const test::Sent& sent_to(const test::FakeTransport& f, Method m, const std::string& path,
                          int nth = 0) {
  for (const auto& s : f.sent) {
    if (s.request.method == m && s.request.path.substr(0, s.request.path.find('?')) == path &&
        nth-- == 0) {
      return s;
    }
  }
  FAIL("no " << to_string(m) << " " << path);
  throw;
}

}  // namespace

TEST_CASE("attributes and an identity on a current card: one mapping set, one PATCH",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow());
  f->on(Method::get, "/identities", 200,
        R"([{"code":"Email","id":6},{"code":"Phone_E.164","id":7},{"code":"ECID","id":4}])");
  stub_schemas_and_set(*f);
  f->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  auto r = run_cli(
      with_credentials({"flow", "activate", kFlow, "--audience", kSegment, "--attribute",
                        "person.name.firstName", "--attribute", "personalEmail.address",
                        "--identity", "Phone_E.164", "--start-time", "17:00", "-o", "json"}),
      f);
  INFO(r.err);
  REQUIRE(r.code == 0);
  // The flow was read once: the PATCH is planned against that read.
  int flow_reads = 0;
  for (const auto& s : f->sent)
    flow_reads +=
        s.request.method == Method::get && s.request.path == std::string("/flows/") + kFlow;
  CHECK(flow_reads == 1);

  const auto& input = sent_to(*f, Method::post, "/schemas", 0);
  CHECK(input.url.find("/data/foundation/conversion/schemas") != std::string::npos);
  CHECK(body_of(input)["jsonSchema"]["title"] == "XDM Individual Profile");
  CHECK(body_of(sent_to(*f, Method::post, "/schemas", 1))["jsonSchema"]["title"] ==
        "defaultschema");  // the card's partner schema
  const json set = body_of(sent_to(*f, Method::post, "/mappingSets"));
  CHECK(set["inputSchema"]["id"] == "81d7fc5376e54eb58d5186fd30d5a8c9");
  CHECK(set["outputSchema"]["id"] == "2f4fd51934c1409fb1d8207dd9f43dc9");
  CHECK(
      set["mappings"] ==
      json::parse(
          R"([{"destination":"person_name_firstName","source":"person.name.firstName","sourceType":"ATTRIBUTE"},
                        {"destination":"personalEmail_address","source":"personalEmail.address","sourceType":"ATTRIBUTE"},
                        {"destination":"Phone_E_164","source":"identityMap.Phone_E//.164","sourceType":"ATTRIBUTE"}])"));

  const auto& patch = sent_to(*f, Method::patch, std::string("/flows/") + kFlow);
  CHECK(header_of(patch, "If-Match") == "\"e1\"");
  const json ops = body_of(patch);
  REQUIRE(ops.size() == 2);
  CHECK(ops[0]["path"] == "/transformations/0/params/segmentSelectors/selectors/-");
  CHECK(ops[1] == json::parse(R"({"op":"add","path":"/transformations/0/params/profileMapping",
                                  "value":{"mappingId":"5f0031f8ccd4444dac9c5c391389e9e8","mappingVersion":0}})"));
  CHECK(ops.dump().find("profileSelectors") == std::string::npos);
  const json out = json::parse(r.out);
  CHECK(out["mappingSet"]["id"] == "5f0031f8ccd4444dac9c5c391389e9e8");
  CHECK(out["identities"]["added"] == json::array({"Phone_E.164"}));
}

TEST_CASE("activating one more attribute keeps what the mapping set held",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200,
        s3_flow({{"mappingId", "5f0031f8ccd4444dac9c5c391389e9e8"}, {"mappingVersion", 0}}));
  f->on(Method::get, "/mappingSets/5f0031f8ccd4444dac9c5c391389e9e8", 200,
        R"({"id":"5f0031f8ccd4444dac9c5c391389e9e8","version":0,"mappings":[
             {"sourceType":"text/x.schema-path","source":"person.name.firstName","destination":"person_name_firstName"},
             {"sourceType":"text/x.schema-path","source":"identityMap.Email","destination":"Email","identity":true}]})");
  stub_schemas_and_set(*f);
  f->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute",
                                     "person.name.firstName", "--attribute", "loyalty.tier"}),
                   f);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json set = body_of(sent_to(*f, Method::post, "/mappingSets"));
  REQUIRE(set["mappings"].size() == 3);
  CHECK(set["mappings"][0]["source"] == "person.name.firstName");
  CHECK(set["mappings"][1]["source"] == "identityMap.Email");
  CHECK(set["mappings"][2]["source"] == "loyalty.tier");
  CHECK_THAT(r.err, Catch::Contains("attribute person.name.firstName is already on the dataflow"));
}

TEST_CASE(
    "what is mapped already sends nothing, and a second identity is refused before anything "
    "is made",
    "[commands][activate][dataprep]") {
  const json mapping = {{"mappingId", "5f0031f8ccd4444dac9c5c391389e9e8"}, {"mappingVersion", 2}};
  const char* held = R"({"mappings":[{"source":"identityMap.Email","destination":"Email"}]})";
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow(mapping));
  f->on(Method::get, "/mappingSets/5f0031f8ccd4444dac9c5c391389e9e8", 200, held);
  auto same = run_cli(with_credentials({"flow", "activate", kFlow, "--identity", "Email"}), f);
  CHECK(same.code == 0);
  CHECK_THAT(same.err, Catch::Contains("nothing to do"));
  CHECK(f->sent.back().url.find("version=2") != std::string::npos);  // the version the flow names

  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow(mapping));
  g->on(Method::get, "/mappingSets/5f0031f8ccd4444dac9c5c391389e9e8", 200, held);
  auto second = run_cli(with_credentials({"flow", "activate", kFlow, "--identity", "ECID"}), g);
  CHECK(second.code == 2);
  CHECK_THAT(second.err,
             Catch::Contains("one identity namespace") && Catch::Contains("Email, ECID"));
  CHECK(g->sent.size() == 2);  // the flow and its mapping set: nothing made, nothing patched
}

TEST_CASE("an identity the organisation does not have is refused with its namespaces",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow());
  f->on(Method::get, "/identities", 200, R"([{"code":"Email"},{"code":"ECID"}])");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--identity", "Emial"}), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("no identity namespace Emial") &&
                        Catch::Contains("its namespaces: Email, ECID"));
}

TEST_CASE("an identity on an email-marketing destination's flow says where it applies",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e1\""));
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--identity", "Email"}), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("identities are for the current cloud-storage cards"));
}

TEST_CASE("an attribute the union schema does not have is refused before anything is made",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow());
  f->on(Method::get, "/config/entityTypes/_xdm.context.profile", 200, kUnion);
  auto r = run_cli(
      with_credentials({"flow", "activate", kFlow, "--attribute", "loyalty.tier", "--attribute",
                        "loyalty.nosuch", "--attribute", "person.name.first"}),
      f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("not in the profile's union schema of this sandbox: "
                                    "loyalty.nosuch, person.name.first (nothing was made)"));
  CHECK(f->sent.size() == 2);  // the flow and the union schema: no schema, no mapping set
}

TEST_CASE("mandatory fields and a dedup key on a current card's flow go into its params",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow(mapping_ref()));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--mandatory", "GAID",
                                     "--dedup-key", "identity:GAID", "-o", "json"}),
                   f);
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(f->sent.size() == 2);  // no mapping set is read or made for these
  CHECK(body_of(f->sent[1]) == json::parse(R"([
      {"op":"add","path":"/transformations/0/params/mandatoryFields","value":["GAID"]},
      {"op":"add","path":"/transformations/0/params/primaryFields",
       "value":[{"fieldType":"IDENTITY","identityNamespace":"GAID"}]}])"));
  CHECK(json::parse(r.out)["dedupKeys"] == json::array({"identity:GAID"}));
}

TEST_CASE(
    "a dedup key that mixes, or grows past two attributes, is refused before anything is sent",
    "[commands][activate][dataprep]") {
  refused({"--dedup-key", "identity:GAID", "--dedup-key", "person.name.lastName"}, fake(),
          "identity:GAID, person.name.lastName", 0);  // no request at all

  // With the flow's own identity key: refused after reading the flow, before any schema.
  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200,
        s3_flow_json(mapping_ref(), json::array(),
                     json::parse(R"([{"fieldType":"IDENTITY","identityNamespace":"ECID"}])")));
  refused({"--attribute", "loyalty.tier", "--dedup-key", "person.name.lastName"}, g,
          "(the dataflow's own: identity:ECID)", 1);
}

TEST_CASE(
    "a current card's filename template: V2 macros, 255 characters, checked before a "
    "mapping set is made",
    "[commands][activate][dataprep]") {
  const std::vector<std::string> audience = {"--audience", kSegment,      "--start-time",
                                             "17:00",      "--attribute", "person.name.firstName"};
  auto with_template = [&](const std::string& t) {
    auto args = audience;
    args.insert(args.end(), {"--filename-template", t});
    return args;
  };
  // An unknown macro is unknown on every card: refused before the flow is read.
  refused(with_template("%DESTINATION%_%SEGMENT_ID%_%FOLDER_NAME%"), fake(),
          "uses an unknown macro %FOLDER_NAME% (allowed: %DESTINATION_NAME%, %SEGMENT_ID%, ", 0);

  // Too long for a current card: refused once the flow is read, before any schema.
  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow());
  refused(with_template("%DESTINATION%_" + std::string(250, 'x')), g, "at most 255", 1);

  // Without %DESTINATION_NAME%: fine on a current card (every V2 macro is optional).
  auto h = fake();
  h->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow(mapping_ref()));
  h->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  auto v2 = run_cli(with_credentials({"flow", "activate", kFlow, "--audience", kSegment,
                                      "--start-time", "17:00", "--filename-template",
                                      "%DESTINATION%_%SEGMENT_ID%_%DESTINATION_INSTANCE_NAME%"}),
                    h);
  INFO(v2.err);
  CHECK(v2.code == 0);
  CHECK(body_of(h->sent[1])[0]["value"]["value"]["filenameTemplate"] ==
        "%DESTINATION%_%SEGMENT_ID%_%DESTINATION_INSTANCE_NAME%");
}

TEST_CASE("more than 50 mapped attributes is a warning, not an error",
          "[commands][activate][dataprep]") {
  json held = json::array();
  for (int i = 0; i < 50; ++i) {
    held.push_back({{"source", "person.f" + std::to_string(i)},
                    {"destination", "person_f" + std::to_string(i)}});
  }
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow(mapping_ref()));
  f->on(Method::get, std::string("/mappingSets/") + kMappingSet, 200,
        json{{"mappings", held}}.dump());
  stub_schemas_and_set(*f);
  f->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "loyalty.tier"}), f);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("would export 51 mapped attributes") &&
                        Catch::Contains("soft limit of 50"));
}

TEST_CASE("an audiences file's identities are mapped on a current card's flow",
          "[commands][activate][dataprep]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, s3_flow());
  f->on(Method::get, "/identities", 200, R"([{"code":"Email"},{"code":"ECID"}])");
  stub_schemas_and_set(*f);
  f->on(Method::patch, std::string("/flows/") + kFlow, 200, R"({"id":"x","etag":"\"e2\""})");
  const std::string file =
      json{{"attributes", {"person.name.firstName"}}, {"identities", {"ECID"}}}.dump();
  auto r = run_cli(
      with_credentials({"flow", "activate", kFlow, "--audiences-file", "a.json", "-o", "json"}), f,
      {}, {{"a.json", file}});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(json::parse(r.out)["identities"]["added"] == json::array({"ECID"}));
  const json set = body_of(sent_to(*f, Method::post, "/mappingSets"));
  CHECK(set["mappings"][1]["source"] == "identityMap.ECID");
}
