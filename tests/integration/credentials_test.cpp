// OAuth server-to-server end to end: the real binary, the emulator's IMS endpoint, the disk cache.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "process.hpp"

using nlohmann::json;
using test::Emulator;
using test::Exit;
using test::id_of;

namespace {

constexpr const char* kSegment = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";

Exit run(const std::map<std::string, std::string>& env, std::vector<std::string> args) {
  args.insert(args.begin(), test::bin_dir() + "/aepflow");
  return test::run_process(args, env);
}

void post(const Emulator& emu, const std::string& path) {
  REQUIRE(test::run_process({"curl", "-sf", "-d", "", emu.url() + path}).code == 0);
}

}  // namespace

TEST_CASE("seven chained commands make exactly one token request", "[integration][credentials]") {
  Emulator emu;
  auto env = test::client_env(emu);
  std::string base = id_of(run(env, {"connection", "create", "--name", "Base", "-o", "id"}));
  std::string source =
      id_of(run(env, {"source", "create", "--name", "S", "--base-connection", base, "-o", "id"}));
  std::string dest = id_of(
      run(env, {"connection", "create", "--name", "D", "--spec", "Oracle Eloqua", "--auth-spec",
                "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param",
                "username=u", "--param", "password=env:TEST_CLIENT_SECRET", "-o", "id"}));
  std::string target =
      id_of(run(env, {"target", "create", "--name", "T", "--base-connection", dest, "--spec",
                      "Oracle Eloqua", "--mode", "FTP", "--remote-path", "/x", "-o", "id"}));
  std::string flow =
      id_of(run(env, {"flow", "create", "--name", "F", "--flow-spec", "Oracle Eloqua", "--source",
                      source, "--target", target, "-o", "id"}));
  CHECK(
      run(env, {"flow", "activate", flow, "--audience", kSegment, "--start-time", "17:00"}).code ==
      0);
  CHECK(run(env, {"flow", "validate", flow, "--expect-audience", kSegment}).code == 0);
  CHECK(emu.count("tokenRequests") == 1);
  CHECK(emu.count("tokens") == 1);

  auto cache = std::filesystem::path(emu.home()) / "cache" / "aepflow";
  struct stat st {};
  REQUIRE(::stat(cache.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  // The token and the spec cache: folders 0700, files 0600.
  for (const auto& e : std::filesystem::recursive_directory_iterator(cache)) {
    CAPTURE(e.path());
    REQUIRE(::stat(e.path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == (e.is_directory() ? 0700 : 0600));
  }
}

TEST_CASE("an expired token brings exactly one new one", "[integration][credentials]") {
  // Tokens live 5 s: long enough for two commands even under the sanitizers, short enough to wait
  // out.
  Emulator emu({"--token-ttl", "5"});
  auto env = test::client_env(emu);
  CHECK(run(env, {"specs", "list", "-o", "id"}).code == 0);
  const auto issued = std::chrono::steady_clock::now();  // the token is at most this old
  CHECK(run(env, {"specs", "list", "-o", "id"}).code == 0);
  CHECK(emu.count("tokens") == 1);
  std::this_thread::sleep_until(issued + std::chrono::milliseconds(5300));
  CHECK(run(env, {"specs", "list", "-o", "id"}).code == 0);
  CHECK(run(env, {"flowspecs", "list", "-o", "id"}).code == 0);
  CHECK(emu.count("tokens") == 2);
}

TEST_CASE("a 401 with a cached token: one refresh, one retry, success",
          "[integration][credentials]") {
  Emulator emu;
  auto env = test::client_env(emu);
  CHECK(run(env, {"specs", "list", "-o", "id"}).code == 0);
  long before = emu.count("requests");
  post(emu, "/__emulator/revoke-tokens");
  auto r = run(env, {"-v", "specs", "get", "sftp", "-o", "id"});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("the access token was refused; requesting a new one"));
  CHECK(emu.count("tokens") == 2);
  CHECK(emu.count("requests") - before == 3);  // the 401, the token request, the retry
}

TEST_CASE("eight parallel invocations with a cold cache all succeed and share one token",
          "[integration][credentials]") {
  Emulator emu;
  auto env = test::client_env(emu);
  std::vector<std::future<Exit>> runs;
  for (int i = 0; i < 8; ++i) {
    runs.push_back(std::async(std::launch::async, [&env] {
      return run(env, {"specs", "list", "-o", "id"});
    }));
  }
  for (auto& f : runs) {
    Exit r = f.get();
    INFO(r.err);
    CHECK(r.code == 0);
  }
  CHECK(emu.count("tokens") == 1);
  CHECK(run(env, {"auth", "status", "-o", "json"}).code == 0);
  CHECK(run(env, {"flowspecs", "list", "-o", "id"}).code == 0);
  CHECK(emu.count("tokens") == 1);  // the cache they left is whole and valid
}

TEST_CASE("a wrong client secret exits 3 with IMS's reason and a hint",
          "[integration][credentials]") {
  Emulator emu;
  auto env = test::client_env(emu);
  env["TEST_CLIENT_SECRET"] = "not-the-secret";
  auto r = run(env, {"auth", "login"});
  CHECK(r.code == 3);
  CHECK_THAT(r.err, Catch::Contains("HTTP 401 [invalid_client] invalid client_secret parameter"));
  CHECK_THAT(r.err, Catch::Contains("check the client ID and client secret"));
  CHECK(r.err.find("not-the-secret") == std::string::npos);
}

TEST_CASE("prod is not changed non-interactively without --yes", "[integration][credentials]") {
  Emulator emu;
  auto env = emu.env();
  env.erase("AEP_ASSUME_YES");
  auto r = run(env, {"connection", "create", "--name", "n"});
  CHECK(r.code == 2);
  CHECK_THAT(
      r.err,
      Catch::Contains("in sandbox prod without confirmation: pass --yes or set AEP_ASSUME_YES=1"));
  CHECK(emu.count("writes") == 0);
  CHECK(run(env, {"--yes", "connection", "create", "--name", "n", "-o", "id"}).code == 0);
  CHECK(run(env, {"--sandbox", "dev", "connection", "create", "--name", "n", "-o", "id"}).code ==
        0);
  CHECK(emu.count("writes") == 2);
}

TEST_CASE("a config file others can read draws a warning", "[integration][credentials][secrets]") {
  Emulator emu;
  auto env = emu.env();
  CHECK(run(env, {"config", "set", "sandbox", "dev"}).code == 0);
  auto path = std::filesystem::path(emu.home()) / "config" / "aepflow" / "config.toml";
  ::chmod(path.c_str(), 0644);
  auto r = run(env, {"specs", "list", "-o", "id"});
  CHECK(r.code == 0);
  CHECK_THAT(r.err,
             Catch::Contains("warning: " + path.string() +
                             " is accessible by group or others (mode 644); run: chmod 600"));
}

TEST_CASE("no secret appears in any output, at -vv, in any command", "[integration][secrets]") {
  Emulator emu;
  auto env = test::client_env(emu);
  // Distinctive values for every kind of secret.
  env["TEST_CLIENT_SECRET"] = "emulator-client-secret";
  env["LEAK_S3"] = "S3SECRET-LEAK-9b2c";
  env["LEAK_PW"] = "PASSWORD-LEAK-1d4e";
  env["LEAK_AZ"] = "DefaultEndpointsProtocol=https;AccountKey=AZURE-LEAK-8c9d";
  const std::string key_file = emu.home() + "/id.b64";
  std::ofstream(key_file) << "SSHKEY-LEAK-5a6b\n";
  std::vector<std::string> secrets = {"emulator-client-secret", "S3SECRET-LEAK-9b2c",
                                      "PASSWORD-LEAK-1d4e", "AZURE-LEAK-8c9d", "SSHKEY-LEAK-5a6b"};
  std::vector<std::vector<std::string>> commands;
  std::string all_output;
  auto go = [&](std::vector<std::string> args, bool ok = true) {
    args.insert(args.begin(), "-vv");
    Exit r = run(env, args);
    INFO(r.err);
    if (ok) CHECK(r.code == 0);
    all_output += r.out + r.err;
    return r;
  };
  go({"auth", "login"});
  go({"auth", "status"});
  go({"config", "set", "client_secret", "env:TEST_CLIENT_SECRET"});
  go({"config", "list"});
  go({"config", "get", "client_secret"});
  go({"specs", "list"});
  go({"specs", "get", "Adobe Campaign"});
  go({"flowspecs", "list"});
  go({"flowspecs", "get", "Adobe Campaign"});
  std::string base = go({"connection", "create", "--name", "b", "-o", "id"}).out.substr(0, 36);
  std::string source =
      go({"source", "create", "--name", "s", "--base-connection", base, "-o", "id"})
          .out.substr(0, 36);
  std::string s3 = go({"connection", "create", "--name", "s3", "--spec", "Adobe Campaign",
                       "--auth-spec", "S3", "--param", "accessId=AKIAIOSFODNN7EXAMPLE", "--param",
                       "secretKey=env:LEAK_S3", "-o", "id"})
                       .out.substr(0, 36);
  go({"connection", "create", "--name", "pw", "--spec", "Adobe Campaign", "--auth-spec",
      "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param", "username=u",
      "--param", "password=env:LEAK_PW"});
  go({"connection", "create", "--name", "key", "--spec", "Adobe Campaign", "--auth-spec",
      "SFTP with SSH Key", "--param", "domain=d", "--param", "host=h", "--param", "username=u",
      "--param", "sshKey=@" + key_file});
  go({"connection", "create", "--name", "az", "--spec", "Adobe Campaign", "--auth-spec",
      "Azure Blob", "--param", "connectionString=env:LEAK_AZ"});
  // Dry runs print requests as curl commands: credentials as variables, secrets redacted.
  go({"connection", "create", "--name", "dry", "--spec", "Adobe Campaign", "--auth-spec",
      "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param", "username=u",
      "--param", "password=env:LEAK_PW", "--dry-run"});
  go({"connection", "create", "--name", "dry-az", "--spec", "Adobe Campaign", "--auth-spec",
      "Azure Blob", "--param", "connectionString=env:LEAK_AZ", "--dry-run"});
  // Refused before sending (params missing): the error path must not leak either.
  go({"connection", "create", "--name", "bad", "--spec", "Adobe Campaign", "--auth-spec", "S3",
      "--param", "secretKey=env:LEAK_S3"},
     false);
  // A secret typed literally: accepted, warned about, never echoed.
  go({"connection", "create", "--name", "lit", "--spec", "Adobe Campaign", "--auth-spec",
      "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param", "username=u",
      "--param", "password=PASSWORD-LEAK-1d4e"});
  std::string target =
      go({"target", "create", "--name", "t", "--base-connection", s3, "--spec", "Adobe Campaign",
          "--mode", "S3", "--bucket", "acme-b", "--path", "p", "-o", "id"})
          .out.substr(0, 36);
  std::string flow = go({"flow", "create", "--name", "f", "--flow-spec", "Adobe Campaign",
                         "--source", source, "--target", target, "-o", "id"})
                         .out.substr(0, 36);
  go({"flow", "activate", flow, "--audience", kSegment, "--start-time", "17:00", "--attribute",
      "person.lastName"});
  go({"flow", "get", flow});
  go({"flow", "validate", flow, "--expect-audience", kSegment});
  go({"flow", "get", "8256cfb4-17e6-432c-a469-6aedafb16cd5"}, false);
  auto wrong = env;
  wrong["TEST_CLIENT_SECRET"] = "CLIENTSECRET-LEAK-3e3e";
  secrets.push_back("CLIENTSECRET-LEAK-3e3e");
  all_output += run(wrong, {"-vv", "auth", "login"}).err;

  // The access tokens the emulator issued are secrets too.
  for (const auto& e : std::filesystem::directory_iterator(emu.home() + "/cache/aepflow")) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    secrets.push_back(json::parse(in)["access_token"]);
  }
  REQUIRE(secrets.size() == 7);
  CHECK_THAT(all_output, Catch::Contains("> POST"));  // the log really was on
  for (const auto& s : secrets) {
    CAPTURE(s);
    CHECK(all_output.find(s) == std::string::npos);
  }
  go({"auth", "logout"});
}
