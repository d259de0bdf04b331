#include "aepflow/flow/client.hpp"

#include <chrono>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/http/http_pipeline.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "unexpected status";
  }
}

ErrorKind kind_for_status(int status) {
  switch (status) {
    case 401:
    case 403:
      return ErrorKind::auth;
    case 404:
      return ErrorKind::not_found;
    case 412:
      return ErrorKind::precondition;
    default:
      return ErrorKind::api;
  }
}

// "https://ns.adobe.com/aep/errors/FLOW-1439-404" -> "FLOW-1439-404"
std::string code_from_type_uri(const std::string& type) {
  auto slash = type.find_last_of('/');
  std::string last = slash == std::string::npos ? type : type.substr(slash + 1);
  if (last.empty() || last == "uri" || last.find('-') == std::string::npos) return {};
  return last;
}

bool is_success(int status) {
  return status >= 200 && status < 300;
}

std::unexpected<Error> unexpected_shape(const Response& r, std::string_view context,
                                        std::string what) {
  Error e;
  e.kind = ErrorKind::api;
  e.status = r.status;
  e.context = std::string(context);
  e.message = std::move(what);
  e.body = r.body;
  if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
  return std::unexpected(std::move(e));
}

Result<Page> to_page(json j, std::string_view context) {
  if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
    return fail(ErrorKind::api,
                std::string(context) + ": the service's answer has no 'items' list");
  }
  Page page;
  page.items = std::move(j["items"]);
  if (auto links = j.find("_links"); links != j.end() && links->is_object()) {
    if (auto next = links->find("next"); next != links->end() && next->is_object()) {
      page.next_href = any_text_of(*next, "href");
    }
  }
  return page;
}

}  // namespace

Result<json> parse_json_body(const Response& r, std::string_view context) {
  auto j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    Error e;
    e.kind = ErrorKind::api;
    e.status = r.status;
    e.context = std::string(context);
    e.body = r.body;
    const std::string* type = find_header(r.headers, "Content-Type");
    e.message = r.body.empty() ? "the service answered with an empty body where JSON was expected"
                               : "the service answered with a body that is not JSON (" +
                                     (type ? *type : std::string("no content type")) + ", " +
                                     std::to_string(r.body.size()) + " bytes)";
    if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
    return std::unexpected(std::move(e));
  }
  return j;
}

namespace {

// A 2xx answer, or an Error (the transport's with `context`, or the service's).
Result<Response> exchange_with(ServiceClient& service, Request req, std::string_view context) {
  auto res = service.send(std::move(req));
  if (!res) return std::unexpected(with_context(std::move(res.error()), std::string(context)));
  if (!is_success(res->status)) return std::unexpected(error_from_response(*res, context));
  return res;
}

}  // namespace

Result<json> call_json(ServiceClient& service, Request req, std::string_view context) {
  auto res = exchange_with(service, std::move(req), context);
  if (!res) return std::unexpected(res.error());
  return parse_json_body(*res, context);
}

Error error_from_response(const Response& r, std::string_view context) {
  Error e;
  e.kind = kind_for_status(r.status);
  e.status = r.status;
  e.context = std::string(context);
  e.body = r.body;

  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_array() && !j.empty()) j = j.front();
  if (j.is_object()) {
    // Gateway shape: {"error_code": "401013", "message": "..."}
    e.code = any_text_of(j, "error_code");
    // Current Flow Service shape: type URI with FLOW-<code>-<status>, title, report{...}
    if (e.code.empty()) e.code = code_from_type_uri(any_text_of(j, "type"));
    if (e.code.empty()) e.code = any_text_of(j, "code");
    e.title = any_text_of(j, "title");
    if (auto rep = j.find("report"); rep != j.end() && rep->is_object()) {
      e.message = any_text_of(*rep, "detailed-message");
      e.request_id = any_text_of(*rep, "request-id");
    }
    // Legacy shape: {"errorMessage": "...", "errorDetails": "..."}; RFC 7807-like: detail.
    for (const char* key : {"errorMessage", "detail", "message", "error_description", "error"}) {
      if (!e.message.empty()) break;
      e.message = any_text_of(j, key);
    }
    if (std::string details = any_text_of(j, "errorDetails");
        !details.empty() && details != e.message) {
      e.message = e.message.empty() ? details : e.message + " (" + details + ")";
    }
  } else if (!r.body.empty()) {
    const std::string* type = find_header(r.headers, "Content-Type");
    e.message = "unexpected non-JSON error body (" +
                (type ? *type : std::string("no content type")) + ", " +
                std::to_string(r.body.size()) + " bytes)";
  }
  if (e.message.empty()) e.message = e.title.empty() ? reason_phrase(r.status) : e.title;
  if (e.title == e.message) e.title.clear();
  if (e.request_id.empty()) {
    if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
  }
  return e;
}

