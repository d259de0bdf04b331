#include "aepflow/http/redact.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace aepflow;
using nlohmann::json;

TEST_CASE("headers are shown only when known to be harmless", "[secrets]") {
  CHECK(redact_header("Authorization", "Bearer eyJhbGciOi") == "Bearer ***");
  CHECK(redact_header("authorization", "eyJhbGciOi") == "***");
  CHECK(redact_header("x-api-key", "0123456789abcdef") == "0123***");
  CHECK(redact_header("x-api-key", "short") == "***");
  CHECK(redact_header("x-sandbox-name", "prod") == "prod");
  CHECK(redact_header("If-Match", "\"e\"") == "\"e\"");
  CHECK(redact_header("Cookie", "session=abc") == "***");
  CHECK(redact_header("X-Some-New-Header", "value") == "***");
}

TEST_CASE("secret fields are redacted anywhere in a body and credentials by allow-list",
          "[secrets]") {
  json body = {
      {"name", "conn"},
      {"auth",
       {{"specName", "S3"},
        {"params",
         {{"accessId", "AKIA-ID"}, {"secretKey", "S3-SECRET"}, {"host", "h"}, {"newField", "x"}}}}},
      {"nested", {{"deeper", {{"password", "p"}, {"client_secret", "cs"}, {"sshKey", "k"}}}}},
      {"list", {{{"access_token", "t"}}, {{"connectionString", "DefaultEndpoints..."}}}},
      {"params", {{"bucketName", "b"}, {"path", "p"}}},
  };
  json out = json::parse(redact_body(body.dump()));
  CHECK(out["name"] == "conn");
  CHECK(out["auth"]["specName"] == "S3");
  CHECK(out["auth"]["params"]["host"] == "h");
  CHECK(out["auth"]["params"]["accessId"] == "***");
  CHECK(out["auth"]["params"]["secretKey"] == "***");
  CHECK(out["auth"]["params"]["newField"] == "***");  // unknown credential fields are hidden
  CHECK(out["nested"]["deeper"]["password"] == "***");
  CHECK(out["nested"]["deeper"]["client_secret"] == "***");
  CHECK(out["nested"]["deeper"]["sshKey"] == "***");
  CHECK(out["list"][0]["access_token"] == "***");
  CHECK(out["list"][1]["connectionString"] == "***");
  CHECK(out["params"]["bucketName"] == "b");  // target params are not credentials
}

TEST_CASE("bodies that are not JSON are summarised, never echoed", "[secrets]") {
  CHECK(redact_body("grant_type=client_credentials&client_secret=abc") == "<47 bytes, not JSON>");
  CHECK(redact_body("").empty());
}

TEST_CASE("scrub removes every occurrence of a secret", "[secrets]") {
  CHECK(scrub("a TOKEN-123 b TOKEN-123", "TOKEN-123") == "a *** b ***");
  CHECK(scrub("nothing", "") == "nothing");
  CHECK(scrub("could not connect", "t") == "could not connect");  // too short to be a secret
}

TEST_CASE("a JSON Patch's values are redacted as they would be at their paths", "[secrets]") {
  const json patch = json::array({
      {{"op", "replace"}, {"path", "/auth/params/secretKey"}, {"value", "S3CRET-1"}},
      {{"op", "add"}, {"path", "/auth/params/accessId"}, {"value", "AKIA-ID-2"}},
      {{"op", "replace"}, {"path", "/auth/params/host"}, {"value", "sftp.example.com"}},
      {{"op", "replace"},
       {"path", "/auth/params"},
       {"value", {{"password", "PW-3"}, {"username", "u"}, {"sshKeyPassphrase", "PP-4"}}}},
      {{"op", "replace"},
       {"path", "/auth"},
       {"value", {{"specName", "Access Key"}, {"params", {{"s3AccessKey", "AK-5"}}}}}},
      {{"op", "test"}, {"path", "/params/sasToken"}, {"value", "SAS-6"}},
      {{"op", "add"}, {"path", "/a~1b/password"}, {"value", "PW-7"}},
      {{"op", "replace"}, {"path", "/name"}, {"value", "a new name"}},
      {{"op", "remove"}, {"path", "/auth/params/secretKey"}},
  });
  const std::string shown = redact_body(patch.dump());
  for (const char* secret : {"S3CRET-1", "AKIA-ID-2", "PW-3", "PP-4", "AK-5", "SAS-6", "PW-7"}) {
    INFO(secret);
    CHECK(shown.find(secret) == std::string::npos);
  }
  const json out = json::parse(shown);
  CHECK(out[2]["value"] == "sftp.example.com");  // a credential field known to be harmless
  CHECK(out[3]["value"]["username"] == "u");
  CHECK(out[4]["value"]["specName"] == "Access Key");
  CHECK(out[7]["value"] == "a new name");  // not a credential
  CHECK(out[8] == patch[8]);
  CHECK(out[0]["path"] == "/auth/params/secretKey");
}
