// Where each setting comes from: flag > environment > profile > default; and config.toml itself.
#include "settings/settings.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "map_io.hpp"
#include "settings/config_file.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using namespace aepflow::cli;

namespace {

// The environment is a map; files are the real ones (the temp folders' config.toml).
struct Env : test::MapIo {
  Env() { io.read_file = read_whole_file; }
};

}  // namespace

TEST_CASE("each setting: flag, then environment, then profile, then default", "[settings]") {
  test::TempDir tmp;
  Env env;
  env.vars["XDG_CONFIG_HOME"] = tmp.str();
  for (const auto& spec : setting_specs()) {
    CAPTURE(spec.key);
    std::string key(spec.key);
    tmp.write("aepflow/config.toml", "[profiles.default]\n" + key + " = \"from-profile\"\n");
    env.vars.erase(std::string(spec.env));

    auto from_profile = resolve_settings({}, std::nullopt, env.io);
    REQUIRE(from_profile);
    if (spec.in_profile) {
      CHECK((*from_profile)[key].value == "from-profile");
      CHECK((*from_profile)[key].origin == "profile default");
    } else {
      CHECK((*from_profile)[key].value != "from-profile");  // access tokens are never stored
    }

    env.vars[std::string(spec.env)] = "from-env";
    auto from_env = resolve_settings({}, std::nullopt, env.io);
    REQUIRE(from_env);
    CHECK((*from_env)[key].value == "from-env");
    CHECK((*from_env)[key].origin == spec.env);

    auto from_flag = resolve_settings({{key, "from-flag"}}, std::nullopt, env.io);
    REQUIRE(from_flag);
    CHECK((*from_flag)[key].value == "from-flag");
    CHECK((*from_flag)[key].origin == spec.flag);
    env.vars.erase(std::string(spec.env));

    std::filesystem::remove(tmp.path() / "aepflow/config.toml");
    auto fallback = resolve_settings({}, std::nullopt, env.io);
    REQUIRE(fallback);
    if (spec.fallback.empty()) {
      CHECK_FALSE((*fallback)[key].set());
    } else {
      CHECK((*fallback)[key].value == spec.fallback);
      CHECK((*fallback)[key].origin == "default");
    }
  }
}

TEST_CASE("the API key defaults to the client ID", "[settings]") {
  Env env;
  env.vars["AEP_CLIENT_ID"] = "client-abc";
  auto s = resolve_settings({}, std::nullopt, env.io);
  REQUIRE(s);
  CHECK((*s)["api_key"].value == "client-abc");
  CHECK((*s)["api_key"].origin == "the client ID");
  env.vars["AEP_API_KEY"] = "explicit-key";
  CHECK((*resolve_settings({}, std::nullopt, env.io))["api_key"].value == "explicit-key");
}

TEST_CASE("the profile comes from --profile, then AEP_PROFILE, then default", "[settings]") {
  test::TempDir tmp;
  Env env;
  env.vars["XDG_CONFIG_HOME"] = tmp.str();
  tmp.write("aepflow/config.toml",
            "[profiles.default]\nsandbox = \"dev\"\n[profiles.staging]\nsandbox = \"stage\"\n"
            "[profiles.qa]\nsandbox = \"qa\"\n");
  CHECK((*resolve_settings({}, std::nullopt, env.io))["sandbox"].value == "dev");
  env.vars["AEP_PROFILE"] = "staging";
  auto by_env = resolve_settings({}, std::nullopt, env.io);
  CHECK(by_env->profile_origin == "AEP_PROFILE");
  CHECK((*by_env)["sandbox"].value == "stage");
  auto by_flag = resolve_settings({}, std::string("qa"), env.io);
  CHECK(by_flag->profile == "qa");
  CHECK((*by_flag)["sandbox"].origin == "profile qa");
  auto missing = resolve_settings({}, std::string("nope"), env.io);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::usage);
  CHECK_THAT(missing.error().message, Catch::Contains("profile 'nope' (--profile) is not in"));
}

