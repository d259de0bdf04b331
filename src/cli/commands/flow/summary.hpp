#pragma once
// How a dataflow is shown on a terminal, shared by `flow get` and `flow validate`.

#include <nlohmann/json.hpp>

#include "aepflow/activation/activation.hpp"
#include "terminal/output.hpp"

namespace aepflow::cli {

// "ONCE from 2021-12-20 at 17:00 (SCHEDULED)"
std::string describe_schedule(const Schedule& s);

void print_flow_summary(Output& out, const nlohmann::json& flow, const FlowContents& contents);

// The audiences and attributes as JSON, with the field names of the API.
nlohmann::json contents_json(const FlowContents& contents);

}  // namespace aepflow::cli
