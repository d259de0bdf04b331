// target create: shorthands and params, checked against the target spec.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "commands/target/create.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

TEST_CASE("target create maps the shorthands onto params", "[commands]") {
  auto f = fake();
  test::stub_connection_spec(*f, "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
  f->on(Method::post, "/targetConnections", 201, R"({"id":"t","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"target",
                                     "create",
                                     "--name",
                                     "T",
                                     "--base-connection",
                                     "1ed86558-59b5-42f7-9865-5859b552f7f4",
                                     "--spec",
                                     "Adobe Campaign",
                                     "--mode",
                                     "AZURE_BLOB",
                                     "--container",
                                     "c",
                                     "--path",
                                     "p",
                                     "--format",
                                     "CSV",
                                     "--param",
                                     "includeFileManifest:=true",
                                     "-o",
                                     "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == "t\n");
  CHECK(body_of(f->sent[1])["params"] == json{{"mode", "AZURE_BLOB"},
                                              {"container", "c"},
                                              {"path", "p"},
                                              {"format", "CSV"},
                                              {"includeFileManifest", true}});
}

TEST_CASE("target create: argv -> options, each shorthand into its own field",
          "[commands][options]") {
  using aepflow::cli::TargetCreateOptions;
  auto p = test::parse_command<TargetCreateOptions>(
      "target",
      {"target", "create", "--name", "T", "--base-connection", "B", "--spec", "Adobe Campaign",
       "--mode", "S3", "--bucket", "acme", "--path", "daily/", "--format", "CSV", "--param", "x=1"},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_target_create(g, ctx, run_f); });
  REQUIRE(p.run.code == 0);
  REQUIRE(p.options);
  const auto& o = *p.options;
  CHECK(o.base_connection == "B");
  CHECK(o.mode == "S3");
  CHECK(o.bucket == "acme");
  CHECK(o.path == "daily/");
  CHECK(o.format == "CSV");
  CHECK(o.container.empty());
  CHECK(o.remote_path.empty());
  CHECK(o.params == std::vector<std::string>{"x=1"});
}
