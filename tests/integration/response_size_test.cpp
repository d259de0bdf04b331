// A server that sends more than any answer can need: aepflow stops reading at the cap
// (--max-response-size, 64 MiB by default) with a clear error, and its memory stays near the cap
// whatever the server sends. The emulator does not lie about sizes, so a stub server does.
#include <catch2/catch.hpp>
#include <string>

#include "process.hpp"
#include "stub_server.hpp"
#include "temp_dir.hpp"

namespace {

std::map<std::string, std::string> stub_env(const test::StubServer& stub,
                                            const test::TempDir& home) {
  return {{"AEP_BASE_URL", stub.url() + "/data/foundation/flowservice"},
          {"AEP_ACCESS_TOKEN", "stub-token"},
          {"AEP_API_KEY", "stub-key"},
          {"AEP_ORG_ID", "0A1B2C3D4E5F60718293A4B5@AdobeOrg"},
          {"AEP_SANDBOX", "dev"},
          {"HOME", home.path().string()},
          {"XDG_CONFIG_HOME", (home.path() / ".config").string()},
          {"XDG_CACHE_HOME", (home.path() / ".cache").string()}};
}

const std::string kFlow = "d8a68f4a-4b0f-4b4c-9a3c-0a1b2c3d4e5f";

}  // namespace

TEST_CASE("an endless answer is cut at the cap, with memory near the cap",
          "[integration][response-size]") {
  // 512 MiB of one JSON string, with no length announced: only the cap can stop it.
  test::StubServer stub([](const std::string&, const test::StubServer::Send& send) {
    if (!send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
              "{\"id\":\"x\",\"name\":\"")) {
      return;
    }
    const std::string mebibyte(std::size_t{1} << 20, 'a');
    for (int i = 0; i < 512 && send(mebibyte); ++i) {
    }
  });
  test::TempDir home;
  auto r = test::run_process({test::bin_dir() + "/aepflow", "flow", "get", kFlow, "-o", "json"},
                             stub_env(stub, home));
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("larger than 64 MiB") != std::string::npos);
  CHECK(r.err.find("--max-response-size") != std::string::npos);
  CHECK(stub.requests() == 1);  // not retried: the same answer would come again
  CAPTURE(r.max_rss_kb);
  CHECK(r.max_rss_kb < 160 * 1024);  // the cap (64 MiB) and the program, not 512 MiB
}

TEST_CASE("an answer that announces a size over the cap is refused before its body",
          "[integration][response-size]") {
  test::StubServer stub([](const std::string&, const test::StubServer::Send& send) {
    send(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3221225472\r\n"
        "\r\n{\"id\":");
  });
  test::TempDir home;
  auto r = test::run_process({test::bin_dir() + "/aepflow", "flow", "get", kFlow, "-o", "json"},
                             stub_env(stub, home));
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.err.find("larger than 64 MiB") != std::string::npos);
}

TEST_CASE("the cap is set by --max-response-size, and a bad size is a usage error",
          "[integration][response-size]") {
  const std::string body = R"({"items":[{"id":")" + kFlow + R"(","name":")" +
                           std::string(3000, 'n') + R"(","etag":"\"1\""}]})";
  test::StubServer stub([&](const std::string&, const test::StubServer::Send& send) {
    send(test::http_answer(200, body));
  });
  test::TempDir home;
  const auto env = stub_env(stub, home);
  const std::string aepflow = test::bin_dir() + "/aepflow";

  auto small = test::run_process(
      {aepflow, "--max-response-size", "2K", "flow", "get", kFlow, "-o", "json"}, env);
  INFO(small.err);
  CHECK(small.code == 1);
  CHECK(small.err.find("larger than 2 KiB") != std::string::npos);

  auto enough = test::run_process(
      {aepflow, "--max-response-size", "1MiB", "flow", "get", kFlow, "-o", "json"}, env);
  INFO(enough.err);
  CHECK(enough.code == 0);
  CHECK(enough.out.find(std::string(3000, 'n')) != std::string::npos);

  const int before = stub.requests();
  for (const std::string bad : {"lots", "0", "-5M", "12X", "2TiB", ""}) {
    INFO("--max-response-size '" << bad << "'");
    auto r = test::run_process(
        {aepflow, "--max-response-size", bad, "flow", "get", kFlow, "-o", "json"}, env);
    CHECK(r.code == 2);
    CHECK(r.err.find("--max-response-size") != std::string::npos);
  }
  CHECK(stub.requests() == before);  // nothing sent
}
