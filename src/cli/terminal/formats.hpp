#pragma once
// JSON values written in the other output encodings: YAML, and shell variable assignments that
// `eval` can read.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace aepflow {

// A YAML document with the same content: strings that YAML would read as a number, a boolean or
// null are quoted, so the document reads back as the same JSON.
std::string to_yaml(const nlohmann::json& value);

// "NAME=value" lines, one per scalar: names are `prefix` and the path of keys and indexes in
// upper snake case (a flow's {"id": ..., "flowSpec": {"id": ...}} with prefix FLOW gives FLOW_ID
// and FLOW_FLOW_SPEC_ID); values are single-quoted where the shell would otherwise change them,
// and ANSI-C quoted ($'\x1b[31m') when they hold what a terminal would act on or bytes that are
// not UTF-8: the shell reads back the same bytes, a terminal shows them; null is empty. An empty
// object or array gives no line.
std::string to_env(const nlohmann::json& value, std::string_view prefix);

// "FLOW" + "flowSpec" -> "FLOW_FLOW_SPEC": the name part for one key.
std::string env_name(std::string_view prefix, std::string_view key);

}  // namespace aepflow
