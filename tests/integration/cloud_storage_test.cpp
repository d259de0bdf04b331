// Today's Amazon S3 card against the real emulator: the chain with attributes and an identity
// mapped through Data Prep and read back by flow get and flow validate, re-activation that keeps
// what was mapped, deactivation of one, mandatory fields and dedup keys in the flow's params,
// and bad input refused before anything is made.
#include <catch2/catch.hpp>
#include <fstream>
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

// flow validate FLOW ARGS...: its exit code, its report on stdout (-o json).
test::Exit validate(const Emulator& emu, const std::string& flow, std::vector<std::string> args) {
  args.insert(args.begin(), {"flow", "validate", flow});
  args.insert(args.end(), {"-o", "json"});
  return aepflow(emu, args);
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

  // Read back from the mapping set: validate and get see what was mapped.
  auto valid =
      validate(emu, flow,
               {"--expect-audience", kAudience, "--expect-attribute", "person.name.firstName",
                "--expect-attribute", "personalEmail.address", "--expect-identity", "Email"});
  INFO(valid.err);
  CHECK(valid.code == 0);
  const json report = json::parse(valid.out);
  CHECK(report["mapping"]["mappingId"] == set);
  CHECK(report["identities"] == json::array({"Email"}));
  CHECK(validate(emu, flow, {"--expect-identity", "Phone_E.164"}).code == 7);
  CHECK(validate(emu, flow, {"--expect-attribute", "person.name.lastName"}).code == 7);
  const std::string expected = emu.home() + "/expected.json";
  std::ofstream(expected) << json{
      {"audiences", {{{"id", kAudience}}}},
      {"attributes", {"person.name.firstName", "personalEmail.address"}},
      {"identities", {"Email"}}}.dump();
  CHECK(validate(emu, flow, {"--expect-file", expected}).code == 0);
  auto table = aepflow(emu, {"flow", "get", flow, "-o", "table"});
  REQUIRE(table.code == 0);
  CHECK_THAT(table.out, Catch::Contains("Mapping set: " + set + " (version 0)") &&
                            Catch::Contains("person_name_firstName") &&
                            Catch::Contains("Identity: Email (column Email)"));

  // One more attribute: a new mapping set holding the old ones too.
  auto second = activate(
      emu, {flow, "--attribute", "person.name.firstName", "--attribute", "person.name.lastName"});
  CHECK(second["attributes"]["added"] == json::array({"person.name.lastName"}));
  CHECK(second["attributes"]["skipped"] == json::array({"person.name.firstName"}));
  CHECK(second["mappingSet"]["id"] != set);
  CHECK(validate(emu, flow,
                 {"--expect-attribute", "person.name.firstName", "--expect-attribute",
                  "personalEmail.address", "--expect-attribute", "person.name.lastName",
                  "--expect-identity", "Email"})
            .code == 0);
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
  auto mixed = aepflow(emu, {"flow", "activate", flow, "--attribute", "loyalty.tier", "--dedup-key",
                             "identity:Email", "--dedup-key", "personalEmail.address"});
  CHECK(mixed.code == 2);
  CHECK_THAT(mixed.err, Catch::Contains("never both"));
  auto macro =
      aepflow(emu, {"flow", "activate", flow, "--audience", "25768be6-ebd5-45cc-8913-12fb3f348613",
                    "--start-time", "17:00", "--attribute", "loyalty.tier", "--filename-template",
                    "%DESTINATION%_%SEGMENT_ID%_%FOLDER%"});
  CHECK(macro.code == 2);
  CHECK_THAT(macro.err, Catch::Contains("unknown macro %FOLDER%"));
  auto too_long =
      aepflow(emu, {"flow", "activate", flow, "--audience", "25768be6-ebd5-45cc-8913-12fb3f348613",
                    "--start-time", "17:00", "--attribute", "loyalty.tier", "--filename-template",
                    "%DESTINATION%_" + std::string(250, 'x')});
  CHECK(too_long.code == 2);
  CHECK_THAT(too_long.err, Catch::Contains("at most 255"));
  CHECK(emu.count("writes") == writes);

  // deactivate takes one attribute out; the others stay mapped.
  auto out = aepflow(emu, {"flow", "deactivate", flow, "--attribute", "person.name.firstName",
                           "--attribute", "never.mapped", "-o", "json"});
  INFO(out.err);
  REQUIRE(out.code == 0);
  const json removed = json::parse(out.out);
  CHECK(removed["attributes"]["removed"] == json::array({"person.name.firstName"}));
  CHECK(removed["attributes"]["notFound"] == json::array({"never.mapped"}));
  auto after = validate(emu, flow,
                        {"--expect-attribute", "person.name.firstName", "--expect-attribute",
                         "person.name.lastName", "--expect-identity", "Email"});
  CHECK(after.code == 7);
  CHECK(json::parse(after.out)["missing"]["attributes"] == json::array({"person.name.firstName"}));
  auto drift = validate(emu, flow, {"--expect-file", expected});
  CHECK(drift.code == 7);
  const json d = json::parse(drift.out)["drift"];
  CHECK(d["missing"]["attributes"] == json::array({"person.name.firstName"}));
  CHECK(d["extra"]["attributes"] == json::array({"person.name.lastName"}));
  CHECK(d["missing"]["identities"] == json::array());
  auto back = activate(emu, {flow, "--attribute", "person.name.firstName", "--attribute",
                             "person.name.lastName", "--identity", "Email"});
  CHECK(back["attributes"]["added"] == json::array({"person.name.firstName"}));
  CHECK(back["attributes"]["skipped"] == json::array({"person.name.lastName"}));
  CHECK(back["identities"]["skipped"] == json::array({"Email"}));
}

