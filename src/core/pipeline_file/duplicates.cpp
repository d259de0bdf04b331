#include "aepflow/pipeline_file/duplicates.hpp"

#include <algorithm>

#include "aepflow/base/json_fields.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

// `r` becomes the one of its `found` with ID `preferred` (the oldest when none has it); the
// others are duplicates.
void keep_one(PipelinePlan& p, ResourcePlan& r, const std::string& preferred) {
  if (r.found.size() < 2) return;
  auto kept = std::find_if(r.found.begin(), r.found.end(),
                           [&](const json& f) { return text_of(f, "id") == preferred; });
  r.current = kept == r.found.end() ? oldest(r.found) : *kept;
  r.id = text_of(r.current, "id");
  for (const auto& f : r.found) {
    if (text_of(f, "id") == r.id) continue;
    ResourcePlan d;
    d.collection = r.collection;
    d.kind = "duplicate " + r.kind;
    d.name = r.name;
    d.id = text_of(f, "id");
    d.current = f;
    d.change = Change::destroy;
    p.duplicates.push_back(std::move(d));
  }
}

std::string first_of(const json& resource, const char* key) {
  if (!resource.is_object()) return {};  // not found
  const json& ids = array_member(resource, key);
  return !ids.empty() && ids.front().is_string() ? ids.front().get<std::string>() : std::string();
}

}  // namespace

bool older(const json& a, const json& b) {
  const auto at = integer_of(a, "createdAt");
  const auto bt = integer_of(b, "createdAt");
  if (at != bt) return at < bt;
  return text_of(a, "id") < text_of(b, "id");
}

json oldest(const std::vector<json>& all) {
  return *std::min_element(all.begin(), all.end(), older);
}

void choose_kept(PipelinePlan& p) {
  // From the flow down: what the kept flow uses is kept, and what that stands on.
  keep_one(p, p.flow, "");
  keep_one(p, p.source, first_of(p.flow.current, "sourceConnectionIds"));
  keep_one(p, p.target, first_of(p.flow.current, "targetConnectionIds"));
  keep_one(p, p.profile_base, text_of(p.source.current, "baseConnectionId"));
  keep_one(p, p.connection, text_of(p.target.current, "baseConnectionId"));
}

Result<std::vector<json>> find_named(FlowService& service, Collection c, const std::string& name) {
  ListQuery q;
  add_name_filter(q, name);  // a name it cannot filter on is matched below
  auto all = service.list_all(c, q);
  if (!all) return std::unexpected(all.error());
  std::vector<json> found;
  for (auto& item : *all) {
    if (text_of(item, "name") == name) found.push_back(std::move(item));
  }
  return found;
}

Result<bool> settle_created(FlowService& service, ResourcePlan& r) {
  auto named = find_named(service, r.collection, r.name);
  if (!named) return std::unexpected(named.error());
  if (named->empty()) return false;
  const json first = oldest(*named);
  const std::string kept = text_of(first, "id");
  if (kept == r.id) return false;
  // Made by another apply at the same time, and earlier: this one is not used yet.
  auto removed = service.remove(r.collection, r.id);
  if (!removed && removed.error().kind != ErrorKind::not_found)
    return std::unexpected(removed.error());
  r.id = kept;
  r.current = first;
  return true;
}

}  // namespace aepflow
