#include "aepflow/activation/activation_plan.hpp"

#include <algorithm>
#include <set>

#include "aepflow/activation/guardrails.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

constexpr std::string_view params_path = "/transformations/0/params";

// Every audience field, by its API name, in AudienceSpec and in Audience.
struct Field {
  const char* name;
  std::optional<std::string> AudienceSpec::*spec;
  std::string& (*of)(Audience&);
};

const std::vector<Field>& fields() {
  static const std::vector<Field> all = {
      {"name", &AudienceSpec::name, [](Audience& a) -> std::string& { return a.name; }},
      {"description", &AudienceSpec::description,
       [](Audience& a) -> std::string& { return a.description; }},
      {"filenameTemplate", &AudienceSpec::filename_template,
       [](Audience& a) -> std::string& { return a.filename_template; }},
      {"exportMode", &AudienceSpec::export_mode,
       [](Audience& a) -> std::string& { return a.export_mode; }},
      {"frequency", &AudienceSpec::frequency,
       [](Audience& a) -> std::string& { return a.schedule.frequency; }},
      {"triggerType", &AudienceSpec::trigger_type,
       [](Audience& a) -> std::string& { return a.schedule.trigger_type; }},
      {"startDate", &AudienceSpec::start_date,
       [](Audience& a) -> std::string& { return a.schedule.start_date; }},
      {"startTime", &AudienceSpec::start_time,
       [](Audience& a) -> std::string& { return a.schedule.start_time; }},
      {"endDate", &AudienceSpec::end_date,
       [](Audience& a) -> std::string& { return a.schedule.end_date; }},
  };
  return all;
}

std::string path(std::string_view suffix) {
  return std::string(params_path).append(suffix);
}

std::string given_twice(const std::string& id) {
  return "audience " + id + " is given more than once";
}

std::string violations_text(const std::vector<RuleViolation>& v) {
  std::string out;
  for (const auto& x : v)
    out += (out.empty() ? "" : "; ") + x.describe();
  return out;
}

// The stored selector with the audience's settings written into it; other fields it carries
// (createTime, enrichment, namespaces) are kept, as the docs ask for a replace.
json updated_selector(json stored, const Audience& a) {
  json fresh = segment_selector(a)["value"];
  json& value = stored["value"];
  if (!value.is_object()) value = json::object();
  for (const char* key : {"name", "description", "filenameTemplate", "exportMode", "schedule"}) {
    if (fresh.contains(key)) {
      value[key] = fresh[key];
    } else {
      value.erase(key);
    }
  }
  return stored;
}

template <class T>
std::vector<T> missing_from(const std::vector<T>& want, const std::vector<T>& have) {
  std::vector<T> out;
  for (const auto& w : want) {
    if (std::find(have.begin(), have.end(), w) == have.end() &&
        std::find(out.begin(), out.end(), w) == out.end()) {
      out.push_back(w);
    }
  }
  return out;
}

}  // namespace

AudienceSpec activation_defaults(std::string today) {
  AudienceSpec d;
  d.filename_template = std::string(default_filename_template);
  d.export_mode = "DAILY_FULL_EXPORT";
  d.frequency = "ONCE";
  d.trigger_type = "SCHEDULED";
  d.start_date = std::move(today);
  return d;
}

AudienceSpec with_fallback(AudienceSpec a, const AudienceSpec& fallback) {
  for (const auto& f : fields()) {
    if (!(a.*f.spec)) a.*f.spec = fallback.*f.spec;
  }
  return a;
}

Audience complete(const AudienceSpec& a) {
  Audience out;
  out.id = a.id;
  for (const auto& f : fields())
    f.of(out) = (a.*f.spec).value_or("");
  return out;
}

Audience merged(const Audience& current, const AudienceSpec& given) {
  Audience out = current;
  for (const auto& f : fields()) {
    if (given.*f.spec) f.of(out) = *(given.*f.spec);
  }
  return out;
}

Audience new_audience(const AudienceSpec& spec, const AudienceSpec& defaults,
                      std::vector<RuleViolation>& violations, Card card) {
  Audience a = complete(with_fallback(spec, defaults));
  auto v = check_audience(a, card);
  violations.insert(violations.end(), v.begin(), v.end());
  return a;
}

Result<void> check_new_audiences(const std::vector<AudienceSpec>& audiences,
                                 const AudienceSpec& defaults, Card card) {
  std::vector<RuleViolation> violations;
  std::set<std::string> seen;
  for (const auto& spec : audiences) {
    if (!seen.insert(spec.id).second) return usage(given_twice(spec.id));
    new_audience(spec, defaults, violations, card);
  }
  if (!violations.empty()) return usage(violations_text(violations));
  return {};
}

