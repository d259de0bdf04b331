#include "mapping_sets.hpp"

#include <algorithm>
#include <climits>
#include <expected>
#include <set>

#include "conversion_schemas.hpp"
#include "conversion_service.hpp"
#include "schema_paths.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

constexpr const char* kInvalidMapping = "1002";
constexpr const char* kAuthor = "emulator@AdobeID";

// The values data-prep.yaml's SourceType enum allows.
const std::set<std::string> kSourceTypes = {"ATTRIBUTE", "EXPRESSION", "STATIC"};

// How a read shows a mapping's sourceType: mapping-set.md shows ATTRIBUTE mappings as
// text/x.schema-path; an expression reads text/x.aep-xl, the Destination SDK's name for one.
// No document shows a STATIC mapping read back: it is kept as sent.
std::string read_type(const std::string& sent) {
  if (sent == "ATTRIBUTE") return "text/x.schema-path";
  if (sent == "EXPRESSION") return "text/x.aep-xl";
  return sent;
}

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

bool known_namespace(const Call& call, const std::string& code) {
  const json& all = call.state.namespaces;
  return std::any_of(all.begin(), all.end(), [&](const json& n) { return str(n, "code") == code; });
}

// What is wrong with one mapping's source, read against the input schema when there is one.
std::optional<std::string> source_problem(const Call& call, const std::string& source,
                                          const ConversionSchema* input) {
  if (auto identity = identity_source(source)) {
    if (!known_namespace(call, identity->code)) {
      return "reads identityMap." + identity->code + ", but " + identity->code +
             " is not an identity namespace code of the sandbox (a '.' inside a code is "
             "written //.)";
    }
    if (identity->remainder.empty()) return std::nullopt;
    const json* items = input ? member(input->body.at("jsonSchema"), "properties") : nullptr;
    items = items ? member(*items, "identityMap") : nullptr;
    items = items ? member(*items, "additionalProperties") : nullptr;
    std::string why;
    std::string rest = identity->remainder;
    if (rest.starts_with(".")) rest.erase(0, 1);
    if (!items || !path_resolves(*items, rest, why)) {
      return "reads " + identity->remainder + " of the identity " + identity->code +
             ", which the input schema does not have" + (why.empty() ? "" : ": " + why);
    }
    return std::nullopt;
  }
  if (!input) return std::nullopt;
  std::string why;
  if (path_resolves(input->body.at("jsonSchema"), source, why)) return std::nullopt;
  return "is not a field of the input schema " + str(input->body, "id") + ": " + why;
}

// Every problem with the mappings; `columns` when the output is a destination's export schema,
// whose columns take no '.'.
std::vector<std::string> mapping_problems(const Call& call, const json& mappings,
                                          const ConversionSchema* input, bool columns) {
  if (!mappings.is_array()) return {"mappings is required (an array of mappings)"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < mappings.size(); ++i) {
    const json& m = mappings[i];
    const std::string at = "mappings[" + std::to_string(i) + "]";
    if (!m.is_object()) {
      out.push_back(at + " must be an object");
      continue;
    }
    const std::string type = str(m, "sourceType");
    if (!kSourceTypes.count(type)) {
      out.push_back(at + ".sourceType must be one of ATTRIBUTE, EXPRESSION, STATIC, got " +
                    m.value("sourceType", json()).dump());
    }
    for (const char* field : {"source", "destination"}) {
      if (str(m, field).empty()) out.push_back(at + "." + field + " is required (a string)");
    }
    for (const char* field : {"name", "description"}) {
      if (m.contains(field) && !m[field].is_string()) {
        out.push_back(at + "." + field + " must be a string");
      }
    }
    const std::string destination = str(m, "destination");
    // activate-segments-file-based-destinations.md, 'Create mapping set': a destination
    // column takes no '.' (personalEmail_address, segmentMembership_status). An XDM output
    // schema (mapping-set.md) is written to by path, person.name.firstName.
    if (columns && destination.find('.') != std::string::npos) {
      out.push_back(at + ".destination " + destination +
                    " must not contain '.': write the column name with '_' instead");
    }
    if (type == "ATTRIBUTE" && !str(m, "source").empty()) {
      if (auto p = source_problem(call, str(m, "source"), input)) {
        out.push_back(at + ".source " + str(m, "source") + " " + *p);
      }
    }
  }
  return out;
}

