#include "aepflow/specs/spec_check.hpp"

#include <algorithm>
#include <regex>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/catalogue.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

constexpr std::size_t max_pattern_input = 1024;

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
  } catch (const std::logic_error&) {  // stoll and stod: not a number, or out of range
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
      // std::regex recurses per character: a value this long would exhaust the stack, and no
      // destination param is anywhere near it.
      if (value.get_ref<const std::string&>().size() > max_pattern_input) {
        c.invalid.push_back(name + " is longer than " + std::to_string(max_pattern_input) +
                            " characters");
        continue;
      }
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

namespace {

bool is_reference(const json& v) {
  return v.is_string() &&
         (v.get<std::string>().starts_with("env:") || v.get<std::string>().starts_with("file:"));
}

Result<void> check_against(const json& schema, json& params, const std::string& what,
                           std::vector<std::string>& warnings, ParamReferences refs) {
  json literal = json::object();
  std::vector<std::string> referenced;
  for (const auto& [k, v] : params.items()) {
    if (refs == ParamReferences::allowed && is_reference(v)) {
      referenced.push_back(k);
    } else {
      literal[k] = v;
    }
  }
  ParamCheck check = check_params(schema, literal);
  std::erase_if(check.missing, [&](const std::string& m) {
    return std::any_of(referenced.begin(), referenced.end(),
                       [&](const std::string& r) { return m == r || m.starts_with(r + " "); });
  });
  for (const auto& [k, v] : literal.items())
    params[k] = v;  // conversions ("22" -> 22) reach the caller
  for (const auto& u : check.unknown) {
    if (std::find(referenced.begin(), referenced.end(), u) == referenced.end()) {
      warnings.push_back("param " + u + " is not in the " + what + "; sending it anyway");
    }
  }
  if (check.ok()) return {};
  return usage(what + ": " + check.describe() + " (see `aepflow specs get`)");
}

std::vector<std::string> ids_in(const json& spec, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : spec.value(key, json::array())) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::string spec_label(const std::string& id) {
  const auto* d = find_destination(id);
  return d ? std::string(d->name) + " (" + id + ")" : id;
}

}  // namespace

Result<void> check_auth_params(const json& connection_spec, const std::string& auth_spec,
                               json& params, std::vector<std::string>& warnings,
                               ParamReferences refs) {
  const std::string spec_name = text_of(connection_spec, "name");
  std::vector<std::string> names;
  const json* auth = nullptr;
  if (auto found = connection_spec.find("authSpec");
      found != connection_spec.end() && found->is_array()) {
    for (const auto& a : *found) {
      names.push_back(text_of(a, "name"));
      if (names.back() == auth_spec) auth = &a;
    }
  }
  if (!auth) {
    return usage("auth spec '" + auth_spec + "' is not one of " + spec_name +
                 "'s: " + (names.empty() ? std::string("it takes no auth") : join(names)));
  }
  return check_against(auth->value("spec", json::object()), params,
                       "auth spec '" + auth_spec + "' of " + spec_name, warnings, refs);
}

Result<void> check_target_params(const json& connection_spec, json& params,
                                 std::vector<std::string>& warnings, ParamReferences refs) {
  const std::string spec_name = text_of(connection_spec, "name");
  const json target = connection_spec.value("targetSpec", json::object());
  if (!target.contains("spec")) {
    return usage(spec_name + " has no target spec: it is a source, not a destination");
  }
  return check_against(target["spec"], params, "target spec of " + spec_name, warnings, refs);
}

Result<void> check_flow_spec_fits(const json& flow_spec, const std::string& flow_spec_id,
                                  const FlowEnd& source, const FlowEnd& target) {
  const std::string name = text_of(flow_spec, "name") + " (" + flow_spec_id + ")";
  const auto sources = ids_in(flow_spec, "sourceConnectionSpecIds");
  const auto targets = ids_in(flow_spec, "targetConnectionSpecIds");
  if (!sources.empty() &&
      std::find(sources.begin(), sources.end(), source.spec_id) == sources.end()) {
    std::vector<std::string> labels;
    for (const auto& s : sources)
      labels.push_back(spec_label(s));
    return usage("flow spec " + name + " reads from " + join(labels) + ", but " + source.label +
                 " reads from " + spec_label(source.spec_id) +
                 (source.spec_id == profile_store_spec_id
                      ? "; audiences need a flow spec for profile export"
                      : ""));
  }
  if (!targets.empty() &&
      std::find(targets.begin(), targets.end(), target.spec_id) == targets.end()) {
    std::string hint;
    if (const auto* d = find_destination(target.spec_id); d && !d->flow_spec_id.empty()) {
      hint = "; for " + std::string(d->name) + " use the flow spec \"" + std::string(d->name) +
             "\" (" + std::string(d->flow_spec_id) + ")";
    }
    return usage("flow spec " + name + " does not export to " + spec_label(target.spec_id) +
                 ", the spec of " + target.label + hint);
  }
  return {};
}

}  // namespace aepflow
