// destroy of one of two pipeline files that share the Profile Store base and source connections:
// what the other file's flow still uses is kept, said so with who uses it, and is no error.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "audiences.hpp"
#include "pipeline_examples.hpp"
#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

namespace {

const auto& kSecrets = test::kExampleSecrets;

std::string id_named(const Emulator& emu, const char* noun, const std::string& name) {
  return test::id_of(aepflow(emu, {noun, "list", "--name", name, "-o", "id"}));
}

}  // namespace

TEST_CASE(
    "destroy of one of two files sharing Profile Store connections keeps what the other "
    "uses, exits 0, and runs again with no write",
    "[integration][pipeline][destroy]") {
  Emulator emu;
  const std::string s3 = test::example_pipeline(),
                    blob = test::example_pipeline("adobe-campaign-azure-blob");
  REQUIRE(aepflow(emu, {"apply", "-f", s3, "--yes"}, kSecrets).code == 0);
  REQUIRE(aepflow(emu, {"apply", "-f", blob, "--yes"}, kSecrets).code == 0);
  const std::string source = id_named(emu, "source", "Connecting to Profile Store");
  const std::string base = id_named(emu, "connection", "Base connection to Experience Platform");
  const std::string other_flow =
      id_named(emu, "flow", "activate audiences (adobe-campaign-azure-blob)");

  auto destroy = aepflow(emu, {"destroy", "-f", s3, "--yes", "-o", "table"}, kSecrets);
  INFO(destroy.out << destroy.err);
  CHECK(destroy.code == 0);
  CHECK_THAT(destroy.out,
             Catch::Contains("Kept source connection \"Connecting to Profile Store\" (" + source +
                             "): used by dataflow " + other_flow +
                             " (activate audiences (adobe-campaign-azure-blob))"));
  CHECK_THAT(destroy.out, Catch::Contains("Kept Profile Store base connection \"Base connection "
                                          "to Experience Platform\" (" +
                                          base + "): used by "));
  CHECK_THAT(destroy.out, Catch::Contains("Deleted base connection \"S3 Connection for Adobe "
                                          "Campaign\""));
  // What only the first file used is gone; the other file's pipeline is whole.
  auto names = test::resource_names(emu);
  CHECK(names.count("S3 Connection for Adobe Campaign") == 0);
  CHECK(names.count("TargetConnection for Adobe Campaign") == 0);
  CHECK(names.count("activate audiences to Adobe Campaign") == 0);
  CHECK(names.size() == 5);
  CHECK(aepflow(emu, {"plan", "-f", blob, "--detailed-exitcode"}, kSecrets).code == 0);

  // Again: nothing to delete, the same kept, exit 0, no write.
  const long writes = emu.count("writes");
  auto again = aepflow(emu, {"destroy", "-f", s3, "--yes", "-o", "json"}, kSecrets);
  INFO(again.err);
  CHECK(again.code == 0);
  CHECK(emu.count("writes") == writes);
  auto summary = json::parse(again.out)["summary"];
  CHECK(summary["destroy"] == 0);
  CHECK(summary["kept"] == 2);

  // The other file's destroy removes the rest: nothing uses it any more.
  auto last = aepflow(emu, {"destroy", "-f", blob, "--yes"}, kSecrets);
  INFO(last.err);
  CHECK(last.code == 0);
  CHECK(test::resource_names(emu).empty());
}
