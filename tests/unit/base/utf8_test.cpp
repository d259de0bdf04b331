#include "aepflow/base/utf8.hpp"

#include <catch2/catch.hpp>

#include "aepflow/flow/requests.hpp"

using namespace aepflow;
using nlohmann::json;

TEST_CASE("UTF-8: valid text passes, and the first bad byte is found with its line", "[utf8]") {
  for (std::string ok : {"", "plain", "caf\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "a\nb"}) {
    CAPTURE(ok);
    CHECK_FALSE(find_invalid_utf8(ok));
  }
  struct Bad {
    std::string text;
    std::size_t line, column;
  };
  auto bad = GENERATE(Bad{"Caf\xe9", 1, 4},           // Latin-1
                      Bad{"ok\nx\xff", 2, 2},         // on the second line
                      Bad{"\xc0\xaf", 1, 1},          // overlong '/'
                      Bad{"\xed\xa0\x80", 1, 1},      // a surrogate
                      Bad{"\xf4\x90\x80\x80", 1, 1},  // past U+10FFFF
                      Bad{"ab\xe2\x82", 1, 3});       // cut short
  CAPTURE(bad.text);
  auto flaw = find_invalid_utf8(bad.text);
  REQUIRE(flaw);
  CHECK(flaw->line == bad.line);
  CHECK(flaw->column == bad.column);
}

TEST_CASE("UTF-8: the message names the place, the line in a file, and the byte", "[utf8]") {
  auto flag = check_utf8("--name", "Caf\xe9");
  REQUIRE_FALSE(flag);
  CHECK(flag.error().kind == ErrorKind::usage);
  CHECK(flag.error().message == "--name: not valid UTF-8 (byte 0xe9 at position 4)");
  auto file = check_utf8("a.csv", "id\nx,\xff\n", /*file=*/true);
  REQUIRE_FALSE(file);
  CHECK(file.error().message ==
        "a.csv: line 2: not valid UTF-8 (byte 0xff at column 3); save the file as UTF-8");
  CHECK(check_utf8("a.csv", "id\n", true));
}

TEST_CASE("UTF-8: a JSON body with a bad string is refused, never changed or thrown", "[utf8]") {
  json body = {{"name", "ok"}, {"auth", {{"params", {{"a/b", json::array({"x", "\xff"})}}}}}};
  CHECK(invalid_utf8_in(body) == std::optional<std::string>("/auth/params/a~1b/1"));
  auto dumped = dump_json(body, "the request body");
  REQUIRE_FALSE(dumped);
  CHECK(dumped.error().kind == ErrorKind::usage);
  CHECK_THAT(dumped.error().message, Catch::Contains("/auth/params/a~1b/1"));
  CHECK(dump_json(json{{"name", "caf\xc3\xa9"}}, "x").value() == "{\"name\":\"caf\xc3\xa9\"}");

  // A builder given such a value makes a request the pipeline will not send.
  NewConnection c;
  c.name = "Caf\xe9";
  c.spec.id = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";
  auto req = requests::create_connection(c);
  CHECK(req.body.empty());
  CHECK_THAT(req.unsendable, Catch::Contains("/name") && Catch::Contains("not valid UTF-8"));
}
