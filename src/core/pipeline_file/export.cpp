#include "aepflow/pipeline_file/export.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/pipeline_file/duplicates.hpp"
#include "aepflow/pipeline_file/plan.hpp"
#include "aepflow/specs/catalogue.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

// What the service shows in place of a secret.
constexpr std::string_view kMasked = "********";

std::string spec_id(const json& resource, const char* key = "connectionSpec") {
  return text_of(member(resource, key), "id");
}

// "dataflow ID (name)", for messages.
std::string flow_label(const json& flow) {
  return "dataflow " + text_of(flow, "id") + " (" + text_of(flow, "name") + ")";
}

Error cannot_describe(const json& flow, const std::string& why) {
  Error e;
  e.kind = ErrorKind::usage;
  e.message = flow_label(flow) + " " + why;
  return e;
}

// The one ID of a flow's sourceConnectionIds or targetConnectionIds: a pipeline has one of each.
Result<std::string> only_id(const json& flow, const char* key, const char* what) {
  const json& ids = array_member(flow, key);
  if (ids.size() != 1 || !ids[0].is_string()) {
    return std::unexpected(cannot_describe(
        flow, "has " + std::to_string(ids.size()) + " " + what +
                  " connections; a pipeline describes a dataflow with one of each"));
  }
  return ids[0].get<std::string>();
}

// The destination as the file names it: the catalogue's name when it reads back as this spec,
// else the connection spec ID.
std::string destination_of(const std::string& connection_spec_id) {
  for (const auto& d : destinations()) {
    if (d.connection_spec_id != connection_spec_id) continue;
    const Destination* back = find_destination(d.name);
    if (back && back->connection_spec_id == connection_spec_id) return std::string(d.name);
  }
  return connection_spec_id;
}

AudienceSpec audience_spec(const Audience& a) {
  auto given = [](const std::string& v) {
    return v.empty() ? std::nullopt : std::optional<std::string>(v);
  };
  AudienceSpec s;
  s.id = a.id;
  s.name = given(a.name);
  s.description = given(a.description);
  s.filename_template = given(a.filename_template);
  s.export_mode = given(a.export_mode);
  s.frequency = given(a.schedule.frequency);
  s.trigger_type = given(a.schedule.trigger_type);
  s.start_date = given(a.schedule.start_date);
  s.start_time = given(a.schedule.start_time);
  s.end_date = given(a.schedule.end_date);
  return s;
}

struct Described {
  PipelineSpec spec;
  std::string connection_id;  // the base connection: its secrets are read from one variable each
};

class Importer {
 public:
  Importer(FlowService& service, const std::function<Result<MappingServices>()>& mapping)
      : service_(service), mapping_(mapping) {}

  Result<Described> pipeline(const json& flow) {
    PipelineSpec p;
    p.flow_name = text_of(flow, "name");
    auto source_id = only_id(flow, "sourceConnectionIds", "source");
    if (!source_id) return std::unexpected(source_id.error());
    auto target_id = only_id(flow, "targetConnectionIds", "target");
    if (!target_id) return std::unexpected(target_id.error());
    auto source = read(Collection::source_connections, *source_id);
    if (!source) return std::unexpected(source.error());
    if (spec_id(*source) != profile_store_spec_id) {
      return std::unexpected(cannot_describe(
          flow, "does not read the Profile Store (its source connection's spec is " +
                    spec_id(*source) +
                    "): a pipeline file describes destinations of profiles and audiences"));
    }
    auto target = read(Collection::target_connections, *target_id);
    if (!target) return std::unexpected(target.error());
    auto profile_base = read(Collection::connections, text_of(*source, "baseConnectionId"));
    if (!profile_base) return std::unexpected(profile_base.error());
    auto connection = read(Collection::connections, text_of(*target, "baseConnectionId"));
    if (!connection) return std::unexpected(connection.error());
    const std::string cs = spec_id(*target);
    if (spec_id(*connection) != cs) {
      return std::unexpected(cannot_describe(flow, "has a target connection of spec " + cs +
                                                       " on a base connection of spec " +
                                                       spec_id(*connection)));
    }
    p.destination = destination_of(cs);
    const Destination* d = find_destination(p.destination);
    const std::string flow_spec = spec_id(flow, "flowSpec");
    if (!d || d->flow_spec_id != flow_spec) p.flow_spec = flow_spec;
    p.profile_base_name = text_of(*profile_base, "name");
    p.source_name = text_of(*source, "name");
    p.connection_name = text_of(*connection, "name");
    p.target_name = text_of(*target, "name");
    // A description is written when there is one, so that apply elsewhere makes it too.
    auto description_of = [](const json& o) -> std::optional<std::string> {
      std::string text = text_of(o, "description");
      return text.empty() ? std::nullopt : std::optional<std::string>(std::move(text));
    };
    p.connection_description = description_of(*connection);
    p.target_description = description_of(*target);
    p.flow_description = description_of(flow);
    const json& auth = object_member(*connection, "auth");
    p.auth_spec = text_of(auth, "specName");
    p.auth_params = object_member(auth, "params");
    p.auth_params.erase("authorizedDate");  // the service's own stamp
    const json& key = member(object_member(*connection, "encryption"), "params");
    if (const std::string k = text_of(key, "publicKey"); !k.empty() && k != kMasked) {
      p.encryption_key = k;
    }
    p.target_params = object_member(*target, "params");
    auto described = exports(flow, std::move(p));
    if (!described) return std::unexpected(described.error());
    return Described{std::move(*described), text_of(*connection, "id")};
  }

