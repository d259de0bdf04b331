#include "aepflow/pipeline_file/parse.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <set>

#include "aepflow/base/utf8.hpp"
#include "aepflow/dataprep/mapping.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/redact.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

// A problem at a place in the file; thrown inside the parser only, caught at its boundary.
struct FileError {
  int line;
  std::string key;
  std::string message;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& key, const std::string& message) {
    throw FileError{at.Mark().line + 1, key, message};
  }

  // Refuses keys other than `allowed` in a mapping; `where` names the mapping ("pipelines[0]").
  void only(const YAML::Node& map, const std::string& where, const std::set<std::string>& allowed) {
    if (!map.IsMap()) fail(map, where, "expected a mapping of keys");
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed)
          list += (list.empty() ? "" : ", ") + a;
        fail(kv.first, join(where, key), "unknown key (expected one of: " + list + ")");
      }
    }
  }

  std::string text(const YAML::Node& map, const std::string& where, const char* key,
                   bool required) {
    const YAML::Node v = map[key];
    if (!v) {
      if (required) fail(map, join(where, key), "is required");
      return {};
    }
    if (!v.IsScalar()) fail(v, join(where, key), "expected a string");
    return v.Scalar();
  }

  std::vector<std::string> texts(const YAML::Node& map, const std::string& where, const char* key) {
    std::vector<std::string> out;
    const YAML::Node v = map[key];
    if (!v) return out;
    if (!v.IsSequence()) fail(v, join(where, key), "expected a list of strings");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].IsScalar()) {
        fail(v[i], join(where, key) + "[" + std::to_string(i) + "]", "expected a string");
      }
      out.push_back(v[i].Scalar());
    }
    return out;
  }

  // A param value: plain integers and booleans keep their type; anything quoted is a string.
  json value(const YAML::Node& v, const std::string& where) {
    if (v.IsScalar()) {
      const std::string& s = v.Scalar();
      if (v.Tag() == "?") {
        if (s == "true" || s == "false") return s == "true";
        long long n = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return n;
      }
      return s;
    }
    if (v.IsSequence()) {
      json out = json::array();
      for (std::size_t i = 0; i < v.size(); ++i)
        out.push_back(value(v[i], where + "[" + std::to_string(i) + "]"));
      return out;
    }
    if (v.IsMap()) {
      json out = json::object();
      for (const auto& kv : v)
        out[kv.first.Scalar()] = value(kv.second, join(where, kv.first.Scalar()));
      return out;
    }
    fail(v, where, "expected a value");
  }

  json params(const YAML::Node& map, const std::string& where) {
    const YAML::Node v = map["params"];
    if (!v) return json::object();
    if (!v.IsMap()) fail(v, join(where, "params"), "expected a mapping of param names to values");
    return value(v, join(where, "params"));
  }

  static std::string join(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

const std::set<std::string> kAudienceKeys = {
    "id",        "name",        "description", "filenameTemplate", "exportMode",
    "frequency", "triggerType", "startDate",   "startTime",        "endDate"};

AudienceSpec audience(Reader& r, const YAML::Node& node, const std::string& where, bool needs_id) {
  if (needs_id && node.IsScalar()) {
    AudienceSpec a;
    a.id = node.Scalar();
    return a;
  }
  std::set<std::string> keys = kAudienceKeys;
  if (!needs_id) keys.erase("id");
  r.only(node, where, keys);
  AudienceSpec a;
  if (needs_id) a.id = r.text(node, where, "id", true);
  auto opt = [&](const char* key) -> std::optional<std::string> {
    if (!node[key]) return std::nullopt;
    return r.text(node, where, key, true);
  };
  a.name = opt("name");
  a.description = opt("description");
  a.filename_template = opt("filenameTemplate");
  a.export_mode = opt("exportMode");
  a.frequency = opt("frequency");
  a.trigger_type = opt("triggerType");
  a.start_date = opt("startDate");
  a.start_time = opt("startTime");
  a.end_date = opt("endDate");
  return a;
}

// Secrets may only be references: a literal secret in a file ends up in version control.
void check_secret_refs(Reader& r, const YAML::Node& params, const std::string& where) {
  if (!params || !params.IsMap()) return;
  for (const auto& kv : params) {
    const std::string key = kv.first.Scalar();
    if (is_shown_credential_field(key)) continue;
    const std::string v = kv.second.IsScalar() ? kv.second.Scalar() : "";
    if (!v.starts_with("env:") && !v.starts_with("file:")) {
      r.fail(kv.second, Reader::join(where, key),
             "a secret must be a reference, env:VAR or file:PATH, never the value itself");
    }
  }
}

// A current card's file options, written beside the target's params as `target create` takes
// them as flags: fileType, compression, csvOptions (a mapping), manifest (true/false).
void file_options(Reader& r, const YAML::Node& target, const std::string& where, json& params) {
  auto put = [&](const char* key, const char* param, json value) {
    if (params.contains(param)) {
      r.fail(target[key], Reader::join(where, key),
             std::string("is given twice: here and as params.") + param);
    }
    params[param] = std::move(value);
  };
  for (const char* key : {"fileType", "compression"}) {
    if (target[key]) put(key, key, r.text(target, where, key, true));
  }
  if (const YAML::Node csv = target["csvOptions"]) {
    const std::string w = Reader::join(where, "csvOptions");
    if (!csv.IsMap()) r.fail(csv, w, "expected a mapping of CSV options to values");
    json options = json::object();
    for (const auto& kv : csv) {
      if (!kv.second.IsScalar()) {
        r.fail(kv.second, Reader::join(w, kv.first.Scalar()), "expected a string");
      }
      options[kv.first.Scalar()] = kv.second.Scalar();  // "\t" in YAML's double quotes is a tab
    }
    put("csvOptions", "csvOptions", std::move(options));
  }
  if (const YAML::Node m = target["manifest"]) {
    const json v = r.value(m, Reader::join(where, "manifest"));
    if (!v.is_boolean()) r.fail(m, Reader::join(where, "manifest"), "expected true or false");
    if (v.get<bool>()) put("manifest", "includeFileManifest", true);
  }
}

PipelineSpec pipeline(Reader& r, const YAML::Node& node, const std::string& where) {
  r.only(node, where,
         {"name", "destination", "profileStore", "connection", "target", "flow", "audiences",
          "audienceDefaults", "attributes", "identities", "mandatoryFields", "dedupKeys"});
  PipelineSpec p;
  p.line = node.Mark().line + 1;
  p.name = r.text(node, where, "name", true);
  p.destination = r.text(node, where, "destination", true);

  p.profile_base_name = "Profile Store for " + p.name;
  p.source_name = "Profile Store source for " + p.name;
  if (const YAML::Node ps = node["profileStore"]) {
    const std::string w = Reader::join(where, "profileStore");
    r.only(ps, w, {"baseConnection", "sourceConnection"});
    if (ps["baseConnection"]) p.profile_base_name = r.text(ps, w, "baseConnection", true);
    if (ps["sourceConnection"]) p.source_name = r.text(ps, w, "sourceConnection", true);
  }

  const std::string cw = Reader::join(where, "connection");
  const YAML::Node conn = node["connection"];
  if (!conn) r.fail(node, cw, "is required");
  r.only(conn, cw, {"name", "description", "authSpec", "params", "encryptionKey"});
  p.connection_name = r.text(conn, cw, "name", true);
  if (conn["description"]) p.connection_description = r.text(conn, cw, "description", false);
  // Required by the destination's spec when it takes credentials (checked by plan).
  p.auth_spec = r.text(conn, cw, "authSpec", false);
  p.auth_params = r.params(conn, cw);
  if (!p.auth_params.empty() && p.auth_spec.empty()) {
    r.fail(conn, Reader::join(cw, "authSpec"), "is required with params");
  }
  check_secret_refs(r, conn["params"], Reader::join(cw, "params"));
  p.encryption_key = r.text(conn, cw, "encryptionKey", false);

  const std::string tw = Reader::join(where, "target");
  const YAML::Node target = node["target"];
  if (!target) r.fail(node, tw, "is required");
  r.only(target, tw,
         {"name", "description", "params", "fileType", "compression", "csvOptions", "manifest"});
  p.target_name = r.text(target, tw, "name", true);
  if (target["description"]) p.target_description = r.text(target, tw, "description", false);
  p.target_params = r.params(target, tw);
  file_options(r, target, tw, p.target_params);

  const std::string fw = Reader::join(where, "flow");
  const YAML::Node flow = node["flow"];
  if (!flow) r.fail(node, fw, "is required");
  r.only(flow, fw, {"name", "description", "flowSpec"});
  p.flow_name = r.text(flow, fw, "name", true);
  if (flow["description"]) p.flow_description = r.text(flow, fw, "description", false);
  p.flow_spec = r.text(flow, fw, "flowSpec", false);

  AudienceSpec defaults;
  if (const YAML::Node d = node["audienceDefaults"]) {
    defaults = audience(r, d, Reader::join(where, "audienceDefaults"), false);
  }
  if (const YAML::Node list = node["audiences"]) {
    const std::string aw = Reader::join(where, "audiences");
    if (!list.IsSequence()) r.fail(list, aw, "expected a list of audiences");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string w = aw + "[" + std::to_string(i) + "]";
      AudienceSpec a = with_fallback(audience(r, list[i], w, true), defaults);
      if (a.id.empty()) r.fail(list[i], w + ".id", "is empty");
      auto id = normalize_audience_id(a.id);
      if (!id) r.fail(list[i], w + ".id", id.error().message);
      a.id = std::move(*id);
      if (!seen.insert(a.id).second)
        r.fail(list[i], w + ".id", "audience " + a.id + " is listed twice");
      p.audiences.push_back(std::move(a));
    }
  }
  p.attributes = r.texts(node, where, "attributes");
  p.identities = r.texts(node, where, "identities");
  p.mandatory = r.texts(node, where, "mandatoryFields");
  for (const char* key : {"attributes", "mandatoryFields"}) {
    const auto& paths = std::string_view(key) == "attributes" ? p.attributes : p.mandatory;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (auto problem = xdm_path_problem(paths[i]); !problem.empty()) {
        r.fail(node[key][i], Reader::join(where, key) + "[" + std::to_string(i) + "]", problem);
      }
    }
  }
  for (const auto& k : r.texts(node, where, "dedupKeys"))
    p.dedup_keys.push_back(DedupKey::parse(k));
  return p;
}

}  // namespace

