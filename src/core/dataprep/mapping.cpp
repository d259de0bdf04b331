#include "aepflow/dataprep/mapping.hpp"

#include <algorithm>
#include <map>

#include "aepflow/base/text.hpp"

namespace aepflow {

namespace {

constexpr std::string_view kIdentityPrefix = "identityMap.";

bool field_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_namespace_code(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(),
                                      [](char c) { return field_char(c) || c == '.' || c == '-'; });
}

bool maps(const std::vector<Mapping>& all, std::string_view source) {
  return std::any_of(all.begin(), all.end(), [&](const Mapping& m) { return m.source == source; });
}

}  // namespace

bool is_xdm_path(std::string_view path) {
  if (path.empty() || path.front() == '.' || path.back() == '.') return false;
  char previous = '.';
  for (char c : path) {
    if (c == '.' ? previous == '.' : !field_char(c)) return false;
    previous = c;
  }
  return true;
}

std::string xdm_path_problem(std::string_view path) {
  if (is_xdm_path(path)) return {};
  return "'" + printable(path) +
         "' is not an XDM path (fields of letters, digits and _ joined by dots, as in "
         "person.name.firstName)";
}

std::string column_for(std::string_view attribute_path) {
  std::string column(attribute_path);
  std::replace(column.begin(), column.end(), '.', '_');
  return column;
}

std::string identity_source(std::string_view code) {
  std::string source(kIdentityPrefix);
  for (char c : code) {
    if (c == '.') {
      source += "//.";  // as Adobe's activation tutorial writes Phone_E.164
    } else {
      source += c;
    }
  }
  return source;
}

bool is_identity_source(std::string_view source) {
  return source.starts_with(kIdentityPrefix);
}

std::string identity_code(std::string_view identity_source) {
  std::string code(
      identity_source.substr(std::min(identity_source.size(), kIdentityPrefix.size())));
  // "Phone_E//.164": the escape is the "//" before the dot.
  for (std::size_t at = code.find("//."); at != std::string::npos; at = code.find("//.", at + 1))
    code.erase(at, 2);
  return code;
}

Result<MappingPlan> plan_mapping(const std::vector<Mapping>& current, const MappingRequest& asked) {
  MappingPlan plan;
  plan.mappings = current;
  std::vector<std::string> problems;
  for (const auto& path : asked.attributes) {
    if (!is_xdm_path(path)) {
      problems.push_back("attribute " + xdm_path_problem(path));
      continue;
    }
    if (maps(plan.mappings, path)) {
      plan.attributes_kept.push_back(path);
      continue;
    }
    plan.mappings.push_back({path, column_for(path)});
    plan.attributes_added.push_back(path);
  }
  for (const auto& code : asked.identities) {
    if (!is_namespace_code(code)) {
      problems.push_back("identity namespace '" + printable(code) +
                         "' is not a namespace code (Email, Phone_E.164, ECID, ...)");
      continue;
    }
    const std::string source = identity_source(code);
    if (maps(plan.mappings, source)) {
      plan.identities_kept.push_back(code);
      continue;
    }
    std::string column = code;
    std::replace(column.begin(), column.end(), '.', '_');
    plan.mappings.push_back({source, column});
    plan.identities_added.push_back(code);
  }
  std::vector<std::string> identities;
  std::map<std::string, std::string> columns;  // column -> the source that fills it
  for (const auto& m : plan.mappings) {
    if (is_identity_source(m.source)) identities.push_back(identity_code(m.source));
    auto [at, fresh] = columns.emplace(m.destination, m.source);
    if (!fresh) {
      problems.push_back("'" + at->second + "' and '" + m.source +
                         "' would both export as column " + m.destination);
    }
  }
  if (identities.size() > 1) {
    problems.push_back("a dataflow exports one identity namespace, and this one would export " +
                       join(identities, ", ") +
                       " (take one out with `aepflow flow deactivate --identity CODE`)");
  }
  if (!problems.empty()) return usage(join(problems, "; "));
  return plan;
}

std::vector<Mapping> without(const std::vector<Mapping>& current,
                             const std::vector<std::string>& attributes,
                             const std::vector<std::string>& identities,
                             std::vector<std::string>& removed,
                             std::vector<std::string>& not_found) {
  std::vector<std::string> sources = attributes;
  for (const auto& code : identities)
    sources.push_back(identity_source(code));
  std::vector<Mapping> kept;
  for (const auto& m : current) {
    if (std::find(sources.begin(), sources.end(), m.source) == sources.end()) kept.push_back(m);
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string& asked =
        i < attributes.size() ? attributes[i] : identities[i - attributes.size()];
    (maps(current, sources[i]) ? removed : not_found).push_back(asked);
  }
  return kept;
}

}  // namespace aepflow
