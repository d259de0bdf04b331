// HttpPipeline files: what they say, and every mistake named by file, line and key.
#include <catch2/catch.hpp>

#include "aepflow/pipeline_file/parse.hpp"
#include "terminal/dry_run.hpp"

using namespace aepflow;

namespace {

constexpr const char* kGood = R"(pipelines:
  - name: campaign
    destination: Adobe Campaign
    connection:
      name: S3 for Campaign
      authSpec: S3
      params:
        accessId: env:S3_ID
        secretKey: file:/run/secrets/s3
    target:
      name: Campaign files
      params:
        mode: S3
        bucketName: acme
        path: "007"
        port: 22
        includeFileManifest: true
    flow:
      name: campaign flow
    audienceDefaults:
      startTime: "17:00"
      frequency: DAILY
    audiences:
      - 9f7d37fd-7039-4454-94ef-2b0cd6c3206a
      - id: 25768be6-ebd5-45cc-8913-12fb3f348613
        name: Loyalty
        frequency: ONCE
    attributes: [person.name.firstName]
    mandatoryFields: [person.name.firstName]
    dedupKeys: [identity:Email]
)";

}  // namespace

TEST_CASE("a pipeline file: names, params with their types, audiences with defaults",
          "[pipeline-file]") {
  auto m = parse_pipeline_file(kGood, "p.yaml");
  REQUIRE(m);
  REQUIRE(m->pipelines.size() == 1);
  const auto& p = m->pipelines[0];
  CHECK(p.name == "campaign");
  CHECK(p.line == 2);
  CHECK(p.profile_base_name == "Profile Store for campaign");
  CHECK(p.auth_params["secretKey"] == "file:/run/secrets/s3");
  CHECK(p.target_params["path"] == "007");  // quoted: stays a string
  CHECK(p.target_params["port"] == 22);
  CHECK(p.target_params["includeFileManifest"] == true);
  REQUIRE(p.audiences.size() == 2);
  CHECK(p.audiences[0].id == "9f7d37fd-7039-4454-94ef-2b0cd6c3206a");
  CHECK(p.audiences[0].frequency == "DAILY");
  CHECK(p.audiences[0].start_time == "17:00");
  CHECK(p.audiences[1].frequency == "ONCE");  // its own value wins over the defaults
  CHECK(p.audiences[1].name == "Loyalty");
  CHECK_FALSE(p.audiences[1].filename_template);  // left to apply's defaults
  CHECK(p.dedup_keys.at(0).kind == DedupKey::Kind::identity);

  // JSON is YAML too.
  auto j = parse_pipeline_file(
      R"({"pipelines":[{"name":"a","destination":"sftp","connection":{"name":"c","authSpec":"SFTP with Password","params":{"host":"h","password":"env:PW"}},"target":{"name":"t"},"flow":{"name":"f"}}]})",
      "p.json");
  REQUIRE(j);
  CHECK(j->pipelines[0].auth_params["host"] == "h");
}

TEST_CASE("pipeline file mistakes name the file, the line and the key", "[pipeline-file]") {
  struct Bad {
    std::string text;
    std::string says;
  };
  const std::string head =
      "pipelines:\n  - name: p\n    destination: sftp\n"
      "    connection:\n      name: c\n      authSpec: A\n";
  const std::string tail = "    target:\n      name: t\n    flow:\n      name: f\n";
  auto bad = GENERATE_COPY(
      Bad{"", "p.yaml:1: the file is empty"}, Bad{"pipelines: [\n", "p.yaml:2: not valid YAML"},
      Bad{"pipeline: []\n", "p.yaml:1: pipeline: unknown key (expected one of: pipelines)"},
      Bad{"pipelines: []\n", "p.yaml:1: pipelines: expected a list of at least one pipeline"},
      Bad{head + tail + "    colour: red\n",
          "p.yaml:11: pipelines[0].colour: unknown key (expected one of: attributes, "},
      Bad{head + "      params:\n        password: hunter2\n" + tail,
          "p.yaml:8: pipelines[0].connection.params.password: a secret must be a reference"},
      Bad{head + tail + "    audiences:\n      - id: a\n        startTme: \"17:00\"\n",
          "p.yaml:13: pipelines[0].audiences[0].startTme: unknown key"},
      Bad{head + tail + "    audiences:\n      - a\n      - a\n",
          "p.yaml:13: pipelines[0].audiences[1].id: audience a is listed twice"},
      Bad{head + tail +
              "    audiences:\n      - 9F7D37FD-7039-4454-94EF-2B0CD6C3206A\n"
              "      - \" 9f7d37fd-7039-4454-94ef-2b0cd6c3206a\"\n",
          "p.yaml:13: pipelines[0].audiences[1].id: audience "
          "9f7d37fd-7039-4454-94ef-2b0cd6c3206a is listed twice"},
      Bad{head + tail + "    audiences:\n      - \"seg 1\"\n",
          "p.yaml:12: pipelines[0].audiences[0].id: invalid audience ID 'seg 1'"},
      Bad{head + tail + "    attributes: [person..name]\n",
          "p.yaml:11: pipelines[0].attributes[0]: 'person..name' is not an XDM path"},
      Bad{head + tail + "    attributes: person.name\n",
          "p.yaml:11: pipelines[0].attributes: expected a list of strings"},
      Bad{head + "    target:\n      name: [t]\n    flow:\n      name: f\n",
          "p.yaml:8: pipelines[0].target.name: expected a string"},
      Bad{"pipelines:\n  - name: p\n    destination: sftp\n" + tail,
          "p.yaml:2: pipelines[0].connection: is required"},
      Bad{head + "    target:\n      name: t\n    flow:\n      flowSpec: x\n",
          "p.yaml:10: pipelines[0].flow.name: is required"});
  CAPTURE(bad.text);
  auto m = parse_pipeline_file(bad.text, "p.yaml");
  REQUIRE_FALSE(m);
  CHECK(m.error().kind == ErrorKind::usage);
  CHECK_THAT(m.error().message, Catch::StartsWith(bad.says));
}