// The checked parts of a create or PUT body.
struct Checked {
  const ConversionSchema* input = nullptr;
  const ConversionSchema* output = nullptr;
  json output_ref;  // outputSchema.schemaRef, when the output is named that way
};

std::expected<Checked, Failure> check_body(Call& call, const json& body) {
  std::vector<std::string> problems;
  for (const char* field : {"name", "xdmVersion", "supportVersion"}) {
    if (body.contains(field) && !body[field].is_string()) {
      problems.push_back(std::string(field) + " must be a string");
    }
  }
  if (body.contains("allowNullValues") && !body["allowNullValues"].is_boolean()) {
    problems.push_back("allowNullValues must be a boolean");
  }
  if (body.contains("tags") && !body["tags"].is_array())
    problems.push_back("tags must be an array");
  Checked c;
  const json out = body.value("outputSchema", json());
  if (!out.is_object() || (!out.contains("id") && !out.contains("schemaRef"))) {
    problems.push_back(
        "outputSchema is required: {id} of a schema made with POST /schemas, or "
        "{schemaRef: {id, contentType}}");
  } else if (out.contains("id")) {
    c.output = find_schema(call, str(out, "id"));
    if (!c.output) {
      problems.push_back("outputSchema.id " + out["id"].dump() +
                         " is not a schema of the sandbox " + call.sandbox_name);
    }
  } else {
    const json& ref = out["schemaRef"];
    const std::string ref_id = str(ref, "id");
    const json& u = call.state.profile_union;
    if (ref_id.empty() || (ref_id != str(u, "$id") && ref_id != str(u, "meta:altId"))) {
      problems.push_back("outputSchema.schemaRef.id " + ref.value("id", json()).dump() +
                         " is not a schema of the Schema Registry in the sandbox " +
                         call.sandbox_name);
    }
    c.output_ref = ref;
  }
  if (body.contains("inputSchema")) {
    const json& in = body["inputSchema"];
    c.input = in.is_object() ? find_schema(call, str(in, "id")) : nullptr;
    if (!c.input) {
      problems.push_back("inputSchema.id " + (in.is_object() ? in.value("id", json()) : in).dump() +
                         " is not a schema of the sandbox " + call.sandbox_name);
    }
  }
  const bool columns = c.output && c.output->xdm_ref.empty();
  auto m = mapping_problems(call, body.value("mappings", json()), c.input, columns);
  problems.insert(problems.end(), m.begin(), m.end());
  if (!problems.empty()) {
    return std::unexpected(conversion_failure(call, 400, kInvalidMapping, "Invalid mapping set",
                                              join(problems, "; ")));
  }
  return c;
}

json audit(std::int64_t created, std::int64_t modified) {
  return {{"createdDate", created},
          {"modifiedDate", modified},
          {"createdBy", kAuthor},
          {"modifiedBy", kAuthor}};
}