TEST_CASE("the current Amazon S3 card: a V2 filename template, mandatory fields and a dedup key",
          "[integration][cloud-storage]") {
  Emulator emu;
  const std::string flow = make_s3_flow(emu);
  const std::string v2 = "%DESTINATION%_%SEGMENT_ID%_%DESTINATION_INSTANCE_NAME%";
  auto done = activate(
      emu, {flow, "--audience", kAudience, "--start-time", "17:00", "--filename-template", v2,
            "--identity", "GAID", "--mandatory", "GAID", "--dedup-key", "identity:GAID"});
  CHECK(done["changed"] == true);
  auto got = aepflow(emu, {"flow", "get", flow, "-o", "json"});
  REQUIRE(got.code == 0);
  const json params = json::parse(got.out)["transformations"][0]["params"];
  CHECK(params["segmentSelectors"]["selectors"][0]["value"]["filenameTemplate"] == v2);
  CHECK(params["mandatoryFields"] == json::array({"GAID"}));
  CHECK(params["primaryFields"] ==
        json::parse(R"([{"fieldType":"IDENTITY","identityNamespace":"GAID"}])"));
  CHECK(validate(emu, flow, {"--expect-identity", "GAID"}).code == 0);
  auto table = aepflow(emu, {"flow", "get", flow, "-o", "table"});
  CHECK_THAT(table.out, Catch::Contains("Identity: GAID") &&
                            Catch::Contains("Mandatory fields: GAID") &&
                            Catch::Contains("Dedup key: identity:GAID"));

  // The flow's identity key and an attribute key would mix: refused, nothing made or sent.
  const long writes = emu.count("writes");
  auto mixed = aepflow(emu, {"flow", "activate", flow, "--dedup-key", "person.name.lastName"});
  CHECK(mixed.code == 2);
  CHECK_THAT(mixed.err, Catch::Contains("(the dataflow's own: identity:GAID)"));
  CHECK(emu.count("writes") == writes);
}

TEST_CASE("a mapping set that cannot be read fails validate with its exit code",
          "[integration][cloud-storage]") {
  Emulator emu;
  const std::string flow = make_s3_flow(emu);
  activate(emu, {flow, "--attribute", "person.name.firstName"});
  CHECK(validate(emu, flow, {"--expect-attribute", "person.name.firstName"}).code == 0);

  // Data Prep down: exit 1 with its status, not "no attributes".
  emu.admin("POST", "/__emulator/faults",
            R"({"method":"GET","pathPrefix":"/data/foundation/conversion/mappingSets/",)"
            R"("status":503,"retryAfter":0})");
  auto down = validate(emu, flow, {"--expect-attribute", "person.name.firstName"});
  CHECK(down.code == 1);
  CHECK_THAT(down.err, Catch::Contains("read mapping set") && Catch::Contains("503"));
  CHECK(down.out.empty());
  emu.admin("DELETE", "/__emulator/faults");

  // A mapping set the sandbox does not have: 404, exit 4.
  auto stored = aepflow(emu, {"flow", "get", flow, "-o", "json"});
  REQUIRE(stored.code == 0);
  const std::string etag = json::parse(stored.out)["etag"];
  auto patched = aepflow(
      emu, {"api", "PATCH", "/flows/" + flow, "-H", "If-Match:" + etag, "-H",
            "Content-Type:application/json", "-d",
            R"([{"op":"replace","path":"/transformations/0/params/profileMapping",)"
            R"("value":{"mappingId":"304ca6a2fff244949c956cad1cd9eae6","mappingVersion":0}}])"});
  INFO(patched.err);
  REQUIRE(patched.code == 0);
  auto gone = aepflow(emu, {"flow", "get", flow, "-o", "table"});
  CHECK(gone.code == 4);
  CHECK_THAT(gone.err, Catch::Contains("304ca6a2fff244949c956cad1cd9eae6"));
  CHECK(validate(emu, flow, {"--expect-attribute", "person.name.firstName"}).code == 4);
}
