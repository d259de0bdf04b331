// The CLI's credential behaviour: tokens from a client, the prod guard, plain-http refusal,
// warnings for secrets typed on the command line, and the auth and config commands.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "seed_specs.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using nlohmann::json;
using test::run_cli;

namespace {

constexpr const char* kFlow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";

std::map<std::string, std::string> client_env(const test::TempDir& home) {
  return {{"HOME", home.str()},
          {"AEP_BASE_URL", "https://flow.example.test"},
          {"AEP_IMS_URL", "https://ims.example.test"},
          {"AEP_CLIENT_ID", "client-0123456789"},
          {"AEP_CLIENT_SECRET", "env:CLIENT_SECRET"},
          {"CLIENT_SECRET", "client-SECRET-4242"},
          {"AEP_ORG_ID", "ORG@AdobeOrg"},
          {"AEP_SANDBOX", "dev"}};
}

std::string ims_answer(const std::string& token) {
  return json{{"access_token", token}, {"token_type", "bearer"}, {"expires_in", 86399}}.dump();
}

}  // namespace

TEST_CASE("with a client ID and secret, the first command gets a token and the next reuse it",
          "[credentials]") {
  test::TempDir home;
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::post, "/ims/token/v3", 200, ims_answer("ims-token-1"));
  f->on(Method::get, std::string("/flows/") + kFlow, 200, R"({"items":[{"id":"x","name":"n"}]})");
  f->on(Method::get, std::string("/flows/") + kFlow, 200, R"({"items":[{"id":"x","name":"n"}]})");
  auto env = client_env(home);
  CHECK(run_cli({"flow", "get", kFlow, "-o", "id"}, f, env).code == 0);
  auto second = run_cli({"flow", "get", kFlow, "-o", "id"}, f, env);
  CHECK(second.code == 0);
  REQUIRE(f->sent.size() == 3);
  CHECK(f->sent[0].url == "https://ims.example.test/ims/token/v3");
  for (int i : {1, 2}) {
    const auto& h = f->sent[static_cast<std::size_t>(i)].request.headers;
    CHECK(*find_header(h, "Authorization") == "Bearer ims-token-1");
    CHECK(*find_header(h, "x-api-key") == "client-0123456789");  // the client ID
  }
  auto cache = home.path() / ".cache" / "aepflow";
  REQUIRE(std::filesystem::exists(cache));
  struct stat st {};
  ::stat(cache.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("a refused client secret exits 3 with a hint", "[credentials]") {
  test::TempDir home;
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::post, "/ims/token/v3", 401,
        R"({"error":"invalid_client","error_description":"invalid client_secret parameter"})");
  auto r = run_cli({"specs", "list"}, f, client_env(home));
  CHECK(r.code == 3);
  CHECK_THAT(r.err,
             Catch::Contains("get an access token from Adobe IMS: HTTP 401 [invalid_client]"));
  CHECK_THAT(r.err, Catch::Contains("check the client ID and client secret"));
  CHECK(r.err.find("client-SECRET-4242") == std::string::npos);
}

