// connection, target and flow update against the emulator: credentials rotated with the other
// params kept and the secret shown nowhere, a rotation that would wipe a secret refused, params
// changed one at a time, renames, the --etag guard, a concurrent change re-read and retried.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

constexpr const char* kAccessKey = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kOldSecret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY01";
constexpr const char* kNewSecret = "zQ9lrXUtnFEMIK7MDENGbPxRfiCYROTATEDKEY02";
constexpr const char* kOldPassword = "sftp-OLD-password-7f3a";
constexpr const char* kNewPassword = "sftp-NEW-password-91c2";

const std::map<std::string, std::string> kEnv = {{"S3_KEY", kAccessKey},
                                                 {"S3_SECRET", kOldSecret},
                                                 {"S3_SECRET2", kNewSecret},
                                                 {"PW", kOldPassword},
                                                 {"PW2", kNewPassword}};

test::Exit run(const Emulator& emu, const std::vector<std::string>& args) {
  return aepflow(emu, args, kEnv);
}

std::string s3_connection(const Emulator& emu) {
  return id_of(run(emu, {"connection", "create", "--name", "S3 exports", "--spec", "Amazon S3",
                         "--auth-spec", "Access Key", "--param", "s3AccessKey=env:S3_KEY",
                         "--param", "s3SecretKey=env:S3_SECRET", "-o", "id"}));
}

std::string s3_target(const Emulator& emu, const std::string& connection) {
  return id_of(
      run(emu, {"target", "create", "--name", "S3 files", "--base-connection", connection, "--spec",
                "Amazon S3", "--bucket", "acme-exports", "--path", "audiences/daily", "--file-type",
                "CSV", "--compression", "GZIP", "-o", "id"}));
}

json stored(const Emulator& emu, const std::string& collection, const std::string& id) {
  return emu.stored("prod", collection, id);
}

std::string etag_of(const Emulator& emu, const char* noun, const std::string& id) {
  return json::parse(run(emu, {noun, "get", id, "-o", "json"}).out)["etag"];
}

