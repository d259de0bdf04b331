// Pipelines written as a pipeline file read back as the same pipelines, whatever their names
// hold; and the names import derives for pipelines and secret variables.
#include <catch2/catch.hpp>

#include "aepflow/pipeline_file/emit.hpp"
#include "aepflow/pipeline_file/export.hpp"

using namespace aepflow;
using nlohmann::json;
using namespace std::string_literals;

namespace {

PipelineSpec sample(const std::string& name) {
  PipelineSpec p;
  p.name = "p1";
  p.destination = "Amazon S3";
  p.profile_base_name = "base: " + name;
  p.source_name = name + " source";
  p.connection_name = name;
  p.auth_spec = "Access Key";
  p.auth_params = {{"s3AccessKey", "env:P1_S3_ACCESS_KEY"}, {"port", 22}, {"host", "007"}};
  p.target_name = name;
  p.target_params = {
      {"bucketName", "true"},
      {"path", name},
      {"fileType", "CSV"},
      {"compression", "GZIP"},
      {"csvOptions", {{"delimiter", "\t"}, {"quote", "\""}}},
      {"includeFileManifest", true},
      {"nested", {{"list", json::array({1, "2", false})}, {"empty", json::object()}}}};
  p.flow_name = name;
  p.flow_spec = "71471eba-b620-49e4-90fd-23f1fa0174d8";
  AudienceSpec a;
  a.id = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
  a.name = name;
  a.description = "line one\nline two";
  a.filename_template = "%DESTINATION_NAME%_%SEGMENT_ID%";
  a.start_date = "2026-12-20";
  a.start_time = "17:00";
  p.audiences.push_back(a);
  p.attributes = {"person.name.firstName", "identityMap.Email"};
  p.identities = {"Email"};
  p.mandatory = {"person.name.firstName"};
  p.dedup_keys = {DedupKey::parse("identity:Email")};
  return p;
}

void check_same(const PipelineSpec& a, const PipelineSpec& b) {
  CHECK(a.name == b.name);
  CHECK(a.destination == b.destination);
  CHECK(a.profile_base_name == b.profile_base_name);
  CHECK(a.source_name == b.source_name);
  CHECK(a.connection_name == b.connection_name);
  CHECK(a.auth_spec == b.auth_spec);
  CHECK(a.auth_params == b.auth_params);
  CHECK(a.target_name == b.target_name);
  CHECK(a.target_params == b.target_params);
  CHECK(a.flow_name == b.flow_name);
  CHECK(a.flow_spec == b.flow_spec);
  REQUIRE(a.audiences.size() == b.audiences.size());
  for (std::size_t i = 0; i < a.audiences.size(); ++i) {
    CHECK(a.audiences[i].id == b.audiences[i].id);
    CHECK(a.audiences[i].name == b.audiences[i].name);
    CHECK(a.audiences[i].description == b.audiences[i].description);
    CHECK(a.audiences[i].filename_template == b.audiences[i].filename_template);
    CHECK(a.audiences[i].start_date == b.audiences[i].start_date);
    CHECK(a.audiences[i].start_time == b.audiences[i].start_time);
    CHECK(a.audiences[i].end_date == b.audiences[i].end_date);
  }
  CHECK(a.attributes == b.attributes);
  CHECK(a.identities == b.identities);
  CHECK(a.mandatory == b.mandatory);
  CHECK(a.dedup_keys == b.dedup_keys);
}

}  // namespace

TEST_CASE("a written pipeline file reads back as the same pipelines, whatever the names hold",
          "[pipeline][import]") {
  const std::vector<std::string> names = {
      "plain name",
      "quote \" and 'single' and back\\slash",
      "colon: here # not a comment",
      "line one\nline two\r\nthree",
      "nul \0 and bell \a, escape \x1b, del \x7f"s,
      "tab\there",
      "- starts like a list item",
      "[looks] {like} &flow *alias !tag %yaml @at `tick`",
      "true",
      "null",
      "~",
      "007",
      "17:00",
      "  padded  ",
      "trailing:",
      "unicode: caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\xb4",
      "next line \xc2\x85 line sep \xe2\x80\xa8 para \xe2\x80\xa9 bom \xef\xbb\xbf c1 \xc2\x9b",
  };
  for (const auto& name : names) {
    CAPTURE(name);
    const PipelineSpec p = sample(name);
    const std::string text = pipeline_file_text({p}, {"a comment\nwith a line break"});
    CAPTURE(text);
    auto parsed = parse_pipeline_file(text, "imported.yaml");
    INFO((parsed ? std::string() : parsed.error().message));
    REQUIRE(parsed);
    REQUIRE(parsed->pipelines.size() == 1);
    check_same(parsed->pipelines[0], p);
  }
}

TEST_CASE("file options are written beside the target's params", "[pipeline][import]") {
  const std::string text = pipeline_file_text({sample("x")});
  CHECK_THAT(text, Catch::Contains("      fileType: CSV\n      compression: GZIP\n"));
  CHECK_THAT(text, Catch::Contains("      csvOptions:\n        delimiter: \"\\t\"\n"));
  CHECK_THAT(text, Catch::Contains("      manifest: true\n"));
  CHECK_THAT(text, Catch::Contains("        bucketName: \"true\"\n"));
  CHECK_THAT(text, Catch::Contains("        port: 22\n"));
  CHECK_THAT(text, Catch::Contains("        host: \"007\"\n"));
}

TEST_CASE("import's names: pipelines from flow names, variables from pipeline and param",
          "[pipeline][import]") {
  CHECK(pipeline_name_of("activate audiences (amazon-s3)") == "activate-audiences-amazon-s3");
  CHECK(pipeline_name_of("  \xe6\x97\xa5\xe6\x9c\xac  ") == "pipeline");
  CHECK(pipeline_name_of("Loyalty: Gold/Silver") == "loyalty-gold-silver");
  CHECK(secret_variable_of("campaign-s3", "secretKey") == "CAMPAIGN_S3_SECRET_KEY");
  CHECK(secret_variable_of("amazon-s3", "s3SecretKey") == "AMAZON_S3_S3_SECRET_KEY");
  CHECK(secret_variable_of("adls", "servicePrincipalKey") == "ADLS_SERVICE_PRINCIPAL_KEY");
  CHECK(secret_variable_of("3rd", "password") == "AEP_3RD_PASSWORD");
}
