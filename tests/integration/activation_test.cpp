// Activation against the real emulator: racing writers, an injected 412, thousands of audiences,
// removal and drift.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <set>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

// A fresh flow for Adobe Campaign over SFTP.
std::string make_flow(const Emulator& emu) {
  auto base = id_of(aepflow(emu, {"connection", "create", "--name", "b", "-o", "id"}));
  auto source = id_of(
      aepflow(emu, {"source", "create", "--name", "s", "--base-connection", base, "-o", "id"}));
  auto dest =
      id_of(aepflow(emu,
                    {"connection", "create", "--name", "d", "--spec", "Adobe Campaign",
                     "--auth-spec", "SFTP with Password", "--param", "domain=d", "--param",
                     "host=h", "--param", "username=u", "--param", "password=env:PW", "-o", "id"},
                    {{"PW", "pw"}}));
  auto target =
      id_of(aepflow(emu, {"target", "create", "--name", "t", "--base-connection", dest, "--spec",
                          "Adobe Campaign", "--mode", "FTP", "--remote-path", "/x", "-o", "id"}));
  return id_of(aepflow(emu, {"flow", "create", "--name", "f", "--flow-spec", "Adobe Campaign",
                             "--source", source, "--target", target, "-o", "id"}));
}

json flow_json(const Emulator& emu, const std::string& flow) {
  auto r = aepflow(emu, {"flow", "get", flow, "-o", "json"});
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

std::multiset<std::string> audience_ids(const json& flow) {
  std::multiset<std::string> ids;
  for (const auto& s : flow["transformations"][0]["params"]["segmentSelectors"]["selectors"]) {
    ids.insert(s["value"]["id"].get<std::string>());
  }
  return ids;
}

std::string segment(int i) {
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012x", i, i);
  return buf;
}

}  // namespace

TEST_CASE("twenty processes activating on one flow at once: all twenty, each once",
          "[integration][activate]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  std::vector<std::future<test::Exit>> runs;
  for (int i = 0; i < 20; ++i) {
    runs.push_back(std::async(std::launch::async, [&, i] {
      return aepflow(emu, {"flow", "activate", flow, "--audience", segment(i), "--start-time",
                           "17:00", "-o", "json"});
    }));
  }
  int retried = 0;
  for (auto& r : runs) {
    auto exit = r.get();
    INFO(exit.err);
    CHECK(exit.code == 0);
    if (exit.code == 0 && json::parse(exit.out)["attempts"].get<int>() > 1) ++retried;
  }
  auto ids = audience_ids(flow_json(emu, flow));
  CHECK(ids.size() == 20);
  for (int i = 0; i < 20; ++i)
    CHECK(ids.count(segment(i)) == 1);
  WARN(retried << " of 20 recovered from a 412");
}

