#pragma once
// The typed Flow Service client. Each method builds one request (see requests::), sends it through
// the pipeline, and turns the answer into a value or an Error. A non-2xx status always becomes an
// Error here, in one place (error_from_response), whatever shape of error body Adobe sent.

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/http.hpp"

namespace aepflow {

class HttpPipeline;

enum class Collection {
  connection_specs,
  flow_specs,
  connections,
  source_connections,
  target_connections,
  flows,
  runs,
};

enum class FlowAction { enable, disable };

std::string_view collection_path(Collection c);  // "/connections"
std::string_view collection_noun(Collection c);  // "base connection"

struct SpecRef {
  std::string id;
  std::string version = "1.0";
};

struct NewConnection {
  std::string name;
  std::string description;
  SpecRef spec;
  std::optional<std::string> auth_spec;  // absent: no auth block (Profile Store)
  nlohmann::json auth_params = nlohmann::json::object();
};

struct NewSourceConnection {
  std::string name;
  std::string description;
  SpecRef spec{std::string(profile_store_spec_id)};
  std::string base_connection_id;
  std::string data_format = "CSV";
};

struct NewTargetConnection {
  std::string name;
  std::string description;
  std::string base_connection_id;
  SpecRef spec;
  nlohmann::json params = nlohmann::json::object();
};

struct NewFlow {
  std::string name;
  std::string description;
  SpecRef flow_spec;
  std::string source_connection_id;
  std::string target_connection_id;
};

struct ListQuery {
  std::vector<std::string> properties;  // each sent as one property= (AND)
  std::optional<int> limit;
  std::string order_by;
};

// What a create answers: {id, etag}. The body is kept for -o json.
struct Created {
  std::string id;
  std::string etag;
  nlohmann::json body;
};

// PATCH answers 200 {id, etag} (API reference) or 202 with no body (the tutorial): etag is empty
// in the second case.
struct Patched {
  int status = 0;
  std::string id;
  std::string etag;
  nlohmann::json body;
};

struct Page {
  nlohmann::json items = nlohmann::json::array();
  std::string next_href;  // _links.next.href exactly as given; empty on the last page
};

namespace requests {
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

// The body of a freshly created flow: one empty GeneralTransform, as the tutorial sends it.
nlohmann::json empty_general_transform();

// Turns a non-2xx response into an Error: status, Adobe's code, title, message and request id
// from whichever body shape the service used; the kind follows the status.
Error error_from_response(const Response& r, std::string_view context);

class FlowService {
 public:
  explicit FlowService(HttpPipeline& pipeline) : pipeline_(pipeline) {}

  Result<Page> list_page(Collection c, const ListQuery& q);
  Result<Page> next_page(std::string_view next_href);
  // Every page, concatenated. For the spec catalogues, which are small.
  Result<nlohmann::json> list_all(Collection c, const ListQuery& q);
  // The one object of a GET /{collection}/{id}, unwrapped from its {items:[...]} envelope.
  Result<nlohmann::json> get(Collection c, std::string_view id);

  Result<Created> create_connection(const NewConnection& c);
  Result<Created> create_source_connection(const NewSourceConnection& s);
  Result<Created> create_target_connection(const NewTargetConnection& t);
  Result<Created> create_flow(const NewFlow& f);
  Result<Patched> patch_flow(std::string_view flow_id, std::string_view if_match,
                             const nlohmann::json& ops);
  // PATCH of any collection's object (a connection's /auth/params, a target's /params).
  Result<Patched> patch(Collection c, std::string_view id, std::string_view if_match,
                        const nlohmann::json& ops);
  // DELETE: 202 or 204 (the references disagree), either is success.
  Result<void> remove(Collection c, std::string_view id);
  // POST /flows/{id}/action?op=enable|disable; answers {id, etag}.
  Result<Patched> flow_action(std::string_view flow_id, FlowAction action);
  // Any request through the same pipeline (auth, headers, retries, log); every status is an
  // answer, not an error. For `aepflow api`.
  Result<Response> send(Request req);
  const std::string& base_url() const;
  // Whether independent requests may be sent at the same time, from several threads.
  bool concurrent() const;

 private:
  Result<Response> exchange(Request req, std::string_view context);
  Result<nlohmann::json> read(const Request& req, std::string_view context);
  Result<Created> create(Collection c, Request req, std::string_view context);
  Result<std::optional<Created>> find_created(Collection c, const nlohmann::json& identity,
                                              std::chrono::system_clock::time_point since);

  HttpPipeline& pipeline_;
};

}  // namespace aepflow