Result<Response> FlowService::exchange(Request req, std::string_view context) {
  return exchange_with(service_, std::move(req), context);
}

Result<json> FlowService::read(const Request& req, std::string_view context) {
  // A read that answers 2xx with a body that is not JSON (cut short by a proxy, an HTML page) is
  // read again a couple of times: reading twice changes nothing.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    auto res = exchange(req, context);
    if (!res) return std::unexpected(res.error());
    auto j = parse_json_body(*res, context);
    if (j || attempt == kAttempts) return j;
  }
}

Result<Page> FlowService::list_page(Collection c, const ListQuery& q) {
  std::string context = "list " + std::string(collection_noun(c)) + "s";
  auto j = read(requests::list(c, q), context);
  if (!j) return std::unexpected(j.error());
  auto page = to_page(std::move(*j), context);
  if (page) learn(c, q, page->items);
  return page;
}

Result<Page> FlowService::next_page(std::string_view next_href) {
  std::string_view href = next_href;
  // A next link is a path relative to the base URL. An absolute link is followed only when it
  // points at the same service, so credentials never go to another host.
  if (href.starts_with("http://") || href.starts_with("https://")) {
    if (!href.starts_with(base_url())) {
      return fail(ErrorKind::api,
                  "refusing to follow a next link to another host: " + std::string(next_href));
    }
    href.remove_prefix(base_url().size());
  }
  auto j = read(requests::follow(href), "follow the next page");
  if (!j) return std::unexpected(j.error());
  auto page = to_page(std::move(*j), "follow the next page");
  if (page) {
    for (const auto& item : page->items)
      learn_id(item);
  }
  return page;
}

Result<void> NextLinks::follow(std::string_view href) {
  if (!followed_.emplace(href).second) {
    return fail(ErrorKind::api, "the service answered a page with a next link it gave before (" +
                                    printable(href) + "): the list would never end");
  }
  return {};
}

Result<json> FlowService::list_all(Collection c, const ListQuery& q) {
  auto page = list_page(c, q);
  if (!page) return std::unexpected(page.error());
  json all = std::move(page->items);
  std::string next = std::move(page->next_href);
  NextLinks links;
  while (!next.empty()) {
    if (auto ok = links.follow(next); !ok) return std::unexpected(ok.error());
    auto more = next_page(next);
    if (!more) return std::unexpected(more.error());
    for (auto& item : more->items)
      all.push_back(std::move(item));
    next = std::move(more->next_href);
  }
  return all;
}

Result<json> FlowService::get(Collection c, std::string_view id) {
  std::string context = "get " + std::string(collection_noun(c)) + " " + std::string(id);
  auto j = read(requests::get(c, id), context);
  if (!j) return std::unexpected(j.error());
  if (j->is_object() && j->contains("items") && (*j)["items"].is_array()) {
    auto& items = (*j)["items"];
    if (items.empty()) {
      Error e;
      e.kind = ErrorKind::not_found;
      e.status = 200;
      e.context = context;
      e.message = "the service answered with no " + std::string(collection_noun(c));
      return std::unexpected(std::move(e));
    }
    if (!items.front().is_object()) {
      return fail(ErrorKind::api, context + ": the service's answer is not an object");
    }
    learn_id(items.front());
    return std::move(items.front());
  }
  if (j->is_object() && j->contains("id")) {  // tolerate a bare object
    learn_id(*j);
    return std::move(*j);
  }
  return fail(ErrorKind::api, context + ": the service's answer has no 'items' list");
}

