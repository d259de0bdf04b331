// The current cloud-storage cards' target params, as their connection specs' targetSpec prints
// them in activate-segments-file-based-destinations.md: fileType and datasetFileType both
// required, each conditional on the flow spec's _workflow, csvOptions only for fileType CSV.
#include <catch2/catch.hpp>

#include "cards_helpers.hpp"

using cards_test::Card;
using cards_test::cards;
using cards_test::Emu;
using cards_test::make_flow;
using cards_test::make_target;
using cards_test::message_of;
using nlohmann::json;

namespace {

void refused(const emulator::Response& r, const std::string& text) {
  INFO(r.body);
  CHECK(r.status == 400);
  CHECK(Emu::body(r).value("type", "").ends_with("FLOW-1100-400"));
  CHECK_THAT(message_of(r), Catch::Contains(text));
  CHECK_FALSE(Emu::body(r).contains("id"));
}

const Card& card_named(const std::string& name) {
  for (const auto& c : cards()) {
    if (c.name == name) return c;
  }
  FAIL("no card " << name);
  return cards().front();
}

}  // namespace

TEST_CASE("emulator: the cards' targetSpec requires fileType and datasetFileType as Adobe prints",
          "[emulator][cards]") {
  Emu e;
  for (const auto& c : cards()) {
    auto spec = Emu::body(e.call("GET", "/connectionSpecs/" + c.spec))["items"][0];
    const json required = spec["targetSpec"]["spec"]["required"];
    INFO(c.name << ": " << required.dump());
    CHECK(std::find(required.begin(), required.end(), "fileType") != required.end());
    CHECK(std::find(required.begin(), required.end(), "datasetFileType") != required.end());
    CHECK(std::find(required.begin(), required.end(), "compression") != required.end());
    const json props = spec["targetSpec"]["spec"]["properties"];
    CHECK(props["fileType"]["conditional"]["operator"] == "NOT_CONTAINS");
    CHECK(props["datasetFileType"]["conditional"]["operator"] == "CONTAINS");
    CHECK(props["csvOptions"]["conditional"] ==
          json{{"field", "fileType"}, {"operator", "EQUALS"}, {"value", "CSV"}});
  }
}

TEST_CASE("emulator: a target connection takes fileType or datasetFileType, never both",
          "[emulator][cards]") {
  Emu e;
  for (const auto& c : cards()) {
    INFO(c.name);
    const auto base = cards_test::base_connection(e, c);
    CHECK(make_target(e, c, base, {{"fileType", "PARQUET"}}).status == 201);
    CHECK(make_target(e, c, base, {{"datasetFileType", "PARQUET"}}).status == 201);
    refused(make_target(e, c, base, {{"fileType", "JSON"}, {"datasetFileType", "JSON"}}),
            "params.datasetFileType and params.fileType cannot be given together");
    refused(make_target(e, c, base, json::object()),
            "one of params.datasetFileType, params.fileType is required");
    refused(make_target(e, c, base, {{"datasetFileType", "CSV"}}),
            "params.datasetFileType must be one of");
  }
}

TEST_CASE("emulator: csvOptions only with fileType CSV, each option from its enum",
          "[emulator][cards]") {
  Emu e;
  const json all = {{"delimiter", "\t"},
                    {"quote", ""},
                    {"escape", "'"},
                    {"nullValue", "\"\""},
                    {"emptyValue", "null"}};
  for (const auto& c : cards()) {
    INFO(c.name);
    const auto base = cards_test::base_connection(e, c);
    CHECK(make_target(e, c, base, {{"fileType", "CSV"}, {"csvOptions", all}}).status == 201);
    refused(make_target(e, c, base, {{"fileType", "JSON"}, {"csvOptions", all}}),
            "params.csvOptions applies only when params.fileType is CSV");
    refused(make_target(e, c, base, {{"datasetFileType", "JSON"}, {"csvOptions", all}}),
            "params.csvOptions applies only when params.fileType is CSV");
  }
  const Card& s3 = card_named("Amazon S3");
  const auto base = cards_test::base_connection(e, s3);
  for (const char* option : {"delimiter", "quote", "escape", "nullValue", "emptyValue"}) {
    json options = all;
    options[option] = "#";
    refused(make_target(e, s3, base, {{"fileType", "CSV"}, {"csvOptions", options}}),
            std::string("params.csvOptions.") + option + " must be one of");
  }
  refused(make_target(e, s3, base, {{"fileType", "CSV"}, {"csvOptions", "comma"}}),
          "params.csvOptions must be of type object");
}

