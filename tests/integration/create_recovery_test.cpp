// A create whose answer is lost is looked up by name; what is found is claimed only when this
// create could have made it: its name and fields, made after the request was sent by the
// service's clock (its Date header), and not an object the client had seen before.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

using test::aepflow;
using test::Emulator;

namespace {

std::vector<std::string> ids_named(const Emulator& emu, const std::string& name) {
  auto r = aepflow(emu, {"connection", "list", "--name", name, "-o", "id"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

void lose_next_create(const Emulator& emu, const char* how) {
  emu.admin("POST", "/__emulator/faults",
            std::string(R"({"action":")") + how +
                R"(","method":"POST","path":"/connections","times":1})");
}

}  // namespace

TEST_CASE("a lost create of a name already taken makes its own object, never claims the other",
          "[integration][retry][recovery]") {
  auto how = GENERATE("drop-before", "drop-after");
  CAPTURE(how);
  Emulator emu;
  const std::string first =
      test::id_of(aepflow(emu, {"connection", "create", "--name", "taken", "-o", "id"}));
  lose_next_create(emu, how);
  auto second = aepflow(emu, {"connection", "create", "--name", "taken", "-o", "id"});
  const std::string made = test::id_of(second);
  CHECK(made != first);
  auto ids = ids_named(emu, "taken");
  CHECK(ids.size() == 2);
  CHECK(std::find(ids.begin(), ids.end(), made) != ids.end());
}

TEST_CASE("a lost create is found by the service's clock, however far this machine's is off",
          "[integration][retry][recovery]") {
  // The service's clock (its Date header and what it stamps) ten minutes behind, then ahead.
  auto offset = GENERATE("-600", "600");
  CAPTURE(offset);
  Emulator emu({"--clock-offset", offset});
  lose_next_create(emu, "drop-after");
  auto r = aepflow(emu, {"connection", "create", "--name", "skewed", "-o", "id"});
  const std::string made = test::id_of(r);
  CHECK(ids_named(emu, "skewed") == std::vector<std::string>{made});

  // Dropped before the work: not found, sent again, made once.
  lose_next_create(emu, "drop-before");
  auto again = aepflow(emu, {"connection", "create", "--name", "skewed again", "-o", "id"});
  CHECK(ids_named(emu, "skewed again") == std::vector<std::string>{test::id_of(again)});
}
