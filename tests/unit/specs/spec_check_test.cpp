// Target params against a current card's target spec: conditionals (csvOptions only with CSV,
// fileType or datasetFileType), nested CSV options, and folder macros the path pattern refuses.
#include "aepflow/specs/spec_check.hpp"

#include <catch2/catch.hpp>

#include "seed_specs.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

// The shape of Adobe's current targetSpec (both file types required, each conditional on the
// flow's workflow; csvOptions conditional on fileType).
json target_schema() {
  return json::parse(R"({
    "type":"object",
    "properties":{
      "mode":{"type":"string","enum":["Server-to-server"]},
      "bucketName":{"type":"string","pattern":"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},
      "path":{"type":"string",
              "pattern":"^[0-9a-zA-Z\\/\\!\\-_\\.\\*\\''\\(\\)]*((\\%SEGMENT_(NAME|ID)\\%)?\\/?)+$"},
      "compression":{"type":"string","enum":["NONE","GZIP"]},
      "fileType":{"type":"string","enum":["CSV","JSON","PARQUET"],
        "conditional":{"field":"flowSpec.attributes._workflow","operator":"NOT_CONTAINS","value":"DATASETS"}},
      "datasetFileType":{"type":"string","enum":["JSON","PARQUET"],
        "conditional":{"field":"flowSpec.attributes._workflow","operator":"CONTAINS","value":"DATASETS"}},
      "csvOptions":{"type":"object",
        "properties":{"delimiter":{"type":"string","enum":[",","\t","|",";",":"]},
                      "nullValue":{"type":"string","enum":["null","\"\"",""]}},
        "conditional":{"field":"fileType","operator":"EQUALS","value":"CSV"}}
    },
    "required":["bucketName","path","compression","fileType","datasetFileType"]})");
}

json good() {
  return {{"mode", "Server-to-server"},
          {"bucketName", "acme-exports"},
          {"path", "audiences/%SEGMENT_NAME%"},
          {"compression", "GZIP"},
          {"fileType", "CSV"},
          {"csvOptions", {{"delimiter", "\t"}, {"nullValue", ""}}}};
}

std::string problems(json params) {
  return check_params(target_schema(), params, /*show_values=*/true).describe();
}

}  // namespace

TEST_CASE("a complete current target passes", "[spec_check]") {
  json p = good();
  auto c = check_params(target_schema(), p, true);
  CHECK(c.ok());
  CHECK(c.unknown.empty());
}

TEST_CASE("fileType and datasetFileType are alternatives: one, not both, not neither",
          "[spec_check]") {
  json neither = good();
  neither.erase("fileType");
  neither.erase("csvOptions");
  CHECK_THAT(problems(neither),
             Catch::Contains("one of fileType for audience exports, datasetFileType for dataset "
                             "exports"));
  json both = good();
  both.erase("csvOptions");
  both["datasetFileType"] = "JSON";
  CHECK_THAT(problems(both), Catch::Contains("fileType and datasetFileType are alternatives"));
  json dataset = good();
  dataset.erase("fileType");
  dataset.erase("csvOptions");
  dataset["datasetFileType"] = "PARQUET";
  CHECK(problems(dataset).empty());
}

TEST_CASE("csvOptions go only with fileType CSV", "[spec_check]") {
  json p = good();
  p["fileType"] = "JSON";
  CHECK_THAT(problems(p),
             Catch::Contains("csvOptions is only for fileType CSV (fileType is JSON)"));
  json dataset = good();
  dataset.erase("fileType");
  dataset["datasetFileType"] = "JSON";
  CHECK_THAT(problems(dataset), Catch::Contains("(fileType is not given)"));
}

TEST_CASE("a CSV option outside its values is named, with the values shown printable",
          "[spec_check]") {
  json p = good();
  p["csvOptions"]["delimiter"] = "#";
  const auto msg = problems(p);
  CHECK_THAT(msg, Catch::Contains("csvOptions.delimiter '#' is not one of ',', '\\t', '|'"));
  json unknown = good();
  unknown["csvOptions"]["lineSep"] = "\n";
  CHECK(check_params(target_schema(), unknown, true).unknown ==
        std::vector<std::string>{"csvOptions.lineSep"});
}

TEST_CASE("a folder macro the card's path pattern refuses is named, with the ones it takes",
          "[spec_check]") {
  json p = good();
  p["path"] = "exports/%DATETIME%";
  const auto msg = problems(p);
  CHECK_THAT(msg, Catch::Contains("folder macro %DATETIME% is not allowed here"));
  CHECK_THAT(msg, Catch::Contains("it takes %SEGMENT_NAME%, %SEGMENT_ID%, at the end"));

  // Azure Blob Storage's path takes no macros at all.
  json blob = test::seed_catalogue("connection-specs.json");
  json blob_target;
  for (const auto& s : blob) {
    if (s["id"] == "6d6b59bf-fb58-4107-9064-4d246c0e5bb2") blob_target = s["targetSpec"]["spec"];
  }
  REQUIRE(blob_target.is_object());
  json bp = {{"container", "acme"}, {"path", "a/%SEGMENT_NAME%"}, {"compression", "NONE"}};
  CHECK_THAT(check_params(blob_target, bp, true).describe(),
             Catch::Contains("this destination takes no folder macros"));
}

