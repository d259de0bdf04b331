// Output a script relies on: -o env lines evaluated by a real shell.
#include <catch2/catch.hpp>

#include "process.hpp"

TEST_CASE("-o env lines set shell variables through eval, quotes and all",
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
