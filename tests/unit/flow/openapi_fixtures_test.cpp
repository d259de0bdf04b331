// The example responses of Adobe's OpenAPI files, parsed by the client and printed by the CLI.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "aepflow/activation/activation.hpp"
#include "cli_harness.hpp"
#include "seed_specs.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using test::read_text;

fs::path responses() {
  return fs::path(AEPFLOW_FIXTURES_DIR) / "openapi" / "responses";
}

std::vector<fs::path> fixtures_where(const std::function<bool(const json&)>& pred) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(responses())) {
    if (pred(json::parse(read_text(e.path())))) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_flow(const json& j) {
  return j.contains("items") && j["items"].size() == 1 &&
         j["items"][0].contains("sourceConnectionIds");
}

}  // namespace

TEST_CASE("every flow example is shown and validated by the CLI", "[fixtures]") {
  auto files = fixtures_where(is_flow);
  REQUIRE(files.size() >= 9);
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    json example = json::parse(read_text(file));
    const json& flow = example["items"][0];
    const std::string id = flow["id"];
    FlowContents contents = read_flow_contents(flow);

    // A current card's flow: its mapping set is read back too (one mapping of each kind).
    const std::string set_answer =
        R"({"mappings":[{"source":"person.name.firstName","destination":"person_name_firstName"},
                        {"source":"identityMap.ECID","destination":"ECID"}]})";
    auto answer = [&](test::FakeTransport& f) {
      f.on(Method::get, "/flows/" + id, 200, example.dump());
      if (contents.mapping_set) {
        f.on(Method::get, "/mappingSets/" + contents.mapping_set->id, 200, set_answer);
      }
    };
    auto fake = std::make_shared<test::FakeTransport>();
    answer(*fake);
    auto table = test::run_cli(test::with_credentials({"flow", "get", id, "-o", "table"}), fake);
    CHECK(table.code == 0);
    CHECK(table.err.empty());
    CHECK_THAT(table.out, Catch::Contains(flow["name"].get<std::string>()));
    CHECK_THAT(table.out, Catch::Contains(flow["etag"].get<std::string>()));
    for (const auto& a : contents.audiences)
      CHECK_THAT(table.out, Catch::Contains(a.id));
    if (contents.mapping_set) {
      CHECK_THAT(table.out, Catch::Contains("Mapping set: " + contents.mapping_set->id));
      CHECK_THAT(table.out, Catch::Contains("Identity: ECID (column ECID)"));
    }

    std::vector<std::string> args = {"flow", "validate", id, "-o", "json"};
    if (contents.mapping_set) {
      for (const char* a :
           {"--expect-attribute", "person.name.firstName", "--expect-identity", "ECID"})
        args.push_back(a);
    }
    for (const auto& a : contents.audiences) {
      args.push_back("--expect-audience");
      args.push_back(a.id);
    }
    for (const auto& p : contents.attributes) {
      args.push_back("--expect-attribute");
      args.push_back(p);
    }
    auto fake2 = std::make_shared<test::FakeTransport>();
    answer(*fake2);
    auto v = test::run_cli(test::with_credentials(args), fake2);
    CHECK(v.code == 0);
    json report = json::parse(v.out);
    CHECK(report["valid"] == true);
    CHECK(report["audiences"].size() == contents.audiences.size());
  }
}

TEST_CASE("the tutorial's flow example holds its audience and attributes", "[fixtures]") {
  json example = json::parse(read_text(responses() / "Batch_Flow_Daily_Full_Once_Scheduled.json"));
  auto c = read_flow_contents(example["items"][0]);
  REQUIRE(c.audiences.size() == 1);
  CHECK(c.audiences[0].id == "979558ae-a8ba-4e6e-b6ba-95c0a523b44a");
  CHECK(c.audiences[0].export_mode == "DAILY_FULL_EXPORT");
  CHECK(c.audiences[0].schedule.start_time == "23:00");
  CHECK(c.attributes == std::vector<std::string>{"person.name.firstName", "person.name.lastName",
                                                 "personalEmail.address",
                                                 "segmentMembership.status"});
  CHECK(check_audience(c.audiences[0]).empty());
}

TEST_CASE("every list example parses as a page", "[fixtures]") {
  auto files = fixtures_where([](const json& j) { return j.contains("items") && !is_flow(j); });
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    std::string body = read_text(file);
    auto fake = std::make_shared<test::FakeTransport>();
    fake->on(Method::get, "/flows", 200, body);
    HttpPipelineOptions o;
    o.base_url = "https://h.test";
    auto pipeline = make_pipeline(o, fake);
    FlowService service(*pipeline, "");
    auto page = service.list_page(Collection::flows, {});
    REQUIRE(page);
    CHECK(page->items.size() == json::parse(body)["items"].size());
  }
}

TEST_CASE("create and patch answers keep the etag's embedded quotes", "[fixtures]") {
  auto files = fixtures_where([](const json& j) { return j.contains("id") && j.contains("etag"); });
  REQUIRE(files.size() >= 4);
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    json expected = json::parse(read_text(file));
    auto fake = std::make_shared<test::FakeTransport>();
    test::stub_flow_checks(
        *fake, "71471eba-b620-49e4-90fd-23f1fa0174d8", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
        "8a9c3494-9708-43d7-ae3f-cda01e5030e1", "12ab90c7-519c-4291-bd20-d64186b62da8",
        "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
    fake->on(Method::post, "/flows", 201, expected.dump());
    auto r = test::run_cli(
        test::with_credentials({"flow", "create", "--name", "n", "--flow-spec", "Adobe Campaign",
                                "--source", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97", "--target",
                                "12ab90c7-519c-4291-bd20-d64186b62da8", "-o", "json"}),
        fake);
    CHECK(r.code == 0);
    CHECK(json::parse(r.out) == expected);
    CHECK(expected["etag"].get<std::string>().front() == '"');
  }
}

TEST_CASE("a connection spec example is summarised by specs get", "[fixtures]") {
  json spec = json::parse(read_text(responses() / "ConnectionSpec_Sources_Example.json"));
  const std::string id = spec["id"];
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/connectionSpecs/" + id, 200, json{{"items", {spec}}}.dump());
  auto r = test::run_cli(test::with_credentials({"specs", "get", id, "-o", "table"}), fake);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains(spec["name"].get<std::string>()));
  CHECK_THAT(r.out, Catch::Contains(spec["authSpec"][0]["name"].get<std::string>()));
}
