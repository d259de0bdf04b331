#include "settings/config_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "aepflow/base/files.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow::cli {

namespace fs = std::filesystem;

Result<ConfigFile> ConfigFile::load(const fs::path& path, std::vector<std::string>& warnings) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    ConfigFile empty;
    empty.path_ = path;
    return empty;
  }
  if (auto w = permission_warning(path)) warnings.push_back(*w);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return usage(path.string() + ": cannot be read");
  return parse(text.str(), path);
}

namespace {

// The line of the first byte of `text` that is not ASCII outside a string and a comment, or 0.
// TOML takes such a byte only inside those (a key that holds one is quoted), and toml++ 3.3
// reaches undefined behaviour where it looks for whitespace at many of them (U+00A1 to U+049A:
// accented letters, Greek, Cyrillic), so such a file is refused before toml++ reads it. Strings
// are told apart as toml++ reads them: a quote starts one only where a key or a value starts,
// and bare text (a bare key, or a value such as a number) runs on to its end, quotes and all.
std::size_t non_ascii_line(std::string_view text) {
  enum class In { plain, comment, basic, literal, basic_lines, literal_lines } in = In::plain;
  std::size_t line = 1;
  char before = '\n';  // the last character outside strings but blanks
  bool bare = false;   // inside bare text
  bool value = false;  // after a key's '=' on this line
  // The closing delimiter of a multi-line string, and up to two quotes of its content before it.
  auto closes = [&](std::size_t& i, std::string_view quotes) {
    if (text.substr(i, 3) != quotes) return false;
    i += 2;
    for (int extra = 0; extra < 2 && i + 1 < text.size() && text[i + 1] == quotes[0]; ++extra)
      ++i;
    return true;
  };
  auto close = [&] {
    in = In::plain;
    before = '"';
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    switch (in) {
      case In::plain: {
        if (static_cast<unsigned char>(c) >= 0x80) return line;
        const std::string_view ends = value ? " \t\r\n,]}#" : " \t\r\n,]}#.=";
        if (bare && ends.find(c) == std::string_view::npos) break;
        bare = false;
        const bool opens = std::string_view("=[.,{\n").find(before) != std::string_view::npos;
        if (c == '#') {
          in = In::comment;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          // blanks
        } else if (c == '\n') {
          before = c;
          value = false;
        } else if (opens && text.substr(i, 3) == "\"\"\"") {
          in = In::basic_lines;
          i += 2;
        } else if (opens && text.substr(i, 3) == "'''") {
          in = In::literal_lines;
          i += 2;
        } else if (opens && c == '"') {
          in = In::basic;
        } else if (opens && c == '\'') {
          in = In::literal;
        } else {
          value = value || c == '=';
          bare = std::string_view("=[]{},.").find(c) == std::string_view::npos;
          before = c;
        }
        break;
      }
      case In::comment:
        if (c == '\n') {
          in = In::plain;
          before = '\n';
          value = false;
        }
        break;
      case In::basic:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          ++i;
        } else if (c == '"' || c == '\n') {
          close();
        }
        break;
      case In::literal:
        if (c == '\'' || c == '\n') close();
        break;
      case In::basic_lines:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          ++i;
        } else if (closes(i, "\"\"\"")) {
          close();
        }
        break;
      case In::literal_lines:
        if (closes(i, "'''")) close();
        break;
    }
  }
  return 0;
}

}  // namespace

Result<ConfigFile> ConfigFile::parse(std::string_view text, const fs::path& path) {
  ConfigFile config;
  config.path_ = path;
  if (std::size_t line = non_ascii_line(text)) {
    return usage(path.string() + ":" + std::to_string(line) +
                 ": a character that is not ASCII outside a quoted string; a profile name or "
                 "key that holds one is written in quotes ([profiles.\"caf\u00e9\"])");
  }
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& err) {
    return usage(path.string() + ":" + std::to_string(err.source().begin.line) + ": " +
                 std::string(err.description()));
  }
  for (const auto& [key, node] : root) {
    if (key.str() != "profiles") {
      return usage(path.string() + ": unknown section '" + printable(key.str()) +
                   "'; settings go under [profiles.NAME]");
    }
    const toml::table* profiles = node.as_table();
    if (!profiles) return usage(path.string() + ": 'profiles' must be a table");
    for (const auto& [name, section] : *profiles) {
      const toml::table* settings = section.as_table();
      if (!settings) {
        return usage(path.string() + ": [profiles." + printable(name.str()) + "] must be a table");
      }
      auto& entries = config.profiles_[std::string(name.str())];
      for (const auto& [k, v] : *settings) {
        auto s = v.value<std::string>();
        if (!s) {
          return usage(path.string() + ":" + std::to_string(v.source().begin.line) + ": " +
                       printable(k.str()) + " must be a string");
        }
        entries[std::string(k.str())] = *s;
      }
    }
  }
  return config;
}

std::optional<std::string> ConfigFile::get(const std::string& profile,
                                           const std::string& key) const {
  auto p = profiles_.find(profile);
  if (p == profiles_.end()) return std::nullopt;
  auto it = p->second.find(key);
  if (it == p->second.end()) return std::nullopt;
  return it->second;
}

void ConfigFile::set(const std::string& profile, const std::string& key, const std::string& value) {
  profiles_[profile][key] = value;
}

std::vector<std::string> ConfigFile::profiles() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : profiles_)
    out.push_back(name);
  return out;
}

std::map<std::string, std::string> ConfigFile::entries(const std::string& profile) const {
  auto p = profiles_.find(profile);
  return p == profiles_.end() ? std::map<std::string, std::string>{} : p->second;
}

namespace {

// `text` as a TOML basic string, its quotes, backslashes and control characters escaped. Values
// too: toml++ 3 writes one that starts with a newline as a multi-line string, whose first
// newline TOML drops.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + '"';
}

// A key as TOML reads it back: bare when it can be, else a basic string. (toml++ 3 writes a key
// holding a tab, a single quote or a newline in a form no TOML parser reads, itself included.)
std::string toml_key(std::string_view key) {
  auto bare_char = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  };
  if (!key.empty() && std::all_of(key.begin(), key.end(), bare_char)) return std::string(key);
  return toml_string(key);
}

}  // namespace

std::string ConfigFile::text() const {
  std::string text = "# aepflow configuration: see `aepflow config --help`.\n";
  if (profiles_.empty()) return text + "[profiles]\n";
  for (const auto& [name, entries] : profiles_) {
    if (name != profiles_.begin()->first) text += '\n';
    text += "[profiles." + toml_key(name) + "]\n";
    for (const auto& [k, v] : entries)
      text += toml_key(k) + " = " + toml_string(v) + "\n";
  }
  return text;
}

Result<void> ConfigFile::save() const {
  auto written = replace_private_file(path_, text());
  if (!written) return usage(written.error().message);
  return {};
}

}  // namespace aepflow::cli
