#pragma once
// Planning changes to a dataflow's exports against the flow as it is now, and applying them
// safely: the plan is rebuilt from a fresh read whenever the service says the flow changed (412),
// so no audience is lost or added twice, however many writers race.

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/activation/activation.hpp"
#include "aepflow/base/error.hpp"
#include "aepflow/dataprep/client.hpp"
#include "aepflow/flow/change.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

// An audience's settings as given; unset fields fall back (see with_fallback).
struct AudienceSpec {
  std::string id;
  std::optional<std::string> name, description, filename_template, export_mode, frequency,
      trigger_type, start_date, start_time, end_date;
};

// What a new audience gets for the fields nobody set: the tutorial's filename template,
// DAILY_FULL_EXPORT, ONCE, SCHEDULED, starting `today` (YYYY-MM-DD, UTC).
AudienceSpec activation_defaults(std::string today);

// `a` with each unset field taken from `fallback` (the id is kept).
AudienceSpec with_fallback(AudienceSpec a, const AudienceSpec& fallback);
// Unset fields become empty.
Audience complete(const AudienceSpec& a);
// The audience as stored, with every field `given` sets replaced.
Audience merged(const Audience& current, const AudienceSpec& given);

// A new audience as it will be sent (`spec` with `defaults` for what it leaves unset), its rule
// violations (by `card`'s rules) added to `violations`.
Audience new_audience(const AudienceSpec& spec, const AudienceSpec& defaults,
                      std::vector<RuleViolation>& violations, Card card = Card::legacy);

// Audiences to add, checked before anything is sent: one given twice, or any that breaks an
// activation rule, is a usage error naming every problem. The check `flow activate` and a
// pipeline file's plan make alike.
Result<void> check_new_audiences(const std::vector<AudienceSpec>& audiences,
                                 const AudienceSpec& defaults, Card card = Card::legacy);

struct ActivationRequest {
  std::vector<AudienceSpec> audiences;
  AudienceSpec new_defaults;  // for fields a new audience still leaves unset
  std::vector<std::string> attributes;
  // A current card's flow maps these through its mapping set (mapped_activation.hpp), as it
  // does its attributes; plan_activation does not read them.
  std::vector<std::string> identities;
  std::vector<std::string> mandatory;
  std::vector<DedupKey> dedup_keys;
  bool update = false;  // replace the settings of audiences already on the flow
};

struct ActivationPlan {
  nlohmann::json ops = nlohmann::json::array();
  std::vector<std::string> added, updated, skipped, unchanged;  // audience IDs
  std::vector<std::string> attributes_added, attributes_skipped;
  // A current card's flow: the identities its mapping set gained or already had, and the
  // mapping set the flow is pointed at (unset: unchanged).
  std::vector<std::string> identities_added, identities_skipped;
  std::optional<MappingSetRef> mapping_set;
  std::vector<std::string> mandatory_added;
  std::vector<DedupKey> dedup_added;
  std::vector<std::string> warnings;  // soft limits (guardrails.hpp) the change goes beyond
};

// The ops that bring `flow` to what `r` asks, checked against every activation rule (a usage
// error listing each violation): the audiences' by the flow's kind (a current card's filename
// templates follow the V2 rules), and the dedup key's shape counting the flow's own keys.
Result<ActivationPlan> plan_activation(const nlohmann::json& flow, const ActivationRequest& r);

struct DeactivationPlan {
  nlohmann::json ops = nlohmann::json::array();
  std::vector<std::string> removed, not_found;
  std::vector<std::string> attributes_removed, attributes_not_found;
};

// Remove ops by ID and path, indexes resolved from `flow`, highest first so each stays valid.
DeactivationPlan plan_deactivation(const nlohmann::json& flow,
                                   const std::vector<std::string>& audiences,
                                   const std::vector<std::string>& attributes);

// apply_change (flow/change.hpp) of a dataflow.
inline Result<Applied> apply_flow_change(FlowService& service, const std::string& flow_id,
                                         const ChangePlan& plan, const ApplyOptions& options) {
  return apply_change(service, Collection::flows, flow_id, plan, options);
}

// How a flow differs from what a file expects. Only what the file states is compared: an
// audience field left empty, or attributes absent from the file, are not.
struct Expectation {
  std::vector<AudienceSpec> audiences;
  std::optional<std::vector<std::string>> attributes;
  std::optional<std::vector<std::string>> identities;  // namespace codes
  std::optional<std::vector<std::string>> mandatory;
  std::optional<std::vector<DedupKey>> dedup_keys;
};

struct Drift {
  struct Change {
    std::string audience, field, expected, actual;
  };
  std::vector<std::string> missing_audiences, extra_audiences;
  std::vector<Change> changed;
  std::vector<std::string> missing_attributes, extra_attributes;
  std::vector<std::string> missing_identities, extra_identities;
  std::vector<std::string> missing_mandatory, extra_mandatory;
  std::vector<std::string> missing_dedup_keys, extra_dedup_keys;
  bool identities_compared = false;  // the expectation named identities (to_json lists them)

  bool empty() const;
  nlohmann::json to_json() const;
};

// `contents` as the caller read it: for a current card's flow, with its mapping set's attributes
// and identities (read_exports in mapped_activation.hpp); compare itself sends nothing.
Drift compare(const FlowContents& contents, const Expectation& expected);
// The same against the flow as stored (read_flow_contents): a current card's flow then maps
// nothing.
Drift compare(const nlohmann::json& flow, const Expectation& expected);

}  // namespace aepflow
