// Every config.toml example the user is shown (`aepflow help config`, the manual page, README.md,
// docs/) is written to a real config file and read by aepflow itself: an example that the parser
// refuses, or that holds a key no setting has, fails here before a user copies it.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "process.hpp"
#include "temp_dir.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::size_t indent_of(const std::string& line) {
  return line.find_first_not_of(' ');
}

bool blank(const std::string& line) {
  return line.find_first_not_of(" \t") == std::string::npos;
}

// Indented blocks of plain text that start with a [table] line: the examples of help text.
std::vector<std::string> indented_toml(const std::string& text) {
  std::vector<std::string> blocks;
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t indent = indent_of(lines[i]);
    const bool opens = !blank(lines[i]) && indent >= 2 && lines[i][indent] == '[' &&
                       (i == 0 || blank(lines[i - 1]));
    if (!opens) continue;
    std::string block;
    std::size_t j = i;
    for (; j < lines.size(); ++j) {
      if (blank(lines[j])) {
        // A blank line inside the block when the next line is still indented as the block is.
        if (j + 1 < lines.size() && !blank(lines[j + 1]) && indent_of(lines[j + 1]) >= indent) {
          block += "\n";
          continue;
        }
        break;
      }
      if (indent_of(lines[j]) < indent) break;
      block += lines[j].substr(indent) + "\n";
    }
    blocks.push_back(block);
    i = j;
  }
  return blocks;
}

// Fenced ```toml blocks of Markdown, indented or not.
std::vector<std::string> fenced_toml(const std::string& markdown) {
  std::vector<std::string> blocks;
  const auto lines = lines_of(markdown);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t indent = indent_of(lines[i]);
    if (blank(lines[i]) || lines[i].compare(indent, 7, "```toml") != 0) continue;
    std::string block;
    std::size_t j = i + 1;
    for (; j < lines.size() && lines[j].find("```") == std::string::npos; ++j)
      block += (lines[j].size() >= indent ? lines[j].substr(indent) : std::string()) + "\n";
    blocks.push_back(block);
    i = j;
  }
  return blocks;
}

// The manual page's text as a reader sees it: roff's escapes undone.
std::string unroff(const std::string& roff) {
  std::string out;
  for (std::size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] != '\\' || i + 1 == roff.size()) {
      out.push_back(roff[i]);
      continue;
    }
    const char next = roff[++i];
    if (next == '-' || next == '\\') out.push_back(next);
    if (next == '[') i = roff.find(']', i);  // \[uXXXX]: not in an example
  }
  return out;
}

std::vector<std::string> profiles_in(const std::string& toml) {
  std::vector<std::string> names;
  const std::regex header(R"(^\[profiles\.([A-Za-z0-9_-]+)\])");
  for (const auto& line : lines_of(toml)) {
    std::smatch m;
    if (std::regex_search(line, m, header)) names.push_back(m[1]);
  }
  return names;
}

