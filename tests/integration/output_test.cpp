// Output a script relies on: -o env lines evaluated by a real shell.
#include <catch2/catch.hpp>

#include "process.hpp"

TEST_CASE("env output lines set shell variables through eval, quotes and all",
          "[integration][output]") {
  test::Emulator emu;
  auto env = emu.env();
  env["PATH"] = test::bin_dir() + ":/usr/bin:/bin";
  const std::string script = R"sh(
set -e
eval "$(aepflow source create --name "Profile Store, it's \"ours\"" -o env)"
echo "id=$SOURCE_ID"
echo "etag=$SOURCE_ETAG"
eval "$(aepflow source list -o env)"
echo "count=$SOURCE_COUNT"
test "$SOURCE_0_ID" = "$SOURCE_ID" && echo same
)sh";
  auto r = test::run_process({"bash", "-c", script}, env);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Matches("id=[0-9a-f-]{36}\netag=\"[0-9a-f-]+\"\ncount=1\nsame\n"));
}

TEST_CASE("apply on a terminal shows its progress after a second, in a pipe it does not",
          "[integration][progress]") {
  // Every request takes 400 ms, so the apply takes a few seconds.
  test::Emulator emu({"--fault", "action=latency,latency=400"});
  auto env = emu.env();
  env["S3_ACCESS_ID"] = "AKIAIOSFODNN7EXAMPLE";
  env["S3_SECRET_KEY"] = "s3-SECRET-value-0003";
  const std::string file = test::source_dir() + "/examples/pipelines/adobe-campaign-s3.yaml";
  // `script` gives the command a terminal; what the terminal showed comes back on stdout.
  auto tty = test::run_process(
      {"script", "-qec", test::bin_dir() + "/aepflow apply -f " + file, "/dev/null"}, env);
  INFO(tty.out);
  REQUIRE(tty.code == 0);
  CHECK_THAT(tty.out, Catch::Contains("\r\033[Kapplying " + file));
  CHECK_THAT(tty.out, Catch::Contains(" s)"));
  CHECK_THAT(tty.out, Catch::Contains("Applied " + file));

  auto piped = test::aepflow(emu, {"apply", "-f", file, "-o", "json"}, env);
  CHECK(piped.code == 0);
  CHECK(piped.err.find("applying") == std::string::npos);
  CHECK(piped.err.find('\r') == std::string::npos);
}