TEST_CASE("two pipelines cannot share a name or a dataflow", "[pipeline-file]") {
  std::string one =
      "  - name: p\n    destination: sftp\n    connection: {name: c, authSpec: A}\n"
      "    target: {name: t}\n    flow: {name: f}\n";
  auto m = parse_pipeline_file("pipelines:\n" + one + one, "p.yaml");
  REQUIRE_FALSE(m);
  CHECK_THAT(m.error().message, Catch::StartsWith("p.yaml:7: pipelines[1].name: pipeline 'p' is "
                                                  "defined twice"));
}

TEST_CASE("a dry-run request reads as a curl command to paste", "[pipeline-file][dry-run]") {
  Request r;
  r.method = Method::post;
  r.path = "/connections";
  r.headers = {{"Authorization", "Bearer SECRET-token"},
               {"x-api-key", "key-12345678"},
               {"x-sandbox-name", "dev"},
               {"x-request-id", "r"}};
  r.body = R"({"name":"it's","auth":{"specName":"S3","params":{"secretKey":"S3-SECRET"}}})";
  const std::string curl = cli::as_curl(r, "https://h/connections");
  CHECK(curl ==
        "curl -X POST 'https://h/connections' \\\n"
        "  -H \"Authorization: Bearer $AEP_ACCESS_TOKEN\" \\\n"
        "  -H \"x-api-key: $AEP_API_KEY\" \\\n"
        "  -H 'x-sandbox-name: dev' \\\n"
        "  --data-raw '{\"auth\":{\"params\":{\"secretKey\":\"***\"},\"specName\":\"S3\"},"
        "\"name\":\"it'\\''s\"}'");
}

TEST_CASE("a current card's pipeline: file options beside the params, encryption, no auth",
          "[pipeline-file][cards]") {
  auto m = parse_pipeline_file(R"(pipelines:
  - name: s3
    destination: Amazon S3
    connection:
      name: S3
      authSpec: Access Key
      params: {s3AccessKey: env:K, s3SecretKey: env:S}
      encryptionKey: file:~/keys/public.asc
    target:
      name: files
      params: {bucketName: acme, path: "a/%SEGMENT_NAME%"}
      fileType: CSV
      compression: GZIP
      csvOptions: {delimiter: "\t", quote: ""}
      manifest: true
    flow: {name: f}
  - name: dlz
    destination: Data Landing Zone
    connection: {name: landing}
    target: {name: t, fileType: PARQUET, compression: NONE, manifest: false, params: {path: x}}
    flow: {name: g}
)",
                               "p.yaml");
  REQUIRE(m);
  const auto& s3 = m->pipelines[0];
  CHECK(s3.encryption_key == "file:~/keys/public.asc");
  CHECK(s3.target_params == nlohmann::json{{"bucketName", "acme"},
                                           {"path", "a/%SEGMENT_NAME%"},
                                           {"fileType", "CSV"},
                                           {"compression", "GZIP"},
                                           {"csvOptions", {{"delimiter", "\t"}, {"quote", ""}}},
                                           {"includeFileManifest", true}});
  const auto& dlz = m->pipelines[1];
  CHECK(dlz.auth_spec.empty());
  CHECK(dlz.target_params ==
        nlohmann::json{{"path", "x"}, {"fileType", "PARQUET"}, {"compression", "NONE"}});
}

TEST_CASE("file options given twice, or of the wrong shape, name the line and the key",
          "[pipeline-file][cards]") {
  const std::string head =
      "pipelines:\n  - name: p\n    destination: s3\n    connection: {name: c}\n"
      "    flow: {name: f}\n    target:\n      name: t\n";
  struct Bad {
    std::string text, says;
  };
  auto bad = GENERATE_COPY(
      Bad{head + "      params: {fileType: JSON}\n      fileType: CSV\n",
          "p.yaml:9: pipelines[0].target.fileType: is given twice"},
      Bad{head + "      csvOptions: [a]\n",
          "p.yaml:8: pipelines[0].target.csvOptions: expected a "
          "mapping"},
      Bad{head + "      manifest: yes please\n",
          "p.yaml:8: pipelines[0].target.manifest: expected true or false"},
      Bad{"pipelines:\n  - name: p\n    destination: s3\n    connection:\n      name: c\n"
          "      params: {s3AccessKey: env:K}\n    flow: {name: f}\n    target: {name: t}\n",
          "p.yaml:5: pipelines[0].connection.authSpec: is required with params"});
  CAPTURE(bad.text);
  auto m = parse_pipeline_file(bad.text, "p.yaml");
  REQUIRE_FALSE(m);
  CHECK_THAT(m.error().message, Catch::StartsWith(bad.says));
}
