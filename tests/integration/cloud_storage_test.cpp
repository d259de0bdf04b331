// Today's Amazon S3 card against the real emulator: the chain with attributes and an identity
// mapped through Data Prep, re-activation that keeps what was mapped, and a second identity
// refused before anything is made.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

constexpr const char* kAudience = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";

std::string make_s3_flow(const Emulator& emu) {
  auto base = id_of(aepflow(emu, {"connection", "create", "--name", "b", "-o", "id"}));
  auto source = id_of(
      aepflow(emu, {"source", "create", "--name", "s", "--base-connection", base, "-o", "id"}));
  auto dest = id_of(aepflow(
      emu,
      {"connection", "create", "--name", "S3", "--spec", "s3", "--auth-spec", "Access Key",
       "--param", "s3AccessKey=env:KEY", "--param", "s3SecretKey=env:SECRET", "-o", "id"},
      {{"KEY", "AKIAEXAMPLEKEY234567"}, {"SECRET", "exampleOnlyS3SecretKey000000000000000000"}}));
  auto target = id_of(aepflow(emu, {"target",
                                    "create",
                                    "--name",
                                    "t",
                                    "--base-connection",
                                    dest,
                                    "--spec",
                                    "Amazon S3",
                                    "--param",
                                    "mode=Server-to-server",
                                    "--bucket",
                                    "acme-exports",
                                    "--path",
                                    "daily",
                                    "--param",
                                    "compression=GZIP",
                                    "--param",
                                    "fileType=CSV",
                                    "-o",
                                    "id"}));
  return id_of(aepflow(emu, {"flow", "create", "--name", "f", "--flow-spec", "Amazon S3",
                             "--source", source, "--target", target, "-o", "id"}));
}

json activate(const Emulator& emu, std::vector<std::string> args) {
  args.insert(args.begin(), {"flow", "activate"});
  args.insert(args.end(), {"-o", "json"});
  auto r = aepflow(emu, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("the current Amazon S3 card: attributes and an identity through a mapping set",
          "[integration][cloud-storage]") {
  Emulator emu;
  const std::string flow = make_s3_flow(emu);
  auto first = activate(emu, {flow, "--audience", kAudience, "--start-time", "17:00", "--attribute",
                              "person.name.firstName", "--attribute", "personalEmail.address",
                              "--identity", "Email"});
  CHECK(first["changed"] == true);
  CHECK(first["attributes"]["added"] ==
        json::array({"person.name.firstName", "personalEmail.address"}));
  const std::string set = first["mappingSet"]["id"];
  CHECK(set.size() == 32);

  auto got = aepflow(emu, {"flow", "get", flow, "-o", "json"});
  REQUIRE(got.code == 0);
  const json params = json::parse(got.out)["transformations"][0]["params"];
  CHECK(params["profileMapping"]["mappingId"] == set);
  CHECK_FALSE(params.contains("profileSelectors"));
  CHECK(params["segmentSelectors"]["selectors"].size() == 1);

  // One more attribute: a new mapping set holding the old ones too.
  auto second = activate(
      emu, {flow, "--attribute", "person.name.firstName", "--attribute", "person.name.lastName"});
  CHECK(second["attributes"]["added"] == json::array({"person.name.lastName"}));
  CHECK(second["attributes"]["skipped"] == json::array({"person.name.firstName"}));
  CHECK(second["mappingSet"]["id"] != set);
  // Read back from the new set: everything asked so far is there, nothing is sent.
  auto again = aepflow(emu, {"flow", "activate", flow, "--attribute", "personalEmail.address",
                             "--attribute", "person.name.lastName", "--identity", "Email"});
  CHECK(again.code == 0);
  CHECK_THAT(again.err, Catch::Contains("nothing to do"));

  // A second identity, or a bad path, is refused before anything is made.
  const long writes = emu.count("writes");
  auto phone = aepflow(emu, {"flow", "activate", flow, "--identity", "Phone_E.164"});
  CHECK(phone.code == 2);
  CHECK_THAT(phone.err, Catch::Contains("one identity namespace"));
  auto spaced = aepflow(emu, {"flow", "activate", flow, "--attribute", "person.name first"});
  CHECK(spaced.code == 2);
  auto unknown = aepflow(emu, {"flow", "activate", flow, "--attribute", "loyalty.nosuch"});
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("not in the profile's union schema"));
  CHECK(emu.count("writes") == writes);

  // deactivate takes one attribute out; the others stay mapped.
  auto out = aepflow(emu, {"flow", "deactivate", flow, "--attribute", "person.name.firstName",
                           "--attribute", "never.mapped", "-o", "json"});
  INFO(out.err);
  REQUIRE(out.code == 0);
  const json removed = json::parse(out.out);
  CHECK(removed["attributes"]["removed"] == json::array({"person.name.firstName"}));
  CHECK(removed["attributes"]["notFound"] == json::array({"never.mapped"}));
  auto back = activate(emu, {flow, "--attribute", "person.name.firstName", "--attribute",
                             "person.name.lastName", "--identity", "Email"});
  CHECK(back["attributes"]["added"] == json::array({"person.name.firstName"}));
  CHECK(back["attributes"]["skipped"] == json::array({"person.name.lastName"}));
  CHECK(back["identities"]["skipped"] == json::array({"Email"}));
}