Result<ActivationPlan> plan_activation(const json& flow, const ActivationRequest& r) {
  ActivationPlan plan;
  FlowContents c = read_flow_contents(flow);
  const std::string flow_id = text_of(flow, "id").empty() ? "?" : text_of(flow, "id");
  const bool wants_profile = !r.attributes.empty();

  if (!c.has_transformation) {
    // A flow created with no transformation: give it the tutorial's empty GeneralTransform.
    plan.ops.push_back(
        {{"op", "add"}, {"path", "/transformations"}, {"value", empty_general_transform()}});
    c.has_transformation = c.has_segment_selectors = c.legacy = true;
  } else if (!c.has_segment_selectors) {
    plan.ops.push_back({{"op", "add"},
                        {"path", path("/segmentSelectors")},
                        {"value", {{"selectors", json::array()}}}});
  }
  if (wants_profile && !c.legacy) {
    return usage("dataflow " + flow_id +
                 " maps profile attributes with a Data Prep mapping set (profileMapping), not "
                 "profile selectors; --attribute applies to the file-based email destinations' "
                 "flows");
  }

  const Card card = c.mapped ? Card::current : Card::legacy;
  std::vector<RuleViolation> violations;
  std::set<std::string> seen;
  for (const auto& spec : r.audiences) {
    if (!seen.insert(spec.id).second) return usage(given_twice(spec.id));
    auto at = std::find_if(c.audiences.begin(), c.audiences.end(),
                           [&](const Audience& a) { return same_audience(a.id, spec.id); });
    if (at == c.audiences.end()) {
      Audience a = new_audience(spec, r.new_defaults, violations, card);
      plan.ops.push_back({{"op", "add"},
                          {"path", path("/segmentSelectors/selectors/-")},
                          {"value", segment_selector(a)}});
      plan.added.push_back(spec.id);
      continue;
    }
    if (!r.update) {
      plan.skipped.push_back(spec.id);
      continue;
    }
    const auto index = static_cast<std::size_t>(at - c.audiences.begin());
    Audience a = merged(*at, spec);
    auto v = check_audience(a, card);
    violations.insert(violations.end(), v.begin(), v.end());
    json selector = updated_selector(c.selectors[index], a);
    if (selector == c.selectors[index]) {
      plan.unchanged.push_back(spec.id);
      continue;
    }
    plan.ops.push_back({{"op", "replace"},
                        {"path", path("/segmentSelectors/selectors/" + std::to_string(index))},
                        {"value", selector}});
    plan.updated.push_back(spec.id);
  }
  if (!violations.empty()) return usage(violations_text(violations));
  if (auto ok = check_dedup_keys(c.dedup_keys, r.dedup_keys); !ok) {
    return std::unexpected(ok.error());
  }

  for (const auto& attribute : r.attributes) {
    if (std::find(c.attributes.begin(), c.attributes.end(), attribute) != c.attributes.end() ||
        std::find(plan.attributes_added.begin(), plan.attributes_added.end(), attribute) !=
            plan.attributes_added.end()) {
      plan.attributes_skipped.push_back(attribute);
      continue;
    }
    plan.ops.push_back({{"op", "add"},
                        {"path", path("/profileSelectors/selectors/-")},
                        {"value", profile_selector(attribute)}});
    plan.attributes_added.push_back(attribute);
  }

  // Mandatory fields and dedup keys are lists: the whole list is written, old entries first.
  const std::string home = c.legacy ? "/profileSelectors" : "";
  plan.mandatory_added = missing_from(r.mandatory, c.mandatory);
  if (!plan.mandatory_added.empty()) {
    json all = c.mandatory;
    for (const auto& m : plan.mandatory_added)
      all.push_back(m);
    plan.ops.push_back({{"op", "add"}, {"path", path(home + "/mandatoryFields")}, {"value", all}});
  }
  plan.dedup_added = missing_from(r.dedup_keys, c.dedup_keys);
  if (!plan.dedup_added.empty()) {
    json all = json::array();
    for (const auto& k : c.dedup_keys)
      all.push_back(k.to_json());
    for (const auto& k : plan.dedup_added)
      all.push_back(k.to_json());
    plan.ops.push_back({{"op", "add"}, {"path", path(home + "/primaryFields")}, {"value", all}});
  }

  if (!plan.added.empty()) {
    if (auto w = audiences_warning(flow_id, c.audiences.size() + plan.added.size()))
      plan.warnings.push_back(*w);
  }
  if (!plan.attributes_added.empty()) {
    if (auto w = attributes_warning(flow_id, c.attributes.size() + plan.attributes_added.size()))
      plan.warnings.push_back(*w);
  }

  // Structural ops alone (an empty transformation made ready) change nothing the user asked for.
  const bool asked = !plan.added.empty() || !plan.updated.empty() ||
                     !plan.attributes_added.empty() || !plan.mandatory_added.empty() ||
                     !plan.dedup_added.empty();
  if (!asked) plan.ops = json::array();
  return plan;
}

