// Applies of one file at the same time, on one machine (they wait for each other) and on several
// (each settles on the oldest of what the racers made), a file whose names already have
// duplicates, and the soak: many applies at once under faults of every kind.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "audiences.hpp"
#include "pipeline_examples.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

using test::example_pipeline;
const auto& kSecrets = test::kExampleSecrets;

std::string example_file() {
  return example_pipeline();
}

// `runs` applies of the example at once; run i on "machine" i % machines (its own cache folder,
// so its own locks).
std::vector<test::Exit> racing_applies(const Emulator& emu, int runs, int machines) {
  std::vector<std::future<test::Exit>> running;
  for (int i = 0; i < runs; ++i) {
    std::map<std::string, std::string> env = kSecrets;
    env["XDG_CACHE_HOME"] = emu.home() + "/cache-" + std::to_string(i % machines);
    running.push_back(std::async(std::launch::async, [&emu, env] {
      return aepflow(emu, {"apply", "-f", example_file(), "--yes", "-o", "table"}, env);
    }));
  }
  std::vector<test::Exit> done;
  for (auto& r : running)
    done.push_back(r.get());
  return done;
}

// One of each of the five resources the example names, and a plan with nothing to do.
void check_one_of_each(const Emulator& emu) {
  auto names = test::resource_names(emu);
  CHECK(names.size() == 5);
  for (const auto& [name, count] : names) {
    CAPTURE(name);
    CHECK(count == 1);
  }
  auto plan = aepflow(emu, {"plan", "-f", example_file(), "--detailed-exitcode"}, kSecrets);
  INFO(plan.out << plan.err);
  CHECK(plan.code == 0);
}

// The example applied, then a second Profile Store base connection of its name, with a source
// connection named `source` on it: {base, source}.
std::pair<std::string, std::string> applied_then_second_base(const Emulator& emu,
                                                             const std::string& source) {
  REQUIRE(aepflow(emu, {"apply", "-f", example_file(), "--yes"}, kSecrets).code == 0);
  auto base = test::id_of(aepflow(emu, {"connection", "create", "--name",
                                        "Base connection to Experience Platform", "-o", "id"}));
  return {base, test::id_of(aepflow(emu, {"source", "create", "--name", source, "--base-connection",
                                          base, "-o", "id"}))};
}

}  // namespace

TEST_CASE("applies of one file at once on one machine wait for each other: one of each",
          "[integration][race]") {
  // Every request takes 300 ms: the four applies overlap whatever the machine's speed.
  Emulator emu({"--fault", "action=latency,latency=300"});
  auto runs = racing_applies(emu, 4, 1);
  bool waited = false;
  for (const auto& r : runs) {
    INFO(r.err);
    CHECK(r.code == 0);
    waited = waited || r.err.find(
                           "waiting for another apply or destroy of pipeline campaign-s3 "
                           "on this machine") != std::string::npos;
  }
  CHECK(waited);
  emu.admin("DELETE", "/__emulator/faults");
  check_one_of_each(emu);
}

TEST_CASE("applies racing on several machines settle on the oldest of each: one of each",
          "[integration][race]") {
  Emulator emu({"--fault", "action=latency,latency=300"});
  auto runs = racing_applies(emu, 4, 4);
  for (const auto& r : runs) {
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("waiting for another apply") == std::string::npos);
  }
  emu.admin("DELETE", "/__emulator/faults");
  check_one_of_each(emu);
}