TEST_CASE("changing prod needs a confirmation", "[credentials][prod]") {
  // connection create in the sandbox given (prod by default); the answer is stubbed only when
  // the request is expected to go out.
  auto create = [](bool expect_sent, std::map<std::string, std::string> env,
                   std::vector<std::string> extra = {},
                   std::function<std::optional<std::string>(std::string_view, bool)> prompt =
                       nullptr) {
    auto f = std::make_shared<test::FakeTransport>();
    if (expect_sent) f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
    std::vector<std::string> args = {"--base-url",     "https://flow.example.test",
                                     "--access-token", "env:T",
                                     "--api-key",      "key-0123456789",
                                     "--org-id",       "O@AdobeOrg"};
    args.insert(args.end(), extra.begin(), extra.end());
    for (const char* a : {"connection", "create", "--name", "n", "-o", "table"})
      args.push_back(a);
    env["T"] = "token-value-1";
    auto r = run_cli(args, f, env, {}, prompt);
    CHECK(f->sent.size() == (expect_sent ? 1u : 0u));
    return r;
  };
  SECTION("not a terminal, no --yes: refused, nothing sent") {
    auto r = create(false, {});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "error: refusing to create base connection 'n' in sandbox prod without "
          "confirmation: pass --yes or set AEP_ASSUME_YES=1\n");
  }
  SECTION("--yes, or AEP_ASSUME_YES=1: allowed, and the output names the sandbox") {
    auto flag = create(true, {}, {"--yes"});
    CHECK(flag.code == 0);
    CHECK_THAT(flag.out, Catch::Contains("Created base connection in sandbox prod"));
    CHECK(create(true, {{"AEP_ASSUME_YES", "1"}}).code == 0);
  }
  SECTION("a terminal: asked, and no means no") {
    std::string asked;
    auto no = [&](std::string_view q, bool) -> std::optional<std::string> {
      asked = std::string(q);
      return "n";
    };
    auto r = create(false, {}, {}, no);
    CHECK(r.code == 2);
    CHECK_THAT(asked, Catch::Contains("About to create base connection 'n' in sandbox prod"));
    CHECK_THAT(r.err, Catch::Contains("cancelled: nothing was changed"));
    auto yes = [](std::string_view, bool) -> std::optional<std::string> { return "y"; };
    CHECK(create(true, {}, {}, yes).code == 0);
  }
  SECTION("another sandbox needs no confirmation") {
    auto r = create(true, {}, {"--sandbox", "dev"});
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("in sandbox dev"));
  }
}

TEST_CASE("credentials never go over plain http except to loopback", "[credentials][secrets]") {
  auto url = GENERATE(as<std::string>{}, "http://platform.adobe.io/data", "http://10.0.0.5:8080",
                      "http://127.example.com");
  auto f = std::make_shared<test::FakeTransport>();
  auto r = run_cli({"--base-url", url, "--access-token", "env:AEP_TEST_TOKEN", "--api-key",
                    "key-0123456789", "--org-id", "O@AdobeOrg", "specs", "list"},
                   f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("refusing to send credentials over plain http"));
  CHECK(f->sent.empty());

  auto ims = run_cli({"--ims-url", url, "specs", "list"}, f,
                     {{"AEP_CLIENT_ID", "c"},
                      {"AEP_CLIENT_SECRET", "env:S"},
                      {"S", "s"},
                      {"AEP_ORG_ID", "O@AdobeOrg"},
                      {"AEP_BASE_URL", "https://flow.example.test"}});
  CHECK(ims.code == 2);
  CHECK_THAT(ims.err, Catch::Contains("(--ims-url)"));
  CHECK(f->sent.empty());
}

TEST_CASE("loopback http is allowed (the emulator)", "[credentials]") {
  auto url =
      GENERATE(as<std::string>{}, "http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80");
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::get, "/connectionSpecs", 200, R"({"items":[]})");
  CHECK(run_cli({"--base-url", url, "--access-token", "env:AEP_TEST_TOKEN", "--api-key",
                 "key-0123456789", "--org-id", "O@AdobeOrg", "specs", "list"},
                f)
            .code == 0);
}

TEST_CASE("a secret typed on the command line works, with a warning naming safer forms",
          "[credentials][secrets]") {
  auto f = std::make_shared<test::FakeTransport>();
  test::stub_connection_spec(*f, "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0");
  f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto r = run_cli({"--base-url",
                    "https://flow.example.test",
                    "--access-token",
                    "literal-TOKEN-1",
                    "--api-key",
                    "key-0123456789",
                    "--org-id",
                    "O@AdobeOrg",
                    "--yes",
                    "connection",
                    "create",
                    "--name",
                    "n",
                    "--spec",
                    "SFTP (legacy)",
                    "--auth-spec",
                    "Basic Authentication for sftp",
                    "--param",
                    "host=h",
                    "--param",
                    "username=u",
                    "--param",
                    "password=hunter2-SECRET",
                    "-o",
                    "id"},
                   f);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: --access-token was typed on the command line"));
  CHECK_THAT(r.err, Catch::Contains("warning: --param password was typed on the command line"));
  CHECK_THAT(r.err,
             Catch::Contains(
                 "password=env:VAR, password=@PATH, password=cmd:COMMAND or password=prompt:"));
  CHECK_THAT(r.err, !Catch::Contains("--param host"));  // not a secret
  CHECK(r.err.find("hunter2-SECRET") == std::string::npos);
  CHECK(r.err.find("literal-TOKEN-1") == std::string::npos);

  auto g = std::make_shared<test::FakeTransport>();
  test::stub_connection_spec(*g, "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0");
  g->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto quiet = run_cli(
      test::with_credentials({"connection", "create", "--name", "n", "--spec", "SFTP (legacy)",
                              "--auth-spec", "Basic Authentication for sftp", "--param", "host=h",
                              "--param", "username=u", "--param", "password=prompt:"}),
      g, {}, {}, [](std::string_view q, bool echo) -> std::optional<std::string> {
        CHECK_FALSE(echo);
        CHECK(q == "param password: ");
        return "typed-SECRET";
      });
  CHECK(quiet.code == 0);
  // Only the retired spec's warning: nothing about the secret.
  CHECK_THAT(quiet.err, Catch::StartsWith("warning: SFTP (legacy) (64ef4b8b-") &&
                            Catch::Contains("Adobe retired in 2023") &&
                            Catch::Contains("use \"SFTP\" (36965a81-"));
  CHECK(std::count(quiet.err.begin(), quiet.err.end(), '\n') == 1);
  CHECK(json::parse(g->sent[1].request.body)["auth"]["params"]["password"] == "typed-SECRET");
}

