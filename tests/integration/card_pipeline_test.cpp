// Pipeline files for the current cloud-storage cards: file options beside the target's params,
// an SSH key file and an encryption key read when applying, a card with no credentials, and the
// spec's rules found by plan before anything is written.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

const std::string kRsaKey =
    "-----BEGIN RSA PRIVATE KEY-----\nTUlJRW93SUJBQUtDQVFFQTBaM1ZTMnRGTnBPRFN0\n"
    "-----END RSA PRIVATE KEY-----\n";
const std::string kPublicKey =
    "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGR0ZXN0\n-----END PGP PUBLIC KEY BLOCK-----\n";

std::string write(const Emulator& emu, const std::string& name, const std::string& text) {
  const std::string path = emu.home() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

std::string sftp_pipeline(const Emulator& emu, const std::string& key_file,
                          const std::string& file_type = "CSV") {
  return write(emu, "sftp.yaml",
               R"(pipelines:
  - name: sftp
    destination: SFTP
    connection:
      name: SFTP with a key
      authSpec: SFTP with SSH Key
      params:
        domain: sftp.example.com
        username: exports
        sshKey: file:)" +
                   key_file + R"(
      encryptionKey: file:)" +
                   emu.home() + R"(/public.asc
    target:
      name: SFTP files
      params: {remotePath: /exports}
      fileType: )" +
                   file_type + R"(
      compression: GZIP
      csvOptions: {delimiter: ";"}
      manifest: true
    flow:
      name: activate audiences (sftp)
    audienceDefaults: {startTime: "17:00", startDate: "2026-12-20"}
    audiences:
      - id: 9f7d37fd-7039-4454-94ef-2b0cd6c3206a
        name: Interested in Mountain Biking
)");
}