TEST_CASE("config.toml: written 0600 in 0700, read back, mistakes name the line", "[settings]") {
  test::TempDir tmp;
  std::vector<std::string> warnings;
  auto path = tmp.path() / "cfg" / "aepflow" / "config.toml";
  auto empty = ConfigFile::load(path, warnings);
  REQUIRE(empty);
  CHECK(empty->profiles().empty());
  empty->set("default", "org_id", "O@AdobeOrg");
  empty->set("ci", "client_secret", "env:CI_SECRET");
  REQUIRE(empty->save());
  struct stat st {};
  ::stat(path.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);
  ::stat(path.parent_path().c_str(), &st);
  CHECK((st.st_mode & 0777) == 0700);
  auto back = ConfigFile::load(path, warnings);
  REQUIRE(back);
  CHECK(back->profiles() == std::vector<std::string>{"ci", "default"});
  CHECK(back->get("ci", "client_secret") == "env:CI_SECRET");
  CHECK(warnings.empty());

  ::chmod(path.c_str(), 0644);
  REQUIRE(ConfigFile::load(path, warnings));
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("accessible by group or others (mode 644)"));

  tmp.write("bad.toml", "[profiles.default]\norg_id = \"unterminated\n");
  auto bad = ConfigFile::load(tmp.path() / "bad.toml", warnings);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("bad.toml:2:"));
  tmp.write("number.toml", "[profiles.default]\nsandbox = 3\n");
  auto number = ConfigFile::load(tmp.path() / "number.toml", warnings);
  REQUIRE_FALSE(number);
  CHECK_THAT(number.error().message, Catch::Contains("number.toml:2: sandbox must be a string"));
  tmp.write("other.toml", "[default]\nsandbox = \"x\"\n");
  auto other = ConfigFile::load(tmp.path() / "other.toml", warnings);
  REQUIRE_FALSE(other);
  CHECK_THAT(other.error().message,
             Catch::Contains("unknown section 'default'; settings go under [profiles.NAME]"));
}

TEST_CASE("config.toml's text reads back as the same profiles, whatever they hold", "[settings]") {
  auto config = ConfigFile::parse("[profiles.p]\n\"it's\" = \"v\"\n", "config.toml");
  REQUIRE(config);
  config->set("default", "sandbox", "dev");
  config->set("odd \"name\"", "client_secret", "cmd:pass show 'x' \\ \"y\"\n");
  config->set("odd \"name\"", "org_id", "\xc3\xa9t\xc3\xa9@AdobeOrg");
  // Names TOML cannot write bare, and a value that starts with a newline (which a multi-line
  // string would drop).
  for (const char* name : {"tab\there", "new\nline", "it's", "cr\r", "del\x7f", ""})
    config->set(name, "sandbox", "dev");
  config->set("default", "client_secret", "\nafter a newline");
  auto back = ConfigFile::parse(config->text(), "config.toml");
  REQUIRE(back);
  CHECK(back->profiles() == config->profiles());
  for (const auto& p : config->profiles())
    CHECK(back->entries(p) == config->entries(p));
  CHECK(back->text() == config->text());
  // A section name with a terminal escape is shown visibly, not sent to the terminal.
  auto escaped = ConfigFile::parse("[\"x\\u001b]0;t\\u0007\"]\n", "config.toml");
  REQUIRE_FALSE(escaped);
  CHECK_THAT(escaped.error().message, Catch::Contains("unknown section"));
  CHECK(escaped.error().message.find('\x1b') == std::string::npos);
}

TEST_CASE("config.toml with a letter that is not ASCII outside quotes is refused by line",
          "[settings]") {
  auto bad = ConfigFile::parse("[profiles.default]\nsandbox = \"d\u00e9v\"\n[profiles.caf\u00e9]\n",
                               "config.toml");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("config.toml:3: a character that is not ASCII"));
  // A quote inside bare text (a number, say) starts no string.
  for (const char* text : {"[profiles.p]\nsandbox = +B\"x'\u00fa\n",
                           "[profiles.p]\nsandbox = [9[\"\"\"\u017d\"\"\"]\n"}) {
    auto bare = ConfigFile::parse(text, "config.toml");
    REQUIRE_FALSE(bare);
    CHECK_THAT(bare.error().message,
               Catch::Contains("config.toml:2: a character that is not ASCII"));
  }
  // In comments, strings and quoted keys, such letters are text like any other.
  auto good = ConfigFile::parse(
      "# caf\u00e9\n[profiles.\"caf\u00e9\"]\nsandbox = '''\u00e9\n\"\"\"'''\n"
      "org_id = \"\\\"\u00e9\"\napi_key = \"\"\"\u00e9\"\"\"\"\"\n",
      "config.toml");
  REQUIRE(good);
  CHECK(good->get("caf\u00e9", "org_id") == "\"\u00e9");
  CHECK(good->get("caf\u00e9", "sandbox") == "\u00e9\n\"\"\"");
  CHECK(good->get("caf\u00e9", "api_key") == "\u00e9\"\"");
}

TEST_CASE("secrets are masked unless they are a reference", "[settings][secrets]") {
  const auto& secret = *find_setting("client_secret");
  CHECK(shown_value(secret, "p4ssw0rd") == "***");
  CHECK(shown_value(secret, "env:AEP_SECRET") == "env:AEP_SECRET");
  CHECK(shown_value(secret, "cmd:pass show aep") == "cmd:pass show aep");
  CHECK(shown_value(secret, "@/run/secret") == "@/run/secret");
  CHECK(shown_value(secret, "@@literal") == "***");
  CHECK(shown_value(*find_setting("api_key"), "0123456789abcdef") == "0123***");
  CHECK(shown_value(*find_setting("org_id"), "O@AdobeOrg") == "O@AdobeOrg");
}