TEST_CASE("a bucket name that breaks the pattern is quoted, a credential never", "[spec_check]") {
  json p = good();
  p["bucketName"] = "Acme_Exports";
  CHECK_THAT(problems(p), Catch::Contains("bucketName 'Acme_Exports' does not have the expected"));
  const json auth = json::parse(
      R"({"properties":{"s3SecretKey":{"type":"string","format":"password","pattern":"^[A-Za-z0-9]{40}$"}}})");
  json secret = {{"s3SecretKey", "short-secret-value"}};
  const auto msg = check_params(auth, secret, /*show_values=*/true).describe();
  CHECK_THAT(msg, Catch::Contains("s3SecretKey does not have the expected form"));
  CHECK_THAT(msg, !Catch::Contains("short-secret-value"));
}

TEST_CASE("a flow spec of one export kind refuses a target made for the other", "[spec_check]") {
  const json audiences = {{"name", "Amazon S3 - Segment"},
                          {"attributes", {{"_workflow", {"PROFILES"}}}}};
  const json datasets = {{"name", "Amazon S3 - Dataset"},
                         {"attributes", {{"_workflow", {"DATASETS"}}}}};
  const json both = {{"name", "Google Cloud Storage - Dataset"},
                     {"attributes", {{"_workflow", {"PROFILES", "DATASETS"}}}}};
  const FlowEnd source{"8a9c3494-9708-43d7-ae3f-cda01e5030e1", "source connection s"};
  const FlowEnd for_datasets{
      "4fce964d-3f37-408f-9778-e597338a21ee", "target connection t", {{"datasetFileType", "JSON"}}};
  const FlowEnd for_audiences{
      "4fce964d-3f37-408f-9778-e597338a21ee", "target connection t", {{"fileType", "CSV"}}};
  auto wrong = check_flow_spec_fits(audiences, "1a0514a6", source, for_datasets);
  REQUIRE_FALSE(wrong);
  CHECK_THAT(wrong.error().message, Catch::Contains("set up for dataset exports"));
  auto wrong2 = check_flow_spec_fits(datasets, "269ba276", source, for_audiences);
  REQUIRE_FALSE(wrong2);
  CHECK_THAT(wrong2.error().message, Catch::Contains("set up for audience exports"));
  CHECK(check_flow_spec_fits(audiences, "1a0514a6", source, for_audiences));
  CHECK(check_flow_spec_fits(both, "585c15c4", source, for_datasets));
  CHECK(check_flow_spec_fits(both, "585c15c4", source, for_audiences));
}

TEST_CASE("a number outside the schema's minimum and maximum is refused, given as a string too",
          "[spec_check]") {
  const json schema = json::parse(R"({"type":"object","properties":{
      "port":{"type":"integer","minimum":1,"maximum":65535},
      "ratio":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1}}})");
  struct Case {
    json params;
    std::string problem;  // empty: accepted
  };
  auto c =
      GENERATE(Case{{{"port", 22}}, ""}, Case{{{"port", "65535"}}, ""},
               Case{{{"port", 70000}}, "port must be at most 65535, got 70000"},
               Case{{{"port", "70000"}}, "port must be at most 65535, got 70000"},
               Case{{{"port", "0"}}, "port must be at least 1, got 0"},
               Case{{{"port", -5}}, "port must be at least 1, got -5"}, Case{{{"ratio", 0.5}}, ""},
               Case{{{"ratio", 0}}, "ratio must be above 0, got 0"},
               Case{{{"ratio", 1.0}}, "ratio must be below 1, got 1.0"});
  CAPTURE(c.params.dump());
  json params = c.params;
  auto check = check_params(schema, params);
  CHECK(check.describe() == c.problem);
}

TEST_CASE("params against a spec: required, required when, enums, types, patterns, unknown",
          "[spec]") {
  json schema = json::parse(R"({
    "properties": {"mode": {"type": "string", "enum": ["S3", "FTP"]},
                   "bucketName": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"},
                   "path": {"type": "string"}, "remotePath": {"type": "string"},
                   "port": {"type": "integer"}, "manifest": {"type": "boolean"}},
    "required": ["mode"],
    "allOf": [{"if": {"properties": {"mode": {"const": "S3"}}}, "then": {"required": ["bucketName", "path"]}}]})");
  json ok = {{"mode", "S3"},
             {"bucketName", "acme-exports"},
             {"path", "p"},
             {"port", "22"},
             {"manifest", "true"}};
  auto c = check_params(schema, ok);
  CHECK(c.ok());
  CHECK(ok["port"] == 22);  // converted for the user
  CHECK(ok["manifest"] == true);

  json missing = {{"mode", "S3"}, {"bucketName", "acme-exports"}};
  CHECK(check_params(schema, missing).describe() == "missing path (required when mode=S3)");
  json none = json::object();
  CHECK(check_params(schema, none).describe() == "missing mode");
  json bad = {{"mode", "GCS"}, {"bucketName", "UPPER_case"}, {"port", "twenty"}, {"extra", 1}};
  auto b = check_params(schema, bad);
  CHECK_FALSE(b.ok());
  CHECK(b.unknown == std::vector<std::string>{"extra"});
  CHECK_THAT(b.describe(), Catch::Contains("mode 'GCS' is not one of 'S3', 'FTP'"));
  CHECK_THAT(b.describe(), Catch::Contains("bucketName does not have the expected form"));
  CHECK_THAT(b.describe(), Catch::Contains("port must be an integer"));
  CHECK_THAT(b.describe(), !Catch::Contains("twenty"));
  CHECK_THAT(b.describe(), !Catch::Contains("UPPER_case"));  // values may be secrets
  // A value long enough to exhaust std::regex's stack is refused before it meets the pattern.
  json huge = {{"mode", "S3"}, {"bucketName", std::string(200'000, 'a')}, {"path", "p"}};
  CHECK_THAT(check_params(schema, huge).describe(),
             Catch::Contains("bucketName is longer than 1024 characters"));
}
