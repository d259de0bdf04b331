#include "aepflow/specs/spec_check.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/key_params.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

constexpr std::size_t max_pattern_input = 1024;

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

namespace {

// Enumerated values as a message lists them: quoted and printable, so a tab or an empty string
// can be told apart.
std::string listed(const json& list) {
  std::string out;
  for (const auto& v : list) {
    out += (out.empty() ? "" : ", ") +
           (v.is_string() ? "'" + printable(v.get<std::string>()) + "'" : v.dump());
  }
  return out;
}

// The folder macros a path may hold somewhere (MORE-WORKFLOWS 1.2); which of them a card allows
// is read off its path pattern.
constexpr std::array<std::string_view, 5> folder_macros = {
    "%SEGMENT_NAME%", "%SEGMENT_ID%", "%DATETIME%", "%TIMESTAMP%", "%DESTINATION_NAME%"};

bool matches(const std::regex& pattern, const std::string& value) {
  return std::regex_search(value, pattern);
}

// When a value with %MACROS% breaks the pattern: which macros the pattern refuses, and which it
// takes (at the end of the path).
std::string macro_hint(const std::regex& pattern, const std::string& value) {
  std::vector<std::string> refused;
  for (std::size_t at = value.find('%'); at != std::string::npos;) {
    const std::size_t close = value.find('%', at + 1);
    if (close == std::string::npos) break;
    const std::string macro = value.substr(at, close - at + 1);
    if (!matches(pattern, "exports/" + macro) &&
        std::find(refused.begin(), refused.end(), macro) == refused.end()) {
      refused.push_back(printable(macro));
    }
    at = value.find('%', close + 1);
  }
  if (refused.empty()) return {};
  std::vector<std::string> allowed;
  for (auto m : folder_macros) {
    if (matches(pattern, "exports/" + std::string(m))) allowed.emplace_back(m);
  }
  return ": folder macro " + join(refused) + " is not allowed here; " +
         (allowed.empty() ? std::string("this destination takes no folder macros")
                          : "it takes " + join(allowed) + ", at the end of the path");
}

struct Checker {
  ParamCheck& c;
  bool show_values;

  void value(const json& p, const std::string& name, json& v) {
    const std::string type = text_of(p, "type");
    if (!type.empty()) {
      coerce(v, type);
      if (!has_type(v, type)) {
        // The value is not shown: it may be a credential given to the wrong param.
        c.invalid.push_back(name + " must be " +
                            (type == "integer" ? "an integer" : "of type " + type));
        return;
      }
    }
    if (v.is_number()) range(p, name, v);
    if (p.contains("enum") && p["enum"].is_array()) {
      bool found = false;
      for (const auto& e : p["enum"])
        found = found || e == v;
      if (!found) {
        c.invalid.push_back(name + " '" + printable(shown(v)) + "' is not one of " +
                            listed(p["enum"]));
      }
    }
    if (v.is_string() && p.contains("pattern") && p["pattern"].is_string()) pattern(p, name, v);
    if (v.is_object() && p.contains("properties")) object(p, v, name + ".");
  }

  // minimum, maximum and their exclusive forms (draft 6 and later: numbers), as the service
  // checks them: a port of 70000 is refused here, not by the service.
  void range(const json& p, const std::string& name, const json& v) {
    const double x = v.get<double>();
    const auto bound = [&](const char* key) -> std::optional<double> {
      auto it = p.find(key);
      if (it == p.end() || !it->is_number()) return std::nullopt;
      return it->get<double>();
    };
    std::string problem;
    if (auto min = bound("minimum"); min && x < *min) {
      problem = "at least " + json(p["minimum"]).dump();
    } else if (auto max = bound("maximum"); max && x > *max) {
      problem = "at most " + json(p["maximum"]).dump();
    } else if (auto emin = bound("exclusiveMinimum"); emin && x <= *emin) {
      problem = "above " + json(p["exclusiveMinimum"]).dump();
    } else if (auto emax = bound("exclusiveMaximum"); emax && x >= *emax) {
      problem = "below " + json(p["exclusiveMaximum"]).dump();
    }
    if (!problem.empty()) c.invalid.push_back(name + " must be " + problem + ", got " + v.dump());
  }

  void pattern(const json& p, const std::string& name, const json& v) {
    const auto& text = v.get_ref<const std::string&>();
    // std::regex recurses per character: a value this long would exhaust the stack, and no
    // destination param is anywhere near it.
    if (text.size() > max_pattern_input) {
      c.invalid.push_back(name + " is longer than " + std::to_string(max_pattern_input) +
                          " characters");
      return;
    }
    try {
      const std::regex re(p["pattern"].get<std::string>());
      if (matches(re, text)) return;
      // A credential's value is not shown: patterns guard credentials as often as names.
      const bool show = show_values && text_of(p, "format") != "password";
      c.invalid.push_back(name + (show ? " '" + printable(text) + "'" : std::string()) +
                          " does not have the expected form (" + p["pattern"].get<std::string>() +
                          ")" + macro_hint(re, text));
    } catch (const std::regex_error&) {
      // A pattern this regex engine cannot read is the service's to enforce.
    }
  }

