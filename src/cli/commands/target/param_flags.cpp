#include "commands/target/param_flags.hpp"

#include "settings/params.hpp"

namespace aepflow::cli {

void add_target_param_flags(Command& cmd, TargetParamFlags& f) {
  cmd.option("--param", f.params,
             "target param KEY=VALUE (repeatable); KEY:=JSON for numbers and booleans");
  cmd.option("--mode", f.mode,
             "storage type: S3, AZURE_BLOB or FTP (param mode); a current cloud-storage card's "
             "only mode, Server-to-server, is the default there");
  cmd.option("--bucket", f.bucket, "S3 bucket (param bucketName)");
  cmd.option("--container", f.container, "Azure Blob container (param container)");
  cmd.option("--path", f.path, "folder in the bucket or container (param path)");
  cmd.option("--remote-path", f.remote_path, "SFTP folder (param remotePath)");
  cmd.option("--format", f.format,
             "file format of an email-marketing destination (param format): CSV");
  cmd.option("--file-type", f.file_type,
             "file type of a current cloud-storage card's audience exports: CSV, JSON or PARQUET "
             "(param fileType)");
  cmd.option("--dataset-file-type", f.dataset_file_type,
             "file type of a dataset export: JSON or PARQUET (param datasetFileType)");
  cmd.option("--compression", f.compression, "NONE or GZIP (param compression)");
  cmd.option("--csv-option", f.csv_options,
             "CSV option KEY=VALUE (repeatable; param csvOptions, only with --file-type CSV): "
             "delimiter, quote, escape, nullValue, emptyValue; \\t is a tab");
  cmd.flag("--manifest", f.manifest,
           "write a manifest file beside each export (param includeFileManifest)");
}

Result<nlohmann::json> flag_params(const TargetParamFlags& f, const Io& io) {
  auto parsed = parse_params(f.params, io);
  if (!parsed) return std::unexpected(parsed.error());
  auto params = std::move(parsed->values);
  const std::pair<const char*, const std::string*> shorthands[] = {
      {"mode", &f.mode}, {"bucketName", &f.bucket},      {"container", &f.container},
      {"path", &f.path}, {"remotePath", &f.remote_path}, {"format", &f.format},
  };
  for (const auto& [key, value] : shorthands) {
    if (value->empty()) continue;
    if (params.contains(key)) {
      return usage(std::string("target param ") + key +
                   " is given twice: by its shorthand flag and by --param");
    }
    params[key] = *value;
  }
  return params;
}

Result<FileOptions> flag_file_options(const TargetParamFlags& f) {
  FileOptions o;
  if (!f.file_type.empty()) o.file_type = f.file_type;
  if (!f.dataset_file_type.empty()) o.dataset_file_type = f.dataset_file_type;
  if (!f.compression.empty()) o.compression = f.compression;
  o.manifest = f.manifest;
  for (const auto& text : f.csv_options) {
    auto option = parse_csv_option(text);
    if (!option) return std::unexpected(option.error());
    o.csv.push_back(std::move(*option));
  }
  return o;
}

}  // namespace aepflow::cli
