// specs get and list.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

TEST_CASE("specs get shows what each auth spec and the target need", "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs/0b23e41a-cb4a-4321-a78f-3b654f5d7d97", 200, R"({"items":[{
      "id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","name":"Adobe Campaign",
      "authSpec":[{"name":"S3","spec":{"properties":{"accessId":{"type":"string"},
                   "secretKey":{"type":"string","format":"password"}},"required":["accessId","secretKey"]}}],
      "targetSpec":{"spec":{"properties":{"mode":{"enum":["S3","FTP"]},"bucketName":{},"remotePath":{},
                   "format":{"enum":["CSV"]}},"required":["mode"],
                   "allOf":[{"if":{"properties":{"mode":{"const":"S3"}}},"then":{"required":["bucketName"]}},
                            {"if":{"properties":{"mode":{"const":"FTP"}}},"then":{"required":["remotePath"]}}]}}}]})");
  auto r = run_cli(with_credentials({"specs", "get", "Adobe Campaign", "-o", "table"}), f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Auth spec \"S3\""));
  CHECK(has_line(r.out, "required", "accessId, secretKey"));
  CHECK(has_line(r.out, "secret", "secretKey"));
  CHECK(has_line(r.out, "required", "mode"));
  CHECK(has_line(r.out, "when mode=S3", "bucketName"));
  CHECK(has_line(r.out, "when mode=FTP", "remotePath"));
  CHECK(has_line(r.out, "mode is one of", "S3 | FTP"));
  CHECK(has_line(r.out, "optional", "format"));
}

TEST_CASE("specs list filters by name and prints one ID per line with -o id", "[commands]") {
  auto f = fake();
  f->on(
      Method::get, "/connectionSpecs", 200,
      R"j({"items":[{"id":"a","name":"Adobe Campaign"},{"id":"b","name":"Amazon S3"},{"id":"c","name":"Amazon S3 (enhanced)"}]})j");
  auto r = run_cli(with_credentials({"specs", "list", "--name", "s3", "-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(r.out == "b\nc\n");
}

TEST_CASE("specs list --from-file reads a saved catalogue: no credentials, no request",
          "[commands]") {
  const std::map<std::string, std::string> files = {
      {"saved.json",
       R"j({"items":[{"id":"a","name":"Adobe Campaign"},{"id":"b","name":"Amazon S3"}]})j"},
      {"array.json", R"j([{"id":"c","name":"SFTP"},{"id":"d","name":"Amazon S3 (enhanced)"}])j"},
      {"broken.json", R"j({"items":[)j"},
      {"object.json", R"j({"id":"x"})j"}};
  auto f = fake();  // no stubs: any request would fail the command
  auto saved = run_cli({"specs", "list", "--from-file", "saved.json", "-o", "id"}, f, {}, files);
  CHECK(saved.code == 0);
  CHECK(saved.out == "a\nb\n");
  auto array =
      run_cli({"flowspecs", "list", "--from-file", "array.json", "--name", "s3", "-o", "json"}, f,
              {}, files);
  CHECK(array.code == 0);
  CHECK(nlohmann::json::parse(array.out) ==
        nlohmann::json::parse(R"j([{"id":"d","name":"Amazon S3 (enhanced)"}])j"));
  CHECK(f->sent.empty());
  for (auto [file, says] : {std::pair{"broken.json", "not valid JSON"},
                            std::pair{"object.json", "expected a list answer"},
                            std::pair{"missing.json", "No such file"}}) {
    auto bad = run_cli({"specs", "list", "--from-file", file}, f, {}, files);
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err,
               Catch::Contains(std::string("--from-file ") + file) && Catch::Contains(says));
  }
}

TEST_CASE("specs get \"Amazon S3\" is today's card, and the retired one warns",
          "[commands][specs]") {
  auto f = fake();
  test::stub_connection_spec(*f, "4fce964d-3f37-408f-9778-e597338a21ee");
  auto now = run_cli(with_credentials({"specs", "get", "Amazon S3", "-o", "id"}), f);
  CHECK(now.code == 0);
  CHECK(now.out == "4fce964d-3f37-408f-9778-e597338a21ee\n");
  CHECK(now.err.empty());

  auto g = fake();
  test::stub_connection_spec(*g, "4890fc95-5a1f-4983-94bb-e060c08e3f81");
  test::stub_connection_spec(*g, "4890fc95-5a1f-4983-94bb-e060c08e3f81");
  for (const char* name : {"Amazon S3 (legacy)", "4890fc95-5a1f-4983-94bb-e060c08e3f81"}) {
    auto old = run_cli(with_credentials({"specs", "get", name, "-o", "id"}), g);
    CHECK(old.code == 0);
    CHECK(old.out == "4890fc95-5a1f-4983-94bb-e060c08e3f81\n");
    CHECK_THAT(old.err, Catch::StartsWith("warning: Amazon S3 (legacy)") &&
                            Catch::Contains("use \"Amazon S3\""));
  }
}

TEST_CASE("specs get s3 shows each auth kind's params, encryption, and the file options",
          "[commands][cards]") {
  const std::string id = "4fce964d-3f37-408f-9778-e597338a21ee";
  auto f = fake();
  test::stub_connection_spec(*f, id);
  auto r = run_cli(with_credentials({"specs", "get", "s3", "-o", "table"}), f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Auth spec \"Access Key\""));
  CHECK_THAT(r.out, Catch::Contains("s3AccessKey, s3SecretKey"));
  CHECK_THAT(r.out, Catch::Contains("Auth spec \"Assumed Role\""));
  CHECK_THAT(r.out, Catch::Contains("s3Role"));
  CHECK_THAT(r.out, Catch::Contains("AWS account 670664943635"));
  CHECK_THAT(r.out, Catch::Contains("File encryption (--encryption-key @public.asc)"));
  CHECK_THAT(r.out, Catch::Contains("only for fileType=CSV"));
  CHECK_THAT(r.out, Catch::Contains("only for audience exports"));
  CHECK_THAT(r.out, Catch::Contains("only for dataset exports"));
  // A tab delimiter reads \t, the empty value is named: the table stays readable.
  CHECK_THAT(r.out, Catch::Contains("csvOptions.delimiter is one of"));
  CHECK_THAT(r.out, Catch::Contains("\\t"));
  CHECK_THAT(r.out, Catch::Contains("(empty)"));
  CHECK_THAT(r.out, !Catch::Contains("\t"));
}
