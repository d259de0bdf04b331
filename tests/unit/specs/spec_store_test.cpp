#include "aepflow/specs/spec_store.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "aepflow/auth/auth.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "service_fixture.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

const std::string kId = "0b23e41a-cb4a-4321-a78f-3b654f5d7d97";
const std::string kSpec = R"({"items":[{"id":")" + kId + R"(","name":"Adobe Campaign"}]})";

using Fixture = test::ServiceFixture;

// Records what the store asks of its cache.
struct MemoryCache final : SpecCache {
  std::map<std::string, json> entries;
  int loads = 0, stores = 0;
  std::optional<json> load(Collection, const std::string& id) override {
    ++loads;
    auto it = entries.find(id);
    if (it == entries.end()) return std::nullopt;
    return it->second;
  }
  void store(Collection, const std::string& id, const json& spec) override {
    ++stores;
    entries[id] = spec;
  }
};

}  // namespace

TEST_CASE("a spec is fetched once per process, and cached for the next", "[specs]") {
  Fixture f;
  f.fake->on(Method::get, "/connectionSpecs/" + kId, 200, kSpec);
  auto cache = std::make_unique<MemoryCache>();
  MemoryCache* seen = cache.get();
  SpecStore store(*f.service, std::move(cache));
  auto first = store.get(Collection::connection_specs, kId);
  REQUIRE(first);
  CHECK((**first)["name"] == "Adobe Campaign");
  auto second = store.get(Collection::connection_specs, kId);  // no second stub: from memory
  REQUIRE(second);
  CHECK(*first == *second);
  CHECK(seen->loads == 1);
  CHECK(seen->stores == 1);
  CHECK(seen->entries.count(kId) == 1);
}

TEST_CASE("a cached spec is used without a request", "[specs]") {
  Fixture f;  // no stub: any request fails the test
  auto cache = std::make_unique<MemoryCache>();
  cache->entries[kId] = json{{"id", kId}, {"name", "from the cache"}};
  SpecStore store(*f.service, std::move(cache));
  auto spec = store.get(Collection::flow_specs, kId);
  REQUIRE(spec);
  CHECK((**spec)["name"] == "from the cache");
  CHECK(f.fake->sent.empty());
}

TEST_CASE("a spec the service does not have is its error, and nothing is cached", "[specs]") {
  Fixture f;
  f.fake->on(Method::get, "/flowSpecs/" + kId, 404,
             R"({"code":"404","message":"flow spec not found"})");
  auto cache = std::make_unique<MemoryCache>();
  MemoryCache* seen = cache.get();
  SpecStore store(*f.service, std::move(cache));
  auto spec = store.get(Collection::flow_specs, kId);
  REQUIRE_FALSE(spec);
  CHECK(spec.error().kind == ErrorKind::not_found);
  CHECK(seen->stores == 0);
}

TEST_CASE("the disk cache keeps a spec per scope, privately, and refuses what is not it",
          "[specs]") {
  test::TempDir dir;
  const auto root = dir.path() / "specs";
  SpecDiskCache prod(root, "https://h.test\norg\nprod");
  SpecDiskCache dev(root, "https://h.test\norg\ndev");
  const json spec{{"id", kId}, {"name", "Adobe Campaign"}};
  CHECK_FALSE(prod.load(Collection::connection_specs, kId));
  prod.store(Collection::connection_specs, kId, spec);
  CHECK(prod.load(Collection::connection_specs, kId) == spec);
  CHECK_FALSE(prod.load(Collection::flow_specs, kId));       // another catalogue
  CHECK_FALSE(dev.load(Collection::connection_specs, kId));  // another sandbox

  // Folders 0700, the file 0600.
  using std::filesystem::perms;
  CHECK((std::filesystem::status(root).permissions() & perms::all) == perms::owner_all);
  std::filesystem::path file;
  for (const auto& sub : std::filesystem::directory_iterator(root)) {
    CHECK((sub.status().permissions() & perms::all) == perms::owner_all);
    for (const auto& f : std::filesystem::directory_iterator(sub.path()))
      file = f.path();
  }
  REQUIRE_FALSE(file.empty());
  CHECK((std::filesystem::status(file).permissions() & perms::all) ==
        (perms::owner_read | perms::owner_write));

  SECTION("a file that is not this spec is a miss") {
    std::ofstream(file, std::ios::trunc) << R"({"id":"another","name":"x"})";
    CHECK_FALSE(prod.load(Collection::connection_specs, kId));
    std::ofstream(file, std::ios::trunc) << R"({"id":")" << kId;  // cut short
    CHECK_FALSE(prod.load(Collection::connection_specs, kId));
  }
  SECTION("an entry older than its life is a miss") {
    SpecDiskCache short_lived(root, "https://h.test\norg\nprod", std::chrono::seconds(60));
    std::filesystem::last_write_time(
        file, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(2));
    CHECK_FALSE(short_lived.load(Collection::connection_specs, kId));
    CHECK(prod.load(Collection::connection_specs, kId) == spec);  // a day's life: still good
  }
  SECTION("an ID that is not safe as a file name is never written") {
    for (const std::string& id :
         std::vector<std::string>{"../../etc/passwd", "a/b", "", std::string(65, 'a'), "x y"}) {
      prod.store(Collection::connection_specs, id, json{{"id", id}});
      CHECK_FALSE(prod.load(Collection::connection_specs, id));
    }
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
      files += entry.is_regular_file();
    }
    CHECK(files == 1);
  }
}