TEST_CASE("config set, get and list keep secrets out of sight", "[credentials][config]") {
  test::TempDir home;
  std::map<std::string, std::string> env = {{"HOME", home.str()}};
  auto f = std::make_shared<test::FakeTransport>();
  CHECK(run_cli({"config", "set", "org_id", "O@AdobeOrg"}, f, env).code == 0);
  CHECK(run_cli({"config", "set", "client_id", "client-0123456789"}, f, env).code == 0);
  auto literal = run_cli({"config", "set", "client_secret", "plain-SECRET-1"}, f, env);
  CHECK(literal.code == 0);
  CHECK_THAT(literal.err, Catch::Contains("stored as plain text"));
  CHECK(run_cli({"config", "set", "sandbox", "qa", "--profile", "qa"}, f, env).code == 0);
  auto unknown = run_cli({"config", "set", "colour", "blue"}, f, env);
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown setting 'colour'"));

  CHECK(run_cli({"config", "get", "org_id"}, f, env).out == "O@AdobeOrg\n");
  CHECK(run_cli({"config", "get", "client_secret"}, f, env).out == "***\n");
  CHECK(run_cli({"config", "get", "sandbox", "--profile", "qa"}, f, env).out == "qa\n");
  CHECK(run_cli({"config", "get", "sandbox"}, f, env).code == 4);

  auto list = run_cli({"config", "list", "-o", "json"}, f, env);
  CHECK(list.code == 0);
  CHECK(json::parse(list.out) ==
        json{{"default",
              {{"org_id", "O@AdobeOrg"}, {"client_id", "clie***"}, {"client_secret", "***"}}},
             {"qa", {{"sandbox", "qa"}}}});
  CHECK(list.out.find("plain-SECRET-1") == std::string::npos);

  auto status = run_cli({"auth", "status", "-o", "json"}, f, env);
  CHECK(status.code == 0);
  json s = json::parse(status.out);
  CHECK(s["settings"]["client_secret"] == json{{"value", "***"}, {"from", "profile default"}});
  CHECK(s["settings"]["org_id"] == json{{"value", "O@AdobeOrg"}, {"from", "profile default"}});
  CHECK(s["settings"]["api_key"]["from"] == "the client ID");
  CHECK(s["token"]["state"] == "none cached; the next command requests one");
  CHECK(status.out.find("plain-SECRET-1") == std::string::npos);
  CHECK(f->sent.empty());
}

TEST_CASE("auth status without any credentials exits 3", "[credentials]") {
  auto r = run_cli({"auth", "status", "-o", "table"}, std::make_shared<test::FakeTransport>(), {});
  CHECK(r.code == 3);
  CHECK_THAT(r.err, Catch::Contains("not logged in"));
}