TEST_CASE("a file whose names already have duplicates is repaired by apply, not stuck",
          "[integration][race]") {
  Emulator emu;
  // A second Profile Store base connection and a source connection on it, of the file's names,
  // and a second destination base connection: what two racing applies could leave.
  auto [base, source] = applied_then_second_base(emu, "Connecting to Profile Store");
  auto dest = test::id_of(
      aepflow(emu,
              {"connection", "create", "--name", "S3 Connection for Adobe Campaign", "--spec",
               "Adobe Campaign", "--auth-spec", "S3", "--param", "accessId=env:S3_ACCESS_ID",
               "--param", "secretKey=env:S3_SECRET_KEY", "-o", "id"},
              kSecrets));

  auto plan = aepflow(emu, {"plan", "-f", example_file(), "-o", "json"}, kSecrets);
  INFO(plan.err);
  REQUIRE(plan.code == 0);
  CHECK(json::parse(plan.out)["summary"]["destroy"] == 3);
  CHECK(aepflow(emu, {"plan", "-f", example_file(), "--detailed-exitcode"}, kSecrets).code == 7);

  auto apply = aepflow(emu, {"apply", "-f", example_file(), "--yes", "-o", "table"}, kSecrets);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  CHECK_THAT(apply.out, Catch::Contains("Deleted duplicate source connection \"Connecting to "
                                        "Profile Store\" (" +
                                        source + ")"));
  CHECK_THAT(apply.out, Catch::Contains(base) && Catch::Contains(dest));
  check_one_of_each(emu);
  // The flow still validates: what was kept is what it uses.
  auto flow =
      aepflow(emu, {"flow", "list", "--name", "activate audiences to Adobe Campaign", "-o", "id"});
  auto validate =
      aepflow(emu, {"flow", "validate", test::id_of(flow), "--expect-audience", test::kBiking});
  INFO(validate.err);
  CHECK(validate.code == 0);

  // destroy, too, is never stuck on a name used twice: it deletes every one.
  REQUIRE(aepflow(emu,
                  {"connection", "create", "--name", "S3 Connection for Adobe Campaign", "--spec",
                   "Adobe Campaign", "--auth-spec", "S3", "--param", "accessId=env:S3_ACCESS_ID",
                   "--param", "secretKey=env:S3_SECRET_KEY"},
                  kSecrets)
              .code == 0);
  auto destroy = aepflow(emu, {"destroy", "-f", example_file(), "--yes"}, kSecrets);
  INFO(destroy.err);
  CHECK(destroy.code == 0);
  CHECK(test::resource_names(emu).empty());
}

TEST_CASE("a duplicate that something outside the file uses is kept, and said so",
          "[integration][race]") {
  Emulator emu;
  // A newer base connection of the file's name, under a source connection the file does not name.
  auto [base, other] = applied_then_second_base(emu, "someone else's");
  auto plan =
      aepflow(emu, {"plan", "-f", example_file(), "--detailed-exitcode", "-o", "table"}, kSecrets);
  INFO(plan.out << plan.err);
  CHECK(plan.code == 0);
  CHECK_THAT(plan.out, Catch::Contains("keep      duplicate Profile Store base connection") &&
                           Catch::Contains("used by source connection " + other));
  auto apply = aepflow(emu, {"apply", "-f", example_file(), "--yes"}, kSecrets);
  INFO(apply.err);
  CHECK(apply.code == 0);
  CHECK(test::resource_names(emu)["Base connection to Experience Platform"] == 2);
}

TEST_CASE("soak: many applies of one file at once with 20% faults of every kind, then one more",
          "[integration][soak][race]") {
  // AEPFLOW_RACE_SOAK_RUNS sets how many run at once (the sanitizer build runs fewer).
  const int runs = test::runs_from_env("AEPFLOW_RACE_SOAK_RUNS", 50);
  Emulator emu(test::soak_emulator_args("20261202"));
  // Five machines: the applies on one wait for each other, those on different ones race.
  auto results = racing_applies(emu, runs, 5);
  int succeeded = 0;
  for (const auto& r : results) {
    INFO(r.err);
    if (r.code == 0) {
      ++succeeded;
      continue;
    }
    // A failure is one clear line, never a crash.
    CHECK(r.code < 128);
    CHECK_THAT(r.err, Catch::Contains("error: "));
    CHECK(r.err.find("internal error") == std::string::npos);
  }
  INFO(succeeded << " of " << runs << " applies succeeded; faults: " << emu.count("faults"));
  CHECK(emu.count("faults") > 0);
  emu.admin("DELETE", "/__emulator/faults");
  auto last = aepflow(emu, {"apply", "-f", example_file(), "--yes"}, kSecrets);
  INFO(last.err);
  REQUIRE(last.code == 0);
  check_one_of_each(emu);
}
