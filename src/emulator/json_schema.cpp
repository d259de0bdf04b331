#include "json_schema.hpp"

#include <regex>
#include <set>

#include "schema_conditionals.hpp"

namespace emulator {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxPatternInput = 1024;

bool has_type(const json& v, const std::string& type) {
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  return true;
}

bool matches_if(const json& cond, const json& value) {
  if (!cond.is_object() || !cond.contains("properties")) return false;
  for (const auto& [name, c] : cond["properties"].items()) {
    if (!value.contains(name)) return false;
    if (c.contains("const") && value[name] != c["const"]) return false;
  }
  return true;
}

// RFC 4648 base64 with its padding; the line breaks of RFC 2045 (which JSON Schema's
// contentEncoding names) may split it.
bool is_base64(const std::string& s) {
  std::string d;
  for (char c : s) {
    if (c != '\r' && c != '\n') d.push_back(c);
  }
  if (d.empty() || d.size() % 4 != 0) return false;
  std::size_t pad = 0;
  while (pad < 2 && d[d.size() - 1 - pad] == '=')
    ++pad;
  for (std::size_t i = 0; i + pad < d.size(); ++i) {
    const char c = d[i];
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!alphabet) return false;
  }
  return true;
}

void check(const json& schema, const json& value, const std::string& where, const json& context,
           std::vector<std::string>& out) {
  if (!schema.is_object()) return;
  if (auto t = schema.find("type"); t != schema.end() && t->is_string()) {
    if (!has_type(value, *t)) {
      out.push_back(where + " must be of type " + t->get<std::string>());
      return;
    }
  }
  if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
    bool found = false;
    for (const auto& option : *e)
      found = found || option == value;
    if (!found) out.push_back(where + " must be one of " + e->dump() + ", got " + value.dump());
  }
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (auto p = schema.find("pattern"); p != schema.end() && p->is_string()) {
      // std::regex recurses per character: a long value is refused before it can exhaust the
      // stack (no parameter of a destination's spec is anywhere near this long).
      if (s.size() > kMaxPatternInput) {
        out.push_back(where + " is longer than " + std::to_string(kMaxPatternInput) +
                      " characters");
        return;
      }
      try {
        if (!std::regex_search(s, std::regex(p->get<std::string>(), std::regex::ECMAScript))) {
          out.push_back(where + " does not match the pattern " + p->get<std::string>());
        }
      } catch (const std::regex_error&) {
        // A pattern the standard library cannot compile (lookahead variants) is not enforced.
      }
    }
    // The value is not shown: what is encoded is a key (sshKey, publicKey).
    if (auto e = schema.find("contentEncoding");
        e != schema.end() && *e == "base64" && !is_base64(s)) {
      out.push_back(where + " is not valid base64 (its contentEncoding is base64)");
    }
    if (schema.contains("minLength") && s.size() < schema["minLength"].get<std::size_t>()) {
      out.push_back(where + " is shorter than " + schema["minLength"].dump() + " characters");
    }
    if (schema.contains("maxLength") && s.size() > schema["maxLength"].get<std::size_t>()) {
      out.push_back(where + " is longer than " + schema["maxLength"].dump() + " characters");
    }
  }
  if (value.is_number()) {
    if (schema.contains("minimum") && value < schema["minimum"]) {
      out.push_back(where + " is below the minimum " + schema["minimum"].dump());
    }
    if (schema.contains("maximum") && value > schema["maximum"]) {
      out.push_back(where + " is above the maximum " + schema["maximum"].dump());
    }
  }
  if (value.is_object()) {
    std::set<std::string> exempt;
    auto conditional = conditional_problems(schema, value, where, context, exempt);
    out.insert(out.end(), conditional.begin(), conditional.end());
    auto require = [&](const json& names) {
      if (!names.is_array()) return;
      for (const auto& n : names) {
        if (n.is_string() && !exempt.count(n.get<std::string>()) &&
            !value.contains(n.get<std::string>())) {
          out.push_back(where + "." + n.get<std::string>() + " is required");
        }
      }
    };
    require(schema.value("required", json::array()));
    if (auto all = schema.find("allOf"); all != schema.end() && all->is_array()) {
      for (const auto& rule : *all) {
        if (matches_if(rule.value("if", json()), value)) {
          require(rule.value("then", json::object()).value("required", json::array()));
        }
      }
    }
    if (auto props = schema.find("properties"); props != schema.end() && props->is_object()) {
      for (const auto& [name, sub] : props->items()) {
        if (value.contains(name)) check(sub, value[name], where + "." + name, context, out);
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      check(schema["items"], value[i], where + "[" + std::to_string(i) + "]", context, out);
    }
  }
}

}  // namespace

std::vector<std::string> schema_problems(const json& schema, const json& value,
                                         const std::string& where, const json& context) {
  std::vector<std::string> out;
  check(schema, value, where, context, out);
  return out;
}

std::vector<std::string> secret_params(const json& schema) {
  std::vector<std::string> out;
  if (!schema.is_object() || !schema.contains("properties")) return out;
  for (const auto& [name, p] : schema["properties"].items()) {
    if (p.is_object() && p.value("format", "") == "password") out.push_back(name);
  }
  return out;
}

}  // namespace emulator
