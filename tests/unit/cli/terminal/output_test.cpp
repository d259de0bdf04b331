// Output encodings (YAML, env lines), tables fitted to the terminal, and colour rules.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "aepflow/base/text.hpp"
#include "cli_harness.hpp"
#include "terminal/formats.hpp"

using namespace aepflow;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

namespace {

// YAML read back the way a YAML 1.2 reader does: quoted scalars are strings, plain ones are
// resolved to null, booleans and numbers.
json from_yaml(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json j = json::object();
      for (const auto& kv : n)
        j[kv.first.as<std::string>()] = from_yaml(kv.second);
      return j;
    }
    case YAML::NodeType::Sequence: {
      json j = json::array();
      for (const auto& item : n)
        j.push_back(from_yaml(item));
      return j;
    }
    case YAML::NodeType::Scalar: {
      const std::string s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted
      if (s == "true" || s == "false") return s == "true";
      if (s == "null" || s == "~") return nullptr;
      auto number = json::parse(s, nullptr, false);
      if (number.is_number()) return number;
      return s;
    }
    default:
      return nullptr;
  }
}

constexpr const char* kFlow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";

json flow() {
  return {{"id", kFlow},
          {"name", "Campaign daily, it's \"ours\""},
          {"etag", "\"0000d781-0000-0200-0000-63c6b2d10000\""},
          {"state", "enabled"},
          {"flowSpec", {{"id", "71471eba-b620-49e4-90fd-23f1fa0174d8"}, {"version", "1.0"}}},
          {"sourceConnectionIds", {"9d7cc4c5-6a71-4e60-9d83-9d58a7c5e0f1"}},
          {"createdAt", 1795867200000}};
}

std::shared_ptr<test::FakeTransport> flow_fake() {
  auto f = std::make_shared<test::FakeTransport>();
  f->on(Method::get, std::string("/flows/") + kFlow, 200,
        json{{"items", json::array({flow()})}}.dump());
  return f;
}

// Every line of `text`, as the columns a terminal gives it (colour codes take none).
std::vector<std::size_t> line_columns(const std::string& text) {
  std::vector<std::size_t> widths;
  std::size_t n = 0;
  bool escape = false;
  for (char c : text) {
    if (escape || c == '\033') {
      escape = c != 'm';
    } else if (c == '\n') {
      widths.push_back(n);
      n = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return widths;
}

auto terminal(std::size_t columns, bool err_too = false) {
  return [columns, err_too](cli::Io& io) {
    io.out_is_terminal = true;
    io.terminal_columns = columns;
    io.err_is_terminal = err_too;
  };
}

}  // namespace

TEST_CASE("YAML output reads back as the same JSON, look-alike strings quoted", "[output]") {
  const json value = {
      {"strings", {"true", "no", "123", "1.5e3", "-7", ".5", "", "null", "~", "yes", "x: y", "#c"}},
      {"numbers", {0, -12, 2.5, 1795867200000}},
      {"flags", {true, false}},
      {"nothing", nullptr},
      {"empty", {{"list", json::array()}, {"map", json::object()}}},
      {"123", "a key that looks like a number"},
      {"etag", "\"0000d781-0000-0200-0000-63c6b2d10000\""},
      {"multi", "line one\nline two"}};
  const std::string text = to_yaml(value);
  CHECK(from_yaml(YAML::Load(text)) == value);
  CHECK_THAT(text, Catch::Contains("etag: \"\\\"0000d781"));
}

TEST_CASE("env output: upper snake case names, values the shell reads back", "[output]") {
  CHECK(to_env(flow(), "FLOW") ==
        "FLOW_CREATED_AT=1795867200000\n"
        "FLOW_ETAG='\"0000d781-0000-0200-0000-63c6b2d10000\"'\n"
        "FLOW_FLOW_SPEC_ID=71471eba-b620-49e4-90fd-23f1fa0174d8\n"
        "FLOW_FLOW_SPEC_VERSION=1.0\n"
        "FLOW_ID=8256cfb4-17e6-432c-a469-6aedafb16cd5\n"
        "FLOW_NAME='Campaign daily, it'\\''s \"ours\"'\n"
        "FLOW_SOURCE_CONNECTION_IDS_0=9d7cc4c5-6a71-4e60-9d83-9d58a7c5e0f1\n"
        "FLOW_STATE=enabled\n");
  CHECK(to_env({{"a", nullptr}, {"$schema", "x y"}, {"ok", true}}, "") ==
        "SCHEMA='x y'\nA=\nOK=true\n");
  CHECK(env_name("", "0") == "_0");
}

TEST_CASE("env and YAML output keep control characters exact, and show none of them raw",
          "[output][terminal]") {
  const std::string hostile =
      "red\x1b[31m bell\a nl\n 'q' \\ csi\xc2\x9b rlo\xe2\x80\xae del\x7f bad\xff";
  const std::string env = to_env({{"name", hostile}}, "X");
  CHECK(env ==
        "X_NAME=$'red\\x1b[31m bell\\x07 nl\\n \\'q\\' \\\\ csi\\xc2\\x9b rlo\\xe2\\x80\\xae "
        "del\\x7f bad\\xff'\n");
  const std::string yaml = to_yaml({{"name", hostile.substr(0, hostile.size() - 5)}});
  std::string one_line = yaml;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  CHECK(printable(one_line) == one_line);  // nothing raw that a terminal would act on
  CHECK(from_yaml(YAML::Load(yaml))["name"] == hostile.substr(0, hostile.size() - 5));
}

TEST_CASE("output as yaml and env prints a command's JSON in those encodings",
          "[output][commands]") {
  auto f = flow_fake();
  auto y = run_cli(with_credentials({"flow", "get", kFlow, "-o", "yaml"}), f);
  REQUIRE(y.code == 0);
  CHECK(from_yaml(YAML::Load(y.out))["etag"] == flow()["etag"]);

  auto e = run_cli(with_credentials({"flow", "get", kFlow, "-o", "env"}), flow_fake());
  REQUIRE(e.code == 0);
  CHECK_THAT(e.out, Catch::Contains("\nFLOW_ID=8256cfb4-17e6-432c-a469-6aedafb16cd5\n"));

  auto q = run_cli(with_credentials({"flow", "get", kFlow, "-o", "yaml", "--query", "/flowSpec"}),
                   flow_fake());
  CHECK(q.out == "id: 71471eba-b620-49e4-90fd-23f1fa0174d8\nversion: \"1.0\"\n");

  auto refused = run_cli(with_credentials({"flow", "get", kFlow, "-o", "env", "--query", "/id"}),
                         std::make_shared<test::FakeTransport>());
  CHECK(refused.code == 2);
}

TEST_CASE("a list in env lines numbers its items and ends with the count", "[output][commands]") {
  auto f = std::make_shared<test::FakeTransport>();
  json page = {{"items", {flow(), flow()}}};
  page["items"][1]["id"] = "00000000-0000-4000-8000-000000000002";
  f->on(Method::get, "/flows", 200, page.dump());
  auto r = run_cli(with_credentials({"flow", "list", "-o", "env"}), f);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("FLOW_0_ID=8256cfb4-17e6-432c-a469-6aedafb16cd5\n"));
  CHECK_THAT(r.out, Catch::Contains("FLOW_1_ID=00000000-0000-4000-8000-000000000002\n"));
  CHECK_THAT(r.out, Catch::EndsWith("FLOW_COUNT=2\n"));

  f->on(Method::get, "/flows", 200, page.dump());
  auto y = run_cli(with_credentials({"flow", "list", "-o", "yaml"}), f);
  auto back = from_yaml(YAML::Load(y.out));
  REQUIRE(back.size() == 2);
  CHECK(back[1]["id"] == "00000000-0000-4000-8000-000000000002");
}

