#include "aepflow/pipeline_file/in_use.hpp"

#include <algorithm>
#include <set>

#include "aepflow/flow/users.hpp"

namespace aepflow {

int removal_rank(Collection c) {
  switch (c) {
    case Collection::flows:
      return 0;
    case Collection::source_connections:
    case Collection::target_connections:
      return 1;
    default:
      return 2;
  }
}

namespace {

void keep_for(ResourcePlan& r, const std::vector<User>& users) {
  r.change = Change::keep;
  r.details.clear();
  for (const auto& u : users) {
    Difference d;
    d.kind = Difference::Kind::used_by;
    d.item = describe(u);
    r.details.push_back(std::move(d));
  }
}

}  // namespace

Result<void> keep_used(FlowService& service, const std::vector<ResourcePlan*>& rs) {
  std::vector<ResourcePlan*> ordered;
  std::set<std::string> going;
  for (auto* r : rs) {
    if (r->change != Change::destroy) continue;
    ordered.push_back(r);
    going.insert(r->id);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const ResourcePlan* a, const ResourcePlan* b) {
                     return removal_rank(a->collection) < removal_rank(b->collection);
                   });
  for (auto* r : ordered) {
    if (r->collection == Collection::flows) continue;  // nothing hangs on a flow
    auto users = users_of(service, r->collection, r->id);
    if (!users) return std::unexpected(users.error());
    std::vector<User> staying;
    for (auto& u : *users) {
      if (!going.contains(u.id)) staying.push_back(std::move(u));
    }
    if (staying.empty()) continue;
    keep_for(*r, staying);
    going.erase(r->id);
  }
  return {};
}

Result<void> keep_used(FlowService& service, std::vector<ResourcePlan>& rs) {
  std::vector<ResourcePlan*> all;
  for (auto& r : rs)
    all.push_back(&r);
  return keep_used(service, all);
}

Result<void> remove_or_keep(FlowService& service, ResourcePlan& r) {
  auto removed = service.remove(r.collection, r.id);
  if (removed || removed.error().kind == ErrorKind::not_found) return {};
  if (removed.error().status != 400 && removed.error().status != 409) return removed;
  auto users = users_of(service, r.collection, r.id);
  if (!users || users->empty()) return removed;
  keep_for(r, *users);
  return {};
}

}  // namespace aepflow