std::string sandbox_in(const std::string& toml, const std::string& profile) {
  bool inside = false;
  const std::regex sandbox(R"(^sandbox\s*=\s*"([^"]*)\")");
  for (const auto& line : lines_of(toml)) {
    if (!line.empty() && line[0] == '[') inside = line == "[profiles." + profile + "]";
    std::smatch m;
    if (inside && std::regex_search(line, m, sandbox)) return m[1];
  }
  return "";
}

// A HOME and config folder of the test's own.
std::map<std::string, std::string> env_for(const test::TempDir& home) {
  return {{"HOME", home.path().string()}, {"XDG_CONFIG_HOME", (home.path() / ".config").string()}};
}

std::string aepflow_path() {
  return test::bin_dir() + "/aepflow";
}

// Each profile of the example, read by aepflow from a config file of its own.
void check_example(const std::string& where, const std::string& toml) {
  INFO(where << ":\n" << toml);
  const auto profiles = profiles_in(toml);
  REQUIRE_FALSE(profiles.empty());
  test::TempDir home;
  const auto dir = home.path() / ".config" / "aepflow";
  std::filesystem::create_directories(dir);
  const auto file = dir / "config.toml";
  std::ofstream(file) << toml;
  ::chmod(file.c_str(), 0600);
  for (const auto& profile : profiles) {
    INFO("profile " << profile);
    // auth status resolves every setting as any command does, and sends nothing.
    auto status = test::run_process(
        {aepflow_path(), "--profile", profile, "auth", "status", "-o", "json"}, env_for(home));
    INFO(status.err);
    CHECK(status.code == 0);
    CHECK(status.err.empty());  // no unknown setting, no unreadable file
    auto got = test::run_process({aepflow_path(), "--profile", profile, "config", "get", "sandbox"},
                                 env_for(home));
    INFO(got.err);
    CHECK(got.code == 0);
    CHECK(got.out == sandbox_in(toml, profile) + "\n");
  }
}

}  // namespace

TEST_CASE("the extractors find the blocks they are given", "[integration][docs]") {
  const auto help = indented_toml(
      "Intro:\n\n  [profiles.a]\n  x = \"1\"\n\n  [profiles.b]\n"
      "  y = \"2\"\n\nAfter.\n  [not] a block\n");
  REQUIRE(help.size() == 1);
  CHECK(help[0] == "[profiles.a]\nx = \"1\"\n\n[profiles.b]\ny = \"2\"\n");
  const auto md =
      fenced_toml("text\n  ```toml\n  [profiles.a]\n  x = \"1\"\n  ```\n```sh\nls\n```\n");
  REQUIRE(md.size() == 1);
  CHECK(md[0] == "[profiles.a]\nx = \"1\"\n");
  CHECK(unroff("\\-\\-profile a\\\\b") == "--profile a\\b");
  CHECK(profiles_in(help[0]) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("every config example in help, the manual page and the docs works as written",
          "[integration][docs]") {
  std::vector<std::pair<std::string, std::string>> examples;
  auto help = test::run_process({aepflow_path(), "help", "config"});
  REQUIRE(help.code == 0);
  for (const auto& block : indented_toml(help.out))
    examples.emplace_back("aepflow help config", block);
  auto man = test::run_process({aepflow_path(), "help", "--man"});
  REQUIRE(man.code == 0);
  for (const auto& block : indented_toml(unroff(man.out)))
    examples.emplace_back("aepflow help --man", block);
  std::vector<std::filesystem::path> docs = {std::filesystem::path(test::source_dir()) /
                                             "README.md"};
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(test::source_dir()) / "docs")) {
    if (entry.path().extension() == ".md") docs.push_back(entry.path());
  }
  for (const auto& doc : docs) {
    for (const auto& block : fenced_toml(test::read_text(doc)))
      examples.emplace_back(doc.filename().string(), block);
  }
  // One in help, the same in the manual page, one in the README at least: a change that hides
  // them from the extractors must not pass as "no example is wrong".
  std::set<std::string> sources;
  for (const auto& [where, _] : examples)
    sources.insert(where);
  CHECK(sources.count("aepflow help config") == 1);
  CHECK(sources.count("aepflow help --man") == 1);
  CHECK(sources.count("README.md") == 1);
  for (const auto& [where, toml] : examples)
    check_example(where, toml);
}

TEST_CASE("a profile key that is no setting is named in a warning", "[integration][docs]") {
  test::TempDir home;
  const auto dir = home.path() / ".config" / "aepflow";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "config.toml") << "[profiles.default]\nsandbox = \"dev\"\nsandbx = \"x\"\n";
  ::chmod((dir / "config.toml").c_str(), 0600);
  // (exit 3: the profile holds no credentials; the warning comes first)
  auto r = test::run_process({aepflow_path(), "auth", "status", "-o", "json"}, env_for(home));
  CHECK(r.err.find("unknown setting 'sandbx'") != std::string::npos);
}
