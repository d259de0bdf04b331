#pragma once
// What uses a connection: the flows that read from or write to it, and for a base connection the
// source and target connections on it. Found by the filters Flow Service documents.

#include <string>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

struct User {
  Collection collection = Collection::flows;
  std::string id;
  std::string name;
};

// "dataflow ID (name)".
std::string describe(const User& u);

// Every user of the object `id` of collection `c` (none for a flow: nothing hangs on one).
Result<std::vector<User>> users_of(FlowService& service, Collection c, const std::string& id);

}  // namespace aepflow