TEST_CASE("a table fits the terminal: IDs whole, long cells cut with an ellipsis",
          "[output][commands]") {
  auto f = std::make_shared<test::FakeTransport>();
  json page = {{"items", {flow()}}};
  page["items"][0]["name"] = std::string(80, 'n');
  f->on(Method::get, "/flows", 200, page.dump());
  auto r = run_cli(with_credentials({"flow", "list"}), f, {}, {}, nullptr, terminal(100));
  REQUIRE(r.code == 0);
  INFO(r.out);
  const auto widths = line_columns(r.out);
  CHECK(*std::max_element(widths.begin(), widths.end()) == 100);
  CHECK_THAT(r.out, Catch::Contains(kFlow));
  CHECK_THAT(r.out, Catch::Contains("n…"));

  // COLUMNS wins over what the terminal said; a pipe with -o table is never cut.
  f->on(Method::get, "/flows", 200, page.dump());
  auto narrow = run_cli(with_credentials({"flow", "list"}), f, {{"COLUMNS", "90"}}, {}, nullptr,
                        terminal(200));
  for (auto w : line_columns(narrow.out))
    CHECK(w <= 90);
  f->on(Method::get, "/flows", 200, page.dump());
  auto piped = run_cli(with_credentials({"flow", "list", "-o", "table"}), f, {{"COLUMNS", "60"}});
  CHECK_THAT(piped.out, Catch::Contains(std::string(80, 'n')));
}

TEST_CASE("colour only on a terminal, never with NO_COLOR", "[output][commands]") {
  auto list = [](std::map<std::string, std::string> env, std::function<void(cli::Io&)> adjust) {
    auto f = std::make_shared<test::FakeTransport>();
    f->on(Method::get, "/flows", 200, json{{"items", {flow()}}}.dump());
    return run_cli(with_credentials({"flow", "list"}), f, std::move(env), {}, nullptr, adjust);
  };
  CHECK_THAT(list({}, terminal(120)).out, Catch::StartsWith("\033[1mID"));
  CHECK(list({{"NO_COLOR", "1"}}, terminal(120)).out.find('\033') == std::string::npos);
  CHECK(list({{"TERM", "dumb"}}, terminal(120)).out.find('\033') == std::string::npos);
  auto piped_fake = std::make_shared<test::FakeTransport>();
  piped_fake->on(Method::get, "/flows", 200, json{{"items", {flow()}}}.dump());
  auto piped = run_cli(with_credentials({"flow", "list", "-o", "table"}), piped_fake);
  CHECK(piped.out.find('\033') == std::string::npos);
  CHECK(piped.err.find('\033') == std::string::npos);

  // Errors in red on a terminal's stderr; plain with NO_COLOR or into a file.
  auto fails = [](std::map<std::string, std::string> env, bool err_terminal) {
    return run_cli({"flow", "get", kFlow}, std::make_shared<test::FakeTransport>(), std::move(env),
                   {}, nullptr, terminal(80, err_terminal))
        .err;
  };
  CHECK_THAT(fails({}, true), Catch::StartsWith("\033[1;31merror:\033[0m "));
  CHECK_THAT(fails({{"NO_COLOR", "yes"}}, true), Catch::StartsWith("error: "));
  CHECK_THAT(fails({}, false), Catch::StartsWith("error: "));
}
