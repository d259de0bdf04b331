#pragma once
// The rules the service enforces on an audience (segment selector) of a file-based destination
// dataflow, FLOW-SERVICE-API.md section 7.4.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace emulator {

// Every problem with one segment selector; `where` prefixes the field names. `legacy`: a flow
// spec of the email-marketing tutorial's era (BatchSegmentSelector), whose filenameTemplate must
// hold %DESTINATION_NAME% and %SEGMENT_ID%; the current cloud-storage cards' selector
// (BatchSegmentSelector_V2) marks every macro optional, and the activation guide caps a file
// name at 255 characters.
std::vector<std::string> segment_selector_problems(const nlohmann::json& selector,
                                                   const std::string& where, bool legacy);

}  // namespace emulator
