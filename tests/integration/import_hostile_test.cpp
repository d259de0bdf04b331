// aepflow import when things are not as they should be: a flow that does not exist, one that does
// not read the Profile Store, names no YAML writer would write plainly, a --file that cannot be
// written or already exists, and the wrong selectors.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "import_support.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

const std::string kS3 = "amazon-s3";

std::string example(const std::string& name) {
  return test::source_dir() + "/examples/pipelines/" + name + ".yaml";
}

std::string applied_flow(const Emulator& emu, const std::string& name, const std::string& flow) {
  auto apply = aepflow(emu, {"apply", "-f", example(name), "--yes"}, test::kEverySecret);
  INFO(apply.err);
  REQUIRE(apply.code == 0);
  return test::id_of(aepflow(emu, {"flow", "list", "--name", flow, "-o", "id"}));
}

// A dataset export: a flow from the Data Lake to the Amazon S3 card's target connection.
std::string dataset_flow(const Emulator& emu) {
  const json source = {
      {"name", "Datasets to export"},
      {"connectionSpec", {{"id", "23598e46-f560-407b-88d5-ea6207e49db0"}, {"version", "1.0"}}},
      {"params", {{"datasets", json::array()}}}};
  auto made = aepflow(emu, {"api", "POST", "/sourceConnections", "-d", source.dump()});
  INFO(made.err);
  REQUIRE(made.code == 0);
  const std::string base = test::id_of(
      aepflow(emu, {"connection", "list", "--name", "Connect to Amazon S3", "-o", "id"}));
  const json files = {
      {"name", "Dataset files"},
      {"baseConnectionId", base},
      {"params",
       {{"mode", "Server-to-server"},
        {"bucketName", "dataexportsbucket"},
        {"path", "dataexports"},
        {"compression", "GZIP"},
        {"datasetFileType", "JSON"}}},
      {"connectionSpec", {{"id", "4fce964d-3f37-408f-9778-e597338a21ee"}, {"version", "1.0"}}}};
  auto target = aepflow(emu, {"api", "POST", "/targetConnections", "-d", files.dump()});
  INFO(target.err);
  REQUIRE(target.code == 0);
  const json flow = {
      {"name", "export datasets"},
      {"flowSpec", {{"id", "269ba276-16fc-47db-92b0-c1049a3c131f"}, {"version", "1.0"}}},
      {"sourceConnectionIds", {json::parse(made.out)["id"]}},
      {"targetConnectionIds", {json::parse(target.out)["id"]}},
      {"transformations", json::array()},
      {"scheduleParams",
       {{"interval", 1},
        {"timeUnit", "day"},
        {"startTime", 1668474000},
        {"exportMode", "FIRST_FULL_THEN_INCREMENTAL"}}}};
  auto created = aepflow(emu, {"api", "POST", "/flows", "-d", flow.dump()});
  INFO(created.err);
  REQUIRE(created.code == 0);
  return json::parse(created.out)["id"];
}

}  // namespace

TEST_CASE("import: a flow that does not exist, a malformed ID, and the wrong selectors",
          "[integration][import]") {
  Emulator emu;
  auto missing = aepflow(emu, {"import", "--flow", "0b9c7a51-0000-4000-8000-000000000000"});
  CHECK(missing.code == 4);
  CHECK_THAT(missing.err, Catch::Contains("0b9c7a51-0000-4000-8000-000000000000"));
  CHECK(missing.out.empty());

  const long requests = emu.count("requests");
  CHECK(aepflow(emu, {"import", "--flow", "not-an-id"}).code == 2);
  auto none = aepflow(emu, {"import"});
  CHECK(none.code == 2);
  CHECK_THAT(none.err, Catch::Contains("--flow ID") && Catch::Contains("--all"));
  auto both = aepflow(emu, {"import", "--all", "--destination", "Amazon S3"});
  CHECK(both.code == 2);
  CHECK_THAT(both.err, Catch::Contains("choose one way"));
  CHECK(emu.count("requests") == requests);  // usage errors: nothing is sent

  auto empty = aepflow(emu, {"import", "--all"});
  CHECK(empty.code == 4);
  CHECK_THAT(empty.err, Catch::Contains("no destination dataflow"));
  auto unknown = aepflow(emu, {"import", "--destination", "No Such Destination"});
  CHECK(unknown.code == 2);
}

TEST_CASE("import: a flow that does not read the Profile Store is left out, or refused by ID",
          "[integration][import]") {
  Emulator emu;
  const std::string s3 = applied_flow(emu, kS3, "activate audiences (amazon-s3)");
  const std::string datasets = dataset_flow(emu);

  auto all = aepflow(emu, {"import", "--all"});
  INFO(all.err);
  CHECK(all.code == 0);
  CHECK_THAT(all.err, Catch::Contains("dataflow " + datasets + " (export datasets)") &&
                          Catch::Contains("does not read the Profile Store"));
  CHECK_THAT(all.out, Catch::Contains("activate audiences (amazon-s3)") &&
                          !Catch::Contains("export datasets"));

  auto by_id = aepflow(emu, {"import", "--flow", s3, "--flow", datasets});
  CHECK(by_id.code == 2);
  CHECK_THAT(by_id.err,
             Catch::Contains(datasets) && Catch::Contains("does not read the Profile Store"));
  CHECK(by_id.out.empty());
}