TEST_CASE("auth login, token and logout", "[credentials]") {
  test::TempDir home;
  auto env = client_env(home);
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::post, "/ims/token/v3", 200, ims_answer("ims-token-9"));
  auto login = run_cli({"auth", "login", "-o", "json"}, f, env);
  CHECK(login.code == 0);
  json l = json::parse(login.out);
  CHECK(l["client_id"] == "clie***");
  CHECK(l["expires_at"] == "2026-11-29T11:59:59Z");
  CHECK(login.out.find("ims-token-9") == std::string::npos);

  auto token = run_cli({"auth", "token"}, f, env);  // from the cache: no second request
  CHECK(token.out == "ims-token-9\n");
  CHECK(f->sent.size() == 1);

  auto status = run_cli({"auth", "status", "-o", "json"}, f, env);
  CHECK(json::parse(status.out)["token"]["state"] == "cached, valid until 2026-11-29T11:59:59Z");

  auto logout = run_cli({"auth", "logout"}, f, env);
  CHECK(logout.code == 0);
  CHECK_THAT(logout.err, Catch::Contains("Removed the cached token"));
  CHECK(json::parse(run_cli({"auth", "status", "-o", "json"}, f, env).out)["token"]["state"] ==
        "none cached; the next command requests one");
}

TEST_CASE("config import-aepp makes a profile from the Python library's file",
          "[credentials][config]") {
  test::TempDir home;
  std::map<std::string, std::string> env = {{"HOME", home.str()}};
  std::string aepp =
      R"({"org_id":"O@AdobeOrg","client_id":"client-0123456789","secret":"aepp-SECRET-1",
      "scopes":"openid,AdobeID","sandbox-name":"dev","environment":"stage","tech_id":"x@techacct"})";
  auto f = std::make_shared<test::FakeTransport>();
  auto r = run_cli({"config", "import-aepp", "aepp.json", "--profile", "team"}, f, env,
                   {{"aepp.json", aepp}});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("tech_id belongs to the retired JWT credential"));
  CHECK_THAT(r.err, Catch::Contains("Imported into profile team"));
  CHECK(r.err.find("aepp-SECRET-1") == std::string::npos);
  auto list = json::parse(run_cli({"config", "list", "-o", "json"}, f, env).out);
  CHECK(list["team"] ==
        json{{"org_id", "O@AdobeOrg"},
             {"client_id", "clie***"},
             {"client_secret", "***"},
             {"scopes", "openid,AdobeID"},
             {"sandbox", "dev"},
             {"base_url", "https://platform-stage.adobe.io/data/foundation/flowservice"},
             {"ims_url", "https://ims-na1-stg1.adobelogin.com"}});
  auto bad = run_cli({"config", "import-aepp", "x.json"}, f, env, {{"x.json", "[1,2]"}});
  CHECK(bad.code == 2);
}

TEST_CASE("a client secret can come from a command", "[credentials]") {
  test::TempDir home;
  auto env = client_env(home);
  env["AEP_CLIENT_SECRET"] = "cmd:print-secret";
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::post, "/ims/token/v3", 200, ims_answer("t"));
  CHECK(run_cli({"auth", "login"}, f, env).code == 0);
  CHECK_THAT(f->sent[0].request.body, Catch::Contains("client_secret=secret-from-command&"));
  env["AEP_CLIENT_SECRET"] = "cmd:false";
  auto failing = run_cli({"auth", "login"}, std::make_shared<test::FakeTransport>(), env);
  CHECK(failing.code == 2);
  CHECK_THAT(
      failing.err,
      Catch::Contains("client secret (AEP_CLIENT_SECRET): the cmd: reference's command failed"));
}

TEST_CASE("a dry run gets its token even from the Platform's own host (the emulator's layout)",
          "[credentials][dry-run]") {
  test::TempDir home;
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::post, "/ims/token/v3", 200, ims_answer("ims-token-1"));
  auto env = client_env(home);
  env["AEP_BASE_URL"] = "http://127.0.0.1:9/data/foundation/flowservice";
  env["AEP_IMS_URL"] = "http://127.0.0.1:9";
  auto r = run_cli({"--dry-run", "connection", "create", "--name", "x"}, f, env);
  CHECK(r.code == 0);
  REQUIRE(f->sent.size() == 1);  // the token request went out; the create was only printed
  CHECK(f->sent[0].url == "http://127.0.0.1:9/ims/token/v3");
  CHECK_THAT(r.err,
             Catch::Contains("curl") &&
                 Catch::Contains("http://127.0.0.1:9/data/foundation/flowservice/connections"));
  CHECK_THAT(r.out, !Catch::Contains("curl"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("client-SECRET-4242"));
}
