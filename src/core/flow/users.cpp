#include "aepflow/flow/users.hpp"

#include "aepflow/base/json_fields.hpp"

namespace aepflow {

std::string describe(const User& u) {
  return std::string(collection_noun(u.collection)) + " " + u.id + " (" + u.name + ")";
}

Result<std::vector<User>> users_of(FlowService& service, Collection c, const std::string& id) {
  std::vector<std::pair<Collection, std::string>> queries;
  switch (c) {
    case Collection::connections:
      queries = {
          {Collection::flows, "inheritedAttributes.sourceConnections[].baseConnection.id==" + id},
          {Collection::flows, "inheritedAttributes.targetConnections[].baseConnection.id==" + id},
          {Collection::source_connections, "baseConnectionId==" + id},
          {Collection::target_connections, "baseConnectionId==" + id}};
      break;
    case Collection::source_connections:
      queries = {{Collection::flows, "sourceConnectionIds[]==" + id}};
      break;
    case Collection::target_connections:
      queries = {{Collection::flows, "targetConnectionIds[]==" + id}};
      break;
    default:
      break;
  }
  std::vector<User> users;
  for (const auto& [collection, property] : queries) {
    ListQuery q;
    q.properties = {property};
    auto all = service.list_all(collection, q);
    if (!all) return std::unexpected(all.error());
    for (const auto& item : *all) {
      User u{collection, text_of(item, "id"), text_of(item, "name")};
      bool again = false;  // a flow found by both of its connections
      for (const auto& seen : users)
        again = again || seen.id == u.id;
      if (!again) users.push_back(std::move(u));
    }
  }
  return users;
}

}  // namespace aepflow
