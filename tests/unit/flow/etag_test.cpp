#include "aepflow/flow/etag.hpp"

#include <catch2/catch.hpp>

using aepflow::normalize_etag;

TEST_CASE("an etag in any pasted form is sent with exactly one pair of quotes", "[etag]") {
  const std::string want = "\"0000d781-0000-0200-0000-63e29f420000\"";
  auto form = GENERATE(as<std::string>{},
                       "0000d781-0000-0200-0000-63e29f420000",              // bare
                       "\"0000d781-0000-0200-0000-63e29f420000\"",          // quoted (the value)
                       "\\\"0000d781-0000-0200-0000-63e29f420000\\\"",      // escaped quotes
                       "\"\\\"0000d781-0000-0200-0000-63e29f420000\\\"\"",  // the JSON literal
                       "  \"0000d781-0000-0200-0000-63e29f420000\"\n",      // with whitespace
                       "\"\"0000d781-0000-0200-0000-63e29f420000\"\"",      // quoted twice
                       "\\\\\\\"0000d781-0000-0200-0000-63e29f420000\\\\\\\"");  // escaped twice
  CAPTURE(form);
  auto got = normalize_etag(form);
  REQUIRE(got);
  CHECK(*got == want);
}

TEST_CASE("malformed etags are usage errors that quote the input", "[etag]") {
  auto form = GENERATE(as<std::string>{}, "", "\"\"", "  ", "abc def", "ab\"cd", "\"ab\\cd\"");
  CAPTURE(form);
  auto got = normalize_etag(form);
  REQUIRE_FALSE(got);
  CHECK(got.error().kind == aepflow::ErrorKind::usage);
  CHECK_THAT(got.error().message, Catch::Contains("etag"));
}

TEST_CASE("an empty, blank or single-quoted etag is refused with its own reason", "[etag]") {
  for (std::string blank : {"", " ", "\t\n", "\"  \""}) {
    CAPTURE(blank);
    auto got = normalize_etag(blank);
    REQUIRE_FALSE(got);
    CHECK_THAT(got.error().message, Catch::Contains("is empty"));
  }
  for (std::string quoted : {"'abc'", "\"'abc'\"", "'0000d781-0000-0200-0000-63e29f420000'"}) {
    CAPTURE(quoted);
    auto got = normalize_etag(quoted);
    REQUIRE_FALSE(got);
    CHECK(got.error().kind == aepflow::ErrorKind::usage);
    CHECK_THAT(got.error().message, Catch::Contains("single quotes"));
  }
}