TEST_CASE(
    "import: names with quotes, colons, line breaks, control characters and unicode "
    "round-trip exactly",
    "[integration][import]") {
  Emulator emu({"--sandbox", "prod", "--sandbox", "other"});
  // Written with YAML's double-quoted escapes: what the service then holds is these exact names.
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Connect to Amazon S3", R"(\"quoted\": it's #1\nsecond line)"},
      {"Files for amazon-s3", R"(- [files] {for}: &s3 *x !y %z @w `v` \t tab \r\n crlf)"},
      {"activate audiences (amazon-s3)", R"(true)"},  // a boolean, were it written plain
      {"Base connection to Experience Platform",
       R"(caf\u00e9 \u65e5\u672c \U0001F6B4 \x7f \u0085 \u2028)"},
      {"Connecting to Profile Store", R"(007)"},
  };
  std::string text = test::read_text(example(kS3));
  for (const auto& [from, to] : names) {
    const auto at = text.find(": " + from + "\n");
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size() + 3, ": \"" + to + "\"\n");
  }
  text.replace(text.find("Interested in Mountain Biking"), 29, "\"Bikers: \\\"MTB\\\" \\x01\"");
  const std::string file = emu.home() + "/hostile.yaml";
  std::ofstream(file) << text;
  auto apply = aepflow(emu, {"apply", "-f", file, "--yes"}, test::kEverySecret);
  INFO(apply.err);
  REQUIRE(apply.code == 0);

  const std::string imported = emu.home() + "/imported.yaml";
  auto import = aepflow(emu, {"import", "--all", "-f", imported});
  INFO(import.err);
  REQUIRE(import.code == 0);
  INFO(test::read_text(imported));
  const auto env = test::imported_env(import.err, text);
  // Found by name: any name that did not round-trip would be a resource to create.
  auto plan = aepflow(emu, {"plan", "-f", imported, "--detailed-exitcode", "-o", "json"}, env);
  INFO(plan.out + plan.err);
  CHECK(plan.code == 0);
  const json summary = json::parse(plan.out)["summary"];
  CHECK(summary["unchanged"] == 6);
  CHECK(summary["create"] == 0);

  // And the names as the service holds them are the ones a JSON reader sees in the original.
  auto flows = aepflow(emu, {"flow", "list", "--all", "-o", "json"});
  const json flow = json::parse(flows.out)[0];
  CHECK(flow["name"] == "true");
  auto sources = aepflow(emu, {"source", "list", "--all", "-o", "json"});
  CHECK(json::parse(sources.out)[0]["name"] == "007");
  auto bases = aepflow(emu, {"connection", "list", "--all", "-o", "json"});
  bool found = false;
  for (const auto& c : json::parse(bases.out)) {
    found = found || c["name"] == "\"quoted\": it's #1\nsecond line";
  }
  CHECK(found);

  // The same names make the same resources in another sandbox.
  auto promoted = aepflow(emu, {"apply", "-f", imported, "--yes", "--sandbox", "other"}, env);
  INFO(promoted.err);
  CHECK(promoted.code == 0);
  auto back = aepflow(emu, {"import", "--all", "--sandbox", "other"});
  CHECK(back.out.substr(back.out.find("pipelines:")) ==
        test::read_text(imported).substr(test::read_text(imported).find("pipelines:")));
}

TEST_CASE(
    "import --file: written whole, never over a file without --force, and an unwritable "
    "path is an error",
    "[integration][import]") {
  Emulator emu;
  applied_flow(emu, kS3, "activate audiences (amazon-s3)");
  const std::string file = emu.home() + "/out.yaml";
  std::ofstream(file) << "keep me\n";
  const long requests = emu.count("requests");

  auto refused = aepflow(emu, {"import", "--all", "--file", file});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains(file + " exists") && Catch::Contains("--force"));
  CHECK(test::read_text(file) == "keep me\n");
  CHECK(emu.count("requests") == requests);  // refused before anything is read

  auto forced = aepflow(emu, {"import", "--all", "--file", file, "--force"});
  INFO(forced.err);
  CHECK(forced.code == 0);
  CHECK_THAT(test::read_text(file),
             Catch::Contains("pipelines:\n  - name: activate-audiences-amazon-s3\n"));

  const std::string nowhere = emu.home() + "/no-such-folder/out.yaml";
  auto unwritable = aepflow(emu, {"import", "--all", "--file", nowhere});
  CHECK(unwritable.code == 1);
  CHECK_THAT(unwritable.err, Catch::Contains("cannot write " + nowhere));
  CHECK(unwritable.out.empty());
  CHECK_FALSE(std::filesystem::exists(nowhere));
  // No temporary file is left behind either.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(emu.home()))
    ++entries;
  auto again = aepflow(emu, {"import", "--all", "--file", file, "--force"});
  CHECK(again.code == 0);
  int after = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(emu.home()))
    ++after;
  CHECK(after == entries);

  // Reads only: --dry-run changes nothing and prints the same file.
  auto dry = aepflow(emu, {"import", "--all", "--dry-run"});
  CHECK(dry.code == 0);
  CHECK(dry.out == test::read_text(file));
}
