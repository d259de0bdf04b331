// Pipeline files that change what exists: from stdin, a target's params changed in place (one
// PATCH, the same object), secrets rotated by apply --rotate-secrets; and flow deactivate with an
// activation file under an etag.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "audiences.hpp"
#include "pipeline_examples.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::kBiking;
using test::kLoyalty;

namespace {

const auto& kSecrets = test::kExampleSecrets;

std::string example_text() {
  std::ifstream in(test::example_pipeline());
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// aepflow with the file's text on stdin.
test::Exit piped(const Emulator& emu, std::vector<std::string> args, const std::string& text,
                 std::map<std::string, std::string> extra = kSecrets) {
  args.insert(args.begin(), test::bin_dir() + "/aepflow");
  auto env = emu.env();
  for (auto& [k, v] : extra)
    env[k] = v;
  return test::run_process(args, env, text);
}

std::string id_named(const Emulator& emu, const char* noun, const std::string& name) {
  auto r = aepflow(emu, {noun, "list", "--name", name, "-o", "id"});
  REQUIRE(r.out.size() == 37);
  return r.out.substr(0, 36);
}

}  // namespace

TEST_CASE("plan, apply and destroy read the pipeline file from stdin with -f -",
          "[integration][pipeline][stdin]") {
  Emulator emu;
  const std::string text = example_text();
  auto plan = piped(emu, {"plan", "-f", "-", "--detailed-exitcode", "-o", "table"}, text);
  INFO(plan.err);
  CHECK(plan.code == 7);
  CHECK_THAT(plan.out, Catch::Contains("Plan: 6 to create"));
  auto apply = piped(emu, {"apply", "-f", "-", "--yes"}, text);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK(piped(emu, {"plan", "-f", "-", "--detailed-exitcode"}, text).code == 0);
  // A mistake is placed in "(stdin)", at its line.
  auto bad = piped(emu, {"plan", "-f", "-"}, "pipelines:\n  - name: x\n    destinaton: y\n");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("(stdin):3"));
  auto empty = piped(emu, {"plan", "-f", "-"}, "");
  CHECK(empty.code == 2);
  auto destroy = piped(emu, {"destroy", "-f", "-", "--yes"}, text);
  INFO(destroy.err);
  REQUIRE(destroy.code == 0);
  CHECK(test::resource_names(emu).empty());
}

TEST_CASE("apply changes a target's path in place: one PATCH, the same target",
          "[integration][pipeline]") {
  Emulator emu;
  REQUIRE(aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, kSecrets).code == 0);
  const std::string target = id_named(emu, "target", "TargetConnection for Adobe Campaign");
  const std::string text =
      std::regex_replace(example_text(), std::regex("path: campaign/daily"), "path: c/moved");
  const long writes = emu.count("writes");
  auto apply = piped(emu, {"apply", "-f", "-", "--yes", "-o", "table"}, text);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK_THAT(apply.out, Catch::Contains("Updated target connection"));
  CHECK(emu.count("writes") == writes + 1);
  CHECK(id_named(emu, "target", "TargetConnection for Adobe Campaign") == target);
  const json params = emu.stored("prod", "targetConnections", target)["params"];
  CHECK(params["path"] == "c/moved");
  CHECK(params["bucketName"] == "acme-audience-exports");
}

TEST_CASE("apply --rotate-secrets sends the file's current secrets, and only then",
          "[integration][pipeline][secrets]") {
  Emulator emu;
  REQUIRE(aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, kSecrets).code == 0);
  const std::string conn = id_named(emu, "connection", "S3 Connection for Adobe Campaign");
  auto rotated = kSecrets;
  rotated["S3_SECRET_KEY"] = "s3-SECRET-rotated-02";
  // Without the flag, a changed secret cannot be seen: nothing to do.
  const long writes = emu.count("writes");
  auto same = aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, rotated);
  REQUIRE(same.code == 0);
  CHECK(emu.count("writes") == writes);
  auto plan = aepflow(
      emu, {"plan", "-f", test::example_pipeline(), "--rotate-secrets", "-o", "table"}, rotated);
  CHECK_THAT(plan.out,
             Catch::Contains("update    base connection") && Catch::Contains("env:S3_SECRET_KEY"));
  auto apply = aepflow(
      emu, {"-vv", "apply", "-f", test::example_pipeline(), "--rotate-secrets", "--yes"}, rotated);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK(emu.count("writes") == writes + 1);
  const json auth = emu.stored("prod", "connections", conn)["auth"]["params"];
  CHECK(auth["secretKey"] == "s3-SECRET-rotated-02");
  CHECK(auth["accessId"] == kSecrets.at("S3_ACCESS_ID"));
  CHECK((apply.out + apply.err + plan.out + plan.err).find("s3-SECRET") == std::string::npos);
}

