// A server that sends more than any answer can need: aepflow stops reading at the cap
// (--max-response-size, 64 MiB by default) with a clear error, and its memory stays near the cap
// whatever the server sends. The emulator does not lie about sizes, so a stub server does.
#include <catch2/catch.hpp>
#include <string>

#include "process.hpp"
#include "stub_server.hpp"
#include "temp_dir.hpp"

namespace {

const std::string kFlow = "d8a68f4a-4b0f-4b4c-9a3c-0a1b2c3d4e5f";

}  // namespace

namespace {

// 512 MiB of one JSON string, with no length announced: only the cap can stop it.
void send_endless(const std::string&, const test::StubServer::Send& send) {
  if (!send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
            "{\"id\":\"x\",\"name\":\"")) {
    return;
  }
  const std::string mebibyte(std::size_t{1} << 20, 'a');
  for (int i = 0; i < 512 && send(mebibyte); ++i) {
  }
}

}  // namespace

TEST_CASE("an endless answer is cut at the cap, with memory near the cap",
          "[integration][response-size]") {
  test::StubServer stub(send_endless);
  test::TempDir home;
  const auto env = test::stub_env(stub, home.path().string());
  const std::string aepflow = test::bin_dir() + "/aepflow";
  auto r = test::run_process({aepflow, "flow", "get", kFlow, "-o", "json"}, env);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("larger than 64 MiB") != std::string::npos);
  CHECK(r.err.find("--max-response-size") != std::string::npos);
  CHECK(stub.requests() == 1);  // not retried: the same answer would come again
  CAPTURE(r.max_rss_kb);
  CHECK(r.max_rss_kb < 512 * 1024);  // never the whole answer

  // Memory follows the cap, measured against the same program on an answer it refuses at once
  // (a sanitizer build's own overhead is in both): 8 MiB of cap adds well under 64 MiB.
  auto baseline =
      test::run_process({aepflow, "--max-response-size", "1K", "flow", "get", kFlow}, env);
  auto capped =
      test::run_process({aepflow, "--max-response-size", "8MiB", "flow", "get", kFlow}, env);
  INFO(capped.err);
  CHECK(baseline.code == 1);
  CHECK(capped.code == 1);
  CHECK(capped.err.find("larger than 8 MiB") != std::string::npos);
  CAPTURE(baseline.max_rss_kb, capped.max_rss_kb);
  CHECK(capped.max_rss_kb - baseline.max_rss_kb < 64 * 1024);
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
                             test::stub_env(stub, home.path().string()));
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
  const auto env = test::stub_env(stub, home.path().string());
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
