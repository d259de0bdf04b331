// Help: every command documented with an example, topics, help on a command, the manual page.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "cli_harness.hpp"

using nlohmann::json;
using test::run_cli;

namespace {

test::CliRun help(std::vector<std::string> args) {
  args.insert(args.begin(), "help");
  return run_cli(args, std::make_shared<test::FakeTransport>());
}

}  // namespace

TEST_CASE("every command has a summary, every option an explanation, every command an example",
          "[help]") {
  auto r = help({"--commands"});
  REQUIRE(r.code == 0);
  const json tree = json::parse(r.out);
  REQUIRE(tree.size() > 40);
  int leaves = 0;
  for (const auto& c : tree) {
    const std::string path = c["path"];
    INFO(path);
    CHECK_FALSE(c["summary"].get<std::string>().empty());
    for (const auto* kind : {"options", "positionals"}) {
      for (const auto& o : c[kind]) {
        INFO(o["names"]);
        CHECK_FALSE(o["description"].get<std::string>().empty());
      }
    }
    // Each level shows itself in use: the commands that run, the nouns, aepflow itself.
    CHECK_THAT(c["examples"].get<std::string>(),
               Catch::Contains("Example") && Catch::Contains(path));
    if (c["commands"].empty()) ++leaves;
  }
  CHECK(leaves > 35);
}

TEST_CASE("help topics: environment, exit codes, config, output", "[help]") {
  auto list = help({});
  CHECK(list.code == 0);
  for (const auto* topic : {"environment", "exit-codes", "config", "output"})
    CHECK_THAT(list.out, Catch::Contains(std::string("  ") + topic));

  auto env = help({"environment"});
  for (const auto* var :
       {"AEP_BASE_URL", "AEP_ORG_ID", "AEP_SANDBOX", "AEP_CLIENT_ID", "AEP_CLIENT_SECRET",
        "AEP_ACCESS_TOKEN", "AEP_PROFILE", "AEP_ASSUME_YES", "NO_COLOR", "XDG_CONFIG_HOME"})
    CHECK_THAT(env.out, Catch::Contains(var));
  CHECK_THAT(help({"exit-codes"}).out, Catch::Contains("5 precondition failed (412"));
  CHECK_THAT(help({"config"}).out, Catch::Contains("config.toml") && Catch::Contains("cmd:"));
  CHECK_THAT(help({"output"}).out, Catch::Contains("FLOW_ID") && Catch::Contains("--query") &&
                                       Catch::Contains("NO_COLOR"));

  // The documented JSON fields, for tools.
  auto shapes = run_cli({"-o", "json", "help", "output"}, std::make_shared<test::FakeTransport>());
  REQUIRE(shapes.code == 0);
  CHECK(json::parse(shapes.out)["fields"].size() >= 8);
}

TEST_CASE("help on a command is its --help, and a misspelt one is named", "[help]") {
  auto r = help({"flow", "create"});
  REQUIRE(r.code == 0);
  auto direct = run_cli({"flow", "create", "--help"}, std::make_shared<test::FakeTransport>());
  CHECK(r.out == direct.out);
  CHECK_THAT(r.out, Catch::Contains("Usage: aepflow flow create"));

  auto typo = help({"flow", "craete"});
  CHECK(typo.code == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean 'create'?"));
  auto topic = help({"outptu"});
  CHECK(topic.code == 2);
  CHECK_THAT(topic.err, Catch::Contains("did you mean 'output'?"));
  // Global options around it still count.
  CHECK(run_cli({"--sandbox", "dev", "help", "exit-codes", "-v"},
                std::make_shared<test::FakeTransport>())
            .code == 0);
}

TEST_CASE("the manual page covers every command, option and topic, in valid roff", "[help]") {
  auto man = help({"--man"});
  REQUIRE(man.code == 0);
  CHECK_THAT(man.out, Catch::StartsWith(".TH AEPFLOW 1"));
  const json tree = json::parse(help({"--commands"}).out);
  for (std::size_t i = 1; i < tree.size(); ++i) {
    std::string heading = ".SS \"";
    for (char ch : tree[i]["path"].get<std::string>())
      heading += ch == '-' ? std::string("\\-") : std::string(1, ch);  // roff's minus
    heading += '"';
    CHECK_THAT(man.out, Catch::Contains(heading));
  }
  for (const auto* section :
       {".SH GLOBAL OPTIONS", ".SH ENVIRONMENT", ".SH EXIT STATUS", ".SH FILES", ".SH OUTPUT"})
    CHECK_THAT(man.out, Catch::Contains(section));
  CHECK_THAT(man.out, Catch::Contains(".B \\-\\-base\\-url"));
  CHECK_THAT(man.out, Catch::Contains("\\[u2026]"));  // the ellipsis, as roff spells it
  for (std::size_t at = man.out.find("\n."); at != std::string::npos;
       at = man.out.find("\n.", at + 1)) {
    // Every request line is one aepflow writes on purpose, never text that began with a dot.
    const std::string request = man.out.substr(at + 1, 3);
    INFO(request);
    CHECK((request == ".TH" || request == ".SH" || request == ".SS" || request == ".TP" ||
           request == ".B " || request == ".br" || request == ".PP" || request == ".nf" ||
           request == ".fi"));
  }
}

TEST_CASE("src/cli/commands holds exactly the commands aepflow has, a file per command",
          "[help][layout]") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(AEPFLOW_SOURCE_DIR) / "src" / "cli" / "commands";
  auto r = help({"--commands"});
  REQUIRE(r.code == 0);
  const json tree = json::parse(r.out);
  std::set<std::string> top, entries;
  for (const auto& c : tree) {
    const std::string path = c["path"];  // "aepflow flow activate"
    std::vector<std::string> words;
    std::istringstream in(path);
    for (std::string w; in >> w;)
      words.push_back(w);
    if (words.size() == 2) top.insert(words[1]);
    if (words.size() == 3) {
      std::string file = words[2];
      std::replace(file.begin(), file.end(), '-', '_');
      INFO(path);
      CHECK(fs::exists(root / words[1] / (file + ".cpp")));
    }
  }
  for (const auto& e : fs::directory_iterator(root))
    entries.insert(e.path().stem().string());
  CHECK(entries == top);
}
