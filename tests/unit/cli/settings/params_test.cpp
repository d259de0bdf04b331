#include "settings/params.hpp"

#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "map_io.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

struct TestIo : test::MapIo {
  TestIo() {
    vars = {{"SFTP_PASSWORD", "pw-from-env"}};
    files = {{"key.b64", "c3NoLWtleQ==\n"}, {"crlf.txt", "v\r\n"}};
  }
};

}  // namespace

TEST_CASE("params: strings, JSON values, files and environment variables", "[params]") {
  TestIo t;
  auto p = cli::parse_params(
      {"host=sftp.example.com", "port:=22", "manifest:=true", "password=env:SFTP_PASSWORD",
       "sshKey=@key.b64", "crlf=@crlf.txt", "literal=@@handle", "empty=", "eq=a=b"},
      t.io);
  REQUIRE(p);
  CHECK(p->literal_keys ==
        std::vector<std::string>{"host", "port", "manifest", "literal", "empty", "eq"});
  CHECK(p->values == json{{"host", "sftp.example.com"},
                          {"port", 22},
                          {"manifest", true},
                          {"password", "pw-from-env"},
                          {"sshKey", "c3NoLWtleQ=="},
                          {"crlf", "v"},
                          {"literal", "@handle"},
                          {"empty", ""},
                          {"eq", "a=b"}});
}

TEST_CASE("params: every mistake is a usage error that does not echo the value",
          "[params][secrets]") {
  TestIo t;
  auto check = [&](std::vector<std::string> args, const char* expected) {
    auto p = cli::parse_params(args, t.io);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == ErrorKind::usage);
    CHECK_THAT(p.error().message, Catch::Contains(expected));
    return p.error().message;
  };
  check({"password=env:MISSING"}, "param password: environment variable MISSING is not set");
  check({"sshKey=@nope.b64"}, "cannot read 'nope.b64'");
  check({"a=1", "a=2"}, "--param a is given more than once");
  check({"=x"}, "has no key");
  check({"port:=twenty-two"}, "--param port:= expects a JSON value");
  auto msg = check({"hunter2-my-password"}, "has no '='");
  CHECK_THAT(msg, !Catch::Contains("hunter2"));
}