 private:
  Result<PipelineSpec> exports(const json& flow, PipelineSpec p) {
    auto read = read_flow_exports(flow, mapping_);
    if (!read) return std::unexpected(read.error());
    const FlowContents& contents = *read;
    if (contents.mapped) p.identities = contents.identities;
    for (const auto& a : contents.audiences)
      p.audiences.push_back(audience_spec(a));
    // A legacy flow's identities are among its attributes (identityMap.<code>): listed there.
    p.attributes = contents.attributes;
    p.mandatory = contents.mandatory;
    p.dedup_keys = contents.dedup_keys;
    return p;
  }

  Result<json> read(Collection c, const std::string& id) {
    const auto key = std::make_pair(c, id);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (id.empty()) {
      return fail(ErrorKind::api, "a " + std::string(collection_noun(c)) + " with no ID");
    }
    auto got = service_.get(c, id);
    if (!got) return std::unexpected(got.error());
    cache_.emplace(key, *got);
    return *got;
  }

  FlowService& service_;
  const std::function<Result<MappingServices>()>& mapping_;
  std::map<std::pair<Collection, std::string>, json> cache_;
};

}  // namespace

std::string pipeline_name_of(std::string_view flow_name) {
  std::string out;
  for (char ch : flow_name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "pipeline" : out;
}

std::string secret_variable_of(std::string_view pipeline, std::string_view param) {
  std::string out;
  auto word_break = [&out] {
    if (!out.empty() && out.back() != '_') out += '_';
  };
  for (std::string_view part : {pipeline, param}) {
    word_break();
    bool lower_before = false;
    for (char ch : part) {
      const auto c = static_cast<unsigned char>(ch);
      if (c >= 0x80 || !std::isalnum(c)) {
        word_break();
        lower_before = false;
        continue;
      }
      if (std::isupper(c) && lower_before) word_break();
      out += static_cast<char>(std::toupper(c));
      lower_before = std::islower(c) || std::isdigit(c);
    }
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front()))) out = "AEP_" + out;
  return out;
}

namespace {

// The dataflows chosen, oldest first, each once.
Result<std::vector<json>> chosen_flows(FlowService& service, const ImportSelection& s) {
  std::vector<json> flows;
  if (!s.flow_ids.empty()) {
    std::set<std::string> seen;
    for (const auto& id : s.flow_ids) {
      if (!seen.insert(id).second) continue;
      auto flow = service.get(Collection::flows, id);
      if (!flow) return std::unexpected(flow.error());
      flows.push_back(std::move(*flow));
    }
    return flows;
  }
  ListQuery q;
  q.properties = {"inheritedAttributes.properties.isDestinationFlow==true"};
  if (s.connection_spec_id) {
    q.properties.push_back("inheritedAttributes.targetConnections[].connectionSpec.id==" +
                           *s.connection_spec_id);
  }
  auto all = service.list_all(Collection::flows, q);
  if (!all) return std::unexpected(all.error());
  for (const auto& f : *all)
    flows.push_back(f);
  std::sort(flows.begin(), flows.end(), older);
  return flows;
}

// Each credential the service does not show becomes an env: reference; one variable per base
// connection and param, however many pipelines use that connection.
void reference_secrets(Described& d, Imported& out,
                       std::map<std::pair<std::string, std::string>, std::string>& variables) {
  std::set<std::string> taken;
  for (const auto& s : out.secrets)
    taken.insert(s.variable);
  for (auto& [param, value] : d.spec.auth_params.items()) {
    const bool masked = value.is_string() && value.get<std::string>() == kMasked;
    if (is_shown_credential_field(param) && !masked) continue;
    auto& variable = variables[{d.connection_id, param}];
    if (variable.empty()) {
      const std::string base = secret_variable_of(d.spec.name, param);
      variable = base;
      for (int n = 2; taken.count(variable); ++n)
        variable = base + "_" + std::to_string(n);
      taken.insert(variable);
      out.secrets.push_back({variable, d.spec.name, d.spec.connection_name, param});
    }
    value = "env:" + variable;
  }
}

}  // namespace

Result<Imported> import_flows(FlowService& service, const ImportSelection& selection,
                              const std::function<Result<MappingServices>()>& mapping) {
  auto flows = chosen_flows(service, selection);
  if (!flows) return std::unexpected(flows.error());
  const bool by_id = !selection.flow_ids.empty();
  Imported out;
  Importer importer(service, mapping);
  std::set<std::string> names, flow_names;
  std::map<std::pair<std::string, std::string>, std::string> variables;
  for (const auto& flow : *flows) {
    if (!flow_names.insert(text_of(flow, "name")).second) {
      // plan finds a flow by its name, and the oldest of a name is the one it finds.
      out.warnings.push_back(flow_label(flow) + " left out: an older dataflow has its name, " +
                             "and a pipeline file names each dataflow once");
      continue;
    }
    auto described = importer.pipeline(flow);
    if (!described) {
      if (by_id || described.error().kind != ErrorKind::usage) {
        return std::unexpected(described.error());
      }
      out.warnings.push_back(described.error().message + "; left out");
      continue;
    }
    const std::string base = pipeline_name_of(described->spec.flow_name);
    std::string name = base;
    for (int n = 2; !names.insert(name).second; ++n)
      name = base + "-" + std::to_string(n);
    described->spec.name = name;
    reference_secrets(*described, out, variables);
    out.pipelines.push_back(std::move(described->spec));
  }
  if (out.pipelines.empty()) {
    return fail(ErrorKind::not_found, selection.connection_spec_id
                                          ? "no destination dataflow of connection spec " +
                                                *selection.connection_spec_id +
                                                " to import in this sandbox"
                                          : "no destination dataflow to import in this sandbox");
  }
  return out;
}

}  // namespace aepflow
