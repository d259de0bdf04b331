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
