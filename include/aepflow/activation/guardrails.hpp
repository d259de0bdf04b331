#pragma once
// Adobe's guardrails for a destination dataflow that can be checked offline (guardrails.md, and
// the batch activation guide's rules for the deduplication key): the dedup key's shape, which is
// refused, and the soft limits on audiences and mapped attributes, which are warned about only.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/activation/activation.hpp"
#include "aepflow/base/error.hpp"

namespace aepflow {

inline constexpr std::size_t audiences_soft_limit = 250;  // audiences per dataflow
inline constexpr std::size_t attributes_soft_limit = 50;  // mapped attributes per dataflow
inline constexpr std::size_t dedup_attributes_limit = 2;  // attributes in a composite dedup key

// A dedup key (primaryFields) is one identity namespace, or one or two attributes, never both.
// `current`: the dataflow's keys; `asked`: the ones to add to them. A usage error naming the
// keys, and the dataflow's own when they take part.
Result<void> check_dedup_keys(const std::vector<DedupKey>& current,
                              const std::vector<DedupKey>& asked);

// A warning when dataflow `flow_id` would export more than the soft limit of audiences, or of
// mapped attributes (a current card's attributes and identity, a legacy flow's profile
// selectors); none at or below it.
std::optional<std::string> audiences_warning(std::string_view flow_id, std::size_t audiences);
std::optional<std::string> attributes_warning(std::string_view flow_id, std::size_t attributes);

}  // namespace aepflow
