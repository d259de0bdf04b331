// libFuzzer target: arbitrary bytes as a pipeline file. Every input must give a PipelineFile or an
// Error naming the file and line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aepflow/pipeline_file/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)aepflow::parse_pipeline_file(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "fuzz.yaml");
  return 0;
}
