#include "aepflow/spec_check.hpp"

#include <regex>

namespace aepflow {

using nlohmann::json;

namespace {

std::string values(const json& list) {
  std::string out;
  for (const auto& v : list) {
    out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out;
}

std::string shown(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// Converts "22" to 22 (and "true" to true) where the schema asks for it.
void coerce(json& value, const std::string& type) {
  if (!value.is_string()) return;
  const std::string s = value.get<std::string>();
  try {
    std::size_t used = 0;
    if (type == "integer") {
      long long n = std::stoll(s, &used);
      if (used == s.size()) value = n;
    } else if (type == "number") {
      double d = std::stod(s, &used);
      if (used == s.size()) value = d;
    } else if (type == "boolean" && (s == "true" || s == "false")) {
      value = s == "true";
    }
  } catch (const std::exception&) {
    // Left as it is: the type check below reports it.
  }
}

bool has_type(const json& v, const std::string& type) {
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  return true;
}

}  // namespace

std::string ParamCheck::describe() const {
  std::string out;
  if (!missing.empty()) {
    out += "missing ";
    for (std::size_t i = 0; i < missing.size(); ++i)
      out += (i ? ", " : "") + missing[i];
  }
  for (const auto& i : invalid)
    out += (out.empty() ? "" : "; ") + i;
  return out;
}

ParamCheck check_params(const json& schema, json& params) {
  ParamCheck c;
  if (!schema.is_object() || !params.is_object()) return c;
  const json properties = schema.value("properties", json::object());

  for (auto& [name, value] : params.items()) {
    if (!properties.contains(name)) {
      if (!properties.empty()) c.unknown.push_back(name);
      continue;
    }
    const json& p = properties[name];
    const std::string type = p.value("type", "");
    if (!type.empty()) {
      coerce(value, type);
      if (!has_type(value, type)) {
        // The value is not shown: it may be a credential given to the wrong param.
        c.invalid.push_back(name + " must be " +
                            (type == "integer" ? "an integer" : "of type " + type));
        continue;
      }
    }
    if (p.contains("enum") && p["enum"].is_array()) {
      bool found = false;
      for (const auto& e : p["enum"])
        found = found || e == value;
      if (!found)
        c.invalid.push_back(name + " '" + shown(value) + "' is not one of " + values(p["enum"]));
    }
    if (value.is_string() && p.contains("pattern") && p["pattern"].is_string()) {
      try {
        if (!std::regex_search(value.get<std::string>(),
                               std::regex(p["pattern"].get<std::string>()))) {
          // The value itself is not shown: patterns guard credentials as often as names.
          c.invalid.push_back(name + " does not have the expected form (" +
                              p["pattern"].get<std::string>() + ")");
        }
      } catch (const std::regex_error&) {
        // A pattern this regex engine cannot read is the service's to enforce.
      }
    }
  }

  for (const auto& r : schema.value("required", json::array())) {
    if (r.is_string() && !params.contains(r.get<std::string>()))
      c.missing.push_back(r.get<std::string>());
  }
  for (const auto& rule : schema.value("allOf", json::array())) {
    const json cond = rule.value("if", json::object()).value("properties", json::object());
    if (cond.empty()) continue;
    bool applies = true;
    std::string when;
    for (const auto& [name, spec] : cond.items()) {
      applies = applies && params.contains(name) &&
                (!spec.contains("const") || params[name] == spec["const"]);
      when += (when.empty() ? "" : " and ") + name + "=" +
              (spec.contains("const") ? shown(spec["const"]) : "?");
    }
    if (!applies) continue;
    for (const auto& r : rule.value("then", json::object()).value("required", json::array())) {
      if (r.is_string() && !params.contains(r.get<std::string>())) {
        c.missing.push_back(r.get<std::string>() + " (required when " + when + ")");
      }
    }
  }
  return c;
}

}  // namespace aepflow
