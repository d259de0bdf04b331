// A JSON Patch that sets a credential (a new secret key, a whole auth block) never shows the
// secret: not in -vv's request log, not in a dry run's curl command.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

TEST_CASE("a JSON Patch's credential values are redacted in the log and in a dry run",
          "[integration][secrets][patch]") {
  Emulator emu;
  const std::string base = test::id_of(
      aepflow(emu, {"--sandbox", "dev", "connection", "create", "--name", "patched", "-o", "id"}));
  const json patch = json::array({
      {{"op", "replace"}, {"path", "/auth/params/secretKey"}, {"value", "S3CRET-PATCH-1a2b"}},
      {{"op", "replace"},
       {"path", "/auth/params"},
       {"value", {{"password", "PASSWORD-PATCH-3c4d"}, {"host", "sftp.example.com"}}}},
      {{"op", "replace"}, {"path", "/name"}, {"value", "renamed"}},
  });
  const std::vector<std::string> secrets = {"S3CRET-PATCH-1a2b", "PASSWORD-PATCH-3c4d"};
  const std::string path = "/connections/" + base;
  for (const std::vector<std::string>& mode :
       {std::vector<std::string>{"-vv"}, {"--dry-run"}, {"--dry-run", "-vv"}}) {
    std::vector<std::string> args = {"--sandbox", "dev"};
    args.insert(args.end(), mode.begin(), mode.end());
    args.insert(args.end(), {"api", "PATCH", path, "-H", "If-Match: *", "-d", patch.dump()});
    INFO(mode.back());
    auto r = aepflow(emu, args);
    for (const auto& secret : secrets) {
      INFO(secret);
      CHECK((r.out + r.err).find(secret) == std::string::npos);
    }
    // What is not a credential is still shown, so the log stays useful.
    CHECK_THAT(r.err, Catch::Contains("renamed") && Catch::Contains("sftp.example.com") &&
                          Catch::Contains("/auth/params/secretKey"));
  }
}
