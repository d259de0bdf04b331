// plan, apply and destroy against the emulator: a whole destination from one file, applied
// again with no write, finished after an interruption at any step, and removed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
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

using test::example_pipeline;
const auto& kSecrets = test::kExampleSecrets;

std::string example_file() {
  return example_pipeline();
}

test::Exit run(const Emulator& emu, std::vector<std::string> args) {
  return aepflow(emu, args, kSecrets);
}

// A copy of the example with `edit` applied to its text.
std::string edited(const Emulator& emu, const std::string& name,
                   const std::function<std::string(std::string)>& edit) {
  std::ifstream in(example_file());
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::string path = emu.home() + "/" + name;
  std::ofstream(path) << edit(text);
  return path;
}

void check_complete(const Emulator& emu) {
  auto n = test::resource_names(emu);
  CHECK(n.size() == 5);
  for (const auto& [name, count] : n) {
    CAPTURE(name);
    CHECK(count == 1);
  }
  auto flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences to Adobe Campaign", "-o", "id"});
  REQUIRE(flow.out.size() == 37);
  auto validate =
      aepflow(emu, {"flow", "validate", flow.out.substr(0, 36), "--expect-audience", kBiking,
                    "--expect-audience", kLoyalty, "--expect-attribute", "personalEmail.address"});
  INFO(validate.err);
  CHECK(validate.code == 0);
}

}  // namespace

TEST_CASE("apply creates everything, validates, and a second apply writes nothing",
          "[integration][pipeline]") {
  Emulator emu;
  auto plan = run(emu, {"plan", "-f", example_file(), "--detailed-exitcode", "-o", "json"});
  CHECK(plan.code == 7);
  CHECK(json::parse(plan.out)["summary"]["create"] == 6);
  CHECK(emu.count("writes") == 0);  // plan only reads

  auto apply = run(emu, {"apply", "-f", example_file(), "--yes", "-o", "table"});
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK_THAT(apply.out, Catch::Contains("Applied "));
  CHECK(emu.count("writes") == 6);  // five creates and one PATCH with every export
  check_complete(emu);

  const long writes = emu.count("writes");
  auto again = run(emu, {"apply", "-f", example_file(), "--yes", "-o", "table"});
  CHECK(again.code == 0);
  CHECK_THAT(again.out, Catch::StartsWith("No changes"));
  CHECK(emu.count("writes") == writes);
  CHECK(run(emu, {"plan", "-f", example_file(), "--detailed-exitcode"}).code == 0);

  // Destroy: flows first, then what they used; nothing left, and nothing more to destroy.
  auto destroy = run(emu, {"destroy", "-f", example_file(), "--yes", "-o", "table"});
  INFO(destroy.err);
  CHECK(destroy.code == 0);
  CHECK(destroy.out.find("Deleted dataflow") < destroy.out.find("Deleted target connection"));
  CHECK(test::resource_names(emu).empty());
  CHECK_THAT(run(emu, {"destroy", "-f", example_file(), "--yes", "-o", "table"}).out,
             Catch::StartsWith("Nothing to destroy"));
}

TEST_CASE("apply overlaps what does not depend on each other, and reads no flow it just made",
          "[integration][pipeline]") {
  // Every request takes 150 ms at the emulator: long enough that requests sent together are seen
  // in flight together.
  Emulator emu({"--fault", "action=latency,latency=150"});
  auto apply = run(emu, {"apply", "-f", example_file(), "--yes", "-o", "table"});
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  // The plan: the connection spec, the flow spec and the five look-ups by name; then each create's
  // look-up of its name again (did a racing apply make one too?). The writes: two bases, source
  // and target, the flow, one PATCH planned against the flow as created (no read before it).
  CHECK(emu.count("reads") == 12);
  CHECK(emu.count("writes") == 6);
  // The plan's reads go out together, and so do the Profile Store and destination branches.
  CHECK(emu.count("maxInFlight") >= 3);
  check_complete(emu);
}

