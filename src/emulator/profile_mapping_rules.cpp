#include "profile_mapping_rules.hpp"

#include "mapping_sets.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

// MandatoryFields_V2 and the legacy profileSelectors.mandatoryFields: strings, an identity
// namespace ("GAID") or an attribute (the documents disagree on how one is named, dot path or
// output column: both are taken).
void mandatory_problems(const json& fields, const std::string& at, std::vector<std::string>& out) {
  if (!fields.is_array()) {
    out.push_back(at + " must be an array of strings");
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!fields[i].is_string() || fields[i].get<std::string>().empty()) {
      out.push_back(at + "[" + std::to_string(i) + "] must be a non-empty string");
    }
  }
}

// PrimaryFields_V2: each {fieldType: ATTRIBUTE, attributePath} or {fieldType: IDENTITY,
// identityNamespace}, both keys required in each. Together they are one deduplication key: one
// identity namespace, or one or two attributes (a composite key), never both
// (activate-batch-profile-destinations.md, guardrails.md).
void primary_problems(const json& fields, const std::string& at, std::vector<std::string>& out) {
  if (!fields.is_array()) {
    out.push_back(at + " must be an array");
    return;
  }
  std::size_t identities = 0, attributes = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const json& f = fields[i];
    const std::string where = at + "[" + std::to_string(i) + "]";
    const std::string type = str(f, "fieldType");
    const char* key = type == "ATTRIBUTE"  ? "attributePath"
                      : type == "IDENTITY" ? "identityNamespace"
                                           : nullptr;
    if (!key) {
      out.push_back(where + ".fieldType must be ATTRIBUTE or IDENTITY");
    } else if (str(f, key).empty()) {
      out.push_back(where + "." + key + " is required with fieldType " + type);
    } else {
      ++(type == "IDENTITY" ? identities : attributes);
    }
  }
  if (identities > 0 && attributes > 0) {
    out.push_back(at +
                  " mixes IDENTITY and ATTRIBUTE fields: a deduplication key is one identity "
                  "namespace or one or two attributes");
  } else if (identities > 1) {
    out.push_back(at + " has " + std::to_string(identities) +
                  " IDENTITY fields: a deduplication key is one identity namespace");
  } else if (attributes > 2) {
    out.push_back(at + " has " + std::to_string(attributes) +
                  " ATTRIBUTE fields: a composite deduplication key is at most two attributes");
  }
}

// ProfileMapping_V2: {} while the flow has no mapping set yet (the create request of the
// destinations API reference sends it empty), then mappingId (string) and mappingVersion
// (integer), both required.
void mapping_problems(const Call& call, const json& mapping, const std::string& at,
                      std::vector<std::string>& out) {
  if (!mapping.is_object()) {
    out.push_back(at + " must be an object {mappingId, mappingVersion}");
    return;
  }
  if (mapping.empty()) return;
  const bool id_ok = !str(mapping, "mappingId").empty();
  const bool version_ok = mapping.contains("mappingVersion") &&
                          mapping["mappingVersion"].is_number_integer() &&
                          mapping["mappingVersion"].get<long long>() >= 0;
  if (!id_ok) out.push_back(at + ".mappingId is required (the mapping set's ID, a string)");
  if (!version_ok) {
    out.push_back(at + ".mappingVersion is required (the mapping set's version, an integer)");
  }
  if (!id_ok || !version_ok) return;
  // No document says Flow Service checks the mapping set exists: one it does not know (another
  // sandbox's, or a document's example ID) is taken. One it knows is held to the activation
  // tutorial's rule ('Create mapping set'): a dataflow exports one identity. The tutorial's own
  // mapping set maps two and is created all the same, so the rule is the dataflow's, not the
  // mapping set's.
  const json* set = find_mapping_set(*call.sandbox, str(mapping, "mappingId"),
                                     mapping["mappingVersion"].get<long long>());
  if (!set) return;
  const auto identities = identity_namespaces(*set);
  if (identities.size() > 1) {
    out.push_back(at + ": mapping set " + str(mapping, "mappingId") + " version " +
                  mapping["mappingVersion"].dump() + " exports " +
                  std::to_string(identities.size()) + " identities (" + join(identities, ", ") +
                  "); a dataflow exports one identity namespace");
  }
}

}  // namespace

std::vector<std::string> transformation_params_problems(const Call& call, const json& params,
                                                        const std::string& at, bool legacy) {
  std::vector<std::string> out;
  if (legacy) {
    for (const char* field : {"profileMapping", "mandatoryFields", "primaryFields"}) {
      if (params.contains(field)) {
        out.push_back(at + "." + field +
                      " belongs to the current cloud-storage flow specs; this flow spec keeps "
                      "mandatoryFields and primaryFields in profileSelectors");
      }
    }
    const json selectors = params.value("profileSelectors", json::object());
    if (selectors.is_object() && selectors.contains("mandatoryFields")) {
      mandatory_problems(selectors["mandatoryFields"], at + ".profileSelectors.mandatoryFields",
                         out);
    }
    if (selectors.is_object() && selectors.contains("primaryFields")) {
      primary_problems(selectors["primaryFields"], at + ".profileSelectors.primaryFields", out);
    }
    return out;
  }
  if (params.contains("profileSelectors")) {
    out.push_back(at +
                  ".profileSelectors is not a param of this flow spec: its profile attributes "
                  "and identities come from a Data Prep mapping set, set in " +
                  at + ".profileMapping {mappingId, mappingVersion}");
  }
  if (params.contains("profileMapping")) {
    mapping_problems(call, params["profileMapping"], at + ".profileMapping", out);
  }
  if (params.contains("mandatoryFields")) {
    mandatory_problems(params["mandatoryFields"], at + ".mandatoryFields", out);
  }
  if (params.contains("primaryFields")) {
    primary_problems(params["primaryFields"], at + ".primaryFields", out);
  }
  return out;
}

}  // namespace emulator
