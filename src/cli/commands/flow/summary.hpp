#pragma once
// How a dataflow is shown on a terminal, shared by `flow get` and `flow validate`, and what it
// exports as they read it.

#include <nlohmann/json.hpp>

#include "aepflow/activation/activation.hpp"
#include "app/context.hpp"
#include "terminal/output.hpp"

namespace aepflow::cli {

// "ONCE from 2021-12-20 at 17:00 (SCHEDULED)"
std::string describe_schedule(const Schedule& s);

// What `flow` exports: a current card's attributes and identity read from the mapping set it
// names (an error when that cannot be read), a legacy flow's from its profile selectors.
Result<FlowContents> flow_contents(Context& ctx, const nlohmann::json& flow);

void print_flow_summary(Output& out, const nlohmann::json& flow, const FlowContents& contents);

// The audiences and attributes as JSON, with the field names of the API; a current card's flow
// adds its identities and a "mapping" block (the mapping set and its mappings, null without one).
nlohmann::json contents_json(const FlowContents& contents);

}  // namespace aepflow::cli