TEST_CASE("plan shows each kind of change, and apply makes it", "[integration][pipeline]") {
  Emulator emu;
  REQUIRE(run(emu, {"apply", "-f", example_file(), "--yes"}).code == 0);
  const std::string changed = edited(emu, "changed.yaml", [](std::string t) {
    t = std::regex_replace(t, std::regex("startTime: \"17:00\""), "startTime: \"18:00\"");
    t = std::regex_replace(t, std::regex("path: campaign/daily"), "path: campaign/weekly");
    t = std::regex_replace(t, std::regex("      - person.name.lastName\n"), "");
    auto loyalty = t.find("      - id: 25768be6");
    return t.erase(loyalty, t.find("    attributes:") - loyalty);
  });
  auto plan = run(emu, {"plan", "-f", changed, "-o", "table", "--detailed-exitcode"});
  CHECK(plan.code == 7);
  CHECK_THAT(plan.out, Catch::StartsWith("Pipeline campaign-s3 in sandbox "));
  CHECK_THAT(plan.out, Catch::Contains("update    target connection") &&
                           Catch::Contains("params.path: campaign/daily -> campaign/weekly"));
  CHECK_THAT(plan.out,
             Catch::Contains("~ audience " + std::string(kBiking) + ": startTime: 17:00 -> 18:00"));
  CHECK_THAT(plan.out, Catch::Contains("- audience " + std::string(kLoyalty)));
  CHECK_THAT(plan.out, Catch::Contains("- attribute person.name.lastName"));
  CHECK_THAT(plan.out, Catch::Contains("Plan: 0 to create, 2 to update, 0 to replace"));

  const long before = emu.count("writes");
  REQUIRE(run(emu, {"apply", "-f", changed, "--yes"}).code == 0);
  // The target's PATCH, one PATCH removing, one PATCH changing the schedule.
  CHECK(emu.count("writes") == before + 3);
  CHECK(run(emu, {"plan", "-f", changed, "--detailed-exitcode"}).code == 0);
  auto flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences to Adobe Campaign", "-o", "id"});
  auto audiences =
      json::parse(aepflow(emu, {"flow", "get", flow.out.substr(0, 36), "-o", "json"})
                      .out)["transformations"][0]["params"]["segmentSelectors"]["selectors"];
  REQUIRE(audiences.size() == 1);
  CHECK(audiences[0]["value"]["schedule"]["startTime"] == "18:00");

  // A new auth spec cannot be changed in place: refused without --replace, nothing written.
  const std::string replaced = edited(emu, "replaced.yaml", [](std::string t) {
    t = std::regex_replace(t, std::regex("        accessId: env:S3_ACCESS_ID\n"),
                           "        domain: example.com\n        host: sftp.example.com\n"
                           "        username: u\n");
    t = std::regex_replace(t, std::regex("secretKey: env:S3_SECRET_KEY"), "password: env:PW");
    return std::regex_replace(t, std::regex("authSpec: S3"), "authSpec: SFTP with Password");
  });
  const long writes = emu.count("writes");
  auto env = kSecrets;
  env["PW"] = "sftp-SECRET-0002";  // plan reads every reference, as apply does
  auto refused = aepflow(emu, {"apply", "-f", replaced, "--yes"}, env);
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains("only with --replace") &&
                              Catch::Contains("auth spec: S3 -> SFTP with Password"));
  CHECK(emu.count("writes") == writes);

  // With --replace: the flow, target and base connection are deleted and made again; the
  // Profile Store connections stay; one of each name remains, and the exports are back.
  auto old_flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences to Adobe Campaign", "-o", "id"});
  auto replace = aepflow(emu, {"apply", "-f", replaced, "--yes", "--replace"}, env);
  INFO(replace.err);
  REQUIRE(replace.code == 0);
  check_complete(emu);
  auto new_flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences to Adobe Campaign", "-o", "id"});
  CHECK(new_flow.out != old_flow.out);
  CHECK(aepflow(emu, {"flow", "get", old_flow.out.substr(0, 36)}).code == 4);
  CHECK(aepflow(emu, {"plan", "-f", replaced, "--detailed-exitcode"}, env).code == 0);
}

TEST_CASE("a changed schedule alone is one PATCH", "[integration][pipeline]") {
  Emulator emu;
  REQUIRE(run(emu, {"apply", "-f", example_file(), "--yes"}).code == 0);
  const std::string later = edited(emu, "later.yaml", [](std::string t) {
    return std::regex_replace(t, std::regex("endDate: \"2026-12-31\""), "endDate: \"2027-01-31\"");
  });
  const long writes = emu.count("writes");
  auto apply = run(emu, {"apply", "-f", later, "--yes"});
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK(emu.count("writes") == writes + 1);
  CHECK(run(emu, {"plan", "-f", later, "--detailed-exitcode"}).code == 0);
}

