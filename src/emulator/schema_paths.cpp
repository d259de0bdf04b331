#include "schema_paths.hpp"

#include <vector>

namespace emulator {

using nlohmann::json;

namespace {

struct Step {
  std::string field;                 // "" only for a path that starts with an array step
  std::vector<std::string> indexes;  // "0", "*"
};

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::vector<Step>> parse(const std::string& path, std::string& why) {
  std::vector<Step> steps(1);
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    Step& step = steps.back();
    if (c == '\\' && i + 1 < path.size() && path[i + 1] == '.') {
      step.field.push_back('.');
      ++i;
    } else if (c == '.') {
      if (step.field.empty() && step.indexes.empty()) {
        why = "an empty field name";
        return std::nullopt;
      }
      steps.emplace_back();
    } else if (c == '[') {
      const auto close = path.find(']', i);
      const std::string index = close == std::string::npos ? "" : path.substr(i + 1, close - i - 1);
      if (index != "*" && !all_digits(index)) {
        why = "an array step that is not [n] or [*]";
        return std::nullopt;
      }
      if (step.field.empty() && steps.size() > 1) {
        why = "an array step without a field";
        return std::nullopt;
      }
      step.indexes.push_back(index);
      i = close;
    } else if (!step.indexes.empty()) {
      why = "text after an array step";
      return std::nullopt;
    } else {
      step.field.push_back(c);
    }
  }
  if (steps.back().field.empty() && steps.back().indexes.empty()) {
    why = "an empty field name";
    return std::nullopt;
  }
  return steps;
}

// The schema of `name` below `node`, or nullptr.
const json* field_of(const json& node, const std::string& name) {
  if (!node.is_object()) return nullptr;
  if (auto p = node.find("properties"); p != node.end() && p->is_object()) {
    if (auto f = p->find(name); f != p->end()) return &*f;
  }
  if (auto a = node.find("additionalProperties"); a != node.end() && a->is_object()) return &*a;
  // schemas.md's shorthand, {"id": "string", "firstName": "string"}: a JSON schema it is not.
  const bool schema_like =
      node.contains("type") || node.contains("properties") || node.contains("additionalProperties");
  if (!schema_like) {
    if (auto f = node.find(name); f != node.end()) return &*f;
  }
  return nullptr;
}

}  // namespace

std::optional<IdentitySource> identity_source(const std::string& source) {
  static const std::string prefix = "identityMap.";
  if (!source.starts_with(prefix)) return std::nullopt;
  IdentitySource out;
  std::size_t i = prefix.size();
  while (i < source.size()) {
    if (source.compare(i, 3, "//.") == 0) {
      out.code.push_back('.');
      i += 3;
    } else if (source[i] == '.' || source[i] == '[') {
      break;
    } else {
      out.code.push_back(source[i++]);
    }
  }
  out.remainder = source.substr(i);
  return out;
}

bool path_resolves(const json& schema, const std::string& path, std::string& why) {
  auto steps = parse(path, why);
  if (!steps) return false;
  const json* node = &schema;
  std::string walked;
  for (const auto& step : *steps) {
    if (!step.field.empty()) {
      const json* child = field_of(*node, step.field);
      if (!child) {
        why = "no field '" + step.field + "'" + (walked.empty() ? "" : " under " + walked);
        return false;
      }
      node = child;
      walked += (walked.empty() ? "" : ".") + step.field;
    }
    for (const auto& index : step.indexes) {
      const auto type = node->is_object() ? node->find("type") : node->end();
      const bool array = node->is_object() && type != node->end() && *type == "array" &&
                         node->contains("items") && (*node)["items"].is_object();
      if (!array) {
        why = (walked.empty() ? std::string("the field") : walked) + " is not an array";
        return false;
      }
      node = &(*node)["items"];
      walked += "[" + index + "]";
    }
  }
  return true;
}

}  // namespace emulator