TEST_CASE("flow deactivate takes an activation file and an etag", "[integration][activate]") {
  Emulator emu;
  REQUIRE(aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, kSecrets).code == 0);
  const std::string flow = id_named(emu, "flow", "activate audiences to Adobe Campaign");
  const std::string file = emu.home() + "/out.csv";
  std::ofstream(file) << "id,name\n" << kLoyalty << ",Loyalty members\n";
  const std::string old =
      json::parse(aepflow(emu, {"flow", "get", flow, "-o", "json"}).out)["etag"];
  // Some change since: the pinned etag is stale, exit 5, nothing removed.
  REQUIRE(aepflow(emu, {"flow", "update", flow, "--description", "changed"}).code == 0);
  auto stale = aepflow(emu, {"flow", "deactivate", flow, "--audiences-file", file, "--etag", old});
  CHECK(stale.code == 5);
  auto selectors = [&] {
    return emu.stored("prod", "flows",
                      flow)["transformations"][0]["params"]["segmentSelectors"]["selectors"];
  };
  CHECK(selectors().size() == 2);
  const std::string now =
      json::parse(aepflow(emu, {"flow", "get", flow, "-o", "json"}).out)["etag"];
  auto r = aepflow(
      emu, {"flow", "deactivate", flow, "--audiences-file", file, "--etag", now, "-o", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(json::parse(r.out)["audiences"]["removed"] == json::array({kLoyalty}));
  REQUIRE(selectors().size() == 1);
  CHECK(selectors()[0]["value"]["id"] == kBiking);
  // A file that does not parse names itself, and nothing is sent.
  std::ofstream(file) << "id\n" << kBiking << "\nseg 1\n";
  auto bad = aepflow(emu, {"flow", "deactivate", flow, "--audiences-file", file});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains(file + ": line 3: invalid audience ID 'seg 1'"));
  CHECK(selectors().size() == 1);
}

TEST_CASE("apply renames in place what the file renamed, and sets descriptions",
          "[integration][pipeline][rename]") {
  Emulator emu;
  REQUIRE(aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, kSecrets).code == 0);
  const std::string conn = id_named(emu, "connection", "S3 Connection for Adobe Campaign");
  const std::string target = id_named(emu, "target", "TargetConnection for Adobe Campaign");
  const std::string flow = id_named(emu, "flow", "activate audiences to Adobe Campaign");
  // The connection and the target renamed: found through the flow, which kept its name.
  std::string text = example_text();
  text = std::regex_replace(text, std::regex("name: S3 Connection for Adobe Campaign"),
                            "name: Campaign S3 (prod)\n      description: rotated yearly");
  text = std::regex_replace(text, std::regex("name: TargetConnection for Adobe Campaign"),
                            "name: \"Campaign files: daily\"");
  auto plan = piped(emu, {"plan", "-f", "-", "-o", "table"}, text);
  INFO(plan.out + plan.err);
  CHECK_THAT(
      plan.out,
      Catch::Contains("name: S3 Connection for Adobe Campaign -> Campaign S3 (prod)") &&
          Catch::Contains("description:  -> rotated yearly") &&
          Catch::Contains("name: TargetConnection for Adobe Campaign -> Campaign files: daily") &&
          Catch::Contains("Plan: 0 to create, 2 to update, 0 to replace"));
  long writes = emu.count("writes");
  auto apply = piped(emu, {"apply", "-f", "-", "--yes"}, text);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK(emu.count("writes") == writes + 2);  // one PATCH each, nothing made anew
  CHECK(emu.stored("prod", "connections", conn)["name"] == "Campaign S3 (prod)");
  CHECK(emu.stored("prod", "connections", conn)["description"] == "rotated yearly");
  CHECK(emu.stored("prod", "targetConnections", target)["name"] == "Campaign files: daily");
  CHECK(piped(emu, {"plan", "-f", "-", "--detailed-exitcode"}, text).code == 0);

  // Then the flow: found through its target, renamed and described in one PATCH.
  text = std::regex_replace(text, std::regex("name: activate audiences to Adobe Campaign"),
                            "name: Campaign daily export\n      description: \"Daily: loyalty\"");
  writes = emu.count("writes");
  auto renamed = piped(emu, {"apply", "-f", "-", "--yes"}, text);
  INFO(renamed.err);
  REQUIRE(renamed.code == 0);
  CHECK(emu.count("writes") == writes + 1);
  CHECK(emu.stored("prod", "flows", flow)["name"] == "Campaign daily export");
  CHECK(emu.stored("prod", "flows", flow)["description"] == "Daily: loyalty");
  CHECK(piped(emu, {"plan", "-f", "-", "--detailed-exitcode"}, text).code == 0);
  CHECK(test::resource_names(emu).size() == 5);

  // Descriptions are imported, and the import plans no change.
  auto imported = aepflow(emu, {"import", "--flow", flow});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  CHECK_THAT(imported.out, Catch::Contains("description: rotated yearly") &&
                               Catch::Contains("description: \"Daily: loyalty\""));
  const std::map<std::string, std::string> env = {
      {"CAMPAIGN_DAILY_EXPORT_ACCESS_ID", kSecrets.at("S3_ACCESS_ID")},
      {"CAMPAIGN_DAILY_EXPORT_SECRET_KEY", kSecrets.at("S3_SECRET_KEY")}};
  auto again = piped(emu, {"plan", "-f", "-", "--detailed-exitcode"}, imported.out, env);
  INFO(again.out + again.err);
  CHECK(again.code == 0);
}

