// aepflow doctor against the emulator: each check passes, and each one fails the way it should,
// with a fix and the exit code of what went wrong.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

// The checks by name: {status, detail, fix}.
std::map<std::string, json> checks_of(const test::Exit& r) {
  std::map<std::string, json> out;
  auto doc = json::parse(r.out);
  for (const auto& c : doc["checks"])
    out[c["name"]] = c;
  return out;
}

}  // namespace

TEST_CASE("doctor: every check passes with a working setup, a real token request included",
          "[integration][doctor]") {
  Emulator emu;
  auto env = test::client_env(emu);
  auto r = test::run_process({test::bin_dir() + "/aepflow", "doctor", "-o", "json"}, env);
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto checks = checks_of(r);
  for (const auto* name : {"config", "credentials", "service", "clock", "sandbox",
                           "read connectionSpecs", "read connections", "read sourceConnections",
                           "read targetConnections", "read flowSpecs", "read flows", "read runs"}) {
    INFO(name);
    REQUIRE(checks.count(name) == 1);
    CHECK(checks[name]["status"] == "ok");
  }
  CHECK_THAT(checks["credentials"]["detail"].get<std::string>(), Catch::Contains("valid until"));
  CHECK(json::parse(r.out)["ok"] == true);

  // The table: one line a check, nothing secret, at any verbosity.
  auto table =
      test::run_process({test::bin_dir() + "/aepflow", "-vv", "doctor", "-o", "table"}, env);
  CHECK(table.code == 0);
  CHECK_THAT(table.out, Catch::Contains("ok    read targetConnections"));
  CHECK(table.out.find("emulator-client-secret") == std::string::npos);
  CHECK(table.err.find("emulator-client-secret") == std::string::npos);
}

TEST_CASE("doctor: a wrong secret, sandbox or base URL fails its check with a fix",
          "[integration][doctor]") {
  Emulator emu;
  auto env = test::client_env(emu);
  env["TEST_CLIENT_SECRET"] = "not-the-secret";
  auto secret = test::run_process({test::bin_dir() + "/aepflow", "doctor", "-o", "json"}, env);
  CHECK(secret.code == 3);
  auto c = checks_of(secret);
  CHECK(c["credentials"]["status"] == "fail");
  CHECK_THAT(c["credentials"]["fix"].get<std::string>(), Catch::Contains("Developer Console"));
  CHECK(c["service"]["status"] == "skip");
  CHECK(secret.out.find("not-the-secret") == std::string::npos);

  auto sandbox = aepflow(emu, {"doctor", "--sandbox", "nosuch", "-o", "json"});
  CHECK(sandbox.code == 4);
  c = checks_of(sandbox);
  CHECK(c["service"]["status"] == "ok");
  CHECK(c["sandbox"]["status"] == "fail");
  CHECK_THAT(c["sandbox"]["fix"].get<std::string>(), Catch::Contains("AEP_SANDBOX"));

  auto unreachable =
      aepflow(emu, {"doctor", "-o", "json"}, {{"AEP_BASE_URL", "http://127.0.0.1:1/flowservice"}});
  CHECK(unreachable.code == 6);
  c = checks_of(unreachable);
  CHECK(c["service"]["status"] == "fail");
  CHECK_THAT(c["service"]["fix"].get<std::string>(), Catch::Contains("AEP_BASE_URL"));

  auto missing = aepflow(emu, {"doctor", "-o", "json"}, {{"AEP_ORG_ID", ""}});
  CHECK(missing.code == 2);
  c = checks_of(missing);
  CHECK(c["config"]["status"] == "fail");
  CHECK_THAT(c["config"]["detail"].get<std::string>(), Catch::Contains("AEP_ORG_ID"));
}

TEST_CASE("doctor: a refused read names the permission the step needs", "[integration][doctor]") {
  Emulator emu({"--fault", "action=status,status=403,method=GET,path=/targetConnections*"});
  auto r = aepflow(emu, {"doctor", "-o", "json"});
  CHECK(r.code == 3);
  auto c = checks_of(r);
  CHECK(c["read targetConnections"]["status"] == "fail");
  CHECK_THAT(c["read targetConnections"]["fix"].get<std::string>(),
             Catch::Contains("'View Destinations'") && Catch::Contains("Admin Console"));
  CHECK(c["read connections"]["status"] == "ok");
  CHECK(c["read flows"]["status"] == "ok");
}

TEST_CASE("doctor: the clock is compared with the service's Date header", "[integration][doctor]") {
  Emulator behind({"--clock-offset", "-900"});
  auto far = aepflow(behind, {"doctor", "-o", "json"});
  CHECK(far.code == 1);
  auto c = checks_of(far);
  CHECK(c["clock"]["status"] == "fail");
  CHECK_THAT(c["clock"]["detail"].get<std::string>(), Catch::Contains("ahead of the service"));
  CHECK_THAT(c["clock"]["fix"].get<std::string>(), Catch::Contains("set-ntp"));
  CHECK(c["read flows"]["status"] == "ok");  // the other checks still ran

  Emulator slightly({"--clock-offset", "120"});
  auto near = aepflow(slightly, {"doctor", "-o", "json"});
  CHECK(near.code == 0);
  c = checks_of(near);
  CHECK(c["clock"]["status"] == "warn");
  CHECK_THAT(c["clock"]["detail"].get<std::string>(), Catch::Contains("behind the service"));
}