  // A `conditional` the params themselves settle ({"field":"fileType","operator":"EQUALS",
  // "value":"CSV"}); unset when it is on something else (the flow spec's workflow).
  static std::optional<bool> holds(const json& cond, const json& params, const json& properties) {
    const std::string field = text_of(cond, "field");
    if (!properties.contains(field)) return std::nullopt;
    const std::string op =
        member(cond, "operator").is_null() ? "EQUALS" : text_of(cond, "operator");
    const json& actual = member(params, field);
    const json& want = cond.contains("value") ? cond["value"] : json();
    if (op == "EQUALS") return actual == want;
    if (op == "NOT_EQUALS") return actual != want;
    return std::nullopt;
  }

  void object(const json& schema, json& params, const std::string& prefix) {
    const json& properties = object_member(schema, "properties");
    for (auto& [name, v] : params.items()) {
      if (!properties.contains(name)) {
        if (!properties.empty()) c.unknown.push_back(prefix + name);
        continue;
      }
      const json& p = properties[name];
      if (auto cond = p.find("conditional"); cond != p.end() && cond->is_object()) {
        if (auto ok = holds(*cond, params, properties); ok && !*ok) {
          const std::string field = text_of(*cond, "field");
          c.invalid.push_back(prefix + name + " is only for " + field + " " +
                              printable(shown(member(*cond, "value"))) +
                              (params.contains(field)
                                   ? " (" + field + " is " + printable(shown(params[field])) + ")"
                                   : " (" + field + " is not given)"));
          continue;
        }
      }
      value(p, prefix + name, v);
    }
    required(schema, params, properties, prefix);
  }

  // `required`, where params that apply to one kind of flow only (fileType for audience exports,
  // datasetFileType for dataset exports) are alternatives: one of them, not both.
  void required(const json& schema, const json& params, const json& properties,
                const std::string& prefix) {
    std::vector<std::string> alternatives;
    for (const auto& r : array_member(schema, "required")) {
      if (!r.is_string()) continue;
      const std::string name = r.get<std::string>();
      const json& cond = member(member(properties, name), "conditional");
      if (cond.is_object() && !holds(cond, params, properties)) {
        alternatives.push_back(name);
        continue;
      }
      if (cond.is_object() && !*holds(cond, params, properties)) continue;
      if (!params.contains(name)) c.missing.push_back(prefix + name);
    }
    if (alternatives.size() < 2) {
      for (const auto& a : alternatives) {
        if (!params.contains(a)) c.missing.push_back(prefix + a);
      }
      return;
    }
    std::vector<std::string> given;
    for (const auto& a : alternatives) {
      if (params.contains(a)) given.push_back(a);
    }
    std::vector<std::string> kinds;
    for (const auto& a : alternatives) {
      const json& cond = member(member(properties, a), "conditional");
      const bool datasets =
          member(cond, "value") == "DATASETS" && text_of(cond, "operator") == "CONTAINS";
      kinds.push_back(prefix + a + (datasets ? " for dataset exports" : " for audience exports"));
    }
    if (given.empty()) {
      c.missing.push_back("one of " + join(kinds));
    } else if (given.size() > 1) {
      c.invalid.push_back(join(given, " and ") + " are alternatives: give " + join(kinds, " or "));
    }
  }

  void rules(const json& schema, const json& params) {
    for (const auto& rule : array_member(schema, "allOf")) {
      const json& cond = object_member(object_member(rule, "if"), "properties");
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
      for (const auto& r : array_member(object_member(rule, "then"), "required")) {
        if (r.is_string() && !params.contains(r.get<std::string>())) {
          c.missing.push_back(r.get<std::string>() + " (required when " + when + ")");
        }
      }
    }
  }
};

}  // namespace

bool is_param_reference(std::string_view value) {
  return value.starts_with("env:") || value.starts_with("file:");
}

ParamCheck check_params(const json& schema, json& params, bool show_values) {
  ParamCheck c;
  if (!schema.is_object() || !params.is_object()) return c;
  Checker checker{c, show_values};
  checker.object(schema, params, "");
  checker.rules(schema, params);
  return c;
}

