#include "aepflow/flow/ids.hpp"

#include <catch2/catch.hpp>

using namespace aepflow;

TEST_CASE("an audience ID has one spelling: trimmed, lowercase, a UUID", "[ids]") {
  const std::string want = "44444444-1111-4111-8111-00000000000a";
  for (std::string given :
       {"44444444-1111-4111-8111-00000000000a", " 44444444-1111-4111-8111-00000000000a ",
        "\t44444444-1111-4111-8111-00000000000A\r\n"}) {
    CAPTURE(given);
    auto id = normalize_audience_id(given);
    REQUIRE(id);
    CHECK(*id == want);
    CHECK(same_audience(given, want));
  }
  CHECK_FALSE(same_audience(want, "44444444-1111-4111-8111-00000000000b"));
  // Not a UUID (an external audience in Adobe's destinations spec): trimmed, its case kept.
  CHECK(normalize_audience_id(" extAud9001\t").value() == "extAud9001");
  CHECK_FALSE(same_audience("extAud9001", "extaud9001"));
  for (std::string bad :
       {"", "  ", "two words", "a,b", "a;b", "'quoted'", "\"q\"", "caf\xc3\xa9"}) {
    CAPTURE(bad);
    auto id = normalize_audience_id(bad);
    REQUIRE_FALSE(id);
    CHECK(id.error().kind == ErrorKind::usage);
  }
  CHECK(normalize_audience_id("x\x1b").error().message ==
        "invalid audience ID 'x\\x1b': an ID holds no spaces, control characters, quotes, commas "
        "or semicolons (e.g. 9f7d37fd-7039-4454-94ef-2b0cd6c3206a)");
}

TEST_CASE("audience IDs from a flag: normalized, repeats dropped, a bad one named", "[ids]") {
  auto ids = normalize_audience_ids(
      {"44444444-1111-4111-8111-00000000000A", " 44444444-1111-4111-8111-00000000000a"},
      "--audience");
  REQUIRE(ids);
  CHECK(*ids == std::vector<std::string>{"44444444-1111-4111-8111-00000000000a"});
  auto bad = normalize_audience_ids({"o ops"}, "--audience");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::StartsWith("--audience 'o ops': invalid audience ID"));
}
