// A dry run that scripts can trust: the would-be writes go to stderr (or --dry-run-file), stdout
// carries the command's usual output marked "dryRun": true with no invented ID, a person reads
// "Would ...", logs show no invented answer, client credentials still get their token, and
// commands that change only local files refuse it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

const std::vector<std::string> kCreate = {"--sandbox", "dev",    "connection",
                                          "create",    "--name", "dry-base"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a dry run's JSON is the command's output, marked, with stdout free of curl",
          "[integration][dry-run]") {
  Emulator emu;
  auto r = aepflow(emu, with(kCreate, {"--dry-run", "-o", "json"}));
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json doc = json::parse(r.out);  // `aepflow ... --dry-run -o json | jq` works
  CHECK(doc["dryRun"] == true);
  CHECK(doc["id"].is_null());  // no invented ID to mistake for a real one
  CHECK(doc["etag"].is_null());
  CHECK_THAT(r.err, Catch::Contains("curl -X POST '" + emu.flow_service_url() + "/connections'"));
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("a dry run's -o id and --query print nothing for what was not created",
          "[integration][dry-run]") {
  Emulator emu;
  auto id = aepflow(emu, with(kCreate, {"--dry-run", "-o", "id"}));
  INFO(id.err);
  CHECK(id.code == 0);
  CHECK(id.out.empty());  // X=$(... -o id --dry-run) holds no curl text and no made-up ID
  CHECK_THAT(id.err, Catch::Contains("curl -X POST"));
  auto query = aepflow(emu, with(kCreate, {"--dry-run", "--query", "/id"}));
  CHECK(query.code == 0);
  CHECK(query.out.empty());
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("a dry run tells a person what would be done, never that it was",
          "[integration][dry-run]") {
  Emulator emu;
  auto created = aepflow(emu, with(kCreate, {"--dry-run", "-o", "table"}));
  INFO(created.err);
  CHECK(created.code == 0);
  CHECK_THAT(created.out, Catch::Contains("Would create") && !Catch::Contains("Created") &&
                              !Catch::Contains("00000000-0000-4000-8000"));

  const std::string base = test::id_of(aepflow(emu, with(kCreate, {"-o", "id"})));
  auto deleted = aepflow(
      emu, {"--sandbox", "dev", "connection", "delete", base, "--yes", "--dry-run", "-o", "json"});
  INFO(deleted.err);
  REQUIRE(deleted.code == 0);
  const json doc = json::parse(deleted.out);
  CHECK(doc["deleted"] == false);
  CHECK(doc["dryRun"] == true);
  CHECK(doc["id"] == base);  // a real ID stays
  CHECK_THAT(deleted.err, Catch::Contains("curl -X DELETE"));
  auto table = aepflow(
      emu, {"--sandbox", "dev", "connection", "delete", base, "--yes", "--dry-run", "-o", "table"});
  CHECK_THAT(table.out, Catch::StartsWith("Would delete") && !Catch::Contains("Deleted"));
  CHECK(aepflow(emu, {"--sandbox", "dev", "api", "GET", "/connections/" + base}).code == 0);
}

TEST_CASE("a dry run's log shows the writes as not sent, with no invented answer",
          "[integration][dry-run]") {
  Emulator emu;
  auto r = aepflow(emu, with(kCreate, {"--dry-run", "-vv", "-o", "json"}));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("> POST " + emu.flow_service_url() + "/connections") &&
                        Catch::Contains("< not sent (dry run)") && !Catch::Contains("< 201") &&
                        !Catch::Contains("00000000-0000-4000-8000-000000000001\"}"));
}

TEST_CASE("a dry run with client credentials and no cached token gets its token and succeeds",
          "[integration][dry-run][credentials]") {
  Emulator emu;
  auto env = test::client_env(emu);
  auto r =
      test::run_process(with({test::bin_dir() + "/aepflow"}, with(kCreate, {"--dry-run"})), env);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(json::parse(r.out)["dryRun"] == true);
  CHECK_THAT(r.err, !Catch::Contains("ims/token") && Catch::Contains("curl -X POST"));
  CHECK(r.err.find(env.at("TEST_CLIENT_SECRET")) == std::string::npos);
  CHECK(emu.count("tokenRequests") == 1);  // the token request is made: it changes nothing
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("the file of --dry-run-file takes the curl commands, and a name it cannot use is exit 2",
          "[integration][dry-run]") {
  Emulator emu;
  const std::string file = emu.home() + "/requests.sh";
  auto r = aepflow(emu, with(kCreate, {"--dry-run-file", file, "-o", "json"}));
  INFO(r.err);
  REQUIRE(r.code == 0);  // implies --dry-run
  CHECK(json::parse(r.out)["dryRun"] == true);
  CHECK_THAT(r.err, !Catch::Contains("curl"));
  CHECK_THAT(read(file), Catch::StartsWith("curl -X POST '" + emu.flow_service_url()));
  CHECK(emu.count("writes") == 0);

  // A file that cannot take them is an error, not a dry run that printed nothing.
  auto full = aepflow(emu, with(kCreate, {"--dry-run-file", "/dev/full", "-o", "json"}));
  CHECK(full.code == 1);
  CHECK_THAT(full.err, Catch::Contains("--dry-run-file /dev/full") &&
                           Catch::Contains("could not all be written"));

  for (const std::string& bad :
       std::vector<std::string>{"", "  ", emu.home() + "/no/such/folder/x.sh"}) {
    INFO("--dry-run-file '" << bad << "'");
    auto refused = aepflow(emu, with(kCreate, {"--dry-run-file", bad}));
    CHECK(refused.code == 2);
    CHECK_THAT(refused.err, Catch::Contains("--dry-run-file"));
    CHECK(refused.out.empty());
  }
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("commands that change only local files refuse --dry-run and change nothing",
          "[integration][dry-run]") {
  Emulator emu;
  const auto env = test::client_env(emu);
  const std::string aepflow = test::bin_dir() + "/aepflow";
  const std::string config = env.at("XDG_CONFIG_HOME") + "/aepflow/config.toml";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"config", "set", "sandbox", "dev", "--dry-run"},
        {"auth", "login", "--dry-run"},
        {"auth", "logout", "--dry-run"}}) {
    INFO(args[0] << " " << args[1]);
    auto r = test::run_process(with({aepflow}, args), env);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("--dry-run") && Catch::Contains("Nothing was changed"));
  }
  CHECK_FALSE(std::filesystem::exists(config));
  CHECK(emu.count("requests") == 0);
  CHECK(emu.count("tokenRequests") == 0);  // not even the token
}