TEST_CASE("emulator: a dataflow's target connection fits the flow spec's _workflow",
          "[emulator][cards]") {
  Emu e;
  const auto audiences = cards_test::audience_source(e);
  const auto datasets = cards_test::dataset_source(e);
  for (const auto& c : cards()) {
    INFO(c.name);
    const auto base = cards_test::base_connection(e, c);
    const auto profile_target = cards_test::id_of(
        make_target(e, c, base, {{"fileType", "CSV"}, {"csvOptions", {{"delimiter", ","}}}}));
    const auto dataset_target =
        cards_test::id_of(make_target(e, c, base, {{"datasetFileType", "JSON"}}));
    CHECK(make_flow(e, c.audience_flow_spec, audiences, profile_target, false).status == 201);
    CHECK(make_flow(e, c.dataset_flow_spec, datasets, dataset_target, true).status == 201);
    auto wrong_audience = make_flow(e, c.audience_flow_spec, audiences, dataset_target, false);
    refused(wrong_audience, "target connection " + dataset_target + " does not fit");
    CHECK_THAT(message_of(wrong_audience),
               Catch::Contains("params.datasetFileType applies only when "
                               "flowSpec.attributes._workflow contains DATASETS") &&
                   Catch::Contains("params.fileType is required"));
    auto wrong_dataset = make_flow(e, c.dataset_flow_spec, datasets, profile_target, true);
    refused(wrong_dataset,
            "params.fileType applies only when flowSpec.attributes._workflow "
            "does not contain DATASETS");
    CHECK_THAT(message_of(wrong_dataset),
               Catch::Contains("params.csvOptions applies only when params.fileType is CSV") &&
                   Catch::Contains("params.datasetFileType is required"));
  }
}

TEST_CASE("emulator: edits keep a dataflow's target connection fitting its flow spec",
          "[emulator][cards]") {
  Emu e;
  const Card& s3 = card_named("Amazon S3");
  const auto base = cards_test::base_connection(e, s3);
  const auto profile_target =
      cards_test::id_of(make_target(e, s3, base, {{"fileType", "PARQUET"}}));
  const auto dataset_target =
      cards_test::id_of(make_target(e, s3, base, {{"datasetFileType", "PARQUET"}}));
  const auto flow = cards_test::id_of(
      make_flow(e, s3.audience_flow_spec, cards_test::audience_source(e), profile_target, false));
  auto patch = [&](const std::string& path, const json& ops) {
    auto got = Emu::body(e.call("GET", path))["items"][0];
    return e.call("PATCH", path, ops, {{"if-match", got["etag"].get<std::string>()}});
  };
  SECTION("a target's params turned into a dataset export's") {
    auto r =
        patch("/targetConnections/" + profile_target,
              json::array({{{"op", "replace"},
                            {"path", "/params"},
                            {"value", cards_test::params(s3, {{"datasetFileType", "JSON"}})}}}));
    refused(r, "params do not fit dataflow " + flow);
    CHECK_THAT(message_of(r), Catch::Contains("params.datasetFileType applies only when"));
    auto kept = Emu::body(e.call("GET", "/targetConnections/" + profile_target))["items"][0];
    CHECK(kept["params"]["fileType"] == "PARQUET");
  }
  SECTION("a target connection no dataflow uses takes either") {
    auto r = patch("/targetConnections/" + dataset_target,
                   json::array({{{"op", "replace"},
                                 {"path", "/params"},
                                 {"value", cards_test::params(s3, {{"fileType", "JSON"}})}}}));
    CHECK(r.status == 200);
  }
  SECTION("a dataflow switched to a dataset export's target connection") {
    auto r = patch(
        "/flows/" + flow,
        json::array(
            {{{"op", "replace"}, {"path", "/targetConnectionIds"}, {"value", {dataset_target}}}}));
    refused(r, "target connection " + dataset_target +
                   " does not fit the flow spec Amazon S3 - "
                   "Segment (_workflow [\"PROFILES\"])");
  }
}
