// connection create: the Profile Store connection, destination credentials and their checks against
// the auth spec.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "commands/connection/create.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

TEST_CASE("connection create without --auth-spec creates the Profile Store connection",
          "[commands]") {
  auto f = fake();
  f->on(
      Method::post, "/connections", 201,
      R"({"id":"1ed86558-59b5-42f7-9865-5859b552f7f4","etag":"\"0000d781-0000-0200-0000-63e29f420000\""})");
  auto format = GENERATE(as<std::string>{}, "id", "json", "table");
  auto r = run_cli(
      with_credentials({"connection", "create", "--name", "Base connection", "-o", format}), f);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  REQUIRE(f->sent.size() == 1);
  CHECK(body_of(f->sent[0]) ==
        json{{"name", "Base connection"},
             {"connectionSpec",
              {{"id", "8a9c3494-9708-43d7-ae3f-cda01e5030e1"}, {"version", "1.0"}}}});
  if (format == "id") CHECK(r.out == "1ed86558-59b5-42f7-9865-5859b552f7f4\n");
  if (format == "json") {
    CHECK(json::parse(r.out) == json{{"id", "1ed86558-59b5-42f7-9865-5859b552f7f4"},
                                     {"etag", "\"0000d781-0000-0200-0000-63e29f420000\""}});
  }
  if (format == "table") {
    CHECK_THAT(r.out, Catch::Contains("Created base connection in sandbox prod"));
    CHECK_THAT(r.out, Catch::Contains("1ed86558-59b5-42f7-9865-5859b552f7f4"));
    CHECK_THAT(r.out, Catch::Contains("\"0000d781-0000-0200-0000-63e29f420000\""));
  }
}

TEST_CASE("connection create reads secrets from the environment and files", "[commands][secrets]") {
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"-vv",
                                     "connection",
                                     "create",
                                     "--name",
                                     "SFTP",
                                     "--spec",
                                     "adobe campaign",
                                     "--auth-spec",
                                     "SFTP with SSH Key",
                                     "--param",
                                     "domain=example.com",
                                     "--param",
                                     "host=sftp.example.com",
                                     "--param",
                                     "username=u",
                                     "--param",
                                     "sshKey=@/keys/id.b64",
                                     "--param",
                                     "port:=22",
                                     "-o",
                                     "id"}),
                   f, {}, {{"/keys/id.b64", "S1NILUtFWS1TRUNSRVQ=\n"}});
  CHECK(r.code == 0);
  // The name resolved from the catalogue (no lookup); the spec is read to check the params.
  REQUIRE(f->sent.size() == 2);
  CHECK(f->sent[0].request.path == "/connectionSpecs/0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  json body = body_of(f->sent[1]);
  CHECK(body["connectionSpec"]["id"] == "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  CHECK(body["auth"] == json{{"specName", "SFTP with SSH Key"},
                             {"params",
                              {{"domain", "example.com"},
                               {"host", "sftp.example.com"},
                               {"username", "u"},
                               {"sshKey", "S1NILUtFWS1TRUNSRVQ="},
                               {"port", 22}}}});
  CHECK_THAT(r.err, Catch::Contains("> POST"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("S1NILUtFWS1TRUNSRVQ="));
  CHECK_THAT(r.out + r.err, !Catch::Contains("test-token-SECRET"));
  CHECK_THAT(r.out + r.err, !Catch::Contains("test-api-key-123456"));
}

TEST_CASE("a spec name outside the built-in catalogue is looked up case-insensitively",
          "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs", 200,
        R"({"items":[{"id":"11111111-2222-4333-8444-555555555555","name":"Acme Files"}]})");
  f->on(Method::get, "/connectionSpecs/11111111-2222-4333-8444-555555555555", 200,
        R"({"items":[{"id":"11111111-2222-4333-8444-555555555555","name":"Acme Files",
            "authSpec":[{"name":"Key","spec":{"properties":{"k":{"type":"string"}},"required":["k"]}}]}]})");
  f->on(Method::post, "/connections", 201, R"({"id":"c","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"connection", "create", "--name", "n", "--spec", "ACME FILES",
                                     "--auth-spec", "Key", "--param", "k=v", "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(body_of(f->sent[2])["connectionSpec"]["id"] == "11111111-2222-4333-8444-555555555555");
}

