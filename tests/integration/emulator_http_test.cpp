// The emulator over HTTP, as curl reaches it: lists followed page by page through
// _links.next.href exactly as given, requests as curl sends them, one base path.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

using nlohmann::json;
using test::Emulator;

namespace {

struct Answer {
  int status = 0;
  std::string body;
};

Answer curl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"curl",
                                   "-sS",
                                   "-g",
                                   "-o",
                                   "-",
                                   "-w",
                                   "\n%{http_code}",
                                   "-H",
                                   "Authorization: Bearer emulator-token",
                                   "-H",
                                   "x-api-key: emulator-api-key",
                                   "-H",
                                   "x-gw-ims-org-id: 0A1B2C3D4E5F60718293A4B5@AdobeOrg",
                                   "-H",
                                   "x-sandbox-name: prod"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = test::run_process(argv);
  REQUIRE(r.code == 0);
  auto nl = r.out.rfind('\n');
  return {std::stoi(r.out.substr(nl + 1)), r.out.substr(0, nl)};
}

}  // namespace

TEST_CASE(
    "emulator over HTTP: every list followed with limit=1 reaches its end, _links on every "
    "page",
    "[integration][emulator]") {
  Emulator emu({"--seed-flows", "3"});
  for (const char* list : {"/flows", "/connections", "/sourceConnections", "/targetConnections",
                           "/connectionSpecs", "/flowSpecs", "/runs"}) {
    INFO(list);
    auto count = curl({emu.flow_service_url() + list + "?count=true"});
    REQUIRE(count.status == 200);
    const auto total = json::parse(count.body)["count"].get<std::size_t>();
    std::string next = std::string(list) + "?limit=1&property=id!=x&orderby=-createdAt";
    std::size_t seen = 0, pages = 0;
    while (!next.empty()) {
      auto page = curl({emu.flow_service_url() + next});
      INFO(next << " -> " << page.body);
      REQUIRE(page.status == 200);
      json j = json::parse(page.body);
      REQUIRE(j.contains("_links"));
      REQUIRE(j["items"].size() <= 1);
      seen += j["items"].size();
      ++pages;
      next = j["_links"].contains("next") ? j["_links"]["next"]["href"].get<std::string>() : "";
      REQUIRE(pages <= total + 1);
    }
    CHECK(seen == total);
  }
  auto garbage = curl({emu.flow_service_url() + "/flows?limit=1&continuationToken=ct2garbage"});
  CHECK(garbage.status == 400);
  CHECK_THAT(garbage.body, Catch::Contains("FLOW-1453-400"));
}

TEST_CASE("emulator over HTTP: requests as curl sends them from the documents",
          "[integration][emulator]") {
  Emulator emu({"--seed-flows", "2"});
  const std::string base = emu.flow_service_url();
  // Unencoded operators and array paths in the query, as sort-and-filter.md prints them.
  auto enabled = curl({base + "/flows?property=state==enabled&property=sourceConnectionIds[]!=x"});
  CHECK(enabled.status == 200);
  CHECK(json::parse(enabled.body)["items"].size() == 2);
  auto flow = json::parse(enabled.body)["items"][0]["id"].get<std::string>();
  // -X POST with no body: no Content-Length, answered by the service itself.
  auto disable = curl({"-X", "POST", base + "/flows/" + flow + "/action?op=disable"});
  CHECK(disable.status == 200);
  CHECK(json::parse(disable.body)["etag"].is_string());
  auto no_body = curl({"-X", "POST", base + "/flows"});
  CHECK(no_body.status == 400);
  CHECK_THAT(no_body.body, Catch::Contains("FLOW-1405-400"));
  // A client that drops the base path reaches nothing.
  auto root = curl({emu.url() + "/flows"});
  CHECK(root.status == 404);
}
