#pragma once
// What the import tests share: the secrets every example pipeline reads, and reading back the
// variables `aepflow import` lists on stderr so that the imported file can be planned and applied.

#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "process.hpp"

namespace test {

inline const std::string kRsaKey =
    "-----BEGIN RSA PRIVATE KEY-----\nTUlJRW93SUJBQUtDQVFFQTBaM1ZTMnRGTnBPRFN0\n"
    "-----END RSA PRIVATE KEY-----\n";

// The values of every env: reference in examples/pipelines/.
inline const std::map<std::string, std::string> kEverySecret = {
    {"S3_ACCESS_ID", "AKIAIOSFODNN7EXAMPLE"},
    {"S3_SECRET_KEY", "s3-SECRET-pipeline-01"},
    {"AZURE_BLOB_CONNECTION_STRING",
     "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=example-only-blob-SECRET"},
    {"SFTP_PASSWORD", "sftp-SECRET-0001"},
    {"SFTP_SSH_KEY", kRsaKey},
    {"AMAZON_S3_ACCESS_KEY", "AKIAEXAMPLEKEY234567"},
    {"AMAZON_S3_SECRET_KEY", "exampleOnlyS3SecretKey000000000000000000"},
    {"ADLS_SERVICE_PRINCIPAL_ID", "00000000-0000-0000-0000-000000000001"},
    {"ADLS_SERVICE_PRINCIPAL_KEY", "example-only-principal-key"},
    {"GCS_ACCESS_KEY_ID", "GOOGEXAMPLEONLYACCESSKEYID"},
    {"GCS_SECRET_ACCESS_KEY", "exampleOnlyGcsSecretAccessKey00000000000"}};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The variables import listed ("  VAR  (param of base connection ..."), each given the value the
// original file's reference for that param read: the environment the imported file needs.
inline std::map<std::string, std::string> imported_env(const std::string& import_stderr,
                                                       const std::string& original_text) {
  std::map<std::string, std::string> by_param;
  const std::regex ref(R"re(\n\s+(\w+): env:(\w+))re");
  for (std::sregex_iterator i(original_text.begin(), original_text.end(), ref), end; i != end;
       ++i) {
    by_param[(*i)[1]] = kEverySecret.at((*i)[2]);
  }
  std::map<std::string, std::string> env;
  const std::regex listed(R"re(\n  ([A-Z0-9_]+)  \((\w+) of base connection)re");
  const std::string err = "\n" + import_stderr;
  for (std::sregex_iterator i(err.begin(), err.end(), listed), end; i != end; ++i) {
    env[(*i)[1]] = by_param.count((*i)[2]) ? by_param[(*i)[2]] : "unknown-param";
  }
  return env;
}

}  // namespace test
