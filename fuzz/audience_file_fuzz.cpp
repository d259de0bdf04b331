// libFuzzer target: arbitrary bytes as an audiences file, read as CSV and as JSON. Every input
// must give an Expectation or an Error naming the problem, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aepflow/activation/audience_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)aepflow::parse_audience_file(text, "audiences.csv");
  (void)aepflow::parse_audience_file(text, "audiences.json");
  return 0;
}