void check_hidden(const test::Exit& r, std::initializer_list<const char*> secrets) {
  for (const char* s : secrets) {
    CAPTURE(s);
    CHECK((r.out + r.err).find(s) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("connection update rotates an S3 secret: the access key survives, the etag changes",
          "[integration][update]") {
  Emulator emu;
  const std::string conn = s3_connection(emu);
  const std::string before = etag_of(emu, "connection", conn);
  auto r = run(emu, {"-vv", "connection", "update", conn, "--param", "s3SecretKey=env:S3_SECRET2",
                     "-o", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json answer = json::parse(r.out);
  CHECK(answer["changed"] == true);
  CHECK(answer["fields"] == json::array({"auth.params"}));
  CHECK(answer["etag"] != before);
  CHECK(etag_of(emu, "connection", conn) == answer["etag"]);
  const json auth = stored(emu, "connections", conn)["auth"];
  CHECK(auth["specName"] == "Access Key");
  CHECK(auth["params"]["s3AccessKey"] == kAccessKey);
  CHECK(auth["params"]["s3SecretKey"] == kNewSecret);
  CHECK(auth["params"].contains("authorizedDate"));
  check_hidden(r, {kOldSecret, kNewSecret});
  CHECK_THAT(r.err, Catch::Contains("PATCH"));  // -vv logged the request, without the secret

  // A dry run shows the PATCH and sends nothing; the secret is not in it either.
  const long writes = emu.count("writes");
  auto dry = aepflow(emu,
                     {"connection", "update", conn, "--param", "s3SecretKey=env:S3_SECRET",
                      "--dry-run", "-o", "table"},
                     kEnv);
  INFO(dry.err);
  REQUIRE(dry.code == 0);
  CHECK_THAT(dry.err, Catch::Contains("curl") && Catch::Contains("PATCH") &&
                          Catch::Contains("/connections/" + conn));
  CHECK_THAT(dry.out, Catch::Contains("Would update base connection"));
  check_hidden(dry, {kOldSecret, kNewSecret});
  CHECK(emu.count("writes") == writes);
  CHECK(stored(emu, "connections", conn)["auth"]["params"]["s3SecretKey"] == kNewSecret);

  // A secret the spec refuses: an error naming the param, never its value; nothing sent.
  auto bad = aepflow(emu, {"connection", "update", conn, "--param", "s3SecretKey=env:BAD"},
                     {{"BAD", "not-a-valid-secret-SECRETVALUE"}});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("s3SecretKey"));
  CHECK(bad.err.find("SECRETVALUE") == std::string::npos);
  CHECK(emu.count("writes") == writes);
}

TEST_CASE("connection update rotates an SFTP password and keeps the host and user",
          "[integration][update]") {
  Emulator emu;
  const std::string conn =
      id_of(run(emu, {"connection", "create", "--name", "SFTP", "--spec", "SFTP", "--auth-spec",
                      "SFTP with Password", "--param", "domain=sftp.example.com", "--param",
                      "username=exporter", "--param", "password=env:PW", "-o", "id"}));
  auto r = run(emu, {"-vv", "connection", "update", conn, "--param", "password=env:PW2"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json params = stored(emu, "connections", conn)["auth"]["params"];
  CHECK(params["domain"] == "sftp.example.com");
  CHECK(params["username"] == "exporter");
  CHECK(params["password"] == kNewPassword);
  check_hidden(r, {kOldPassword, kNewPassword});
}

TEST_CASE("a rotation that would wipe a secret is refused, naming it, and sends nothing",
          "[integration][update]") {
  Emulator emu;
  const std::string conn =
      id_of(run(emu, {"connection", "create", "--name", "Campaign S3", "--spec", "Adobe Campaign",
                      "--auth-spec", "S3", "--param", "accessId=env:S3_KEY", "--param",
                      "secretKey=env:S3_SECRET", "-o", "id"}));
  const long writes = emu.count("writes");
  auto r = run(emu, {"connection", "update", conn, "--param", "accessId=AKIAI44QH8DHBEXAMPLE"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("secretKey") && Catch::Contains("nothing was sent"));
  CHECK(emu.count("writes") == writes);
  CHECK(stored(emu, "connections", conn)["auth"]["params"]["secretKey"] == kOldSecret);
  // A connection without credentials has none to change.
  const std::string base =
      id_of(run(emu, {"connection", "create", "--name", "Profile Store", "-o", "id"}));
  auto none = run(emu, {"connection", "update", base, "--param", "x=y"});
  CHECK(none.code == 2);
  CHECK_THAT(none.err, Catch::Contains("no credentials"));
}

TEST_CASE("target update moves the path and keeps the bucket, and flow update renames",
          "[integration][update]") {
  Emulator emu;
  const std::string conn = s3_connection(emu);
  const std::string target = s3_target(emu, conn);
  const long writes = emu.count("writes");
  auto moved = run(emu, {"target", "update", target, "--path", "audiences/weekly", "-o", "table"});
  INFO(moved.err);
  REQUIRE(moved.code == 0);
  CHECK_THAT(moved.out, Catch::Contains("Updated target connection") && Catch::Contains("params"));
  CHECK(emu.count("writes") == writes + 1);
  json params = stored(emu, "targetConnections", target)["params"];
  CHECK(params["path"] == "audiences/weekly");
  CHECK(params["bucketName"] == "acme-exports");
  CHECK(params["compression"] == "GZIP");

  // File options one at a time: a CSV option, the manifest on and off.
  REQUIRE(
      run(emu, {"target", "update", target, "--csv-option", "delimiter=;", "--manifest"}).code ==
      0);
  params = stored(emu, "targetConnections", target)["params"];
  CHECK(params["csvOptions"]["delimiter"] == ";");
  CHECK(params["includeFileManifest"] == true);
  REQUIRE(run(emu, {"target", "update", target, "--no-manifest"}).code == 0);
  CHECK(stored(emu, "targetConnections", target)["params"]["includeFileManifest"] == false);
  // Checked against the card's spec as target create is: JSON files take no CSV options.
  auto refused = run(emu, {"target", "update", target, "--file-type", "JSON"});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("csvOptions"));
  REQUIRE(
      run(emu, {"target", "update", target, "--file-type", "JSON", "--remove-param", "csvOptions"})
          .code == 0);
  CHECK_FALSE(stored(emu, "targetConnections", target)["params"].contains("csvOptions"));
  auto typo = run(emu, {"target", "update", target, "--remove-param", "csvOption"});
  CHECK(typo.code == 2);
  CHECK_THAT(typo.err,
             Catch::Contains("csvOption: target connection " + target + " has no such param"));

  // The same value again: nothing sent, and it says so.
  const long now = emu.count("writes");
  auto same = run(emu, {"target", "update", target, "--path", "audiences/weekly", "-o", "json"});
  REQUIRE(same.code == 0);
  CHECK(json::parse(same.out)["changed"] == false);
  CHECK_THAT(same.err, Catch::Contains("nothing to send"));
  CHECK(emu.count("writes") == now);

  const std::string base = id_of(run(emu, {"connection", "create", "--name", "Base", "-o", "id"}));
  const std::string source = id_of(
      run(emu, {"source", "create", "--name", "Source", "--base-connection", base, "-o", "id"}));
  const std::string flow =
      id_of(run(emu, {"flow", "create", "--name", "Old name", "--flow-spec", "Amazon S3",
                      "--source", source, "--target", target, "-o", "id"}));
  auto renamed = run(emu, {"flow", "update", flow, "--name", "Daily loyalty export",
                           "--description", "to S3", "-o", "json"});
  INFO(renamed.err);
  REQUIRE(renamed.code == 0);
  const json f = stored(emu, "flows", flow);
  CHECK(f["name"] == "Daily loyalty export");
  CHECK(f["description"] == "to S3");
  CHECK(json::parse(renamed.out)["fields"] == json::array({"name", "description"}));
}

TEST_CASE("a stale --etag is exit 5 and sends nothing, and a change made meanwhile is retried",
          "[integration][update]") {
  Emulator emu;
  const std::string conn = s3_connection(emu);
  const std::string target = s3_target(emu, conn);
  const std::string old = etag_of(emu, "target", target);
  REQUIRE(run(emu, {"target", "update", target, "--path", "a/b"}).code == 0);
  const long writes = emu.count("writes");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"target", "update", target, "--path", "c/d", "--etag", old},
           {"connection", "update", conn, "--name", "x", "--etag", "\"00000000-stale\""}}) {
    auto r = run(emu, args);
    CAPTURE(args);
    CHECK(r.code == 5);
    CHECK_THAT(r.err, Catch::Contains("nothing was sent"));
  }
  CHECK(emu.count("writes") == writes);
  CHECK(stored(emu, "targetConnections", target)["params"]["path"] == "a/b");

  // The current etag given: it applies.
  auto pinned = run(
      emu, {"target", "update", target, "--path", "c/d", "--etag", etag_of(emu, "target", target)});
  CHECK(pinned.code == 0);

  // Another writer changes the target just before the PATCH: re-read, re-planned, sent again.
  emu.admin("POST", "/__emulator/faults",
            R"({"method":"PATCH","pathPrefix":"/targetConnections/","action":"touch","times":1})");
  auto retried = run(emu, {"target", "update", target, "--path", "e/f", "-o", "json"});
  INFO(retried.err);
  REQUIRE(retried.code == 0);
  CHECK(json::parse(retried.out)["attempts"] == 2);
  CHECK(stored(emu, "targetConnections", target)["params"]["path"] == "e/f");
  // With the etag pinned, the same race is final.
  emu.admin("POST", "/__emulator/faults",
            R"({"method":"PATCH","pathPrefix":"/connections/","action":"touch","times":1})");
  auto lost = run(emu, {"connection", "update", conn, "--name", "y", "--etag",
                        etag_of(emu, "connection", conn)});
  CHECK(lost.code == 5);
  CHECK(stored(emu, "connections", conn)["name"] == "S3 exports");
}

TEST_CASE("bad input to update is a usage error naming it", "[integration][update]") {
  Emulator emu;
  const std::string conn = s3_connection(emu);
  const long writes = emu.count("writes");
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const std::vector<Case> cases = {
      {{"connection", "update", conn}, "nothing to update"},
      {{"connection", "update", "not-a-uuid", "--name", "x"}, "UUID"},
      {{"connection", "update", conn, "--name", ""}, "--name must not be empty"},
      {{"flow", "update", conn, "--name", " \t"}, "blank"},
      {{"connection", "update", conn, "--name", "x", "--etag", " "}, "etag"},
      {{"target", "update", conn, "--manifest", "--no-manifest"}, "contradict"},
      {{"flow", "update", conn}, "nothing to update"},
      {{"connection", "update", conn, "--param", "s3SecretKey=env:UNSET_VARIABLE_X"},
       "UNSET_VARIABLE_X"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    auto r = run(emu, c.args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.says));
  }
  auto missing =
      run(emu, {"connection", "update", "8256cfb4-17e6-432c-a469-6aedafb16cd5", "--name", "x"});
  CHECK(missing.code == 4);
  CHECK(emu.count("writes") == writes);
}

TEST_CASE("output that cannot be written in full is exit 1, and a directory is no file",
          "[integration][update][hostile]") {
  Emulator emu;
  const std::string conn = s3_connection(emu);
  auto env = emu.env();
  auto full = test::run_process(
      {"sh", "-c", test::bin_dir() + "/aepflow connection get " + conn + " -o json > /dev/full"},
      env);
  CHECK(full.code == 1);
  CHECK_THAT(full.err, Catch::Contains("could not be written"));
  auto dir = run(emu, {"plan", "-f", emu.home()});
  CHECK(dir.code == 2);
  CHECK_THAT(dir.err, Catch::Contains("is a directory"));
  // CLI11's own messages keep their lines: no literal \n.
  auto twice = run(emu, {"flow", "update", conn, "--name", "a", "--name", "b"});
  CHECK(twice.code == 2);
  CHECK(twice.err.find("\\n") == std::string::npos);
}
