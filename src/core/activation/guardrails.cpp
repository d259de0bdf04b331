#include "aepflow/activation/guardrails.hpp"

#include <algorithm>

#include "aepflow/base/text.hpp"

namespace aepflow {

namespace {

std::vector<std::string> texts(const std::vector<DedupKey>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys)
    out.push_back(k.text());
  return out;
}

std::optional<std::string> above(std::string_view flow_id, std::size_t count, std::size_t limit,
                                 std::string_view what) {
  if (count <= limit) return std::nullopt;
  return "dataflow " + std::string(flow_id) + " would export " + std::to_string(count) + " " +
         std::string(what) + ", above Adobe's soft limit of " + std::to_string(limit) +
         " per dataflow (a guardrail the service does not enforce, beyond what Adobe recommends)";
}

}  // namespace

Result<void> check_dedup_keys(const std::vector<DedupKey>& current,
                              const std::vector<DedupKey>& asked) {
  std::vector<DedupKey> all = current;
  for (const auto& k : asked) {
    if (std::find(all.begin(), all.end(), k) == all.end()) all.push_back(k);
  }
  const auto identities =
      static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [](const DedupKey& k) {
        return k.kind == DedupKey::Kind::identity;
      }));
  const std::size_t attributes = all.size() - identities;
  std::string problem;
  if (identities > 0 && attributes > 0) {
    problem = "mixes an identity namespace with attributes";
  } else if (identities > 1) {
    problem = "has " + std::to_string(identities) + " identity namespaces";
  } else if (attributes > dedup_attributes_limit) {
    problem = "has " + std::to_string(attributes) + " attributes";
  }
  if (problem.empty()) return {};
  std::string message =
      "a deduplication key (--dedup-key, primaryFields) is one identity namespace or at most " +
      std::to_string(dedup_attributes_limit) + " attributes, never both; this one " + problem +
      ": " + join(texts(all));
  if (!current.empty()) message += " (the dataflow's own: " + join(texts(current)) + ")";
  return usage(std::move(message));
}

std::optional<std::string> audiences_warning(std::string_view flow_id, std::size_t audiences) {
  return above(flow_id, audiences, audiences_soft_limit, "audiences");
}

std::optional<std::string> attributes_warning(std::string_view flow_id, std::size_t attributes) {
  return above(flow_id, attributes, attributes_soft_limit, "mapped attributes");
}

}  // namespace aepflow