TEST_CASE("a 412 between read and patch is recovered without loss or duplication",
          "[integration][activate]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  REQUIRE(
      aepflow(emu, {"flow", "activate", flow, "--audience", segment(1), "--start-time", "17:00"})
          .code == 0);
  // Another writer changes the flow just before the next PATCH arrives.
  emu.admin("POST", "/__emulator/faults",
            R"({"method":"PATCH","pathPrefix":"/flows/","action":"touch","times":1})");
  auto r = aepflow(emu, {"flow", "activate", flow, "--audience", segment(1), "--audience",
                         segment(2), "--start-time", "17:00", "-o", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  json answer = json::parse(r.out);
  CHECK(answer["attempts"] == 2);
  CHECK(answer["audiences"]["added"] == json::array({segment(2)}));
  CHECK(answer["audiences"]["skipped"] == json::array({segment(1)}));
  CHECK(audience_ids(flow_json(emu, flow)) == std::multiset<std::string>{segment(1), segment(2)});

  // With the etag pinned, a 412 is final: exit 5 and nothing applied.
  std::string etag = flow_json(emu, flow)["etag"];
  emu.admin("POST", "/__emulator/faults",
            R"({"method":"PATCH","pathPrefix":"/flows/","action":"touch","times":1})");
  auto pinned = aepflow(emu, {"flow", "activate", flow, "--audience", segment(3), "--start-time",
                              "17:00", "--etag", etag});
  CHECK(pinned.code == 5);
  CHECK(audience_ids(flow_json(emu, flow)).count(segment(3)) == 0);
}

TEST_CASE("5,000 audiences from a file: one PATCH, all on the flow, and no drift",
          "[integration][activate][bulk]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  const std::string file = emu.home() + "/audiences.csv";
  {
    std::ofstream out(file);
    out << "id,name,exportMode,frequency,startTime,endDate\n";
    for (int i = 0; i < 5000; ++i) {
      if (i % 2 == 0) {
        out << segment(i) << ",Audience " << i << ",DAILY_FULL_EXPORT,ONCE,17:00,\n";
      } else {
        out << segment(i) << ",\"Audience, " << i
            << "\",FIRST_FULL_THEN_INCREMENTAL,EVERY_6_HOURS,,2027-01-31\n";
      }
    }
  }
  long writes = emu.count("writes");
  auto r = aepflow(emu, {"flow", "activate", flow, "--audiences-file", file, "--start-time",
                         "08:00", "--start-date", "2026-12-01", "-o", "json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(emu.count("writes") - writes == 1);
  CHECK(json::parse(r.out)["audiences"]["added"].size() == 5000);
  auto ids = audience_ids(flow_json(emu, flow));
  CHECK(ids.size() == 5000);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 5000);

  auto same = aepflow(emu, {"flow", "validate", flow, "--expect-file", file});
  CHECK(same.code == 0);
  // Running it again changes nothing and sends nothing.
  writes = emu.count("writes");
  auto again = aepflow(emu, {"flow", "activate", flow, "--audiences-file", file, "--start-time",
                             "08:00", "--start-date", "2026-12-01", "-o", "json"});
  CHECK(again.code == 0);
  CHECK(json::parse(again.out)["changed"] == false);
  CHECK(emu.count("writes") == writes);
}

TEST_CASE("update, list, deactivate and drift through the binary", "[integration][activate]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  REQUIRE(aepflow(emu, {"flow", "activate", flow, "--audience", segment(1) + "=One", "--audience",
                        segment(2), "--attribute", "person.lastName", "--attribute",
                        "personalEmail.address", "--mandatory", "person.lastName", "--dedup-key",
                        "personalEmail.address", "--start-time", "17:00"})
              .code == 0);
  auto update = aepflow(emu, {"flow", "activate", flow, "--audience", segment(1), "--update",
                              "--start-time", "19:00", "-o", "json"});
  INFO(update.err);
  REQUIRE(update.code == 0);
  CHECK(json::parse(update.out)["audiences"]["updated"] == json::array({segment(1)}));

  auto list = aepflow(emu, {"flow", "audiences", flow, "-o", "json"});
  REQUIRE(list.code == 0);
  json audiences = json::parse(list.out);
  REQUIRE(audiences.size() == 2);
  CHECK(audiences[0]["name"] == "One");  // kept: --update changes only what it is given
  CHECK(audiences[0]["schedule"]["startTime"] == "19:00");
  CHECK(audiences[1]["schedule"]["startTime"] == "17:00");

  const std::string expected = emu.home() + "/expected.json";
  std::ofstream(expected)
      << json{{"audiences", {{{"id", segment(1)}, {"startTime", "19:00"}}, {{"id", segment(2)}}}},
              {"attributes", {"person.lastName", "personalEmail.address"}},
              {"mandatoryFields", {"person.lastName"}},
              {"primaryFields", {"personalEmail.address"}}}
             .dump();
  CHECK(aepflow(emu, {"flow", "validate", flow, "--expect-file", expected}).code == 0);

  auto removed = aepflow(emu, {"flow", "deactivate", flow, "--audience", segment(2), "--attribute",
                               "personalEmail.address", "-o", "json"});
  INFO(removed.err);
  REQUIRE(removed.code == 0);
  auto drift = aepflow(emu, {"flow", "validate", flow, "--expect-file", expected, "-o", "json"});
  CHECK(drift.code == 7);
  json report = json::parse(drift.out);
  CHECK(report["drift"]["missing"]["audiences"] == json::array({segment(2)}));
  CHECK(report["drift"]["missing"]["attributes"] == json::array({"personalEmail.address"}));
  auto table = aepflow(emu, {"flow", "validate", flow, "--expect-file", expected, "-o", "table"});
  CHECK(table.code == 7);
  CHECK_THAT(table.out,
             Catch::Contains("+ audience " + segment(2) + ": in the file, not on the dataflow"));
  CHECK_THAT(table.err, Catch::Contains("differs from " + expected));
}

TEST_CASE("the emulator refuses what the client would have refused", "[integration][activate]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  std::string etag = flow_json(emu, flow)["etag"];
  // Straight to the service, past the client's checks.
  json ops = json::array(
      {{{"op", "add"},
        {"path", "/transformations/0/params/segmentSelectors/selectors/-"},
        {"value",
         {{"type", "PLATFORM_SEGMENT"},
          {"value",
           {{"id", segment(1)},
            {"filenameTemplate", "%SEGMENT_ID%"},
            {"exportMode", "DAILY_FULL_EXPORT"},
            {"schedule",
             {{"frequency", "ONCE"}, {"startDate", "2026-12-01"}, {"startTime", "17:00"}}}}}}}}});
  auto r = test::run_process({"curl",
                              "-s",
                              "-o",
                              "/dev/stderr",
                              "-w",
                              "%{http_code}",
                              "-X",
                              "PATCH",
                              "-H",
                              "Authorization: Bearer emulator-token",
                              "-H",
                              "x-api-key: emulator-api-key",
                              "-H",
                              "x-gw-ims-org-id: O@AdobeOrg",
                              "-H",
                              "x-sandbox-name: prod",
                              "-H",
                              "Content-Type: application/json",
                              "-H",
                              "If-Match: " + etag,
                              "-d",
                              ops.dump(),
                              emu.flow_service_url() + "/flows/" + flow});
  CHECK(r.out == "400");
  CHECK_THAT(r.err, Catch::Contains("filenameTemplate must contain %DESTINATION_NAME%"));
}
