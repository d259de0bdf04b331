// target create on a current cloud-storage card: the file-option flags, the mode the card needs,
// and the spec's conditional rules, each refused before anything is sent.
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

namespace {

const std::string s3 = "4fce964d-3f37-408f-9778-e597338a21ee";
const std::string blob = "6d6b59bf-fb58-4107-9064-4d246c0e5bb2";
const std::string base = "1ed86558-59b5-42f7-9865-5859b552f7f4";

std::shared_ptr<test::FakeTransport> card(const std::string& id, bool creates = true) {
  return test::spec_fake(id, "/targetConnections", creates, "t");
}

std::vector<std::string> create(const std::string& spec, std::vector<std::string> more) {
  std::vector<std::string> args{
      "target", "create", "--name", "T", "--spec", spec, "--base-connection", base};
  args.insert(args.end(), more.begin(), more.end());
  return with_credentials(args);
}

}  // namespace

TEST_CASE("the file-option flags become the card's target params, mode by default",
          "[commands][cards]") {
  auto f = card(s3);
  auto r =
      run_cli(create("s3", {"--bucket", "acme-exports", "--path", "audiences/%SEGMENT_NAME%",
                            "--file-type", "CSV", "--compression", "GZIP", "--csv-option",
                            "delimiter=\\t", "--csv-option", "quote=", "--manifest", "-o", "id"}),
              f);
  CHECK(r.code == 0);
  CHECK(r.out == "t\n");
  CHECK(body_of(f->sent.back())["params"] ==
        json{{"mode", "Server-to-server"},
             {"bucketName", "acme-exports"},
             {"path", "audiences/%SEGMENT_NAME%"},
             {"fileType", "CSV"},
             {"compression", "GZIP"},
             {"includeFileManifest", true},
             {"csvOptions", {{"delimiter", "\t"}, {"quote", ""}}}});
}

TEST_CASE("target create: argv -> file options", "[commands][options]") {
  using aepflow::cli::TargetCreateOptions;
  auto p = test::parse_command<TargetCreateOptions>(
      "target",
      {"target", "create", "--name", "T", "--base-connection", "B", "--spec", "s3", "--file-type",
       "PARQUET", "--compression", "NONE", "--csv-option", "a=b", "--csv-option",
       "c=", "--manifest"},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_target_create(g, ctx, run_f); });
  REQUIRE(p.run.code == 0);
  REQUIRE(p.options);
  CHECK(p.options->file_type == "PARQUET");
  CHECK(p.options->compression == "NONE");
  CHECK(p.options->csv_options == std::vector<std::string>{"a=b", "c="});
  CHECK(p.options->manifest);
}

TEST_CASE("bad target params for a card are exit 2 with nothing created", "[commands][cards]") {
  struct Case {
    std::string spec;
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"s3",
       {"--bucket", "Acme_Exports", "--path", "p", "--file-type", "CSV", "--compression", "NONE"},
       "bucketName 'Acme_Exports' does not have the expected form"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "CSV", "--compression", "NONE",
        "--csv-option", "delimiter=#"},
       "csvOptions.delimiter '#' is not one of"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "JSON", "--compression", "NONE",
        "--csv-option", "delimiter=;"},
       "csvOptions is only for fileType CSV (fileType is JSON)"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "XML", "--compression", "NONE"},
       "fileType 'XML' is not one of 'CSV', 'JSON', 'PARQUET'"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "CSV", "--compression", "ZIP"},
       "compression 'ZIP' is not one of 'NONE', 'GZIP'"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "CSV", "--compression", "NONE",
        "--csv-option", "lineSep=x"},
       "lineSep is not a CSV option"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "CSV", "--compression", "NONE",
        "--csv-option", "nodelimiter"},
       "expected KEY=VALUE"},
      {"s3",
       {"--bucket", "acme", "--path", "p", "--file-type", "CSV", "--param", "fileType=JSON",
        "--compression", "NONE"},
       "fileType is given twice"},
      {"blob",
       {"--container", "acme", "--path", "a/%SEGMENT_NAME%", "--file-type", "CSV", "--compression",
        "NONE"},
       "folder macro %SEGMENT_NAME% is not allowed here"},
      {"s3",
       {"--bucket", "acme", "--path", "a/%DATETIME%", "--file-type", "CSV", "--compression",
        "NONE"},
       "it takes %SEGMENT_NAME%, %SEGMENT_ID%"},
      {"s3", {"--bucket", "acme", "--path", "p", "--file-type", "CSV"}, "missing compression"},
  };
  for (const auto& c : cases) {
    INFO(c.says);
    // A malformed flag is refused before the spec is read.
    auto f = c.says == "expected KEY=VALUE" ? fake() : card(c.spec == "blob" ? blob : s3, false);
    auto r = run_cli(create(c.spec, c.args), f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.says));
    CHECK(test::posts(*f) == 0);
  }
}
