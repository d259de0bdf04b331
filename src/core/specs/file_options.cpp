#include "aepflow/specs/file_options.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

const json& target_properties(const json& connection_spec) {
  static const json none = json::object();
  auto t = connection_spec.find("targetSpec");
  if (t == connection_spec.end() || !t->is_object()) return none;
  auto spec = t->find("spec");
  if (spec == t->end() || !spec->is_object()) return none;
  auto props = spec->find("properties");
  return props != spec->end() && props->is_object() ? *props : none;
}

Result<void> put(json& params, const std::string& key, json value) {
  if (params.contains(key)) {
    return usage("target param " + key + " is given twice: by its own flag and by --param");
  }
  params[key] = std::move(value);
  return {};
}

}  // namespace

Result<std::pair<std::string, std::string>> parse_csv_option(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return usage("--csv-option '" + printable(text) +
                 "': expected KEY=VALUE, e.g. delimiter=';' or nullValue=");
  }
  std::string value(text.substr(eq + 1));
  if (value == "\\t") value = "\t";
  return std::pair{std::string(text.substr(0, eq)), std::move(value)};
}

Result<void> add_file_options(const json& connection_spec, const FileOptions& o, json& params) {
  // A target exports audiences (fileType, csvOptions) or datasets (datasetFileType), never both:
  // the card's spec requires the one its flow's kind names.
  if (o.dataset_file_type && (o.file_type || !o.csv.empty() || params.contains("fileType"))) {
    return usage(
        "--dataset-file-type is for a dataset export, --file-type and --csv-option for "
        "an audience export: give one kind");
  }
  if (o.dataset_file_type) {
    if (auto ok = put(params, "datasetFileType", *o.dataset_file_type); !ok) return ok;
  }
  if (o.file_type) {
    if (auto ok = put(params, "fileType", *o.file_type); !ok) return ok;
  }
  if (o.compression) {
    if (auto ok = put(params, "compression", *o.compression); !ok) return ok;
  }
  if (o.manifest) {
    if (auto ok = put(params, "includeFileManifest", true); !ok) return ok;
  }
  if (o.csv.empty()) return {};
  const json& props = target_properties(connection_spec);
  const json& csv_props = object_member(object_member(props, "csvOptions"), "properties");
  if (csv_props.empty()) {
    return usage("--csv-option: " +
                 (text_of(connection_spec, "name").empty() ? "this spec"
                                                           : text_of(connection_spec, "name")) +
                 " takes no CSV options");
  }
  json csv = json::object();
  for (const auto& [key, value] : o.csv) {
    if (!csv_props.contains(key)) {
      std::vector<std::string> names;
      for (const auto& [name, _] : csv_props.items())
        names.push_back(name);
      return usage("--csv-option " + printable(key) + " is not a CSV option; they are " +
                   join(names));
    }
    if (csv.contains(key)) return usage("--csv-option " + key + " is given more than once");
    csv[key] = value;
  }
  return put(params, "csvOptions", std::move(csv));
}

void default_mode(const json& connection_spec, json& params) {
  if (!params.is_object() || params.contains("mode")) return;
  const json& modes =
      array_member(object_member(target_properties(connection_spec), "mode"), "enum");
  if (modes.size() == 1 && modes[0].is_string()) params["mode"] = modes[0];
}

}  // namespace aepflow