const std::map<std::string, std::string> kS3Secrets = {
    {"AMAZON_S3_ACCESS_KEY", "AKIAEXAMPLEKEY234567"},
    {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"}};

// The text of examples/pipelines/NAME.yaml.
std::string example_text(const std::string& name) {
  std::ifstream in(test::source_dir() + "/examples/pipelines/" + name + ".yaml");
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("a current SFTP card from a pipeline file: key file encoded, files encrypted",
          "[integration][pipeline][cards]") {
  Emulator emu;
  write(emu, "id_rsa", kRsaKey);
  write(emu, "public.asc", kPublicKey);
  const std::string file = sftp_pipeline(emu, emu.home() + "/id_rsa");
  auto apply = aepflow(emu, {"apply", "-f", file, "--yes", "-vv"});
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  // The key file's text, and its base64, appear nowhere.
  CHECK(apply.out.find("TUlJRW93") == std::string::npos);
  CHECK(apply.err.find("TUlJRW93") == std::string::npos);
  CHECK(aepflow(emu, {"plan", "-f", file, "--detailed-exitcode"}).code == 0);

  auto id = aepflow(emu, {"connection", "list", "--name", "SFTP with a key", "-o", "id"});
  REQUIRE(id.out.size() == 37);
  auto stored = aepflow(emu, {"api", "get", "/connections/" + id.out.substr(0, 36)});
  INFO(stored.err);
  REQUIRE(stored.code == 0);
  const json c = json::parse(stored.out)["items"][0];
  CHECK(c["encryption"]["specName"] == "File Encryption");
  CHECK(c["auth"]["params"]["sshKey"] != kRsaKey);

  auto target = aepflow(emu, {"target", "list", "--name", "SFTP files", "-o", "json"});
  const json params = json::parse(target.out)[0]["params"];
  CHECK(params["mode"] == "Server-to-server");  // the card's one mode, not in the file
  CHECK(params["csvOptions"] == json{{"delimiter", ";"}});
  CHECK(params["includeFileManifest"] == true);
}

TEST_CASE("a passphrase-protected key in a pipeline file: refused before any write",
          "[integration][pipeline][cards]") {
  Emulator emu;
  write(emu, "public.asc", kPublicKey);
  write(emu, "locked",
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB\n\n"
        "bG9ja2Vk\n-----END RSA PRIVATE KEY-----\n");
  auto apply = aepflow(emu, {"apply", "-f", sftp_pipeline(emu, emu.home() + "/locked"), "--yes"});
  CHECK(apply.code == 2);
  CHECK_THAT(apply.err, Catch::Contains("passphrase"));
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("plan finds a current card's spec rules in the file, with nothing written",
          "[integration][pipeline][cards]") {
  Emulator emu;
  write(emu, "id_rsa", kRsaKey);
  write(emu, "public.asc", kPublicKey);
  auto json_with_csv =
      aepflow(emu, {"plan", "-f", sftp_pipeline(emu, emu.home() + "/id_rsa", "JSON")});
  CHECK(json_with_csv.code == 2);
  CHECK_THAT(json_with_csv.err, Catch::Contains("csvOptions is only for fileType CSV"));

  const std::string no_auth = write(emu, "s3.yaml", R"(pipelines:
  - name: s3
    destination: Amazon S3
    connection: {name: S3}
    target: {name: t, params: {bucketName: acme, path: p}, fileType: CSV, compression: NONE}
    flow: {name: f}
)");
  auto plan = aepflow(emu, {"plan", "-f", no_auth});
  CHECK(plan.code == 2);
  CHECK_THAT(plan.err, Catch::Contains("Amazon S3 needs connection.authSpec: \"Access Key\" or "
                                       "\"Assumed Role\""));
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("Data Landing Zone from a pipeline file: no credentials, applied once",
          "[integration][pipeline][cards]") {
  Emulator emu;
  const std::string file = write(emu, "dlz.yaml", R"(pipelines:
  - name: dlz
    destination: Data Landing Zone
    connection: {name: "Data Landing Zone(DLZ) Base Connection"}
    target: {name: landing files, params: {path: exports}, fileType: PARQUET, compression: NONE}
    flow: {name: activate audiences (dlz)}
    audienceDefaults: {startTime: "17:00", startDate: "2026-12-20"}
    audiences: [9f7d37fd-7039-4454-94ef-2b0cd6c3206a]
)");
  auto apply = aepflow(emu, {"apply", "-f", file, "--yes"});
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  const auto writes = emu.count("writes");
  auto again = aepflow(emu, {"apply", "-f", file, "--yes"});
  CHECK(again.code == 0);
  CHECK(emu.count("writes") == writes);
}

TEST_CASE(
    "each current card's example pipeline applies with attributes and an identity, then "
    "plans no change",
    "[integration][pipeline][examples][cards]") {
  auto file = GENERATE(as<std::string>{}, "amazon-s3", "azure-blob-storage", "adls-gen2",
                       "data-landing-zone", "google-cloud-storage", "sftp");
  CAPTURE(file);
  Emulator emu;
  const std::string path = test::source_dir() + "/examples/pipelines/" + file + ".yaml";
  const std::map<std::string, std::string> env = {
      {"AMAZON_S3_ACCESS_KEY", "AKIAEXAMPLEKEY234567"},
      {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"},
      {"AZURE_BLOB_CONNECTION_STRING",
       "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=example-only"},
      {"ADLS_SERVICE_PRINCIPAL_ID", "00000000-0000-0000-0000-000000000001"},
      {"ADLS_SERVICE_PRINCIPAL_KEY", "example-only-principal-key"},
      {"GCS_ACCESS_KEY_ID", "GOOGEXAMPLEONLYACCESSKEYID"},
      {"GCS_SECRET_ACCESS_KEY", "exampleOnlyGcsSecretAccessKey00000000000"},
      {"SFTP_SSH_KEY", kRsaKey}};
  auto apply = aepflow(emu, {"apply", "-f", path, "--yes"}, env);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  const auto writes = emu.count("writes");
  auto plan = aepflow(emu, {"plan", "-f", path, "--detailed-exitcode"}, env);
  INFO(plan.out);
  CHECK(plan.code == 0);
  CHECK(aepflow(emu, {"apply", "-f", path, "--yes"}, env).code == 0);
  CHECK(emu.count("writes") == writes);  // the second apply writes nothing

  auto flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences (" + file + ")", "-o", "id"});
  REQUIRE(flow.out.size() == 37);
  const std::string identity = file == "azure-blob-storage" ? "ECID" : "Email";
  auto validate = aepflow(emu, {"flow", "validate", flow.out.substr(0, 36), "--expect-attribute",
                                "person.name.firstName", "--expect-attribute",
                                "personalEmail.address", "--expect-identity", identity,
                                "--expect-audience", "9f7d37fd-7039-4454-94ef-2b0cd6c3206a"});
  INFO(validate.err);
  CHECK(validate.code == 0);
}

TEST_CASE(
    "a pipeline file's attributes on a current card: one more is added, one fewer removed, "
    "the rest kept",
    "[integration][pipeline][cards]") {
  Emulator emu;
  const auto& env = kS3Secrets;
  const std::string text = example_text("amazon-s3");
  const std::string path = write(emu, "s3.yaml", text);
  REQUIRE(aepflow(emu, {"apply", "-f", path, "--yes"}, env).code == 0);
  auto flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences (amazon-s3)", "-o", "id"});
  REQUIRE(flow.out.size() == 37);
  const std::string id = flow.out.substr(0, 36);

  auto edit = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    write(emu, "s3.yaml", t);
  };
  edit("      - personalEmail.address\n",
       "      - personalEmail.address\n      - homeAddress.city\n");
  auto plan = aepflow(emu, {"plan", "-f", path, "-o", "table"}, env);
  CHECK_THAT(plan.out, Catch::Contains("homeAddress.city"));
  REQUIRE(aepflow(emu, {"apply", "-f", path, "--yes"}, env).code == 0);
  CHECK(aepflow(emu, {"flow", "validate", id, "--expect-attribute", "homeAddress.city",
                      "--expect-attribute", "person.name.firstName", "--expect-identity", "Email"})
            .code == 0);

  edit("      - person.name.lastName\n", "");
  REQUIRE(aepflow(emu, {"apply", "-f", path, "--yes"}, env).code == 0);
  CHECK(aepflow(emu, {"flow", "validate", id, "--expect-attribute", "person.name.lastName"}).code ==
        7);
  CHECK(aepflow(emu, {"flow", "validate", id, "--expect-attribute", "person.name.firstName",
                      "--expect-attribute", "personalEmail.address", "--expect-identity", "Email"})
            .code == 0);
  CHECK(aepflow(emu, {"plan", "-f", path, "--detailed-exitcode"}, env).code == 0);
}

TEST_CASE("plan checks a current card's file by its own rules: V2 filename macros, dedup keys",
          "[integration][pipeline][cards]") {
  Emulator emu;
  const auto& env = kS3Secrets;
  const std::string text = example_text("amazon-s3");
  auto with = [&](const std::string& name, const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return write(emu, name, t);
  };
  // A V2 macro the email-marketing rules do not know is a current card's to use.
  const std::string v2 =
      with("v2.yaml", "        name: Interested in Mountain Biking\n",
           "        name: Interested in Mountain Biking\n"
           "        filenameTemplate: \"%DESTINATION%_%SEGMENT_ID%_%TIMESTAMP%\"\n");
  auto ok = aepflow(emu, {"plan", "-f", v2}, env);
  INFO(ok.err);
  CHECK(ok.code == 0);
  const std::string bad = with("bad.yaml", "        name: Interested in Mountain Biking\n",
                               "        name: Interested in Mountain Biking\n"
                               "        filenameTemplate: \"%BUCKET%_%SEGMENT_ID%\"\n");
  auto refused = aepflow(emu, {"plan", "-f", bad}, env);
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("%BUCKET%"));
  const std::string mixed = with("mixed.yaml", "    identities: [Email]\n",
                                 "    identities: [Email]\n"
                                 "    dedupKeys: [identity:Email, person.name.lastName]\n");
  auto dedup = aepflow(emu, {"plan", "-f", mixed}, env);
  CHECK(dedup.code == 2);
  CHECK(emu.count("writes") == 0);
}
