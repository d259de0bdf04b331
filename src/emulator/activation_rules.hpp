#pragma once
// The rules the service enforces on an audience (segment selector) of a file-based destination
// dataflow, FLOW-SERVICE-API.md section 7.4.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace emulator {

// Every problem with one segment selector; `where` prefixes the field names.
std::vector<std::string> segment_selector_problems(const nlohmann::json& selector,
                                                   const std::string& where);

}  // namespace emulator
