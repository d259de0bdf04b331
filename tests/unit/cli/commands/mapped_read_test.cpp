// flow get and flow validate on a current cloud-storage card's flow: its attributes and identity
// are read back from the mapping set the flow names, and compared like a legacy flow's.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;

namespace {

const std::string kFlowPath = std::string("/flows/") + kFlow;
const std::string kSetPath = std::string("/mappingSets/") + kMappingSet;

json biking() {
  return {{"type", "PLATFORM_SEGMENT"},
          {"value",
           {{"id", kSegment},
            {"name", "Interested in Mountain Biking"},
            {"filenameTemplate", "%DESTINATION%_%SEGMENT_ID%"},
            {"exportMode", "DAILY_FULL_EXPORT"},
            {"schedule",
             {{"frequency", "ONCE"},
              {"triggerType", "SCHEDULED"},
              {"startDate", "2026-12-01"},
              {"startTime", "17:00"}}}}}};
}

// The mapping set as Data Prep reads it back (mapping-set.md): schema-path sources, flags.
std::string mapping_set_answer() {
  return json{{"id", kMappingSet},
              {"version", 2},
              {"mappings",
               {{{"sourceType", "text/x.schema-path"},
                 {"source", "person.name.firstName"},
                 {"destination", "person_name_firstName"},
                 {"identity", false}},
                {{"sourceType", "text/x.schema-path"},
                 {"source", "identityMap.Email"},
                 {"destination", "Email"},
                 {"identity", false}},
                {{"sourceType", "text/x.schema-path"},
                 {"source", "personalEmail.address"},
                 {"destination", "personalEmail_address"}}}}}
      .dump();
}

std::shared_ptr<test::FakeTransport> mapped(bool with_set = true) {
  auto f = fake();
  f->on(Method::get, kFlowPath, 200, s3_flow_json(mapping_ref(2), json::array({biking()})));
  if (with_set) f->on(Method::get, kSetPath, 200, mapping_set_answer());
  return f;
}

// aepflow flow VERB FLOW ARGS... over `f`, with `files` to read.
test::CliRun flow(const std::string& verb, std::vector<std::string> args,
                  std::shared_ptr<test::FakeTransport> f,
                  std::map<std::string, std::string> files = {}) {
  args.insert(args.begin(), {"flow", verb, kFlow});
  return test::run_cli(test::with_credentials(args), std::move(f), {}, std::move(files));
}

}  // namespace

TEST_CASE(
    "flow get shows a current card's mapped attributes and identity, -o json the flow as stored",
    "[commands][get][dataprep]") {
  auto f = mapped();
  auto r = flow("get", {"-o", "table"}, f);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Mapping set: " + std::string(kMappingSet) + " (version 2)"));
  CHECK(has_line(r.out, "person.name.firstName", "person_name_firstName"));
  CHECK(has_line(r.out, "personalEmail.address", "personalEmail_address"));
  CHECK_THAT(r.out, Catch::Contains("Identity: Email (column Email)"));
  CHECK_THAT(r.out, Catch::Contains("Mandatory fields: none\nDedup key: none"));
  CHECK_THAT(r.out, Catch::Contains("Interested in Mountain Biking"));
  // The version the flow names, from Data Prep's path.
  CHECK(f->sent.back().url.find("/data/foundation/conversion/mappingSets/" +
                                std::string(kMappingSet) + "?version=2") != std::string::npos);

  // -o json is the service's object, as received: no mapping set is read.
  auto g = mapped(false);
  auto raw = flow("get", {"-o", "json"}, g);
  REQUIRE(raw.code == 0);
  CHECK(json::parse(raw.out) ==
        json::parse(s3_flow_json(mapping_ref(2), json::array({biking()})))["items"][0]);
  CHECK(g->sent.size() == 1);
}

TEST_CASE("flow get on a current card's flow without a mapping set reads none",
          "[commands][get][dataprep]") {
  auto f = fake();
  f->on(Method::get, kFlowPath, 200, s3_flow_json());
  auto r = flow("get", {"-o", "table"}, f);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Attributes: none (the dataflow has no mapping set)"));
  CHECK_THAT(r.out, Catch::Contains("Identity: none"));
}

TEST_CASE("flow validate holds a current card's flow to its mapping set",
          "[commands][validate][dataprep]") {
  auto ok = flow("validate",
                 {"--expect-audience", kSegment, "--expect-attribute", "person.name.firstName",
                  "--expect-identity", "Email", "-o", "json"},
                 mapped());
  INFO(ok.err);
  CHECK(ok.code == 0);
  const json report = json::parse(ok.out);
  CHECK(report["valid"] == true);
  CHECK(report["attributes"] == json::array({"person.name.firstName", "personalEmail.address"}));
  CHECK(report["identities"] == json::array({"Email"}));
  CHECK(report["mapping"]["mappingId"] == kMappingSet);
  CHECK(report["mapping"]["mappingVersion"] == 2);
  CHECK(report["mapping"]["mappings"][1] ==
        json{{"source", "identityMap.Email"}, {"destination", "Email"}});
  CHECK(report["missing"]["identities"] == json::array());

  auto missing = flow("validate",
                      {"--expect-attribute", "loyalty.tier", "--expect-attribute",
                       "personalEmail.address", "--expect-identity", "ECID", "-o", "table"},
                      mapped());
  CHECK(missing.code == 7);
  CHECK_THAT(missing.out, Catch::Contains("NOT valid"));
  CHECK_THAT(missing.err, Catch::Contains("is missing attributes loyalty.tier; identities ECID"));

  auto valid_table = flow("validate", {"--expect-identity", "Email", "-o", "table"}, mapped());
  CHECK(valid_table.code == 0);
  CHECK_THAT(valid_table.out,
             Catch::Contains("Valid: every expected audience, attribute and identity"));
}

