// File options as target params, and the mode a card has one value for.
#include "aepflow/specs/file_options.hpp"

#include <catch2/catch.hpp>

#include "seed_specs.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

json spec(const std::string& id) {
  for (const auto& s : test::seed_catalogue("connection-specs.json")) {
    if (s["id"] == id) return s;
  }
  return {};
}

const std::string s3 = "4fce964d-3f37-408f-9778-e597338a21ee";

}  // namespace

TEST_CASE("parse_csv_option: KEY=VALUE, an empty value, backslash-t for a tab", "[file_options]") {
  CHECK(*parse_csv_option("delimiter=;") == std::pair<std::string, std::string>{"delimiter", ";"});
  CHECK(*parse_csv_option("delimiter=\\t") ==
        std::pair<std::string, std::string>{"delimiter", "\t"});
  CHECK(*parse_csv_option("quote=") == std::pair<std::string, std::string>{"quote", ""});
  CHECK(*parse_csv_option("nullValue=\"\"") ==
        std::pair<std::string, std::string>{"nullValue", "\"\""});
  auto bad = parse_csv_option("delimiter");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == ErrorKind::usage);
  CHECK_FALSE(parse_csv_option("=x"));
  auto control = parse_csv_option("\x1b[31m");
  REQUIRE_FALSE(control);
  CHECK_THAT(control.error().message, !Catch::Contains("\x1b"));
}

TEST_CASE("add_file_options names each option as the target spec does", "[file_options]") {
  FileOptions o;
  o.file_type = "CSV";
  o.compression = "GZIP";
  o.manifest = true;
  o.csv = {{"delimiter", ";"}, {"quote", ""}};
  json params = {{"bucketName", "acme"}};
  REQUIRE(add_file_options(spec(s3), o, params));
  CHECK(params == json{{"bucketName", "acme"},
                       {"fileType", "CSV"},
                       {"compression", "GZIP"},
                       {"includeFileManifest", true},
                       {"csvOptions", {{"delimiter", ";"}, {"quote", ""}}}});
}

TEST_CASE("add_file_options refuses a param given twice and an unknown CSV option",
          "[file_options]") {
  FileOptions o;
  o.file_type = "CSV";
  json params = {{"fileType", "JSON"}};
  auto twice = add_file_options(spec(s3), o, params);
  REQUIRE_FALSE(twice);
  CHECK_THAT(twice.error().message, Catch::Contains("fileType is given twice"));

  FileOptions csv;
  csv.csv = {{"lineSeparator", "\n"}};
  json p2 = json::object();
  auto unknown = add_file_options(spec(s3), csv, p2);
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("lineSeparator is not a CSV option"));
  CHECK_THAT(unknown.error().message, Catch::Contains("delimiter"));

  FileOptions dup;
  dup.csv = {{"quote", ""}, {"quote", "\""}};
  json p3 = json::object();
  CHECK_FALSE(add_file_options(spec(s3), dup, p3));

  // The email-marketing specs have no csvOptions.
  json p4 = json::object();
  auto legacy = add_file_options(spec("0b23e41a-cb4a-4321-a78f-3b654f5d7d97"), csv, p4);
  REQUIRE_FALSE(legacy);
  CHECK_THAT(legacy.error().message, Catch::Contains("takes no CSV options"));
}

TEST_CASE("default_mode fills the one mode a card has, and only then", "[file_options]") {
  json params = json::object();
  default_mode(spec(s3), params);
  CHECK(params["mode"] == "Server-to-server");
  json given = {{"mode", "FTP"}};
  default_mode(spec(s3), given);
  CHECK(given["mode"] == "FTP");
  json campaign = json::object();
  default_mode(spec("0b23e41a-cb4a-4321-a78f-3b654f5d7d97"), campaign);  // S3, AZURE_BLOB, FTP
  CHECK_FALSE(campaign.contains("mode"));
}
