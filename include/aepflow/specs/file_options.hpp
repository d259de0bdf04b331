#pragma once
// A current cloud-storage card's file options as target params: file type, compression, CSV
// options and the manifest, written the way `target create` flags and pipeline files give them,
// and the export mode a card has only one value for. Checked against the card's target spec
// afterwards (spec_check), with every other param.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

struct FileOptions {
  std::optional<std::string> file_type;          // fileType: CSV, JSON, PARQUET (audience exports)
  std::optional<std::string> dataset_file_type;  // datasetFileType: JSON, PARQUET (datasets)
  std::optional<std::string> compression;        // compression: NONE, GZIP
  std::vector<std::pair<std::string, std::string>> csv;  // csvOptions, in the order given
  bool manifest = false;                                 // includeFileManifest: true
};

// "delimiter=\t" -> {"delimiter", "\t"}: a KEY=VALUE pair, where VALUE may be empty (quote=
// writes no quote character) and the two characters \t stand for a tab.
Result<std::pair<std::string, std::string>> parse_csv_option(std::string_view text);

// Adds `o` to `params`, each under the name the target spec uses; a param given both ways is an
// error, as is a CSV option the card's csvOptions does not list (naming the ones it does). Values
// are checked later, against the spec, with the rest.
Result<void> add_file_options(const nlohmann::json& connection_spec, const FileOptions& o,
                              nlohmann::json& params);

// Sets `mode` when the card's target spec allows one value only ("Server-to-server") and the
// params leave it out: what the card needs, so nobody has to type it.
void default_mode(const nlohmann::json& connection_spec, nlohmann::json& params);

}  // namespace aepflow
