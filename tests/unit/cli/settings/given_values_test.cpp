// Settings and references as given: blank is an error, never a fallback; what becomes a header
// holds no control character; a reference yields something or is refused.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "map_io.hpp"
#include "settings/params.hpp"
#include "settings/settings.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using namespace aepflow::cli;

namespace {

// Commands print a value, but `true` prints nothing.
struct Env : test::MapIo {
  Env() {
    io.run_command = [](const std::string& command,
                        std::chrono::milliseconds) -> Result<std::string> {
      if (command == "true") return std::string();
      return std::string("value\n");
    };
  }
};

}  // namespace

TEST_CASE("a setting given blank is refused where it is needed, with no fallback", "[settings]") {
  test::TempDir tmp;
  Env env;
  env.vars["XDG_CONFIG_HOME"] = tmp.str();
  tmp.write("aepflow/config.toml",
            "[profiles.default]\norg_id = \"O@AdobeOrg\"\nsandbox = \"dev\"\napi_key = \" \"\n");
  struct Case {
    FlagValues flags;
    std::map<std::string, std::string> vars;
    std::string key, message;
  };
  auto c = GENERATE(Case{{{"org_id", ""}}, {}, "org_id", "--org-id is empty"},
                    Case{{{"org_id", " \t"}}, {}, "org_id", "--org-id is empty"},
                    Case{{}, {{"AEP_ORG_ID", ""}}, "org_id", "AEP_ORG_ID is set but empty"},
                    Case{{}, {{"AEP_SANDBOX", ""}}, "sandbox", "AEP_SANDBOX is set but empty"},
                    Case{{}, {}, "api_key", "api_key in profile default is empty"});
  CAPTURE(c.message);
  for (const auto& [k, v] : c.vars)
    env.vars[k] = v;
  auto s = resolve_settings(c.flags, std::nullopt, env.io);
  REQUIRE(s);
  CHECK_FALSE((*s)[c.key].set());  // not the profile's value, not the default prod
  auto checked = check_given(*s);
  REQUIRE_FALSE(checked);
  CHECK(checked.error().kind == ErrorKind::usage);
  CHECK_THAT(checked.error().message, Catch::StartsWith(c.message));
}

TEST_CASE("a header-bound setting with a control character is refused, a secret unshown",
          "[settings]") {
  Env env;
  auto sandbox = resolve_settings({{"sandbox", "prod\r\nX-Injected: 1"}}, std::nullopt, env.io);
  auto refused = check_given(*sandbox);
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message,
             Catch::StartsWith("--sandbox holds a control character (\\r at position 5: "
                               "'prod\\r\\nX-Injected: 1')"));
  env.vars["AEP_ACCESS_TOKEN"] = "tok-SECRET\n";
  auto token = check_given(*resolve_settings({}, std::nullopt, env.io));
  REQUIRE_FALSE(token);
  CHECK_THAT(token.error().message, Catch::StartsWith("AEP_ACCESS_TOKEN holds a control"));
  CHECK_THAT(token.error().message, !Catch::Contains("tok-SECRET"));
  env.vars["AEP_ACCESS_TOKEN"] = "env:OTHER";  // a reference: checked once read
  CHECK(check_given(*resolve_settings({}, std::nullopt, env.io)));
}

TEST_CASE("the sandbox is read as the service reads the header", "[settings]") {
  Env env;
  auto s = resolve_settings({{"sandbox", "  dev\t"}}, std::nullopt, env.io);
  CHECK((*s)["sandbox"].value == "dev");
  for (std::string prod : {"prod", " prod ", "PROD", "Prod\t"}) {
    CAPTURE(prod);
    CHECK(is_production_sandbox(prod));
  }
  CHECK_FALSE(is_production_sandbox("prod-eu"));
  CHECK_FALSE(is_production_sandbox("dev"));
}

TEST_CASE("a reference that yields nothing is refused, naming the reference", "[params]") {
  Env env;
  env.vars["EMPTY"] = "";
  env.files["empty.txt"] = "\n";
  struct Case {
    std::string value, message;
  };
  auto c = GENERATE(Case{"env:EMPTY", "secret: environment variable EMPTY is empty"},
                    Case{"@empty.txt", "secret: the file empty.txt is empty"},
                    Case{"file:empty.txt", "secret: the file empty.txt is empty"},
                    Case{"cmd:true", "secret: the cmd: reference's command printed nothing"});
  CAPTURE(c.value);
  auto v = resolve_value(c.value, "secret", env.io, secret_forms);
  REQUIRE_FALSE(v);
  CHECK(v.error().kind == ErrorKind::usage);
  CHECK(v.error().message == c.message);
  CHECK(resolve_value("cmd:print", "secret", env.io, secret_forms)->text == "value");
}

TEST_CASE("a command line with an empty credential sends nothing", "[settings][commands]") {
  auto nothing_sent = std::make_shared<test::FakeTransport>();
  auto r = test::run_cli(
      {"--base-url", "https://flow.example.test/data/foundation/flowservice", "--access-token",
       "env:AEP_TEST_TOKEN", "--api-key", "test-api-key-123456", "--org-id", "", "flow", "list"},
      nothing_sent);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--org-id is empty"));
  CHECK(nothing_sent->sent.empty());
}