TEST_CASE("an apply stopped after any step is finished by the next one, with no duplicate",
          "[integration][pipeline]") {
  struct Step {
    const char* method;
    const char* path;
    int skip;  // earlier matching requests that are let through
  };
  // Apply's writes in order: Profile Store base, source, destination base, target, flow, exports.
  const std::vector<Step> steps = {{"POST", "/connections", 0}, {"POST", "/sourceConnections", 0},
                                   {"POST", "/connections", 1}, {"POST", "/targetConnections", 0},
                                   {"POST", "/flows", 0},       {"PATCH", "/flows/*", 0}};
  for (std::size_t k = 0; k < steps.size(); ++k) {
    for (const char* how : {"stop", "answer-lost"}) {
      CAPTURE(k, how);
      Emulator emu;
      const Step& s = steps[k];
      json fault = {{"method", s.method}, {"path", s.path}, {"skip", s.skip}};
      if (std::string(how) == "stop") {
        // Every later attempt at this step fails: the run ends with steps before it done.
        fault["action"] = "500";
      } else {
        // The step is done but its answer never arrives.
        fault["action"] = "drop-after";
        fault["times"] = 1;
      }
      emu.admin("POST", "/__emulator/faults", fault.dump());
      auto first = run(emu, {"apply", "-f", example_file(), "--yes", "--retries", "1"});
      INFO(first.err);
      if (std::string(how) == "stop") {
        CHECK(first.code != 0);
        CHECK_THAT(first.err, Catch::StartsWith("error: apply pipeline campaign-s3"));
        CHECK(first.err.find("internal error") == std::string::npos);
        emu.admin("DELETE", "/__emulator/faults");
        auto second = run(emu, {"apply", "-f", example_file(), "--yes"});
        INFO(second.err);
        CHECK(second.code == 0);
      } else {
        CHECK(first.code == 0);
      }
      check_complete(emu);
      const long writes = emu.count("writes");
      CHECK(run(emu, {"apply", "-f", example_file(), "--yes"}).code == 0);
      CHECK(emu.count("writes") == writes);
    }
  }
}

