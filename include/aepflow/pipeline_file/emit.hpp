#pragma once
// Pipelines as the text of a pipeline file (docs/pipeline-file.md), which parse_pipeline_file
// reads back to the same pipelines: every name, ID and value that YAML could read otherwise
// (quotes, colons, a leading digit, true, control characters, line separators) is written
// double-quoted with escapes, so it round-trips exactly.

#include <string>
#include <string_view>
#include <vector>

#include "aepflow/pipeline_file/parse.hpp"

namespace aepflow {

// `comment`: lines written first, each as a YAML comment (anything but printable ASCII dropped).
std::string pipeline_file_text(const std::vector<PipelineSpec>& pipelines,
                               const std::vector<std::string>& comment = {});

// `s` as a YAML scalar: plain when it can only read back as this string, else double-quoted.
std::string yaml_scalar(std::string_view s);

}  // namespace aepflow
