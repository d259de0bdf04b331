// connection get, source get, target get: the object as the service stores it for -o json, the
// fields an operator reads for a table, credentials masked, and the usual exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

constexpr const char* kPassword = "sftp-SECRET-get-7f3a";

std::vector<std::string> dev(std::vector<std::string> args) {
  args.insert(args.begin(), {"--sandbox", "dev"});
  return args;
}

struct Made {
  std::string base, source, dest, target;
};

Made make(const Emulator& emu) {
  Made m;
  m.base = id_of(aepflow(emu, dev({"connection", "create", "--name", "Base", "-o", "id"})));
  m.source = id_of(aepflow(
      emu, dev({"source", "create", "--name", "S", "--base-connection", m.base, "-o", "id"})));
  m.dest = id_of(aepflow(emu,
                         dev({"connection", "create", "--name", "Eloqua SFTP", "--spec",
                              "Oracle Eloqua", "--auth-spec", "SFTP with Password", "--param",
                              "domain=acme", "--param", "host=sftp.example.com", "--param",
                              "username=exporter", "--param", "password=env:PW", "-o", "id"}),
                         {{"PW", kPassword}}));
  m.target = id_of(aepflow(
      emu, dev({"target", "create", "--name", "T", "--base-connection", m.dest, "--spec",
                "Oracle Eloqua", "--mode", "FTP", "--remote-path", "/exports/daily", "-o", "id"})));
  return m;
}

}  // namespace

TEST_CASE("connection get shows a destination's connection with its credentials masked",
          "[integration][get]") {
  Emulator emu;
  const Made m = make(emu);
  auto table = aepflow(emu, dev({"connection", "get", m.dest, "-o", "table"}), {{"PW", kPassword}});
  INFO(table.err);
  REQUIRE(table.code == 0);
  CHECK_THAT(table.out, Catch::Contains("Eloqua SFTP") && Catch::Contains(m.dest) &&
                            Catch::Contains("SFTP with Password") &&
                            Catch::Contains("sftp.example.com") && Catch::Contains("exporter") &&
                            Catch::Contains("auth password") && Catch::Contains("***"));
  auto json_out = aepflow(emu, dev({"-vv", "connection", "get", m.dest, "-o", "json"}));
  REQUIRE(json_out.code == 0);
  const json doc = json::parse(json_out.out);
  CHECK(doc["id"] == m.dest);
  CHECK(doc["name"] == "Eloqua SFTP");
  CHECK(doc["auth"]["params"]["host"] == "sftp.example.com");
  for (const auto& r : {table, json_out}) {
    CHECK((r.out + r.err).find(kPassword) == std::string::npos);
  }
  auto id = aepflow(emu, dev({"connection", "get", m.dest, "-o", "id"}));
  CHECK(id.out == m.dest + "\n");
}

TEST_CASE("source get and target get show what they connect and their params",
          "[integration][get]") {
  Emulator emu;
  const Made m = make(emu);
  auto source = aepflow(emu, dev({"source", "get", m.source, "-o", "table"}));
  INFO(source.err);
  REQUIRE(source.code == 0);
  CHECK_THAT(source.out, Catch::Contains("base connection") && Catch::Contains(m.base));
  auto target = aepflow(emu, dev({"target", "get", m.target, "-o", "table"}));
  INFO(target.err);
  REQUIRE(target.code == 0);
  CHECK_THAT(target.out, Catch::Contains(m.dest) && Catch::Contains("/exports/daily") &&
                             Catch::Contains("etag"));
  auto j = aepflow(emu, dev({"target", "get", m.target, "-o", "json"}));
  REQUIRE(j.code == 0);
  CHECK(json::parse(j.out)["baseConnectionId"] == m.dest);
}

TEST_CASE("get refuses a malformed ID and reports one that does not exist", "[integration][get]") {
  Emulator emu;
  const Made m = make(emu);
  for (const std::string noun : {"connection", "source", "target"}) {
    INFO(noun);
    auto bad = aepflow(emu, dev({noun, "get", "not-an-id"}));
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    auto missing = aepflow(emu, dev({noun, "get", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"}));
    CHECK(missing.code == 4);
  }
  // A source's ID is no base connection.
  CHECK(aepflow(emu, dev({"connection", "get", m.source})).code == 4);
}