namespace {

// The fields of a create's body that identify what it creates: if an object with all of them
// appeared after the create was sent, the create happened.
json identity_of(const std::string& body) {
  json sent = json::parse(body, nullptr, false);
  json id = json::object();
  if (!sent.is_object()) return id;
  for (const char* key :
       {"name", "baseConnectionId", "sourceConnectionIds", "targetConnectionIds"}) {
    if (auto it = sent.find(key); it != sent.end()) id[key] = *it;
  }
  for (const char* key : {"connectionSpec", "flowSpec"}) {
    if (auto it = sent.find(key); it != sent.end() && it->is_object() && it->contains("id")) {
      id[key] = {{"id", (*it)["id"]}};
    }
  }
  if (auto it = sent.find("auth");
      it != sent.end() && it->is_object() && it->contains("specName")) {
    id["auth"] = {{"specName", (*it)["specName"]}};
  }
  return id;
}

bool has_identity(const json& candidate, const json& identity) {
  const json flat = identity.flatten();  // named: items() of a temporary would dangle
  for (const auto& [pointer, value] : flat.items()) {
    json::json_pointer ptr(pointer);
    if (!candidate.contains(ptr) || candidate.at(ptr) != value) return false;
  }
  return true;
}

std::int64_t epoch_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// The one name a query asks for alone ("name==X" and nothing else), or "".
std::string only_name(const ListQuery& q) {
  if (q.properties.size() != 1 || !q.properties.front().starts_with("name==")) return {};
  return q.properties.front().substr(6);
}

}  // namespace

void FlowService::learn_id(const json& item) {
  if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) return;
  std::lock_guard lock(seen_->mutex);
  seen_->ids.insert(item["id"].get<std::string>());
}

void FlowService::learn(Collection c, const ListQuery& q, const json& items) {
  for (const auto& item : items)
    learn_id(item);
  if (std::string name = only_name(q); !name.empty()) {
    std::lock_guard lock(seen_->mutex);
    seen_->names.emplace(c, std::move(name));
  }
}

Result<void> FlowService::look_before_create(Collection c, const std::string& name) {
  // A name with a comma cannot be asked for alone (a comma is an OR list in a filter).
  ListQuery q;
  if (name.empty() || !add_name_filter(q, name)) return {};
  {
    std::lock_guard lock(seen_->mutex);
    if (seen_->names.contains({c, name})) return {};
  }
  auto all = list_all(c, q);  // learned: what it finds, and the service's clock
  if (!all) return std::unexpected(all.error());
  return {};
}

Result<std::optional<Created>> FlowService::find_created(
    Collection c, const json& identity, std::optional<std::chrono::system_clock::time_point> since,
    const std::set<std::string>& known) {
  ListQuery q;
  if (since) q.properties.push_back("createdAt>=" + std::to_string(epoch_ms(*since)));
  std::string name = text_of(identity, "name");
  if (!name.empty()) add_name_filter(q, name);  // a name it cannot filter on is matched here
  std::optional<Created> found;
  std::int64_t newest = -1;
  auto visit = [&](json& items) {
    for (auto& item : items) {
      if (!item.is_object() || !has_identity(item, identity)) continue;
      if (!item["id"].is_string() || known.contains(item["id"].get<std::string>())) continue;
      const std::int64_t created = integer_of(item, "createdAt");
      if (since && created < epoch_ms(*since)) continue;  // a filter the service may not apply
      if (created <= newest) continue;
      newest = created;
      found = Created{item["id"].get<std::string>(), any_text_of(item, "etag"), item};
    }
  };
  auto page = list_page(c, q);
  if (!page) return std::unexpected(page.error());
  visit(page->items);
  NextLinks links;
  for (std::string next = page->next_href; !next.empty();) {
    if (auto ok = links.follow(next); !ok) return std::unexpected(ok.error());
    auto more = next_page(next);
    if (!more) return std::unexpected(more.error());
    visit(more->items);
    next = more->next_href;
  }
  return found;
}

