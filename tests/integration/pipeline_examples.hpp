#pragma once
// The example pipeline files the integration tests apply, and the secrets their references read.

#include <map>
#include <string>

#include "process.hpp"

namespace test {

// examples/pipelines/NAME.yaml; the Adobe Campaign tutorial's by default.
inline std::string example_pipeline(const std::string& name = "adobe-campaign-s3") {
  return source_dir() + "/examples/pipelines/" + name + ".yaml";
}

// What the env: references of the Adobe Campaign examples read (S3 and Azure Blob).
inline const std::map<std::string, std::string> kExampleSecrets = {
    {"S3_ACCESS_ID", "AKIAIOSFODNN7EXAMPLE"},
    {"S3_SECRET_KEY", "s3-SECRET-pipeline-01"},
    {"AZURE_BLOB_CONNECTION_STRING",
     "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=example-only"}};

}  // namespace test
