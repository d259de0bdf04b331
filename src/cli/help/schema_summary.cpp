#include "help/schema_summary.hpp"

#include <algorithm>

#include "aepflow/base/text.hpp"

namespace aepflow::cli {

using nlohmann::json;

namespace {

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j)
    out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

const json& at_or_null(const json& j, std::string_view key) {
  static const json null_value;
  if (!j.is_object()) return null_value;
  auto it = j.find(key);
  return it == j.end() ? null_value : *it;
}

// Enumerated values as shown: control characters made visible, the empty string named.
std::vector<std::string> shown_values(const json& j) {
  auto out = strings(j);
  for (auto& v : out)
    v = v.empty() ? "(empty)" : printable(v);
  return out;
}

std::string condition_text(const json& cond) {
  const std::string field = cond.value("field", "");
  const std::string op = cond.value("operator", "");
  const json& v = at_or_null(cond, "value");
  const std::string value = v.is_string() ? v.get<std::string>() : v.dump();
  if (field == "flowSpec.attributes._workflow" && value == "DATASETS") {
    return op == "CONTAINS" ? "dataset exports" : "audience exports";
  }
  return field + (op == "NOT_EQUALS" ? "!=" : "=") + value;
}

void summarize_properties(const json& props, const std::string& prefix, SchemaSummary& s) {
  for (const auto& [name, p] : props.items()) {
    if (auto values = shown_values(at_or_null(p, "enum")); !values.empty()) {
      s.allowed.emplace_back(prefix + name, std::move(values));
    }
    if (at_or_null(p, "format") == "password") s.secret.push_back(prefix + name);
    if (const json& cond = at_or_null(p, "conditional"); cond.is_object()) {
      s.only_when.emplace_back(prefix + name, condition_text(cond));
    }
    if (const json& inner = at_or_null(p, "properties"); inner.is_object()) {
      summarize_properties(inner, prefix + name + ".", s);
    }
  }
}

}  // namespace

SchemaSummary summarize_schema(const json& schema) {
  SchemaSummary s;
  s.required = strings(at_or_null(schema, "required"));
  const json& props = at_or_null(schema, "properties");
  if (props.is_object()) {
    for (const auto& [name, p] : props.items()) {
      if (std::find(s.required.begin(), s.required.end(), name) == s.required.end()) {
        s.optional.push_back(name);
      }
    }
    summarize_properties(props, "", s);
  }
  const json& all_of = at_or_null(schema, "allOf");
  if (all_of.is_array()) {
    for (const auto& rule : all_of) {
      const json& cond = at_or_null(at_or_null(rule, "if"), "properties");
      auto needed = strings(at_or_null(at_or_null(rule, "then"), "required"));
      if (!cond.is_object() || needed.empty()) continue;
      std::string when;
      for (const auto& [name, c] : cond.items()) {
        const json& v = at_or_null(c, "const");
        if (!when.empty()) when += " and ";
        when += name + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
      }
      // Conditionally required params are not "optional".
      std::erase_if(s.optional, [&](const std::string& o) {
        return std::find(needed.begin(), needed.end(), o) != needed.end();
      });
      s.required_when.emplace_back(std::move(when), std::move(needed));
    }
  }
  return s;
}

}  // namespace aepflow::cli