TEST_CASE("params the connection spec refuses are found by plan, in the file",
          "[integration][pipeline]") {
  Emulator emu;
  const std::string bad = edited(emu, "bad.yaml", [](std::string t) {
    t = std::regex_replace(t, std::regex("        bucketName: acme-audience-exports\n"), "");
    return std::regex_replace(t, std::regex("authSpec: S3"), "authSpec: S4");
  });
  auto plan = run(emu, {"plan", "-f", bad});
  CHECK(plan.code == 2);
  CHECK_THAT(plan.err, Catch::StartsWith("error: " + bad +
                                         ":5: pipeline campaign-s3: "
                                         "auth spec 'S4' is not one of"));
  const std::string bad_time = edited(emu, "bad-time.yaml", [](std::string t) {
    return std::regex_replace(t, std::regex("startTime: \"17:00\""), "startTime: \"17:30\"");
  });
  auto rules = run(emu, {"apply", "-f", bad_time, "--yes"});
  CHECK(rules.code == 2);
  CHECK_THAT(rules.err, Catch::Contains("audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a: "
                                        "schedule.startTime '17:30' must be on the hour"));
  const std::string no_bucket = edited(emu, "no-bucket.yaml", [](std::string t) {
    return std::regex_replace(t, std::regex("        bucketName: acme-audience-exports\n"), "");
  });
  auto missing = run(emu, {"apply", "-f", no_bucket, "--yes"});
  CHECK(missing.code == 2);
  CHECK_THAT(missing.err,
             Catch::Contains("target spec of Adobe Campaign") && Catch::Contains("bucketName"));
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("apply --dry-run prints the requests as curl commands and sends no write",
          "[integration][pipeline][secrets]") {
  Emulator emu;
  auto dry = run(emu, {"apply", "-f", example_file(), "--dry-run", "-o", "table"});
  INFO(dry.err);
  CHECK(dry.code == 0);
  CHECK(emu.count("writes") == 0);
  // The requests go to stderr; stdout says what would be done.
  CHECK_THAT(dry.err, Catch::Contains("curl -X POST '" + emu.flow_service_url() + "/connections'"));
  CHECK_THAT(dry.err, Catch::Contains("curl -X PATCH"));
  CHECK_THAT(dry.err, Catch::Contains("-H \"Authorization: Bearer $AEP_ACCESS_TOKEN\""));
  CHECK_THAT(dry.out, !Catch::Contains("curl") && Catch::Contains("Would create") &&
                          !Catch::Contains("Created"));
  for (const auto& [name, secret] : kSecrets) {
    if (name == "S3_SECRET_KEY") CHECK((dry.out + dry.err).find(secret) == std::string::npos);
  }
  CHECK((dry.out + dry.err).find("emulator-token") == std::string::npos);
}

TEST_CASE("each destination's example pipeline file applies, then plans no change",
          "[integration][pipeline][examples]") {
  auto file = GENERATE(as<std::string>{}, "adobe-campaign-s3", "adobe-campaign-sftp-password",
                       "adobe-campaign-sftp-key", "adobe-campaign-azure-blob", "oracle-eloqua",
                       "oracle-responsys", "salesforce-marketing-cloud", "amazon-s3-legacy",
                       "azure-blob-legacy", "sftp-legacy");
  CAPTURE(file);
  Emulator emu;
  const std::string path = test::source_dir() + "/examples/pipelines/" + file + ".yaml";
  std::map<std::string, std::string> env = kSecrets;
  env.insert({{"SFTP_PASSWORD", "sftp-SECRET-0001"},
              {"SFTP_SSH_KEY", "-----BEGIN OPENSSH PRIVATE KEY-----\nexample\n"},
              {"AZURE_BLOB_CONNECTION_STRING",
               "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=example-only"},
              {"AMAZON_S3_ACCESS_KEY", "AKIAEXAMPLEKEY234567"},
              {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"}});
  auto apply = aepflow(emu, {"apply", "-f", path, "--yes"}, env);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK(aepflow(emu, {"plan", "-f", path, "--detailed-exitcode"}, env).code == 0);
  CHECK(test::resource_names(emu).size() == 5);
}

TEST_CASE(
    "apply refuses a flow spec that does not fit the file's connections, as flow create "
    "does",
    "[integration][pipeline]") {
  Emulator emu;
  // Oracle Responsys's flow spec for an Adobe Campaign destination.
  const std::string responsys = "51d675ce-e270-408d-91fc-22717bdf2148";
  const std::string file = edited(emu, "wrong-flow-spec.yaml", [&](std::string t) {
    return std::regex_replace(t, std::regex("    flow:\n"),
                              "    flow:\n      flowSpec: " + responsys + "\n");
  });
  auto plan = run(emu, {"apply", "-f", file, "--yes"});
  CHECK(plan.code == 2);
  CHECK(emu.count("writes") == 0);
  const std::string why =
      "flow spec Profile export to Oracle Responsys (" + responsys +
      ") does not export to Adobe Campaign (0b23e41a-cb4a-4321-a78f-3b654f5d7d97), the spec of "
      "target connection ";
  const std::string hint =
      "; for Adobe Campaign use the flow spec \"Adobe Campaign\" "
      "(71471eba-b620-49e4-90fd-23f1fa0174d8)";
  CHECK_THAT(plan.err, Catch::Contains(why + "\"TargetConnection for Adobe Campaign\"" + hint));

  // flow create says the same of the same connections, named by ID.
  REQUIRE(run(emu, {"apply", "-f", example_file(), "--yes"}).code == 0);
  auto id_of = [&](const char* noun, const char* name) {
    auto r = run(emu, {noun, "list", "--name", name, "-o", "id"});
    REQUIRE(r.code == 0);
    return r.out.substr(0, 36);
  };
  const std::string source = id_of("source", "Connecting to Profile Store");
  const std::string target = id_of("target", "TargetConnection for Adobe Campaign");
  auto create = run(emu, {"flow", "create", "--name", "x", "--flow-spec", responsys, "--source",
                          source, "--target", target});
  CHECK(create.code == 2);
  CHECK_THAT(create.err, Catch::Contains(why + target + hint));
}