namespace {

Result<void> check_against(const json& schema, json& params, const std::string& what,
                           std::vector<std::string>& warnings, ParamReferences refs,
                           bool show_values) {
  json literal = json::object();
  std::vector<std::string> referenced;
  for (const auto& [k, v] : params.items()) {
    if (refs == ParamReferences::allowed && v.is_string() &&
        is_param_reference(v.get_ref<const std::string&>())) {
      referenced.push_back(k);
    } else {
      literal[k] = v;
    }
  }
  ParamCheck check = check_params(schema, literal, show_values);
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
  for (const auto& v : array_member(spec, key)) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::string spec_label(const std::string& id) {
  const auto* d = find_destination(id);
  return d ? std::string(d->name) + " (" + id + ")" : id;
}

// A flow spec that exports only audiences, or only datasets, against the file type its target
// was made for. Flow specs Adobe lists for both (the dataset ones of GCS, DLZ and ADLS) pass.
Result<void> check_export_kind(const json& flow_spec, const std::string& name,
                               const FlowEnd& target) {
  if (!target.params.is_object()) return {};
  const json& workflows = array_member(object_member(flow_spec, "attributes"), "_workflow");
  auto has = [&](const char* kind) {
    return std::find(workflows.begin(), workflows.end(), kind) != workflows.end();
  };
  const bool audiences_only = has("PROFILES") && !has("DATASETS");
  const bool datasets_only = has("DATASETS") && !has("PROFILES");
  if (audiences_only && target.params.contains("datasetFileType")) {
    return usage("flow spec " + name + " exports audiences, but " + target.label +
                 " is set up for dataset exports (datasetFileType); give the flow a target made "
                 "with --file-type");
  }
  if (datasets_only &&
      (target.params.contains("fileType") || target.params.contains("csvOptions"))) {
    return usage("flow spec " + name + " exports datasets, but " + target.label +
                 " is set up for audience exports (fileType); dataset exports take "
                 "datasetFileType JSON or PARQUET");
  }
  return {};
}

// The auth spec of that name, and the names of all of them.
const json* find_auth_spec(const json& connection_spec, const std::string& auth_spec,
                           std::vector<std::string>& names) {
  const json* auth = nullptr;
  if (auto found = connection_spec.find("authSpec");
      found != connection_spec.end() && found->is_array()) {
    for (const auto& a : *found) {
      names.push_back(text_of(a, "name"));
      if (names.back() == auth_spec && a.is_object()) auth = &a;
    }
  }
  return auth;
}

}  // namespace

std::vector<std::string> secret_auth_params(const json& connection_spec,
                                            const std::string& auth_spec) {
  std::vector<std::string> names, secrets;
  const json* auth = find_auth_spec(connection_spec, auth_spec, names);
  if (!auth) return secrets;
  const json& properties = object_member(object_member(*auth, "spec"), "properties");
  for (const auto& [name, p] : properties.items()) {
    if (text_of(p, "format") == "password") secrets.push_back(name);
  }
  return secrets;
}

bool is_masked(const json& value) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  return !s.empty() && s.find_first_not_of('*') == std::string::npos;
}

Result<void> check_auth_params(const json& connection_spec, const std::string& auth_spec,
                               json& params, std::vector<std::string>& warnings,
                               ParamReferences refs) {
  const std::string spec_name = text_of(connection_spec, "name");
  std::vector<std::string> names;
  const json* auth = find_auth_spec(connection_spec, auth_spec, names);
  if (!auth) {
    return usage("auth spec '" + auth_spec + "' is not one of " + spec_name +
                 "'s: " + (names.empty() ? std::string("it takes no auth") : join(names)));
  }
  const json& schema = object_member(*auth, "spec");
  if (auto ok = encode_key_params(schema, params, warnings, refs == ParamReferences::allowed);
      !ok) {
    return ok;
  }
  return check_against(schema, params, "auth spec '" + auth_spec + "' of " + spec_name, warnings,
                       refs, /*show_values=*/false);
}

Result<void> check_auth_chosen(const json& connection_spec, const std::string& auth_spec,
                               const std::string& flag) {
  const json& auth_specs = array_member(connection_spec, "authSpec");
  if (!auth_spec.empty() || !auth_specs.is_array() || auth_specs.empty()) return {};
  std::vector<std::string> names;
  for (const auto& a : auth_specs)
    names.push_back("\"" + text_of(a, "name") + "\"");
  return usage(text_of(connection_spec, "name") + " needs " + flag + ": " + join(names, " or ") +
               " (see `aepflow specs get " + text_of(connection_spec, "id") + "`)");
}

Result<void> check_encryption(const json& connection_spec, const std::string& public_key) {
  const std::string spec_name = text_of(connection_spec, "name");
  const json& specs = array_member(connection_spec, "encryptionSpecs");
  if (!specs.is_array() || specs.empty() || !specs[0].is_object()) {
    std::vector<std::string> cards;
    for (const auto& d : destinations()) {
      if (d.generation == Generation::enhanced) cards.emplace_back(d.name);
    }
    return usage(spec_name + " does not encrypt exported files; --encryption-key is for " +
                 join(cards));
  }
  if (public_key.empty()) return {};
  json params = {{"encryptionAlgo", "PGPGPG"}, {"publicKey", public_key}};
  ParamCheck check = check_params(object_member(specs[0], "spec"), params);
  if (check.ok()) return {};
  return usage("encryption spec of " + spec_name + ": " + check.describe());
}

Result<void> check_target_params(const json& connection_spec, json& params,
                                 std::vector<std::string>& warnings, ParamReferences refs) {
  const std::string spec_name = text_of(connection_spec, "name");
  const json& target = object_member(connection_spec, "targetSpec");
  if (!target.contains("spec")) {
    return usage(spec_name + " has no target spec: it is a source, not a destination");
  }
  return check_against(target["spec"], params, "target spec of " + spec_name, warnings, refs,
                       /*show_values=*/true);
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
  return check_export_kind(flow_spec, name, target);
}

}  // namespace aepflow
