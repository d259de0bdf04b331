// The terminal's side of a run, without settings or a service: messages, colour and questions.
#include "terminal/terminal.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

using namespace aepflow;
using namespace aepflow::cli;

namespace {

struct Fixture {
  std::ostringstream out, err;
  std::map<std::string, std::string> env;
  std::vector<std::string> asked;
  std::optional<std::string> answer;  // what the person types; unset: no terminal
  GlobalOptions globals;
  Io io{out, err, false, nullptr, nullptr, nullptr, nullptr, nullptr};
  Terminal terminal{io, globals};
  Fixture() {
    io.getenv = [this](std::string_view name) -> std::optional<std::string> {
      auto it = env.find(std::string(name));
      if (it == env.end()) return std::nullopt;
      return it->second;
    };
  }
  void with_terminal(std::optional<std::string> typed) {
    answer = std::move(typed);
    io.prompt = [this](std::string_view question, bool) {
      asked.emplace_back(question);
      return answer;
    };
  }
};

}  // namespace

TEST_CASE("warnings and errors are one line each, coloured only on a terminal that takes it",
          "[terminal]") {
  Fixture f;
  f.terminal.warn("w");
  f.terminal.error("e");
  CHECK(f.err.str() == "warning: w\nerror: e\n");
  f.err.str("");
  f.io.err_is_terminal = true;
  f.terminal.error("e");
  CHECK(f.err.str() == "\033[1;31merror:\033[0m e\n");
  f.err.str("");
  for (auto [name, value] : {std::pair{"NO_COLOR", "1"}, std::pair{"TERM", "dumb"}}) {
    f.env = {{name, value}};
    f.terminal.warn("w");
  }
  CHECK(f.err.str() == "warning: w\nwarning: w\n");
  f.env = {{"NO_COLOR", ""}};  // set but empty: colour stays
  CHECK(f.terminal.colour(true));
}

TEST_CASE("the output style follows -o, the terminal and --query", "[terminal]") {
  Fixture f;
  CHECK(f.terminal.output_style().format == Format::json);  // a pipe
  f.io.out_is_terminal = true;
  f.io.terminal_columns = 80;
  f.env = {{"COLUMNS", "120"}};
  auto style = f.terminal.output_style();
  CHECK(style.format == Format::table);
  CHECK(style.width == 120);
  f.env = {{"COLUMNS", "12x"}};
  CHECK(f.terminal.output_style().width == 80);  // not a width: the terminal's own
  f.globals.output = "yaml";
  CHECK(f.terminal.output_style().encoding == Encoding::yaml);
  f.globals.output = "id";
  f.globals.query = "/id";
  CHECK(f.terminal.output_style().format == Format::json);
}

TEST_CASE("a change to prod needs a yes, other sandboxes and dry runs none", "[terminal]") {
  Fixture f;
  CHECK(f.terminal.confirm_change("dev", "create x"));
  auto refused = f.terminal.confirm_change("prod", "create x");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::usage);
  CHECK(refused.error().message ==
        "refusing to create x in sandbox prod without confirmation: pass --yes or set "
        "AEP_ASSUME_YES=1");

  f.with_terminal("n");
  CHECK_FALSE(f.terminal.confirm_change("prod", "create x"));
  f.with_terminal("yes");
  CHECK(f.terminal.confirm_change("prod", "create x"));
  REQUIRE(f.asked.size() == 2);
  CHECK(f.asked[0] == "About to create x in sandbox prod (production). Continue? [y/N] ");

  f.io.prompt = nullptr;
  f.env = {{"AEP_ASSUME_YES", "1"}};
  CHECK(f.terminal.confirm_change("prod", "create x"));
  f.env = {{"AEP_ASSUME_YES", "0"}};
  CHECK_FALSE(f.terminal.confirm_change("prod", "create x"));
  f.globals.dry_run = true;  // read when asked, not when the terminal was made
  CHECK(f.terminal.confirm_change("prod", "create x"));
}

TEST_CASE("a delete needs a yes in every sandbox", "[terminal]") {
  Fixture f;
  auto refused = f.terminal.confirm_delete("dev", "flow F");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message ==
        "refusing to delete flow F without confirmation: pass --yes or set AEP_ASSUME_YES=1");
  f.with_terminal(std::nullopt);  // Ctrl-D at the question
  CHECK_FALSE(f.terminal.confirm_delete("dev", "flow F"));
  CHECK(f.asked.at(0) == "Delete flow F in sandbox dev? This cannot be undone. [y/N] ");
  f.globals.yes = true;
  CHECK(f.terminal.confirm_delete("dev", "flow F"));
}