Result<Created> FlowService::create(Collection c, const Request& req, std::string_view context) {
  // The retry policy re-sends a create only when it provably never arrived. Any other failure is
  // ambiguous: the object may exist. It is looked up before the create is sent again, so an
  // interrupted create never leaves a duplicate behind.
  constexpr int kSends = 3;
  const json identity = identity_of(req.body);
  // Only an object this create could have made is claimed: one with its name and fields, made
  // after it was first sent by the service's clock, and not one this client had seen before.
  if (auto ok = look_before_create(c, text_of(identity, "name")); !ok) {
    return std::unexpected(with_context(std::move(ok.error()), std::string(context)));
  }
  std::set<std::string> known;
  {
    std::lock_guard lock(seen_->mutex);
    known = seen_->ids;
  }
  const auto started = service_.clock().at_least(std::chrono::system_clock::now());
  Error last;
  for (int send = 1; send <= kSends; ++send) {
    bool created_for_sure = false;  // a 2xx whose answer could not be read
    auto res = service_.send(req);
    if (res && is_success(res->status)) {
      auto j = parse_json_body(*res, context);
      if (j && j->is_object() && (*j)["id"].is_string() && !(*j)["id"].get<std::string>().empty()) {
        Created created;
        created.id = (*j)["id"].get<std::string>();
        created.etag = any_text_of(*j, "etag");
        created.body = std::move(*j);
        return created;
      }
      last = j ? unexpected_shape(*res, context, "the service's answer has no 'id'").error()
               : j.error();
      created_for_sure = true;
    } else if (res) {
      last = error_from_response(*res, context);
      const int s = res->status;
      if (s != 500 && s != 502 && s != 503 && s != 504) return std::unexpected(std::move(last));
    } else {
      last = with_context(std::move(res.error()), std::string(context));
      if (last.kind != ErrorKind::network) return std::unexpected(std::move(last));
    }
    const std::string noun(collection_noun(c));
    auto found = find_created(c, identity, started, known);
    if (!found) {
      last.message += "; the " + noun + " may have been created, and looking for it failed (" +
                      found.error().message + "): list " + noun +
                      "s by name before creating it again";
      return std::unexpected(std::move(last));
    }
    if (*found) return std::move(**found);
    if (created_for_sure) {
      last.message += "; the service said the " + noun +
                      " was created, but it was not found by name: list " + noun +
                      "s before creating it again";
      return std::unexpected(std::move(last));
    }
    // Not there: the create did not happen, so sending it again cannot make a duplicate.
  }
  last.message +=
      " (sent " + std::to_string(kSends) + " times, checked each time: nothing was created)";
  return std::unexpected(std::move(last));
}

Result<Created> FlowService::create_connection(const NewConnection& c) {
  return create(Collection::connections, requests::create_connection(c), "create base connection");
}

Result<Created> FlowService::create_source_connection(const NewSourceConnection& s) {
  return create(Collection::source_connections, requests::create_source_connection(s),
                "create source connection");
}

Result<Created> FlowService::create_target_connection(const NewTargetConnection& t) {
  return create(Collection::target_connections, requests::create_target_connection(t),
                "create target connection");
}

Result<Created> FlowService::create_flow(const NewFlow& f) {
  return create(Collection::flows, requests::create_flow(f), "create dataflow");
}

Result<Patched> FlowService::patch_flow(std::string_view flow_id, std::string_view if_match,
                                        const json& ops) {
  return patch(Collection::flows, flow_id, if_match, ops);
}

Result<Patched> FlowService::patch(Collection c, std::string_view flow_id,
                                   std::string_view if_match, const json& ops) {
  std::string context = "update " + std::string(collection_noun(c)) + " " + std::string(flow_id);
  auto res = exchange(requests::patch(c, flow_id, if_match, ops), context);
  if (!res) return std::unexpected(res.error());
  Patched p;
  p.status = res->status;
  p.id = std::string(flow_id);
  if (res->body.find_first_not_of(" \t\r\n") == std::string::npos) return p;  // 202, no body
  auto j = parse_json_body(*res, context);
  if (!j) return p;  // applied (2xx), but the answer is unreadable: the etag is unknown
  if (j->is_object()) {
    if (std::string id = any_text_of(*j, "id"); !id.empty()) p.id = id;
    p.etag = any_text_of(*j, "etag");
  }
  p.body = std::move(*j);
  return p;
}

}  // namespace aepflow

namespace aepflow {

Result<void> FlowService::remove(Collection c, std::string_view id) {
  std::string context = "delete " + std::string(collection_noun(c)) + " " + std::string(id);
  auto res = service_.send(requests::remove(c, id));
  if (!res) return std::unexpected(with_context(std::move(res.error()), context));
  // A 404 on a second attempt means the first one, whose answer was lost, did the work.
  if (res->status == 404 && res->attempts > 1) return {};
  if (!is_success(res->status)) return std::unexpected(error_from_response(*res, context));
  return {};
}

Result<Patched> FlowService::flow_action(std::string_view flow_id, FlowAction action) {
  std::string context = std::string(action == FlowAction::enable ? "enable" : "disable") +
                        " dataflow " + std::string(flow_id);
  auto res = exchange(requests::flow_action(flow_id, action), context);
  if (!res) return std::unexpected(res.error());
  Patched p;
  p.status = res->status;
  p.id = std::string(flow_id);
  auto j = json::parse(res->body, nullptr, false);
  if (j.is_object()) {
    p.etag = any_text_of(j, "etag");
    p.body = std::move(j);
  }
  return p;
}

Result<Response> FlowService::send(Request req) {
  return service_.send(std::move(req));
}

bool FlowService::concurrent() const {
  return service_.concurrent();
}

const std::string& FlowService::base_url() const {
  return service_.url();
}

}  // namespace aepflow