Result<PipelineFile> parse_pipeline_file(std::string_view text, std::string_view file_name) {
  // Names and params go into JSON bodies, which are UTF-8 (and YAML is UTF-8 too).
  if (auto ok = check_utf8(file_name, text, /*file=*/true); !ok) return std::unexpected(ok.error());
  PipelineFile m;
  m.file = std::string(file_name);
  Reader r(m.file);
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (!root || root.IsNull()) throw FileError{1, "", "the file is empty"};
    r.only(root, "", {"pipelines"});
    const YAML::Node list = root["pipelines"];
    if (!list || !list.IsSequence() || list.size() == 0) {
      r.fail(list ? list : root, "pipelines", "expected a list of at least one pipeline");
    }
    std::set<std::string> names, flows;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = "pipelines[" + std::to_string(i) + "]";
      PipelineSpec p = pipeline(r, list[i], where);
      if (!names.insert(p.name).second) {
        r.fail(list[i], where + ".name", "pipeline '" + p.name + "' is defined twice");
      }
      if (!flows.insert(p.flow_name).second) {
        r.fail(list[i], where + ".flow.name", "dataflow '" + p.flow_name + "' is named twice");
      }
      m.pipelines.push_back(std::move(p));
    }
  } catch (const FileError& e) {
    return usage(m.file + ":" + std::to_string(e.line) + ": " +
                 (e.key.empty() ? "" : e.key + ": ") + e.message);
  } catch (const YAML::Exception& e) {
    return usage(m.file + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  return m;
}

bool is_pipeline_file(std::string_view text) {
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    return root.IsMap() && root["pipelines"];
  } catch (const YAML::Exception&) {
    return false;
  }
}

}  // namespace aepflow
