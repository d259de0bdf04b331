#include "terminal/formats.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "aepflow/base/text.hpp"
#include "aepflow/base/utf8.hpp"

namespace aepflow {

namespace {

using nlohmann::json;

// Whether a plain (unquoted) scalar with this text would be read back as something other than
// this string by a YAML 1.1 or 1.2 reader: booleans, nulls, numbers (with YAML 1.1's hex, octal,
// underscores and base 60) and dates.
bool needs_quotes(std::string_view s) {
  if (s.empty()) return true;
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 14> words = {"true", "false", "yes",  "no",   "on",
                                                             "off",  "y",     "n",    "null", "~",
                                                             ".inf", "-.inf", ".nan", "+.inf"};
  if (std::find(words.begin(), words.end(), lower) != words.end()) return true;
  const char first = s[0];
  if (!std::isdigit(static_cast<unsigned char>(first)) && first != '+' && first != '-' &&
      first != '.') {
    return false;  // the common case, without a regular expression
  }
  static const std::regex number(
      R"([-+]?(([0-9][0-9_]*)?\.?[0-9_]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|)"
      R"([0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\.inf|\.nan)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)",
      std::regex::extended);
  return std::regex_match(lower, number);
}

// Whether a string must be double-quoted: YAML would read it as something else, or it holds what
// a terminal acts on (only a double-quoted scalar can escape that).
bool quoted(const std::string& s) {
  return needs_quotes(s) || printable(s) != s;
}

// yaml-cpp escapes C0 and C1 controls in a double-quoted scalar but writes DEL, the invisible
// and reordering marks, and bytes that are not UTF-8 as they are. Those only occur inside
// double-quoted scalars (quoted() made them so), where "\x7f" and "\u202e" are YAML escapes; a
// byte that is not UTF-8 becomes U+FFFD, as in JSON output.
std::string escape_remaining(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    const std::string_view ch = text.substr(i, n);
    if (ch != "\n" && printable(ch) != ch) {
      out += printable(ch);
    } else {
      out.append(ch);
    }
    i += n;
  }
  return out;
}

void emit(YAML::Emitter& e, const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      e << YAML::BeginMap;
      for (const auto& [k, item] : v.items()) {
        e << YAML::Key;
        if (quoted(k)) e << YAML::DoubleQuoted;
        e << k << YAML::Value;
        emit(e, item);
      }
      e << YAML::EndMap;
      break;
    case json::value_t::array:
      e << YAML::BeginSeq;
      for (const auto& item : v)
        emit(e, item);
      e << YAML::EndSeq;
      break;
    case json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (quoted(s)) e << YAML::DoubleQuoted;
      e << s;
      break;
    }
    case json::value_t::boolean:
      e << v.get<bool>();
      break;
    case json::value_t::null:
    case json::value_t::discarded:
      e << YAML::Null;
      break;
    default:  // numbers, written as JSON writes them
      e << v.dump();
      break;
  }
}

bool shell_safe(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("_@%+=:,./-").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

// ANSI-C quoting ($'...'): the same bytes back when the shell reads it, and nothing a terminal
// acts on when it is shown. Every byte of a character printable() would change is an escape (\xHH,
// never \u, whose meaning depends on the locale).
std::string ansi_c_quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "$'";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = std::max<std::size_t>(utf8_sequence_length(s, i), 1);
    const std::string_view ch = s.substr(i, n);
    if (ch == "\\" || ch == "'") {
      out.append("\\").append(ch);
    } else if (ch == "\n") {
      out += "\\n";
    } else if (ch == "\t") {
      out += "\\t";
    } else if (printable(ch) != ch) {
      for (unsigned char c : ch) {
        out.append("\\x").push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
      }
    } else {
      out.append(ch);
    }
    i += n;
  }
  return out + "'";
}

std::string shell_value(std::string_view s) {
  if (shell_safe(s)) return std::string(s);
  if (printable(s) != s) return ansi_c_quoted(s);
  std::string quoted(1, '\'');
  for (char c : s) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  quoted.push_back('\'');
  return quoted;
}

void flatten(const json& v, const std::string& name, std::string& out) {
  if (v.is_object()) {
    for (const auto& [k, item] : v.items())
      flatten(item, env_name(name, k), out);
    return;
  }
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      flatten(v[i], env_name(name, std::to_string(i)), out);
    return;
  }
  std::string text;
  if (v.is_string()) {
    text = v.get_ref<const std::string&>();
  } else if (!v.is_null()) {
    text = v.dump();
  }
  out.append(name.empty() ? std::string_view("VALUE") : std::string_view(name));
  out.push_back('=');
  out.append(shell_value(text));
  out.push_back('\n');
}

}  // namespace

std::string to_yaml(const json& value) {
  YAML::Emitter e;
  emit(e, value);
  std::string text = escape_remaining(e.c_str());
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

std::string env_name(std::string_view prefix, std::string_view key) {
  std::string name(prefix);
  if (!name.empty() && !key.empty()) name += '_';
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (std::isupper(c) && i > 0 &&
        (std::islower(static_cast<unsigned char>(key[i - 1])) ||
         std::isdigit(static_cast<unsigned char>(key[i - 1])))) {
      name += '_';
    }
    if (std::isalnum(c)) {
      name += static_cast<char>(std::toupper(c));
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  if (!name.empty() && std::isdigit(static_cast<unsigned char>(name[0])))
    name.insert(name.begin(), '_');
  return name;
}

std::string to_env(const json& value, std::string_view prefix) {
  std::string out;
  flatten(value, std::string(prefix), out);
  return out;
}

}  // namespace aepflow
