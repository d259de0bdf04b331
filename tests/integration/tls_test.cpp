// HTTPS: the emulator serves a self-signed certificate; aepflow verifies it always, and trusts it
// only when given as the CA bundle.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;

TEST_CASE("over HTTPS a self-signed certificate is refused, and trusted through --ca-bundle",
          "[integration][tls]") {
  test::TempDir dir;
  auto [cert, key] = test::make_certificate(dir.str());
  Emulator emu({"--tls-cert", cert, "--tls-key", key, "--fault", "action=latency,latency=50"});
  REQUIRE(emu.url().starts_with("https://127.0.0.1:"));

  auto refused = aepflow(emu, {"specs", "list", "-o", "id"});
  CHECK(refused.code == 6);
  CHECK_THAT(refused.err, Catch::Contains("TLS failed"));
  CHECK(emu.count("requests") == 0);

  auto listed = aepflow(emu, {"specs", "list", "-o", "id"}, {{"AEP_CA_BUNDLE", cert}});
  INFO(listed.err);
  CHECK(listed.code == 0);
  CHECK(listed.out.size() > 37);

  // A whole pipeline over TLS, its independent requests at the same time on connections of
  // their own.
  auto apply =
      aepflow(emu,
              {"apply", "-f", test::source_dir() + "/examples/pipelines/adobe-campaign-s3.yaml",
               "--yes", "--ca-bundle", cert},
              {{"S3_ACCESS_ID", "AKIAIOSFODNN7EXAMPLE"}, {"S3_SECRET_KEY", "s3-SECRET-tls-0001"}});
  INFO(apply.err);
  CHECK(apply.code == 0);
  CHECK(emu.count("writes") == 6);
  CHECK(emu.count("maxInFlight") >= 2);
  CHECK(apply.err.find("s3-SECRET-tls-0001") == std::string::npos);
  CHECK(apply.out.find("s3-SECRET-tls-0001") == std::string::npos);
}
