// Audience files: CSV with the API's column names, and JSON lists, selectors and whole
// expectations, read into what `flow activate --audiences-file` and `flow validate` take.
#include "aepflow/activation/audience_file.hpp"

#include <catch2/catch.hpp>

using namespace aepflow;
using nlohmann::json;

namespace {

constexpr const char* kA = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
constexpr const char* kB = "25768be6-ebd5-45cc-8913-12fb3f348613";

}  // namespace

TEST_CASE("audience files: CSV with the API's column names", "[plan][file]") {
  std::string csv =
      "\xEF\xBB\xBFid,name,exportMode,frequency,startDate,startTime,endDate\r\n"
      " 9F7D37FD-7039-4454-94EF-2B0CD6C3206A ,\"Bikers, "
      "mountain\",DAILY_FULL_EXPORT,ONCE,2026-12-01,17:00,\r\n"
      "25768be6-ebd5-45cc-8913-12fb3f348613,\"Say "
      "\"\"hi\"\"\",FIRST_FULL_THEN_INCREMENTAL,EVERY_6_HOURS,,,2026-12-31\r\n"
      "\r\n";
  auto f = parse_audience_file(csv, "a.csv");
  REQUIRE(f);
  REQUIRE(f->audiences.size() == 2);
  CHECK(f->audiences[0].id == kA);  // trimmed and lowercase: one spelling
  CHECK(f->audiences[0].name == "Bikers, mountain");
  CHECK_FALSE(f->audiences[0].end_date);  // an empty cell is "not given"
  CHECK(f->audiences[1].name == "Say \"hi\"");
  CHECK_FALSE(f->audiences[1].start_date);
  CHECK(f->audiences[1].end_date == "2026-12-31");
  CHECK_FALSE(f->attributes);

  struct Bad {
    std::string text;
    std::string says;
  };
  auto bad = GENERATE(Bad{"id,exprtMode\na,b\n", "a.csv: line 1: unknown column 'exprtMode'"},
                      Bad{"name\nx\n", "a.csv: line 1: no 'id' column"},
                      Bad{"id,name\n,x\n", "a.csv: line 2: the id is empty"},
                      Bad{"id,name\na,b,c\n", "a.csv: line 2: 3 cells for 2 columns"},
                      Bad{"id,name\na,\"open\n", "a quoted field is not closed"},
                      Bad{"", "a.csv: line 1: the file is empty"},
                      Bad{"id,name\n" + std::string(kA) + ",x\n\"seg 1\",y\n",
                          "a.csv: line 3: invalid audience ID 'seg 1': an ID holds no spaces"},
                      Bad{"id,name\n" + std::string(kA) + ",Caf\xe9\n",
                          "a.csv: line 2: not valid UTF-8 (byte 0xe9 at column 41)"});
  CAPTURE(bad.text);
  auto r = parse_audience_file(bad.text, "a.csv");
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::usage);
  CHECK_THAT(r.error().message, Catch::Contains(bad.says));
}

TEST_CASE("audience files: JSON lists, selectors and whole expectations", "[plan][file]") {
  auto flat = parse_audience_file(
      R"([{"id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a","exportMode":"DAILY_FULL_EXPORT","schedule":{"frequency":"ONCE","startTime":"17:00"}},
          {"type":"PLATFORM_SEGMENT","value":{"id":"25768be6-ebd5-45cc-8913-12fb3f348613","name":"Two","createTime":"1"}}])",
      "a.json");
  REQUIRE(flat);
  CHECK(flat->audiences[0].frequency == "ONCE");
  CHECK(flat->audiences[0].start_time == "17:00");
  CHECK(flat->audiences[1].id == kB);
  CHECK(flat->audiences[1].name == "Two");

  auto whole = parse_audience_file(
      R"({"audiences":[{"id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a"}],"attributes":["person.lastName"],"mandatoryFields":["x.y"],
          "identities":["Email"],
          "primaryFields":["identity:Email",{"fieldType":"ATTRIBUTE","attributePath":"a.b"}]})",
      "e.json");
  REQUIRE(whole);
  CHECK(whole->attributes == std::vector<std::string>{"person.lastName"});
  CHECK(whole->identities == std::vector<std::string>{"Email"});
  CHECK_FALSE(flat->identities);
  CHECK(whole->mandatory == std::vector<std::string>{"x.y"});
  CHECK(*whole->dedup_keys ==
        std::vector<DedupKey>{DedupKey::parse("identity:Email"), DedupKey::parse("a.b")});

  struct Bad {
    std::string text;
    std::string says;
  };
  auto bad = GENERATE(
      Bad{R"([{"id":"a","exprtMode":"X"}])", "e.json: audiences[0]: unknown field 'exprtMode'"},
      Bad{R"([{"name":"x"}])", "audiences[0]: the id is missing"},
      // Found by the fuzzer: a number too large for any type is an error, not a crash.
      Bad{R"([{"id":9010896490578e1089}])", "e.json: not valid JSON"},
      Bad{R"([{"id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a","schedule":{"frequncy":"ONCE"}}])",
          "audiences[0].schedule: unknown field 'frequncy'"},
      Bad{R"([{"id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a","startTime":1700}])",
          "startTime must be a string, got 1700"},
      Bad{R"({"audience":[]})", "unknown key 'audience'"},
      Bad{R"({"primaryFields":[{"fieldType":"X"}]})", "primaryFields[0]"},
      Bad{R"({"identities":"Email"})", "identities: must be an array of strings"},
      Bad{R"([{"id":"a"},)", "not valid JSON"},
      Bad{R"([{"id":"a\u0000"}])", "e.json: audiences[0]: invalid audience ID 'a\\x00'"});
  CAPTURE(bad.text);
  auto r = parse_audience_file(bad.text, "e.json");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains(bad.says));
}