// A version of a mapping set in the shape mapping-set.md reads it back, mappings included.
std::expected<json, Failure> make_version(Call& call, const json& body, Checked c,
                                          const std::string& id, int version,
                                          std::int64_t created) {
  if (!c.output) {
    auto made = schema_from_ref(call, c.output_ref, "");
    if (!made) {
      return std::unexpected(
          conversion_failure(call, 400, kInvalidMapping, "Invalid mapping set", made.error()));
    }
    c.output = find_schema(call, *made);
  }
  const auto now = call.state.now_ms();
  json v = {{"id", id}, {"version", version}};
  v.update(audit(created, now));
  if (body.contains("name")) v["name"] = body["name"];
  v["supportVersion"] = body.value("supportVersion", "1.1");
  if (c.input) v["inputSchema"] = {{"id", c.input->body["id"]}, {"version", 0}};
  v["outputSchema"] = {{"id", c.output->body["id"]}, {"version", 0}};
  json mappings = json::array();
  for (const auto& m : body["mappings"]) {
    json read = {{"id", call.state.hex_id()}, {"version", 0}};
    read.update(audit(now, now));
    read["sourceType"] = read_type(str(m, "sourceType"));
    read["source"] = m["source"];
    read["destination"] = m["destination"];
    for (const char* field : {"name", "description"}) {
      if (m.contains(field)) read[field] = m[field];
    }
    // The identity flags describe the output field, not the source: the activation tutorial
    // sends none, and an identityMap.<code> source is still a plain attribute to Data Prep.
    read["identity"] = false;
    read["primaryIdentity"] = false;
    read["matchScore"] = 0.0;
    read["functionVersion"] = 1;
    read["sourceAttribute"] = m["source"];
    read["destinationXdmPath"] = m["destination"];
    mappings.push_back(std::move(read));
  }
  v["mappings"] = std::move(mappings);
  // mapping-set.md reads a new mapping set back as DRAFT; what publishes one is not documented.
  v["status"] = "DRAFT";
  v["strictMapping"] = false;
  v["allowNullValues"] = body.value("allowNullValues", false);
  std::string xdm_version = "1.0";
  if (!c.output->xdm_ref.empty()) {
    const json ref = c.output->body.value("schemaRef", json::object());
    v["outputSchema"]["schemaRef"] = ref;
    v["schemaRef"] = ref;
    v["xdmSchema"] = c.output->xdm_ref;
    if (!str(ref, "contentType").empty()) xdm_version = str(ref, "contentType");
  }
  v["xdmVersion"] = body.value("xdmVersion", xdm_version);
  if (body.contains("tags")) v["tags"] = body["tags"];
  return v;
}

// A version as GET shows it: the output schema's JSON schema in it when asked to expand.
json render(const Call& call, const json& version, bool expand) {
  json out = version;
  if (expand) {
    if (const ConversionSchema* s = find_schema(call, str(version["outputSchema"], "id"))) {
      out["outputSchema"]["jsonSchema"] = s->body["jsonSchema"];
    }
  }
  return out;
}

std::optional<bool> expand_param(const Call& call, Failure& failure) {
  const std::string v = query_value(call, "expandSchema");
  if (v.empty() || v == "false") return false;
  if (v == "true") return true;
  failure = invalid_request_body(call, "expandSchema must be true or false.");
  return std::nullopt;
}

const std::vector<json>* versions_of(const Call& call, const std::string& id) {
  const auto& sets = call.sandbox->conversion.mapping_sets;
  auto it = sets.find(id);
  return it == sets.end() ? nullptr : &it->second;
}

}  // namespace

const json* find_mapping_set(const Sandbox& sandbox, const std::string& id, long long version) {
  auto it = sandbox.conversion.mapping_sets.find(id);
  if (it == sandbox.conversion.mapping_sets.end() || version < 0 ||
      version >= static_cast<long long>(it->second.size())) {
    return nullptr;
  }
  return &it->second[static_cast<std::size_t>(version)];
}

std::vector<std::string> identity_namespaces(const json& mapping_set) {
  std::vector<std::string> out;
  for (const auto& m : mapping_set.value("mappings", json::array())) {
    if (str(m, "sourceType") != "text/x.schema-path") continue;
    auto identity = identity_source(str(m, "source"));
    if (identity && std::find(out.begin(), out.end(), identity->code) == out.end()) {
      out.push_back(identity->code);
    }
  }
  return out;
}

Response create_mapping_set(Call& call) {
  if (auto f = check_params(call, {})) return reply(*f);
  auto body = read_object(call);
  if (!body) return reply(body.error());
  auto checked = check_body(call, *body);
  if (!checked) return reply(checked.error());
  const std::string id = call.state.hex_id();
  auto v = make_version(call, *body, *checked, id, 0, call.state.now_ms());
  if (!v) return reply(v.error());
  json answer = {{"id", id}, {"version", 0}};
  answer.update(
      audit((*v)["createdDate"].get<std::int64_t>(), (*v)["modifiedDate"].get<std::int64_t>()));
  auto& c = call.sandbox->conversion;
  c.mapping_sets[id].push_back(std::move(*v));
  c.mapping_set_order.push_back(id);
  return reply(200, answer);
}

