#pragma once
// What a destination flow's GeneralTransform params may hold, by generation of flow spec, as the
// destinations API reference types them (BatchTransformation.params is one of
// LegacyTransformationParams and TransformationParams_V2):
//   the legacy flow specs (71471eba-..., the email marketing ones) take profileSelectors, with
//   mandatoryFields and primaryFields inside it, and segmentSelectors;
//   the current cloud-storage cards take segmentSelectors, profileMapping (a Data Prep mapping
//   set, ProfileMapping_V2), and mandatoryFields and primaryFields directly in params. The
//   migration guide (api-migration-guide-cloud-storage-destinations.md) says profileSelectors
//   were replaced by profileMapping there.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "state.hpp"

namespace emulator {

// Every problem with one transformation's params; `at` prefixes the field names
// ("transformations[0].params").
std::vector<std::string> transformation_params_problems(const Call& call,
                                                        const nlohmann::json& params,
                                                        const std::string& at, bool legacy);

}  // namespace emulator
