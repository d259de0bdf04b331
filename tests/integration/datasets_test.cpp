// datasets list against the emulator: the Data Lake spec's configs, page after page by start and
// limit, filtered by name; a service whose pages never end is an error, not a hang.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "process.hpp"
#include "stub_server.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

TEST_CASE("datasets list reads every page by start and limit, and filters by name",
          "[integration][datasets]") {
  Emulator emu({"--seed-datasets", "250"});
  auto all = aepflow(emu, {"datasets", "list", "--all", "-o", "json"});
  INFO(all.err);
  REQUIRE(all.code == 0);
  const json items = json::parse(all.out);
  CHECK(items.size() == 250);
  std::set<std::string> ids;
  for (const auto& d : items)
    ids.insert(d["id"].get<std::string>());
  CHECK(ids.size() == 250);  // no page read twice, none skipped

  auto first = aepflow(emu, {"datasets", "list", "-o", "id"});
  REQUIRE(first.code == 0);
  CHECK(std::count(first.out.begin(), first.out.end(), '\n') == 20);
  auto few = aepflow(emu, {"datasets", "list", "--limit", "3", "-o", "table"});
  REQUIRE(few.code == 0);
  CHECK_THAT(few.out, Catch::Contains("Loyalty members") && Catch::Contains("parquet"));

  auto named = aepflow(emu, {"datasets", "list", "--name", "WEB EVENTS", "--all", "-o", "json"});
  REQUIRE(named.code == 0);
  const json matching = json::parse(named.out);
  REQUIRE(!matching.empty());
  for (const auto& d : matching)
    CHECK_THAT(d["name"].get<std::string>(), Catch::Contains("Web events"));

  for (const char* bad : {"0", "-1", "x", "3x"}) {
    CAPTURE(bad);
    auto r = aepflow(emu, {"datasets", "list", "--limit", bad});
    CHECK(r.code == 2);
  }
}

TEST_CASE("datasets list stops with an error when a service's pages say more and send nothing",
          "[integration][datasets][hostile]") {
  test::StubServer stub([](const std::string&, const test::StubServer::Send& send) {
    send(test::http_answer(
        200, R"({"items":[],"pageInfo":{"start":0,"end":0,"total":9,"hasNext":true}})"));
  });
  test::TempDir home;
  auto r = test::run_process({test::bin_dir() + "/aepflow", "datasets", "list", "--all"},
                             test::stub_env(stub, home.path().string()));
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("said more datasets follow"));
  CHECK(stub.requests() == 1);
}