Response get_mapping_set(Call& call, const std::string& id) {
  if (auto f = check_params(call, {"version", "expandSchema"})) return reply(*f);
  Failure failure;
  auto expand = expand_param(call, failure);
  if (!expand) return reply(failure);
  const auto* versions = versions_of(call, id);
  if (!versions) return reply(not_in_sandbox(call, "mapping set", id));
  long long version = static_cast<long long>(versions->size()) - 1;
  if (call.req.query.count("version")) {
    auto asked = bounded_int(query_value(call, "version"), 0, INT_MAX);
    if (!asked) return reply(invalid_request_body(call, "version must be a whole number from 0."));
    version = *asked;
  }
  const json* v = find_mapping_set(*call.sandbox, id, version);
  if (!v) {
    return reply(
        not_in_sandbox(call, "mapping set version", id + " version " + std::to_string(version)));
  }
  return reply(200, render(call, *v, *expand));
}

Response put_mapping_set(Call& call, const std::string& id) {
  if (auto f = check_params(call, {})) return reply(*f);
  if (!versions_of(call, id)) return reply(not_in_sandbox(call, "mapping set", id));
  auto body = read_object(call);
  if (!body) return reply(body.error());
  auto checked = check_body(call, *body);
  if (!checked) return reply(checked.error());
  auto& versions = call.sandbox->conversion.mapping_sets.at(id);
  auto v = make_version(call, *body, *checked, id, static_cast<int>(versions.size()),
                        versions.front()["createdDate"].get<std::int64_t>());
  if (!v) return reply(v.error());
  versions.push_back(std::move(*v));
  // mapping-set.md prints the updated mapping set with its output schema expanded.
  return reply(200, render(call, versions.back(), true));
}

Response list_mapping_sets(Call& call) {
  if (auto f = check_params(call, {"limit", "start", "name", "orderBy", "expandSchema"})) {
    return reply(*f);
  }
  auto page = page_of(call);
  if (!page) return reply(page.error());
  Failure failure;
  auto expand = expand_param(call, failure);
  if (!expand) return reply(failure);
  const std::string name = query_value(call, "name");
  std::vector<json> rendered;
  const auto& c = call.sandbox->conversion;
  rendered.reserve(c.mapping_set_order.size());  // no reallocation: `all` points into it
  std::vector<const json*> all;
  for (const auto& id : c.mapping_set_order) {
    const json& newest = c.mapping_sets.at(id).back();
    if (!name.empty() && str(newest, "name") != name) continue;
    rendered.push_back(render(call, newest, *expand));
    all.push_back(&rendered.back());
  }
  // mapping-set.md names the orderBy fields createdDate and updatedDate; a mapping set's field
  // is modifiedDate.
  if (auto f = sort_by(call, all, query_value(call, "orderBy"),
                       {{"createdDate", "createdDate"}, {"updatedDate", "modifiedDate"}})) {
    return reply(*f);
  }
  return reply(200, page_answer(all, *page));
}

Response list_mappings(Call& call, const std::string& id) {
  if (auto f = check_params(call, {})) return reply(*f);
  const auto* versions = versions_of(call, id);
  if (!versions) return reply(not_in_sandbox(call, "mapping set", id));
  return reply(200, versions->back()["mappings"]);
}

Response get_mapping(Call& call, const std::string& id, const std::string& mapping_id) {
  if (auto f = check_params(call, {})) return reply(*f);
  const auto* versions = versions_of(call, id);
  if (!versions) return reply(not_in_sandbox(call, "mapping set", id));
  for (const auto& m : versions->back()["mappings"]) {
    if (str(m, "id") == mapping_id) return reply(200, m);
  }
  return reply(not_in_sandbox(call, "mapping", mapping_id));
}

}  // namespace emulator
