// aepflow import against the emulator: every example pipeline, applied, imported (by flow, by
// destination and all), plans no change, applies with no write, and recreates the destination in
// another sandbox, where flow validate --expect-file finds no drift; no secret is ever shown.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "import_support.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

// The text of the first match of `pattern`'s group 1 in `text`.
std::string first(const std::string& text, const std::string& pattern) {
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(pattern)));
  return m[1];
}

std::string flow_id(const Emulator& emu, const std::string& name,
                    const std::string& sandbox = "prod") {
  return test::id_of(
      aepflow(emu, {"flow", "list", "--name", name, "-o", "id", "--sandbox", sandbox}));
}

void check_no_secret(const std::string& text) {
  for (const auto& [name, value] : test::kEverySecret) {
    CAPTURE(name);
    CHECK(text.find(value) == std::string::npos);
  }
  CHECK(text.find("********") == std::string::npos);
}

}  // namespace

TEST_CASE(
    "each example pipeline, imported: plans no change, applies with no write, and recreates "
    "the destination in another sandbox with no drift",
    "[integration][import][examples]") {
  auto name = GENERATE(as<std::string>{}, "adobe-campaign-s3", "adobe-campaign-sftp-password",
                       "adobe-campaign-sftp-key", "adobe-campaign-azure-blob", "oracle-eloqua",
                       "oracle-responsys", "salesforce-marketing-cloud", "amazon-s3-legacy",
                       "azure-blob-legacy", "sftp-legacy", "amazon-s3", "azure-blob-storage",
                       "adls-gen2", "data-landing-zone", "google-cloud-storage", "sftp");
  CAPTURE(name);
  Emulator emu({"--sandbox", "prod", "--sandbox", "other"});
  const std::string example = test::source_dir() + "/examples/pipelines/" + name + ".yaml";
  const std::string original = test::read_text(example);
  auto applied = aepflow(emu, {"apply", "-f", example, "--yes"}, test::kEverySecret);
  INFO(applied.err);
  REQUIRE(applied.code == 0);
  const std::string flow_name = first(original, R"(\n    flow:\n      name: (.*)\n)");
  const std::string id = flow_id(emu, flow_name);

  const std::string file = emu.home() + "/imported.yaml";
  auto imported = aepflow(emu, {"import", "--flow", id, "--file", file, "-vv"});
  INFO(imported.err);
  REQUIRE(imported.code == 0);
  const std::string text = test::read_text(file);
  INFO(text);
  CHECK(imported.out.empty());  // the file went to --file
  check_no_secret(text + imported.out + imported.err);
  CHECK_THAT(text, Catch::Contains("      name: " + flow_name + "\n"));

  // The same file by destination, by --all, and on stdout.
  const std::string destination = first(original, R"(\n    destination: (.*)\n)");
  auto by_destination = aepflow(emu, {"import", "--destination", destination});
  INFO(by_destination.err);
  CHECK(by_destination.code == 0);
  CHECK(by_destination.out == text);
  auto all = aepflow(emu, {"import", "--all", "--file", "-"});
  CHECK(all.code == 0);
  CHECK(all.out == text);

  // Every secret is an env: reference the user is told to set.
  const auto env = test::imported_env(imported.err, original);
  const std::regex reference(": env:");
  const auto references = std::distance(
      std::sregex_iterator(original.begin(), original.end(), reference), std::sregex_iterator());
  CHECK(static_cast<long>(env.size()) == references);
  for (const auto& [variable, value] : env) {
    CAPTURE(variable);
    CHECK(value != "unknown-param");
    CHECK_THAT(text, Catch::Contains(": env:" + variable + "\n"));
  }

  auto plan = aepflow(emu, {"plan", "-f", file, "--detailed-exitcode", "-o", "table"}, env);
  INFO(plan.out + plan.err);
  CHECK(plan.code == 0);
  const long writes = emu.count("writes");
  auto again = aepflow(emu, {"apply", "-f", file, "--yes"}, env);
  INFO(again.err);
  CHECK(again.code == 0);
  CHECK(emu.count("writes") == writes);  // nothing to change, nothing sent

  // Promoted: the same file makes the same destination in another sandbox.
  auto promoted = aepflow(emu, {"apply", "-f", file, "--yes", "--sandbox", "other"}, env);
  INFO(promoted.err);
  REQUIRE(promoted.code == 0);
  const std::string other = flow_id(emu, flow_name, "other");
  CHECK(other != id);
  auto validate = aepflow(
      emu, {"flow", "validate", other, "--expect-file", file, "--sandbox", "other", "-o", "table"});
  INFO(validate.out + validate.err);
  CHECK(validate.code == 0);
  CHECK_THAT(validate.out, Catch::Contains("In sync with " + file));
  CHECK(aepflow(emu, {"plan", "-f", file, "--detailed-exitcode", "--sandbox", "other"}, env).code ==
        0);
  // And what the other sandbox holds imports as the same file, but for its header.
  auto back = aepflow(emu, {"import", "--all", "--sandbox", "other"});
  CHECK(back.code == 0);
  CHECK(back.out.substr(back.out.find("pipelines:")) == text.substr(text.find("pipelines:")));
}