DeactivationPlan plan_deactivation(const json& flow, const std::vector<std::string>& audiences,
                                   const std::vector<std::string>& attributes) {
  DeactivationPlan plan;
  FlowContents c = read_flow_contents(flow);
  std::vector<std::pair<std::size_t, json>> segment_removals, profile_removals;
  for (const auto& id : audiences) {
    bool found = false;
    for (std::size_t i = 0; i < c.audiences.size(); ++i) {
      if (same_audience(c.audiences[i].id, id)) {
        segment_removals.emplace_back(i, c.selectors[i]);
        found = true;
      }
    }
    (found ? plan.removed : plan.not_found).push_back(id);
  }
  for (const auto& attribute : attributes) {
    bool found = false;
    for (std::size_t i = 0; i < c.attributes.size(); ++i) {
      if (c.attributes[i] == attribute) {
        profile_removals.emplace_back(i, profile_selector(attribute));
        found = true;
      }
    }
    (found ? plan.attributes_removed : plan.attributes_not_found).push_back(attribute);
  }
  auto emit = [&](std::vector<std::pair<std::size_t, json>>& removals, std::string_view list) {
    std::sort(removals.begin(), removals.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    removals.erase(std::unique(removals.begin(), removals.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   removals.end());
    for (const auto& [index, value] : removals) {
      // The docs send a value with remove; the removed selector is the natural one.
      plan.ops.push_back(
          {{"op", "remove"},
           {"path", path(std::string(list).append("/").append(std::to_string(index)))},
           {"value", value}});
    }
  };
  emit(segment_removals, "/segmentSelectors/selectors");
  emit(profile_removals, "/profileSelectors/selectors");
  return plan;
}

bool Drift::empty() const {
  return missing_audiences.empty() && extra_audiences.empty() && changed.empty() &&
         missing_attributes.empty() && extra_attributes.empty() && missing_identities.empty() &&
         extra_identities.empty() && missing_mandatory.empty() && extra_mandatory.empty() &&
         missing_dedup_keys.empty() && extra_dedup_keys.empty();
}

json Drift::to_json() const {
  json changes = json::array();
  for (const auto& c : changed) {
    changes.push_back({{"audience", c.audience},
                       {"field", c.field},
                       {"expected", c.expected},
                       {"actual", c.actual}});
  }
  json out = {{"inSync", empty()},
              {"missing",
               {{"audiences", missing_audiences},
                {"attributes", missing_attributes},
                {"mandatoryFields", missing_mandatory},
                {"dedupKeys", missing_dedup_keys}}},
              {"extra",
               {{"audiences", extra_audiences},
                {"attributes", extra_attributes},
                {"mandatoryFields", extra_mandatory},
                {"dedupKeys", extra_dedup_keys}}},
              {"changed", changes}};
  if (identities_compared) {
    out["missing"]["identities"] = missing_identities;
    out["extra"]["identities"] = extra_identities;
  }
  return out;
}

Drift compare(const json& flow, const Expectation& expected) {
  return compare(read_flow_contents(flow), expected);
}

Drift compare(const FlowContents& c, const Expectation& expected) {
  Drift d;
  for (const auto& a : c.audiences) {
    const auto expected_too = [&](const AudienceSpec& spec) {
      return same_audience(a.id, spec.id);
    };
    if (std::none_of(expected.audiences.begin(), expected.audiences.end(), expected_too) &&
        std::find(d.extra_audiences.begin(), d.extra_audiences.end(), a.id) ==
            d.extra_audiences.end()) {
      d.extra_audiences.push_back(a.id);
    }
  }
  for (const auto& spec : expected.audiences) {
    auto at = std::find_if(c.audiences.begin(), c.audiences.end(),
                           [&](const Audience& a) { return same_audience(a.id, spec.id); });
    if (at == c.audiences.end()) {
      d.missing_audiences.push_back(spec.id);
      continue;
    }
    Audience actual = *at;
    for (const auto& f : fields()) {
      const auto& want = spec.*f.spec;
      if (want && *want != f.of(actual)) {
        d.changed.push_back({spec.id, f.name, *want, f.of(actual)});
      }
    }
  }
  if (expected.attributes) {
    d.missing_attributes = missing_from(*expected.attributes, c.attributes);
    d.extra_attributes = missing_from(c.attributes, *expected.attributes);
  }
  if (expected.identities) {
    d.identities_compared = true;
    d.missing_identities = missing_from(*expected.identities, c.identities);
    d.extra_identities = missing_from(c.identities, *expected.identities);
  }
  if (expected.mandatory) {
    d.missing_mandatory = missing_from(*expected.mandatory, c.mandatory);
    d.extra_mandatory = missing_from(c.mandatory, *expected.mandatory);
  }
  if (expected.dedup_keys) {
    for (const auto& k : missing_from(*expected.dedup_keys, c.dedup_keys)) {
      d.missing_dedup_keys.push_back(k.text());
    }
    for (const auto& k : missing_from(c.dedup_keys, *expected.dedup_keys)) {
      d.extra_dedup_keys.push_back(k.text());
    }
  }
  return d;
}

}  // namespace aepflow
