#include "aepflow/flow/client.hpp"

#include <catch2/catch.hpp>

#include "aepflow/auth/auth.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "service_fixture.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

using Fixture = test::ServiceFixture;

}  // namespace

TEST_CASE("a create answers its id and the etag with its quotes", "[client]") {
  Fixture f;
  f.fake->on(
      Method::post, "/flows", 201,
      R"({"id":"8256cfb4-17e6-432c-a469-6aedafb16cd5","etag":"\"7400453a-0000-1a00-0000-62b1c7a90000\""})");
  auto c = f.service->create_flow({});
  REQUIRE(c);
  CHECK(c->id == "8256cfb4-17e6-432c-a469-6aedafb16cd5");
  CHECK(c->etag == "\"7400453a-0000-1a00-0000-62b1c7a90000\"");
}

TEST_CASE("a create whose answer has no id is an error, not a silent success", "[client]") {
  Fixture f;
  f.fake->on(Method::post, "/connections", 201, R"({"etag":"\"x\""})");
  // It was created (201): looked up by name, never sent again.
  f.fake->on(Method::get, "/connections", 200, R"({"items":[]})");
  NewConnection nc;
  nc.name = "lost";
  auto c = f.service->create_connection(nc);
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == ErrorKind::api);
  CHECK_THAT(c.error().message, Catch::Contains("no 'id'"));
  CHECK_THAT(c.error().message, Catch::Contains("was created, but it was not found by name"));
  CHECK(c.error().context == "create base connection");
  CHECK(f.fake->sent.size() == 2);
}

TEST_CASE("a 200 with a body that is not JSON is an error", "[client]") {
  Fixture f;
  f.fake->on(Method::get, "/flows/x", 200, "<html>proxy login</html>",
             {{"Content-Type", "text/html"}});
  f.fake->times(3);  // read three times before giving up
  auto g = f.service->get(Collection::flows, "x");
  REQUIRE_FALSE(g);
  CHECK_THAT(g.error().message, Catch::Contains("not JSON (text/html, 24 bytes)"));
}

TEST_CASE("get unwraps the items envelope and an empty envelope is not found", "[client]") {
  Fixture f;
  f.fake->on(Method::get, "/flows/a", 200, R"({"items":[{"id":"a","name":"n"}]})");
  f.fake->on(Method::get, "/flows/b", 200, R"({"items":[]})");
  f.fake->on(Method::get, "/flows/c", 200, R"({"id":"c"})");
  auto a = f.service->get(Collection::flows, "a");
  REQUIRE(a);
  CHECK((*a)["name"] == "n");
  auto b = f.service->get(Collection::flows, "b");
  REQUIRE_FALSE(b);
  CHECK(b.error().kind == ErrorKind::not_found);
  auto c = f.service->get(Collection::flows, "c");  // a bare object is tolerated
  REQUIRE(c);
  CHECK((*c)["id"] == "c");
}

TEST_CASE("list_all follows each next link exactly as given", "[client]") {
  Fixture f;
  f.fake->on(
      Method::get, "/connectionSpecs", 200,
      R"({"items":[{"id":"1"}],"_links":{"next":{"href":"/connectionSpecs?continuationToken=A%2FB&limit=1"}}})");
  f.fake->on(
      Method::get, "/connectionSpecs", 200,
      R"({"items":[{"id":"2"}],"_links":{"next":{"href":"https://h.test/base/connectionSpecs?continuationToken=C"}}})");
  f.fake->on(Method::get, "/connectionSpecs", 200, R"({"items":[{"id":"3"}]})");
  auto all = f.service->list_all(Collection::connection_specs, {});
  REQUIRE(all);
  CHECK(*all == json::parse(R"([{"id":"1"},{"id":"2"},{"id":"3"}])"));
  REQUIRE(f.fake->sent.size() == 3);
  CHECK(f.fake->sent[1].url ==
        "https://h.test/base/connectionSpecs?continuationToken=A%2FB&limit=1");
  CHECK(f.fake->sent[2].url == "https://h.test/base/connectionSpecs?continuationToken=C");
}

TEST_CASE("a next link to another host is refused, so credentials stay home", "[client][secrets]") {
  Fixture f;
  f.fake->on(
      Method::get, "/flows", 200,
      R"({"items":[],"_links":{"next":{"href":"https://evil.example/flows?continuationToken=x"}}})");
  auto all = f.service->list_all(Collection::flows, {});
  REQUIRE_FALSE(all);
  CHECK_THAT(all.error().message, Catch::Contains("another host"));
  CHECK(f.fake->sent.size() == 1);
}

TEST_CASE("a next link that comes round again ends the walk with an error", "[client]") {
  Fixture f;
  const std::string page =
      R"({"items":[{"id":"1"}],"_links":{"next":{"href":"/connections?continuationToken=A"}}})";
  f.fake->on(Method::get, "/connections", 200, page).times(2);
  auto all = f.service->list_all(Collection::connections, {});
  REQUIRE_FALSE(all);
  CHECK_THAT(all.error().message, Catch::Contains("next link it gave before"));
  CHECK_THAT(all.error().message, Catch::Contains("/connections?continuationToken=A"));
  CHECK(f.fake->sent.size() == 2);  // the first page, and the link followed once

  // Looking the name up before a create walks the list the same way, and the create is not
  // sent on a list that cannot be read.
  f.fake->on(Method::get, "/connections", 200, page).times(2);
  NewConnection nc;
  nc.name = "n";
  auto created = f.service->create_connection(nc);
  REQUIRE_FALSE(created);
  CHECK_THAT(created.error().message, Catch::Contains("next link it gave before"));
  for (const auto& s : f.fake->sent)
    CHECK(s.request.method == Method::get);
}

TEST_CASE("a list answer without items is an error", "[client]") {
  Fixture f;
  f.fake->on(Method::get, "/flows", 200, R"({"results":[{"id":"1"}]})");
  auto page = f.service->list_page(Collection::flows, {});
  REQUIRE_FALSE(page);
  CHECK_THAT(page.error().message, Catch::Contains("no 'items'"));
}

TEST_CASE("PATCH: 200 with {id, etag}, or 202 with no body", "[client]") {
  Fixture f;
  f.fake->on(Method::patch, "/flows/f", 200, R"({"id":"f","etag":"\"new\""})");
  f.fake->on(Method::patch, "/flows/f", 202, "");
  auto ok = f.service->patch_flow("f", "\"old\"", json::array());
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(ok->etag == "\"new\"");
  auto accepted = f.service->patch_flow("f", "\"old\"", json::array());
  REQUIRE(accepted);
  CHECK(accepted->status == 202);
  CHECK(accepted->id == "f");
  CHECK(accepted->etag.empty());
}

TEST_CASE("a non-2xx answer becomes an error with the context of the call", "[client]") {
  Fixture f;
  f.fake->on(
      Method::patch, "/flows/f", 412,
      R"({"errorMessage":"Supplied version=[\"a\"] does not match the current version on entity=[\"b\"]"})");
  auto r = f.service->patch_flow("f", "\"a\"", json::array());
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::precondition);
  CHECK(r.error().context == "update dataflow f");
}
