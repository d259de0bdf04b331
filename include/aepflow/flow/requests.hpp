#pragma once
// The request each Flow Service call sends (method, path below the base URL, query, headers,
// body), built without a transport, so their tests need none.

#include <nlohmann/json.hpp>
#include <string_view>

#include "aepflow/flow/resources.hpp"
#include "aepflow/http/http.hpp"

namespace aepflow {

namespace requests {
// A POST of `body` as JSON, to any Platform service's `path`.
Request post(std::string path, const nlohmann::json& body);
Request list(Collection c, const ListQuery& q);
Request follow(std::string_view next_href);
Request get(Collection c, std::string_view id);
Request create_connection(const NewConnection& c);
Request create_source_connection(const NewSourceConnection& s);
Request create_target_connection(const NewTargetConnection& t);
Request create_flow(const NewFlow& f);
// What create_flow sends: the flow as it is right after it is made.
nlohmann::json new_flow_body(const NewFlow& f);
Request remove(Collection c, std::string_view id);
Request flow_action(std::string_view flow_id, FlowAction action);
// `if_match` is sent as given: normalise it with normalize_etag first.
Request patch_flow(std::string_view flow_id, std::string_view if_match, const nlohmann::json& ops);
Request patch(Collection c, std::string_view id, std::string_view if_match,
              const nlohmann::json& ops);
}  // namespace requests

}  // namespace aepflow