TEST_CASE("plan says which secrets a changed credential sends, and checks their form",
          "[integration][pipeline][secrets]") {
  Emulator emu;
  // The credentials apply would refuse, plan refuses, before anything is made; the value unsaid.
  const std::string s3 = test::example_pipeline("amazon-s3");
  auto refused = aepflow(emu, {"plan", "-f", s3},
                         {{"AMAZON_S3_ACCESS_KEY", "not-an-access-key-XYZZY"},
                          {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"}});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("s3AccessKey"));
  CHECK(refused.err.find("XYZZY") == std::string::npos);

  // A readable param changed: the PATCH of /auth/params carries the secret too, and plan says so.
  const std::string sftp = test::example_pipeline("adobe-campaign-sftp-password");
  const std::map<std::string, std::string> pw = {{"SFTP_PASSWORD", "sftp-SECRET-0001"}};
  REQUIRE(aepflow(emu, {"apply", "-f", sftp, "--yes"}, pw).code == 0);
  std::ifstream in(sftp);
  const std::string text =
      std::regex_replace(std::string((std::istreambuf_iterator<char>(in)), {}),
                         std::regex("host: sftp.example.com"), "host: sftp2.example.com");
  auto plan = piped(emu, {"plan", "-f", "-", "-o", "table"}, text, pw);
  INFO(plan.out + plan.err);
  CHECK_THAT(plan.out, Catch::Contains("update    base connection") &&
                           Catch::Contains("params.host: sftp.example.com -> sftp2.example.com") &&
                           Catch::Contains("params.password: (secret) -> sent from "
                                           "env:SFTP_PASSWORD"));
}

TEST_CASE("a readable credential given by reference is compared as it reads, its value unsaid",
          "[integration][pipeline][secrets]") {
  Emulator emu;
  const std::string s3 = test::example_pipeline("amazon-s3");
  std::map<std::string, std::string> env = {
      {"AMAZON_S3_ACCESS_KEY", "AKIAEXAMPLEKEY234567"},
      {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"}};
  REQUIRE(aepflow(emu, {"apply", "-f", s3, "--yes"}, env).code == 0);
  CHECK(aepflow(emu, {"plan", "-f", s3, "--detailed-exitcode"}, env).code == 0);
  env["AMAZON_S3_ACCESS_KEY"] = "AKIAROTATEDKEY777777";
  auto plan = aepflow(emu, {"plan", "-f", s3, "--detailed-exitcode", "-o", "table"}, env);
  INFO(plan.out + plan.err);
  CHECK(plan.code == 7);
  CHECK_THAT(plan.out,
             Catch::Contains("params.s3AccessKey: (as stored) -> what env:AMAZON_S3_ACCESS_KEY "
                             "reads") &&
                 Catch::Contains("params.s3SecretKey: (secret) -> sent from "
                                 "env:AMAZON_S3_SECRET_KEY"));
  CHECK((plan.out + plan.err).find("AKIAROTATED") == std::string::npos);
  CHECK((plan.out + plan.err).find("AKIAEXAMPLE") == std::string::npos);
  REQUIRE(aepflow(emu, {"apply", "-f", s3, "--yes"}, env).code == 0);
  const std::string conn = id_named(emu, "connection", "Connect to Amazon S3");
  CHECK(emu.stored("prod", "connections", conn)["auth"]["params"]["s3AccessKey"] ==
        "AKIAROTATEDKEY777777");
  CHECK(aepflow(emu, {"plan", "-f", s3, "--detailed-exitcode"}, env).code == 0);
}

TEST_CASE("apply does not send again a change whose answer was lost", "[integration][pipeline]") {
  Emulator emu;
  REQUIRE(aepflow(emu, {"apply", "-f", test::example_pipeline(), "--yes"}, kSecrets).code == 0);
  const std::string target = id_named(emu, "target", "TargetConnection for Adobe Campaign");
  const std::string text =
      std::regex_replace(example_text(), std::regex("path: campaign/daily"), "path: c/lost");
  emu.admin(
      "POST", "/__emulator/faults",
      R"({"method":"PATCH","pathPrefix":"/targetConnections/","action":"drop-after","times":1})");
  const long writes = emu.count("writes");
  auto apply = piped(emu, {"apply", "-f", "-", "--yes"}, text);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  // The PATCH made (its answer lost), its retry refused (412), and after the re-read nothing more.
  CHECK(emu.count("writes") == writes + 2);
  CHECK(emu.stored("prod", "targetConnections", target)["params"]["path"] == "c/lost");
}
