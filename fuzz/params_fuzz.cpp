// libFuzzer target: arbitrary bytes as the --param values of one command (KEY=VALUE, KEY:=JSON,
// values that are references), against a made-up world (fuzz_io.hpp). Besides never crashing: the
// params are one object holding each key given, once; a literal key is one typed as such; and no
// error shows a value read from a variable or a file.
//
// Input: byte 0 says which of the world's variables and files answer; byte 1, whether the answer
// is marked to catch a leak; then the --param values, each ended by a NUL, and after the last NUL
// what every variable and file holds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/utf8.hpp"
#include "fuzz_io.hpp"
#include "settings/params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aepflow::cli;
  if (size < 2) return 0;
  const bool mark = data[1] & 1;
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  std::vector<std::string> args;
  for (auto nul = rest.find('\0'); nul != std::string_view::npos; nul = rest.find('\0')) {
    args.emplace_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
    // The command line refuses a value that is not UTF-8 before any param is read.
    if (aepflow::find_invalid_utf8(args.back())) return 0;
  }
  const std::string answer = mark ? fuzz::marked(rest) : std::string(rest);
  fuzz::FuzzIo world(answer, data[0] & 15u);

  auto params = parse_params(args, world.io);
  if (!params) {
    std::string typed;
    for (const auto& a : args)
      typed += a + '\n';
    if (mark && fuzz::leaks(params.error().message, typed)) __builtin_trap();
    return 0;
  }
  // One member per param, under the key typed before '=' (or ':=').
  if (!params->values.is_object() || params->values.size() != args.size()) __builtin_trap();
  for (const auto& a : args) {
    const auto eq = a.find('=');
    if (!params->values.contains(a.substr(0, a[eq - 1] == ':' ? eq - 1 : eq))) __builtin_trap();
  }
  for (const auto& key : params->literal_keys) {
    if (!params->values.contains(key)) __builtin_trap();
  }
  // Every value is UTF-8 (JSON), so the request body it goes into can be written.
  (void)params->values.dump();
  return 0;
}