TEST_CASE("an unknown spec name is a usage error and nothing is created", "[commands]") {
  auto f = fake();
  f->on(Method::get, "/connectionSpecs", 200, R"({"items":[{"id":"x","name":"Other"}]})");
  auto r = run_cli(with_credentials({"target", "create", "--name", "t", "--base-connection",
                                     "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Mailchimp",
                                     "--mode", "S3"}),
                   f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("error: unknown connection spec 'Mailchimp'"));
  CHECK_THAT(r.err, Catch::Contains("Adobe Campaign"));
  CHECK(r.out.empty());
  CHECK(f->sent.size() == 1);  // the catalogue lookup only
}

TEST_CASE("params are checked against the spec before anything is created", "[commands][spec]") {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  auto c = GENERATE(
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec", "S4",
            "--param", "a=b"},
           "auth spec 'S4' is not one of Adobe Campaign's: S3, SFTP with Password, SFTP with SSH "
           "Key, Azure Blob"},
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec",
            "SFTP with Password", "--param", "host=h"},
           "auth spec 'SFTP with Password' of Adobe Campaign: missing domain, username, password"},
      Case{{"connection", "create", "--name", "n", "--spec", "Adobe Campaign", "--auth-spec",
            "SFTP with SSH Key", "--param", "domain=d", "--param", "host=h", "--param",
            "username=u", "--param", "sshKey=k", "--param", "port=ssh"},
           "port must be an integer"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Adobe Campaign", "--mode", "S3",
            "--bucket", "acme-exports"},
           "target spec of Adobe Campaign: missing path (required when mode=S3)"},
      Case{{"target", "create", "--name", "t", "--base-connection",
            "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "Adobe Campaign", "--mode", "GCS"},
           "mode 'GCS' is not one of 'S3', 'AZURE_BLOB', 'FTP'"});
  CAPTURE(c.args);
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  auto r = run_cli(with_credentials(c.args), f);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.says));
  CHECK(f->sent.size() == 1);  // the spec read; no create
}

TEST_CASE("an unknown param is sent, with a warning", "[commands][spec]") {
  auto f = fake();
  test::stub_connection_spec(*f, "64ef4b8b-a6e0-41b5-9677-3805d1ee5dd0");
  f->on(Method::post, "/targetConnections", 201, R"({"id":"t","etag":"\"e\""})");
  auto r =
      run_cli(with_credentials({"target", "create", "--name", "t", "--base-connection",
                                "1ed86558-59b5-42f7-9865-5859b552f7f4", "--spec", "SFTP (legacy)",
                                "--remote-path", "/x", "--param", "compresion=GZIP", "-o", "id"}),
              f);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: param compresion is not in the target spec of SFTP"));
}

TEST_CASE("connection create: argv -> options, param values kept as typed (references unread)",
          "[commands][options]") {
  using aepflow::cli::ConnectionCreateOptions;
  auto p = test::parse_command<ConnectionCreateOptions>(
      "connection",
      {"connection", "create", "--name", "S3", "--spec", "Adobe Campaign", "--auth-spec", "S3",
       "--param", "accessId=env:S3_ID", "--param", "secretKey=@secret.txt", "--param", "a=b=c"},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_connection_create(g, ctx, run_f); });
  REQUIRE(p.run.code == 0);
  REQUIRE(p.options);
  CHECK(p.options->name == "S3");
  CHECK(p.options->spec == "Adobe Campaign");
  CHECK(p.options->auth_spec == "S3");
  CHECK(p.options->params ==
        std::vector<std::string>{"accessId=env:S3_ID", "secretKey=@secret.txt", "a=b=c"});
  CHECK(p.run.err.empty());  // nothing was resolved, so nothing warned
}
