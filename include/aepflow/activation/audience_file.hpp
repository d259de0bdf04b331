#pragma once
// Audience files, for bulk activation and for drift checks. Field names are the API's:
//
//   CSV: a header row of columns among id, name, description, filenameTemplate, exportMode,
//        frequency, triggerType, startDate, startTime, endDate; one audience per row. An empty
//        cell is "not given".
//   JSON: an array of audiences (flat, with a "schedule" object, or whole segment selectors
//        {"type": "PLATFORM_SEGMENT", "value": {...}}), or an object
//        {"audiences": [...], "attributes": [...], "identities": [...], "mandatoryFields": [...],
//        "primaryFields": [...]} where identities are namespace codes (a current card's mapped
//        identity; on a legacy flow, an identityMap.<code> attribute) and primaryFields holds API
//        objects or "identity:NAMESPACE" / attribute-path strings.
//
// Mistakes are usage errors naming the file, the line (CSV) or the item, and the field.

#include <string_view>

#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/base/error.hpp"

namespace aepflow {

Result<Expectation> parse_audience_file(std::string_view text, std::string_view file_name);

}  // namespace aepflow