TEST_CASE("flow validate --expect-file compares a current card's attributes and identity",
          "[commands][validate][dataprep]") {
  const std::string file = json{
      {"audiences", {{{"id", kSegment}}}},
      {"attributes", {"person.name.firstName", "personalEmail.address"}},
      {"identities",
       {"Email"}}}.dump();
  auto same = flow("validate", {"--expect-file", "e.json"}, mapped(), {{"e.json", file}});
  INFO(same.err);
  CHECK(same.code == 0);

  const std::string other = json{
      {"attributes", {"person.name.firstName", "loyalty.tier"}},
      {"identities", {"ECID"}}}.dump();
  auto drift =
      flow("validate", {"--expect-file", "o.json", "-o", "json"}, mapped(), {{"o.json", other}});
  CHECK(drift.code == 7);
  const json d = json::parse(drift.out)["drift"];
  CHECK(d["missing"]["attributes"] == json::array({"loyalty.tier"}));
  CHECK(d["extra"]["attributes"] == json::array({"personalEmail.address"}));
  CHECK(d["missing"]["identities"] == json::array({"ECID"}));
  CHECK(d["extra"]["identities"] == json::array({"Email"}));
  CHECK(d["extra"]["audiences"] == json::array({kSegment}));

  auto table =
      flow("validate", {"--expect-file", "o.json", "-o", "table"}, mapped(), {{"o.json", other}});
  CHECK(table.code == 7);
  CHECK_THAT(table.out, Catch::Contains("+ identity ECID: in the file, not on the dataflow"));
  CHECK_THAT(table.out, Catch::Contains("- identity Email: on the dataflow, not in the file"));
}

TEST_CASE("a mapping set that cannot be read is an error with its exit code, not 'no attributes'",
          "[commands][validate][dataprep]") {
  for (const char* command : {"get", "validate"}) {
    CAPTURE(command);
    auto f = mapped(false);
    f->on(Method::get, kSetPath, 404,
          R"({"type":"https://ns.adobe.com/aep/errors/EXEG-0000","title":"Not found",
              "status":404,"detail":"mapping set not found"})");
    auto gone = flow(command, {"-o", "table"}, f);
    CHECK(gone.code == 4);
    CHECK(gone.out.empty());
    CHECK_THAT(gone.err, Catch::Contains("read mapping set " + std::string(kMappingSet) +
                                         " version 2, which holds the attributes and identity "
                                         "dataflow " +
                                         kFlow + " exports") &&
                             Catch::Contains("404"));

    auto g = mapped(false);
    g->on(Method::get, kSetPath, 503, R"({"message":"down"})").times(5);  // retried, then final
    auto down = flow(command, {"-o", "table"}, g);
    CHECK(down.code == 1);
    CHECK(down.out.empty());
    CHECK_THAT(down.err, Catch::Contains("read mapping set") && Catch::Contains("503"));
  }
}

TEST_CASE("expecting an identity of a legacy flow: its identityMap.NAMESPACE attribute",
          "[commands][validate]") {
  json attrs = json::array({{{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}},
                            {{"type", "JSON_PATH"}, {"value", {{"path", "identityMap.Email"}}}}});
  auto f = fake();
  f->on(Method::get, kFlowPath, 200, flow_json("\"e\"", json::array(), attrs));
  auto ok = flow("validate", {"--expect-identity", "Email"}, f);
  CHECK(ok.code == 0);

  auto g = fake();
  g->on(Method::get, kFlowPath, 200, flow_json("\"e\"", json::array(), attrs));
  auto missing = flow("validate", {"--expect-identity", "ECID", "-o", "json"}, g);
  CHECK(missing.code == 7);
  CHECK(json::parse(missing.out)["missing"]["identities"] == json::array({"ECID"}));
  CHECK_THAT(missing.err, Catch::Contains("is missing identities ECID"));

  // Without the new flag, a legacy flow's report is what it was: no identities, no mapping.
  auto h = fake();
  h->on(Method::get, kFlowPath, 200, flow_json("\"e\"", json::array(), attrs));
  auto plain = flow("validate", {"-o", "json"}, h);
  CHECK(plain.code == 0);
  const json report = json::parse(plain.out);
  CHECK_FALSE(report.contains("mapping"));
  CHECK_FALSE(report.contains("identities"));
  CHECK(report["missing"] == json{{"audiences", json::array()}, {"attributes", json::array()}});
}
