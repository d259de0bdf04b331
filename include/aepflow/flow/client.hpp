#pragma once
// The typed Flow Service client. Each method builds one request (requests.hpp), sends it through
// the pipeline, and turns the answer into a value or an Error. A non-2xx status always becomes an
// Error here, in one place (error_from_response), whatever shape of error body Adobe sent.

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/flow/requests.hpp"
#include "aepflow/flow/resources.hpp"
#include "aepflow/http/http.hpp"
#include "aepflow/http/service.hpp"

namespace aepflow {

class HttpPipeline;

// The transformations of a freshly created flow: one empty GeneralTransform. The email-marketing
// tutorial's has segment and profile selectors; a current cloud-storage card's (`mapped`) has
// what Adobe's V2 flow schema requires, empty: mandatory and primary fields, the profile mapping
// (a Data Prep mapping set, attached on activation) and segment selectors.
nlohmann::json empty_general_transform(bool mapped = false);

// Turns a non-2xx response into an Error: status, Adobe's code, title, message and request id
// from whichever body shape the service used; the kind follows the status.
Error error_from_response(const Response& r, std::string_view context);
// A 2xx answer's JSON body; a body that is not JSON is an Error too.
Result<nlohmann::json> parse_json_body(const Response& r, std::string_view context);
// One request to any Platform service: a non-2xx answer, or one that is not JSON, is an Error.
Result<nlohmann::json> call_json(ServiceClient& service, Request req, std::string_view context);

// The next links one walk through a list has followed. A link that comes round again (a service
// that answers a page with a link already followed) would be followed for ever, the list never
// ending: follow() refuses it.
class NextLinks {
 public:
  Result<void> follow(std::string_view href);

 private:
  std::set<std::string, std::less<>> followed_;
};

class FlowService {
 public:
  // `path`: where the pipeline's Platform root serves Flow Service.
  explicit FlowService(HttpPipeline& pipeline, std::string_view path = kFlowServicePath)
      : service_(pipeline, path) {}

  Result<Page> list_page(Collection c, const ListQuery& q);
  // One page after another: `next_href` is the previous page's link; a walk over every page checks
  // each link with NextLinks first.
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
  // The service's clock, as the Date headers of its answers tell it.
  const ServiceClock& clock() const { return service_.clock(); }
  // Whether independent requests may be sent at the same time, from several threads.
  bool concurrent() const;

 private:
  Result<Response> exchange(Request req, std::string_view context);
  Result<nlohmann::json> read(const Request& req, std::string_view context);
  Result<Created> create(Collection c, const Request& req, std::string_view context);
  Result<std::optional<Created>> find_created(
      Collection c, const nlohmann::json& identity,
      std::optional<std::chrono::system_clock::time_point> since,
      const std::set<std::string>& known);
  // Before a create: what exists by that name is known (unless it was just looked up), and so
  // is the service's clock.
  Result<void> look_before_create(Collection c, const std::string& name);
  void learn(Collection c, const ListQuery& q, const nlohmann::json& items);
  void learn_id(const nlohmann::json& item);

  // What this client has read: the IDs of every object seen, and the names looked up in each
  // collection. A create's recovery never claims an object in it.
  struct Seen {
    std::mutex mutex;
    std::set<std::string> ids;
    std::set<std::pair<Collection, std::string>> names;
  };

  ServiceClient service_;
  std::shared_ptr<Seen> seen_ = std::make_shared<Seen>();
};

}  // namespace aepflow
